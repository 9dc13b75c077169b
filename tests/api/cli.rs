//! The `shopops` binary itself: subcommands, configuration, demo data, graceful shutdown.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use migration::MigratorTrait;
use serde_json::json;

use crate::helpers::{empty_database, fresh_database};

fn shopops(database_url: &str) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_shopops"));
    cmd.env("DATABASE_URL", database_url)
        .env_remove("JWT_SECRET")
        .env("RUST_LOG", "warn");
    cmd
}

#[tokio::test]
async fn schema_prints_the_checked_in_sdl() {
    let out = shopops("sqlite::memory:").arg("schema").output().unwrap();
    assert!(out.status.success());
    let file = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/schema.graphql"
    ))
    .unwrap();
    assert!(
        String::from_utf8(out.stdout).unwrap() == file,
        "run `cargo run -- schema > schema/schema.graphql`"
    );
}

#[tokio::test]
async fn migrate_and_create_admin_from_stdin() {
    let (url, _dir) = empty_database().await;
    let status = shopops(&url)
        .args(["migrate", "--status"])
        .output()
        .unwrap();
    let listed = String::from_utf8(status.stdout).unwrap();
    assert!(
        listed.contains("m20261122_000001_create_team\tPending"),
        "{listed}"
    );
    assert!(shopops(&url).arg("migrate").status().unwrap().success());
    let listed = String::from_utf8(
        shopops(&url)
            .args(["migrate", "--status"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let migrations = migration::Migrator::migrations().len();
    assert_eq!(listed.matches("Applied").count(), migrations, "{listed}");
    assert!(!listed.contains("Pending"), "{listed}");

    let mut child = shopops(&url)
        .args(["create-admin", "--email", "Ops@Shop.Test", "--name", "Ops"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"a long admin password\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("created admin ops@shop.test")
    );
    // A second admin with the same e-mail is refused.
    let again = shopops(&url)
        .args([
            "create-admin",
            "--email",
            "ops@shop.test",
            "--name",
            "Ops",
            "--password",
            "another long one",
        ])
        .output()
        .unwrap();
    assert!(!again.status.success());
}

#[tokio::test]
async fn serve_needs_a_jwt_secret_unless_demo() {
    let (url, _dir) = fresh_database().await;
    let out = shopops(&url)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("JWT_SECRET is required"));
    let out = shopops(&url)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("JWT_SECRET", "short")
        .output()
        .unwrap();
    assert!(!out.status.success());
}

#[tokio::test]
async fn serve_demo_loads_a_team_serves_it_and_stops_on_sigterm() {
    let (url, _dir) = fresh_database().await;
    let mut child = shopops(&url)
        .args(["serve", "--demo"])
        .env("SHOPOPS_BIND", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut printed = Vec::new();
    let endpoint = loop {
        let line = lines.next().expect("serve exited early").unwrap();
        if let Some(rest) = line.strip_prefix("shopops listening on ") {
            break rest.to_owned();
        }
        printed.push(line);
    };
    let printed = printed.join("\n");
    assert!(printed.contains("admin@demo.shopops"), "{printed}");
    assert!(printed.contains("shopops-demo"), "{printed}");

    let client = reqwest::Client::new();
    let login: serde_json::Value = client
        .post(&endpoint)
        .json(&json!({ "query": "mutation { login(input: { email: \"admin@demo.shopops\", password: \"shopops-demo\" }) { token } }" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = login["data"]["login"]["token"]
        .as_str()
        .expect("demo admin logs in");
    let data: serde_json::Value = client
        .post(&endpoint)
        .bearer_auth(token)
        .json(&json!({ "query": "{ teams { totalCount } staff(first: 100) { totalCount edges { node { role access } } } products { totalCount } }" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(data["data"]["teams"]["totalCount"], 1);
    assert_eq!(data["data"]["staff"]["totalCount"], 10);
    for role in ["CUSTOMER_SERVICE", "DESIGNER", "PROMOTION", "OPERATIONS"] {
        let n = data["data"]["staff"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["node"]["role"] == role && e["node"]["access"] == "STAFF")
            .count();
        assert_eq!(n, 2, "{role}");
    }
    assert_eq!(data["data"]["products"]["totalCount"], 8);

    let kill = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "graceful shutdown exits 0, got {status}");
}

/// `shopops migrate` on `url`: its exit status and what it wrote to stderr.
fn migrate_on(url: &str) -> (bool, String) {
    let out = shopops(url).arg("migrate").output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn connection_errors_name_the_cause_and_the_fix_once() {
    let dir = tempfile::tempdir().unwrap();
    // A port nobody listens on: bound, then let go.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let cases = [
        (
            format!("postgres://postgres@127.0.0.1:{port}/shopops"),
            format!("cannot reach PostgreSQL at 127.0.0.1:{port}"),
        ),
        (
            format!("sqlite://{}/missing/shop.db", dir.path().display()),
            format!(
                "the directory {}/missing does not exist",
                dir.path().display()
            ),
        ),
        (
            format!("sqlite://{}/absent.db?mode=rw", dir.path().display()),
            "does not exist, and DATABASE_URL's mode does not create it".to_owned(),
        ),
        (
            "mysql://localhost/shop".to_owned(),
            "DATABASE_URL must be a SQLite URL".to_owned(),
        ),
    ];
    for (url, expected) in cases {
        let (ok, stderr) = migrate_on(&url);
        assert!(!ok, "{url}");
        assert!(stderr.contains(&expected), "{url}: {stderr}");
        // One line, each cause once (sea-orm's errors repeat their source's text).
        assert_eq!(stderr.lines().count(), 1, "{url}: {stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
    // Where PostgreSQL runs: a database that is not there, named with the fix.
    if let Ok(server) = std::env::var("TEST_DATABASE_URL") {
        let url = crate::helpers::database_url(&server, "shopops_test_absent");
        let (ok, stderr) = migrate_on(&url);
        assert!(!ok);
        assert!(
            stderr.contains("has no database \"shopops_test_absent\": create it (`createdb shopops_test_absent`)"),
            "{stderr}"
        );
    }
}

#[tokio::test]
async fn a_sqlite_url_without_a_mode_creates_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new.db");
    let (ok, stderr) = migrate_on(&format!("sqlite://{}", file.display()));
    assert!(ok, "{stderr}");
    assert!(file.exists());
}
