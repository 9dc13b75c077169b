//! Month-end reviews (§7) for March 2026, worked out by hand for every role: the KPI library,
//! scores, totals, grades, the forced distribution, and the manager's adjustment.

use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use shopops::entities::{MonthStatus, month_close};

use crate::fixtures::{Kind, deliverable, new_product};
use crate::helpers::{TestApp, World, code, field, spawn_app, world};

const MONTH: &str = "2026-03";

struct Team {
    w: World,
    promoter_id: String,
}

/// Team A's March: the shop, one agent (cs_a; cs_a2 has no data), a promoter, the designer with
/// one owned product, and the targets each KPI is held against.
async fn march(app: &TestApp) -> Team {
    let w = world(app).await;
    let m = &w.manager_a;
    let promoter_id = app
        .create_staff(m, &w.team_a, "ads.a@shop.test", "PROMOTION", "STAFF")
        .await;
    let product = new_product(&w.team_a, "610001")
        .title("Dress")
        .hero(true)
        .designer(&w.designer_a_id)
        .unit_cost("80.00");
    let product = app.create_product(m, product).await;
    // Shop: 10,000 visitors, 400 buyers (4 %), ¥120,000 paid, ¥2,400 refunded (2 %), goods
    // ¥60,000 and shipping ¥3,600; with ¥1,000 of ads, net profit ¥53,000.
    app.imported(&w.manager_a, Kind::Shop, &w.team_a,
        json!([{ "date": "2026-03-10", "visitors": 10000, "pageViews": 40000, "paidBuyers": 400,
                 "paidOrders": 400, "paidUnits": 480, "paidAmount": "120000.00",
                 "refundAmount": "2400.00", "costOfGoods": "60000.00", "shippingCost": "3600.00" }]),
    )
    .await;
    // The designer's product: 1,000 visitors, 50 buyers (5 %).
    app.imported(
        &w.manager_a,
        Kind::Product,
        &w.team_a,
        json!([{ "productId": product, "date": "2026-03-10", "visitors": 1000, "paidBuyers": 50,
                 "paidUnits": 60, "paidAmount": "6000.00" }]),
    )
    .await;
    // cs_a: 90 inquiries, 36 paid (40 %), ¥9,000 (AOV 250), 97 of 100 replied, 40 s responses.
    app.imported(
        &w.manager_a,
        Kind::Agent,
        &w.team_a,
        json!([{ "staffId": w.cs_a_id, "date": "2026-03-05", "received": 100, "inquiries": 90,
                 "orderedBuyers": 40, "paidBuyers": 36, "salesAmount": "9000.00",
                 "responseSecondsSum": 4000, "responseCount": 100, "unreplied": 3 }]),
    )
    .await;
    // Promoter: 10,000 impressions, 400 clicks (CTR 4 %), ¥1,000 (CPC 2.50) for ¥3,000 (ROI 3).
    app.imported(
        &w.manager_a,
        Kind::Ad,
        &w.team_a,
        json!([{ "date": "2026-03-10", "channel": "ZTC", "ownerId": promoter_id,
                 "impressions": 10000, "clicks": 400, "spend": "1000.00",
                 "attributedOrders": 20, "attributedAmount": "3000.00" }]),
    )
    .await;
    // Designer: 4 pieces delivered in March, 3 of them by their due date.
    let piece = |r: &str, due: &str, delivered: &str| {
        deliverable(r)
            .designer_id(&w.designer_a_id)
            .requested_on("2026-03-01")
            .due_on(due)
            .delivered_on(delivered)
    };
    app.imported(
        &w.manager_a,
        Kind::Deliverable,
        &w.team_a,
        json!([
            piece("J-1", "2026-03-05", "2026-03-04"),
            piece("J-2", "2026-03-05", "2026-03-05"),
            piece("J-3", "2026-03-10", "2026-03-09"),
            piece("J-4", "2026-03-10", "2026-03-12"),
        ]),
    )
    .await;
    let target = |metric: &str, value: &str, staff: Option<&str>| json!({ "metric": metric, "month": MONTH, "value": value, "staffId": staff });
    app.set_targets(
        m,
        &w.team_a,
        json!([
            target("PAID_AMOUNT", "100000", None),
            target("CONVERSION_RATE", "0.05", None),
            target("REFUND_RATE", "0.025", None),
            target("NET_PROFIT", "50000", None),
            target("ROI", "2.5", None),
            target("SALES_AMOUNT", "10000", Some(&w.cs_a_id)),
            target("CPC", "2.00", Some(&promoter_id)),
            target("ATTRIBUTED_AMOUNT", "2000", Some(&promoter_id)),
            target("DELIVERED", "5", Some(&w.designer_a_id)),
        ]),
    )
    .await;
    Team { w, promoter_id }
}

