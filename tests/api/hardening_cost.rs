//! The cost limit counts the rows a list can return, a batch shares one budget, and an answer
//! too large for the response limit is replaced by an error.

use serde_json::{Value, json};
use shopops::config::{Limits, Settings};

use crate::helpers::{TestApp, code, field, settings, spawn_app, spawn_with, world};

/// `n` aliases of the shop's numbers over `from..=to` at `granularity`, three fields each.
fn shop_aliases(n: usize, from: &str, to: &str, granularity: &str) -> String {
    let fields: String = (0..n)
        .map(|i| {
            format!(
                "a{i}: shopMetrics(teamId: $t, from: \"{from}\", to: \"{to}\", \
                 granularity: {granularity}) {{ periodStart visitors paidAmount }} "
            )
        })
        .collect();
    format!("query($t: ID!) {{ {fields} }}")
}

fn with_limits(limits: Limits) -> Settings {
    Settings {
        limits,
        ..settings()
    }
}

fn cost(resp: &Value) -> &Value {
    &resp["errors"][0]["extensions"]["cost"]
}

/// Statements the app runs for a request that executes nothing but the token check.
async fn auth_statements(app: &TestApp, token: &str) -> usize {
    let before = app.statements();
    app.ok(token, "{ __typename }", json!({})).await;
    app.statements() - before
}

#[tokio::test]
async fn many_aliases_of_a_long_range_by_day_are_refused_before_they_run() {
    let app = spawn_app().await;
    let w = world(&app).await;
    // 16 aliases × 1100 days × 3 fields = 52800, over the default 50000.
    let q = shop_aliases(16, "2026-01-01", "2029-01-04", "DAY");
    let auth = auth_statements(&app, &w.cs_a).await;
    let before = app.statements();
    let resp = app.gql(Some(&w.cs_a), &q, json!({ "t": w.team_a })).await;
    assert_eq!(code(&resp), "BAD_USER_INPUT", "{resp}");
    assert_eq!(cost(&resp), 52800);
    assert_eq!(resp["errors"][0]["extensions"]["limit"], 50000);
    assert_eq!(resp["data"], Value::Null);
    assert_eq!(
        app.statements() - before,
        auth,
        "nothing ran but the token check"
    );

    // One alias of a year by day: 365 rows.
    let year = shop_aliases(1, "2026-01-01", "2026-12-31", "DAY");
    let data = app.ok(&w.cs_a, &year, json!({ "t": w.team_a })).await;
    assert_eq!(data["a0"].as_array().unwrap().len(), 365);
}

