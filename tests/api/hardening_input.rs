//! Input at the edges (issue 13, items 5 and 6): dates and months at the ends of the date type,
//! money, weights, targets and thresholds past any real value, and counts whose sums would
//! overflow are BAD_USER_INPUT naming the field; nothing panics, nothing half-commits, and sums
//! of stored values never wrap.

use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::bonus::october;
use crate::fixtures::Kind;
use crate::helpers::{TestApp, World, code, field, spawn_app, world};

/// 1e27: times 100 (yuan to fen) past `Decimal`'s range (≈ 7.9e28), which used to panic.
const HUGE: &str = "1000000000000000000000000000";

/// A value the schema itself refuses (a scalar out of range) is named in the message by its
/// path in the mutation's `input`.
fn bad_input_naming(resp: &Value, name: &str) {
    assert_eq!(code(resp), "BAD_USER_INPUT", "{resp}");
    let message = resp["errors"][0]["message"].as_str().unwrap();
    let named = resp["errors"][0]["extensions"]["field"].as_str() == Some(name)
        || message.contains(&format!("\"{name}\""))
        || message.contains(&format!("\"input.{name}\""));
    assert!(named, "the error names {name}: {resp}");
}

/// Imports one shop day of team A as its manager: a plain day with `fields` overriding its own.
async fn shop_day(app: &TestApp, w: &World, fields: Value) -> Value {
    let mut row = json!({ "date": "2026-10-01", "visitors": 1, "pageViews": 1, "paidBuyers": 0,
                          "paidOrders": 0, "paidUnits": 0, "paidAmount": "1" });
    for (k, v) in fields.as_object().unwrap() {
        row[k] = v.clone();
    }
    app.import(&w.manager_a, Kind::Shop, &w.team_a, json!([row]))
        .await
}

async fn gql_status(app: &TestApp, token: &str, query: &str, vars: Value) -> (u16, Value) {
    let (status, body) = app
        .post(Some(token), &json!({ "query": query, "variables": vars }))
        .await;
    (status.as_u16(), body)
}

#[tokio::test]
async fn dates_and_months_at_the_ends_of_the_date_type_are_bad_input() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let t = &w.manager_a;
    let cases = [
        (
            "query($t: ID!) { daySummary(teamId: $t, date: \"-262143-01-01\") { date } }",
            "date",
        ),
        (
            "query($t: ID!) { dailyBoard(teamId: $t, day: \"+262142-12-31\") { day } }",
            "day",
        ),
        (
            "query($t: ID!) { shopMetrics(teamId: $t, from: \"0001-01-01\", to: \"0001-01-02\", \
             granularity: DAY) { visitors } }",
            "from",
        ),
        (
            "query($t: ID!) { reviews(teamId: $t, month: \"+262142-12\") { total } }",
            "month",
        ),
        (
            "mutation($t: ID!) { computeBonusRun(input: { teamId: $t, month: \"262142-12\" }) { run { status } } }",
            "month",
        ),
    ];
    for (query, name) in cases {
        let (status, resp) = gql_status(&app, t, query, json!({ "t": w.team_a })).await;
        assert_eq!(status, 200, "{query}: {resp}");
        bad_input_naming(&resp, name);
    }
    // A date inside an input object, as a variable.
    let resp = shop_day(&app, &w, json!({ "date": "0000-01-01" })).await;
    bad_input_naming(&resp, "rows.0.date");
}

#[tokio::test]
async fn the_last_accepted_day_is_answered() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let vars = json!({ "t": w.team_a });
    let resp = app
        .gql(
            Some(&w.manager_a),
            "query($t: ID!) { daySummary(teamId: $t, date: \"9999-12-31\") { date } \
             dailyBoard(teamId: $t, day: \"9999-12-31\") { day } \
             shopMetrics(teamId: $t, from: \"9999-12-01\", to: \"9999-12-31\", \
             granularity: WEEK) { periodEnd } }",
            vars,
        )
        .await;
    assert!(resp.get("errors").is_none(), "{resp}");
    assert_eq!(resp["data"]["daySummary"]["date"], "9999-12-31");
    assert_eq!(resp["data"]["dailyBoard"]["day"], "9999-12-31");
}

