//! Connecting to SQLite or PostgreSQL and keeping the schema current.

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    // SQL statements are logged at debug level under `sea_orm` / `sqlx` when RUST_LOG asks.
    options.sqlx_logging(false);
    if url.starts_with("sqlite:") {
        // One writer at a time is all SQLite allows; a small pool avoids lock contention.
        options.max_connections(4);
    } else {
        options.max_connections(16);
    }
    Database::connect(options).await
}

/// Applies every pending migration.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}
