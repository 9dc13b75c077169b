use std::sync::{
    Arc, OnceLock,
    atomic::{AtomicUsize, Ordering},
};

use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::{Value, json};
use shopops::config::{HashCost, Settings};
use shopops::services::auth::Hasher;
use shopops::{app::Application, clock::Clock, db};

pub const SECRET: &str = "test-secret-that-is-at-least-32-bytes-long";
pub const PASSWORD: &str = "correct horse battery";

pub struct TestApp {
    pub url: String,
    /// `http://…/metrics` when the settings turned the metrics on.
    pub metrics_url: Option<String>,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    pub database_url: String,
    /// The app's clock: the system's, or one the test moves (`spawn_at`).
    pub clock: Clock,
    statements: Arc<AtomicUsize>,
    _dir: Scratch,
}

pub async fn spawn_app() -> TestApp {
    spawn_with(settings()).await
}

/// An app whose clock stands at `at` until the test moves it with `app.clock.set(..)`.
pub async fn spawn_at(at: chrono::DateTime<chrono::Utc>) -> TestApp {
    spawn_with(Settings {
        clock: Clock::manual(at),
        ..settings()
    })
    .await
}

/// A test's own database, removed when dropped: a SQLite file's temporary directory, or a
/// PostgreSQL database (dropped with the sessions still on it, if any).
pub enum Scratch {
    Sqlite { _dir: tempfile::TempDir },
    Postgres { server: String, name: String },
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let Scratch::Postgres { server, name } = self else {
            return;
        };
        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        let server = server.clone();
        // Drop may run on the test's runtime, which must not block: a thread of its own.
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?;
            runtime.block_on(async {
                let admin = Database::connect(&server).await?;
                admin.execute_unprepared(&sql).await?;
                admin.close().await
            })?;
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
        })
        .join();
        if let Ok(Err(e)) = dropped {
            eprintln!("could not drop the test database {name}: {e}");
        }
    }
}

/// A fresh, migrated database: a SQLite file in a temporary directory, or a new PostgreSQL
/// database on the server TEST_DATABASE_URL points at. Returns its URL too. Each is a copy of
/// one template migrated once per run, so a test does not pay the migrations.
pub async fn fresh_database() -> (String, Scratch) {
    let template = template().await;
    match &template.server {
        Some(server) => {
            let name = database_name();
            let admin = Database::connect(server)
                .await
                .expect("connect TEST_DATABASE_URL");
            admin
                .execute_unprepared(&format!(
                    "CREATE DATABASE {name} TEMPLATE {}",
                    template.name
                ))
                .await
                .expect("create test database");
            admin.close().await.ok();
            let url = database_url(server, &name);
            let server = server.clone();
            (url, Scratch::Postgres { server, name })
        }
        None => {
            let dir = tempfile::tempdir().expect("temp dir");
            let file = dir.path().join("test.db");
            std::fs::copy(&template.name, &file).expect("copy the template database");
            assert!(
                !std::path::Path::new(&format!("{}-wal", template.name)).exists(),
                "the template's log was not folded into its file"
            );
            (
                format!("sqlite://{}", file.display()),
                Scratch::Sqlite { _dir: dir },
            )
        }
    }
}

/// The migrated database every test's is copied from: a PostgreSQL database, or a SQLite file.
struct Template {
    /// TEST_DATABASE_URL, or none for SQLite.
    server: Option<String>,
    /// The PostgreSQL database's name, or the SQLite file's path.
    name: String,
    /// Never dropped (a static): `.ci/run` drops its databases by their prefix.
    _dir: Scratch,
}

async fn template() -> &'static Template {
    static TEMPLATE: tokio::sync::OnceCell<Template> = tokio::sync::OnceCell::const_new();
    TEMPLATE
        .get_or_init(|| async {
            let (url, name, dir) = empty().await;
            let db = db::connect(&url).await.expect("connect the template");
            db::migrate(&db).await.expect("migrate the template");
            // A PostgreSQL template must have no sessions when it is copied; SQLite moves its
            // log into the main file when the last connection closes.
            db.close().await.expect("close the template");
            Template {
                server: std::env::var("TEST_DATABASE_URL").ok(),
                name,
                _dir: dir,
            }
        })
        .await
}

/// A database without tables, for tests of migrating itself. Returns its URL too.
pub async fn empty_database() -> (String, Scratch) {
    let (url, _, dir) = empty().await;
    (url, dir)
}

