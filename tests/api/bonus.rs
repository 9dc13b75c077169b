//! Month-end bonus (§8) for October 2026, worked out by hand for every role and rule: the default
//! plans, tiered commission, the 500-unit threshold, a TEAM_RELATIVE split, rounding at half a
//! fen, manual adjustments (never below zero), custom plans, idempotent drafts, the payroll CSV,
//! and who sees what.

use chrono::{DateTime, Utc};
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};
use shopops::entities::{bonus_line, bonus_payout};

use crate::fixtures::{
    Deliverable, Kind, ad_day, agent_day, deliverable, new_product, product_day, shop_day,
};
use crate::helpers::{TestApp, World, code, field, spawn_at, world};

pub const MONTH: &str = "2026-10";

/// Thursday 2026-11-05, 10:00 in Shanghai: October's figures have settled (on the 4th).
pub fn settled() -> DateTime<Utc> {
    "2026-11-05T02:00:00Z".parse().unwrap()
}

pub struct Shop {
    pub w: World,
    pub promo1_id: String,
    pub promo2_id: String,
}

/// The shop's October paid amount, as one day's import (re-importing the day overwrites it).
pub async fn shop_paid(app: &TestApp, w: &World, paid: &str) {
    let day = shop_day("2026-10-15")
        .visitors(20000)
        .page_views(60000)
        .paid_buyers(500)
        .paid_orders(500)
        .paid_units(1242)
        .paid_amount(paid);
    app.imported(&w.manager_a, Kind::Shop, &w.team_a, [day])
        .await;
}

fn linear(code: &str, metric: &str, basis: &str, best: &str) -> Value {
    json!([{ "code": code, "metric": metric, "basis": basis, "direction": "HIGHER",
             "method": "LINEAR", "worst": "0", "best": best, "weight": "1" }])
}

/// Team A's October. Each role is scored by one LINEAR KPI so that the scores are plain:
/// - customer service: sales ¥0 → 0, ¥10,000 → 100: cs_a sells ¥9,049 (90.49, A), cs_a2
///   ¥7,000 (70, C);
/// - designer: 0 → 8 pieces delivered: 7 delivered (87.5, B); owns 710001 (812 units sold)
///   and 710002 (430 units);
/// - promotion: ROI 0 → 4: promo1 ¥4,000 on ¥1,000 (ROI 4: 100, S), promo2 ¥2,000 on ¥1,000
///   (ROI 2: 50, D);
/// - operations (the manager): paid-amount completion 0 → 1.25: ¥125,000 against the team's
///   ¥100,000 target (1.25: 100, S).
pub async fn october(app: &TestApp) -> Shop {
    let w = world(app).await;
    let m = &w.manager_a;
    let promo1_id = app
        .create_staff(m, &w.team_a, "ads1.a@shop.test", "PROMOTION", "STAFF")
        .await;
    let promo2_id = app
        .create_staff(m, &w.team_a, "ads2.a@shop.test", "PROMOTION", "STAFF")
        .await;
    let set_kpis = "mutation($t: ID!, $r: StaffRole!, $k: [KpiInput!]!) { setRoleKpis(input: { teamId: $t, role: $r, kpis: $k }) { kpis { code } } }";
    for (role, kpis) in [
        (
            "CUSTOMER_SERVICE",
            linear("CS_SALES", "SALES_AMOUNT", "VALUE", "10000"),
        ),
        (
            "DESIGNER",
            linear("DESIGN_DELIVERED", "DELIVERED", "VALUE", "8"),
        ),
        ("PROMOTION", linear("PROMO_ROI", "ROI", "VALUE", "4")),
        (
            "OPERATIONS",
            linear("OPS_COMPLETION", "PAID_AMOUNT", "COMPLETION", "1.25"),
        ),
    ] {
        app.ok(m, set_kpis, json!({ "t": w.team_a, "r": role, "k": kpis }))
            .await;
    }
    let mut products = Vec::new();
    for (item, title) in [("710001", "连衣裙"), ("710002", "T恤")] {
        let p = new_product(&w.team_a, item)
            .title(title)
            .designer(&w.designer_a_id);
        products.push(app.create_product(m, p).await);
    }
    shop_paid(app, &w, "125000.00").await;
    let target = json!([{ "metric": "PAID_AMOUNT", "month": MONTH, "value": "100000" }]);
    app.set_targets(m, &w.team_a, target).await;
    let agent = |staff: &str, sales: &str| {
        agent_day("2026-10-20")
            .staff(staff)
            .received(100)
            .inquiries(80)
            .ordered_buyers(40)
            .paid_buyers(36)
            .sales_amount(sales)
    };
    app.imported(
        &w.manager_a,
        Kind::Agent,
        &w.team_a,
        json!([agent(&w.cs_a_id, "9049.00"), agent(&w.cs_a2_id, "7000.00")]),
    )
    .await;
    let units = |product: &str, date: &str, units: i64| {
        product_day(date)
            .product(product)
            .visitors(5000)
            .paid_buyers(units)
            .paid_units(units)
            .paid_amount(&format!("{}.00", units * 100))
    };
    app.imported(
        &w.manager_a,
        Kind::Product,
        &w.team_a,
        json!([
            units(&products[0], "2026-10-08", 400),
            units(&products[0], "2026-10-09", 412),
            units(&products[1], "2026-10-08", 430),
            // September's units do not count in October.
            units(&products[1], "2026-09-30", 900),
        ]),
    )
    .await;
    let ad = |owner: &str, attributed: &str| {
        ad_day("2026-10-10", "ZTC")
            .owner(owner)
            .clicks(500)
            .spend("1000.00")
            .attributed_orders(40)
            .attributed_amount(attributed)
    };
    app.imported(
        &w.manager_a,
        Kind::Ad,
        &w.team_a,
        json!([ad(&promo1_id, "4000.00"), ad(&promo2_id, "2000.00")]),
    )
    .await;
    let pieces: Vec<Deliverable> = (1..=7)
        .map(|i| {
            deliverable(&format!("D-{i}"))
                .designer_id(&w.designer_a_id)
                .due_on("2026-10-20")
                .delivered_on(&format!("2026-10-{:02}", 10 + i))
        })
        .collect();
    app.imported(&w.manager_a, Kind::Deliverable, &w.team_a, pieces)
        .await;
    Shop {
        w,
        promo1_id,
        promo2_id,
    }
}

