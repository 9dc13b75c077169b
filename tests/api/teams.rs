use serde_json::json;

use crate::helpers::{code, field, spawn_app, world};

const TEAM: &str = "query($id: ID!) { team(id: $id) { id name platform timeZone currency csRankingVisible active } }";

#[tokio::test]
async fn an_admin_creates_a_team_with_defaults() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let data = app
        .ok(
            &w.admin,
            "mutation { createTeam(input: { name: \"  京东自营店  \", platform: JD }) { team { id name platform timeZone currency csRankingVisible active } } }",
            json!({}),
        )
        .await;
    let team = &data["createTeam"]["team"];
    assert_eq!(team["name"], "京东自营店");
    assert_eq!(team["platform"], "JD");
    assert_eq!(team["timeZone"], "Asia/Shanghai");
    assert_eq!(team["currency"], "CNY");
    assert_eq!(team["csRankingVisible"], true);
    assert_eq!(team["active"], true);
}

#[tokio::test]
async fn only_admins_create_teams() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let create =
        "mutation { createTeam(input: { name: \"Mine\", platform: TAOBAO }) { team { id } } }";
    for token in [&w.manager_a, &w.cs_a] {
        assert_eq!(
            code(&app.gql(Some(token), create, json!({})).await),
            "FORBIDDEN"
        );
    }
    let data = app
        .ok(&w.admin, "{ teams { totalCount } }", json!({}))
        .await;
    assert_eq!(data["teams"]["totalCount"], 2);
}

#[tokio::test]
async fn bad_team_input_names_every_field_and_changes_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let resp = app
        .gql(
            Some(&w.admin),
            "mutation { createTeam(input: { name: \" \", platform: TMALL, timeZone: \"Mars/Olympus\" }) { team { id } } }",
            json!({}),
        )
        .await;
    assert_eq!(code(&resp), "BAD_USER_INPUT");
    assert_eq!(field(&resp), "name");
    let fields: Vec<&str> = resp["errors"][0]["extensions"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["name", "timeZone"]);
    let data = app
        .ok(&w.admin, "{ teams { totalCount } }", json!({}))
        .await;
    assert_eq!(data["teams"]["totalCount"], 2);
}

#[tokio::test]
async fn members_read_their_own_team_and_no_other() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let data = app.ok(&w.cs_a, TEAM, json!({ "id": w.team_a })).await;
    assert_eq!(data["team"]["name"], "Shop A");
    for token in [&w.cs_a, &w.manager_a] {
        let resp = app.gql(Some(token), TEAM, json!({ "id": w.team_b })).await;
        assert_eq!(code(&resp), "FORBIDDEN");
    }
    let resp = app
        .gql(Some(&w.admin), TEAM, json!({ "id": "999999" }))
        .await;
    assert_eq!(code(&resp), "NOT_FOUND");
    // Lists are scoped the same way: a manager sees one team, an admin both.
    let list = "{ teams { totalCount edges { node { name } } } }";
    let data = app.ok(&w.manager_a, list, json!({})).await;
    assert_eq!(data["teams"]["totalCount"], 1);
    assert_eq!(data["teams"]["edges"][0]["node"]["name"], "Shop A");
    let data = app.ok(&w.admin, list, json!({})).await;
    assert_eq!(data["teams"]["totalCount"], 2);
}

#[tokio::test]
async fn a_manager_updates_their_team_only() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let update = "mutation($id: ID!) { updateTeam(input: { id: $id, name: \"Shop A+\", timeZone: \"Asia/Hong_Kong\", csRankingVisible: false }) { team { name timeZone csRankingVisible platform } } }";
    let data = app
        .ok(&w.manager_a, update, json!({ "id": w.team_a }))
        .await;
    assert_eq!(
        data["updateTeam"]["team"],
        json!({ "name": "Shop A+", "timeZone": "Asia/Hong_Kong", "csRankingVisible": false, "platform": "TMALL" })
    );
    let resp = app
        .gql(Some(&w.manager_b), update, json!({ "id": w.team_a }))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(Some(&w.cs_a), update, json!({ "id": w.team_a }))
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app
        .gql(
            Some(&w.manager_a),
            "mutation($id: ID!) { deactivateTeam(input: { id: $id }) { team { active } } }",
            json!({ "id": w.team_a }),
        )
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
}