/// A new, empty database: its URL, its name (a SQLite file's path) and the SQLite file's
/// directory.
async fn empty() -> (String, String, Scratch) {
    match std::env::var("TEST_DATABASE_URL") {
        Ok(server) => {
            let name = database_name();
            let admin = Database::connect(&server)
                .await
                .expect("connect TEST_DATABASE_URL");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create test database");
            admin.close().await.ok();
            let url = database_url(&server, &name);
            (url, name.clone(), Scratch::Postgres { server, name })
        }
        Err(_) => {
            let dir = tempfile::tempdir().expect("temp dir");
            let file = dir.path().join("test.db");
            let url = format!("sqlite://{}", file.display());
            (
                url,
                file.display().to_string(),
                Scratch::Sqlite { _dir: dir },
            )
        }
    }
}

/// A new database name; TEST_DATABASE_PREFIX lets a CI run name (and later drop) only its own.
fn database_name() -> String {
    let prefix = std::env::var("TEST_DATABASE_PREFIX").unwrap_or_else(|_| "shopops_test_".into());
    format!("{prefix}{:016x}", rand::random::<u64>())
}

/// `server`'s URL with its database replaced by `name`.
pub fn database_url(server: &str, name: &str) -> String {
    let (base, query) = server.split_once('?').unwrap_or((server, ""));
    let base = &base[..base.rfind('/').expect("database URL has a path")];
    if query.is_empty() {
        format!("{base}/{name}")
    } else {
        format!("{base}/{name}?{query}")
    }
}

/// The settings of a test's app: a loopback server whose password hashes are cheap.
pub fn settings() -> Settings {
    let mut settings = Settings::local(SECRET);
    settings.auth.hash_cost = HashCost::Minimal;
    settings
}

/// A hasher for accounts a test makes without the app (admins), as cheap as the app's.
pub fn hasher() -> &'static Hasher {
    static HASHER: OnceLock<Hasher> = OnceLock::new();
    HASHER.get_or_init(|| Hasher::new(2, 64, HashCost::Minimal))
}

pub async fn spawn_with(settings: Settings) -> TestApp {
    if std::env::var("TEST_LOG").is_ok() {
        let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    }
    let (database_url, dir) = fresh_database().await;
    let mut db = db::connect(&database_url).await.expect("connect");
    // Counts every SQL statement the app runs, to prove nested fields do not run one per row.
    let statements = Arc::new(AtomicUsize::new(0));
    let counter = statements.clone();
    db.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let clock = settings.clock.clone();
    let app = Application::build(&settings, db.clone())
        .await
        .expect("build app");
    let url = format!("http://127.0.0.1:{}", app.port());
    let metrics_url = app.metrics_addr().map(|a| format!("http://{a}/metrics"));
    tokio::spawn(app.run_until(std::future::pending()));
    TestApp {
        url,
        metrics_url,
        client: reqwest::Client::new(),
        db,
        database_url,
        clock,
        statements,
        _dir: dir,
    }
}

impl TestApp {
    /// POSTs any JSON body to /graphql.
    pub async fn post(&self, token: Option<&str>, body: &Value) -> (StatusCode, Value) {
        let mut req = self.client.post(format!("{}/graphql", self.url)).json(body);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status();
        (status, resp.json().await.unwrap_or(Value::Null))
    }

    /// Runs one operation with a file, as the GraphQL multipart request spec sends it: the
    /// operation with the file's variable null, the map naming that variable, then the file.
    pub async fn upload(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
        at: &str,
        (name, bytes): (&str, Vec<u8>),
    ) -> (StatusCode, Value) {
        let operations = json!({ "query": query, "variables": variables });
        let form = reqwest::multipart::Form::new()
            .text("operations", operations.to_string())
            .text("map", json!({ "0": [at] }).to_string())
            .part(
                "0",
                reqwest::multipart::Part::bytes(bytes)
                    .file_name(name.to_owned())
                    .mime_str("text/csv")
                    .unwrap(),
            );
        let mut req = self
            .client
            .post(format!("{}/graphql", self.url))
            .multipart(form);
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status();
        (status, resp.json().await.unwrap_or(Value::Null))
    }