const REVIEWS: &str = "query($t: ID!, $m: Month!) { reviews(teamId: $t, month: $m) {
    id staff { id } role total computedGrade grade demoted adjustmentReason comment
    lines { code value actual target score weight } } }";

async fn reviews(app: &TestApp, token: &str, team: &str) -> Vec<Value> {
    app.ok(token, REVIEWS, json!({ "t": team, "m": MONTH }))
        .await["reviews"]
        .as_array()
        .unwrap()
        .clone()
}

pub fn of<'a>(list: &'a [Value], staff: &str) -> &'a Value {
    list.iter()
        .find(|r| r["staff"]["id"] == staff)
        .unwrap_or_else(|| panic!("no review of {staff}"))
}

fn scores(review: &Value) -> Vec<Value> {
    review["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| json!([l["code"], l["actual"], l["target"], l["score"]]))
        .collect()
}

#[tokio::test]
async fn every_role_is_scored_by_its_scorecard() {
    let app = spawn_app().await;
    let t = march(&app).await;
    let w = &t.w;
    let list = reviews(&app, &w.manager_a, &w.team_a).await;
    assert_eq!(list.len(), 5, "everyone with a role");

    // Customer service through the tier table: completion 9,000 / 10,000 = 90 % is exactly on
    // the 85 tier; 36 / 90 = 40 % exactly on 80; AOV 250 exactly on 100; reply 97 % → 80;
    // 40 s → 80. (30·85 + 20·80 + 20·100 + 20·80 + 10·80) / 100 = 85.5 → B.
    let cs = of(&list, &w.cs_a_id);
    assert_eq!(
        scores(cs),
        vec![
            json!(["CS_SALES_COMPLETION", "0.9000", "10000.00", "85.00"]),
            json!(["CS_INQUIRY_CONVERSION", "0.4000", null, "80.00"]),
            json!(["CS_AOV", "250.00", null, "100.00"]),
            json!(["CS_REPLY_RATE", "0.9700", null, "80.00"]),
            json!(["CS_AVG_RESPONSE", "40.00", null, "80.00"]),
        ]
    );
    assert_eq!((&cs["total"], &cs["grade"]), (&json!("85.50"), &json!("B")));

    // Promotion, TARGET_RATIO capped at 120 %: ROI 3 / 2.5 = 1.2 → 120; CTR 4 % / 3 % → capped
    // 120; CPC 2.50 against 2.00, lower is better: 2 − 1.25 = 0.75 → 75; ¥3,000 / ¥2,000 →
    // capped 120. (40·120 + 20·120 + 20·75 + 20·120) / 100 = 111 → S.
    let promo = of(&list, &t.promoter_id);
    assert_eq!(
        scores(promo),
        vec![
            json!(["PROMO_ROI", "3.00", "2.50", "120.00"]),
            json!(["PROMO_CTR", "0.0400", "0.0300", "120.00"]),
            json!(["PROMO_CPC", "2.50", "2.00", "75.00"]),
            json!(["PROMO_ATTRIBUTED", "3000.00", "2000.00", "120.00"]),
        ]
    );
    assert_eq!(
        (&promo["total"], &promo["grade"]),
        (&json!("111.00"), &json!("S"))
    );

    // Designer: on time 3 / 4 = 75 % on LINEAR 70 %→100 %: 100 × 0.05 / 0.3 = 16.666… (shown
    // 16.67); 4 of 5 delivered → 80; owned conversion 5 % against the shop's 4 % → capped 120.
    // (40·16.666… + 30·80 + 30·120) / 100 = 66.666… (shown 66.67) → D.
    let designer = of(&list, &w.designer_a_id);
    assert_eq!(
        scores(designer),
        vec![
            json!(["DESIGN_ON_TIME", "0.7500", null, "16.67"]),
            json!(["DESIGN_DELIVERED", "4", "5", "80.00"]),
            json!(["DESIGN_OWNED_CONVERSION", "0.0500", "0.0400", "120.00"]),
        ]
    );
    assert_eq!(
        (&designer["total"], &designer["grade"]),
        (&json!("66.67"), &json!("D"))
    );

    // Operations: ¥120,000 / ¥100,000 → 120 (cap); 4 % / 5 % → 80; refunds 2 % against
    // 2.5 %, lower is better: 2 − 0.8 → 120; net ¥53,000 / ¥50,000 → 106.
    // (50·120 + 20·80 + 15·120 + 15·106) / 100 = 109.9 → S.
    let ops = of(&list, &w.manager_a_id);
    assert_eq!(
        scores(ops),
        vec![
            json!(["OPS_PAID_AMOUNT", "120000.00", "100000.00", "120.00"]),
            json!(["OPS_CONVERSION", "0.0400", "0.0500", "80.00"]),
            json!(["OPS_REFUND_RATE", "0.0200", "0.0250", "120.00"]),
            json!(["OPS_NET_PROFIT", "53000.00", "50000.00", "106.00"]),
        ]
    );
    assert_eq!(
        (&ops["total"], &ops["grade"]),
        (&json!("109.90"), &json!("S"))
    );

    // cs_a2 has no data and no sales target: nothing scored, no total, no grade.
    let idle = of(&list, &w.cs_a2_id);
    assert_eq!(
        (&idle["total"], &idle["grade"]),
        (&Value::Null, &Value::Null)
    );
    assert!(
        idle["lines"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["score"].is_null())
    );

    // Reading again changes nothing (drafts recompute idempotently).
    assert_eq!(reviews(&app, &w.manager_a, &w.team_a).await, list);
    // A member sees only their own review.
    let own = reviews(&app, &w.cs_a, &w.team_a).await;
    assert_eq!(own, vec![cs.clone()]);
}

#[tokio::test]
async fn a_recompute_rewrites_only_the_reviews_whose_figures_changed() {
    let app = spawn_app().await;
    let t = march(&app).await;
    let w = &t.w;
    let q = "query($t: ID!, $m: Month!) { reviews(teamId: $t, month: $m) {
        id staff { id } total computedAt } }";
    let read = || async {
        app.ok(&w.manager_a, q, json!({ "t": w.team_a, "m": MONTH }))
            .await["reviews"]
            .clone()
    };
    let first = read().await;
    // Nothing changed: nothing is rewritten, not even the time.
    assert_eq!(read().await, first);

    // cs_a2's first day of March: 20 inquiries, 9 paid. Only their review is recomputed.
    app.imported(
        &w.manager_a,
        Kind::Agent,
        &w.team_a,
        json!([{ "staffId": w.cs_a2_id, "date": "2026-03-12", "received": 25, "inquiries": 20,
                 "orderedBuyers": 10, "paidBuyers": 9, "salesAmount": "2250.00" }]),
    )
    .await;
    let after = read().await;
    let (before, now) = (first.as_array().unwrap(), after.as_array().unwrap());
    assert_eq!(before.len(), now.len());
    for (b, a) in before.iter().zip(now) {
        assert_eq!((&a["id"], &a["staff"]), (&b["id"], &b["staff"]));
        if a["staff"]["id"] == w.cs_a2_id {
            // 9 / 20 = 45 % → 100; AOV 2250 / 9 = 250 → 100; 25 of 25 replied → 100; no
            // response times and no sales target, so unscored: (3 × 20·100) / 60 = 100.
            assert_eq!((&b["total"], &a["total"]), (&Value::Null, &json!("100.00")));
            assert_ne!(a["computedAt"], b["computedAt"]);
        } else {
            assert_eq!(a, b);
        }
    }
}

