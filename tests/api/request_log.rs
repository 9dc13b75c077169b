//! The request log of a real `shopops serve` at the default level (no `RUST_LOG`): one line per
//! request, with the GraphQL operation, the caller, the team, the status, the error codes and
//! the latency; JSON with `SHOPOPS_LOG_FORMAT=json`; no colour codes when not on a terminal.

use std::io::{BufRead, BufReader, Lines};
use std::process::{Child, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

use crate::helpers::fresh_database;

/// `shopops serve --demo` logging to a file, at the default level.
struct Serve {
    child: Child,
    endpoint: String,
    log: tempfile::NamedTempFile,
    /// Kept open, so that the server never writes to a closed pipe.
    _stdout: Lines<BufReader<ChildStdout>>,
}

impl Serve {
    fn start(url: &str, format: Option<&str>) -> Self {
        let log = tempfile::NamedTempFile::new().unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_shopops"));
        cmd.args(["serve", "--demo"])
            .env("DATABASE_URL", url)
            .env("SHOPOPS_BIND", "127.0.0.1:0")
            .env_remove("RUST_LOG")
            .env_remove("SHOPOPS_LOG_FORMAT")
            .stdout(Stdio::piped())
            .stderr(log.reopen().unwrap());
        if let Some(format) = format {
            cmd.env("SHOPOPS_LOG_FORMAT", format);
        }
        let mut child = cmd.spawn().unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let endpoint = (lines.by_ref())
            .map_while(Result::ok)
            .find_map(|l| l.strip_prefix("shopops listening on ").map(str::to_owned))
            .expect("serve exited before listening");
        Self {
            child,
            endpoint,
            log,
            _stdout: lines,
        }
    }

    async fn post(&self, body: Value, token: Option<&str>) -> Value {
        let mut request = reqwest::Client::new().post(&self.endpoint).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.unwrap().json().await.unwrap()
    }

    /// Stops the server and returns what it logged.
    fn stop(mut self) -> String {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        self.child.wait().unwrap();
        std::fs::read_to_string(self.log.path()).unwrap()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test]
async fn each_request_is_one_json_line_with_its_operation_caller_team_status_and_codes() {
    let (url, _dir) = fresh_database().await;
    let serve = Serve::start(&url, Some("json"));
    let login = serve
        .post(
            json!({
                "query": "mutation SignIn($input: LoginInput!) { login(input: $input) { token staff { id teamId } } }",
                "variables": { "input": { "email": "manager@demo.shopops", "password": "shopops-demo" } },
            }),
            None,
        )
        .await;
    let token = login["data"]["login"]["token"].as_str().unwrap().to_owned();
    let manager: i64 = login["data"]["login"]["staff"]["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let team: i64 = login["data"]["login"]["staff"]["teamId"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    // Named in the document only; the team in the variables.
    let answer = serve
        .post(
            json!({
                "query": "query TeamName($teamId: ID!) { team(id: $teamId) { name } }",
                "variables": { "teamId": team.to_string() },
            }),
            Some(&token),
        )
        .await;
    assert!(answer["data"]["team"]["name"].is_string(), "{answer}");
    // Anonymous, refused twice over in one answer: each code once.
    let refused = serve
        .post(json!({ "query": "{ me { id } a: me { id } }" }), None)
        .await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"],
        "UNAUTHENTICATED"
    );
    // Refused before it runs: a body that is no GraphQL request.
    let garbage = reqwest::Client::new()
        .post(&serve.endpoint)
        .header("content-type", "application/json")
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(garbage.status(), 400);
    let page = reqwest::get(serve.endpoint.replace("/graphql", "/tasks"))
        .await
        .unwrap();
    assert_eq!(page.status(), 200);

    let logged = serve.stop();
    let lines: Vec<Value> = logged
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .filter(|l: &Value| l["target"] == "shopops::request")
        .collect();
    assert_eq!(lines.len(), 5, "one line per request:\n{logged}");
    let field = |i: usize, name: &str| lines[i][name].clone();
    assert_eq!(field(0, "operation"), "SignIn");
    assert_eq!(field(0, "status"), 200);
    assert_eq!(field(0, "caller"), Value::Null, "signing in, nobody is yet");
    assert_eq!(field(1, "operation"), "TeamName");
    assert_eq!(field(1, "caller"), manager);
    assert_eq!(field(1, "team"), team);
    assert_eq!(field(1, "errors"), Value::Null);
    assert_eq!(field(1, "method"), "POST");
    assert_eq!(field(1, "path"), "/graphql");
    assert_eq!(field(2, "operation"), "-");
    assert_eq!(field(2, "errors"), "UNAUTHENTICATED");
    assert_eq!(field(3, "status"), 400);
    assert_eq!(field(3, "errors"), "BAD_USER_INPUT");
    assert_eq!(field(4, "path"), "/tasks");
    assert_eq!(field(4, "method"), "GET");
    for line in &lines {
        assert_eq!(line["level"], "INFO");
        let ms = line["latency_ms"].as_f64().expect("latency_ms");
        assert!((0.0..60_000.0).contains(&ms), "{line}");
    }
}

#[tokio::test]
async fn the_text_log_has_the_same_fields_and_no_colour_codes_in_a_file() {
    let (url, _dir) = fresh_database().await;
    let serve = Serve::start(&url, None);
    serve
        .post(json!({ "query": "query Probe { __typename }" }), None)
        .await;
    let logged = serve.stop();
    assert!(
        !logged.contains('\u{1b}'),
        "colour codes in a file:\n{logged}"
    );
    let line = logged
        .lines()
        .find(|l| l.contains("shopops::request"))
        .unwrap_or_else(|| panic!("no request line:\n{logged}"));
    for field in [
        "method=POST",
        "path=\"/graphql\"",
        "status=200",
        "operation=\"Probe\"",
        "latency_ms=",
    ] {
        assert!(line.contains(field), "{field} in {line}");
    }
}
