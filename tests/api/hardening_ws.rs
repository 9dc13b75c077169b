//! An open WebSocket keeps only the rights its caller has now; sockets and connections that do
//! not get on with it are closed; an over-limit body is answered 413 whatever its framing.

use std::time::{Duration, Instant};

use serde_json::{Value, json};
use shopops::config::{AuthSettings, Limits, Settings};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::helpers::{PASSWORD, TestApp, World, code, settings, spawn_app, spawn_with, world};
use crate::ws::{self, WsClient};

const TASK_EVENTS: &str = "subscription($team: ID!) {
    taskEvents(teamId: $team) { kind taskId assigneeId }
}";
const CREATE_TASK: &str =
    "mutation($i: CreateTaskInput!) { createTask(input: $i) { task { id } } }";

fn task_input(team: &str, assignee: &str) -> Value {
    json!({ "i": {
        "teamId": team, "title": "Call back the buyer about the late parcel",
        "role": "CUSTOMER_SERVICE", "assigneeId": assignee,
    }})
}

fn with_limits(limits: Limits) -> Settings {
    Settings {
        limits,
        ..settings()
    }
}

/// A second manager of team A, signed in: their id and token.
async fn second_manager(app: &TestApp, w: &World) -> (String, String) {
    let id = app
        .create_staff(
            &w.admin,
            &w.team_a,
            "boss2.a@shop.test",
            "OPERATIONS",
            "MANAGER",
        )
        .await;
    (id, app.login("boss2.a@shop.test", PASSWORD).await)
}

async fn task_count(app: &TestApp, w: &World) -> i64 {
    let data = app
        .ok(
            &w.admin,
            "query($t: ID!) { tasks(filter: { teamId: $t }) { totalCount } }",
            json!({ "t": w.team_a }),
        )
        .await;
    data["tasks"]["totalCount"].as_i64().unwrap()
}

/// Runs a mutation over the socket: its payload.
async fn over_socket(ws: &mut WsClient, query: &str, variables: Value) -> Value {
    let id = ws.subscribe(query, variables).await;
    ws.next(&id).await
}

#[tokio::test]
async fn a_deactivated_manager_is_refused_on_the_open_socket_and_then_closed() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (boss2_id, boss2) = second_manager(&app, &w).await;
    let mut ws = ws::connect(&app.url, &boss2).await;
    let sub = ws.subscribe(TASK_EVENTS, json!({ "team": w.team_a })).await;
    // While active, the socket writes and hears.
    let made = over_socket(&mut ws, CREATE_TASK, task_input(&w.team_a, &w.cs_a_id)).await;
    assert!(made.get("errors").is_none(), "{made}");
    assert_eq!(ws.event(&sub).await["kind"], "CREATED");

    app.ok(
        &w.admin,
        "mutation($id: ID!) { deactivateStaff(input: { id: $id }) { staff { active } } }",
        json!({ "id": boss2_id }),
    )
    .await;
    let refused = over_socket(&mut ws, CREATE_TASK, task_input(&w.team_a, &w.cs_a_id)).await;
    assert_eq!(code(&refused), "UNAUTHENTICATED", "{refused}");
    assert_eq!(refused["data"], Value::Null, "{refused}");
    assert_eq!(task_count(&app, &w).await, 1, "nothing was written");

    // The next event of the team is not sent to them: the socket closes instead.
    app.ok(&w.manager_a, CREATE_TASK, task_input(&w.team_a, &w.cs_a_id))
        .await;
    let (code, reason, before) = ws.closed().await;
    assert_eq!(
        (code, reason.as_str()),
        (
            4403,
            "access revoked: the account or its team was deactivated, or its password changed"
        )
    );
    // At most the subscription's `complete`; no event.
    assert!(
        before
            .iter()
            .all(|m| m["id"] != sub.as_str() || m["type"] == "complete"),
        "{before:?}"
    );
}