#[tokio::test]
async fn the_forced_distribution_demotes_the_lowest_ranked_over_the_quota() {
    let app = spawn_app().await;
    let t = march(&app).await;
    let w = &t.w;
    let set = "mutation($t: ID!, $q: [GradeQuotaInput!]!) { setForcedDistribution(input: { teamId: $t, quotas: $q }) { quotas { grade max } } }";
    let by_staff = app
        .gql(Some(&w.cs_a), set, json!({ "t": w.team_a, "q": [] }))
        .await;
    assert_eq!(code(&by_staff), "FORBIDDEN");
    let bad = app
        .gql(
            Some(&w.manager_a),
            set,
            json!({ "t": w.team_a, "q": [{ "grade": "S", "max": "1.5" }] }),
        )
        .await;
    assert_eq!((code(&bad), field(&bad)), ("BAD_USER_INPUT", "max"));
    // Four people are graded (S 111, S 109.9, B 85.5, D 66.67): S ≤ 25 % allows floor(1) = 1.
    app.ok(
        &w.manager_a,
        set,
        json!({ "t": w.team_a, "q": [{ "grade": "S", "max": "0.25" }, { "grade": "A", "max": "0.5" }] }),
    )
    .await;
    let list = reviews(&app, &w.manager_a, &w.team_a).await;
    let grades = |id: &str| {
        let r = of(&list, id);
        json!([r["computedGrade"], r["grade"], r["demoted"]])
    };
    assert_eq!(grades(&t.promoter_id), json!(["S", "S", false]));
    // The second S (109.9) moves down to A; S + A (2) stays within floor(0.5 × 4) = 2.
    assert_eq!(grades(&w.manager_a_id), json!(["S", "A", true]));
    assert_eq!(grades(&w.cs_a_id), json!(["B", "B", false]));
    assert_eq!(grades(&w.designer_a_id), json!(["D", "D", false]));
    // Removing the quotas restores the computed grades.
    app.ok(&w.manager_a, set, json!({ "t": w.team_a, "q": [] }))
        .await;
    let list = reviews(&app, &w.manager_a, &w.team_a).await;
    assert_eq!(of(&list, &w.manager_a_id)["grade"], "S");
}