    /// Runs one operation and returns the whole response (`data` and `errors`).
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        self.post(token, &json!({ "query": query, "variables": variables }))
            .await
            .1
    }

    /// Runs one operation that must succeed, and returns its `data`.
    pub async fn ok(&self, token: &str, query: &str, variables: Value) -> Value {
        let resp = self.gql(Some(token), query, variables).await;
        assert!(resp.get("errors").is_none(), "unexpected errors: {resp}");
        resp["data"].clone()
    }

    pub async fn login(&self, email: &str, password: &str) -> String {
        let resp = self
            .gql(
                None,
                "mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }",
                json!({ "e": email, "p": password }),
            )
            .await;
        resp["data"]["login"]["token"]
            .as_str()
            .unwrap_or_else(|| panic!("login {email} failed: {resp}"))
            .to_owned()
    }

    pub fn statements(&self) -> usize {
        self.statements.load(Ordering::SeqCst)
    }

    pub async fn create_team(&self, admin: &str, name: &str) -> String {
        let data = self
            .ok(
                admin,
                "mutation($n: String!) { createTeam(input: { name: $n, platform: TMALL }) { team { id } } }",
                json!({ "n": name }),
            )
            .await;
        data["createTeam"]["team"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// Creates a person through the API and returns their id.
    pub async fn create_staff(
        &self,
        token: &str,
        team: &str,
        email: &str,
        role: &str,
        access: &str,
    ) -> String {
        let data = self
            .ok(
                token,
                "mutation($i: CreateStaffInput!) { createStaff(input: $i) { staff { id } } }",
                json!({ "i": {
                    "teamId": team, "name": email, "email": email, "password": PASSWORD,
                    "role": role, "access": access,
                }}),
            )
            .await;
        data["createStaff"]["staff"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

/// The `extensions.code` of the first error, asserting there is one.
pub fn code(resp: &Value) -> &str {
    resp["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("expected an error with a code: {resp}"))
}

pub fn field(resp: &Value) -> &str {
    resp["errors"][0]["extensions"]["field"]
        .as_str()
        .unwrap_or_else(|| panic!("expected an error naming a field: {resp}"))
}

/// Two shops with a manager and staff each, and an admin over both.
pub struct World {
    pub admin: String,
    pub team_a: String,
    pub team_b: String,
    pub manager_a: String,
    pub manager_a_id: String,
    pub manager_b: String,
    pub cs_a: String,
    pub cs_a_id: String,
    pub cs_a2_id: String,
    pub designer_a_id: String,
    pub designer_b_id: String,
    pub cs_b_id: String,
}

/// The admin `root@shop.test`, made as the command line's `create-admin` does.
pub async fn create_root(db: &DatabaseConnection, hasher: &Hasher) {
    shopops::services::staff::create_admin(db, hasher, "root@shop.test", "Root", PASSWORD.into())
        .await
        .unwrap_or_else(|e| panic!("create admin: {}", e.message()));
}

pub async fn world(app: &TestApp) -> World {
    create_root(&app.db, hasher()).await;
    let admin = app.login("root@shop.test", PASSWORD).await;
    let team_a = app.create_team(&admin, "Shop A").await;
    let team_b = app.create_team(&admin, "Shop B").await;
    let manager_a_id = app
        .create_staff(&admin, &team_a, "boss.a@shop.test", "OPERATIONS", "MANAGER")
        .await;
    app.create_staff(&admin, &team_b, "boss.b@shop.test", "OPERATIONS", "MANAGER")
        .await;
    let manager_a = app.login("boss.a@shop.test", PASSWORD).await;
    let manager_b = app.login("boss.b@shop.test", PASSWORD).await;
    let cs_a_id = app
        .create_staff(
            &manager_a,
            &team_a,
            "cs.a@shop.test",
            "CUSTOMER_SERVICE",
            "STAFF",
        )
        .await;
    let cs_a2_id = app
        .create_staff(
            &manager_a,
            &team_a,
            "cs.a2@shop.test",
            "CUSTOMER_SERVICE",
            "STAFF",
        )
        .await;
    let designer_a_id = app
        .create_staff(&manager_a, &team_a, "art.a@shop.test", "DESIGNER", "STAFF")
        .await;
    let cs_b_id = app
        .create_staff(
            &manager_b,
            &team_b,
            "cs.b@shop.test",
            "CUSTOMER_SERVICE",
            "STAFF",
        )
        .await;
    let designer_b_id = app
        .create_staff(&manager_b, &team_b, "art.b@shop.test", "DESIGNER", "STAFF")
        .await;
    let cs_a = app.login("cs.a@shop.test", PASSWORD).await;
    World {
        admin,
        team_a,
        team_b,
        manager_a,
        manager_a_id,
        manager_b,
        cs_a,
        cs_a_id,
        cs_a2_id,
        designer_a_id,
        designer_b_id,
        cs_b_id,
    }
}
