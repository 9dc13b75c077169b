use serde_json::json;

use crate::helpers::{PASSWORD, code, field, spawn_app, world};

const CREATE: &str = "mutation($i: CreateStaffInput!) { createStaff(input: $i) { staff { id email role access active teamId } } }";
const PROFILE: &str = "query($id: ID!) { staffMember(id: $id) { id name email } }";

fn new_staff(team: &str, email: &str, access: &str) -> serde_json::Value {
    json!({ "i": { "teamId": team, "name": "New Person", "email": email, "password": PASSWORD,
                   "role": "PROMOTION", "access": access } })
}

#[tokio::test]
async fn a_manager_hires_into_their_own_team_only() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let data = app
        .ok(
            &w.manager_a,
            CREATE,
            new_staff(&w.team_a, "New.Hire@Shop.Test", "STAFF"),
        )
        .await;
    let hired = &data["createStaff"]["staff"];
    assert_eq!(hired["email"], "new.hire@shop.test");
    assert_eq!(hired["role"], "PROMOTION");
    assert_eq!(hired["access"], "STAFF");
    assert_eq!(hired["teamId"], w.team_a.as_str());
    app.login("new.hire@shop.test", PASSWORD).await;

    let resp = app
        .gql(
            Some(&w.manager_a),
            CREATE,
            new_staff(&w.team_b, "x@shop.test", "STAFF"),
        )
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(
            Some(&w.manager_a),
            CREATE,
            new_staff(&w.team_a, "y@shop.test", "ADMIN"),
        )
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(
            Some(&w.cs_a),
            CREATE,
            new_staff(&w.team_a, "z@shop.test", "STAFF"),
        )
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    // None of the refused people exist.
    let data = app
        .ok(&w.admin, "{ staff(first: 100) { totalCount } }", json!({}))
        .await;
    assert_eq!(data["staff"]["totalCount"], 1 + 2 + 5 + 1);
}

#[tokio::test]
async fn a_duplicate_email_is_a_conflict() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let resp = app
        .gql(
            Some(&w.manager_b),
            CREATE,
            new_staff(&w.team_b, "CS.A@shop.test", "STAFF"),
        )
        .await;
    assert_eq!(code(&resp), "CONFLICT");
    assert_eq!(
        resp["errors"][0]["message"],
        "e-mail cs.a@shop.test is already registered"
    );
}

#[tokio::test]
async fn invalid_people_are_refused_with_every_field_named() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let resp = app
        .gql(
            Some(&w.manager_a),
            CREATE,
            json!({ "i": { "teamId": w.team_a, "name": "", "email": "nope", "password": "short" } }),
        )
        .await;
    assert_eq!(code(&resp), "BAD_USER_INPUT");
    let fields: Vec<&str> = resp["errors"][0]["extensions"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "email", "password", "role"]);
    let resp = app
        .gql(
            Some(&w.admin),
            CREATE,
            json!({ "i": { "name": "No Team", "email": "nt@shop.test", "password": PASSWORD, "role": "DESIGNER" } }),
        )
        .await;
    assert_eq!(field(&resp), "teamId");
}

#[tokio::test]
async fn staff_see_their_own_profile_and_no_one_elses() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let data = app.ok(&w.cs_a, PROFILE, json!({ "id": w.cs_a_id })).await;
    assert_eq!(data["staffMember"]["email"], "cs.a@shop.test");
    for other in [&w.cs_a2_id, &w.manager_a_id, &w.cs_b_id] {
        let resp = app
            .gql(Some(&w.cs_a), PROFILE, json!({ "id": other }))
            .await;
        assert_eq!(code(&resp), "FORBIDDEN");
    }
    // Listing gives a staff member only themselves, and refuses another team outright.
    let data = app
        .ok(
            &w.cs_a,
            "{ staff { totalCount edges { node { id } } } }",
            json!({}),
        )
        .await;
    assert_eq!(data["staff"]["totalCount"], 1);
    assert_eq!(data["staff"]["edges"][0]["node"]["id"], w.cs_a_id.as_str());
    let resp = app
        .gql(
            Some(&w.cs_a),
            "query($t: ID!) { staff(filter: { teamId: $t }) { totalCount } }",
            json!({ "t": w.team_b }),
        )
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(Some(&w.admin), PROFILE, json!({ "id": "424242" }))
        .await;
    assert_eq!(code(&resp), "NOT_FOUND");
}