pub async fn spawn() -> (TestApp, Shop) {
    let app = spawn_at(settled()).await;
    let shop = october(&app).await;
    (app, shop)
}

pub const RUN: &str = "status total payouts(first: 100) { totalCount edges { node {
    staff { id } role score grade gross total
    lines { rule kind inputs { name value } formula amount } } } }";

pub async fn compute(app: &TestApp, token: &str, team: &str) -> Value {
    let q = format!(
        "mutation($t: ID!, $m: Month!) {{ computeBonusRun(input: {{ teamId: $t, month: $m }}) {{ run {{ {RUN} }} }} }}"
    );
    app.ok(token, &q, json!({ "t": team, "m": MONTH })).await["computeBonusRun"]["run"].clone()
}

pub async fn read_run(app: &TestApp, token: &str, team: &str) -> Value {
    let q = format!("query($t: ID!, $m: Month!) {{ bonusRun(teamId: $t, month: $m) {{ {RUN} }} }}");
    app.gql(Some(token), &q, json!({ "t": team, "m": MONTH }))
        .await
}

pub fn payout<'a>(run: &'a Value, staff: &str) -> &'a Value {
    run["payouts"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["node"])
        .find(|p| p["staff"]["id"] == staff)
        .unwrap_or_else(|| panic!("no payout of {staff} in {run}"))
}

