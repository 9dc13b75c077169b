//! `/metrics`: Prometheus metrics on a listener of their own, only when configured; exact counts
//! of what was asked (operations, error codes, dashboard cache, import rows), the pool read at
//! scrape time, one registry per app, and operation labels bounded whatever clients send.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::fixtures::{Kind, shop_day};
use crate::helpers::{
    PASSWORD, TestApp, code, create_root, hasher, settings, spawn_app, spawn_with,
};

/// One sample of a scrape: its name, its labels and its value.
struct Sample {
    name: String,
    labels: BTreeMap<String, String>,
    value: f64,
}

/// A scrape in the Prometheus text format, parsed.
struct Scrape(Vec<Sample>);

impl Scrape {
    /// The value of the sample `name` with exactly `labels`, if there is one.
    fn get(&self, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
        let labels: BTreeMap<String, String> = (labels.iter())
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let mut found = self
            .0
            .iter()
            .filter(|s| s.name == name && s.labels == labels);
        let sample = found.next()?;
        assert!(found.next().is_none(), "{name} {labels:?} twice");
        Some(sample.value)
    }

    /// As [`get`](Self::get), asserting the sample is there.
    fn value(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.get(name, labels)
            .unwrap_or_else(|| panic!("no sample {name} {labels:?}"))
    }

    fn samples<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Sample> {
        self.0.iter().filter(move |s| s.name == name)
    }
}

fn parse(text: &str) -> Scrape {
    let samples = (text.lines())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (series, value) = line.rsplit_once(' ').expect("a sample has a value");
            let value = value.parse().unwrap_or_else(|e| panic!("{e}: {line}"));
            let (name, labels) = match series.split_once('{') {
                Some((name, labels)) => (name, labels.strip_suffix('}').expect("labels end")),
                None => (series, ""),
            };
            let labels = (labels.split(','))
                .filter(|l| !l.is_empty())
                .map(|l| {
                    let (k, v) = l.split_once('=').expect("label=value");
                    let v = v.strip_prefix('"').and_then(|v| v.strip_suffix('"'));
                    (k.to_owned(), v.expect("a quoted value").to_owned())
                })
                .collect();
            Sample {
                name: name.to_owned(),
                labels,
                value,
            }
        })
        .collect();
    Scrape(samples)
}

async fn spawn_with_metrics() -> TestApp {
    let mut settings = settings();
    settings.metrics_bind = Some(([127, 0, 0, 1], 0).into());
    spawn_with(settings).await
}

impl TestApp {
    async fn scrape(&self) -> Scrape {
        let url = self.metrics_url.as_ref().expect("metrics configured");
        let resp = self.client.get(url).send().await.unwrap();
        assert_eq!(resp.status(), 200);
        let content_type = resp.headers()["content-type"].to_str().unwrap().to_owned();
        assert_eq!(content_type, "text/plain; version=0.0.4; charset=utf-8");
        parse(&resp.text().await.unwrap())
    }

    /// GETs `path` of the public port: its status, content type and body.
    async fn get_public(&self, path: &str) -> (u16, String, String) {
        let resp = (self.client.get(format!("{}{path}", self.url)))
            .send()
            .await
            .unwrap();
        let status = resp.status().as_u16();
        let content_type = resp.headers()["content-type"].to_str().unwrap().to_owned();
        (status, content_type, resp.text().await.unwrap())
    }
}

const OPERATIONS: &str = "shopops_graphql_request_duration_seconds_count";
const REQUESTS: &str = "shopops_http_request_duration_seconds_count";

/// `GET /metrics` on the public port is the web app's page, never the metrics.
async fn assert_public_metrics_is_the_web_app(app: &TestApp) {
    let (status, content_type, body) = app.get_public("/metrics").await;
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"), "{content_type}");
    assert!(!body.contains("# TYPE"), "{body}");
    assert!(!body.contains("shopops_"), "{body}");
}

#[tokio::test]
async fn metrics_are_off_unless_configured() {
    let app = spawn_app().await;
    assert!(app.metrics_url.is_none(), "no metrics listener by default");
    assert_public_metrics_is_the_web_app(&app).await;
}

