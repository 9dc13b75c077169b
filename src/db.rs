//! Connecting to SQLite or PostgreSQL and keeping the schema current.

mod nodelay;

use std::str::FromStr;
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::postgres::PgConnectOptions;
use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sea_orm::sqlx::{self, ConnectOptions as _};
use sea_orm::{
    ActiveModelTrait, ActiveValue, ConnectOptions, ConnectionTrait, Database, DatabaseConnection,
    DatabaseConnectionType, DatabaseTransaction, DbBackend, DbErr, EntityTrait, IdenStatic,
    IntoActiveModel, Iterable, PrimaryKeyToColumn, SqliteTransactionMode, Statement,
    TransactionOptions, TransactionTrait,
};

/// How long a SQLite writer waits for the database's one write lock before giving up.
pub const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// How long a request waits for a PostgreSQL connection: past this the database counts as down
/// (or overloaded) and the request answers `UNAVAILABLE` instead of hanging.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

/// Connects to `url`, or says why not and what to do about it: the database unreachable, absent
/// or refusing the credentials, the SQLite file's directory missing, an unknown scheme.
pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    let backend = if url.starts_with("sqlite:") {
        DbBackend::Sqlite
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        DbBackend::Postgres
    } else {
        anyhow::bail!(
            "DATABASE_URL must be a SQLite URL (sqlite://shopops.db) or a PostgreSQL one \
             (postgres://user:password@host:5432/shopops)"
        );
    };
    match pool(url, backend).await {
        Ok(db) => Ok(db),
        Err(e) if backend == DbBackend::Sqlite => Err(sqlite_error(url, e)),
        // The pool only says it timed out: one connection of its own tells why.
        Err(e) => Err(postgres_error(url, e).await),
    }
}