/// Each line as [rule, formula, amount].
pub fn lines(payout: &Value) -> Vec<Value> {
    payout["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| json!([l["rule"], l["formula"], l["amount"]]))
        .collect()
}

#[tokio::test]
async fn every_role_is_paid_by_its_default_plan() {
    let (app, s) = spawn().await;
    let w = &s.w;
    let run = compute(&app, &w.manager_a, &w.team_a).await;
    assert_eq!(
        (&run["status"], &run["payouts"]["totalCount"]),
        (&json!("DRAFT"), &json!(6))
    );

    // Operations, tiered commission: completion 125,000 / 100,000 = 1.25 ≥ 1.2 → 3 %.
    // 1000.00 × 1.5 (S) = 1500.00; 125000.00 × 0.03 = 3750.00; total 5250.00.
    let ops = payout(&run, &w.manager_a_id);
    assert_eq!(
        (&ops["score"], &ops["grade"], &ops["total"]),
        (&json!("100"), &json!("S"), &json!("5250.00"))
    );
    assert_eq!(
        lines(ops),
        vec![
            json!(["GRADE_BONUS", "1000.00 × 1.5", "1500.00"]),
            json!(["COMMISSION", "125000.00 × 0.03", "3750.00"]),
        ]
    );
    assert_eq!(
        ops["lines"][1]["inputs"],
        json!([
            { "name": "paid_amount", "value": "125000.00" },
            { "name": "target", "value": "100000.00" },
            { "name": "completion", "value": "1.25" },
            { "name": "tier", "value": "completion ≥ 1.2" },
            { "name": "rate", "value": "0.03" },
        ])
    );

    // Customer service: 800.00 × 1.2 (A) = 960.00; 9049.00 × 0.005 = 45.245, exactly half a
    // fen, rounds up to 45.25 (half-even would give 45.24); total 1005.25.
    let cs = payout(&run, &w.cs_a_id);
    assert_eq!((&cs["score"], &cs["grade"]), (&json!("90.49"), &json!("A")));
    assert_eq!(
        lines(cs),
        vec![
            json!(["GRADE_BONUS", "800.00 × 1.2", "960.00"]),
            json!(["COMMISSION", "9049.00 × 0.005", "45.25"]),
        ]
    );
    assert_eq!(cs["total"], "1005.25");
    // 800.00 × 0.6 (C) = 480.00; 7000.00 × 0.005 = 35.00.
    let cs2 = payout(&run, &w.cs_a2_id);
    assert_eq!(
        (lines(cs2), &cs2["total"]),
        (
            vec![
                json!(["GRADE_BONUS", "800.00 × 0.6", "480.00"]),
                json!(["COMMISSION", "7000.00 × 0.005", "35.00"]),
            ],
            &json!("515.00")
        )
    );

    // Designer: 1500.00 × 87.5 / 100 = 1312.50; 710001 sold 400 + 412 = 812 units (312 over
    // 500), 710002 sold 430 (under: 0; September's 900 do not count): 312 × 1.00 = 312.00.
    let designer = payout(&run, &w.designer_a_id);
    assert_eq!(
        (&designer["score"], &designer["grade"]),
        (&json!("87.5"), &json!("B"))
    );
    assert_eq!(
        lines(designer),
        vec![
            json!(["SCORE_BONUS", "1500.00 × 87.5 / 100", "1312.50"]),
            json!([
                "PER_UNIT_OVER_THRESHOLD",
                "(max(812 − 500, 0) + max(430 − 500, 0)) × 1.00",
                "312.00"
            ]),
        ]
    );
    assert_eq!(
        designer["lines"][1]["inputs"],
        json!([
            { "name": "threshold", "value": "500" },
            { "name": "amount", "value": "1.00" },
            { "name": "units 710001 连衣裙", "value": "812" },
            { "name": "units 710002 T恤", "value": "430" },
        ])
    );
    assert_eq!(designer["total"], "1624.50");

    // Promotion, TEAM_RELATIVE on ROI, pooled: (4000 + 2000) / (1000 + 1000) = 3.
    // promo1: 1000.00 × 1.5 (S) = 1500.00 and 1000.00 × 4 / 3 = 1333.333… → 1333.33;
    // promo2: 1000.00 × 0 (D) = 0.00 and 1000.00 × 2 / 3 = 666.666… → 666.67.
    let p1 = payout(&run, &s.promo1_id);
    assert_eq!(
        (lines(p1), &p1["total"]),
        (
            vec![
                json!(["GRADE_BONUS", "1000.00 × 1.5", "1500.00"]),
                json!([
                    "TEAM_RELATIVE",
                    "1000.00 × (4000 / 1000) / (6000 / 2000)",
                    "1333.33"
                ]),
            ],
            &json!("2833.33")
        )
    );
    let p2 = payout(&run, &s.promo2_id);
    assert_eq!(
        (lines(p2), &p2["total"]),
        (
            vec![
                json!(["GRADE_BONUS", "1000.00 × 0", "0.00"]),
                json!([
                    "TEAM_RELATIVE",
                    "1000.00 × (2000 / 1000) / (6000 / 2000)",
                    "666.67"
                ]),
            ],
            &json!("666.67")
        )
    );

    // 5250.00 + 1005.25 + 515.00 + 1624.50 + 2833.33 + 666.67 = 11894.75
    assert_eq!(run["total"], "11894.75");

    // The same inputs give the same figures, with the previous draft's rows replaced.
    let count = |app: &TestApp| {
        let db = app.db.clone();
        async move {
            (
                bonus_payout::Entity::find().count(&db).await.unwrap(),
                bonus_line::Entity::find().count(&db).await.unwrap(),
            )
        }
    };
    assert_eq!(count(&app).await, (6, 12));
    let again = compute(&app, &w.manager_a, &w.team_a).await;
    assert_eq!(again, run);
    assert_eq!(count(&app).await, (6, 12));
    assert_eq!(
        read_run(&app, &w.manager_a, &w.team_a).await["data"]["bonusRun"],
        run
    );

    // promo2 leaves: their payout goes, and promo1 alone is the team's ROI:
    // 1000.00 × (4000 / 1000) / (4000 / 1000) = 1000.00.
    app.ok(
        &w.manager_a,
        "mutation($i: ID!) { deactivateStaff(input: { id: $i }) { staff { active } } }",
        json!({ "i": s.promo2_id }),
    )
    .await;
    let after = compute(&app, &w.manager_a, &w.team_a).await;
    assert_eq!(after["payouts"]["totalCount"], 5);
    assert_eq!(
        lines(payout(&after, &s.promo1_id))[1],
        json!([
            "TEAM_RELATIVE",
            "1000.00 × (4000 / 1000) / (4000 / 1000)",
            "1000.00"
        ])
    );
    assert_eq!(count(&app).await, (5, 10));
    // Payouts stay in the order of the people.
    let order: Vec<&Value> = after["payouts"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["node"]["staff"]["id"])
        .collect();
    assert_eq!(
        order,
        [
            &w.manager_a_id,
            &w.cs_a_id,
            &w.cs_a2_id,
            &w.designer_a_id,
            &s.promo1_id
        ]
    );
}

#[tokio::test]
async fn commission_tiers_follow_target_completion() {
    let (app, s) = spawn().await;
    let w = &s.w;
    // Against the ¥100,000 target: under 100 % → 1 %, from 100 % → 2 %, from 120 % → 3 %.
    for (paid, formula, amount) in [
        ("99999.99", "99999.99 × 0.01", "1000.00"), // 999.9999 → 1000.00
        ("100000.00", "100000.00 × 0.02", "2000.00"),
        ("119999.99", "119999.99 × 0.02", "2400.00"), // 2399.9998 → 2400.00
        ("120000.00", "120000.00 × 0.03", "3600.00"),
    ] {
        shop_paid(&app, w, paid).await;
        let run = compute(&app, &w.manager_a, &w.team_a).await;
        assert_eq!(
            lines(payout(&run, &w.manager_a_id))[1],
            json!(["COMMISSION", formula, amount]),
            "{paid}"
        );
    }
    // Without a target only the base rate applies.
    let target = json!([{ "metric": "PAID_AMOUNT", "month": MONTH, "value": "0" }]);
    app.set_targets(&w.manager_a, &w.team_a, target).await;
    let run = compute(&app, &w.manager_a, &w.team_a).await;
    assert_eq!(
        lines(payout(&run, &w.manager_a_id))[1],
        json!(["COMMISSION", "120000.00 × 0.01", "1200.00"])
    );
}

const SET_PLAN: &str = "mutation($t: ID!, $r: StaffRole!, $x: [BonusRuleInput!]!) {
    setBonusPlan(input: { teamId: $t, role: $r, rules: $x }) { plan { role isDefault rules { code kind params {
        ... on GradeBonus { base coefficients { s a b c d } }
        ... on ScoreBonus { base }
        ... on Commission { metric rate tiers { completion rate } }
        ... on PerUnitOverThreshold { amount threshold }
        ... on TeamRelative { pool metric } } } } } }";

