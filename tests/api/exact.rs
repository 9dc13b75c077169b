//! Month end on exact values (issue 12): tiers, scores, totals, grades and payouts come from the
//! exact quotients of the month's sums, never from their rounded display. Each case is one that
//! rounding first got wrong; the arithmetic is in the comments. October 2026.

use serde_json::{Value, json};

use crate::fixtures::Kind;
use crate::helpers::{TestApp, World, world};
use crate::reviews::of;

const MONTH: &str = "2026-10";

async fn targets(app: &TestApp, w: &World, list: Vec<(&str, &str, &str)>) {
    let x: Vec<Value> = list
        .into_iter()
        .map(|(metric, staff, value)| {
            json!({ "metric": metric, "month": MONTH, "value": value, "staffId": staff })
        })
        .collect();
    app.set_targets(&w.manager_a, &w.team_a, json!(x)).await;
}

async fn agent_days(app: &TestApp, w: &World, rows: Value) {
    app.imported(&w.manager_a, Kind::Agent, &w.team_a, rows)
        .await;
}

const REVIEWS: &str = "query($t: ID!, $m: Month!) { reviews(teamId: $t, month: $m) {
    staff { id } total computedGrade lines { code numerator denominator value actual target
    score } } }";

async fn reviews(app: &TestApp, w: &World) -> Vec<Value> {
    app.ok(&w.manager_a, REVIEWS, json!({ "t": w.team_a, "m": MONTH }))
        .await["reviews"]
        .as_array()
        .unwrap()
        .clone()
}

/// [code, actual, score] of each line.
fn scores(review: &Value) -> Vec<Value> {
    review["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| json!([l["code"], l["actual"], l["score"]]))
        .collect()
}

fn line<'a>(review: &'a Value, code: &str) -> &'a Value {
    review["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == code)
        .unwrap_or_else(|| panic!("no line {code} in {review}"))
}

#[tokio::test]
async fn customer_service_tiers_are_met_by_exact_values_only() {
    let app = crate::helpers::spawn_app().await;
    let w = world(&app).await;
    agent_days(
        &app,
        &w,
        json!([
            // cs_a: CS AOV 49999.00 / 200 = 249.995, under the 250 tier: 80, not 100.
            // Average response 70000036 s / 2000001 = 35.0000005 s, over ≤ 35 s: 80, not 100.
            // Conversion 200 / 400 = 50 % → 100; 100 of 100 replied → 100.
            { "staffId": w.cs_a_id, "date": "2026-10-12", "received": 400, "inquiries": 400,
              "orderedBuyers": 200, "paidBuyers": 200, "salesAmount": "49999.00",
              "responseSecondsSum": 70000036, "responseCount": 2000001, "unreplied": 0 },
            // cs_a2: inquiry conversion 45004 / 100009 = 0.4499995…, under 45 %: 80, not 100.
            // AOV 11251000.00 / 45004 = 250 → 100; all replied → 100; no response data.
            { "staffId": w.cs_a2_id, "date": "2026-10-12", "received": 100009,
              "inquiries": 100009, "orderedBuyers": 50000, "paidBuyers": 45004,
              "salesAmount": "11251000.00", "unreplied": 0 },
        ]),
    )
    .await;
    let list = reviews(&app, &w).await;

    let cs = of(&list, &w.cs_a_id);
    assert_eq!(
        scores(cs),
        vec![
            json!(["CS_SALES_COMPLETION", null, null]),
            json!(["CS_INQUIRY_CONVERSION", "0.5000", "100.00"]),
            json!(["CS_AOV", "249.995", "80.00"]),
            json!(["CS_REPLY_RATE", "1.0000", "100.00"]),
            json!(["CS_AVG_RESPONSE", "35.0000005", "80.00"]),
        ]
    );
    let aov = line(cs, "CS_AOV");
    assert_eq!(
        (&aov["numerator"], &aov["denominator"]),
        (&json!("49999.00"), &json!("200"))
    );
    // No sales target: completion unscored. (20·100 + 20·80 + 20·100 + 10·80) / 70
    // = 6400 / 70 = 91.428… → A (rounded first it was 7000 / 70 = 100 → S).
    assert_eq!(
        (&cs["total"], &cs["computedGrade"]),
        (&json!("91.43"), &json!("A"))
    );

    let cs2 = of(&list, &w.cs_a2_id);
    assert_eq!(
        scores(cs2),
        vec![
            json!(["CS_SALES_COMPLETION", null, null]),
            json!(["CS_INQUIRY_CONVERSION", "0.4499995", "80.00"]),
            json!(["CS_AOV", "250.00", "100.00"]),
            json!(["CS_REPLY_RATE", "1.0000", "100.00"]),
            json!(["CS_AVG_RESPONSE", null, null]),
        ]
    );
    // (20·80 + 20·100 + 20·100) / 60 = 5600 / 60 = 93.333… → A (rounded first: 100 → S).
    assert_eq!(
        (&cs2["total"], &cs2["computedGrade"]),
        (&json!("93.33"), &json!("A"))
    );
}

