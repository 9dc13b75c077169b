//! Speed under concurrency, side by side in one run: an external load generator (`wrk`, at 1 and
//! 16 connections) against shopops and against a minimal axum + async-graphql server answering
//! `{ hello }`; the dashboards against their raw SQL run by the database's own load generator
//! (`pgbench` on PostgreSQL; on SQLite, threads of prepared statements through the C API). On a
//! generated 200-person team with 730 days of history.
//!
//!     cargo bench --bench concurrency
//!     BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/shopops_bench_conc cargo bench --bench concurrency
//!
//! (the PostgreSQL database is dropped and created afresh; `BENCH_SECONDS` sets each run's length,
//! 5 s by default). Needs `wrk` (Debian's package) and, on PostgreSQL, `pgbench`.
//!
//! Every figure is a ratio of two runs made minutes apart on the same machine, so load from
//! elsewhere weighs on both alike:
//! - **×hello**: requests/s over the `{ hello }` server's at the same connections;
//! - **lat×raw**: at 1 connection, the mean latency over the raw SQL's (the same statements as
//!   `dashboards.rs`, with their values inlined, each transaction one answer's reads);
//! - **rps×raw**: at 16 connections, requests/s over the raw SQL's transactions/s.
//!
//! "uncached" asks an app with the dashboard cache off a different question each time; "cached"
//! asks the default app one question again and again. Any answer that is not a 200 without
//! `errors` fails the bench.

use std::io::Write as _;
use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use async_graphql::{EmptyMutation, EmptySubscription, Object, Schema};
use chrono::{Duration as Days, Utc};
use sea_orm::{DatabaseBackend, DatabaseConnection, Statement};
use serde_json::{Value, json};
use shopops::{db, demo};

mod common;
use common::Http;
use common::cases::cases;

const STAFF: usize = 200;
const DAYS: u32 = 730;
/// Distinct questions an uncached run cycles through.
const QUESTIONS: usize = 100;
const CONNECTIONS: [usize; 2] = [1, 16];
const SECRET: &str = "bench-secret-bench-secret-bench-secret";

/// What a load generator measured.
#[derive(Clone, Copy)]
struct Load {
    rps: f64,
    mean_ms: f64,
}

fn seconds() -> u64 {
    std::env::var("BENCH_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5)
}

/// `wrk` posting `bodies` in turn (each thread from a random one) to `url`. Fails on any answer
/// that is not a 200 without errors.
fn wrk(dir: &Path, url: &str, token: Option<&str>, bodies: &[String], connections: usize) -> Load {
    let list: Vec<String> = bodies.iter().map(|b| format!("[==[{b}]==]")).collect();
    let auth = token
        .map(|t| format!("wrk.headers[\"Authorization\"] = \"Bearer {t}\""))
        .unwrap_or_default();
    let script = format!(
        r#"
local bodies = {{ {} }}
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
{auth}
local threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) i = math.random(#bodies); bad = 0; sample = "" end
function request() i = i % #bodies + 1; return wrk.format(nil, nil, nil, bodies[i]) end
function response(status, headers, body)
  if status ~= 200 or body:find('"errors"', 1, true) then
    bad = bad + 1
    sample = status .. " " .. body:sub(1, 300)
  end
end
function done(summary, latency, requests)
  local bad, sample = 0, ""
  for _, t in ipairs(threads) do
    bad = bad + t:get("bad")
    if t:get("sample") ~= "" then sample = t:get("sample") end
  end
  io.write(string.format("RESULT %f %d %d %s\n", summary.requests / (summary.duration / 1e6),
    summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, bad, sample))
end
"#,
        list.join(", ")
    );
    let path = dir.join("load.lua");
    std::fs::write(&path, script).unwrap();
    let threads = connections.min(2);
    let out = Command::new("wrk")
        .args(["-t", &threads.to_string(), "-c", &connections.to_string()])
        .args(["-d", &format!("{}s", seconds()), "-s"])
        .arg(&path)
        .arg(url)
        .output()
        .expect("wrk runs (apt-get install wrk)");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("RESULT "))
        .unwrap_or_else(|| panic!("wrk said: {stdout}{}", String::from_utf8_lossy(&out.stderr)));
    let mut words = line.splitn(4, ' ');
    let mut next = || words.next().unwrap_or_default();
    let (rps, socket_errors, bad) = (next(), next(), next());
    assert_eq!(
        (socket_errors, bad),
        ("0", "0"),
        "{url}: failed answers, e.g. {}",
        next()
    );
    let rps: f64 = rps.parse().unwrap();
    // Each connection sends its next request once the last is answered, so the mean latency is
    // the connections over the rate (Little's law), the same way for every server measured.
    Load {
        rps,
        mean_ms: connections as f64 * 1e3 / rps,
    }
}