async fn pool(url: &str, backend: DbBackend) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url);
    // SQL statements are logged at debug level under `sea_orm` / `sqlx` when RUST_LOG asks.
    options.sqlx_logging(false);
    // A ping on every checkout costs each statement a round trip (a thread hop on SQLite); only a
    // connection idle long enough to have been dropped by the server or a proxy is checked.
    options.test_before_acquire_if_idle_for(Duration::from_secs(30));
    if backend == DbBackend::Sqlite {
        // A new file is created unless the URL says otherwise (`mode=ro`, `mode=rw`).
        let create = !url.contains("mode=");
        // One writer at a time is all SQLite allows; a small pool avoids lock contention. WAL lets
        // readers go on while one writes; writers queue on the busy timeout (see `begin_write`).
        // A request waiting for a connection here waits behind writers, so as long as they may.
        options
            .max_connections(4)
            .acquire_timeout(SQLITE_BUSY_TIMEOUT)
            .map_sqlx_sqlite_opts(move |o| {
                let o = o
                    .journal_mode(SqliteJournalMode::Wal)
                    .busy_timeout(SQLITE_BUSY_TIMEOUT);
                if create { o.create_if_missing(true) } else { o }
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

fn sqlite_error(url: &str, e: DbErr) -> anyhow::Error {
    let file = SqliteConnectOptions::from_str(url)
        .map(|o| o.get_filename().to_path_buf())
        .unwrap_or_default();
    let dir = file.parent().filter(|d| !d.as_os_str().is_empty());
    if let Some(dir) = dir.filter(|d| !d.is_dir()) {
        return anyhow::anyhow!(
            "cannot open the SQLite database {}: the directory {} does not exist (create it, or \
             point DATABASE_URL elsewhere)",
            file.display(),
            dir.display()
        );
    }
    if !file.exists() && url.contains("mode=") {
        return anyhow::anyhow!(
            "the SQLite database {} does not exist, and DATABASE_URL's mode does not create it \
             (drop `mode=` or use `mode=rwc`)",
            file.display()
        );
    }
    anyhow::anyhow!(
        "cannot open the SQLite database {}: {}",
        file.display(),
        cause(&e)
    )
}

async fn postgres_error(url: &str, e: DbErr) -> anyhow::Error {
    let Ok(options) = PgConnectOptions::from_str(url) else {
        return anyhow::anyhow!("DATABASE_URL is not a PostgreSQL URL: {}", cause(&e));
    };
    let at = match options.get_socket() {
        Some(socket) => socket.display().to_string(),
        None => format!("{}:{}", options.get_host(), options.get_port()),
    };
    let database = options.get_database().unwrap_or("postgres").to_owned();
    let user = options.get_username().to_owned();
    let probe = tokio::time::timeout(ACQUIRE_TIMEOUT, options.connect()).await;
    let error = match probe {
        Err(_) => {
            return anyhow::anyhow!(
                "PostgreSQL at {at} did not answer within {} s: is the host right, and is a \
                 firewall dropping the connection?",
                ACQUIRE_TIMEOUT.as_secs()
            );
        }
        Ok(Ok(_)) => return anyhow::anyhow!("connecting to PostgreSQL at {at}: {}", cause(&e)),
        Ok(Err(error)) => error,
    };
    let code = error
        .as_database_error()
        .and_then(|d| d.code())
        .map(|c| c.into_owned());
    match (code.as_deref(), &error) {
        (Some("3D000"), _) => anyhow::anyhow!(
            "PostgreSQL at {at} has no database {database:?}: create it (`createdb {database}`) \
             or fix DATABASE_URL"
        ),
        (Some("28P01" | "28000"), _) => anyhow::anyhow!(
            "PostgreSQL at {at} refused user {user:?}: check the user and password in \
             DATABASE_URL (and pg_hba.conf): {error}"
        ),
        (_, sqlx::Error::Io(io)) => anyhow::anyhow!(
            "cannot reach PostgreSQL at {at}: {io}. Is it running, and are DATABASE_URL's host \
             and port right?"
        ),
        _ => anyhow::anyhow!("connecting to PostgreSQL at {at}: {error}"),
    }
}

/// The innermost message of a connection error (sea-orm's own repeats its source's).
fn cause(e: &DbErr) -> String {
    let mut last: &dyn std::error::Error = e;
    while let Some(source) = last.source() {
        last = source;
    }
    last.to_string()
}

/// The port of a PostgreSQL URL over TCP; None for a Unix socket (whose host is a path).
fn tcp_port(url: &str) -> Option<u16> {
    PgConnectOptions::from_str(url)
        .ok()
        .filter(|o| o.get_socket().is_none() && !o.get_host().starts_with('/'))
        .map(|o| o.get_port())
}

/// The connections of a pool at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolUsage {
    /// Checked out by a request (or a transaction) now.
    pub in_use: u32,
    /// Open and waiting for one.
    pub idle: u32,
    /// The most the pool opens.
    pub max: u32,
}

/// How busy `db`'s pool is; `None` for a connection that is not a pool.
pub fn pool_usage(db: &DatabaseConnection) -> Option<PoolUsage> {
    fn of<DB: sqlx::Database>(pool: &sqlx::Pool<DB>) -> PoolUsage {
        let idle = u32::try_from(pool.num_idle()).unwrap_or(u32::MAX);
        PoolUsage {
            // Read apart from `idle`, so it may be a connection behind: never below 0.
            in_use: pool.size().saturating_sub(idle),
            idle,
            max: pool.options().get_max_connections(),
        }
    }
    match &db.inner {
        DatabaseConnectionType::SqlxPostgresPoolConnection(_) => {
            Some(of(db.get_postgres_connection_pool()))
        }
        DatabaseConnectionType::SqlxSqlitePoolConnection(_) => {
            Some(of(db.get_sqlite_connection_pool()))
        }
        _ => None,
    }
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
    let statements = insert_statements::<E>(db.get_database_backend(), rows, keys, kept)?;
    execute_all(db, statements).await
}

/// The statements [`insert_chunks`] runs, written without a connection: an import builds them
/// while the one before is being written.
pub fn insert_statements<E>(
    backend: DbBackend,
    rows: Vec<E::ActiveModel>,
    keys: &[E::Column],
    kept: &[E::Column],
) -> Result<Vec<Statement>, DbErr>
where
    E: EntityTrait,
    E::ActiveModel: ActiveModelTrait<Entity = E>,
{
    let Some(first) = rows.first() else {
        return Ok(Vec::new());
    };
    let columns: Vec<E::Column> = E::Column::iter()
        .filter(|c| !first.is_not_set(*c))
        .collect();
    let per_statement = MAX_PARAMS / columns.len().max(1);
    let mut statements = Vec::with_capacity(rows.len().div_ceil(per_statement));
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
        statements.push(Statement::from_sql_and_values(backend, sql, values));
    }
    Ok(statements)
}

/// Runs `statements` one after the other.
pub async fn execute_all(
    db: &impl ConnectionTrait,
    statements: Vec<Statement>,
) -> Result<(), DbErr> {
    for statement in statements {
        db.execute_raw(statement).await?;
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