#[tokio::test]
async fn a_manager_sets_a_plan_of_typed_rules() {
    let (app, s) = spawn().await;
    let w = &s.w;
    let plans = app
        .ok(
            &w.cs_a,
            "query($t: ID!) { bonusPlans(teamId: $t) { role isDefault rules { code kind } } }",
            json!({ "t": w.team_a }),
        )
        .await;
    assert_eq!(
        plans["bonusPlans"],
        json!([
            { "role": "CUSTOMER_SERVICE", "isDefault": true, "rules": [
                { "code": "GRADE_BONUS", "kind": "GRADE_BONUS" }, { "code": "COMMISSION", "kind": "COMMISSION" } ] },
            { "role": "DESIGNER", "isDefault": true, "rules": [
                { "code": "SCORE_BONUS", "kind": "SCORE_BONUS" },
                { "code": "PER_UNIT_OVER_THRESHOLD", "kind": "PER_UNIT_OVER_THRESHOLD" } ] },
            { "role": "PROMOTION", "isDefault": true, "rules": [
                { "code": "GRADE_BONUS", "kind": "GRADE_BONUS" }, { "code": "TEAM_RELATIVE", "kind": "TEAM_RELATIVE" } ] },
            { "role": "OPERATIONS", "isDefault": true, "rules": [
                { "code": "GRADE_BONUS", "kind": "GRADE_BONUS" }, { "code": "COMMISSION", "kind": "COMMISSION" } ] },
        ])
    );

    // Customer service: a grade bonus with its own coefficients, and a TEAM_RELATIVE split of
    // sales (an amount: against the mean per person).
    let rules = json!([
        { "code": "MONTHLY", "gradeBonus": { "base": "500", "coefficients": { "a": "2", "c": "1" } } },
        { "code": "SALES_SHARE", "teamRelative": { "pool": "2000.00", "metric": "SALES_AMOUNT" } },
    ]);
    let vars = |role: &str, rules: Value| json!({ "t": w.team_a, "r": role, "x": rules });
    let by_staff = app
        .gql(
            Some(&w.cs_a),
            SET_PLAN,
            vars("CUSTOMER_SERVICE", rules.clone()),
        )
        .await;
    assert_eq!(code(&by_staff), "FORBIDDEN");
    let plan = app
        .ok(&w.manager_a, SET_PLAN, vars("CUSTOMER_SERVICE", rules))
        .await["setBonusPlan"]["plan"]
        .clone();
    assert_eq!(
        plan,
        json!({ "role": "CUSTOMER_SERVICE", "isDefault": false, "rules": [
            { "code": "MONTHLY", "kind": "GRADE_BONUS", "params": { "base": "500",
              "coefficients": { "s": "1.5", "a": "2", "b": "1", "c": "1", "d": "0" } } },
            { "code": "SALES_SHARE", "kind": "TEAM_RELATIVE", "params": { "pool": "2000.00",
              "metric": "SALES_AMOUNT" } },
        ] })
    );
    let run = compute(&app, &w.manager_a, &w.team_a).await;
    // Mean sales (9049.00 + 7000.00) / 2 = 8024.50.
    // cs_a: 500.00 × 2 (A) = 1000.00; 2000.00 × 9049 / 8024.5 = 2255.342… → 2255.34.
    // cs_a2: 500.00 × 1 (C) = 500.00; 2000.00 × 7000 / 8024.5 = 1744.657… → 1744.66.
    assert_eq!(
        lines(payout(&run, &w.cs_a_id)),
        vec![
            json!(["MONTHLY", "500.00 × 2", "1000.00"]),
            json!([
                "SALES_SHARE",
                "2000.00 × 9049.00 / (16049.00 / 2)",
                "2255.34"
            ]),
        ]
    );
    assert_eq!(
        lines(payout(&run, &w.cs_a2_id)),
        vec![
            json!(["MONTHLY", "500.00 × 1", "500.00"]),
            json!([
                "SALES_SHARE",
                "2000.00 × 7000.00 / (16049.00 / 2)",
                "1744.66"
            ]),
        ]
    );

    // What is refused, all at once, row by row.
    let bad = app
        .gql(
            Some(&w.manager_a),
            SET_PLAN,
            vars(
                "CUSTOMER_SERVICE",
                json!([
                    { "commission": { "metric": "ATTRIBUTED_AMOUNT", "rate": "1.5" } },
                    { "scoreBonus": { "base": "1.001" }, "gradeBonus": { "base": "1" } },
                    { "perUnitOverThreshold": {} },
                    { "code": "sales-share", "scoreBonus": { "base": "-5" } },
                    { "teamRelative": { "pool": "100", "metric": "OWNED_CONVERSION" } },
                ]),
            ),
        )
        .await;
    assert_eq!(code(&bad), "BAD_USER_INPUT");
    let problems: Vec<Value> = bad["errors"][0]["extensions"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| json!([e["row"], e["field"]]))
        .collect();
    assert_eq!(
        problems,
        vec![
            json!([1, "commission.rate"]),
            json!([2, "rules"]),
            json!([3, "perUnitOverThreshold"]),
            json!([4, "scoreBonus.base"]),
            json!([4, "code"]),
            json!([5, "teamRelative.metric"]),
        ]
    );
    let twice = app
        .gql(
            Some(&w.manager_a),
            SET_PLAN,
            vars(
                "DESIGNER",
                json!([{ "scoreBonus": { "base": "1" } }, { "scoreBonus": { "base": "2" } }]),
            ),
        )
        .await;
    assert_eq!((code(&twice), field(&twice)), ("BAD_USER_INPUT", "code"));

    // Designers: a per-unit rule with its own threshold; an empty plan pays nothing.
    let designer = app
        .ok(
            &w.manager_a,
            SET_PLAN,
            vars(
                "DESIGNER",
                json!([{ "perUnitOverThreshold": { "amount": "0.50", "threshold": 400 } }]),
            ),
        )
        .await;
    assert_eq!(
        designer["setBonusPlan"]["plan"]["rules"][0]["params"],
        json!({ "amount": "0.50", "threshold": 400 })
    );
    app.ok(&w.manager_a, SET_PLAN, vars("PROMOTION", json!([])))
        .await;
    let run = compute(&app, &w.manager_a, &w.team_a).await;
    // (812 − 400) + (430 − 400) = 442 units × 0.50 = 221.00
    assert_eq!(
        lines(payout(&run, &w.designer_a_id)),
        vec![json!([
            "PER_UNIT_OVER_THRESHOLD",
            "(max(812 − 400, 0) + max(430 − 400, 0)) × 0.50",
            "221.00"
        ])]
    );
    let p1 = payout(&run, &s.promo1_id);
    assert_eq!((lines(p1), &p1["total"]), (vec![], &json!("0.00")));

    // Back to the default.
    let reset = app
        .ok(
            &w.manager_a,
            "mutation($t: ID!) { resetBonusPlan(input: { teamId: $t, role: PROMOTION }) { plan { isDefault rules { code } } } }",
            json!({ "t": w.team_a }),
        )
        .await;
    assert_eq!(
        reset["resetBonusPlan"]["plan"],
        json!({ "isDefault": true, "rules": [{ "code": "GRADE_BONUS" }, { "code": "TEAM_RELATIVE" }] })
    );
}