#[tokio::test]
async fn a_manager_lists_and_filters_their_team() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let list =
        "query($f: StaffFilter) { staff(filter: $f) { totalCount edges { node { email } } } }";
    let data = app.ok(&w.manager_a, list, json!({ "f": {} })).await;
    // boss.a, cs.a, cs.a2, art.a
    assert_eq!(data["staff"]["totalCount"], 4);
    let data = app
        .ok(
            &w.manager_a,
            list,
            json!({ "f": { "role": "CUSTOMER_SERVICE" } }),
        )
        .await;
    let emails: Vec<&str> = data["staff"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["email"].as_str().unwrap())
        .collect();
    assert_eq!(emails, ["cs.a@shop.test", "cs.a2@shop.test"]);
    app.ok(
        &w.manager_a,
        "mutation($id: ID!) { deactivateStaff(input: { id: $id }) { staff { id } } }",
        json!({ "id": w.cs_a2_id }),
    )
    .await;
    let data = app
        .ok(&w.manager_a, list, json!({ "f": { "active": false } }))
        .await;
    assert_eq!(data["staff"]["totalCount"], 1);
    assert_eq!(
        data["staff"]["edges"][0]["node"]["email"],
        "cs.a2@shop.test"
    );
    let data = app
        .ok(&w.manager_a, list, json!({ "f": { "access": "MANAGER" } }))
        .await;
    assert_eq!(
        data["staff"]["edges"][0]["node"]["email"],
        "boss.a@shop.test"
    );
    let resp = app
        .gql(
            Some(&w.manager_a),
            list,
            json!({ "f": { "teamId": w.team_b } }),
        )
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let data = app
        .ok(&w.admin, list, json!({ "f": { "teamId": w.team_b } }))
        .await;
    assert_eq!(data["staff"]["totalCount"], 3);
}

#[tokio::test]
async fn people_rename_themselves_but_managers_change_roles() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let update = "mutation($i: UpdateStaffInput!) { updateStaff(input: $i) { staff { name role access email } } }";
    let data = app
        .ok(
            &w.cs_a,
            update,
            json!({ "i": { "id": w.cs_a_id, "name": "小雅" } }),
        )
        .await;
    assert_eq!(data["updateStaff"]["staff"]["name"], "小雅");
    let resp = app
        .gql(
            Some(&w.cs_a),
            update,
            json!({ "i": { "id": w.cs_a_id, "role": "OPERATIONS" } }),
        )
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(
            Some(&w.cs_a),
            update,
            json!({ "i": { "id": w.cs_a2_id, "name": "x" } }),
        )
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let data = app
        .ok(
            &w.manager_a,
            update,
            json!({ "i": { "id": w.cs_a_id, "role": "OPERATIONS", "access": "MANAGER" } }),
        )
        .await;
    assert_eq!(data["updateStaff"]["staff"]["role"], "OPERATIONS");
    assert_eq!(data["updateStaff"]["staff"]["access"], "MANAGER");
    let resp = app
        .gql(
            Some(&w.manager_b),
            update,
            json!({ "i": { "id": w.cs_a_id, "name": "x" } }),
        )
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(
            Some(&w.manager_a),
            update,
            json!({ "i": { "id": w.cs_a2_id, "access": "ADMIN" } }),
        )
        .await;
    assert_eq!(field(&resp), "access");
    let resp = app
        .gql(
            Some(&w.manager_a),
            update,
            json!({ "i": { "id": w.manager_a_id, "access": "STAFF" } }),
        )
        .await;
    assert_eq!(field(&resp), "access");
    let resp = app
        .gql(
            Some(&w.manager_a),
            update,
            json!({ "i": { "id": w.cs_a2_id, "email": "cs.b@shop.test" } }),
        )
        .await;
    assert_eq!(code(&resp), "CONFLICT");
}

#[tokio::test]
async fn nobody_deactivates_themselves_or_another_teams_people() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let deactivate =
        "mutation($id: ID!) { deactivateStaff(input: { id: $id }) { staff { active } } }";
    let resp = app
        .gql(
            Some(&w.manager_a),
            deactivate,
            json!({ "id": w.manager_a_id }),
        )
        .await;
    assert_eq!(field(&resp), "id");
    let resp = app
        .gql(Some(&w.manager_b), deactivate, json!({ "id": w.cs_a_id }))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(Some(&w.cs_a), deactivate, json!({ "id": w.cs_a2_id }))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let data = app
        .ok(&w.manager_a, PROFILE, json!({ "id": w.cs_a_id }))
        .await;
    assert_eq!(data["staffMember"]["email"], "cs.a@shop.test");
}

