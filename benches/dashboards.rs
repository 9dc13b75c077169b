//! Dashboard latency and throughput over real HTTP, next to the raw SQL aggregate each one needs,
//! on a generated 200-person team with 730 days of history (`seed-demo --staff 200 --days 730`).
//!
//!     cargo bench --bench dashboards                      # SQLite in a temp dir
//!     BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/shopops_bench cargo bench --bench dashboards
//!
//! (the PostgreSQL database is dropped and created afresh for each run).
//!
//! Each client holds one keep-alive connection and speaks minimal HTTP/1.1 (`common::Http`), so
//! the latency is the server's. "uncached" runs against an app with the dashboard cache off and
//! varies the arguments; "cached" repeats one question against the default app. Raw SQL is every
//! read the answer needs, written by hand and run one after the other through the same connection
//! pool, without GraphQL, HTTP, the token check or the derived metrics:
//!
//! - ranking: each agent's sums over the month, with the agent's name (the query asks for it);
//! - weekly: the shop's sums and the ad sums per week (the API reads days and buckets them);
//! - day summary: the 8 shop days, their ad sums, and the day's team targets.

use std::time::{Duration, Instant};

use chrono::{Duration as Days, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::{Value, json};
use shopops::{app::Application, config::Settings, db, demo};

mod common;
use common::Http;
use common::cases::{Case, cases};

const STAFF: usize = 200;
const DAYS: u32 = 730;
const SAMPLES: usize = 300;
const WORKERS: usize = 4;

struct Stats {
    p50: Duration,
    p99: Duration,
}

fn stats(mut samples: Vec<Duration>) -> Stats {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)];
    Stats {
        p50: at(0.50),
        p99: at(0.99),
    }
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

/// Latency is until the last byte of the answer arrives; the client's own parsing of it is not
/// the API's time.
async fn post(http: &mut Http, token: &str, query: &str, vars: Value) {
    let body = http
        .post(Some(token), &json!({ "query": query, "variables": vars }))
        .await;
    assert!(
        body.starts_with(b"{\"data\":{") && !body.windows(9).any(|w| w == b"\"errors\":"),
        "{}",
        String::from_utf8_lossy(body)
    );
}

async fn serve(conn: DatabaseConnection, cache: u64) -> String {
    let mut settings = Settings::local("bench-secret-bench-secret-bench-secret");
    settings.limits.dashboard_cache = cache;
    let app = Application::build(&settings, conn).await.unwrap();
    let url = format!("http://127.0.0.1:{}/graphql", app.port());
    tokio::spawn(app.run_until(std::future::pending()));
    url
}

/// Requests per second with `WORKERS` clients in parallel.
async fn throughput(
    url: &str,
    token: &str,
    case: &Case,
    team: i64,
    y: NaiveDate,
    vary: bool,
) -> f64 {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for w in 0..WORKERS {
        let (url, token, query, vars) = (url.to_owned(), token.to_owned(), case.query, case.vars);
        tasks.push(tokio::spawn(async move {
            let mut http = Http::connect(&url).await;
            for i in 0..SAMPLES / WORKERS {
                let n = if vary { w * SAMPLES + i } else { 0 };
                post(&mut http, &token, query, vars(team, y, n)).await;
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    (SAMPLES / WORKERS * WORKERS) as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let (url, _dir) = common::database().await;
        let conn = db::connect(&url).await.unwrap();
        db::migrate(&conn).await.unwrap();
        let started = Instant::now();
        let seeded = demo::seed_generated_with_history(&conn, STAFF, DAYS)
            .await
            .unwrap();
        println!(
            "seeded {STAFF} people × {DAYS} days in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        let team = seeded.team_id;
        let manager = seeded.logins[0].0.clone();
        let yesterday = Utc::now()
            .with_timezone(&chrono_tz::Asia::Shanghai)
            .date_naive()
            - Days::days(1);

        let uncached = serve(conn.clone(), 0).await;
        let cached = serve(conn.clone(), 10_000).await;
        let (mut api_http, mut hit_http) =
            (Http::connect(&uncached).await, Http::connect(&cached).await);
        let login = format!(
            "mutation {{ login(input: {{ email: \"{manager}\", password: \"{}\" }}) {{ token }} }}",
            demo::DEMO_PASSWORD
        );
        let body: Value =
            serde_json::from_slice(hit_http.post(None, &json!({ "query": login })).await).unwrap();
        let token = body["data"]["login"]["token"].as_str().unwrap().to_owned();
        let backend = conn.get_database_backend();

        println!(
            "{:<26} {:>17} {:>17} {:>17} {:>8} {:>8} {:>10}",
            "query (ms p50 / p99)",
            "API uncached",
            "API cached",
            "raw SQL",
            "rps unc",
            "rps hit",
            "unc/raw"
        );
        for case in cases() {
            // The three are interleaved, so load from elsewhere on the machine weighs on each alike.
            let (mut api, mut hit, mut raw) = (Vec::new(), Vec::new(), Vec::new());
            for i in 0..SAMPLES {
                let vars = (case.vars)(team, yesterday, i);
                let t = Instant::now();
                post(&mut api_http, &token, case.query, vars).await;
                api.push(t.elapsed());

                let vars = (case.vars)(team, yesterday, 0);
                let t = Instant::now();
                post(&mut hit_http, &token, case.query, vars).await;
                hit.push(t.elapsed());

                let t = Instant::now();
                for s in (case.sql)(backend, team, yesterday, i) {
                    conn.query_all_raw(s).await.unwrap();
                }
                raw.push(t.elapsed());
            }
            let rps_uncached = throughput(&uncached, &token, &case, team, yesterday, true).await;
            let rps_cached = throughput(&cached, &token, &case, team, yesterday, false).await;
            let (api, hit, raw) = (stats(api), stats(hit), stats(raw));
            println!(
                "{:<26} {:>8} / {:>6} {:>8} / {:>6} {:>8} / {:>6} {:>8.0} {:>8.0} {:>9.2}×",
                case.name,
                ms(api.p50),
                ms(api.p99),
                ms(hit.p50),
                ms(hit.p99),
                ms(raw.p50),
                ms(raw.p99),
                rps_uncached,
                rps_cached,
                api.p50.as_secs_f64() / raw.p50.as_secs_f64()
            );
        }
    });
}