#[tokio::test]
async fn a_manager_adjusts_a_grade_with_a_reason_and_it_is_audited() {
    let app = spawn_app().await;
    let t = march(&app).await;
    let w = &t.w;
    let adjust = "mutation($t: ID!, $m: Month!, $s: ID!, $g: Grade, $r: String!) {
        adjustGrade(input: { teamId: $t, month: $m, staffId: $s, grade: $g, reason: $r }) { review { id grade computedGrade adjustmentReason } } }";
    let vars = |g: Value, r: &str| json!({ "t": w.team_a, "m": MONTH, "s": w.designer_a_id, "g": g, "r": r });
    let no_reason = app
        .gql(Some(&w.manager_a), adjust, vars(json!("C"), " "))
        .await;
    assert_eq!(
        (code(&no_reason), field(&no_reason)),
        ("BAD_USER_INPUT", "reason")
    );
    let by_staff = app.gql(Some(&w.cs_a), adjust, vars(json!("C"), "x")).await;
    assert_eq!(code(&by_staff), "FORBIDDEN");
    let adjusted = app
        .ok(
            &w.manager_a,
            adjust,
            vars(json!("C"), "led the store redesign"),
        )
        .await["adjustGrade"]["review"]
        .clone();
    assert_eq!(
        (
            &adjusted["grade"],
            &adjusted["computedGrade"],
            &adjusted["adjustmentReason"]
        ),
        (&json!("C"), &json!("D"), &json!("led the store redesign"))
    );
    // The adjustment survives recomputation, and a comment can be added.
    app.ok(
        &w.manager_a,
        "mutation($t: ID!, $m: Month!, $s: ID!) { commentReview(input: { teamId: $t, month: $m, staffId: $s, comment: \"good month\" }) { review { id } } }",
        json!({ "t": w.team_a, "m": MONTH, "s": w.designer_a_id }),
    )
    .await;
    let list = reviews(&app, &w.manager_a, &w.team_a).await;
    let r = of(&list, &w.designer_a_id);
    assert_eq!(
        (&r["grade"], &r["comment"]),
        (&json!("C"), &json!("good month"))
    );
    // Paginated, oldest first: one entry, then the next after its cursor.
    let page = "query($r: ID!, $after: String) { reviewAuditTrail(reviewId: $r, first: 1, after: $after) {
        totalCount nodes { actor { id } field before after } pageInfo { hasNextPage endCursor } } }";
    let first = app
        .ok(&w.manager_a, page, json!({ "r": adjusted["id"] }))
        .await;
    let first = &first["reviewAuditTrail"];
    assert_eq!(
        (
            &first["totalCount"],
            &first["nodes"],
            &first["pageInfo"]["hasNextPage"]
        ),
        (
            &json!(2),
            &json!([{ "actor": { "id": w.manager_a_id }, "field": "grade", "before": "D", "after": "C" }]),
            &json!(true)
        )
    );
    let second = app
        .ok(
            &w.manager_a,
            page,
            json!({ "r": adjusted["id"], "after": first["pageInfo"]["endCursor"] }),
        )
        .await;
    let second = &second["reviewAuditTrail"];
    assert_eq!(
        (&second["nodes"], &second["pageInfo"]["hasNextPage"]),
        (
            &json!([{ "actor": { "id": w.manager_a_id }, "field": "adjustmentReason",
                      "before": null, "after": "led the store redesign" }]),
            &json!(false)
        )
    );
    // Back to the computed grade.
    let back = app
        .ok(&w.manager_a, adjust, vars(Value::Null, "reconsidered"))
        .await;
    assert_eq!(back["adjustGrade"]["review"]["grade"], "D");
    assert_eq!(
        back["adjustGrade"]["review"]["adjustmentReason"],
        Value::Null
    );

    // A finalized month is read as stored and refuses changes.
    month_close::ActiveModel {
        team_id: Set(w.team_a.parse().unwrap()),
        month: Set("2026-03-01".parse().unwrap()),
        status: Set(MonthStatus::Finalized),
        version: Set(1),
        updated_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let locked = app
        .gql(Some(&w.manager_a), adjust, vars(json!("B"), "late"))
        .await;
    assert_eq!(code(&locked), "CONFLICT");
}