#[tokio::test]
async fn a_cpc_is_scored_on_its_unrounded_value() {
    let app = crate::helpers::spawn_app().await;
    let w = world(&app).await;
    let promoter = app
        .create_staff(
            &w.manager_a,
            &w.team_a,
            "ads.a@shop.test",
            "PROMOTION",
            "STAFF",
        )
        .await;
    // 100,000 impressions, 1,000 clicks (CTR 1 %), ¥1,234.00 spent: CPC 1.234, not 1.23.
    app.imported(
        &w.manager_a,
        Kind::Ad,
        &w.team_a,
        json!([{ "date": "2026-10-12", "channel": "ZTC", "ownerId": promoter,
                 "impressions": 100000, "clicks": 1000, "spend": "1234.00",
                 "attributedOrders": 10, "attributedAmount": "2468.00" }]),
    )
    .await;
    targets(
        &app,
        &w,
        vec![
            ("CPC", &promoter, "1.00"),
            ("ATTRIBUTED_AMOUNT", &promoter, "2468.00"),
        ],
    )
    .await;
    let list = reviews(&app, &w).await;
    let p = of(&list, &promoter);
    // ROI: no team ROI target, unscored. CTR 0.01 / 0.03 × 100 = 33.333…; CPC lower is better:
    // (2 − 1.234 / 1.00) × 100 = 76.6 (with 1.23 it was 77); attributed 2468 / 2468 → 100.
    assert_eq!(
        scores(p),
        vec![
            json!(["PROMO_ROI", "2.00", null]),
            json!(["PROMO_CTR", "0.0100", "33.33"]),
            json!(["PROMO_CPC", "1.234", "76.60"]),
            json!(["PROMO_ATTRIBUTED", "2468.00", "100.00"]),
        ]
    );
    // (20·33.333… + 20·76.6 + 20·100) / 60 = (666.666… + 1532 + 2000) / 60 = 69.977… → D
    // (shown 69.98: still under C's 70).
    assert_eq!(
        (&p["total"], &p["computedGrade"]),
        (&json!("69.98"), &json!("D"))
    );
}