#[tokio::test]
async fn money_beyond_ten_billion_yuan_is_bad_input_everywhere() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let m = &w.manager_a;
    let product =
        "mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } } }";
    let resp = app
        .gql(
            Some(m),
            product,
            json!({ "i": { "teamId": w.team_a, "platformItemId": "1", "title": "T",
                           "unitCost": HUGE } }),
        )
        .await;
    bad_input_naming(&resp, "unitCost");
    let resp = shop_day(&app, &w, json!({ "paidAmount": HUGE })).await;
    bad_input_naming(&resp, "paidAmount");
    // ¥10,000,000,000.00 is the largest amount; one fen more is refused.
    let resp = shop_day(&app, &w, json!({ "paidAmount": "10000000000.00" })).await;
    assert_eq!(resp["data"]["importShopDays"]["inserted"], 1, "{resp}");
    let resp = shop_day(&app, &w, json!({ "paidAmount": "10000000000.01" })).await;
    bad_input_naming(&resp, "paidAmount");
    let adjust = "mutation($i: AddBonusAdjustmentInput!) { addBonusAdjustment(input: $i) { adjustment { id } } }";
    let resp = app
        .gql(
            Some(m),
            adjust,
            json!({ "i": { "teamId": w.team_a, "month": "2026-10", "staffId": w.cs_a_id,
                           "amount": HUGE, "reason": "typo" } }),
        )
        .await;
    bad_input_naming(&resp, "amount");
}

/// One bad setting used to break the month for everyone: a target of 1e-28 or a weight of
/// Decimal::MAX made every later `reviews` and `computeBonusRun` fail, a threshold of 1e28
/// broke `runDiagnosis`. Now each is refused, and the month still computes.
#[tokio::test]
async fn settings_past_their_bounds_are_refused_and_the_month_still_computes() {
    let app = spawn_app().await;
    let shop = october(&app).await;
    let w = &shop.w;
    let m = &w.manager_a;
    let targets = "mutation($t: ID!, $x: [TargetInput!]!) { setTargets(input: { teamId: $t, targets: $x }) \
                   { value } }";
    let resp = app
        .gql(
            Some(m),
            targets,
            json!({ "t": w.team_a, "x": [{ "metric": "PAID_AMOUNT", "month": "2026-10",
                                           "value": "0.0000000000000000000000000001" }] }),
        )
        .await;
    bad_input_naming(&resp, "value");
    let kpis = "mutation($t: ID!, $k: [KpiInput!]!) { setRoleKpis(input: { teamId: $t, \
                role: CUSTOMER_SERVICE, kpis: $k }) { kpis { code } } }";
    let resp = app
        .gql(
            Some(m),
            kpis,
            json!({ "t": w.team_a, "k": [{ "code": "CS_SALES", "metric": "SALES_AMOUNT",
                "method": "LINEAR", "worst": "0", "best": "10000",
                "weight": "79228162514264337593543950335" }] }),
        )
        .await;
    bad_input_naming(&resp, "weight");
    let thresholds = "mutation($t: ID!, $x: [ThresholdInput!]!) { setDiagnosisThresholds(\
                      input: { teamId: $t, thresholds: $x }) { thresholds { key } } }";
    let resp = app
        .gql(
            Some(m),
            thresholds,
            json!({ "t": w.team_a, "x": [{ "key": "SALES_HIGH_SHORTFALL",
                                           "value": "10000000000000000000000000000" }] }),
        )
        .await;
    bad_input_naming(&resp, "value");
    // Nothing was stored: the month is scored as before (cs_a ¥9,049 on LINEAR 0 → 10,000).
    let reviews = app
        .ok(
            m,
            "query($t: ID!) { reviews(teamId: $t, month: \"2026-10\") { staff { id } total } }",
            json!({ "t": w.team_a }),
        )
        .await;
    let cs_a = reviews["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["staff"]["id"] == w.cs_a_id.as_str())
        .unwrap()
        .clone();
    assert_eq!(cs_a["total"], "90.49"); // 100 × 9049 / 10000
    let run = app
        .ok(
            m,
            "mutation($t: ID!) { computeBonusRun(input: { teamId: $t, month: \"2026-10\" }) { run { status } } }",
            json!({ "t": w.team_a }),
        )
        .await;
    assert_eq!(run["computeBonusRun"]["run"]["status"], "DRAFT");
}

/// A document of two mutations whose second is refused: the first is committed and says so, in
/// an ordinary GraphQL response (it used to be an HTTP 500 "Service panicked" after the commit).
#[tokio::test]
async fn a_document_of_two_mutations_reports_each_field() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let q = "mutation($t: ID!) { \
        a: createProduct(input: { teamId: $t, platformItemId: \"A\", title: \"A\" }) { product { id } } \
        b: createProduct(input: { teamId: $t, platformItemId: \"B\", title: \"B\", \
                                  unitCost: \"1000000000000000000000000000\" }) { product { id } } }";
    let (status, resp) = gql_status(&app, &w.manager_a, q, json!({ "t": w.team_a })).await;
    assert_eq!(status, 200, "{resp}");
    assert!(
        resp["data"]["a"]["product"]["id"].is_string(),
        "a committed: {resp}"
    );
    assert_eq!(resp["errors"][0]["path"][0], "b");
    assert_eq!(code(&resp), "BAD_USER_INPUT");
    assert_eq!(field(&resp), "unitCost");
    let list = app
        .ok(
            &w.manager_a,
            "query($t: ID!) { products(filter: { teamId: $t }) { totalCount } }",
            json!({ "t": w.team_a }),
        )
        .await;
    assert_eq!(list["products"]["totalCount"], 1);
}

