//! The morning diagnosis on its own: missing data, skipped rules, the sales split, per-team
//! thresholds, re-runs, access, and the CLI. The clock stands at 2026-03-10 09:00 Shanghai, so
//! the diagnosed day is Monday 2026-03-09 (D) and 03-02..03-08 its 7-day base.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::fixtures::{Kind, ShopDay, shop_day};
use crate::helpers::{TestApp, World, code, spawn_at, world};

/// The day the diagnosis looks at, the morning after it (the app's clock).
pub const D: &str = "2026-03-09";

pub async fn spawn() -> (TestApp, World) {
    let at: DateTime<Utc> = "2026-03-10T01:00:00Z".parse().unwrap();
    let app = spawn_at(at).await;
    let w = world(&app).await;
    (app, w)
}

const RUN: &str =
    "mutation($t: ID!, $d: Date) { runDiagnosis(input: { teamId: $t, date: $d }) { diagnosis {
    id date findings { id code severity subject metric observed expected comparison current
    split { gmvChange trafficShare conversionShare aovShare } } skipped { code reason } } } }";

async fn run(app: &TestApp, token: &str, team: &str) -> Value {
    app.ok(token, RUN, json!({ "t": team })).await["runDiagnosis"]["diagnosis"].clone()
}

fn codes(diagnosis: &Value) -> Vec<String> {
    diagnosis["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{} {}",
                f["code"].as_str().unwrap(),
                f["subject"].as_str().unwrap()
            )
        })
        .collect()
}

/// 1,000 visitors, 4,000 page views, 40 buyers paying ¥10,400, 500 bounced: nothing wrong.
fn base_day(date: &str) -> ShopDay {
    shop_day(date)
        .visitors(1000)
        .page_views(4000)
        .paid_buyers(40)
        .paid_orders(40)
        .paid_units(48)
        .paid_amount("10400.00")
        .bounced_visitors(500)
}

async fn import_week_and(app: &TestApp, w: &World, day: Value) {
    let mut rows: Vec<Value> = (2..=8)
        .map(|d| json!(base_day(&format!("2026-03-0{d}"))))
        .collect();
    rows.push(day);
    app.imported(&w.manager_a, Kind::Shop, &w.team_a, rows)
        .await;
}

#[tokio::test]
async fn missing_data_is_a_finding_and_rules_without_inputs_are_listed_as_skipped() {
    let (app, w) = spawn().await;
    let d = run(&app, &w.manager_a, &w.team_a).await;
    assert_eq!(d["date"], D);
    // No shop day, and the team has customer-service agents whose day is missing too.
    assert_eq!(
        codes(&d),
        vec!["DATA_MISSING shop_day", "DATA_MISSING agent_day"]
    );
    assert_eq!(d["findings"][0]["severity"], "HIGH");
    let skipped: Vec<(String, String)> = d["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["code"].as_str().unwrap().into(),
                s["reason"].as_str().unwrap().into(),
            )
        })
        .collect();
    let no_shop = format!("no shop data for {D}");
    let expected: Vec<(&str, &str)> = vec![
        ("SALES_BELOW_TARGET", &no_shop),
        ("TRAFFIC_DROP", &no_shop),
        ("CONVERSION_DROP", &no_shop),
        ("BOUNCE_HIGH", &no_shop),
        ("VISIT_DEPTH_LOW", &no_shop),
        ("AOV_STRUCTURE", &no_shop),
        ("REFUND_SPIKE", &no_shop),
        ("DSR_LOW", &no_shop),
        ("BAD_REVIEW", "the team has no hero products"),
        ("STOCK_LOW", "the team has no hero products"),
        ("CS_CONVERSION_LAG", "no customer-service data on the day"),
        ("CS_SLOW_RESPONSE", "no customer-service data on the day"),
        ("AD_ROI_LOW", "no ad data on the day"),
        ("AD_CTR_DROP", "no ad data on the day"),
        ("COMPETITOR_PRICE_CUT", "no competitor snapshots on the day"),
    ];
    let expected: Vec<(String, String)> = expected
        .into_iter()
        .map(|(c, r)| (c.into(), r.into()))
        .collect();
    assert_eq!(skipped, expected);
}