/// The raw reads of each question as one transaction, run by the database's own load generator
/// at `connections`.
fn raw(
    dir: &Path,
    url: &str,
    conn: &DatabaseConnection,
    questions: &[Vec<Statement>],
    connections: usize,
) -> Load {
    match conn.get_database_backend() {
        DatabaseBackend::Postgres => pgbench(dir, url, questions, connections),
        _ => sqlite(url, questions, connections),
    }
}

fn pgbench(dir: &Path, url: &str, questions: &[Vec<Statement>], connections: usize) -> Load {
    let mut args = vec![
        "-n".to_owned(),
        "-M".into(),
        "prepared".into(),
        "-c".into(),
        connections.to_string(),
        "-j".into(),
        connections.min(2).to_string(),
        "-T".into(),
        seconds().to_string(),
    ];
    // pgbench picks one of its scripts at random for each transaction.
    for (i, statements) in questions.iter().enumerate() {
        let path = dir.join(format!("q{i}.sql"));
        let mut file = std::fs::File::create(&path).unwrap();
        for s in statements {
            writeln!(file, "{s};").unwrap();
        }
        args.extend(["-f".into(), path.display().to_string()]);
    }
    let out = Command::new("pgbench")
        .args(&args)
        .arg(url.split('?').next().unwrap())
        .output()
        .expect("pgbench runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let number = |prefix: &str| -> f64 {
        stdout
            .lines()
            .find_map(|l| l.trim().strip_prefix(prefix))
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| {
                panic!(
                    "pgbench said: {stdout}{}",
                    String::from_utf8_lossy(&out.stderr)
                )
            })
    };
    Load {
        rps: number("tps = "),
        mean_ms: number("latency average = "),
    }
}

/// `connections` threads, each with a connection of its own, running the questions' statements
/// (prepared once per connection) and reading every value of every row.
fn sqlite(url: &str, questions: &[Vec<Statement>], connections: usize) -> Load {
    let path = url
        .strip_prefix("sqlite://")
        .and_then(|p| p.split('?').next())
        .unwrap()
        .to_owned();
    let sql: Vec<Vec<String>> = questions
        .iter()
        .map(|q| q.iter().map(|s| s.to_string()).collect())
        .collect();
    let until = Instant::now() + Duration::from_secs(seconds());
    let counts: Vec<(u64, Duration)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..connections)
            .map(|w| {
                let (path, sql) = (&path, &sql);
                scope.spawn(move || {
                    let conn = rusqlite::Connection::open(path).unwrap();
                    let (mut done, mut busy) = (0u64, Duration::ZERO);
                    let mut i = w * 7;
                    while Instant::now() < until {
                        let started = Instant::now();
                        for s in &sql[i % sql.len()] {
                            let mut statement = conn.prepare_cached(s).unwrap();
                            let width = statement.column_count();
                            let mut rows = statement.query([]).unwrap();
                            while let Some(row) = rows.next().unwrap() {
                                for c in 0..width {
                                    std::hint::black_box(row.get_ref(c).unwrap());
                                }
                            }
                        }
                        busy += started.elapsed();
                        done += 1;
                        i += 1;
                    }
                    (done, busy)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });
    let done: u64 = counts.iter().map(|(n, _)| n).sum();
    let busy: Duration = counts.iter().map(|(_, b)| *b).sum();
    Load {
        rps: done as f64 / seconds() as f64,
        mean_ms: busy.as_secs_f64() * 1e3 / done as f64,
    }
}

/// The least a GraphQL server can be: axum and async-graphql answering `{ hello }`.
struct Hello;

#[Object]
impl Hello {
    async fn hello(&self) -> &'static str {
        "world"
    }
}