pub const ADJUST: &str =
    "mutation($i: AddBonusAdjustmentInput!) { addBonusAdjustment(input: $i) { adjustment {
    id amount reason staff { id } createdBy { id } } } }";

pub fn adjustment(w: &World, staff: &str, amount: &str, reason: &str) -> Value {
    json!({ "i": { "teamId": w.team_a, "month": MONTH, "staffId": staff, "amount": amount,
                   "reason": reason } })
}

#[tokio::test]
async fn manual_adjustments_need_a_reason_and_a_payout_never_goes_below_zero() {
    let (app, s) = spawn().await;
    let w = &s.w;
    let m = &w.manager_a;
    let added = app
        .ok(
            m,
            ADJUST,
            adjustment(w, &w.designer_a_id, "100.00", "618 campaign extra banners"),
        )
        .await["addBonusAdjustment"]["adjustment"]
        .clone();
    assert_eq!(
        (&added["amount"], &added["createdBy"]["id"]),
        (&json!("100.00"), &json!(w.manager_a_id))
    );
    app.ok(
        m,
        ADJUST,
        adjustment(w, &w.cs_a2_id, "-600", "lost a customer's parcel"),
    )
    .await;

    // Refused: staff, another team's manager, no reason, fractions of a fen, zero, a person of
    // another team.
    let by_staff = app
        .gql(Some(&w.cs_a), ADJUST, adjustment(w, &w.cs_a_id, "50", "me"))
        .await;
    assert_eq!(code(&by_staff), "FORBIDDEN");
    let other = app
        .gql(
            Some(&w.manager_b),
            ADJUST,
            adjustment(w, &w.cs_a_id, "50", "x"),
        )
        .await;
    assert_eq!(code(&other), "FORBIDDEN");
    for (staff, amount, reason, wrong) in [
        (&w.cs_a_id, "50", "  ", "reason"),
        (&w.cs_a_id, "0.001", "x", "amount"),
        (&w.cs_a_id, "0", "x", "amount"),
        (&w.cs_b_id, "50", "x", "staffId"),
    ] {
        let resp = app
            .gql(Some(m), ADJUST, adjustment(w, staff, amount, reason))
            .await;
        assert_eq!(
            (code(&resp), field(&resp)),
            ("BAD_USER_INPUT", wrong),
            "{resp}"
        );
    }

    let run = compute(&app, m, &w.team_a).await;
    // 1312.50 + 312.00 + 100.00 = 1724.50
    let designer = payout(&run, &w.designer_a_id);
    assert_eq!(
        lines(designer)[2],
        json!(["ADJUSTMENT", "manual adjustment 100.00", "100.00"])
    );
    assert_eq!(
        designer["lines"][2]["inputs"],
        json!([{ "name": "reason", "value": "618 campaign extra banners" }])
    );
    assert_eq!(designer["total"], "1724.50");
    // 480.00 + 35.00 − 600.00 = −85.00: paid 0.00.
    let cs2 = payout(&run, &w.cs_a2_id);
    assert_eq!(
        (&cs2["gross"], &cs2["total"]),
        (&json!("-85.00"), &json!("0.00"))
    );
    // 11894.75 + 100.00 − 515.00
    assert_eq!(run["total"], "11479.75");

    let listed = app
        .ok(
            m,
            "query($t: ID!, $m: Month!) { bonusAdjustments(teamId: $t, month: $m) { totalCount nodes { amount staff { id } } } }",
            json!({ "t": w.team_a, "m": MONTH }),
        )
        .await;
    assert_eq!(
        listed["bonusAdjustments"],
        json!({ "totalCount": 2, "nodes": [
            { "amount": "100.00", "staff": { "id": w.designer_a_id } },
            { "amount": "-600.00", "staff": { "id": w.cs_a2_id } },
        ] })
    );
    // Withdrawn (with a reason), it no longer counts.
    app.ok(
        m,
        "mutation($i: ID!) { removeBonusAdjustment(input: { id: $i, reason: \"paid by the courier\" }) { adjustment { id } } }",
        json!({ "i": added["id"] }),
    )
    .await;
    let run = compute(&app, m, &w.team_a).await;
    assert_eq!(payout(&run, &w.designer_a_id)["total"], "1624.50");

    // Both adjustments and the withdrawal are in the audit trail.
    let trail: Vec<(String, Option<String>, Option<String>)> = {
        use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
        use shopops::entities::audit_entry;
        audit_entry::Entity::find()
            .filter(audit_entry::Column::SubjectKind.eq("BONUS_ADJUSTMENT"))
            .order_by_asc(audit_entry::Column::Id)
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .map(|e| (e.field, e.before, e.after))
            .collect()
    };
    let s = |v: &str| Some(v.to_owned());
    assert_eq!(
        trail,
        vec![
            ("month".into(), None, s(MONTH)),
            ("staff".into(), None, s(&w.designer_a_id)),
            ("amount".into(), None, s("100.00")),
            ("reason".into(), None, s("618 campaign extra banners")),
            ("month".into(), None, s(MONTH)),
            ("staff".into(), None, s(&w.cs_a2_id)),
            ("amount".into(), None, s("-600.00")),
            ("reason".into(), None, s("lost a customer's parcel")),
            ("amount".into(), s("100.00"), None),
            (
                "reason".into(),
                s("618 campaign extra banners"),
                s("paid by the courier")
            ),
        ]
    );
}

