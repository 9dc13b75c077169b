//! Live task events: the `taskEvents` subscription over WebSocket, its authentication and §9
//! filtering, and (on PostgreSQL) two `serve` processes delivering each other's events.

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

use crate::helpers::{PASSWORD, SECRET, spawn_app, world};
use crate::ws::{self, within};

const TASK_EVENTS: &str = "subscription($team: ID!) {
    taskEvents(teamId: $team) {
        kind teamId taskId status assigneeId previousAssigneeId actorId at
    }
}";

#[tokio::test]
async fn connection_init_needs_a_valid_token() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let transport = "graphql-transport-ws";

    for payload in [
        json!({}),
        json!({ "token": "not-a-jwt" }),
        json!({ "Authorization": "Basic cm9vdDpyb290" }),
    ] {
        match ws::init_with(&app.url, transport, payload.clone()).await {
            Err((_, reason)) => {
                assert!(reason.contains("authentication"), "{payload}: {reason}")
            }
            Ok(_) => panic!("{payload} was accepted"),
        }
    }

    let bearer = json!({ "Authorization": format!("Bearer {}", w.cs_a) });
    assert!(ws::init_with(&app.url, transport, bearer).await.is_ok());
    // The legacy subscriptions-transport-ws protocol is served too.
    let token = json!({ "token": w.manager_a });
    assert!(ws::init_with(&app.url, "graphql-ws", token).await.is_ok());
}

#[tokio::test]
async fn a_manager_sees_every_change_to_the_teams_tasks() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let cs_a2 = app.login("cs.a2@shop.test", PASSWORD).await;
    let mut ws = ws::connect(&app.url, &w.manager_a).await;
    let sub = ws.subscribe(TASK_EVENTS, json!({ "team": w.team_a })).await;

    // Another team's task is not announced here: the first event is team A's.
    create_task(&app.url, &w.manager_b, &w.team_b, &w.cs_b_id).await;
    let (task, v) = create_task(&app.url, &w.manager_a, &w.team_a, &w.cs_a_id).await;
    let created = ws.event(&sub).await;
    assert_eq!(
        without_time(created),
        json!({
            "kind": "CREATED", "teamId": w.team_a, "taskId": task, "status": "TODO",
            "assigneeId": w.cs_a_id, "previousAssigneeId": null, "actorId": w.manager_a_id,
        })
    );

    let v = move_task(&app.url, &w.cs_a, &task, v, "IN_PROGRESS").await;
    assert_eq!(
        without_time(ws.event(&sub).await),
        json!({
            "kind": "STATUS_CHANGED", "teamId": w.team_a, "taskId": task,
            "status": "IN_PROGRESS", "assigneeId": w.cs_a_id, "previousAssigneeId": null,
            "actorId": w.cs_a_id,
        })
    );

    let v = assign_task(&app.url, &w.manager_a, &task, v, &w.cs_a2_id).await;
    assert_eq!(
        without_time(ws.event(&sub).await),
        json!({
            "kind": "ASSIGNED", "teamId": w.team_a, "taskId": task, "status": "IN_PROGRESS",
            "assigneeId": w.cs_a2_id, "previousAssigneeId": w.cs_a_id,
            "actorId": w.manager_a_id,
        })
    );

    follow_up(&app.url, &cs_a2, &task, "Customer called back, refund sent").await;
    assert_eq!(
        without_time(ws.event(&sub).await),
        json!({
            "kind": "FOLLOW_UP_ADDED", "teamId": w.team_a, "taskId": task,
            "status": "IN_PROGRESS", "assigneeId": w.cs_a2_id, "previousAssigneeId": null,
            "actorId": w.cs_a2_id,
        })
    );

    move_task(&app.url, &cs_a2, &task, v, "DONE").await;
    let done = ws.event(&sub).await;
    assert_eq!(
        (&done["kind"], &done["status"]),
        (&json!("STATUS_CHANGED"), &json!("DONE"))
    );
}

