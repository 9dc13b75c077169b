//! A month's draft bonus run on a generated 2000-person team with 62 days of history
//! (`seed-demo --staff 2000 --days 62`), next to the raw SQL aggregates it needs.
//!
//!     cargo bench --bench bonus                      # SQLite in a temp dir
//!     BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/shopops_bench_bonus cargo bench --bench bonus
//!
//! On PostgreSQL the database the URL names is dropped and created afresh. The month is the last
//! one the history covers whole (with 62 days up to yesterday, the previous calendar month).
//! Timed, each `SAMPLES` times after one warm-up:
//! - `computeBonusRun` over real HTTP as the manager (reviews and bonus recomputed and stored);
//! - `bonus::recompute`, the same service without HTTP: a re-run (unchanged data: no review or
//!   payout is rewritten) and a first run (the month's reviews, payouts and lines deleted first,
//!   untimed, so every row is written);
//! - `MonthFacts::load`, the aggregates as the run reads them (concurrently);
//! - the raw SQL aggregates the run reads (agents, ad owners, design work, products, the shop's
//!   days and ad spend, targets, product owners), one after the other on the same pool.

use std::time::{Duration, Instant};

use chrono::{Duration as Days, Utc};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter, Statement,
    Value as Sql,
};
use serde_json::{Value, json};
use shopops::entities::{bonus_line, bonus_payout, bonus_run, review, team};
use shopops::period::Month;
use shopops::services::auth::Actor;
use shopops::services::metrics::month::MonthFacts;
use shopops::{app::Application, config::Settings, db, demo, services::teams};

mod common;
use common::{database, stmt};

const STAFF: usize = 2000;
const DAYS: u32 = 62;
const SAMPLES: usize = 15;

thread_local! {
    /// The timed part of each first-run sample (the deletes before it excluded).
    static FIRST: std::cell::RefCell<Vec<Duration>> = const { std::cell::RefCell::new(Vec::new()) };
}

const AGENT_SUMS: &str = "CAST(SUM(received) AS BIGINT), CAST(SUM(inquiries) AS BIGINT), \
    CAST(SUM(ordered_buyers) AS BIGINT), CAST(SUM(paid_buyers) AS BIGINT), \
    CAST(SUM(sales_amount_fen) AS BIGINT), CAST(SUM(sales_units) AS BIGINT), \
    CAST(SUM(first_response_seconds_sum) AS BIGINT), CAST(SUM(first_response_count) AS BIGINT), \
    CAST(SUM(response_seconds_sum) AS BIGINT), CAST(SUM(response_count) AS BIGINT), \
    CAST(SUM(buyer_messages) AS BIGINT), CAST(SUM(agent_messages) AS BIGINT), \
    CAST(SUM(unreplied) AS BIGINT), CAST(SUM(rated_good) AS BIGINT), CAST(SUM(rated_bad) AS BIGINT)";

const SHOP_SUMS: &str = "CAST(SUM(visitors) AS BIGINT), CAST(SUM(page_views) AS BIGINT), \
    CAST(SUM(paid_buyers) AS BIGINT), CAST(SUM(paid_orders) AS BIGINT), \
    CAST(SUM(paid_units) AS BIGINT), CAST(SUM(paid_amount_fen) AS BIGINT), \
    CAST(SUM(refund_amount_fen) AS BIGINT), CAST(SUM(cost_of_goods_fen) AS BIGINT), \
    CAST(SUM(shipping_cost_fen) AS BIGINT)";

