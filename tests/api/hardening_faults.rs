//! Faults under load (issue 13, items 7 and 9): concurrent writers on SQLite wait for the write
//! lock instead of failing, a database that is down answers 503 `UNAVAILABLE` promptly, and
//! instances started together migrate once.

use async_graphql::futures_util::future::join_all;
use sea_orm::{ConnectionTrait, Database};
use serde_json::json;
use shopops::db;

use crate::bonus::october;
use crate::fixtures::{Kind, shop_day};
use crate::helpers::{code, empty_database, spawn_app, world};

/// 50 imports at once, each a transaction that reads the team's rows and then writes: on SQLite
/// a deferred transaction could not wait for the lock and failed "database is locked".
#[tokio::test]
async fn fifty_parallel_imports_all_land() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let days: Vec<String> = (1..=50)
        .map(|d| {
            let (month, day) = if d <= 31 { (10, d) } else { (11, d - 31) };
            format!("2026-{month:02}-{day:02}")
        })
        .collect();
    let responses = join_all(days.iter().map(|date| {
        let day = shop_day(date)
            .paid_buyers(3)
            .paid_orders(3)
            .paid_units(4)
            .paid_amount("10.01");
        app.import(&w.manager_a, Kind::Shop, &w.team_a, [day])
    }))
    .await;
    for resp in &responses {
        assert!(resp.get("errors").is_none(), "an import failed: {resp}");
        assert_eq!(resp["data"]["importShopDays"]["inserted"], 1);
    }
    // 31 October days + 19 November days, 100 visitors and ¥10.01 each.
    let q = "query($t: ID!) { shopMetrics(teamId: $t, from: \"2026-10-01\", to: \"2026-11-30\", \
             granularity: MONTH) { visitors paidAmount } }";
    let data = app.ok(&w.manager_a, q, json!({ "t": w.team_a })).await;
    assert_eq!(data["shopMetrics"][0]["visitors"], 3100); // 31 × 100
    assert_eq!(data["shopMetrics"][0]["paidAmount"], "310.31"); // 31 × 10.01
    assert_eq!(data["shopMetrics"][1]["visitors"], 1900); // 19 × 100
    assert_eq!(data["shopMetrics"][1]["paidAmount"], "190.19"); // 19 × 10.01
}

/// Eight bonus runs of the same month at once: each waits its turn and recomputes the one draft
/// to the same total.
#[tokio::test]
async fn parallel_bonus_runs_all_succeed_on_one_run() {
    let app = spawn_app().await;
    let shop = october(&app).await;
    let w = &shop.w;
    let q = "mutation($t: ID!, $m: Month!) { computeBonusRun(input: { teamId: $t, month: $m }) { run { status total } } }";
    let responses = join_all((0..8).map(|_| {
        app.gql(
            Some(&w.manager_a),
            q,
            json!({ "t": w.team_a, "m": "2026-10" }),
        )
    }))
    .await;
    let totals: Vec<&serde_json::Value> = responses
        .iter()
        .map(|r| {
            assert!(r.get("errors").is_none(), "a run failed: {r}");
            assert_eq!(r["data"]["computeBonusRun"]["run"]["status"], "DRAFT");
            &r["data"]["computeBonusRun"]["run"]["total"]
        })
        .collect();
    assert!(
        totals.iter().all(|t| *t == totals[0]),
        "the same run: {totals:?}"
    );
}

/// Instances started together on an empty database: both migrate, neither fails.
#[tokio::test]
async fn two_instances_migrate_an_empty_database_together() {
    let (url, _dir) = empty_database().await;
    let a = db::connect(&url).await.unwrap();
    let b = db::connect(&url).await.unwrap();
    let (ra, rb) = tokio::join!(db::migrate(&a), db::migrate(&b));
    ra.expect("first instance migrates");
    rb.expect("second instance migrates");
    let applied = a
        .query_one_raw(sea_orm::Statement::from_string(
            a.get_database_backend(),
            "SELECT COUNT(*) AS n FROM seaql_migrations",
        ))
        .await
        .unwrap()
        .unwrap();
    let n: i64 = applied.try_get("", "n").unwrap();
    assert_eq!(
        n as usize,
        <migration::Migrator as migration::MigratorTrait>::migrations().len()
    );
}

/// PostgreSQL refusing connections: the request fails fast with 503 `UNAVAILABLE` (the pool used
/// to wait 30 s and then answer INTERNAL). SQLite has no server to lose, so this is PostgreSQL's.
#[tokio::test]
async fn database_down_answers_unavailable_promptly() {
    let Ok(server) = std::env::var("TEST_DATABASE_URL") else {
        return;
    };
    let app = spawn_app().await;
    let w = world(&app).await;
    let name = app.database_url.rsplit('/').next().unwrap().to_owned();
    let name = name.split('?').next().unwrap().to_owned();
    let admin = Database::connect(&server).await.unwrap();
    admin
        .execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false"))
        .await
        .unwrap();
    admin
        .execute_unprepared(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        ))
        .await
        .unwrap();
    // More requests than the pool has connections: the dead ones are used up and the rest have
    // to connect anew, which the server refuses.
    let started = std::time::Instant::now();
    let responses = join_all((0..20).map(|_| {
        app.client
            .post(format!("{}/graphql", app.url))
            .bearer_auth(&w.manager_a)
            .json(&json!({ "query": "{ me { id } }" }))
            .send()
    }))
    .await;
    let elapsed = started.elapsed();
    for resp in responses {
        let resp = resp.unwrap();
        assert_eq!(resp.status(), 503);
        assert_eq!(resp.headers()["retry-after"], "1");
        let body: serde_json::Value = resp.json().await.unwrap();
        assert_eq!(code(&body), "UNAVAILABLE");
    }
    // Not a timing measurement: the old pool waited 30 s; anything under 15 s is "fast".
    assert!(elapsed.as_secs() < 15, "took {elapsed:?}");
    admin
        .execute_unprepared(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true"))
        .await
        .unwrap();
    // Back up: the same request succeeds again (once the pool has dropped what it held from
    // before, each of which answers one retryable 503).
    let mut recovered = false;
    for _ in 0..20 {
        let resp = app
            .gql(Some(&w.manager_a), "{ me { id } }", json!({}))
            .await;
        if resp["data"]["me"]["id"] == w.manager_a_id.as_str() {
            recovered = true;
            break;
        }
        assert_eq!(code(&resp), "UNAVAILABLE");
    }
    assert!(recovered, "the app recovers once the database is back");
}
