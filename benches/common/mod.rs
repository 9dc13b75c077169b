//! What the benchmarks share: the database they run on and raw SQL statements for both backends.
//! Each bench is its own crate and uses a part of this.
#![allow(dead_code)]

pub mod cases;

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

/// One keep-alive HTTP/1.1 connection that posts JSON and reads the whole answer: about the least
/// work a client can do, so that a sub-millisecond latency is the server's. (reqwest's pool and
/// dispatch task add about 0.08 ms per request on the 2-core bench machine.)
pub struct Http {
    stream: tokio::net::TcpStream,
    path: String,
    buf: Vec<u8>,
}

impl Http {
    /// `url` as `http://HOST:PORT/PATH`.
    pub async fn connect(url: &str) -> Self {
        let rest = url.strip_prefix("http://").expect("an http:// URL");
        let (addr, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        stream.set_nodelay(true).unwrap();
        Self {
            stream,
            path: path.to_owned(),
            buf: Vec::new(),
        }
    }

    /// POSTs `body` (with the bearer token, if any) and returns the answer's body.
    pub async fn post(&mut self, token: Option<&str>, body: &serde_json::Value) -> &[u8] {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let body = serde_json::to_vec(body).unwrap();
        let auth = token
            .map(|t| format!("authorization: Bearer {t}\r\n"))
            .unwrap_or_default();
        let mut request = format!(
            "POST {} HTTP/1.1\r\nhost: bench\r\ncontent-type: application/json\r\n{auth}content-length: {}\r\n\r\n",
            self.path,
            body.len()
        )
        .into_bytes();
        request.extend_from_slice(&body);
        self.stream.write_all(&request).await.unwrap();
        self.buf.clear();
        let mut chunk = [0u8; 64 * 1024];
        loop {
            let n = self.stream.read(&mut chunk).await.unwrap();
            assert!(n > 0, "the server closed the connection");
            self.buf.extend_from_slice(&chunk[..n]);
            let Some(end) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") else {
                continue;
            };
            let head = String::from_utf8_lossy(&self.buf[..end]).to_ascii_lowercase();
            assert!(head.starts_with("http/1.1 200"), "{head}");
            let length: usize = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .expect("a content-length header")
                .trim()
                .parse()
                .unwrap();
            let start = end + 4;
            if self.buf.len() >= start + length {
                return &self.buf[start..start + length];
            }
        }
    }
}