#[tokio::test]
async fn a_demoted_manager_is_forbidden_on_the_same_socket() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let (boss2_id, boss2) = second_manager(&app, &w).await;
    let mut ws = ws::connect(&app.url, &boss2).await;
    let sub = ws.subscribe(TASK_EVENTS, json!({ "team": w.team_a })).await;

    app.ok(
        &w.admin,
        "mutation($id: ID!) { updateStaff(input: { id: $id, access: STAFF }) { staff { access } } }",
        json!({ "id": boss2_id }),
    )
    .await;
    let refused = over_socket(&mut ws, CREATE_TASK, task_input(&w.team_a, &w.cs_a_id)).await;
    assert_eq!(code(&refused), "FORBIDDEN", "{refused}");
    assert_eq!(task_count(&app, &w).await, 0, "nothing was written");

    // The subscription started as a manager would now show a colleague's task to a STAFF
    // member: it ends with FORBIDDEN instead.
    app.ok(&w.manager_a, CREATE_TASK, task_input(&w.team_a, &w.cs_a_id))
        .await;
    let ended = ws.next(&sub).await;
    assert_eq!(code(&ended), "FORBIDDEN", "{ended}");
    assert_eq!(ended["data"], Value::Null, "{ended}");
    // Subscribing again gives what STAFF may see: their own tasks only.
    let sub = ws.subscribe(TASK_EVENTS, json!({ "team": w.team_a })).await;
    app.ok(&w.manager_a, CREATE_TASK, task_input(&w.team_a, &w.cs_a_id))
        .await;
    app.ok(&w.manager_a, CREATE_TASK, task_input(&w.team_a, &boss2_id))
        .await;
    assert_eq!(ws.event(&sub).await["assigneeId"], json!(boss2_id));
}

#[tokio::test]
async fn a_socket_is_closed_when_its_token_expires() {
    let app = spawn_with(Settings {
        auth: AuthSettings {
            token_lifetime_secs: 2,
            ..AuthSettings::default()
        },
        ..settings()
    })
    .await;
    // Tokens of the set-up expire too; HTTP still takes them within the 30 s of clock leeway.
    let w = world(&app).await;
    let token = app.login("boss.a@shop.test", PASSWORD).await;
    let opened = Instant::now();
    let mut ws = ws::connect(&app.url, &token).await;
    ws.subscribe(TASK_EVENTS, json!({ "team": w.team_a })).await;
    let (code, reason, _) = ws.closed().await;
    assert_eq!(
        (code, reason.as_str()),
        (4401, "session expired: sign in again")
    );
    // Issued with a 2 s lifetime, in whole seconds: closed after 1 to 2 s.
    let open_for = opened.elapsed();
    assert!(
        (Duration::from_millis(900)..Duration::from_secs(4)).contains(&open_for),
        "{open_for:?}"
    );
}

#[tokio::test]
async fn an_idle_socket_of_a_deactivated_account_is_closed_on_the_recheck() {
    let app = spawn_with(with_limits(Limits {
        ws_recheck_secs: 1,
        ..Limits::default()
    }))
    .await;
    let w = world(&app).await;
    let mut ws = ws::connect(&app.url, &w.cs_a).await;
    app.ok(
        &w.manager_a,
        "mutation($id: ID!) { deactivateStaff(input: { id: $id }) { staff { active } } }",
        json!({ "id": w.cs_a_id }),
    )
    .await;
    let (code, reason, _) = ws.closed().await;
    assert_eq!(
        (code, reason.as_str()),
        (
            4403,
            "access revoked: the account or its team was deactivated, or its password changed"
        )
    );
}

#[tokio::test]
async fn a_socket_without_connection_init_is_closed() {
    let app = spawn_with(with_limits(Limits {
        ws_init_timeout_secs: 1,
        ..Limits::default()
    }))
    .await;
    let opened = Instant::now();
    let mut ws = ws::open(&app.url, "graphql-transport-ws").await;
    let (code, reason, before) = ws.closed().await;
    assert_eq!(
        (code, reason.as_str()),
        (4408, "connection initialisation timeout")
    );
    assert!(before.is_empty(), "{before:?}");
    assert!(opened.elapsed() >= Duration::from_millis(900));
}