async fn hello_server() -> String {
    let schema = Schema::new(Hello, EmptyMutation, EmptySubscription);
    let router = axum::Router::new().route(
        "/graphql",
        axum::routing::post_service(async_graphql_axum::GraphQL::new(schema)),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/graphql", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    url
}

/// `shopops serve` (the release binary, as deployed) on `url`, with the dashboard cache of
/// `cache` entries, its request log (the default level) written to a file; killed when dropped.
struct Server {
    child: Child,
    url: String,
}

impl Server {
    async fn start(dir: &Path, url: &str, cache: u64) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let log = std::fs::File::create(dir.join(format!("serve-{port}.log"))).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_shopops"))
            .arg("serve")
            .env("DATABASE_URL", url)
            .env("JWT_SECRET", SECRET)
            .env("SHOPOPS_BIND", format!("127.0.0.1:{port}"))
            .env("SHOPOPS_DASHBOARD_CACHE", cache.to_string())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let server = Self {
            child,
            url: format!("http://127.0.0.1:{port}/graphql"),
        };
        let health = format!("127.0.0.1:{port}");
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(&health).await.is_ok() {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("shopops serve did not listen on {health}");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn body(query: &str, variables: Value) -> String {
    json!({ "query": query, "variables": variables }).to_string()
}

fn mark(ok: bool) -> &'static str {
    if ok { "ok" } else { "MISSED" }
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    rt.block_on(async {
        let (url, _db_dir) = common::database().await;
        let conn = db::connect(&url).await.unwrap();
        db::migrate(&conn).await.unwrap();
        let started = Instant::now();
        let seeded = demo::seed_generated_with_history(&conn, STAFF, DAYS)
            .await
            .unwrap();
        println!(
            "seeded {STAFF} people × {DAYS} days in {:.1} s; each run {} s",
            started.elapsed().as_secs_f64(),
            seconds()
        );
        let team = seeded.team_id;
        let yesterday = Utc::now()
            .with_timezone(&chrono_tz::Asia::Shanghai)
            .date_naive()
            - Days::days(1);
        let hello = hello_server().await;
        let dir = dir.path();
        let uncached_server = Server::start(dir, &url, 0).await;
        let cached_server = Server::start(dir, &url, 10_000).await;
        let (uncached, cached) = (&uncached_server.url, &cached_server.url);
        let login = format!(
            "mutation {{ login(input: {{ email: \"{}\", password: \"{}\" }}) {{ token }} }}",
            seeded.logins[0].0,
            demo::DEMO_PASSWORD
        );
        let answer = Http::connect(cached)
            .await
            .post(None, &json!({ "query": login }))
            .await
            .to_vec();
        let answer: Value = serde_json::from_slice(&answer).unwrap();
        let token = answer["data"]["login"]["token"].as_str().unwrap().to_owned();

        println!("\n{:<34} {:>5} {:>9} {:>9} {:>8}", "request", "conns", "req/s", "mean ms", "×hello");
        let mut base = [0.0; 2];
        let one = |q: &str| vec![body(q, json!({}))];
        for (name, url, token, bodies) in [
            ("{ hello } (minimal server)", &hello, None, one("{ hello }")),
            ("{ __typename }", cached, None, one("{ __typename }")),
            ("{ me { id } }", cached, Some(token.as_str()), one("{ me { id } }")),
            (
                "staff page of 100, team { name }",
                cached,
                Some(token.as_str()),
                one("{ staff(first: 100) { nodes { id name role team { name } } } }"),
            ),
        ] {
            for (c, connections) in CONNECTIONS.into_iter().enumerate() {
                let load = wrk(dir, url, token, &bodies, connections);
                if base[c] == 0.0 {
                    base[c] = load.rps;
                }
                let ratio = load.rps / base[c];
                let goal = if name.starts_with("{ me") && connections == 16 {
                    format!("  (goal ≥ 0.5: {})", mark(ratio >= 0.5))
                } else {
                    String::new()
                };
                println!("{name:<34} {connections:>5} {:>9.0} {:>9.3} {ratio:>8.2}{goal}", load.rps, load.mean_ms);
            }
        }

        println!(
            "\n{:<26} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9} {:>9}",
            "dashboard", "unc ms c1", "raw ms c1", "lat×raw", "unc rps16", "raw rps16", "rps×raw", "hit rps16", "×hello"
        );
        for case in cases() {
            let questions: Vec<String> = (0..QUESTIONS)
                .map(|i| body(case.query, (case.vars)(team, yesterday, i)))
                .collect();
            let sql: Vec<Vec<Statement>> = (0..QUESTIONS)
                .map(|i| (case.sql)(conn.get_database_backend(), team, yesterday, i))
                .collect();
            let api1 = wrk(dir, uncached, Some(&token), &questions, 1);
            let raw1 = raw(dir, &url, &conn, &sql, 1);
            let api16 = wrk(dir, uncached, Some(&token), &questions, 16);
            let raw16 = raw(dir, &url, &conn, &sql, 16);
            let hit16 = wrk(dir, cached, Some(&token), &questions[..1], 16);
            let (lat, rps, hit) = (
                api1.mean_ms / raw1.mean_ms,
                api16.rps / raw16.rps,
                hit16.rps / base[1],
            );
            println!(
                "{:<26} {:>9.3} {:>9.3} {:>9.2} {:>9.0} {:>9.0} {:>9.2} {:>9.0} {:>9.2}   goals lat ≤ 1.5: {}, rps ≥ 0.5: {}, hit ≥ 0.5: {}",
                case.name, api1.mean_ms, raw1.mean_ms, lat, api16.rps, raw16.rps, rps, hit16.rps, hit,
                mark(lat <= 1.5), mark(rps >= 0.5), mark(hit >= 0.5)
            );
        }
    });
}
