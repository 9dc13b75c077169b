//! What the benchmarks share: the database they run on and raw SQL statements for both backends.
//! Each bench is its own crate and uses a part of this.
#![allow(dead_code)]

use sea_orm::{ConnectionTrait, Database, DatabaseBackend, Statement, Value as Sql};

/// SQLite in a temp dir, or the PostgreSQL database BENCH_DATABASE_URL names, created afresh.
pub async fn database() -> (String, Option<tempfile::TempDir>) {
    let Ok(url) = std::env::var("BENCH_DATABASE_URL") else {
        let dir = tempfile::tempdir().unwrap();
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("bench.db").display()
        );
        return (url, Some(dir));
    };
    let (server, name) = url.rsplit_once('/').expect("database URL has a path");
    let name = name.split('?').next().unwrap();
    let admin = Database::connect(format!("{server}/postgres"))
        .await
        .unwrap();
    for sql in [
        format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        format!("CREATE DATABASE {name}"),
    ] {
        admin.execute_unprepared(&sql).await.unwrap();
    }
    admin.close().await.unwrap();
    (url, None)
}

pub fn stmt(backend: DatabaseBackend, sql: &str, values: Vec<Sql>) -> Statement {
    // Written with `?`; PostgreSQL numbers its placeholders.
    let sql = match backend {
        DatabaseBackend::Postgres => {
            let mut n = 0;
            sql.chars()
                .map(|c| {
                    if c == '?' {
                        n += 1;
                        format!("${n}")
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        }
        _ => sql.to_owned(),
    };
    Statement::from_sql_and_values(backend, sql, values)
}