#[tokio::test]
async fn a_designer_just_under_90_is_a_b_and_paid_on_the_exact_score() {
    let app = crate::helpers::spawn_app().await;
    let w = world(&app).await;
    // 23 pieces delivered in October, all by their due date: on time 100 % → 100.
    let pieces: Vec<Value> = (1..=23)
        .map(|i| {
            json!({ "reference": format!("J-{i}"), "designerId": w.designer_a_id,
                    "kind": "MAIN_IMAGE", "requestedOn": "2026-10-01", "dueOn": "2026-10-20",
                    "deliveredOn": "2026-10-15" })
        })
        .collect();
    app.imported(&w.manager_a, Kind::Deliverable, &w.team_a, json!(pieces))
        .await;
    // Delivered 23 against a target of 30.004: 2300 / 30.004 = 76.6564458… (shown 76.66).
    targets(&app, &w, vec![("DELIVERED", &w.designer_a_id, "30.004")]).await;
    let list = reviews(&app, &w).await;
    let d = of(&list, &w.designer_a_id);
    assert_eq!(
        scores(d),
        vec![
            json!(["DESIGN_ON_TIME", "1.0000", "100.00"]),
            json!(["DESIGN_DELIVERED", "23", "76.66"]),
            json!(["DESIGN_OWNED_CONVERSION", null, null]),
        ]
    );
    // No owned products: conversion unscored. (40·100 + 30·76.6564458…) / 70
    // = 6299.693374… / 70 = 89.99561… → B; shown 89.996, since 90.00 would read as an A
    // (rounding the score first gave (4000 + 30·76.66) / 70 = 89.997 → 90.00 → A).
    assert_eq!(
        (&d["total"], &d["computedGrade"]),
        (&json!("89.996"), &json!("B"))
    );

    // SCORE_BONUS ¥1500 × 89.99561… / 100 = 1349.934… → 1349.93 (not 1350.00); no products,
    // so PER_UNIT_OVER_THRESHOLD pays 0.
    let run = app
        .ok(
            &w.manager_a,
            "mutation($t: ID!, $m: Month!) { computeBonusRun(input: { teamId: $t, month: $m }) { run {
                payouts(first: 100) { edges { node { staff { id } total
                lines { rule formula amount } } } } } } }",
            json!({ "t": w.team_a, "m": MONTH }),
        )
        .await;
    let payout = run["computeBonusRun"]["run"]["payouts"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["node"])
        .find(|p| p["staff"]["id"] == w.designer_a_id)
        .unwrap();
    assert_eq!(
        payout["lines"][0],
        json!({ "rule": "SCORE_BONUS", "formula": "1500.00 × 89.99562… / 100",
                "amount": "1349.93" })
    );
    assert_eq!(payout["total"], json!("1349.93"));
}

#[tokio::test]
async fn customer_service_exactly_on_every_tier_of_the_default_library() {
    let app = crate::helpers::spawn_app().await;
    let w = world(&app).await;
    let mut agents = vec![w.cs_a_id.clone(), w.cs_a2_id.clone()];
    for i in 3..=6 {
        let email = format!("cs{i}.a@shop.test");
        agents.push(
            app.create_staff(&w.manager_a, &w.team_a, &email, "CUSTOMER_SERVICE", "STAFF")
                .await,
        );
    }
    // Agent k sits exactly on the k-th sales-completion tier and on the (k mod 3)-th tier of
    // the others: (paid, inquiries, sales, target, received, unreplied, response seconds per
    // 100 responses).
    //   k  completion          conversion   AOV          reply         response
    //   0  11250/11250  = 100%   45/100=45%   11250/45=250  98/100=98%    3500/100=35 s
    //   1  8280/9200    =  90%   36/90 =40%   8280/36 =230  95/100=95%    4500/100=45 s
    //   2  7350/9187.50 =  80%   35/100=35%   7350/35 =210  92/100=92%    5500/100=55 s
    //   3  15750/22500  =  70%   63/140=45%   15750/63=250  196/200=98%   35 s
    //   4  8280/13800   =  60%   36/90 =40%   230           95 %          45 s
    //   5  7350/18375   =  40%   35/100=35%   210           92 %          55 s
    let rows = [
        (45, 100, "11250.00", "11250", 100, 2, 3500),
        (36, 90, "8280.00", "9200", 100, 5, 4500),
        (35, 100, "7350.00", "9187.50", 100, 8, 5500),
        (63, 140, "15750.00", "22500", 200, 4, 3500),
        (36, 90, "8280.00", "13800", 100, 5, 4500),
        (35, 100, "7350.00", "18375", 100, 8, 5500),
    ];
    let days: Vec<Value> = agents
        .iter()
        .zip(rows)
        .map(
            |(id, (paid, inquiries, sales, _, received, unreplied, seconds))| {
                json!({ "staffId": id, "date": "2026-10-20", "received": received,
                    "inquiries": inquiries, "orderedBuyers": paid, "paidBuyers": paid,
                    "salesAmount": sales, "responseSecondsSum": seconds,
                    "responseCount": 100, "unreplied": unreplied })
            },
        )
        .collect();
    agent_days(&app, &w, json!(days)).await;
    targets(
        &app,
        &w,
        agents
            .iter()
            .zip(rows)
            .map(|(id, r)| ("SALES_AMOUNT", id.as_str(), r.3))
            .collect(),
    )
    .await;
    let list = reviews(&app, &w).await;
    let got: Vec<(Vec<Value>, Value, Value)> = agents
        .iter()
        .map(|id| {
            let r = of(&list, id);
            let s: Vec<Value> = r["lines"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["score"].clone())
                .collect();
            (s, r["total"].clone(), r["computedGrade"].clone())
        })
        .collect();
    let s = |list: [&str; 5]| list.iter().map(|v| json!(v)).collect::<Vec<_>>();
    assert_eq!(
        got,
        vec![
            // 30·100 + 20·100 + 20·100 + 20·100 + 10·100 = 10000 / 100 = 100 → S
            (
                s(["100.00", "100.00", "100.00", "100.00", "100.00"]),
                json!("100.00"),
                json!("S")
            ),
            // 30·85 + 20·80 + 20·80 + 20·80 + 10·80 = 8150 / 100 = 81.5 → B
            (
                s(["85.00", "80.00", "80.00", "80.00", "80.00"]),
                json!("81.50"),
                json!("B")
            ),
            // 30·70 + 20·60 + 20·60 + 20·60 + 10·60 = 6300 / 100 = 63 → D
            (
                s(["70.00", "60.00", "60.00", "60.00", "60.00"]),
                json!("63.00"),
                json!("D")
            ),
            // 30·55 + 3·20·100 + 10·100 = 8650 / 100 = 86.5 → B
            (
                s(["55.00", "100.00", "100.00", "100.00", "100.00"]),
                json!("86.50"),
                json!("B")
            ),
            // 30·40 + 3·20·80 + 10·80 = 6800 / 100 = 68 → D
            (
                s(["40.00", "80.00", "80.00", "80.00", "80.00"]),
                json!("68.00"),
                json!("D")
            ),
            // 30·20 + 3·20·60 + 10·60 = 4800 / 100 = 48 → D
            (
                s(["20.00", "60.00", "60.00", "60.00", "60.00"]),
                json!("48.00"),
                json!("D")
            ),
        ]
    );
}

