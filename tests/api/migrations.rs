//! Migrations that SQLite can only run by rebuilding a table (a column's NOT NULL or CHECK
//! changed) keep the table's id counter, both ways: an id once handed out, even of a row since
//! deleted, is never handed out again. PostgreSQL's sequences are checked alike. And what
//! migration 34 changes: days without visitors, page views or impressions.

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, QueryOrder};
use serde_json::json;
use shopops::entities::{ad_day, shop_day};

use crate::fixtures::Kind;
use crate::helpers::{TestApp, spawn_app, world};

/// The tables some migration rebuilds on SQLite.
const REBUILT: [&str; 4] = ["bonus_rule", "bonus_line", "shop_day", "ad_day"];

/// The last id the table handed out.
async fn counter(db: &DatabaseConnection, table: &str) -> i64 {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => format!("SELECT last_value AS n FROM {}", sequence(db, table).await),
        _ => format!("SELECT seq AS n FROM sqlite_sequence WHERE name = '{table}'"),
    };
    let row = db.query_one_raw(statement(db, &sql)).await.unwrap();
    row.map_or(0, |r| r.try_get("", "n").unwrap())
}

async fn set_counter(db: &DatabaseConnection, table: &str, n: i64) {
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => format!("SELECT setval('{}', {n})", sequence(db, table).await),
        _ => format!(
            "DELETE FROM sqlite_sequence WHERE name = '{table}';
             INSERT INTO sqlite_sequence (name, seq) VALUES ('{table}', {n})"
        ),
    };
    db.execute_unprepared(&sql).await.unwrap();
}

async fn sequence(db: &DatabaseConnection, table: &str) -> String {
    let sql = format!("SELECT pg_get_serial_sequence('{table}', 'id') AS s");
    let row = db
        .query_one_raw(statement(db, &sql))
        .await
        .unwrap()
        .unwrap();
    row.try_get("", "s").unwrap()
}

/// How many migrations `Migrator::down` undoes to be back to before `name`, whatever came after.
pub fn steps_back_before(name: &str) -> u32 {
    let newer = Migrator::migrations()
        .iter()
        .rev()
        .position(|m| m.name() == name)
        .unwrap_or_else(|| panic!("no migration {name}"));
    newer as u32 + 1
}

fn statement(db: &DatabaseConnection, sql: &str) -> sea_orm::Statement {
    sea_orm::Statement::from_string(db.get_database_backend(), sql)
}

#[tokio::test]
async fn rebuilt_tables_keep_their_id_counters_down_and_up() {
    let app = spawn_app().await;
    for (i, table) in REBUILT.iter().enumerate() {
        set_counter(&app.db, table, 1000 + i as i64).await;
    }
    // Back to before the first migration that rebuilds a table, and forward again.
    let since = steps_back_before("m20261201_000031_unchecked_bonus_kinds");
    Migrator::down(&app.db, Some(since)).await.unwrap();
    for (i, table) in REBUILT.iter().enumerate() {
        assert_eq!(
            counter(&app.db, table).await,
            1000 + i as i64,
            "{table} down"
        );
    }
    Migrator::up(&app.db, None).await.unwrap();
    for (i, table) in REBUILT.iter().enumerate() {
        assert_eq!(counter(&app.db, table).await, 1000 + i as i64, "{table} up");
    }
}

/// Migration 34 makes visitors, page views and impressions nullable: a day given without them
/// (a GraphQL batch here) stores NULL and reads null, not 0; going back is refused while such a
/// day is stored, and once it is gone the columns are NOT NULL again, their values kept.
#[tokio::test]
async fn traffic_counts_not_given_are_null_and_block_going_back() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let promo = app
        .create_staff(
            &w.manager_a,
            &w.team_a,
            "ad@shop.test",
            "PROMOTION",
            "STAFF",
        )
        .await;
    let shop = json!([
        { "date": "2026-11-01", "visitors": 100, "pageViews": 300, "paidBuyers": 5,
          "paidAmount": "500.00" },
        { "date": "2026-11-02", "paidBuyers": 7, "paidAmount": "700.00" },
    ]);
    app.imported(&w.manager_a, Kind::Shop, &w.team_a, shop)
        .await;
    let ad = json!([{ "date": "2026-11-02", "channel": "TAOBAOKE", "ownerId": promo,
                      "clicks": 80, "spend": "40.00", "attributedOrders": 4,
                      "attributedAmount": "400.00" }]);
    app.imported(&w.manager_a, Kind::Ad, &w.team_a, ad).await;
    let traffic = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            let days = shop_day::Entity::find()
                .order_by_asc(shop_day::Column::Date)
                .all(&db)
                .await
                .unwrap();
            let ads = ad_day::Entity::find().all(&db).await.unwrap();
            let shop: Vec<_> = days.iter().map(|d| (d.visitors, d.page_views)).collect();
            (shop, ads.iter().map(|a| a.impressions).collect::<Vec<_>>())
        }
    };
    assert_eq!(
        traffic(&app).await,
        (vec![(Some(100), Some(300)), (None, None)], vec![None])
    );
    // The day with and the day without: Σ visitors is not 100, it is not known.
    let data = app
        .ok(
            &w.manager_a,
            "query($t: ID!) { shopMetrics(teamId: $t, from: \"2026-11-01\", to: \"2026-11-02\",
               granularity: MONTH) { visitors conversionRate paidBuyers } }",
            json!({ "t": w.team_a }),
        )
        .await;
    assert_eq!(
        data["shopMetrics"],
        json!([{ "visitors": null, "conversionRate": null, "paidBuyers": 12 }])
    );

    let since = steps_back_before("m20261201_000034_optional_traffic_counts");
    let refused = Migrator::down(&app.db, Some(since))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("1 rows of shop_day have no visitors or page_views"),
        "{refused}"
    );
    app.db
        .execute_unprepared("DELETE FROM shop_day WHERE visitors IS NULL; DELETE FROM ad_day")
        .await
        .unwrap();
    Migrator::down(&app.db, Some(since)).await.unwrap();
    for null in [
        "UPDATE shop_day SET visitors = NULL",
        "UPDATE shop_day SET page_views = NULL",
    ] {
        assert!(app.db.execute_unprepared(null).await.is_err(), "{null}");
    }
    Migrator::up(&app.db, None).await.unwrap();
    assert_eq!(traffic(&app).await, (vec![(Some(100), Some(300))], vec![]));
}