#[tokio::test]
async fn staff_see_only_their_own_tasks_and_other_teams_are_forbidden() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let mut ws = ws::connect(&app.url, &w.cs_a).await;
    let sub = ws.subscribe(TASK_EVENTS, json!({ "team": w.team_a })).await;

    // A colleague's task is not announced to cs_a; their own is.
    let (other, other_v) = create_task(&app.url, &w.manager_a, &w.team_a, &w.cs_a2_id).await;
    let (mine, mine_v) = create_task(&app.url, &w.manager_a, &w.team_a, &w.cs_a_id).await;
    let event = ws.event(&sub).await;
    assert_eq!(
        (&event["kind"], &event["taskId"]),
        (&json!("CREATED"), &json!(mine))
    );

    // Taken away from cs_a: they hear of it, and then no more of that task.
    assign_task(&app.url, &w.manager_a, &mine, mine_v, &w.cs_a2_id).await;
    assert_eq!(
        without_time(ws.event(&sub).await),
        json!({
            "kind": "ASSIGNED", "teamId": w.team_a, "taskId": mine, "status": "TODO",
            "assigneeId": w.cs_a2_id, "previousAssigneeId": w.cs_a_id,
            "actorId": w.manager_a_id,
        })
    );
    follow_up(&app.url, &w.manager_a, &mine, "cs.a2 takes it over").await;
    // Given to cs_a: the next event they get is this one, not the follow-up above.
    assign_task(&app.url, &w.manager_a, &other, other_v, &w.cs_a_id).await;
    let event = ws.event(&sub).await;
    assert_eq!(
        (
            &event["kind"],
            &event["taskId"],
            &event["previousAssigneeId"]
        ),
        (&json!("ASSIGNED"), &json!(other), &json!(w.cs_a2_id))
    );

    // Another team's events: FORBIDDEN for its staff and its manager alike.
    for (token, team) in [(&w.cs_a, &w.team_b), (&w.manager_b, &w.team_a)] {
        let mut ws = ws::connect(&app.url, token).await;
        let sub = ws.subscribe(TASK_EVENTS, json!({ "team": team })).await;
        let refused = ws.next(&sub).await;
        assert_eq!(
            refused["errors"][0]["extensions"]["code"], "FORBIDDEN",
            "{refused}"
        );
    }

    // An admin may follow any team.
    let mut ws = ws::connect(&app.url, &w.admin).await;
    let sub = ws.subscribe(TASK_EVENTS, json!({ "team": w.team_b })).await;
    let (task, _) = create_task(&app.url, &w.manager_b, &w.team_b, &w.cs_b_id).await;
    assert_eq!(ws.event(&sub).await["taskId"], json!(task));
}

#[tokio::test]
async fn two_serve_processes_on_one_postgres_deliver_each_others_events() {
    if std::env::var("TEST_DATABASE_URL").is_err() {
        eprintln!("skipped: two processes share events through PostgreSQL (set TEST_DATABASE_URL)");
        return;
    }
    let a = spawn_app().await;
    let w = world(&a).await;
    let b = Serve::start(&a.database_url).await;

    // Subscribed on B, changed through A.
    let mut on_b = ws::connect(&b.url, &w.manager_a).await;
    let sub_b = on_b
        .subscribe(TASK_EVENTS, json!({ "team": w.team_a }))
        .await;
    let (task, v) = create_task(&a.url, &w.manager_a, &w.team_a, &w.cs_a_id).await;
    let event = on_b.event(&sub_b).await;
    assert_eq!(
        (&event["kind"], &event["taskId"]),
        (&json!("CREATED"), &json!(task))
    );

    // Subscribed on A, changed through B; B's own subscriber hears it too.
    let mut on_a = ws::connect(&a.url, &w.cs_a).await;
    let sub_a = on_a
        .subscribe(TASK_EVENTS, json!({ "team": w.team_a }))
        .await;
    move_task(&b.url, &w.cs_a, &task, v, "IN_PROGRESS").await;
    for event in [on_a.event(&sub_a).await, on_b.event(&sub_b).await] {
        assert_eq!(
            without_time(event),
            json!({
                "kind": "STATUS_CHANGED", "teamId": w.team_a, "taskId": task,
                "status": "IN_PROGRESS", "assigneeId": w.cs_a_id, "previousAssigneeId": null,
                "actorId": w.cs_a_id,
            })
        );
    }
}