#[tokio::test]
async fn sales_below_target_carries_the_split_and_thresholds_are_the_teams() {
    let (app, w) = spawn().await;
    // D: 900 visitors, 30 buyers, ¥7,200 (AOV 240) against ¥10,000 a day (¥310,000 in March).
    import_week_and(
        &app,
        &w,
        json!({ "date": D, "visitors": 900, "pageViews": 3600, "paidBuyers": 30, "paidOrders": 30,
                "paidUnits": 36, "paidAmount": "7200.00", "bouncedVisitors": 450 }),
    )
    .await;
    let target = json!([{ "metric": "PAID_AMOUNT", "month": "2026-03", "value": "310000" }]);
    app.set_targets(&w.manager_a, &w.team_a, target).await;
    let d = run(&app, &w.manager_a, &w.team_a).await;
    // Conversion 30/900 = 3.33 % < 85 % × 4 % = 3.4 %: CONVERSION_DROP fires with it.
    assert_eq!(
        codes(&d),
        vec![
            "SALES_BELOW_TARGET ",
            "CONVERSION_DROP ",
            "DATA_MISSING agent_day"
        ]
    );
    let sales = &d["findings"][0];
    // Short by (10,000 − 7,200) / 10,000 = 28 % ≥ 20 %: HIGH.
    assert_eq!(
        (
            &sales["severity"],
            &sales["observed"],
            &sales["expected"],
            &sales["comparison"]
        ),
        (
            &json!("HIGH"),
            &json!("7200"),
            &json!("10000"),
            &json!("DAILY_TARGET")
        )
    );
    // Against the 7-day mean (1,000 visitors, 4 %, ¥260): ln(0.9) + ln(0.8333) + ln(0.9231)
    // = ln(7,200 / 10,400); each factor's share of that log change.
    let total = (7200.0f64 / 10400.0).ln();
    let split = &sales["split"];
    assert_eq!(split["gmvChange"], "-3200.00");
    for (key, factor) in [
        ("trafficShare", 0.9f64),
        ("conversionShare", (30.0 / 900.0) / 0.04),
        ("aovShare", 240.0 / 260.0),
    ] {
        let got = split[key].as_f64().unwrap();
        assert!((got - factor.ln() / total).abs() < 1e-9, "{key}: {got}");
    }
    let conversion = &d["findings"][1];
    assert_eq!(
        (
            &conversion["observed"],
            &conversion["expected"],
            &conversion["comparison"]
        ),
        (&json!("0.0333"), &json!("0.04"), &json!("MEAN_7_DAYS"))
    );

    // The team moves HIGH to 30 % and CONVERSION_DROP to 80 % of the mean (3.2 %).
    let set = "mutation($t: ID!, $x: [ThresholdInput!]!) { setDiagnosisThresholds(input: { teamId: $t, thresholds: $x }) { thresholds { key value defaultValue isDefault } } }";
    let forbidden = app
        .gql(Some(&w.cs_a), set, json!({ "t": w.team_a, "x": [] }))
        .await;
    assert_eq!(code(&forbidden), "FORBIDDEN");
    let negative = app
        .gql(
            Some(&w.manager_a),
            set,
            json!({ "t": w.team_a, "x": [{ "key": "BOUNCE_RATE_MAX", "value": "-1" }] }),
        )
        .await;
    assert_eq!(code(&negative), "BAD_USER_INPUT");
    let listed = app
        .ok(
            &w.manager_a,
            set,
            json!({ "t": w.team_a, "x": [
                { "key": "SALES_HIGH_SHORTFALL", "value": "0.30" },
                { "key": "CONVERSION_DROP_RATIO", "value": "0.80" },
            ] }),
        )
        .await["setDiagnosisThresholds"]["thresholds"]
        .clone();
    assert_eq!(listed.as_array().unwrap().len(), 17);
    assert_eq!(
        listed[0],
        json!({ "key": "SALES_HIGH_SHORTFALL", "value": "0.3", "defaultValue": "0.2", "isDefault": false })
    );
    assert_eq!(
        listed[4],
        json!({ "key": "BOUNCE_RATE_MAX", "value": "0.7", "defaultValue": "0.7", "isDefault": true })
    );
    let d = run(&app, &w.manager_a, &w.team_a).await;
    // Now MEDIUM, so it ranks after the HIGH finding.
    assert_eq!(
        codes(&d),
        vec!["DATA_MISSING agent_day", "SALES_BELOW_TARGET "]
    );
    assert_eq!(d["findings"][1]["severity"], "MEDIUM");
    // Another team keeps the defaults; null restores a default.
    let other = app
        .ok(
            &w.manager_b,
            "query($t: ID!) { diagnosisThresholds(teamId: $t) { key isDefault } }",
            json!({ "t": w.team_b }),
        )
        .await;
    assert!(
        other["diagnosisThresholds"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["isDefault"] == true)
    );
    let reset = app
        .ok(
            &w.manager_a,
            set,
            json!({ "t": w.team_a, "x": [{ "key": "SALES_HIGH_SHORTFALL", "value": null }] }),
        )
        .await;
    assert_eq!(
        reset["setDiagnosisThresholds"]["thresholds"][0]["isDefault"],
        true
    );
}