const ME: &str = "query Me { me { id } }";
const SHOP: &str = "query Shop($t: ID!) { shopMetrics(teamId: $t, from: \"2026-11-01\", \
                    to: \"2026-11-30\") { visitors } }";
const IMPORT_FILE: &str =
    "mutation($i: ImportFileInput!) { importFile(input: $i) { inserted updated } }";

#[tokio::test]
async fn a_scrape_counts_exactly_what_was_asked() {
    let app = spawn_with_metrics().await;
    create_root(&app.db, hasher()).await;
    let admin = app.login("root@shop.test", PASSWORD).await;
    let team = app.create_team(&admin, "Shop A").await;

    app.ok(&admin, ME, json!({})).await;
    let refused = app.gql(None, ME, json!({})).await;
    assert_eq!(code(&refused), "UNAUTHENTICATED");

    // The same dashboard twice: computed, then from the cache.
    for _ in 0..2 {
        app.ok(&admin, SHOP, json!({ "t": team })).await;
    }

    // 3 new days, then the same 3 again.
    let days: Vec<_> = ["2026-11-01", "2026-11-02", "2026-11-03"]
        .map(shop_day)
        .into();
    assert_eq!(app.imported(&admin, Kind::Shop, &team, &days).await, (3, 0));
    assert_eq!(app.imported(&admin, Kind::Shop, &team, &days).await, (0, 3));

    // A file of one day imported already and one new: a dry run first, which writes nothing.
    let file =
        "date,visitors,paid_buyers,paid_amount\n2026-11-03,100,5,500\n2026-11-04,100,5,500\n";
    for dry_run in [true, false] {
        let input = json!({ "teamId": team, "kind": "SHOP_DAYS", "file": null, "dryRun": dry_run });
        let (_, resp) = app
            .upload(
                Some(&admin),
                IMPORT_FILE,
                json!({ "i": input }),
                "variables.i.file",
                ("days.csv", file.as_bytes().to_vec()),
            )
            .await;
        assert_eq!(
            resp["data"]["importFile"],
            json!({ "inserted": 1, "updated": 1 }),
            "{resp}"
        );
    }

    let (health, _, _) = app.get_public("/healthz").await;
    assert_eq!(health, 200);
    assert_public_metrics_is_the_web_app(&app).await;

    let scrape = app.scrape().await;
    let op = |name| scrape.value(OPERATIONS, &[("operation", name)]);
    assert_eq!(op("Me"), 2.0); // 1 signed in + 1 refused
    assert_eq!(op("Shop"), 2.0);
    // login, createTeam, 2 row imports, 2 file imports: none of them named.
    assert_eq!(op("-"), 6.0);

    let errors: Vec<_> = scrape.samples("shopops_graphql_errors_total").collect();
    assert_eq!(errors.len(), 1, "one code only");
    assert_eq!(errors[0].labels["code"], "UNAUTHENTICATED");
    assert_eq!(errors[0].value, 1.0);

    let cache = |result| {
        scrape.value(
            "shopops_dashboard_cache_lookups_total",
            &[("result", result)],
        )
    };
    assert_eq!((cache("miss"), cache("hit")), (1.0, 1.0));

    let rows = |kind, outcome| {
        scrape.value(
            "shopops_import_rows_total",
            &[("kind", kind), ("outcome", outcome)],
        )
    };
    assert_eq!(rows("shop-days", "inserted"), 4.0); // 3 in the first batch + 1 from the file
    assert_eq!(rows("shop-days", "updated"), 4.0); // 3 in the second batch + 1 from the file
    for kind in [
        "product-days",
        "agent-days",
        "ad-days",
        "deliverables",
        "competitors",
    ] {
        assert_eq!(
            (rows(kind, "inserted"), rows(kind, "updated")),
            (0.0, 0.0),
            "{kind}"
        );
    }

    let requests = |route, status| scrape.value(REQUESTS, &[("route", route), ("status", status)]);
    // login, createTeam, Me × 2, Shop × 2, 2 row imports, 2 file imports.
    assert_eq!(requests("/graphql", "200"), 10.0);
    assert_eq!(requests("/healthz", "200"), 1.0);
    assert_eq!(
        requests("/*", "200"),
        1.0,
        "the web app's page for /metrics"
    );
    // Every latency falls in the last bucket.
    let all = scrape.value(
        "shopops_http_request_duration_seconds_bucket",
        &[("route", "/graphql"), ("status", "200"), ("le", "+Inf")],
    );
    assert_eq!(all, 10.0);

    let pool = |state| scrape.value("shopops_db_connections", &[("state", state)]);
    let max = scrape.value("shopops_db_connections_max", &[]);
    assert!(max >= 1.0, "{max}");
    assert!(
        pool("in_use") + pool("idle") <= max,
        "{} + {} > {max}",
        pool("in_use"),
        pool("idle")
    );
}