#[tokio::test]
async fn counts_past_ten_billion_are_bad_input() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let resp = shop_day(&app, &w, json!({ "visitors": 9223372036854775807i64 })).await;
    bad_input_naming(&resp, "visitors");
    // 10,000,000,000 is the largest count; one more is refused.
    let resp = shop_day(&app, &w, json!({ "visitors": 10_000_000_000i64 })).await;
    assert_eq!(resp["data"]["importShopDays"]["inserted"], 1, "{resp}");
    let resp = shop_day(&app, &w, json!({ "visitors": 10_000_000_001i64 })).await;
    bad_input_naming(&resp, "visitors");
    assert_eq!(resp["errors"][0]["extensions"]["errors"][0]["row"], 1);
}

/// Values stored past the input bounds (by hand, or by an older version): their sums are refused
/// with a clear error, never wrapped (two days of i64::MAX visitors used to make −2).
#[tokio::test]
async fn sums_of_stored_values_never_wrap() {
    let app = spawn_app().await;
    let w = world(&app).await;
    app.import(
        &w.manager_a,
        Kind::Shop,
        &w.team_a,
        json!([
            { "date": "2026-10-01", "visitors": 1, "pageViews": 1, "paidBuyers": 1,
              "paidOrders": 1, "paidUnits": 1, "paidAmount": "1" },
            { "date": "2026-10-02", "visitors": 1, "pageViews": 1, "paidBuyers": 1,
              "paidOrders": 1, "paidUnits": 1, "paidAmount": "1" },
        ]),
    )
    .await;
    app.db
        .execute_raw(Statement::from_string(
            app.db.get_database_backend(),
            "UPDATE shop_day SET visitors = 9223372036854775807",
        ))
        .await
        .unwrap();
    let q = "query($t: ID!) { shopMetrics(teamId: $t, from: \"2026-10-01\", to: \"2026-10-31\", \
             granularity: MONTH) { visitors conversionRate } }";
    let resp = app
        .gql(Some(&w.manager_a), q, json!({ "t": w.team_a }))
        .await;
    assert_eq!(code(&resp), "BAD_USER_INPUT", "{resp}");
    assert_eq!(field(&resp), "range");
    assert!(resp["data"].is_null(), "no wrapped number: {resp}");
}

/// A NUL in the e-mail of a login was INTERNAL on PostgreSQL (its text cannot hold one): it is
/// an unknown e-mail, as on SQLite.
#[tokio::test]
async fn a_login_with_a_control_character_is_an_unknown_e_mail() {
    let app = spawn_app().await;
    world(&app).await;
    let resp = app
        .gql(
            None,
            "mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { token } }",
            json!({ "e": "boss.a\u{0000}@shop.test", "p": crate::helpers::PASSWORD }),
        )
        .await;
    assert_eq!(code(&resp), "UNAUTHENTICATED", "{resp}");
}
