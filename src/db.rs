//! Connecting to SQLite or PostgreSQL and keeping the schema current.

use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sea_query::OnConflict;
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{
    ActiveModelTrait, ConnectOptions, ConnectionTrait, Database, DatabaseConnection,
    DatabaseTransaction, DbBackend, DbErr, EntityTrait, IdenStatic, IntoActiveModel, Iterable,
    PrimaryKeyToColumn, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

/// How long a SQLite writer waits for the database's one write lock before giving up.
pub const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a request waits for a PostgreSQL connection: past this the database counts as down
/// (or overloaded) and the request answers `UNAVAILABLE` instead of hanging.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    // SQL statements are logged at debug level under `sea_orm` / `sqlx` when RUST_LOG asks.
    options.sqlx_logging(false);
    // A ping on every checkout costs each statement a round trip (a thread hop on SQLite); only a
    // connection idle long enough to have been dropped by the server or a proxy is checked.
    options.test_before_acquire_if_idle_for(Duration::from_secs(30));
    if url.starts_with("sqlite:") {
        // One writer at a time is all SQLite allows; a small pool avoids lock contention. WAL lets
        // readers go on while one writes; writers queue on the busy timeout (see `begin_write`).
        // A request waiting for a connection here waits behind writers, so as long as they may.
        options
            .max_connections(4)
            .acquire_timeout(SQLITE_BUSY_TIMEOUT)
            .map_sqlx_sqlite_opts(|o| {
                o.journal_mode(SqliteJournalMode::Wal)
                    .busy_timeout(SQLITE_BUSY_TIMEOUT)
            });
    } else {
        options
            .max_connections(16)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_timeout(ACQUIRE_TIMEOUT);
    }
    Database::connect(options).await
}

/// A transaction that will write. On SQLite it takes the write lock at `BEGIN` (`IMMEDIATE`): a
/// deferred transaction that reads and then writes cannot wait for a concurrent writer and fails
/// with "database is locked" at once, whereas `BEGIN IMMEDIATE` waits on the busy timeout.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

/// Any PostgreSQL advisory-lock key, as long as it is always the same one.
const MIGRATION_LOCK: i64 = 0x0053_484f_504f_5053; // "SHOPOPS" in ASCII

/// Applies every pending migration, in one transaction that first takes a lock (PostgreSQL's
/// advisory lock, SQLite's write lock), so that instances started together apply them once: the
/// others wait, then find nothing pending.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    let tx = begin_write(db).await?;
    if db.get_database_backend() == DbBackend::Postgres {
        tx.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
            .await?;
    }
    Migrator::up(&tx, None).await?;
    tx.commit().await
}

/// A model as a new row to insert: every column set but the primary key, which the database
/// assigns.
pub fn new_row<E>(model: E::Model) -> E::ActiveModel
where
    E: EntityTrait,
    E::Model: IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E>,
{
    let mut row = model.into_active_model().reset_all();
    for key in E::PrimaryKey::iter() {
        row.not_set(key.into_column());
    }
    row
}

/// Bind parameters per statement, under SQLite's limit (32766) and PostgreSQL's (65535).
const MAX_PARAMS: usize = 30_000;

/// Inserts `rows` in as few statements as the bind-parameter limits allow. With `keys`, a row
/// whose keys are already stored overwrites every other column of the stored one (its id stays).
pub async fn insert_chunks<E>(
    db: &impl ConnectionTrait,
    rows: Vec<E::ActiveModel>,
    keys: &[E::Column],
) -> Result<(), DbErr>
where
    E: EntityTrait,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
{
    let kept = |c: &E::Column| {
        E::PrimaryKey::iter().any(|k| k.into_column().as_str() == c.as_str())
            || keys.iter().any(|k| k.as_str() == c.as_str())
    };
    let on_conflict = (!keys.is_empty()).then(|| {
        OnConflict::columns(keys.iter().copied())
            .update_columns(E::Column::iter().filter(|c| !kept(c)))
            .to_owned()
    });
    let per_statement = MAX_PARAMS / E::Column::iter().count();
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<E::ActiveModel> = rows.by_ref().take(per_statement).collect();
        let insert = E::insert_many(chunk);
        match &on_conflict {
            Some(c) => {
                insert
                    .on_conflict(c.clone())
                    .exec_without_returning(db)
                    .await?
            }
            None => insert.exec_without_returning(db).await?,
        };
    }
    Ok(())
}
