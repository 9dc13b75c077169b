//! The two-instance deployment (README, "Deployment"): `deploy/two-instances` migrates a
//! PostgreSQL database, starts two `shopops serve` processes on it and HAProxy in front of them
//! with `deploy/haproxy.cfg`, and the test goes through the proxy's TLS as a client would:
//! sign-in, both instances answering, a subscription's event crossing from one instance to the
//! other, a deactivated account refused at once by both, a CLI import seen at once by both
//! instances' dashboard caches, and an instance killed while requests keep succeeding.
//!
//! Runs where the tests run on PostgreSQL (TEST_DATABASE_URL) and HAProxy is installed;
//! without HAProxy it is skipped, unless SHOPOPS_REQUIRE_PROXY=1 (`.ci/run`) makes that a
//! failure.

use std::io::{BufRead, BufReader, Read, Seek};
use std::net::SocketAddr;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpStream, UnixStream};
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;
use tokio_rustls::rustls::{self, pki_types};
use tokio_tungstenite::tungstenite::ClientRequestBuilder;

use crate::helpers::{PASSWORD, SECRET, code, create_root, empty_database, hasher};
use crate::ws::{WsClient, within};

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/deploy/two-instances");
const ME: &str = "{ me { id } }";
const TASK_EVENTS: &str =
    "subscription($team: ID!) { taskEvents(teamId: $team) { kind taskId actorId } }";
const CREATE_TASK: &str =
    "mutation($i: CreateTaskInput!) { createTask(input: $i) { task { id } } }";
const DAY_SUMMARY: &str =
    "query($t: ID!) { daySummary(teamId: $t, date: \"2026-11-10\") { day { paidAmount } } }";