#[tokio::test]
async fn the_payroll_csv_has_a_column_per_rule() {
    let (app, s) = spawn().await;
    let w = &s.w;
    let m = &w.manager_a;
    let q = "query($t: ID!, $m: Month!) { payrollCsv(teamId: $t, month: $m) }";
    let vars = json!({ "t": w.team_a, "m": MONTH });
    let before = app.gql(Some(m), q, vars.clone()).await;
    assert_eq!(code(&before), "NOT_FOUND");
    app.ok(m, ADJUST, adjustment(w, &w.cs_a_id, "-5.25", "late twice"))
        .await;
    compute(&app, m, &w.team_a).await;
    let by_staff = app.gql(Some(&w.cs_a), q, vars.clone()).await;
    assert_eq!(code(&by_staff), "FORBIDDEN");
    let csv = app.ok(m, q, vars).await["payrollCsv"]
        .as_str()
        .unwrap()
        .to_owned();
    let expected = [
        "staff_id,staff,role,score,grade,GRADE_BONUS,COMMISSION,SCORE_BONUS,PER_UNIT_OVER_THRESHOLD,TEAM_RELATIVE,ADJUSTMENT,total".to_owned(),
        format!("{},boss.a@shop.test,OPERATIONS,100,S,1500.00,3750.00,,,,,5250.00", w.manager_a_id),
        format!("{},cs.a@shop.test,CUSTOMER_SERVICE,90.49,A,960.00,45.25,,,,-5.25,1000.00", w.cs_a_id),
        format!("{},cs.a2@shop.test,CUSTOMER_SERVICE,70,C,480.00,35.00,,,,,515.00", w.cs_a2_id),
        format!("{},art.a@shop.test,DESIGNER,87.5,B,,,1312.50,312.00,,,1624.50", w.designer_a_id),
        format!("{},ads1.a@shop.test,PROMOTION,100,S,1500.00,,,,1333.33,,2833.33", s.promo1_id),
        format!("{},ads2.a@shop.test,PROMOTION,50,D,0.00,,,,666.67,,666.67", s.promo2_id),
    ];
    assert_eq!(csv, expected.join("\n") + "\n");
}