#[tokio::test]
async fn chat_aliases_are_unique_per_team() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let add = "mutation($s: ID!, $a: String!) { addStaffAlias(input: { staffId: $s, alias: $a }) { alias { id alias staffId } } }";
    let data = app
        .ok(
            &w.manager_a,
            add,
            json!({ "s": w.cs_a_id, "a": "旗舰店:小雅" }),
        )
        .await;
    let alias_id = data["addStaffAlias"]["alias"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        data["addStaffAlias"]["alias"]["staffId"],
        w.cs_a_id.as_str()
    );
    let resp = app
        .gql(
            Some(&w.manager_a),
            add,
            json!({ "s": w.cs_a2_id, "a": "旗舰店:小雅" }),
        )
        .await;
    assert_eq!(code(&resp), "CONFLICT");
    // The same nickname in another shop is a different account.
    app.ok(
        &w.manager_b,
        add,
        json!({ "s": w.cs_b_id, "a": "旗舰店:小雅" }),
    )
    .await;
    let resp = app
        .gql(Some(&w.manager_b), add, json!({ "s": w.cs_a_id, "a": "b" }))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(Some(&w.cs_a), add, json!({ "s": w.cs_a_id, "a": "mine" }))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(
            Some(&w.manager_a),
            add,
            json!({ "s": w.cs_a_id, "a": "   " }),
        )
        .await;
    assert_eq!(field(&resp), "alias");

    let aliases = "query($id: ID!) { staffMember(id: $id) { aliases { alias } } }";
    let data = app.ok(&w.cs_a, aliases, json!({ "id": w.cs_a_id })).await;
    assert_eq!(
        data["staffMember"]["aliases"],
        json!([{ "alias": "旗舰店:小雅" }])
    );
    let remove = "mutation($id: ID!) { removeStaffAlias(input: { id: $id }) { removedAliasId } }";
    let resp = app
        .gql(Some(&w.manager_b), remove, json!({ "id": alias_id }))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    app.ok(&w.manager_a, remove, json!({ "id": alias_id }))
        .await;
    let data = app.ok(&w.cs_a, aliases, json!({ "id": w.cs_a_id })).await;
    assert_eq!(data["staffMember"]["aliases"], json!([]));
    let resp = app
        .gql(Some(&w.manager_a), remove, json!({ "id": alias_id }))
        .await;
    assert_eq!(code(&resp), "NOT_FOUND");
}

#[tokio::test]
async fn nested_fields_of_a_list_cost_a_constant_number_of_statements() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let add = "mutation($s: ID!, $a: String!) { addStaffAlias(input: { staffId: $s, alias: $a }) { alias { id } } }";
    for (i, s) in [&w.cs_a_id, &w.cs_a2_id, &w.designer_a_id]
        .iter()
        .enumerate()
    {
        app.ok(
            &w.manager_a,
            add,
            json!({ "s": s, "a": format!("nick{i}") }),
        )
        .await;
    }
    let list = "query($n: Int!) { staff(first: $n) { edges { node { name team { name } aliases { alias } } } } }";
    let mut counts = Vec::new();
    for n in [1, 4] {
        let before = app.statements();
        let data = app.ok(&w.manager_a, list, json!({ "n": n })).await;
        assert_eq!(data["staff"]["edges"].as_array().unwrap().len(), n as usize);
        counts.push(app.statements() - before);
    }
    // token check + count + page + one batch for aliases: the team is the manager's own, read
    // with the token.
    assert_eq!(counts, [4, 4]);
    // An admin belongs to no team: the people's teams are one batch more.
    let before = app.statements();
    let data = app.ok(&w.admin, list, json!({ "n": 6 })).await;
    let teams: std::collections::BTreeSet<&str> = data["staff"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["node"]["team"]["name"].as_str())
        .collect();
    assert_eq!(teams.into_iter().collect::<Vec<_>>(), ["Shop A", "Shop B"]);
    assert_eq!(app.statements() - before, 5);
}