#[tokio::test]
async fn a_rerun_updates_findings_in_place_and_keeps_tasks_linked() {
    let (app, w) = spawn().await;
    // Bounce 74 % and 2.0 page views per visitor.
    let day = |bounced: i64| base_day(D).page_views(2000).bounced_visitors(bounced);
    import_week_and(&app, &w, json!(day(740))).await;
    let first = run(&app, &w.manager_a, &w.team_a).await;
    assert_eq!(
        codes(&first),
        vec!["DATA_MISSING agent_day", "BOUNCE_HIGH ", "VISIT_DEPTH_LOW "]
    );
    let bounce = first["findings"][1].clone();
    let made = app
        .ok(
            &w.manager_a,
            "mutation($d: ID!, $p: [FindingPick!]) { createTasksFromDiagnosis(input: { diagnosisId: $d, picks: $p }) { tasks { id } } }",
            json!({ "d": first["id"], "p": [{ "findingId": bounce["id"] }] }),
        )
        .await;
    let task = made["createTasksFromDiagnosis"]["tasks"][0]["id"].clone();

    // The bounce is corrected in the export (60 %); the morning is run again.
    app.imported(&w.manager_a, Kind::Shop, &w.team_a, [day(600)])
        .await;
    let second = run(&app, &w.manager_a, &w.team_a).await;
    assert_eq!(second["id"], first["id"]);
    assert_eq!(
        codes(&second),
        vec!["DATA_MISSING agent_day", "VISIT_DEPTH_LOW "]
    );
    // Same findings, same ids: updated, not duplicated.
    assert_eq!(second["findings"][0]["id"], first["findings"][0]["id"]);
    assert_eq!(second["findings"][1]["id"], first["findings"][2]["id"]);
    // The task still points at its finding, now marked as no longer current.
    let linked = app
        .ok(
            &w.manager_a,
            "query($i: ID!) { task(id: $i) { finding { id code current observed } } }",
            json!({ "i": task }),
        )
        .await;
    assert_eq!(
        linked["task"]["finding"],
        json!({ "id": bounce["id"], "code": "BOUNCE_HIGH", "current": false, "observed": "0.74" })
    );
    // A third run changes nothing more.
    let third = run(&app, &w.manager_a, &w.team_a).await;
    assert_eq!(third["findings"], second["findings"]);
}

