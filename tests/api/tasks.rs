//! Tasks on their own: manual tasks and who gets them, reassignment, edits, versions, access,
//! the filtered connection, and a constant number of statements for a page of tasks.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::helpers::{TestApp, World, code, field, spawn_at, world};

/// Tuesday 2026-03-10, 09:00 in Shanghai.
async fn spawn() -> (TestApp, World) {
    let at: DateTime<Utc> = "2026-03-10T01:00:00Z".parse().unwrap();
    let app = spawn_at(at).await;
    let w = world(&app).await;
    (app, w)
}

const TASK: &str =
    "id version status role priority dueAt title detail assignee { id } creator { id }";

async fn create(app: &TestApp, token: &str, input: Value) -> Value {
    let q = format!(
        "mutation($i: CreateTaskInput!) {{ createTask(input: $i) {{ task {{ {TASK} }} }} }}"
    );
    app.ok(token, &q, json!({ "i": input })).await["createTask"]["task"].clone()
}

fn cs_task(w: &World, title: &str) -> Value {
    json!({ "teamId": w.team_a, "title": title, "role": "CUSTOMER_SERVICE" })
}

#[tokio::test]
async fn manual_tasks_go_to_the_least_loaded_person_of_the_role() {
    let (app, w) = spawn().await;
    let m = &w.manager_a;
    // cs_a and cs_a2 both have none: the lower id gets the first, then the other, then cs_a.
    let first = create(
        &app,
        m,
        cs_task(&w, "回访差评买家 call back the unhappy buyer"),
    )
    .await;
    let second = create(&app, m, cs_task(&w, "Check quick replies")).await;
    let third = create(&app, m, cs_task(&w, "Review unpaid orders")).await;
    let assignees: Vec<&Value> = [&first, &second, &third]
        .iter()
        .map(|t| &t["assignee"]["id"])
        .collect();
    assert_eq!(
        assignees,
        vec![&json!(w.cs_a_id), &json!(w.cs_a2_id), &json!(w.cs_a_id)]
    );
    assert_eq!(
        (
            &first["status"],
            &first["priority"],
            &first["version"],
            &first["creator"]["id"]
        ),
        (
            &json!("TODO"),
            &json!("MEDIUM"),
            &json!(1),
            &json!(w.manager_a_id)
        )
    );
    // Due 18:00 local the day it was made.
    assert_eq!(first["dueAt"], "2026-03-10T10:00:00+00:00");
    // cs_a has 2 open tasks now, cs_a2 1.
    let fourth = create(&app, m, cs_task(&w, "Tidy FAQ")).await;
    assert_eq!(fourth["assignee"]["id"], json!(w.cs_a2_id));

    // Explicit choices, and what is refused.
    let chosen = create(
        &app,
        m,
        json!({ "teamId": w.team_a, "title": "New banner", "role": "DESIGNER",
                "assigneeId": w.designer_a_id, "priority": "HIGH",
                "dueAt": "2026-03-11T02:00:00Z", "detail": "for the spring sale" }),
    )
    .await;
    assert_eq!(
        (
            &chosen["assignee"]["id"],
            &chosen["priority"],
            &chosen["dueAt"],
            &chosen["detail"]
        ),
        (
            &json!(w.designer_a_id),
            &json!("HIGH"),
            &json!("2026-03-11T02:00:00+00:00"),
            &json!("for the spring sale")
        )
    );
    let q = "mutation($i: CreateTaskInput!) { createTask(input: $i) { task { id } } }";
    let foreign = app
        .gql(
            Some(m),
            q,
            json!({ "i": { "teamId": w.team_a, "title": "x", "role": "DESIGNER", "assigneeId": w.designer_b_id } }),
        )
        .await;
    assert_eq!(
        (code(&foreign), field(&foreign)),
        ("BAD_USER_INPUT", "assigneeId")
    );
    let blank = app
        .gql(
            Some(m),
            q,
            json!({ "i": { "teamId": w.team_a, "title": "  ", "role": "DESIGNER" } }),
        )
        .await;
    assert_eq!((code(&blank), field(&blank)), ("BAD_USER_INPUT", "title"));
    let by_staff = app
        .gql(Some(&w.cs_a), q, json!({ "i": cs_task(&w, "x") }))
        .await;
    assert_eq!(code(&by_staff), "FORBIDDEN");
    let other_team = app
        .gql(Some(&w.manager_b), q, json!({ "i": cs_task(&w, "x") }))
        .await;
    assert_eq!(code(&other_team), "FORBIDDEN");
    // No person of the role: the task waits unassigned for the manager.
    let nobody = create(
        &app,
        m,
        json!({ "teamId": w.team_a, "title": "Bid review", "role": "PROMOTION" }),
    )
    .await;
    assert_eq!(nobody["assignee"], Value::Null);
}