#[tokio::test]
async fn the_kpi_library_starts_from_the_defaults_and_a_manager_edits_it() {
    let app = spawn_app().await;
    let t = march(&app).await;
    let w = &t.w;
    let library = app
        .ok(
            &w.cs_a,
            "query($t: ID!) { kpiLibrary(teamId: $t) { code role metric method weight } }",
            json!({ "t": w.team_a }),
        )
        .await["kpiLibrary"]
        .clone();
    let codes: Vec<&str> = library
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), 16);
    assert_eq!(
        library[0],
        json!({ "code": "CS_SALES_COMPLETION", "role": "CUSTOMER_SERVICE", "metric": "SALES_AMOUNT",
                "method": "TIERS", "weight": "30" })
    );
    let set = "mutation($t: ID!, $k: [KpiInput!]!) { setRoleKpis(input: { teamId: $t, role: CUSTOMER_SERVICE, kpis: $k }) { kpis { code method tiers { threshold score } worst best target cap } } }";
    // One LINEAR KPI on inquiry conversion, 30 % → 0, 50 % → 100.
    let linear = json!({ "code": "cs_conv", "metric": "INQUIRY_CONVERSION", "direction": "HIGHER",
                         "method": "LINEAR", "worst": "0.30", "best": "0.50", "weight": "1" });
    let by_staff = app
        .gql(Some(&w.cs_a), set, json!({ "t": w.team_a, "k": [linear] }))
        .await;
    assert_eq!(code(&by_staff), "FORBIDDEN");
    let invalid = app
        .gql(
            Some(&w.manager_a),
            set,
            json!({ "t": w.team_a, "k": [{ "code": "OPS_CONVERSION", "metric": "REPLY_RATE",
                     "direction": "HIGHER", "method": "TIERS", "weight": "0" }] }),
        )
        .await;
    assert_eq!(code(&invalid), "BAD_USER_INPUT");
    let fields: Vec<&str> = invalid["errors"][0]["extensions"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["weight", "tiers", "code"]);
    let saved = app
        .ok(&w.manager_a, set, json!({ "t": w.team_a, "k": [linear] }))
        .await;
    assert_eq!(
        saved["setRoleKpis"]["kpis"],
        json!([{ "code": "CS_CONV", "method": "LINEAR", "tiers": null, "worst": "0.30",
                 "best": "0.50", "target": null, "cap": null }])
    );
    // cs_a's 40 % is now 100 × (0.40 − 0.30) / 0.20 = 50, and the total with it.
    let list = reviews(&app, &w.manager_a, &w.team_a).await;
    let cs = of(&list, &w.cs_a_id);
    assert_eq!(
        scores(cs),
        vec![json!(["CS_CONV", "0.4000", null, "50.00"])]
    );
    assert_eq!((&cs["total"], &cs["grade"]), (&json!("50.00"), &json!("D")));
}