#[tokio::test]
async fn two_instances_behind_haproxy_share_events_lockouts_and_fresh_numbers() {
    if !postgres_and_proxy() {
        return;
    }
    // Empty: the script's migrations make its tables.
    let (database_url, _database) = empty_database().await;
    let deployment = Deployment::start(&database_url).await;

    let health = deployment.get("/healthz").await;
    assert_eq!(
        (health.status, &health.body),
        (200, &json!({ "status": "ok" }))
    );

    // An admin as `shopops create-admin` makes one; everything else through the proxy.
    let db = shopops::db::connect(&database_url).await.expect("connect");
    create_root(&db, hasher()).await;
    db.close().await.expect("close");
    let admin = deployment.login("root@shop.test").await;
    let team = deployment
        .ok(
            &admin,
            "mutation { createTeam(input: { name: \"Shop A\", platform: TMALL }) { team { id } } }",
            json!({}),
        )
        .await["createTeam"]["team"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    deployment
        .create_staff(&admin, &team, "boss@shop.test", "OPERATIONS", "MANAGER")
        .await;
    let manager = deployment.login("boss@shop.test").await;
    let cs_id = deployment
        .create_staff(&manager, &team, "cs@shop.test", "CUSTOMER_SERVICE", "STAFF")
        .await;
    let cs = deployment.login("cs@shop.test").await;

    // Requests reach both instances.
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..20 {
        seen.insert(
            deployment
                .post(Some(&manager), ME, json!({}))
                .await
                .served_by,
        );
        if seen.len() == 2 {
            break;
        }
    }
    assert_eq!(
        seen,
        ["a", "b"].map(String::from).into(),
        "instances answering"
    );

    // A subscription answered by one instance hears a task made through the other: a mutation
    // on the subscriber's own instance is announced too, then another is sent, until one lands
    // on the other instance.
    let (subscribed_on, mut socket) = deployment.subscribe(&manager).await;
    let sub = socket.subscribe(TASK_EVENTS, json!({ "team": team })).await;
    let task = json!({ "i": {
        "teamId": team, "title": "Answer the chats left over from last night",
        "role": "CUSTOMER_SERVICE", "assigneeId": cs_id,
    }});
    let mut crossed = false;
    for _ in 0..10 {
        let made = deployment
            .post(Some(&manager), CREATE_TASK, task.clone())
            .await;
        let id = made.data()["createTask"]["task"]["id"].clone();
        let event = socket.event(&sub).await;
        assert_eq!((&event["kind"], &event["taskId"]), (&json!("CREATED"), &id));
        if made.served_by != subscribed_on {
            crossed = true;
            break;
        }
    }
    assert!(crossed, "no mutation landed off instance {subscribed_on}");
    drop(socket);

    // A person deactivated through one instance is refused by the other at once, with the
    // token that both accepted a moment before.
    for instance in ["a", "b"] {
        assert!(
            deployment
                .on(instance, &cs, ME)
                .await
                .get("errors")
                .is_none()
        );
    }
    let deactivated = deployment
        .post(
            Some(&manager),
            "mutation($id: ID!) { deactivateStaff(input: { id: $id }) { staff { active } } }",
            json!({ "id": cs_id }),
        )
        .await;
    assert_eq!(
        deactivated.data()["deactivateStaff"]["staff"]["active"],
        false
    );
    let other = other_than(&deactivated.served_by);
    assert_eq!(
        code(&deployment.on(other, &cs, ME).await),
        "UNAUTHENTICATED"
    );

    // A dashboard asked (and so cached) on both instances, then a CLI import on the database:
    // both answer the new number at once.
    import_shop_day(&database_url, &team, "100");
    for _ in 0..2 {
        for instance in ["a", "b"] {
            let summary = deployment.summary(instance, &manager, &team).await;
            assert_eq!(summary, "100.00", "on {instance}");
        }
    }
    import_shop_day(&database_url, &team, "250");
    for instance in ["a", "b"] {
        let summary = deployment.summary(instance, &manager, &team).await;
        assert_eq!(summary, "250.00", "on {instance}, after the import");
    }

    // An instance killed: the health checks take it out, and requests keep succeeding.
    assert_eq!(deployment.server_status("b").await, "UP");
    deployment.kill_instance("b");
    let since = Instant::now();
    while deployment.server_status("b").await != "DOWN" {
        // Meanwhile too: one the proxy sends to b it sends again to a (or, sent on a
        // connection to b that it had kept open, it has the client send it again).
        let answer = deployment.post_resending(&manager, ME).await;
        assert!(answer.body.get("errors").is_none(), "{}", answer.body);
        assert!(
            since.elapsed() < Duration::from_secs(15),
            "b is still {} for the proxy",
            deployment.server_status("b").await
        );
    }
    for _ in 0..6 {
        let answer = deployment.post(Some(&manager), ME, json!({})).await;
        assert_eq!(
            (answer.status, answer.served_by.as_str()),
            (200, "a"),
            "{}",
            answer.body
        );
    }
    assert_eq!(deployment.server_status("a").await, "UP");

    deployment.stop();
}

#[tokio::test]
async fn the_deployment_script_refuses_a_sqlite_database() {
    let dir = tempfile::tempdir().unwrap();
    for (url, said) in [
        (
            format!("sqlite://{}/shop.db", dir.path().display()),
            "two instances need PostgreSQL",
        ),
        (String::new(), "DATABASE_URL is not set"),
    ] {
        let out = Command::new(SCRIPT)
            .env("DATABASE_URL", &url)
            .env("SHOPOPS_BIN", env!("CARGO_BIN_EXE_shopops"))
            .output()
            .expect("run deploy/two-instances");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{url:?}");
        assert!(stderr.contains(said), "{url:?}: {stderr}");
        assert!(out.stdout.is_empty(), "nothing started for {url:?}");
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Whether this run can test the deployment: PostgreSQL, haproxy and openssl. Says why not;
/// with SHOPOPS_REQUIRE_PROXY=1 a missing proxy fails the test instead.
fn postgres_and_proxy() -> bool {
    if std::env::var("TEST_DATABASE_URL").is_err() {
        eprintln!("skipped: two instances share PostgreSQL (set TEST_DATABASE_URL)");
        return false;
    }
    let missing: Vec<&str> = [("haproxy", "-v"), ("openssl", "version")]
        .into_iter()
        .filter(|(tool, arg)| Command::new(tool).arg(arg).output().is_err())
        .map(|(tool, _)| tool)
        .collect();
    if missing.is_empty() {
        return true;
    }
    let why = format!(
        "{} not installed (Debian: apt-get install haproxy openssl)",
        missing.join(" and ")
    );
    if std::env::var("SHOPOPS_REQUIRE_PROXY").as_deref() == Ok("1") {
        panic!("SHOPOPS_REQUIRE_PROXY=1, but {why}");
    }
    eprintln!("skipped: {why}");
    false
}

fn other_than(instance: &str) -> &'static str {
    if instance == "a" { "b" } else { "a" }
}

/// `shopops import shop-days` of one day, 2026-11-10, whose paid amount is `amount` yuan.
fn import_shop_day(database_url: &str, team: &str, amount: &str) {
    let mut file = tempfile::Builder::new().suffix(".csv").tempfile().unwrap();
    std::io::Write::write_all(
        &mut file,
        format!("date,visitors,page_views,paid_buyers,paid_orders,paid_units,paid_amount\n2026-11-10,100,300,3,3,4,{amount}\n")
            .as_bytes(),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_shopops"))
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "warn")
        .args(["import", "shop-days", "--team", team])
        .arg(file.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "import: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An HTTP answer through the proxy, and which instance gave it.
struct Answer {
    status: u16,
    served_by: String,
    body: Value,
}

impl Answer {
    /// `data`, asserting there are no errors.
    fn data(&self) -> &Value {
        assert!(
            self.body.get("errors").is_none(),
            "unexpected errors from {}: {}",
            self.served_by,
            self.body
        );
        &self.body["data"]
    }
}

/// `deploy/two-instances`, running until `stop` (or drop, which also kills whatever it left).
struct Deployment {
    script: Child,
    /// Kept open so that the script never writes to a closed pipe.
    _stdout: Option<BufReader<ChildStdout>>,
    /// The script's stderr (the instances' and the proxy's logs), shown when the test fails.
    log: tempfile::NamedTempFile,
    /// The proxy's address, `https://127.0.0.1:PORT`.
    url: String,
    proxy: SocketAddr,
    /// `a` and `b`: their process ids.
    instances: Vec<(String, i32)>,
    proxy_pid: i32,
    stats_socket: PathBuf,
    http: reqwest::Client,
    tls: Arc<rustls::ClientConfig>,
}

impl Deployment {
    /// Runs the script on a free port, again on another if the proxy found it taken meanwhile.
    async fn start(database_url: &str) -> Self {
        for _ in 0..3 {
            match Self::launch(database_url, free_port()).await {
                Ok(deployment) => return deployment,
                Err(failed) if failed.log_text().contains("cannot bind socket") => {}
                Err(failed) => panic!(
                    "deploy/two-instances stopped before it was ready\n{}",
                    failed.log_text()
                ),
            }
        }
        panic!("the proxy found three free ports taken")
    }

    /// The script on `port`, once ready; or, if it stopped first, the deployment to drop.
    async fn launch(database_url: &str, port: u16) -> Result<Self, Self> {
        let log = tempfile::NamedTempFile::new().unwrap();
        let script = Command::new(SCRIPT)
            .args(["--port", &port.to_string()])
            .env("DATABASE_URL", database_url)
            .env("JWT_SECRET", SECRET)
            .env("SHOPOPS_BIN", env!("CARGO_BIN_EXE_shopops"))
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log.reopen().unwrap())
            // Its own process group: what it leaves behind can be found and ended.
            .process_group(0)
            .spawn()
            .expect("start deploy/two-instances");
        let mut deployment = Self {
            script,
            _stdout: None,
            log,
            url: String::new(),
            proxy: SocketAddr::from(([127, 0, 0, 1], port)),
            instances: Vec::new(),
            proxy_pid: 0,
            stats_socket: PathBuf::new(),
            http: reqwest::Client::new(),
            tls: tls_trusting(rustls::RootCertStore::empty()),
        };
        let stdout = BufReader::new(deployment.script.stdout.take().expect("stdout"));
        // Migrations, two instances and the proxy's first health checks: seconds.
        let read = tokio::time::timeout(
            Duration::from_secs(60),
            tokio::task::spawn_blocking(move || read_until_ready(stdout)),
        )
        .await;
        let (lines, stdout) = match read {
            Ok(Ok(Ok(read))) => read,
            Ok(Ok(Err(_))) => return Err(deployment),
            Ok(Err(e)) => panic!("reading the script's output: {e}"),
            Err(_) => panic!("deploy/two-instances not ready within 60 s"),
        };
        deployment._stdout = Some(stdout);
        let mut ca = None;
        for line in &lines {
            if let Some(rest) = line.strip_prefix("instance ") {
                let (name, rest) = rest.split_once(": pid ").expect(line);
                let (pid, _) = rest.split_once(',').expect(line);
                (deployment.instances).push((name.to_owned(), pid.parse().expect(line)));
            } else if let Some(rest) = line.strip_prefix("proxy: pid ") {
                let (pid, rest) = rest.split_once(',').expect(line);
                deployment.proxy_pid = pid.parse().expect(line);
                let socket = rest.split_once("stats socket ").expect(line).1;
                deployment.stats_socket = socket.into();
            } else if let Some(path) = line.strip_prefix("certificate: ") {
                ca = Some(std::fs::read(path).expect("the proxy's certificate"));
            } else if let Some(url) = line.strip_prefix("ready: ") {
                assert_eq!(url, format!("https://127.0.0.1:{port}/graphql"));
                deployment.url = format!("https://127.0.0.1:{port}");
            }
        }
        let ca = ca.expect("the script names the certificate it made");
        deployment.trust(&ca);
        Ok(deployment)
    }

    /// Trusts the proxy's self-signed certificate (PEM) over HTTPS and WSS.
    fn trust(&mut self, pem: &[u8]) {
        self.http = reqwest::Client::builder()
            .add_root_certificate(reqwest::Certificate::from_pem(pem).expect("PEM"))
            .build()
            .unwrap();
        let pem = String::from_utf8_lossy(pem);
        let body: String = pem
            .lines()
            .skip_while(|l| !l.starts_with("-----BEGIN CERTIFICATE"))
            .skip(1)
            .take_while(|l| !l.starts_with("-----END"))
            .collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(body)
            .expect("base64");
        let mut roots = rustls::RootCertStore::empty();
        roots.add(pki_types::CertificateDer::from(der)).unwrap();
        self.tls = tls_trusting(roots);
    }

    async fn get(&self, path: &str) -> Answer {
        let request = self.http.get(format!("{}{path}", self.url));
        answer(within(request.send()).await.expect("GET through the proxy")).await
    }

    async fn post(&self, token: Option<&str>, query: &str, variables: Value) -> Answer {
        let sent = self.try_post(token, query, variables).await;
        answer(sent.expect("POST through the proxy")).await
    }

    /// As a browser does: sent once more when the kept-alive connection it went on closed
    /// before any answer. HAProxy closes a client's connection so when the instance it had
    /// sent the request to died (HAProxy's `http-reuse safe`), for the client to resend it.
    async fn post_resending(&self, token: &str, query: &str) -> Answer {
        match self.try_post(Some(token), query, json!({})).await {
            Ok(response) => answer(response).await,
            Err(e) if e.is_request() => self.post(Some(token), query, json!({})).await,
            Err(e) => panic!("POST through the proxy: {e}"),
        }
    }

    async fn try_post(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> reqwest::Result<reqwest::Response> {
        let mut request = (self.http.post(format!("{}/graphql", self.url)))
            .json(&json!({ "query": query, "variables": variables }));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        within(request.send()).await
    }

    async fn ok(&self, token: &str, query: &str, variables: Value) -> Value {
        self.post(Some(token), query, variables)
            .await
            .data()
            .clone()
    }

    /// A query sent until `instance` answers it: that answer, whole. Only for queries.
    async fn on(&self, instance: &str, token: &str, query: &str) -> Value {
        self.on_with(instance, token, query, json!({})).await
    }

    async fn on_with(&self, instance: &str, token: &str, query: &str, variables: Value) -> Value {
        for _ in 0..20 {
            let answer = self.post(Some(token), query, variables.clone()).await;
            if answer.served_by == instance {
                return answer.body;
            }
        }
        panic!("instance {instance} did not answer in 20 requests")
    }

    /// `daySummary`'s paid amount as `instance` answers it.
    async fn summary(&self, instance: &str, token: &str, team: &str) -> Value {
        let vars = json!({ "t": team });
        let answer = self.on_with(instance, token, DAY_SUMMARY, vars).await;
        assert!(answer.get("errors").is_none(), "{answer}");
        answer["data"]["daySummary"]["day"]["paidAmount"].clone()
    }

    async fn login(&self, email: &str) -> String {
        let data = self
            .post(
                None,
                "mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }",
                json!({ "e": email, "p": PASSWORD }),
            )
            .await;
        data.data()["login"]["token"].as_str().unwrap().to_owned()
    }

    /// Their id.
    async fn create_staff(
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

    /// A graphql-transport-ws connection through the proxy's TLS, signed in as `token`: the
    /// instance that answered the upgrade, and the client.
    async fn subscribe(&self, token: &str) -> (String, WsClient<TlsStream<TcpStream>>) {
        let tcp = within(TcpStream::connect(self.proxy))
            .await
            .expect("connect");
        let name = pki_types::ServerName::from(self.proxy.ip());
        let tls = within(TlsConnector::from(self.tls.clone()).connect(name, tcp))
            .await
            .expect("TLS handshake with the proxy");
        let uri = format!("wss://{}/graphql/ws", self.proxy);
        let request = ClientRequestBuilder::new(uri.parse().expect("ws uri"))
            .with_sub_protocol("graphql-transport-ws");
        let (socket, response) = within(tokio_tungstenite::client_async(request, tls))
            .await
            .expect("WebSocket upgrade through the proxy");
        assert_eq!(response.status(), 101);
        let served_by = served_by(response.headers());
        let client = WsClient::new(socket)
            .init(json!({ "token": token }))
            .await
            .unwrap_or_else(|(code, reason)| panic!("refused: {code} {reason}"));
        (served_by, client)
    }

    /// The proxy's view of `server` (`UP`, `DOWN`, or `UP 1/2` on its way down), from its
    /// stats socket.
    async fn server_status(&self, server: &str) -> String {
        let mut socket = within(UnixStream::connect(&self.stats_socket))
            .await
            .expect("the proxy's stats socket");
        within(socket.write_all(b"show stat\n")).await.unwrap();
        let mut csv = String::new();
        within(socket.read_to_string(&mut csv)).await.unwrap();
        let mut lines = csv.lines();
        let header: Vec<&str> = lines
            .next()
            .and_then(|h| h.strip_prefix("# "))
            .expect("a CSV header")
            .split(',')
            .collect();
        let status = header.iter().position(|c| *c == "status").unwrap();
        lines
            .map(|l| l.split(',').collect::<Vec<_>>())
            .find(|row| row.first() == Some(&"shopops") && row.get(1) == Some(&server))
            .and_then(|row| row.get(status).map(|s| s.to_string()))
            .unwrap_or_else(|| panic!("no server {server} in the proxy's stats:\n{csv}"))
    }

    fn kill_instance(&self, name: &str) {
        let (_, pid) = (self.instances.iter())
            .find(|(n, _)| n == name)
            .expect("that instance");
        // SAFETY: a plain system call on a process this test started (through the script).
        assert_eq!(unsafe { libc::kill(*pid, libc::SIGKILL) }, 0);
    }

    /// SIGTERM, as systemd or a terminal would stop it: the script stops everything it started,
    /// removes its directory, and exits.
    fn stop(mut self) {
        let status = self.terminate(Duration::from_secs(20));
        assert_eq!(
            status.and_then(|s| s.code()),
            Some(143),
            "exits as stopped by SIGTERM"
        );
        let started = (self.instances.iter().map(|(_, pid)| *pid)).chain([self.proxy_pid]);
        for pid in started {
            assert!(!alive(pid), "process {pid} is still running");
        }
        let dir = self.stats_socket.parent().expect("the script's directory");
        assert!(!dir.exists(), "{} is still there", dir.display());
    }

    /// Sends SIGTERM to the script and waits up to `grace` for it to exit.
    fn terminate(&mut self, grace: Duration) -> Option<ExitStatus> {
        if let Ok(Some(status)) = self.script.try_wait() {
            return Some(status);
        }
        // SAFETY: a plain system call on the child this test started.
        unsafe { libc::kill(self.script.id() as i32, libc::SIGTERM) };
        let deadline = Instant::now() + grace;
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.script.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }

    /// The last lines of the script's stderr.
    fn log_text(&self) -> String {
        let mut file = self.log.reopen().unwrap();
        let mut text = String::new();
        file.rewind().ok();
        file.read_to_string(&mut text).ok();
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(60)..].join("\n");
        format!("-- deploy/two-instances's stderr (the end) --\n{tail}")
    }
}

impl Drop for Deployment {
    fn drop(&mut self) {
        if self.terminate(Duration::from_secs(20)).is_none() {
            let _ = self.script.kill();
            let _ = self.script.wait();
        }
        // Whatever it left behind, if anything: its process group.
        // SAFETY: a plain system call on the group this test started.
        unsafe { libc::kill(-(self.script.id() as i32), libc::SIGKILL) };
        if std::thread::panicking() {
            eprintln!("{}", self.log_text());
        }
    }
}

/// A port of 127.0.0.1 free now, below the range the system hands out to connections (so
/// that none of the other tests' connections takes it before the proxy binds it).
fn free_port() -> u16 {
    let ephemeral: u16 = std::fs::read_to_string("/proc/sys/net/ipv4/ip_local_port_range")
        .ok()
        .and_then(|range| range.split_whitespace().next()?.parse().ok())
        .unwrap_or(32768);
    let low = 10_000.min(ephemeral / 2);
    loop {
        let port = rand::random_range(low..ephemeral);
        if std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            return port;
        }
    }
}

fn tls_trusting(roots: rustls::RootCertStore) -> Arc<rustls::ClientConfig> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS 1.2 and 1.3")
        .with_root_certificates(roots)
        .with_no_client_auth();
    Arc::new(config)
}

/// The script's stdout up to its `ready:` line (and the reader, to keep), or all it printed
/// before it ended.
fn read_until_ready(
    mut stdout: BufReader<ChildStdout>,
) -> Result<(Vec<String>, BufReader<ChildStdout>), Vec<String>> {
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        match stdout.read_line(&mut line) {
            Ok(0) | Err(_) => return Err(lines),
            Ok(_) => {}
        }
        let line = line.trim_end().to_owned();
        let ready = line.starts_with("ready: ");
        lines.push(line);
        if ready {
            return Ok((lines, stdout));
        }
    }
}

async fn answer(response: reqwest::Response) -> Answer {
    let status = response.status().as_u16();
    let served_by = served_by(response.headers());
    let body = within(response.json()).await.unwrap_or(Value::Null);
    Answer {
        status,
        served_by,
        body,
    }
}

fn served_by(headers: &reqwest::header::HeaderMap) -> String {
    headers
        .get("x-served-by")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("no X-Served-By among {headers:?}"))
        .to_owned()
}

/// Whether process `pid` runs (a zombie, exited but not yet reaped, does not).
fn alive(pid: i32) -> bool {
    match std::fs::read_to_string(Path::new("/proc").join(pid.to_string()).join("stat")) {
        // "PID (COMM) STATE ...": the state follows the last parenthesis.
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, rest)| !rest.trim_start().starts_with('Z')),
        Err(_) => false,
    }
}