#[tokio::test]
async fn a_range_costs_its_periods_times_one_row() {
    let app = spawn_with(with_limits(Limits {
        max_complexity: 1095,
        ..Limits::default()
    }))
    .await;
    let w = world(&app).await;
    let t = json!({ "t": w.team_a });
    // A year by day at exactly the limit: 365 × 3 = 1095.
    let year = shop_aliases(1, "2026-01-01", "2026-12-31", "DAY");
    app.ok(&w.cs_a, &year, t.clone()).await;
    let resp = app
        .gql(
            Some(&w.cs_a),
            &shop_aliases(2, "2026-01-01", "2026-12-31", "DAY"),
            t.clone(),
        )
        .await;
    assert_eq!(code(&resp), "BAD_USER_INPUT");
    assert_eq!(cost(&resp), 2190); // 2 × 365 × 3
    // 2026-01-01 is a Thursday: its ISO week starts 2025-12-29, the last one 2026-12-28, so 53
    // weeks; and 12 months. (365 + 53 + 12) × 3 = 1290.
    let q = "query($t: ID!) {
        d: shopMetrics(teamId: $t, from: \"2026-01-01\", to: \"2026-12-31\") { periodStart visitors paidAmount }
        w: shopMetrics(teamId: $t, from: \"2026-01-01\", to: \"2026-12-31\", granularity: WEEK) { periodStart visitors paidAmount }
        m: shopMetrics(teamId: $t, from: \"2026-01-01\", to: \"2026-12-31\", granularity: MONTH) { periodStart visitors paidAmount } }";
    let resp = app.gql(Some(&w.cs_a), q, t.clone()).await;
    assert_eq!(cost(&resp), 1290, "{resp}");
    // A refused range still costs the longest allowed one (1100 × 3), so aliases of it count.
    let resp = app
        .gql(
            Some(&w.cs_a),
            &shop_aliases(1, "2026-01-01", "2040-01-01", "DAY"),
            t,
        )
        .await;
    assert_eq!(cost(&resp), 3300, "{resp}");
}

#[tokio::test]
async fn a_range_longer_than_1100_days_is_bad_input_naming_to() {
    let app = spawn_app().await;
    let w = world(&app).await;
    // 2026-01-01 + 1100 days = 2029-01-05: the 1101st day.
    let vars = json!({ "t": w.team_a, "f": "2026-01-01", "to": "2029-01-05" });
    for q in [
        "shopMetrics(teamId: $t, from: $f, to: $to) { visitors }",
        "csRanking(teamId: $t, from: $f, to: $to) { team { received } }",
        "adReport(teamId: $t, from: $f, to: $to) { total { clicks } }",
        "designReport(teamId: $t, from: $f, to: $to) { delivered }",
        "productReport(teamId: $t, from: $f, to: $to) { totalCount }",
    ] {
        let q = format!("query($t: ID!, $f: Date!, $to: Date!) {{ {q} }}");
        let resp = app.gql(Some(&w.manager_a), &q, vars.clone()).await;
        assert_eq!(code(&resp), "BAD_USER_INPUT", "{q}: {resp}");
        assert_eq!(field(&resp), "to", "{q}");
    }
    let q = "query($t: ID!, $f: Date!, $to: Date!) { shopMetrics(teamId: $t, from: $f, to: $to) { visitors } }";
    let vars = json!({ "t": w.team_a, "f": "2026-01-01", "to": "2029-01-04" });
    let data = app.ok(&w.manager_a, q, vars).await;
    assert_eq!(data["shopMetrics"].as_array().unwrap().len(), 1100);
}

#[tokio::test]
async fn a_batch_shares_one_budget() {
    let app = spawn_with(with_limits(Limits {
        max_complexity: 2000,
        ..Limits::default()
    }))
    .await;
    let w = world(&app).await;
    // Each costs 365 × 3 = 1095: alone under 2000, the two together over it.
    let op = json!({
        "query": shop_aliases(1, "2026-01-01", "2026-12-31", "DAY"),
        "variables": { "t": w.team_a },
    });
    let (status, body) = app.post(Some(&w.cs_a), &json!([op, op])).await;
    assert_eq!(status, 200);
    assert_eq!(body[0]["data"]["a0"].as_array().unwrap().len(), 365);
    assert!(body[0].get("errors").is_none(), "{body}");
    assert_eq!(code(&body[1]), "BAD_USER_INPUT", "{body}");
    assert_eq!(cost(&body[1]), 1095);
    assert!(
        body[1]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("batch"),
        "{body}"
    );
}

#[tokio::test]
async fn an_answer_over_the_response_limit_is_an_error() {
    let app = spawn_with(with_limits(Limits {
        max_response_bytes: 2000,
        ..Limits::default()
    }))
    .await;
    let w = world(&app).await;
    // 365 rows of about 60 bytes each: some 22 kB.
    let year = json!({
        "query": shop_aliases(1, "2026-01-01", "2026-12-31", "DAY"),
        "variables": { "t": w.team_a },
    });
    let (status, body) = app.post(Some(&w.cs_a), &year).await;
    assert_eq!(status, 200);
    assert_eq!(code(&body), "RESPONSE_TOO_LARGE", "{body}");
    assert!(body.get("data").is_none_or(Value::is_null), "{body}");

    // In a batch the small answer stays, the large one is replaced.
    let me = json!({ "query": "{ me { email } }" });
    let (_, body) = app.post(Some(&w.cs_a), &json!([me, year])).await;
    assert_eq!(body[0]["data"]["me"]["email"], "cs.a@shop.test");
    assert_eq!(code(&body[1]), "RESPONSE_TOO_LARGE", "{body}");
}

#[tokio::test]
async fn a_negative_page_size_is_bad_input_not_an_overflow() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (status, body) = app
        .post(
            Some(&w.admin),
            &json!({ "query": "{ staff(first: -1) { edges { node { id } } } }" }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(code(&body), "BAD_USER_INPUT");
    assert_eq!(field(&body), "first");
}