#[tokio::test]
async fn reassigning_and_editing_check_the_version_and_leave_a_trail() {
    let (app, w) = spawn().await;
    let m = &w.manager_a;
    let t = create(&app, m, cs_task(&w, "Call back")).await;
    assert_eq!(t["assignee"]["id"], json!(w.cs_a_id));
    let assign = format!(
        "mutation($i: ID!, $v: Int!, $a: ID!) {{ assignTask(input: {{ id: $i, version: $v, assigneeId: $a }}) {{ task {{ {TASK} }} }} }}"
    );
    let by_staff = app
        .gql(
            Some(&w.cs_a),
            &assign,
            json!({ "i": t["id"], "v": 1, "a": w.cs_a2_id }),
        )
        .await;
    assert_eq!(code(&by_staff), "FORBIDDEN");
    let moved = app
        .ok(m, &assign, json!({ "i": t["id"], "v": 1, "a": w.cs_a2_id }))
        .await["assignTask"]["task"]
        .clone();
    assert_eq!(
        (&moved["assignee"]["id"], &moved["version"]),
        (&json!(w.cs_a2_id), &json!(2))
    );
    // Someone still holding version 1 is refused, and nothing changes.
    let stale = app
        .gql(
            Some(m),
            &assign,
            json!({ "i": t["id"], "v": 1, "a": w.designer_a_id }),
        )
        .await;
    assert_eq!(code(&stale), "CONFLICT");
    let edit = "mutation($i: UpdateTaskInput!) { updateTask(input: $i) { task { version title priority } } }";
    let stale_edit = app
        .gql(
            Some(m),
            edit,
            json!({ "i": { "id": t["id"], "version": 1, "title": "late" } }),
        )
        .await;
    assert_eq!(code(&stale_edit), "CONFLICT");
    let edited = app
        .ok(m, edit, json!({ "i": { "id": t["id"], "version": 2, "title": "Call back today", "priority": "HIGH" } }))
        .await;
    assert_eq!(
        edited["updateTask"]["task"],
        json!({ "version": 3, "title": "Call back today", "priority": "HIGH" })
    );
    // cs_a lost sight of it; cs_a2 sees it.
    let read =
        "query($i: ID!) { task(id: $i) { id auditTrail { actor { id } field before after } } }";
    let gone = app.gql(Some(&w.cs_a), read, json!({ "i": t["id"] })).await;
    assert_eq!(code(&gone), "FORBIDDEN");
    let missing = app.gql(Some(m), read, json!({ "i": "999999" })).await;
    assert_eq!(code(&missing), "NOT_FOUND");
    let trail = app.ok(m, read, json!({ "i": t["id"] })).await["task"]["auditTrail"].clone();
    let changes: Vec<Value> = trail
        .as_array()
        .unwrap()
        .iter()
        .skip(5) // the five creation entries
        .map(|e| json!([e["actor"]["id"], e["field"], e["before"], e["after"]]))
        .collect();
    assert_eq!(
        changes,
        vec![
            json!([w.manager_a_id, "assignee", w.cs_a_id, w.cs_a2_id]),
            json!([w.manager_a_id, "title", "Call back", "Call back today"]),
            json!([w.manager_a_id, "priority", "MEDIUM", "HIGH"]),
        ]
    );
    // A finished task is not reassigned.
    let done = app
        .ok(
            m,
            "mutation($i: ID!) { moveTask(input: { id: $i, version: 3, to: CANCELLED, reason: \"dup\" }) { task { version } } }",
            json!({ "i": t["id"] }),
        )
        .await;
    assert_eq!(done["moveTask"]["task"]["version"], 4);
    let after = app
        .gql(
            Some(m),
            &assign,
            json!({ "i": t["id"], "v": 4, "a": w.cs_a_id }),
        )
        .await;
    assert_eq!(code(&after), "BAD_USER_INPUT");
    let final_move = app
        .gql(
            Some(m),
            "mutation($i: ID!) { moveTask(input: { id: $i, version: 4, to: TODO }) { task { id } } }",
            json!({ "i": t["id"] }),
        )
        .await;
    assert!(
        final_move["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("CANCELLED is final"),
        "{final_move}"
    );
}

#[tokio::test]
async fn the_task_list_filters_pages_and_respects_who_may_see() {
    let (app, w) = spawn().await;
    let m = &w.manager_a;
    let a = create(&app, m, cs_task(&w, "a")).await; // cs_a
    let b = create(&app, m, cs_task(&w, "b")).await; // cs_a2
    let c = create(
        &app,
        m,
        json!({ "teamId": w.team_a, "title": "c", "role": "DESIGNER",
                "dueAt": "2026-03-12T10:00:00Z" }),
    )
    .await;
    app.ok(
        m,
        "mutation($i: ID!) { moveTask(input: { id: $i, version: 1, to: IN_PROGRESS }) { task { id } } }",
        json!({ "i": b["id"] }),
    )
    .await;
    let list = "query($f: TaskFilter, $n: Int = 20, $after: String) { tasks(filter: $f, first: $n, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }";
    let ids = |data: &Value| -> Vec<Value> {
        data["tasks"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["id"].clone())
            .collect()
    };
    let all = app
        .ok(m, list, json!({ "f": { "teamId": w.team_a } }))
        .await;
    assert_eq!(
        ids(&all),
        vec![a["id"].clone(), b["id"].clone(), c["id"].clone()]
    );
    for (filter, expected) in [
        (json!({ "role": "DESIGNER" }), vec![c["id"].clone()]),
        (json!({ "status": ["IN_PROGRESS"] }), vec![b["id"].clone()]),
        (json!({ "assigneeId": w.cs_a_id }), vec![a["id"].clone()]),
        (
            json!({ "dueBefore": "2026-03-11T00:00:00Z" }),
            vec![a["id"].clone(), b["id"].clone()],
        ),
        (json!({ "overdue": true }), vec![]),
    ] {
        let got = app.ok(m, list, json!({ "f": filter })).await;
        assert_eq!(ids(&got), expected, "{filter}");
    }
    // At 19:00 local the two tasks due at 18:00 are overdue; the one due on the 12th is not.
    app.clock.set("2026-03-10T11:00:00Z".parse().unwrap());
    let overdue = app.ok(m, list, json!({ "f": { "overdue": true } })).await;
    assert_eq!(ids(&overdue), vec![a["id"].clone(), b["id"].clone()]);
    let not_overdue = app.ok(m, list, json!({ "f": { "overdue": false } })).await;
    assert_eq!(ids(&not_overdue), vec![c["id"].clone()]);

    // Pages of one.
    let page1 = app.ok(m, list, json!({ "n": 1 })).await;
    assert_eq!(page1["tasks"]["totalCount"], 3);
    assert_eq!(page1["tasks"]["pageInfo"]["hasNextPage"], true);
    let page2 = app
        .ok(
            m,
            list,
            json!({ "n": 1, "after": page1["tasks"]["pageInfo"]["endCursor"] }),
        )
        .await;
    assert_eq!(ids(&page2), vec![b["id"].clone()]);
    let too_many = app.gql(Some(m), list, json!({ "n": 101 })).await;
    assert_eq!(
        (code(&too_many), field(&too_many)),
        ("BAD_USER_INPUT", "first")
    );

    // Staff see their own tasks only; another team's manager sees none of these.
    let mine = app.ok(&w.cs_a, list, json!({})).await;
    assert_eq!(ids(&mine), vec![a["id"].clone()]);
    let my_tasks = app
        .ok(
            &w.cs_a,
            "{ myTasks { totalCount edges { node { id overdue } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        my_tasks["myTasks"],
        json!({ "totalCount": 1, "edges": [{ "node": { "id": a["id"], "overdue": true } }] })
    );
    let foreign = app
        .gql(
            Some(&w.manager_b),
            list,
            json!({ "f": { "teamId": w.team_a } }),
        )
        .await;
    assert_eq!(code(&foreign), "FORBIDDEN");
}

#[tokio::test]
async fn a_page_of_tasks_with_people_and_history_runs_a_constant_number_of_statements() {
    let (app, w) = spawn().await;
    let m = &w.manager_a;
    let q = "query($n: Int) { tasks(first: $n) { edges { node { id assignee { id team { id } }
        creator { name } finding { id } followUps { body author { id } }
        auditTrail { field actor { id } } verification { measuredValue } } } } }";
    let mut counts = Vec::new();
    for n in [2, 20] {
        while app.ok(m, q, json!({ "n": 100 })).await["tasks"]["edges"]
            .as_array()
            .unwrap()
            .len()
            < n
        {
            let t = create(&app, m, cs_task(&w, "x")).await;
            app.ok(
                m,
                "mutation($i: ID!) { addFollowUp(input: { taskId: $i, body: \"noted\" }) { followUp { id } } }",
                json!({ "i": t["id"] }),
            )
            .await;
        }
        let before = app.statements();
        let data = app.ok(m, q, json!({ "n": n as i64 })).await;
        assert_eq!(data["tasks"]["edges"].as_array().unwrap().len(), n);
        counts.push(app.statements() - before);
    }
    assert_eq!(
        counts[0], counts[1],
        "statements for 2 and 20 tasks: {counts:?}"
    );
}