/// Reads until the server closes the connection; what it sent, and when it closed.
async fn read_to_close(tcp: &mut TcpStream) -> (String, Instant) {
    let mut seen = Vec::new();
    let mut buf = [0; 4096];
    loop {
        let read = tokio::time::timeout(Duration::from_secs(5), tcp.read(&mut buf))
            .await
            .expect("the server closes the connection within 5 s");
        match read {
            Ok(0) | Err(_) => return (String::from_utf8_lossy(&seen).into(), Instant::now()),
            Ok(n) => seen.extend_from_slice(&buf[..n]),
        }
    }
}

fn address(app: &TestApp) -> &str {
    app.url.trim_start_matches("http://")
}

#[tokio::test]
async fn slow_headers_and_idle_keep_alive_connections_are_closed() {
    let app = spawn_with(with_limits(Limits {
        header_read_timeout_secs: 1,
        ..Limits::default()
    }))
    .await;
    // Headers that never end.
    let mut slow = TcpStream::connect(address(&app)).await.unwrap();
    let opened = Instant::now();
    slow.write_all(b"POST /graphql HTTP/1.1\r\nHost: localhost\r\n")
        .await
        .unwrap();
    let (_, closed) = read_to_close(&mut slow).await;
    assert!(closed - opened >= Duration::from_millis(900));

    // A keep-alive connection left idle after its answer.
    let mut idle = TcpStream::connect(address(&app)).await.unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .unwrap();
    let answered = Instant::now();
    let (seen, closed) = read_to_close(&mut idle).await;
    assert!(seen.starts_with("HTTP/1.1 200"), "{seen}");
    assert!(seen.contains(r#"{"status":"ok"}"#), "{seen}");
    assert!(closed - answered >= Duration::from_millis(900));
}

/// Status and JSON body of a raw HTTP/1.1 exchange.
async fn raw_exchange(app: &TestApp, request: &[u8]) -> (u16, Value) {
    let mut tcp = TcpStream::connect(address(app)).await.unwrap();
    tcp.write_all(request).await.unwrap();
    let (seen, _) = read_to_close(&mut tcp).await;
    let status = seen
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line: {seen}"));
    let body = seen.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn over_limit_bodies_get_413_with_a_graphql_error_however_they_are_sent() {
    let app = spawn_with(with_limits(Limits {
        max_body_bytes: 4096,
        ..Limits::default()
    }))
    .await;
    let message = "the request body is larger than 4096 bytes";
    let query = format!(r#"{{"query":"{{ me {{ id }} }}{}"}}"#, " ".repeat(5000));

    // Declared with Content-Length.
    let (status, body) = app.post(None, &serde_json::from_str(&query).unwrap()).await;
    assert_eq!(status, 413);
    assert_eq!(code(&body), "PAYLOAD_TOO_LARGE");
    assert_eq!(body["errors"][0]["message"], message);

    // Chunked: two chunks of 2600 bytes.
    let (first, second) = query.split_at(2600);
    let mut request = String::from(
        "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
    );
    for chunk in [first, second] {
        request.push_str(&format!("{:x}\r\n{chunk}\r\n", chunk.len()));
    }
    request.push_str("0\r\n\r\n");
    let (status, body) = raw_exchange(&app, request.as_bytes()).await;
    assert_eq!(status, 413, "{body}");
    assert_eq!(code(&body), "PAYLOAD_TOO_LARGE");
    assert_eq!(body["errors"][0]["message"], message);

    // A body that is not a GraphQL request is the client's input, in GraphQL's shape too.
    let request = "POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
                   Content-Length: 9\r\nConnection: close\r\n\r\nnot json!";
    let (status, body) = raw_exchange(&app, request.as_bytes()).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(code(&body), "BAD_USER_INPUT");
}