/// The aggregates a month's run reads, as plain SQL.
fn raw(backend: DatabaseBackend, team: i64, month: Month) -> Vec<Statement> {
    let (from, to) = (month.first_day(), month.last_day());
    let range = || -> Vec<Sql> { vec![team.into(), from.into(), to.into()] };
    vec![
        stmt(
            backend,
            &format!(
                "SELECT staff_id, {AGENT_SUMS} FROM agent_day WHERE team_id = ? AND date BETWEEN ? AND ? GROUP BY staff_id"
            ),
            range(),
        ),
        stmt(
            backend,
            "SELECT channel, owner_id, CAST(SUM(impressions) AS BIGINT), CAST(SUM(clicks) AS BIGINT), \
             CAST(SUM(spend_fen) AS BIGINT), CAST(SUM(attributed_orders) AS BIGINT), \
             CAST(SUM(attributed_amount_fen) AS BIGINT) FROM ad_day \
             WHERE team_id = ? AND date BETWEEN ? AND ? GROUP BY channel, owner_id",
            range(),
        ),
        stmt(
            backend,
            "SELECT designer_id, \
             CAST(SUM(CASE WHEN delivered_on <= ? THEN 1 ELSE 0 END) AS BIGINT), \
             CAST(SUM(CASE WHEN delivered_on <= ? AND delivered_on <= due_on THEN 1 ELSE 0 END) AS BIGINT) \
             FROM design_deliverable WHERE team_id = ? AND requested_on <= ? \
             AND (delivered_on IS NULL OR delivered_on >= ?) GROUP BY designer_id",
            vec![to.into(), to.into(), team.into(), to.into(), from.into()],
        ),
        stmt(
            backend,
            "SELECT product_id, CAST(SUM(visitors) AS BIGINT), CAST(SUM(paid_buyers) AS BIGINT), \
             CAST(SUM(paid_units) AS BIGINT), CAST(SUM(paid_amount_fen) AS BIGINT) FROM product_day \
             WHERE team_id = ? AND date BETWEEN ? AND ? GROUP BY product_id",
            range(),
        ),
        stmt(
            backend,
            &format!("SELECT {SHOP_SUMS} FROM shop_day WHERE team_id = ? AND date BETWEEN ? AND ?"),
            range(),
        ),
        stmt(
            backend,
            "SELECT CAST(SUM(spend_fen) AS BIGINT), CAST(SUM(attributed_amount_fen) AS BIGINT) \
             FROM ad_day WHERE team_id = ? AND date BETWEEN ? AND ?",
            range(),
        ),
        stmt(
            backend,
            "SELECT staff_id, metric, value FROM target WHERE team_id = ? AND period = 'MONTH' AND starts_on = ?",
            vec![team.into(), from.into()],
        ),
        stmt(
            backend,
            "SELECT id, designer_id FROM product WHERE team_id = ? AND designer_id IS NOT NULL",
            vec![team.into()],
        ),
    ]
}

fn p50(mut samples: Vec<Duration>) -> f64 {
    samples.sort();
    samples[samples.len() / 2].as_secs_f64() * 1000.0
}

fn line(name: &str, samples: &[Duration]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = p50(sorted.clone());
    println!(
        "{name:<34} p50 {median:>9.2} ms   min {:>9.2}   max {:>9.2}   (n = {})",
        ms(sorted[0]),
        ms(sorted[sorted.len() - 1]),
        sorted.len()
    );
    median
}