#[tokio::test]
async fn any_catalogue_metric_is_a_kpi_with_its_own_direction() {
    let app = crate::helpers::spawn_app().await;
    let w = world(&app).await;
    let set = |role: &str| {
        format!(
            "mutation($t: ID!, $k: [KpiInput!]!) {{ setRoleKpis(input: {{ teamId: $t, role: {role}, kpis: $k }}) {{ kpis {{ code direction }} }} }}"
        )
    };
    let tiers = |code: &str, metric: &str, tiers: Value| {
        json!({ "code": code, "metric": metric, "method": "TIERS", "tiers": tiers,
                "weight": "1" })
    };
    // Customer service on satisfaction and first response; neither says its direction.
    let saved = app
        .ok(
            &w.manager_a,
            &set("CUSTOMER_SERVICE"),
            json!({ "t": w.team_a, "k": [
                tiers("CS_SAT", "SATISFACTION", json!([
                    { "threshold": "0.9", "score": "100" }, { "threshold": "0.8", "score": "50" }])),
                tiers("CS_FIRST", "AVG_FIRST_RESPONSE", json!([
                    { "threshold": "20", "score": "100" }, { "threshold": "30", "score": "60" }])),
            ] }),
        )
        .await;
    assert_eq!(
        saved["setRoleKpis"]["kpis"],
        json!([{ "code": "CS_SAT", "direction": "HIGHER" },
               { "code": "CS_FIRST", "direction": "LOWER" }])
    );
    // Operations on the shop's bounce rate and on the team's pooled inquiry conversion.
    app.ok(
        &w.manager_a,
        &set("OPERATIONS"),
        json!({ "t": w.team_a, "k": [
            { "code": "OPS_BOUNCE", "metric": "BOUNCE_RATE", "method": "TARGET_RATIO",
              "target": "FIXED", "value": "0.5", "weight": "1" },
            tiers("OPS_CS_CONV", "INQUIRY_CONVERSION", json!([{ "threshold": "0.3", "score": "100" }])),
        ] }),
    )
    .await;
    // Owned-product conversion is a designer's only.
    let refused = app
        .gql(
            Some(&w.manager_a),
            &set("CUSTOMER_SERVICE"),
            json!({ "t": w.team_a, "k": [tiers("CS_OWNED", "OWNED_CONVERSION", json!([
                { "threshold": "0.1", "score": "100" }]))] }),
        )
        .await;
    assert_eq!(crate::helpers::code(&refused), "BAD_USER_INPUT");
    assert_eq!(crate::helpers::field(&refused), "metric");

    app.imported(
        &w.manager_a,
        Kind::Shop,
        &w.team_a,
        json!([{ "date": "2026-10-12", "visitors": 1000, "pageViews": 3000, "paidBuyers": 30,
                 "paidOrders": 30, "paidUnits": 30, "paidAmount": "3000.00",
                 "bouncedVisitors": 400 }]),
    )
    .await;
    agent_days(
        &app,
        &w,
        json!([
            // cs_a: satisfaction 9 / (9 + 1) = 0.9 → 100; first response 300 / 10 = 30 s,
            // lower is better, not within 20 s: 60. (100 + 60) / 2 = 80 → B.
            { "staffId": w.cs_a_id, "date": "2026-10-12", "received": 20, "inquiries": 10,
              "orderedBuyers": 5, "paidBuyers": 4, "salesAmount": "400.00",
              "firstResponseSecondsSum": 300, "firstResponseCount": 10,
              "ratedGood": 9, "ratedBad": 1 },
            { "staffId": w.cs_a2_id, "date": "2026-10-12", "received": 20, "inquiries": 10,
              "orderedBuyers": 1, "paidBuyers": 1, "salesAmount": "100.00" },
        ]),
    )
    .await;
    let list = reviews(&app, &w).await;
    assert_eq!(
        scores(of(&list, &w.cs_a_id)),
        vec![
            json!(["CS_SAT", "0.9000", "100.00"]),
            json!(["CS_FIRST", "30.00", "60.00"]),
        ]
    );
    // Bounce 400 / 1000 = 0.4 against 0.5, lower is better: 2 − 0.8 = 1.2 → 120 (the cap).
    // The team's conversion (4 + 1) / (10 + 10) = 0.25, under 0.3: 0. (120 + 0) / 2 = 60.
    let ops = of(&list, &w.manager_a_id);
    assert_eq!(
        scores(ops),
        vec![
            json!(["OPS_BOUNCE", "0.4000", "120.00"]),
            json!(["OPS_CS_CONV", "0.2500", "0.00"]),
        ]
    );
    assert_eq!(ops["total"], json!("60.00"));
}

