//! Connecting to SQLite or PostgreSQL and keeping the schema current.

mod nodelay;

use std::str::FromStr;
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::postgres::PgConnectOptions;
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{
    ActiveModelTrait, ActiveValue, ConnectOptions, ConnectionTrait, Database, DatabaseConnection,
    DatabaseTransaction, DbBackend, DbErr, EntityTrait, IdenStatic, IntoActiveModel, Iterable,
    PrimaryKeyToColumn, SqliteTransactionMode, Statement, TransactionOptions, TransactionTrait,
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
        if let Some(port) = tcp_port(url) {
            options.map_sqlx_postgres_pool_opts(move |pool| {
                pool.after_connect(move |_, _| {
                    nodelay::set_on_sockets_to(port);
                    Box::pin(async { Ok(()) })
                })
            });
        }
    }
    Database::connect(options).await
}

/// The port of a PostgreSQL URL over TCP; None for a Unix socket (whose host is a path).
fn tcp_port(url: &str) -> Option<u16> {
    PgConnectOptions::from_str(url)
        .ok()
        .filter(|o| o.get_socket().is_none() && !o.get_host().starts_with('/'))
        .map(|o| o.get_port())
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
/// whose keys are already stored overwrites every other column of the stored one, except its id
/// and the `kept` columns: those the keys determine (a person's day keeps its team, since a
/// person never changes team). Overwriting them would change nothing but cost the database a
/// rewrite of every index and foreign-key check on them: on SQLite, half an overwrite's time.
/// Every row sets the same columns as the first.
///
/// The statement is written here rather than by sea-query: building an `INSERT` of 1,500 rows
/// value by value was a tenth of a file import's time, and the text depends only on the number
/// of rows, so the database's statement cache prepares it once.
pub async fn insert_chunks<E>(
    db: &impl ConnectionTrait,
    rows: Vec<E::ActiveModel>,
    keys: &[E::Column],
    kept: &[E::Column],
) -> Result<(), DbErr>
where
    E: EntityTrait,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
{
    let Some(first) = rows.first() else {
        return Ok(());
    };
    let columns: Vec<E::Column> = E::Column::iter()
        .filter(|c| !first.is_not_set(*c))
        .collect();
    let backend = db.get_database_backend();
    let per_statement = MAX_PARAMS / columns.len().max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let mut values = Vec::with_capacity(per_statement * columns.len());
        let mut count = 0;
        for mut row in rows.by_ref().take(per_statement) {
            for &column in &columns {
                match row.take(column) {
                    ActiveValue::Set(v) | ActiveValue::Unchanged(v) => values.push(v),
                    ActiveValue::NotSet => {
                        let name = column.as_str();
                        return Err(DbErr::Custom(format!("a row of a batch lacks {name}")));
                    }
                }
            }
            count += 1;
        }
        let sql = insert_sql::<E>(backend, &columns, count, keys, kept);
        db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?;
    }
    Ok(())
}

/// `INSERT INTO t (columns) VALUES (…), … [ON CONFLICT (keys) DO UPDATE SET c = excluded.c, …]`
/// for `rows` rows, every column but the keys, the `kept` and the id overwritten.
fn insert_sql<E: EntityTrait>(
    backend: DbBackend,
    columns: &[E::Column],
    rows: usize,
    keys: &[E::Column],
    kept: &[E::Column],
) -> String {
    use std::fmt::Write as _;
    let names: Vec<String> = columns
        .iter()
        .map(|c| format!("\"{}\"", c.as_str()))
        .collect();
    let table = E::default().table_name().to_owned();
    let mut sql = format!("INSERT INTO \"{table}\" ({}) VALUES ", names.join(", "));
    let mut param = 0;
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..columns.len() {
            param += 1;
            if column > 0 {
                sql.push_str(", ");
            }
            match backend {
                DbBackend::Postgres => write!(sql, "${param}").expect("a String takes any text"),
                _ => sql.push('?'),
            }
        }
        sql.push(')');
    }
    if keys.is_empty() {
        return sql;
    }
    let is_kept = |c: &E::Column| {
        E::PrimaryKey::iter().any(|k| k.into_column().as_str() == c.as_str())
            || keys.iter().chain(kept).any(|k| k.as_str() == c.as_str())
    };
    let keys: Vec<String> = keys.iter().map(|c| format!("\"{}\"", c.as_str())).collect();
    let set: Vec<String> = columns
        .iter()
        .filter(|c| !is_kept(c))
        .map(|c| format!("\"{0}\" = excluded.\"{0}\"", c.as_str()))
        .collect();
    write!(sql, " ON CONFLICT ({}) DO ", keys.join(", ")).expect("a String takes any text");
    if set.is_empty() {
        sql.push_str("NOTHING");
    } else {
        write!(sql, "UPDATE SET {}", set.join(", ")).expect("a String takes any text");
    }
    sql
}

#[cfg(test)]
mod tests {
    /// `connect` turns Nagle's algorithm off on PostgreSQL over TCP (run where
    /// `TEST_DATABASE_URL` is such a URL).
    #[tokio::test]
    async fn connections_to_postgresql_over_tcp_have_tcp_nodelay() {
        let Some((url, port)) = std::env::var("TEST_DATABASE_URL")
            .ok()
            .and_then(|url| super::tcp_port(&url).map(|port| (url, port)))
        else {
            return;
        };
        let db = super::connect(&url).await.unwrap();
        sea_orm::ConnectionTrait::execute_unprepared(&db, "SELECT 1")
            .await
            .unwrap();
        assert_eq!(super::nodelay::is_set_on_sockets_to(port), Some(true));
    }
}