#[tokio::test]
async fn staff_see_only_their_own_payout_and_only_once_finalized() {
    let (app, s) = spawn().await;
    let w = &s.w;
    compute(&app, &w.manager_a, &w.team_a).await;
    let draft = read_run(&app, &w.cs_a, &w.team_a).await;
    assert_eq!(code(&draft), "FORBIDDEN");
    let foreign = read_run(&app, &w.manager_b, &w.team_a).await;
    assert_eq!(code(&foreign), "FORBIDDEN");
    let by_staff = app
        .gql(
            Some(&w.cs_a),
            "mutation($t: ID!, $m: Month!) { computeBonusRun(input: { teamId: $t, month: $m }) { run { status } } }",
            json!({ "t": w.team_a, "m": MONTH }),
        )
        .await;
    assert_eq!(code(&by_staff), "FORBIDDEN");
    app.ok(
        &w.manager_a,
        "mutation($t: ID!, $m: Month!) { finalizeMonth(input: { teamId: $t, month: $m }) { monthClose { status } } }",
        json!({ "t": w.team_a, "m": MONTH }),
    )
    .await;
    let own = read_run(&app, &w.cs_a, &w.team_a).await["data"]["bonusRun"].clone();
    assert_eq!(
        (&own["status"], &own["total"], &own["payouts"]["totalCount"]),
        (&json!("FINALIZED"), &json!("1005.25"), &json!(1))
    );
    assert_eq!(payout(&own, &w.cs_a_id)["total"], "1005.25");
    let someone_else = app
        .gql(
            Some(&w.cs_a),
            "query($t: ID!, $m: Month!, $s: ID) { bonusRun(teamId: $t, month: $m) { payouts(staffId: $s) { totalCount } } }",
            json!({ "t": w.team_a, "m": MONTH, "s": w.cs_a2_id }),
        )
        .await;
    assert_eq!(code(&someone_else), "FORBIDDEN");
}

