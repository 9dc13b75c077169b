//! Migrations that SQLite can only run by rebuilding a table (a column's NOT NULL or CHECK
//! changed) keep the table's id counter, both ways: an id once handed out, even of a row since
//! deleted, is never handed out again. PostgreSQL's sequences are checked alike.

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend};

use crate::helpers::spawn_app;

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
    let since = Migrator::migrations()
        .iter()
        .rev()
        .position(|m| m.name() == "m20261201_000031_unchecked_bonus_kinds")
        .unwrap()
        + 1;
    Migrator::down(&app.db, Some(since as u32)).await.unwrap();
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
