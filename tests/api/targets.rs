//! Targets (§4): team monthly and daily targets and staff targets; setting replaces, checks are
//! all-or-nothing, and staff see the team's targets and only their own (§9).

use std::str::FromStr;

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use shopops::entities::{Metric, target, team};
use shopops::period::Month;

use crate::helpers::{PASSWORD, TestApp, code, field, spawn_app, world};

const SET: &str = "mutation($t: ID!, $x: [TargetInput!]!) { setTargets(input: { teamId: $t, targets: $x }) { targets { metric staffId period startsOn value } } }";
const LIST: &str = "query($t: ID!, $m: Month!) { targets(teamId: $t, month: $m) { metric staffId period startsOn value } }";

fn id(s: &str) -> i64 {
    s.parse().expect("a numeric id")
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A team target for the month 2026-10 (31 days).
fn team_target(metric: &str, value: &str) -> Value {
    json!({ "metric": metric, "month": "2026-10", "value": value })
}

fn staff_target(metric: &str, staff: &str, value: &str) -> Value {
    json!({ "metric": metric, "staffId": staff, "month": "2026-10", "value": value })
}

fn daily_target(metric: &str, date: &str, value: &str) -> Value {
    json!({ "metric": metric, "month": "2026-10", "date": date, "value": value })
}

/// A target as the API shows it.
fn shown(metric: &str, staff: Option<&str>, period: &str, starts_on: &str, value: &str) -> Value {
    json!({ "metric": metric, "staffId": staff, "period": period, "startsOn": starts_on,
            "value": value })
}

/// The listed targets in a fixed order (team targets first, then by person, metric, day), so the
/// comparison does not depend on how each database sorts NULLs.
fn sorted(list: &Value) -> Vec<Value> {
    let mut items = list.as_array().expect("a list").clone();
    items.sort_by_key(|t| {
        (
            t["staffId"].as_str().map(id),
            t["metric"].as_str().unwrap().to_owned(),
            t["startsOn"].as_str().unwrap().to_owned(),
        )
    });
    items
}

async fn stored(app: &TestApp, team: &str) -> u64 {
    target::Entity::find()
        .filter(target::Column::TeamId.eq(id(team)))
        .count(&app.db)
        .await
        .unwrap()
}

async fn data_version(app: &TestApp, team: &str) -> i64 {
    team::Entity::find_by_id(id(team))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .data_version
}

/// The manager's targets for October 2026: four team targets and three staff ones.
async fn set_october(app: &TestApp, w: &crate::helpers::World) -> Value {
    app.ok(
        &w.manager_a,
        SET,
        json!({ "t": w.team_a, "x": [
            team_target("PAID_AMOUNT", "310000"),
            team_target("CONVERSION_RATE", "0.035"),
            team_target("ROI", "2.50"),
            daily_target("PAID_AMOUNT", "2026-10-08", "15000"),
            staff_target("SALES_AMOUNT", &w.cs_a_id, "80000"),
            staff_target("SALES_AMOUNT", &w.cs_a2_id, "60000"),
            staff_target("DELIVERED", &w.designer_a_id, "40"),
        ] }),
    )
    .await
}

#[tokio::test]
async fn a_manager_sets_monthly_daily_and_staff_targets_and_setting_again_replaces_them() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let v0 = data_version(&app, &w.team_a).await;
    let data = set_october(&app, &w).await;
    let (cs_a, cs_a2, designer) = (
        w.cs_a_id.as_str(),
        w.cs_a2_id.as_str(),
        w.designer_a_id.as_str(),
    );
    assert_eq!(
        data["setTargets"]["targets"],
        json!([
            shown("PAID_AMOUNT", None, "MONTH", "2026-10-01", "310000"),
            shown("CONVERSION_RATE", None, "MONTH", "2026-10-01", "0.035"),
            // 2.50 is kept as the exact decimal 2.5.
            shown("ROI", None, "MONTH", "2026-10-01", "2.5"),
            shown("PAID_AMOUNT", None, "DAY", "2026-10-08", "15000"),
            shown("SALES_AMOUNT", Some(cs_a), "MONTH", "2026-10-01", "80000"),
            shown("SALES_AMOUNT", Some(cs_a2), "MONTH", "2026-10-01", "60000"),
            shown("DELIVERED", Some(designer), "MONTH", "2026-10-01", "40"),
        ])
    );
    assert_eq!(stored(&app, &w.team_a).await, 7);
    assert_eq!(data_version(&app, &w.team_a).await, v0 + 1);

    // A day's target is the month's / days in month, unless the day has its own.
    let team_a = id(&w.team_a);
    let day = shopops::services::targets::team_day_targets(
        &app.db,
        team_a,
        "2026-10-09".parse().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(day[&Metric::PaidAmount], dec("10000")); // 310000 / 31 days
    assert_eq!(day[&Metric::ConversionRate], dec("0.035")); // a rate holds every day
    assert_eq!(day[&Metric::Roi], dec("2.5"));
    let day = shopops::services::targets::team_day_targets(
        &app.db,
        team_a,
        "2026-10-08".parse().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(day[&Metric::PaidAmount], dec("15000"));

    // Setting again replaces: the month, the day and cs.a's target (twice in one call: the last
    // wins); NET_PROFIT is new and may be negative (a planned loss).
    app.ok(
        &w.manager_a,
        SET,
        json!({ "t": w.team_a, "x": [
            team_target("PAID_AMOUNT", "341000"),
            daily_target("PAID_AMOUNT", "2026-10-08", "16000"),
            staff_target("SALES_AMOUNT", cs_a, "85000"),
            staff_target("SALES_AMOUNT", cs_a, "86000"),
            team_target("NET_PROFIT", "-5000"),
        ] }),
    )
    .await;
    // 7 + NET_PROFIT
    assert_eq!(stored(&app, &w.team_a).await, 8);
    assert_eq!(data_version(&app, &w.team_a).await, v0 + 2);
    // Another month is kept apart.
    app.ok(
        &w.manager_a,
        SET,
        json!({ "t": w.team_a, "x": [
            { "metric": "PAID_AMOUNT", "month": "2026-11", "value": "300000" },
        ] }),
    )
    .await;
    assert_eq!(stored(&app, &w.team_a).await, 9);
    let data = app
        .ok(&w.manager_a, LIST, json!({ "t": w.team_a, "m": "2026-10" }))
        .await;
    assert_eq!(
        sorted(&data["targets"]),
        sorted(&json!([
            shown("CONVERSION_RATE", None, "MONTH", "2026-10-01", "0.035"),
            shown("NET_PROFIT", None, "MONTH", "2026-10-01", "-5000"),
            shown("PAID_AMOUNT", None, "MONTH", "2026-10-01", "341000"),
            shown("PAID_AMOUNT", None, "DAY", "2026-10-08", "16000"),
            shown("ROI", None, "MONTH", "2026-10-01", "2.5"),
            shown("SALES_AMOUNT", Some(cs_a), "MONTH", "2026-10-01", "86000"),
            shown("SALES_AMOUNT", Some(cs_a2), "MONTH", "2026-10-01", "60000"),
            shown("DELIVERED", Some(designer), "MONTH", "2026-10-01", "40"),
        ]))
    );
    let day = shopops::services::targets::team_day_targets(
        &app.db,
        team_a,
        "2026-10-09".parse().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(day[&Metric::PaidAmount], dec("11000")); // 341000 / 31 days
    let months = shopops::services::targets::month_targets(
        &app.db,
        team_a,
        "2026-11".parse::<Month>().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(months.len(), 1);
    assert_eq!(months[&(None, Metric::PaidAmount)], dec("300000"));
}

#[tokio::test]
async fn bad_targets_are_all_listed_and_none_is_saved() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let v0 = data_version(&app, &w.team_a).await;
    let resp = app
        .gql(
            Some(&w.manager_a),
            SET,
            json!({ "t": w.team_a, "x": [
                // 1: a staff metric as a team target.
                team_target("SALES_AMOUNT", "100000"),
                // 2: a rate above 1 (120 %).
                team_target("CONVERSION_RATE", "1.2"),
                // 3: someone of shop B.
                staff_target("SALES_AMOUNT", &w.cs_b_id, "50000"),
                // 4: daily targets are the team's only.
                { "metric": "SALES_AMOUNT", "staffId": w.cs_a_id, "month": "2026-10",
                  "date": "2026-10-08", "value": "3000" },
                // 5: a day outside the month.
                daily_target("PAID_AMOUNT", "2026-11-01", "10000"),
                // 6: a negative sales target.
                team_target("PAID_AMOUNT", "-1"),
                // 7, 8: good; ROI is a ratio, not a rate, so 3.5 is fine; a rate of exactly 1 too.
                team_target("ROI", "3.5"),
                team_target("REFUND_RATE", "1"),
            ] }),
        )
        .await;
    assert_eq!(code(&resp), "BAD_USER_INPUT");
    let listed: Vec<(u64, &str)> = resp["errors"][0]["extensions"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["row"].as_u64().unwrap(), e["field"].as_str().unwrap()))
        .collect();
    assert_eq!(
        listed,
        [
            (1, "metric"),
            (2, "value"),
            (3, "staffId"),
            (4, "date"),
            (5, "date"),
            (6, "value"),
        ]
    );
    assert_eq!(stored(&app, &w.team_a).await, 0);
    assert_eq!(data_version(&app, &w.team_a).await, v0);

    // Each on its own, as a client would see it.
    let alone = |t: Value| json!({ "t": w.team_a, "x": [t] });
    let resp = app
        .gql(
            Some(&w.manager_a),
            SET,
            alone(team_target("SALES_AMOUNT", "100000")),
        )
        .await;
    assert_eq!((code(&resp), field(&resp)), ("BAD_USER_INPUT", "metric"));
    let resp = app
        .gql(
            Some(&w.manager_a),
            SET,
            alone(staff_target("INQUIRY_CONVERSION", &w.cs_a_id, "1.01")),
        )
        .await;
    assert_eq!((code(&resp), field(&resp)), ("BAD_USER_INPUT", "value"));
    assert_eq!(stored(&app, &w.team_a).await, 0);
}

#[tokio::test]
async fn staff_see_the_teams_targets_and_only_their_own() {
    let app = spawn_app().await;
    let w = world(&app).await;
    set_october(&app, &w).await;
    let month = json!({ "t": w.team_a, "m": "2026-10" });
    let team_targets = [
        shown("PAID_AMOUNT", None, "MONTH", "2026-10-01", "310000"),
        shown("CONVERSION_RATE", None, "MONTH", "2026-10-01", "0.035"),
        shown("ROI", None, "MONTH", "2026-10-01", "2.5"),
        shown("PAID_AMOUNT", None, "DAY", "2026-10-08", "15000"),
    ];
    let cs_a = shown(
        "SALES_AMOUNT",
        Some(w.cs_a_id.as_str()),
        "MONTH",
        "2026-10-01",
        "80000",
    );
    let cs_a2 = shown(
        "SALES_AMOUNT",
        Some(w.cs_a2_id.as_str()),
        "MONTH",
        "2026-10-01",
        "60000",
    );
    let designer = shown(
        "DELIVERED",
        Some(w.designer_a_id.as_str()),
        "MONTH",
        "2026-10-01",
        "40",
    );
    let everything: Vec<Value> = team_targets
        .iter()
        .cloned()
        .chain([cs_a.clone(), cs_a2, designer.clone()])
        .collect();
    for token in [&w.manager_a, &w.admin] {
        let data = app.ok(token, LIST, month.clone()).await;
        assert_eq!(sorted(&data["targets"]), sorted(&json!(everything)));
    }
    let data = app.ok(&w.cs_a, LIST, month.clone()).await;
    let mine: Vec<Value> = team_targets.iter().cloned().chain([cs_a]).collect();
    assert_eq!(sorted(&data["targets"]), sorted(&json!(mine)));
    let art = app.login("art.a@shop.test", PASSWORD).await;
    let data = app.ok(&art, LIST, month.clone()).await;
    let mine: Vec<Value> = team_targets.iter().cloned().chain([designer]).collect();
    assert_eq!(sorted(&data["targets"]), sorted(&json!(mine)));

    // Shop B's people see none of shop A's targets.
    let cs_b = app.login("cs.b@shop.test", PASSWORD).await;
    for token in [&cs_b, &w.manager_b] {
        let resp = app.gql(Some(token), LIST, month.clone()).await;
        assert_eq!(code(&resp), "FORBIDDEN");
    }
    let resp = app.gql(None, LIST, month).await;
    assert_eq!(code(&resp), "UNAUTHENTICATED");
}

#[tokio::test]
async fn only_the_teams_manager_or_an_admin_sets_targets() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let v0 = data_version(&app, &w.team_a).await;
    let vars = json!({ "t": w.team_a, "x": [team_target("PAID_AMOUNT", "310000")] });
    for token in [&w.cs_a, &w.manager_b] {
        let resp = app.gql(Some(token), SET, vars.clone()).await;
        assert_eq!(code(&resp), "FORBIDDEN");
    }
    let resp = app.gql(None, SET, vars.clone()).await;
    assert_eq!(code(&resp), "UNAUTHENTICATED");
    assert_eq!(stored(&app, &w.team_a).await, 0);
    assert_eq!(data_version(&app, &w.team_a).await, v0);
    let data = app.ok(&w.admin, SET, vars).await;
    assert_eq!(data["setTargets"]["targets"][0]["value"], "310000");
    assert_eq!(stored(&app, &w.team_a).await, 1);
    assert_eq!(data_version(&app, &w.team_a).await, v0 + 1);
}
