//! Data integrity under pressure: one task per finding with parallel callers (and the migration
//! that cleans up duplicates made before), colleagues' private fields, reads that never delete,
//! and control characters in free text on both databases. The clock stands at 2026-03-10 09:00
//! Shanghai, so the diagnosed day is 2026-03-09 (D) and 03-02..03-08 its 7-day base.

use async_graphql::futures_util::future::join_all;
use migration::{Migrator, MigratorTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use shopops::entities::task;

use crate::fixtures::Kind;
use crate::helpers::{TestApp, World, code, field};
use crate::import_csv::{database_url, import};
use crate::migrations::steps_back_before;

use crate::diagnosis::{D, spawn};

/// A week of 1,000 visitors a day, then D with problems enough for one finding of each:
/// sales ¥4,000 against ¥10,000 a day (¥310,000 / 31), 700 visitors (< 80 % of 1,000), 20 buyers
/// (2.9 % < 85 % of 4 %), 560 bounced (80 %), 1,400 page views (2.0 a visitor), DSR 4.7, and
/// cs_a2 answering first after 40 s on average (400 s / 10).
async fn morning(app: &TestApp, w: &World) -> Value {
    let m = &w.manager_a;
    let target = json!([{ "metric": "PAID_AMOUNT", "month": "2026-03", "value": "310000" }]);
    app.set_targets(m, &w.team_a, target).await;
    let mut days: Vec<Value> = (2..=8)
        .map(|d| {
            json!({ "date": format!("2026-03-0{d}"), "visitors": 1000, "pageViews": 4000,
                    "paidBuyers": 40, "paidOrders": 40, "paidUnits": 48,
                    "paidAmount": "10400.00", "bouncedVisitors": 500 })
        })
        .collect();
    days.push(
        json!({ "date": D, "visitors": 700, "pageViews": 1400, "paidBuyers": 20,
                      "paidOrders": 20, "paidUnits": 24, "paidAmount": "4000.00",
                      "bouncedVisitors": 560, "dsrDescription": "4.7" }),
    );
    app.imported(m, Kind::Shop, &w.team_a, days).await;
    let agents = json!([
        { "staffId": w.cs_a_id, "date": D, "received": 10, "inquiries": 10, "orderedBuyers": 5,
          "paidBuyers": 4, "salesAmount": "800.00", "firstResponseSecondsSum": 100,
          "firstResponseCount": 10 },
        { "staffId": w.cs_a2_id, "date": D, "received": 10, "inquiries": 10, "orderedBuyers": 5,
          "paidBuyers": 4, "salesAmount": "800.00", "firstResponseSecondsSum": 400,
          "firstResponseCount": 10 },
    ]);
    app.imported(m, Kind::Agent, &w.team_a, agents).await;
    app.ok(
        m,
        "mutation($t: ID!) { runDiagnosis(input: { teamId: $t }) { diagnosis { id findings { id code subject } } } }",
        json!({ "t": w.team_a }),
    )
    .await["runDiagnosis"]["diagnosis"]
        .clone()
}

fn finding_ids(diagnosis: &Value) -> Vec<String> {
    diagnosis["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_owned())
        .collect()
}

const FROM_DIAGNOSIS: &str = "mutation($d: ID!, $p: [FindingPick!]) {
    createTasksFromDiagnosis(input: { diagnosisId: $d, picks: $p }) { tasks { id finding { id } } } }";

/// The finding ids of every task in the database, in task id order.
async fn task_findings(app: &TestApp) -> Vec<Option<i64>> {
    task::Entity::find()
        .order_by_asc(task::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.finding_id)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_calls_make_exactly_one_task_per_finding() {
    let (app, w) = spawn().await;
    let d = morning(&app, &w).await;
    let codes: Vec<&str> = d["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "SALES_BELOW_TARGET",
            "TRAFFIC_DROP",
            "CONVERSION_DROP",
            "BOUNCE_HIGH",
            "DSR_LOW",
            "CS_SLOW_RESPONSE",
            "VISIT_DEPTH_LOW",
        ]
    );
    let findings = finding_ids(&d);

    // Six managers' clicks at once, none of them with picks: every finding without a task gets
    // one, and a call that finds them taken skips them.
    let calls =
        (0..6).map(|_| app.gql(Some(&w.manager_a), FROM_DIAGNOSIS, json!({ "d": d["id"] })));
    let made: Vec<Value> = join_all(calls).await;
    let mut tasked: Vec<String> = Vec::new();
    for resp in &made {
        assert!(resp.get("errors").is_none(), "unexpected errors: {resp}");
        for t in resp["data"]["createTasksFromDiagnosis"]["tasks"]
            .as_array()
            .unwrap()
        {
            tasked.push(t["finding"]["id"].as_str().unwrap().to_owned());
        }
    }
    tasked.sort();
    let mut expected = findings.clone();
    expected.sort();
    // 7 findings, 7 tasks between all six calls, one each.
    assert_eq!(tasked, expected);
    assert_eq!(task_findings(&app).await.len(), 7);

    // Once more, nothing left to do.
    let again = app
        .ok(&w.manager_a, FROM_DIAGNOSIS, json!({ "d": d["id"] }))
        .await;
    assert_eq!(again["createTasksFromDiagnosis"]["tasks"], json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_picks_of_one_finding_make_one_task_and_conflicts() {
    let (app, w) = spawn().await;
    let d = morning(&app, &w).await;
    let pick = json!({ "d": d["id"], "p": [{ "findingId": finding_ids(&d)[0] }] });
    let calls = (0..4).map(|_| app.gql(Some(&w.manager_a), FROM_DIAGNOSIS, pick.clone()));
    let made: Vec<Value> = join_all(calls).await;
    let won: Vec<&Value> = made.iter().filter(|r| r.get("errors").is_none()).collect();
    assert_eq!(won.len(), 1, "{made:?}");
    for lost in made.iter().filter(|r| r.get("errors").is_some()) {
        assert_eq!(code(lost), "CONFLICT", "{lost}");
        let message = lost["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains("already has a task"), "{message}");
    }
    let task_id = won[0]["data"]["createTasksFromDiagnosis"]["tasks"][0]["id"].clone();
    let first: i64 = finding_ids(&d)[0].parse().unwrap();
    assert_eq!(task_findings(&app).await, [Some(first)]);

    // A cancelled task no longer holds its finding: it may be made again, once.
    app.ok(
        &w.manager_a,
        "mutation($i: ID!) { moveTask(input: { id: $i, version: 1, to: CANCELLED, reason: \"wrong owner\" }) { task { id } } }",
        json!({ "i": task_id }),
    )
    .await;
    app.ok(&w.manager_a, FROM_DIAGNOSIS, pick.clone()).await;
    let twice = app.gql(Some(&w.manager_a), FROM_DIAGNOSIS, pick).await;
    assert_eq!(code(&twice), "CONFLICT");
    assert_eq!(task_findings(&app).await, [Some(first), Some(first)]);
}

/// SQL that copies the tasks matching `condition`, as they are.
fn copy_tasks(condition: &str) -> String {
    let cols = "team_id, title, detail, role, assignee_id, creator_id, priority, due_at, \
        finding_id, status, reason, completed_at, created_at, updated_at, version";
    format!("INSERT INTO task ({cols}) SELECT {cols} FROM task WHERE {condition}")
}

#[tokio::test]
async fn the_migration_keeps_the_earliest_of_duplicate_tasks_on_their_finding() {
    let (app, w) = spawn().await;
    let d = morning(&app, &w).await;
    app.ok(&w.manager_a, FROM_DIAGNOSIS, json!({ "d": d["id"] }))
        .await;
    // As a database from before the index could hold: each finding's task made twice more, and
    // a cancelled one besides.
    let originals = task_findings(&app).await;
    assert_eq!(originals.len(), 7);
    // Back to before the unique index (migration 30), whatever migrations came after it.
    let since = steps_back_before("m20261201_000030_unique_task_finding");
    Migrator::down(&app.db, Some(since)).await.unwrap();
    let copy = copy_tasks("id <= 7");
    app.db.execute_unprepared(&copy).await.unwrap();
    app.db.execute_unprepared(&copy).await.unwrap();
    app.db
        .execute_unprepared("UPDATE task SET status = 'CANCELLED' WHERE id = 1")
        .await
        .unwrap();
    Migrator::up(&app.db, None).await.unwrap();

    let tasks = task::Entity::find()
        .order_by_asc(task::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    // 7 made (1..7), copied twice (8..14, 15..21). Task 1, cancelled, keeps its link, and its
    // finding's earliest live task is the copy 8; of the others the originals 2..7 keep theirs.
    assert_eq!(tasks.len(), 21);
    let linked: Vec<(i64, Option<i64>)> = tasks
        .iter()
        .filter(|t| t.finding_id.is_some())
        .map(|t| (t.id, t.finding_id))
        .collect();
    let mut expected: Vec<(i64, Option<i64>)> = (1..=7).zip(originals.iter().copied()).collect();
    expected.push((8, originals[0]));
    assert_eq!(linked, expected);
    let second = originals[1].unwrap();
    // And from now on the database refuses a second live task for a finding.
    let again = app
        .gql(
            Some(&w.manager_a),
            FROM_DIAGNOSIS,
            json!({ "d": d["id"], "p": [{ "findingId": second.to_string() }] }),
        )
        .await;
    assert_eq!(code(&again), "CONFLICT");
    assert!(
        app.db
            .execute_unprepared(&copy_tasks("id = 2"))
            .await
            .is_err()
    );
    assert_eq!(
        task::Entity::find()
            .filter(task::Column::FindingId.eq(second))
            .all(&app.db)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn a_colleague_s_e_mail_is_for_themselves_their_manager_and_admins() {
    let (app, w) = spawn().await;
    morning(&app, &w).await;
    let ranking =
        "query($t: ID!) { csRanking(teamId: $t, from: \"2026-03-09\", to: \"2026-03-09\") {
        agents { edges { node { staffId staff { id name role email aliases { alias } } } } } } }";
    let people = |r: &Value| -> Vec<Value> {
        r["csRanking"]["agents"]["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["node"]["staff"].clone())
            .collect()
    };
    let seen = people(&app.ok(&w.cs_a, ranking, json!({ "t": w.team_a })).await);
    // Sales are equal: by staff id, cs_a first.
    assert_eq!(
        seen,
        [
            json!({ "id": w.cs_a_id, "name": "cs.a@shop.test", "role": "CUSTOMER_SERVICE",
                    "email": "cs.a@shop.test", "aliases": [] }),
            json!({ "id": w.cs_a2_id, "name": "cs.a2@shop.test", "role": "CUSTOMER_SERVICE",
                    "email": null, "aliases": null }),
        ]
    );
    for boss in [&w.manager_a, &w.admin] {
        let seen = people(&app.ok(boss, ranking, json!({ "t": w.team_a })).await);
        let emails: Vec<&Value> = seen.iter().map(|s| &s["email"]).collect();
        assert_eq!(
            emails,
            [&json!("cs.a@shop.test"), &json!("cs.a2@shop.test")]
        );
    }

    // The finding that names cs_a2, on the team's diagnosis every member reads.
    let owner = "query($t: ID!) { diagnosis(teamId: $t, date: \"2026-03-09\") {
        findings { code ownerStaff { name email } } } }";
    let slow = |r: &Value| -> Value {
        r["diagnosis"]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "CS_SLOW_RESPONSE")
            .unwrap()["ownerStaff"]
            .clone()
    };
    let by_cs_a = app.ok(&w.cs_a, owner, json!({ "t": w.team_a })).await;
    assert_eq!(
        slow(&by_cs_a),
        json!({ "name": "cs.a2@shop.test", "email": null })
    );
    let by_boss = app.ok(&w.manager_a, owner, json!({ "t": w.team_a })).await;
    assert_eq!(
        slow(&by_boss),
        json!({ "name": "cs.a2@shop.test", "email": "cs.a2@shop.test" })
    );
    // The manager of another team sees nothing of team A at all.
    let other = app
        .gql(Some(&w.manager_b), owner, json!({ "t": w.team_a }))
        .await;
    assert_eq!(code(&other), "FORBIDDEN");
}

#[tokio::test]
async fn reading_reviews_never_deletes_a_deactivated_person_s_draft() {
    let (app, w) = spawn().await;
    let m = &w.manager_a;
    let reviews = "query($t: ID!) { reviews(teamId: $t, month: \"2026-03\") {
        staff { id } grade adjustmentReason comment } }";
    let of = |r: &Value, id: &str| -> Option<Value> {
        r["reviews"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["staff"]["id"] == id)
            .cloned()
    };
    app.ok(m, reviews, json!({ "t": w.team_a })).await;
    app.ok(
        m,
        "mutation($t: ID!, $s: ID!) { adjustGrade(input: { teamId: $t, month: \"2026-03\", staffId: $s, grade: A, reason: \"covered the night shift\" }) { review { grade } } }",
        json!({ "t": w.team_a, "s": w.cs_a2_id }),
    )
    .await;
    app.ok(
        m,
        "mutation($t: ID!, $s: ID!) { commentReview(input: { teamId: $t, month: \"2026-03\", staffId: $s, comment: \"thanks\" }) { review { comment } } }",
        json!({ "t": w.team_a, "s": w.cs_a2_id }),
    )
    .await;
    let deactivate =
        "mutation($i: ID!) { deactivateStaff(input: { id: $i }) { staff { active } } }";
    app.ok(m, deactivate, json!({ "i": w.cs_a2_id })).await;

    // Reads leave cs_a2 out of the list, as often as they like...
    for _ in 0..2 {
        let read = app.ok(m, reviews, json!({ "t": w.team_a })).await;
        assert_eq!(of(&read, &w.cs_a2_id), None);
        assert!(of(&read, &w.cs_a_id).is_some());
    }
    // ...but the draft is still there: reactivated, cs_a2 has it back as the manager left it.
    app.ok(
        m,
        "mutation($i: ID!) { reactivateStaff(input: { id: $i }) { staff { active } } }",
        json!({ "i": w.cs_a2_id }),
    )
    .await;
    let read = app.ok(m, reviews, json!({ "t": w.team_a })).await;
    assert_eq!(
        of(&read, &w.cs_a2_id).unwrap(),
        json!({ "staff": { "id": w.cs_a2_id }, "grade": "A",
                "adjustmentReason": "covered the night shift", "comment": "thanks" })
    );
}

/// Runs a mutation expected to fail with BAD_USER_INPUT on `expected_field`.
async fn refused(app: &TestApp, token: &str, query: &str, vars: Value, expected_field: &str) {
    let resp = app.gql(Some(token), query, vars).await;
    assert_eq!(code(&resp), "BAD_USER_INPUT", "{query}: {resp}");
    assert_eq!(field(&resp), expected_field, "{query}: {resp}");
    let message = resp["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("control characters"), "{message}");
}

#[tokio::test]
async fn control_characters_in_free_text_are_bad_user_input_on_both_databases() {
    let (app, w) = spawn().await;
    let m = &w.manager_a;
    let nul = "Li\u{0}Na";
    refused(
        &app,
        m,
        "mutation($i: CreateStaffInput!) { createStaff(input: $i) { staff { id } } }",
        json!({ "i": { "teamId": w.team_a, "name": nul, "email": "li.na@shop.test",
                       "password": crate::helpers::PASSWORD, "role": "DESIGNER" } }),
        "name",
    )
    .await;
    refused(
        &app,
        m,
        "mutation($i: CreateStaffInput!) { createStaff(input: $i) { staff { id } } }",
        json!({ "i": { "teamId": w.team_a, "name": "Li Na", "email": "li\u{0}@shop.test",
                       "password": crate::helpers::PASSWORD, "role": "DESIGNER" } }),
        "email",
    )
    .await;
    refused(
        &app,
        &w.cs_a,
        "mutation($i: ID!, $n: String!) { updateStaff(input: { id: $i, name: $n }) { staff { id } } }",
        json!({ "i": w.cs_a_id, "n": "tab\tname" }),
        "name",
    )
    .await;
    refused(
        &app,
        m,
        "mutation($i: ID!, $a: String!) { addStaffAlias(input: { staffId: $i, alias: $a }) { alias { id } } }",
        json!({ "i": w.cs_a_id, "a": nul }),
        "alias",
    )
    .await;
    refused(
        &app,
        m,
        "mutation($t: ID!, $n: String!) { updateTeam(input: { id: $t, name: $n }) { team { id } } }",
        json!({ "t": w.team_a, "n": nul }),
        "name",
    )
    .await;
    refused(
        &app,
        m,
        "mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } } }",
        json!({ "i": { "teamId": w.team_a, "platformItemId": "1", "title": nul } }),
        "title",
    )
    .await;
    let new_task = "mutation($i: CreateTaskInput!) { createTask(input: $i) { task { id } } }";
    refused(
        &app,
        m,
        new_task,
        json!({ "i": { "teamId": w.team_a, "title": "a\nb", "role": "DESIGNER" } }),
        "title",
    )
    .await;
    refused(
        &app,
        m,
        new_task,
        json!({ "i": { "teamId": w.team_a, "title": "t", "detail": nul, "role": "DESIGNER" } }),
        "detail",
    )
    .await;
    // Multi-line text keeps its line breaks and tabs.
    let made = app
        .ok(
            m,
            "mutation($i: CreateTaskInput!) { createTask(input: $i) { task { id detail } } }",
            json!({ "i": { "teamId": w.team_a, "title": "t", "role": "DESIGNER",
                           "detail": "1.\tshoot\n2.\tretouch" } }),
        )
        .await["createTask"]["task"]
        .clone();
    assert_eq!(made["detail"], "1.\tshoot\n2.\tretouch");
    let follow_up = "mutation($i: ID!, $b: String!) { addFollowUp(input: { taskId: $i, body: $b }) { followUp { body } } }";
    app.ok(m, follow_up, json!({ "i": made["id"], "b": "done\nnext" }))
        .await;
    refused(
        &app,
        m,
        follow_up,
        json!({ "i": made["id"], "b": nul }),
        "body",
    )
    .await;
    refused(
        &app,
        m,
        "mutation($i: ID!, $r: String) { moveTask(input: { id: $i, version: 1, to: BLOCKED, reason: $r }) { task { id } } }",
        json!({ "i": made["id"], "r": nul }),
        "reason",
    )
    .await;
    refused(
        &app,
        m,
        "mutation($t: ID!, $s: ID!, $c: String!) { commentReview(input: { teamId: $t, month: \"2026-03\", staffId: $s, comment: $c }) { review { id } } }",
        json!({ "t": w.team_a, "s": w.cs_a_id, "c": nul }),
        "comment",
    )
    .await;
    refused(
        &app,
        m,
        "mutation($t: ID!, $s: ID!, $r: String!) { adjustGrade(input: { teamId: $t, month: \"2026-03\", staffId: $s, grade: A, reason: $r }) { review { id } } }",
        json!({ "t": w.team_a, "s": w.cs_a_id, "r": nul }),
        "reason",
    )
    .await;
    // Import rows name the field and the row.
    let snapshots = "mutation($t: ID!, $r: [CompetitorSnapshotInput!]!) {
        importCompetitorSnapshots(input: { teamId: $t, rows: $r }) { inserted } }";
    let resp = app
        .gql(
            Some(m),
            snapshots,
            json!({ "t": w.team_a, "r": [
                { "competitor": "A", "item": "x", "date": D, "price": "10" },
                { "competitor": "B", "item": "y", "date": D, "price": "10", "keywords": nul },
            ] }),
        )
        .await;
    assert_eq!(code(&resp), "BAD_USER_INPUT");
    assert_eq!(
        resp["errors"][0]["extensions"]["errors"][0],
        json!({ "field": "keywords", "row": 2,
                "message": "must not contain control characters (U+0000)" })
    );
    // Nothing of it was stored.
    assert_eq!(task_findings(&app).await, [None]);

    // A CSV export with a NUL in a cell: refused whole, naming the line and the column.
    let url = database_url(&app).await;
    let csv = "竞店,商品,日期,价格,关键词\nA,x,2026-03-09,10,\nB\u{0},y,2026-03-09,10,\n";
    let out = import(&url, "competitors", &w.team_a, csv);
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("line 3: competitor: must not contain control characters (U+0000)"),
        "{stderr}"
    );
}
