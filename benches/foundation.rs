//! Hot paths of the foundation, over real HTTP against a seeded 200-person team:
//! `login` (argon2id, deliberately slow), `me`, and a staff page of 100 with nested team and
//! aliases. SQLite in a temp dir by default; set BENCH_DATABASE_URL for PostgreSQL.
//!
//!     cargo bench --bench foundation
//!     BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/shopops_bench cargo bench --bench foundation

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use serde_json::{Value, json};
use shopops::{app::Application, config::Settings, db, demo};

struct Bench {
    url: String,
    client: reqwest::Client,
    manager_email: String,
    _dir: Option<tempfile::TempDir>,
}

async fn setup() -> Bench {
    let (url, dir) = match std::env::var("BENCH_DATABASE_URL") {
        Ok(url) => (url, None),
        Err(_) => {
            let dir = tempfile::tempdir().unwrap();
            let url = format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("bench.db").display()
            );
            (url, Some(dir))
        }
    };
    let conn = db::connect(&url).await.unwrap();
    db::migrate(&conn).await.unwrap();
    let seeded = demo::seed_generated(&conn, 200).await.unwrap();
    let app = Application::build(
        &Settings::local("bench-secret-bench-secret-bench-secret"),
        conn,
    )
    .await
    .unwrap();
    let url = format!("http://127.0.0.1:{}/graphql", app.port());
    tokio::spawn(app.run_until(std::future::pending()));
    Bench {
        url,
        client: reqwest::Client::new(),
        manager_email: seeded.logins[0].0.clone(),
        _dir: dir,
    }
}

impl Bench {
    async fn post(&self, token: Option<&str>, query: &str) -> Value {
        let mut req = self.client.post(&self.url).json(&json!({ "query": query }));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let body: Value = req.send().await.unwrap().json().await.unwrap();
        assert!(body.get("errors").is_none(), "{body}");
        body
    }

    async fn login(&self) -> String {
        let q = format!(
            "mutation {{ login(input: {{ email: \"{}\", password: \"{}\" }}) {{ token }} }}",
            self.manager_email,
            demo::DEMO_PASSWORD
        );
        self.post(None, &q).await["data"]["login"]["token"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

const STAFF_PAGE: &str = "{ staff(first: 100) { totalCount edges { node { id name email role access team { name } aliases { alias } } } } }";

fn foundation(c: &mut Criterion) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let bench = rt.block_on(setup());
    let token = rt.block_on(bench.login());

    let mut group = c.benchmark_group("foundation");
    group.measurement_time(Duration::from_secs(8));
    group.sample_size(30);
    group.bench_function("login", |b| b.to_async(&rt).iter(|| bench.login()));
    group.sample_size(100);
    group.bench_function("me", |b| {
        b.to_async(&rt)
            .iter(|| bench.post(Some(&token), "{ me { id name } }"))
    });
    group.bench_function("staff_page_100", |b| {
        b.to_async(&rt)
            .iter(|| bench.post(Some(&token), STAFF_PAGE))
    });
    group.finish();
}

criterion_group!(benches, foundation);
criterion_main!(benches);