#[tokio::test]
async fn the_cli_computes_finalizes_and_exports_the_run() {
    let (app, s) = spawn().await;
    let w = &s.w;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("payroll-2026-10.csv");
    let cli = |extra: &[&str]| {
        let mut args = vec!["bonus", "--team", &w.team_a, "--month", MONTH];
        args.extend_from_slice(extra);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_shopops"))
            .env("DATABASE_URL", &app.database_url)
            .env("RUST_LOG", "warn")
            .args(&args)
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            out.status.success(),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
    };
    let draft = cli(&["--csv", file.to_str().unwrap()]);
    assert!(
        draft.starts_with(&format!(
            "bonus run of 2026-10, team {} (DRAFT): 6 payouts, total 11894.75\n",
            w.team_a
        )),
        "{draft}"
    );
    let api = app
        .ok(
            &w.manager_a,
            "query($t: ID!, $m: Month!) { payrollCsv(teamId: $t, month: $m) }",
            json!({ "t": w.team_a, "m": MONTH }),
        )
        .await["payrollCsv"]
        .clone();
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        api.as_str().unwrap()
    );

    // --override only goes with --finalize.
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_shopops"))
        .env("DATABASE_URL", &app.database_url)
        .args(["bonus", "--team", &w.team_a, "--month", MONTH, "--override"])
        .output()
        .unwrap();
    assert!(!refused.status.success());

    let finalized = cli(&["--finalize"]);
    assert!(
        finalized.starts_with(&format!("2026-10 of team {} is finalized\n", w.team_a)),
        "{finalized}"
    );
    assert!(
        finalized.contains("(FINALIZED): 6 payouts, total 11894.75"),
        "{finalized}"
    );
    assert!(
        finalized.contains(&format!("{:>6} cs.a@shop.test", w.cs_a_id)),
        "{finalized}"
    );
    // Afterwards the stored run is shown, not recomputed.
    let stored = cli(&["--csv", "-"]);
    assert!(stored.contains("is finalized: the stored run"), "{stored}");
    assert!(stored.ends_with(api.as_str().unwrap()), "{stored}");
    let close = app
        .ok(
            &w.manager_a,
            "query($t: ID!, $m: Month!) { monthClose(teamId: $t, month: $m) { status finalizedBy { id } auditTrail { nodes { actor { id } field } } } }",
            json!({ "t": w.team_a, "m": MONTH }),
        )
        .await;
    assert_eq!(
        close["monthClose"],
        json!({ "status": "FINALIZED", "finalizedBy": null,
                "auditTrail": { "nodes": [{ "actor": null, "field": "status" }] } })
    );
}