async fn time<F: Future<Output = ()>>(mut run: impl FnMut() -> F) -> Vec<Duration> {
    run().await; // warm-up
    let mut samples = Vec::with_capacity(SAMPLES);
    for _ in 0..SAMPLES {
        let t = Instant::now();
        run().await;
        samples.push(t.elapsed());
    }
    samples
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let (url, _dir) = database().await;
        let conn = db::connect(&url).await.unwrap();
        db::migrate(&conn).await.unwrap();
        let started = Instant::now();
        let seeded = demo::seed_generated_with_history(&conn, STAFF, DAYS)
            .await
            .unwrap();
        println!(
            "seeded {STAFF} people × {DAYS} days in {:.1} s ({} rows)",
            started.elapsed().as_secs_f64(),
            seeded.history.rows.total()
        );
        let team = team::Entity::find_by_id(seeded.team_id)
            .one(&conn)
            .await
            .unwrap()
            .unwrap();
        let yesterday = teams::today(&team) - Days::days(1);
        let month = Month::of(Month::of(yesterday).first_day() - Days::days(1));
        let backend = conn.get_database_backend();

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
        if let Err(e) = shopops::services::bonus::recompute(
            &conn,
            &Actor::operator(),
            team.id,
            month,
            Utc::now(),
        )
        .await
        {
            panic!("{:#}", anyhow::Error::from(e));
        }
        let query = "mutation($t: ID!, $m: Month!) { computeBonusRun(input: { teamId: $t, month: $m }) { run {
            status total payouts(first: 1) { totalCount } } } }";
        let vars = json!({ "t": team.id.to_string(), "m": month.to_string() });
        let first: Value = client
            .post(&endpoint)
            .bearer_auth(&token)
            .json(&json!({ "query": query, "variables": vars }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(first.get("errors").is_none(), "{first}");
        let run = &first["data"]["computeBonusRun"]["run"];
        println!(
            "{month}: {} payouts, total {}",
            run["payouts"]["totalCount"], run["total"]
        );

        let http = || {
            let request = client
                .post(&endpoint)
                .bearer_auth(&token)
                .json(&json!({ "query": query, "variables": vars }));
            async move {
                let body: Value = request.send().await.unwrap().json().await.unwrap();
                assert!(body.get("errors").is_none(), "{body}");
            }
        };
        let operator = Actor::operator();
        let service = || {
            let (conn, operator) = (&conn, &operator);
            async move {
                shopops::services::bonus::recompute(conn, operator, team.id, month, Utc::now())
                    .await
                    .unwrap();
            }
        };
        // A first computation: the run's rows are gone, every payout is written.
        let first_time = || {
            let (conn, operator) = (&conn, &operator);
            async move {
                let run = bonus_run::Entity::find()
                    .filter(bonus_run::Column::TeamId.eq(team.id))
                    .one(conn)
                    .await
                    .unwrap()
                    .unwrap();
                bonus_line::Entity::delete_many()
                    .filter(bonus_line::Column::RunId.eq(run.id))
                    .exec(conn)
                    .await
                    .unwrap();
                bonus_payout::Entity::delete_many()
                    .filter(bonus_payout::Column::RunId.eq(run.id))
                    .exec(conn)
                    .await
                    .unwrap();
                review::Entity::delete_many()
                    .filter(review::Column::TeamId.eq(team.id))
                    .exec(conn)
                    .await
                    .unwrap();
                // A real first run meets tables without the dead rows these deletes leave.
                if backend == DatabaseBackend::Postgres {
                    conn.execute_unprepared("VACUUM review, bonus_payout, bonus_line")
                        .await
                        .unwrap();
                }
                let t = Instant::now();
                shopops::services::bonus::recompute(conn, operator, team.id, month, Utc::now())
                    .await
                    .unwrap();
                FIRST.with(|f| f.borrow_mut().push(t.elapsed()));
            }
        };
        let facts = || {
            let conn = &conn;
            async move {
                MonthFacts::load(conn, team.id, month).await.unwrap();
            }
        };
        let sql = || {
            let conn = &conn;
            async move {
                for s in raw(backend, team.id, month) {
                    conn.query_all_raw(s).await.unwrap();
                }
            }
        };

        let http = line("computeBonusRun over HTTP", &time(http).await);
        let service = line("bonus::recompute (re-run)", &time(service).await);
        time(first_time).await;
        let first = FIRST.with(|f| f.borrow().iter().skip(1).copied().collect::<Vec<_>>());
        let first = line("bonus::recompute (first run)", &first);
        line("  of which MonthFacts::load", &time(facts).await);
        let raw = line("raw SQL aggregates", &time(sql).await);
        println!(
            "draft run / raw SQL: {:.2}× over HTTP, {:.2}× service re-run, {:.2}× first run",
            http / raw,
            service / raw,
            first / raw,
        );
    });
}