#[tokio::test]
async fn the_catalogue_lists_every_metric_with_its_unit_and_direction() {
    let app = crate::helpers::spawn_app().await;
    let w = world(&app).await;
    let q = "{ metricCatalogue { metric name label unit places direction isSum ownRole } }";
    assert_eq!(
        crate::helpers::code(&app.gql(None, q, json!({})).await),
        "UNAUTHENTICATED"
    );
    let list = app.ok(&w.cs_a, q, json!({})).await["metricCatalogue"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(list.len(), 33, "every metric of DOMAIN §3");
    let find = |m: &str| list.iter().find(|d| d["metric"] == m).unwrap().clone();
    assert_eq!(
        find("AVG_RESPONSE"),
        json!({ "metric": "AVG_RESPONSE", "name": "avg_response", "label": "平均响应时间",
                "unit": "SECONDS", "places": 2, "direction": "LOWER", "isSum": false,
                "ownRole": "CUSTOMER_SERVICE" })
    );
    assert_eq!(
        find("CONVERSION_RATE"),
        json!({ "metric": "CONVERSION_RATE", "name": "conversion_rate", "label": "支付转化率",
                "unit": "RATE", "places": 4, "direction": "HIGHER", "isSum": false,
                "ownRole": null })
    );
    assert_eq!(find("GROSS_PROFIT")["isSum"], json!(true));
}
