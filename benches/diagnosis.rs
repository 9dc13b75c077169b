//! Morning diagnosis latency on a generated 200-person team with 730 days of history
//! (`seed-demo --staff 200 --days 730`): `runDiagnosis` over real HTTP as the manager, the
//! `diagnosis::run` service alone, and `diagnosis::evaluate` (the reads and the rules, no writes).
//!
//!     cargo bench --bench diagnosis                      # SQLite in a temp dir
//!     BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/shopops_bench_diag cargo bench --bench diagnosis
//!
//! On PostgreSQL the database the URL names is dropped and created afresh. Against a server with
//! TLS on, the default `sslmode=prefer` costs ~100 ms of TLS setup per new pooled connection, and
//! the pool opens a few mid-run (p99 shows them); `?sslmode=disable` measures without.
//!
//! Each sample diagnoses another of the last `DATES` days: a "first run" inserts the day's
//! findings, a "re-run" of a day already diagnosed updates them in place (the replace path).

use std::time::{Duration, Instant};

use chrono::{Duration as Days, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use shopops::entities::{diagnosis, finding, team};
use shopops::{app::Application, config::Settings, db, demo, services::teams};

mod common;
use common::database;

const STAFF: usize = 200;
const DAYS: u32 = 730;
/// The days diagnosed: yesterday and the `DATES - 1` before it.
const DATES: usize = 60;
const SAMPLES: usize = 100;

const RUN: &str =
    "mutation($t: ID!, $d: Date) { runDiagnosis(input: { teamId: $t, date: $d }) { diagnosis {
    id findings { code severity observed expected } } } }";

fn p50_p99(mut samples: Vec<Duration>) -> String {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 * q) as usize).min(samples.len() - 1)];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "{:>8.2}   {:>7.2}   (n = {})",
        ms(at(0.50)),
        ms(at(0.99)),
        samples.len()
    )
}

/// Times `run` once per sample, with the sample's date.
async fn time<F: Future<Output = ()>>(
    dates: impl Iterator<Item = NaiveDate>,
    mut run: impl FnMut(NaiveDate) -> F,
) -> Vec<Duration> {
    let mut samples = Vec::new();
    for d in dates {
        let t = Instant::now();
        run(d).await;
        samples.push(t.elapsed());
    }
    samples
}

fn main() {
    // On a worker thread, like a request: `block_on`'s own thread would add a thread hop to
    // every database round trip.
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(rt.spawn(bench())).unwrap();
}

async fn bench() {
    let (url, _dir) = database().await;
    let conn = db::connect(&url).await.unwrap();
    db::migrate(&conn).await.unwrap();
    let started = Instant::now();
    let seeded = demo::seed_generated_with_history(&conn, STAFF, DAYS)
        .await
        .unwrap();
    println!(
        "seeded {STAFF} people × {DAYS} days in {:.1} s ({} rows: {})",
        started.elapsed().as_secs_f64(),
        seeded.history.rows.total(),
        seeded.history.rows
    );
    let team = team::Entity::find_by_id(seeded.team_id)
        .one(&conn)
        .await
        .unwrap()
        .unwrap();
    let yesterday = teams::today(&team) - Days::days(1);
    let dates = || (0..DATES).map(|i| yesterday - Days::days(i as i64));
    let spread = || (0..SAMPLES).map(|i| yesterday - Days::days((i % DATES) as i64));

    let outcome = shopops::services::diagnosis::evaluate(&conn, team.id, yesterday)
        .await
        .unwrap();
    let mut fired = std::collections::BTreeMap::<String, usize>::new();
    for c in outcome.checks.iter().filter(|c| c.fires) {
        *fired
            .entry(json!(c.code).as_str().unwrap().into())
            .or_default() += 1;
    }
    let total: usize = fired.values().sum();
    let codes: Vec<String> = fired.iter().map(|(c, n)| format!("{c} ×{n}")).collect();
    println!("{yesterday}: {total} findings: {}", codes.join(", "));
    let planted: Vec<&str> = seeded.history.planted.iter().map(|p| p.code()).collect();
    let missed: Vec<&&str> = planted
        .iter()
        .filter(|c| !fired.contains_key(**c))
        .collect();
    println!("planted: {} (not found: {missed:?})", planted.join(", "));

    let settings = Settings::local("bench-secret-bench-secret-bench-secret");
    let app = Application::build(&settings, conn.clone()).await.unwrap();
    let endpoint = format!("http://127.0.0.1:{}/graphql", app.port());
    tokio::spawn(app.run_until(std::future::pending()));
    let client = reqwest::Client::new();
    let login = format!(
        "mutation {{ login(input: {{ email: \"{}\", password: \"{}\" }}) {{ token }} }}",
        seeded.logins[0].0,
        demo::DEMO_PASSWORD
    );
    let body: Value = client
        .post(&endpoint)
        .json(&json!({ "query": login }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = body["data"]["login"]["token"].as_str().unwrap().to_owned();
    let http = |d: NaiveDate| {
        let request = client
            .post(&endpoint)
            .bearer_auth(&token)
            .json(&json!({ "query": RUN, "variables": { "t": team.id.to_string(), "d": d } }));
        async move {
            let body: Value = request.send().await.unwrap().json().await.unwrap();
            assert!(body.get("errors").is_none(), "{body}");
        }
    };
    let service = |d: NaiveDate| {
        let (conn, team) = (&conn, &team);
        async move {
            let operator = shopops::services::auth::Actor::operator();
            shopops::services::diagnosis::run(conn, &operator, team.id, Some(d), Utc::now())
                .await
                .unwrap();
        }
    };
    let forget = || async {
        finding::Entity::delete_many()
            .filter(finding::Column::TeamId.eq(team.id))
            .exec(&conn)
            .await
            .unwrap();
        diagnosis::Entity::delete_many()
            .filter(diagnosis::Column::TeamId.eq(team.id))
            .exec(&conn)
            .await
            .unwrap();
    };

    let mut rows = Vec::new();
    rows.push(("runDiagnosis HTTP, first run", time(dates(), http).await));
    rows.push(("runDiagnosis HTTP, re-run", time(spread(), http).await));
    forget().await;
    rows.push(("diagnosis::run, first run", time(dates(), service).await));
    rows.push(("diagnosis::run, re-run", time(spread(), service).await));
    let evaluate = |d| {
        let conn = &conn;
        async move {
            shopops::services::diagnosis::evaluate(conn, team.id, d)
                .await
                .unwrap();
        }
    };
    rows.push(("diagnosis::evaluate", time(spread(), evaluate).await));

    println!("{:<30} {:>8}   {:>7}", "ms", "p50", "p99");
    for (name, samples) in rows {
        println!("{name:<30} {}", p50_p99(samples));
    }
}