#[tokio::test]
async fn who_may_run_and_read_a_diagnosis() {
    let (app, w) = spawn().await;
    let staff = app.gql(Some(&w.cs_a), RUN, json!({ "t": w.team_a })).await;
    assert_eq!(code(&staff), "FORBIDDEN");
    let other = app
        .gql(Some(&w.manager_b), RUN, json!({ "t": w.team_a }))
        .await;
    assert_eq!(code(&other), "FORBIDDEN");
    let future = app
        .gql(
            Some(&w.manager_a),
            RUN,
            json!({ "t": w.team_a, "d": "2026-03-11" }),
        )
        .await;
    assert_eq!(code(&future), "BAD_USER_INPUT");
    let ran = run(&app, &w.manager_a, &w.team_a).await;
    // Staff read their team's diagnosis (the board shows it), not another team's.
    let read = "query($t: ID!, $d: Date!) { diagnosis(teamId: $t, date: $d) { id } }";
    let seen = app
        .ok(&w.cs_a, read, json!({ "t": w.team_a, "d": D }))
        .await;
    assert_eq!(seen["diagnosis"]["id"], ran["id"]);
    let none = app
        .ok(&w.cs_a, read, json!({ "t": w.team_a, "d": "2026-03-01" }))
        .await;
    assert_eq!(none["diagnosis"], Value::Null);
    let foreign = app
        .gql(Some(&w.manager_b), read, json!({ "t": w.team_a, "d": D }))
        .await;
    assert_eq!(code(&foreign), "FORBIDDEN");
}

#[tokio::test]
async fn the_cli_runs_the_diagnosis_of_a_date() {
    let (app, w) = spawn().await;
    import_week_and(&app, &w, json!(base_day(D))).await;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_shopops"))
        .env("DATABASE_URL", &app.database_url)
        .env("RUST_LOG", "warn")
        .args(["diagnose", "--team", w.team_a.as_str(), "--date", D])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{stdout}");
    assert!(
        stdout.contains(&format!("team {} for {D}: 1 finding(s)", w.team_a)),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "HIGH DATA_MISSING: no customer-service data (赤兔) for 2026-03-09 → OPERATIONS"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("skipped BAD_REVIEW: the team has no hero products"),
        "{stdout}"
    );
    // The same diagnosis is what the API shows.
    let seen = app
        .ok(
            &w.cs_a,
            "query($t: ID!, $d: Date!) { diagnosis(teamId: $t, date: $d) { ranBy { id } findings { code } } }",
            json!({ "t": w.team_a, "d": D }),
        )
        .await;
    assert_eq!(
        seen["diagnosis"],
        json!({ "ranBy": null, "findings": [{ "code": "DATA_MISSING" }] })
    );
}

#[tokio::test]
async fn values_exactly_on_a_threshold_follow_the_rule_s_comparison() {
    let (app, w) = spawn().await;
    // Bounce exactly 70 % (> 70 % fires) and 2.5 page views per visitor (< 2.5 fires): neither.
    import_week_and(
        &app,
        &w,
        json!({ "date": D, "visitors": 1000, "pageViews": 2500, "paidBuyers": 40,
                "paidOrders": 40, "paidUnits": 48, "paidAmount": "10400.00",
                "bouncedVisitors": 700 }),
    )
    .await;
    // cs_a converts 35 %, cs_a2 45 %: the team 80 / 200 = 40 %, so cs_a is exactly 5 points
    // under (≥ 5 fires). cs_a answers first in exactly 30 s (> 30 fires): no.
    let agent = |staff: &str, paid: i64, first_sum: i64| {
        json!({ "staffId": staff, "date": D, "received": 100, "inquiries": 100,
                "orderedBuyers": 60, "paidBuyers": paid, "salesAmount": "1000.00",
                "firstResponseSecondsSum": first_sum, "firstResponseCount": 50 })
    };
    app.imported(
        &w.manager_a,
        Kind::Agent,
        &w.team_a,
        [agent(&w.cs_a_id, 35, 1500), agent(&w.cs_a2_id, 45, 1000)],
    )
    .await;
    let d = run(&app, &w.manager_a, &w.team_a).await;
    assert_eq!(
        codes(&d),
        vec![format!("CS_CONVERSION_LAG staff:{}", w.cs_a_id)]
    );
    assert_eq!(
        (&d["findings"][0]["observed"], &d["findings"][0]["expected"]),
        (&json!("0.35"), &json!("0.4"))
    );
}