/// Drops `at` after checking it is a timestamp.
fn without_time(mut event: Value) -> Value {
    let at = event
        .as_object_mut()
        .and_then(|e| e.remove("at"))
        .unwrap_or_else(|| panic!("no `at`: {event}"));
    let at = at.as_str().unwrap_or_default();
    assert!(chrono::DateTime::parse_from_rfc3339(at).is_ok(), "at: {at}");
    event
}

/// One operation against the server at `url` that must succeed; its `data`.
async fn ok(url: &str, token: &str, query: &str, variables: Value) -> Value {
    let resp: Value = reqwest::Client::new()
        .post(format!("{url}/graphql"))
        .bearer_auth(token)
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .expect("request")
        .json()
        .await
        .expect("JSON response");
    assert!(resp.get("errors").is_none(), "unexpected errors: {resp}");
    resp["data"].clone()
}

/// A customer-service task for `assignee`: its id and version.
async fn create_task(url: &str, token: &str, team: &str, assignee: &str) -> (String, i64) {
    let data = ok(
        url,
        token,
        "mutation($i: CreateTaskInput!) { createTask(input: $i) { task { id version } } }",
        json!({ "i": {
            "teamId": team, "title": "Answer the chats left over from last night",
            "role": "CUSTOMER_SERVICE", "assigneeId": assignee,
        }}),
    )
    .await;
    let task = &data["createTask"]["task"];
    (
        task["id"].as_str().unwrap().to_owned(),
        task["version"].as_i64().unwrap(),
    )
}

/// Returns the new version.
async fn assign_task(url: &str, token: &str, task: &str, version: i64, to: &str) -> i64 {
    let data = ok(
        url,
        token,
        "mutation($id: ID!, $v: Int!, $to: ID!) {
            assignTask(input: { id: $id, version: $v, assigneeId: $to }) { task { version } }
        }",
        json!({ "id": task, "v": version, "to": to }),
    )
    .await;
    data["assignTask"]["task"]["version"].as_i64().unwrap()
}

/// Returns the new version.
async fn move_task(url: &str, token: &str, task: &str, version: i64, to: &str) -> i64 {
    let data = ok(
        url,
        token,
        "mutation($id: ID!, $v: Int!, $to: TaskStatus!) {
            moveTask(input: { id: $id, version: $v, to: $to }) { task { version status } }
        }",
        json!({ "id": task, "v": version, "to": to }),
    )
    .await;
    assert_eq!(data["moveTask"]["task"]["status"], to);
    data["moveTask"]["task"]["version"].as_i64().unwrap()
}

async fn follow_up(url: &str, token: &str, task: &str, body: &str) {
    ok(
        url,
        token,
        "mutation($t: ID!, $b: String!) { addFollowUp(input: { taskId: $t, body: $b }) { followUp { __typename } } }",
        json!({ "t": task, "b": body }),
    )
    .await;
}

/// A second `shopops serve` process; killed when dropped, also when the test panics.
struct Serve {
    process: Child,
    url: String,
    /// Kept open so that the process never writes to a closed pipe.
    _stdout: Option<BufReader<ChildStdout>>,
}

impl Serve {
    async fn start(database_url: &str) -> Self {
        let process = Command::new(env!("CARGO_BIN_EXE_shopops"))
            .args(["serve", "--bind", "127.0.0.1:0"])
            .env("DATABASE_URL", database_url)
            .env("JWT_SECRET", SECRET)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .spawn()
            .expect("start shopops serve");
        let mut serve = Self {
            process,
            url: String::new(),
            _stdout: None,
        };
        let mut stdout = BufReader::new(serve.process.stdout.take().expect("stdout"));
        let (url, stdout) = within(tokio::task::spawn_blocking(move || {
            let mut line = String::new();
            loop {
                line.clear();
                if stdout.read_line(&mut line).expect("read stdout") == 0 {
                    panic!("shopops serve exited before listening");
                }
                if let Some(endpoint) = line.trim().strip_prefix("shopops listening on ") {
                    let url = endpoint.trim_end_matches("/graphql").to_owned();
                    return (url, stdout);
                }
            }
        }))
        .await
        .expect("reading stdout");
        serve.url = url;
        serve._stdout = Some(stdout);
        serve
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}