#[tokio::test]
async fn two_apps_in_one_process_count_apart() {
    let a = spawn_with_metrics().await;
    let b = spawn_with_metrics().await;
    for _ in 0..3 {
        a.gql(None, "query OnlyA { __typename }", json!({})).await;
    }
    b.gql(None, ME, json!({})).await;

    let (a, b) = (a.scrape().await, b.scrape().await);
    assert_eq!(a.get(OPERATIONS, &[("operation", "OnlyA")]), Some(3.0));
    assert_eq!(a.get(OPERATIONS, &[("operation", "Me")]), None);
    assert_eq!(a.samples("shopops_graphql_errors_total").count(), 0);
    assert_eq!(b.get(OPERATIONS, &[("operation", "OnlyA")]), None);
    assert_eq!(b.get(OPERATIONS, &[("operation", "Me")]), Some(1.0));
    let code = [("code", "UNAUTHENTICATED")];
    assert_eq!(b.get("shopops_graphql_errors_total", &code), Some(1.0));
}

#[tokio::test]
async fn a_flood_of_operation_names_stays_within_the_cap() {
    let app = spawn_with_metrics().await;
    // A name of 64 characters is one.
    let longest = "N".repeat(64);
    app.gql(
        None,
        &format!("query {longest} {{ __typename }}"),
        json!({}),
    )
    .await;
    for i in 0..250 {
        let resp = app
            .gql(None, &format!("query Flood{i} {{ __typename }}"), json!({}))
            .await;
        assert_eq!(resp["data"]["__typename"], "Query", "{resp}");
    }
    // Names that are no GraphQL name, or too long, never get a label.
    let long = "L".repeat(65);
    let odd = [long.as_str(), "no-such-name", "名前"];
    for name in odd {
        let body = json!({ "query": "{ __typename }", "operationName": name });
        app.post(None, &body).await;
    }

    let scrape = app.scrape().await;
    let labels: BTreeMap<&str, f64> = scrape
        .samples(OPERATIONS)
        .map(|s| (s.labels["operation"].as_str(), s.value))
        .collect();
    // The 64 N's, Flood0..Flood198 (1 + 199 = the cap of 200), and (other).
    assert_eq!(labels.len(), 200 + 1, "{labels:?}");
    assert_eq!(labels[longest.as_str()], 1.0);
    assert!((0..199).all(|i| labels.get(format!("Flood{i}").as_str()) == Some(&1.0)));
    // Flood199..Flood249 (51) and the 3 odd names.
    assert_eq!(labels["(other)"], 51.0 + 3.0);
}

#[tokio::test]
async fn a_batch_counts_each_of_its_operations() {
    let app = spawn_with_metrics().await;
    let batch: Value = json!([
        { "query": "query First { __typename }" },
        { "query": "query Second { __typename }" },
        { "query": "query First { __typename }" },
    ]);
    let (status, _) = app.post(None, &batch).await;
    assert_eq!(status, 200);

    let scrape = app.scrape().await;
    assert_eq!(scrape.value(OPERATIONS, &[("operation", "First")]), 2.0);
    assert_eq!(scrape.value(OPERATIONS, &[("operation", "Second")]), 1.0);
    // One HTTP request.
    let one = [("route", "/graphql"), ("status", "200")];
    assert_eq!(scrape.value(REQUESTS, &one), 1.0);
}
