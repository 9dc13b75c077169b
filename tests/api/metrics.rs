//! Dashboards over imported data, with every expected number worked out by hand.

use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use shopops::entities::{Access, Role, staff};

use crate::fixtures::{self, Kind, new_product};
use crate::helpers::{PASSWORD, TestApp, World, code, spawn_app, world};

fn approx(v: &Value, expected: f64) {
    let got = v
        .as_f64()
        .unwrap_or_else(|| panic!("expected {expected}, got {v}"));
    assert!(
        (got - expected).abs() < 1e-9,
        "expected {expected}, got {got}"
    );
}

fn shop_day(date: &str, visitors: i64, buyers: i64, amount: &str) -> Value {
    let day = fixtures::shop_day(date)
        .visitors(visitors)
        .page_views(visitors * 3)
        .paid_buyers(buyers)
        .paid_orders(buyers)
        .paid_units(buyers * 4 / 3)
        .paid_amount(amount)
        .bounced_visitors(visitors / 2)
        .fav_cart_buyers(visitors / 10)
        .refund_amount("300.00")
        .cost_of_goods("2400.00")
        .shipping_cost("150.00");
    json!(day)
}

/// Nov 2026, team A. 11-02 (Mon) has zero traffic; 11-03..11-09 have 7,000 visitors, 210 buyers
/// and ¥42,000 in all (7-day means 1,000 / 30 / ¥6,000); 11-10 (Tue) is the day under review.
async fn import_shop(app: &TestApp, w: &World) {
    let mut rows = vec![json!({ "date": "2026-11-02", "visitors": 0, "pageViews": 0,
        "paidBuyers": 0, "paidOrders": 0, "paidUnits": 0, "paidAmount": "0" })];
    rows.push(shop_day("2026-11-03", 1200, 30, "6000.00"));
    for d in 4..=8 {
        rows.push(shop_day(&format!("2026-11-0{d}"), 1000, 30, "6000.00"));
    }
    rows.push(shop_day("2026-11-09", 800, 30, "6000.00"));
    rows.push(
        json!({ "date": "2026-11-10", "visitors": 800, "pageViews": 1600, "paidBuyers": 20,
        "paidOrders": 22, "paidUnits": 30, "paidAmount": "5000.00", "bouncedVisitors": 600,
        "favCartBuyers": 40, "refundAmount": "250.00", "costOfGoods": "2000.00",
        "shippingCost": "100.00", "dsrDescription": "4.812" }),
    );
    let outcome = app.imported(&w.manager_a, Kind::Shop, &w.team_a, rows);
    assert_eq!(outcome.await, (9, 0));

    let ad = |date: &str,
              channel: &str,
              imp: i64,
              clicks: i64,
              spend: &str,
              orders: i64,
              amount: &str| {
        json!({ "date": date, "channel": channel, "ownerId": w.manager_a_id, "impressions": imp,
                "clicks": clicks, "spend": spend, "attributedOrders": orders, "attributedAmount": amount })
    };
    let rows = json!([
        ad("2026-11-09", "ZTC", 8000, 150, "300.00", 6, "900.00"),
        ad("2026-11-10", "ZTC", 10000, 200, "400.00", 8, "1200.00"),
        ad("2026-11-10", "DISPLAY", 5000, 50, "100.00", 0, "0"),
    ]);
    app.imported(&w.manager_a, Kind::Ad, &w.team_a, rows).await;
}

const SHOP: &str = "query($t: ID!, $f: Date!, $to: Date!, $g: Granularity!) {
  shopMetrics(teamId: $t, from: $f, to: $to, granularity: $g) {
    periodStart periodEnd days visitors paidBuyers paidAmount conversionRate aov bounceRate
    visitDepth refundRate uvValue grossProfit netProfit adSpend adRoi dsrDescription } }";

#[tokio::test]
async fn shop_metrics_by_day_week_and_month_derive_from_sums() {
    let app = spawn_app().await;
    let w = world(&app).await;
    import_shop(&app, &w).await;
    let vars = |g: &str| json!({ "t": w.team_a, "f": "2026-11-02", "to": "2026-11-10", "g": g });

    let days = app.ok(&w.cs_a, SHOP, vars("DAY")).await["shopMetrics"].clone();
    assert_eq!(days.as_array().unwrap().len(), 9);
    // A day without visitors has no rates: x/0 is null, not 0.
    assert_eq!(days[0]["conversionRate"], Value::Null);
    assert_eq!(days[0]["aov"], Value::Null);
    let d = &days[8];
    approx(&d["conversionRate"], 20.0 / 800.0);
    assert_eq!(d["aov"], "250.00"); // 5000 / 20
    approx(&d["bounceRate"], 600.0 / 800.0);
    approx(&d["visitDepth"], 2.0);
    approx(&d["refundRate"], 250.0 / 5000.0);
    assert_eq!(d["uvValue"], "6.25"); // 5000 / 800
    assert_eq!(d["grossProfit"], "2650.00"); // 5000 − 250 − 2000 − 100
    assert_eq!(d["adSpend"], "500.00"); // ZTC 400 + DISPLAY 100
    assert_eq!(d["netProfit"], "2150.00");
    approx(&d["adRoi"], 1200.0 / 500.0);
    assert_eq!(d["dsrDescription"], "4.812");

    // ISO weeks: Mon 11-02..Sun 11-08, then Mon 11-09..Tue 11-10 (clipped to the range).
    let weeks = app.ok(&w.cs_a, SHOP, vars("WEEK")).await["shopMetrics"].clone();
    assert_eq!(weeks.as_array().unwrap().len(), 2);
    assert_eq!(weeks[0]["periodStart"], "2026-11-02");
    assert_eq!(weeks[0]["periodEnd"], "2026-11-08");
    assert_eq!(weeks[0]["days"], 7);
    assert_eq!(weeks[0]["visitors"], 6200); // 0 + 1200 + 5 × 1000
    assert_eq!(weeks[1]["periodEnd"], "2026-11-10");
    assert_eq!(weeks[1]["visitors"], 1600);
    assert_eq!(weeks[1]["paidAmount"], "11000.00");
    assert_eq!(weeks[1]["adSpend"], "800.00");
    approx(&weeks[1]["adRoi"], 2100.0 / 800.0);

    let month = app.ok(&w.cs_a, SHOP, vars("MONTH")).await["shopMetrics"].clone();
    assert_eq!(month[0]["visitors"], 7800);
    assert_eq!(month[0]["paidBuyers"], 230); // 7 × 30 + 20
    // Pooled: Σbuyers / Σvisitors, not the mean of daily rates.
    approx(&month[0]["conversionRate"], 230.0 / 7800.0);
    assert_eq!(month[0]["aov"], "204.35"); // 47000 / 230 = 204.347… half-up

    let bad = app
        .gql(
            Some(&w.cs_a),
            SHOP,
            json!({ "t": w.team_a, "f": "2026-11-10", "to": "2026-11-02", "g": "DAY" }),
        )
        .await;
    assert_eq!(code(&bad), "BAD_USER_INPUT");
    let other = app.gql(Some(&w.manager_b), SHOP, vars("DAY")).await;
    assert_eq!(code(&other), "FORBIDDEN");
}

#[tokio::test]
async fn a_day_against_its_comparisons_and_targets() {
    let app = spawn_app().await;
    let w = world(&app).await;
    import_shop(&app, &w).await;
    let q = "mutation($t: ID!, $x: [TargetInput!]!) { setTargets(input: { teamId: $t, targets: $x }) { targets { value } } }";
    let targets = json!([
        { "metric": "PAID_AMOUNT", "month": "2026-11", "value": "180000" },
        { "metric": "PAID_AMOUNT", "month": "2026-11", "date": "2026-11-10", "value": "5500" },
        { "metric": "CONVERSION_RATE", "month": "2026-11", "value": "0.03" },
        { "metric": "ROI", "month": "2026-11", "value": "2" },
    ]);
    app.ok(&w.manager_a, q, json!({ "t": w.team_a, "x": targets }))
        .await;

    let q = "query($t: ID!) { daySummary(teamId: $t, date: \"2026-11-10\") {
        day { paidAmount }
        comparisons { basis base { days visitors paidAmount }
          changes { metric value base changePct }
          gmvSplit { gmvChange trafficShare conversionShare aovShare } } } }";
    let s = app.ok(&w.cs_a, q, json!({ "t": w.team_a })).await["daySummary"].clone();
    assert_eq!(s["day"]["paidAmount"], "5000.00");
    let cmp = |basis: &str| {
        s["comparisons"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["basis"] == basis)
            .unwrap()
            .clone()
    };
    let change = |c: &Value, metric: &str| {
        c["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["metric"] == metric)
            .unwrap_or_else(|| panic!("{metric} missing in {c}"))
            .clone()
    };

    let prev = cmp("PREVIOUS_DAY");
    assert_eq!(prev["base"]["visitors"], 800);
    approx(
        &change(&prev, "PAID_AMOUNT")["changePct"],
        (5000.0 - 6000.0) / 6000.0 * 100.0,
    );
    approx(&change(&prev, "VISITORS")["changePct"], 0.0);

    let mean = cmp("PREVIOUS_7_DAY_MEAN");
    assert_eq!(mean["base"]["days"], 7);
    assert_eq!(mean["base"]["visitors"], 7000);
    approx(&change(&mean, "VISITORS")["base"], 1000.0);
    approx(&change(&mean, "VISITORS")["changePct"], -20.0);
    approx(&change(&mean, "CONVERSION_RATE")["base"], 210.0 / 7000.0);
    approx(&change(&mean, "AOV")["changePct"], 25.0); // 250 vs 42000/210 = 200
    // ln(0.8) + ln(0.025/0.03) + ln(1.25) = ln(5000/6000): shares of the log change.
    let split = &mean["gmvSplit"];
    assert_eq!(split["gmvChange"], "-1000.00");
    let total = (5000.0f64 / 6000.0).ln();
    approx(&split["trafficShare"], 0.8f64.ln() / total);
    approx(&split["conversionShare"], (0.025f64 / 0.03).ln() / total);
    approx(&split["aovShare"], 1.25f64.ln() / total);

    let week = cmp("SAME_WEEKDAY_LAST_WEEK");
    assert_eq!(week["base"]["visitors"], 1200); // Tue 11-03

    // The daily override (5,500) replaces 180,000 / 30; rates apply as set.
    let target = cmp("TARGET");
    assert_eq!(target["base"], Value::Null);
    approx(&change(&target, "PAID_AMOUNT")["base"], 5500.0);
    approx(
        &change(&target, "PAID_AMOUNT")["changePct"],
        (5000.0 - 5500.0) / 5500.0 * 100.0,
    );
    approx(
        &change(&target, "CONVERSION_RATE")["changePct"],
        (0.025 - 0.03) / 0.03 * 100.0,
    );
    approx(&change(&target, "AD_ROI")["changePct"], 20.0); // 2.4 vs 2.0
}

async fn import_agents(app: &TestApp, w: &World) {
    let rows = json!([
        { "staffId": w.cs_a_id, "date": "2026-11-10", "received": 12, "inquiries": 10,
          "orderedBuyers": 6, "paidBuyers": 5, "salesAmount": "1000.00",
          "firstResponseSecondsSum": 100, "firstResponseCount": 10,
          "responseSecondsSum": 300, "responseCount": 20 },
        { "staffId": w.cs_a2_id, "date": "2026-11-09", "received": 50, "inquiries": 40,
          "orderedBuyers": 15, "paidBuyers": 12, "salesAmount": "2400.00",
          "firstResponseSecondsSum": 1200, "firstResponseCount": 40 },
        { "staffId": w.cs_a2_id, "date": "2026-11-10", "received": 55, "inquiries": 50,
          "orderedBuyers": 20, "paidBuyers": 15, "salesAmount": "3000.00",
          "firstResponseSecondsSum": 1000, "firstResponseCount": 50, "unreplied": 5 },
    ]);
    app.imported(&w.manager_a, Kind::Agent, &w.team_a, rows)
        .await;
}

const RANKING: &str = "query($t: ID!, $s: CsMetric!) {
  csRanking(teamId: $t, from: \"2026-11-01\", to: \"2026-11-30\", sortBy: $s) {
    team { inquiries paidBuyers inquiryConversion avgFirstResponse salesAmount csAov replyRate }
    agents { totalCount edges { node { rank staffId staff { email team { name } }
      metrics { inquiryConversion avgFirstResponse salesAmount csAov }
      gap { inquiryConversionPts avgFirstResponse csAov } } } } } }";

#[tokio::test]
async fn cs_ranking_pools_the_team_and_gaps_are_in_points() {
    let app = spawn_app().await;
    let w = world(&app).await;
    import_agents(&app, &w).await;
    let r = app
        .ok(
            &w.cs_a,
            RANKING,
            json!({ "t": w.team_a, "s": "INQUIRY_CONVERSION" }),
        )
        .await["csRanking"]
        .clone();
    // Pooled: (5 + 27) / (10 + 90) = 0.32; the mean of the agents' rates would be 0.40.
    approx(&r["team"]["inquiryConversion"], 0.32);
    approx(&r["team"]["avgFirstResponse"], 23.0); // (100 + 2200) / (10 + 90)
    assert_eq!(r["team"]["salesAmount"], "6400.00");
    assert_eq!(r["team"]["csAov"], "200.00");
    approx(&r["team"]["replyRate"], 112.0 / 117.0); // (117 − 5) / 117
    let rows = r["agents"]["edges"].as_array().unwrap();
    assert_eq!(r["agents"]["totalCount"], 2);
    let first = &rows[0]["node"];
    assert_eq!(first["staffId"], json!(w.cs_a_id));
    assert_eq!(first["staff"]["team"]["name"], "Shop A");
    approx(&first["gap"]["inquiryConversionPts"], 18.0); // 50 % − 32 %
    let second = &rows[1]["node"];
    approx(&second["metrics"]["inquiryConversion"], 0.30); // 27 / 90
    approx(&second["gap"]["inquiryConversionPts"], -2.0);
    // Σseconds / Σresponses over both days (2200 / 90), not the mean of 30 s and 20 s.
    approx(&second["metrics"]["avgFirstResponse"], 2200.0 / 90.0);
    assert_eq!(second["gap"]["csAov"], "0.00");

    // Response times rank fastest first.
    let r = app
        .ok(
            &w.manager_a,
            RANKING,
            json!({ "t": w.team_a, "s": "AVG_FIRST_RESPONSE" }),
        )
        .await;
    assert_eq!(
        r["csRanking"]["agents"]["edges"][0]["node"]["staffId"],
        json!(w.cs_a_id)
    );
    let r = app
        .ok(
            &w.manager_a,
            RANKING,
            json!({ "t": w.team_a, "s": "SALES_AMOUNT" }),
        )
        .await;
    assert_eq!(
        r["csRanking"]["agents"]["edges"][0]["node"]["staffId"],
        json!(w.cs_a2_id)
    );

    // A team that hides the ranking shows it to managers only.
    app.ok(
        &w.manager_a,
        "mutation($t: ID!) { updateTeam(input: { id: $t, csRankingVisible: false }) { team { id } } }",
        json!({ "t": w.team_a }),
    )
    .await;
    let vars = json!({ "t": w.team_a, "s": "SALES_AMOUNT" });
    assert_eq!(
        code(&app.gql(Some(&w.cs_a), RANKING, vars.clone()).await),
        "FORBIDDEN"
    );
    app.ok(&w.manager_a, RANKING, vars.clone()).await;
    assert_eq!(
        code(&app.gql(Some(&w.manager_b), RANKING, vars).await),
        "FORBIDDEN"
    );
}

#[tokio::test]
async fn a_ranking_of_fifty_agents_costs_what_a_ranking_of_two_does() {
    let app = spawn_app().await;
    let w = world(&app).await;
    import_agents(&app, &w).await;
    // 50 agents in team B, inserted directly (hashing 50 passwords would only slow the test).
    let team_b: i64 = w.team_b.parse().unwrap();
    let mut rows = Vec::new();
    for i in 0..50 {
        let now = chrono::Utc::now();
        let agent = staff::ActiveModel {
            team_id: Set(Some(team_b)),
            name: Set(format!("Agent {i}")),
            email: Set(format!("agent{i}@shop.test")),
            password_hash: Set("x".into()),
            role: Set(Some(Role::CustomerService)),
            access: Set(Access::Staff),
            active: Set(true),
            session_epoch: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        rows.push(
            json!({ "staffId": agent.id.to_string(), "date": "2026-11-10", "received": 80,
            "inquiries": 20 + i, "orderedBuyers": 10, "paidBuyers": 5, "salesAmount": "500.00" }),
        );
    }
    let outcome = app.imported(&w.admin, Kind::Agent, &w.team_b, rows);
    assert_eq!(outcome.await.0, 50);

    let mut counts = Vec::new();
    for (team, n) in [(&w.team_a, 2), (&w.team_b, 50)] {
        let before = app.statements();
        let r = app
            .ok(&w.admin, RANKING, json!({ "t": team, "s": "SALES_AMOUNT" }))
            .await;
        assert_eq!(
            r["csRanking"]["agents"]["edges"].as_array().unwrap().len(),
            n
        );
        counts.push(app.statements() - before);
    }
    // token check + team + the aggregate + one batch of staff + one batch of teams
    assert_eq!(counts, [5, 5]);
}

#[tokio::test]
async fn ad_design_and_product_reports() {
    let app = spawn_app().await;
    let w = world(&app).await;
    import_shop(&app, &w).await;

    let q = "query($t: ID!) { adReport(teamId: $t, from: \"2026-11-09\", to: \"2026-11-10\") {
        total { spend attributedAmount roi }
        byChannel { channel metrics { impressions clicks spend ctr cpc cvr roi } }
        byOwner { ownerId metrics { spend } } } }";
    let r = app.ok(&w.manager_a, q, json!({ "t": w.team_a })).await["adReport"].clone();
    assert_eq!(r["total"]["spend"], "800.00");
    approx(&r["total"]["roi"], 2100.0 / 800.0);
    let ztc = &r["byChannel"][0];
    assert_eq!(ztc["channel"], "ZTC");
    assert_eq!(ztc["metrics"]["impressions"], 18000);
    approx(&ztc["metrics"]["ctr"], 350.0 / 18000.0);
    assert_eq!(ztc["metrics"]["cpc"], "2.00"); // 700 / 350
    approx(&ztc["metrics"]["cvr"], 14.0 / 350.0);
    approx(&ztc["metrics"]["roi"], 3.0); // 2100 / 700
    assert_eq!(r["byChannel"][1]["channel"], "DISPLAY");
    approx(&r["byChannel"][1]["metrics"]["roi"], 0.0);
    assert_eq!(r["byOwner"][0]["metrics"]["spend"], "800.00");
    // Staff see the channels but not other people's rows.
    let r = app.ok(&w.cs_a, q, json!({ "t": w.team_a })).await;
    assert_eq!(r["adReport"]["byOwner"], json!([]));

    let deliverables = json!([
        { "reference": "D1", "designerId": w.designer_a_id, "kind": "MAIN_IMAGE",
          "requestedOn": "2026-11-01", "dueOn": "2026-11-05", "deliveredOn": "2026-11-05", "revisions": 2 },
        { "reference": "D2", "designerId": w.designer_a_id, "kind": "DETAIL_PAGE",
          "requestedOn": "2026-11-02", "dueOn": "2026-11-04", "deliveredOn": "2026-11-06", "revisions": 1 },
        { "reference": "D3", "designerId": w.designer_a_id, "kind": "BANNER",
          "requestedOn": "2026-11-08", "dueOn": "2026-11-09" },
    ]);
    app.imported(&w.manager_a, Kind::Deliverable, &w.team_a, deliverables)
        .await;
    let q = "query($t: ID!) { designReport(teamId: $t, from: \"2026-11-01\", to: \"2026-11-10\") {
        designerId designer { email } delivered onTime onTimeRate revisions avgRevisions open overdue } }";
    let r = app.ok(&w.manager_a, q, json!({ "t": w.team_a })).await;
    let d = &r["designReport"][0];
    assert_eq!(d["designer"]["email"], "art.a@shop.test");
    assert_eq!(
        (d["delivered"].clone(), d["onTime"].clone()),
        (json!(2), json!(1))
    );
    approx(&d["onTimeRate"], 0.5);
    approx(&d["avgRevisions"], 1.5); // (2 + 1) / 2
    assert_eq!(
        (d["open"].clone(), d["overdue"].clone()),
        (json!(1), json!(1))
    );
    // Staff see their own row only (§9): the designer theirs, an agent none.
    let designer = app.login("art.a@shop.test", PASSWORD).await;
    let r = app.ok(&designer, q, json!({ "t": w.team_a })).await;
    assert_eq!(r["designReport"].as_array().unwrap().len(), 1);
    assert_eq!(r["designReport"][0]["designerId"], json!(w.designer_a_id));
    let r = app.ok(&w.cs_a, q, json!({ "t": w.team_a })).await;
    assert_eq!(r["designReport"], json!([]));

    for (item, hero) in [("P1", true), ("P2", false)] {
        let item = new_product(&w.team_a, item).hero(hero);
        app.create_product(&w.manager_a, item).await;
    }
    let rows = json!([
        { "platformItemId": "P1", "date": "2026-11-09", "visitors": 100, "paidBuyers": 10,
          "paidUnits": 10, "paidAmount": "1000.00", "stock": 50 },
        { "platformItemId": "P1", "date": "2026-11-10", "visitors": 100, "paidBuyers": 10,
          "paidUnits": 10, "paidAmount": "1000.00", "stock": 35, "badReviews": 1 },
        { "platformItemId": "P2", "date": "2026-11-10", "visitors": 300, "paidBuyers": 30,
          "paidUnits": 30, "paidAmount": "9000.00" },
    ]);
    app.imported(&w.manager_a, Kind::Product, &w.team_a, rows)
        .await;
    let q = "query($t: ID!) { productReport(teamId: $t, from: \"2026-11-04\", to: \"2026-11-10\") {
        totalCount edges { node { product { platformItemId isHero } paidAmount conversionRate
        badReviews stock recentDailyUnits stockCoverDays } } } }";
    let r = app.ok(&w.cs_a, q, json!({ "t": w.team_a })).await;
    let rows = r["productReport"]["edges"].as_array().unwrap();
    // The hero comes first although P2 sold more.
    let p1 = &rows[0]["node"];
    assert_eq!(p1["product"]["platformItemId"], "P1");
    assert_eq!(p1["paidAmount"], "2000.00");
    assert_eq!(
        (p1["badReviews"].clone(), p1["stock"].clone()),
        (json!(1), json!(35))
    );
    approx(&p1["recentDailyUnits"], 10.0); // 20 units over the 2 days with data
    approx(&p1["stockCoverDays"], 3.5); // 35 / 10
    let p2 = &rows[1]["node"];
    approx(&p2["conversionRate"], 0.1);
    assert_eq!(p2["stockCoverDays"], Value::Null);
}

#[tokio::test]
async fn a_persons_month_kpis_with_targets() {
    let app = spawn_app().await;
    let w = world(&app).await;
    import_agents(&app, &w).await;
    let q = "mutation($t: ID!, $x: [TargetInput!]!) { setTargets(input: { teamId: $t, targets: $x }) { targets { value } } }";
    let t = json!([{ "metric": "SALES_AMOUNT", "staffId": w.cs_a_id, "month": "2026-11", "value": "30000" }]);
    app.ok(&w.manager_a, q, json!({ "t": w.team_a, "x": t }))
        .await;

    let q = "query($t: ID!, $s: ID) { staffKpis(teamId: $t, month: \"2026-11\", staffId: $s) {
        staff { email } role values { metric value target } } }";
    let r = app
        .ok(&w.cs_a, q, json!({ "t": w.team_a, "s": null }))
        .await;
    let kpis = r["staffKpis"].as_array().unwrap();
    assert_eq!(kpis.len(), 1, "staff see only themselves");
    assert_eq!(
        kpis[0]["values"],
        json!([
            { "metric": "SALES_AMOUNT", "value": "1000.00", "target": "30000" },
            { "metric": "INQUIRY_CONVERSION", "value": "0.5000", "target": null },
            { "metric": "CS_AOV", "value": "200.00", "target": null },
            { "metric": "REPLY_RATE", "value": "1.0000", "target": null },
            { "metric": "AVG_RESPONSE", "value": "15.00", "target": null },
        ])
    );
    let other = app
        .gql(Some(&w.cs_a), q, json!({ "t": w.team_a, "s": w.cs_a2_id }))
        .await;
    assert_eq!(code(&other), "FORBIDDEN");
    // The manager sees the whole team: manager, two agents, a designer.
    let r = app
        .ok(&w.manager_a, q, json!({ "t": w.team_a, "s": null }))
        .await;
    assert_eq!(r["staffKpis"].as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn a_repeated_dashboard_is_cached_until_the_next_import() {
    let app = spawn_app().await;
    let w = world(&app).await;
    import_agents(&app, &w).await;
    let vars = json!({ "t": w.team_a, "s": "SALES_AMOUNT" });
    let run = || async {
        let before = app.statements();
        let r = app.ok(&w.manager_a, RANKING, vars.clone()).await;
        (
            app.statements() - before,
            r["csRanking"]["team"]["salesAmount"].clone(),
        )
    };
    // token check (which reads the caller's team too) + the aggregate + a batch of staff + a batch
    // of teams.
    assert_eq!(run().await, (4, json!("6400.00")));
    // Served from the cache: no aggregate query this time.
    assert_eq!(run().await, (3, json!("6400.00")));
    // An import of the team's data invalidates it at once.
    let row = json!([{ "staffId": w.cs_a_id, "date": "2026-11-10", "received": 12, "inquiries": 10,
        "orderedBuyers": 6, "paidBuyers": 5, "salesAmount": "1100.00" }]);
    let outcome = app.imported(&w.manager_a, Kind::Agent, &w.team_a, row);
    assert_eq!(outcome.await.1, 1);
    assert_eq!(run().await, (4, json!("6500.00")));
    // Another team's import leaves this team's entry alone.
    let row = json!([{ "staffId": w.cs_b_id, "date": "2026-11-10", "received": 1, "inquiries": 1,
        "orderedBuyers": 1, "paidBuyers": 1, "salesAmount": "1.00" }]);
    app.imported(&w.admin, Kind::Agent, &w.team_b, row).await;
    assert_eq!(run().await, (3, json!("6500.00")));
}

#[tokio::test]
async fn the_customer_service_raw_sums_read_back_pooled() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let rows = json!([
        { "staffId": w.cs_a_id, "date": "2026-11-10", "received": 20, "inquiries": 10,
          "orderedBuyers": 6, "paidBuyers": 5, "salesAmount": "1000.00",
          "firstResponseSecondsSum": 100, "firstResponseCount": 10,
          "responseSecondsSum": 300, "responseCount": 20, "buyerMessages": 80,
          "agentMessages": 100, "ratedGood": 9, "ratedBad": 1 },
        { "staffId": w.cs_a2_id, "date": "2026-11-10", "received": 30, "inquiries": 20,
          "orderedBuyers": 8, "paidBuyers": 6, "salesAmount": "1200.00",
          "firstResponseSecondsSum": 400, "firstResponseCount": 20,
          "responseSecondsSum": 900, "responseCount": 30, "buyerMessages": 120,
          "agentMessages": 110, "ratedGood": 6, "ratedBad": 4 },
    ]);
    app.imported(&w.manager_a, Kind::Agent, &w.team_a, rows)
        .await;
    let q = "query($t: ID!) { csRanking(teamId: $t, from: \"2026-11-01\", to: \"2026-11-30\",
        sortBy: SATISFACTION) { team { firstResponseSecondsSum firstResponseCount
        responseSecondsSum responseCount buyerMessages agentMessages ratedGood ratedBad
        answerRatio satisfaction } agents { edges { node { staffId metrics { ratedGood
        satisfaction } } } } } }";
    let r = app.ok(&w.manager_a, q, json!({ "t": w.team_a })).await["csRanking"].clone();
    let t = &r["team"];
    let sums: Vec<Value> = [
        "firstResponseSecondsSum",
        "firstResponseCount",
        "responseSecondsSum",
        "responseCount",
        "buyerMessages",
        "agentMessages",
        "ratedGood",
        "ratedBad",
    ]
    .iter()
    .map(|f| t[*f].clone())
    .collect();
    // 100 + 400, 10 + 20, 300 + 900, 20 + 30, 80 + 120, 100 + 110, 9 + 6, 1 + 4
    assert_eq!(json!(sums), json!([500, 30, 1200, 50, 200, 210, 15, 5]));
    approx(&t["answerRatio"], 210.0 / 200.0);
    approx(&t["satisfaction"], 15.0 / 20.0);
    // Ranked by satisfaction: cs_a 9 / 10 before cs_a2 6 / 10.
    let first = &r["agents"]["edges"][0]["node"];
    assert_eq!(first["staffId"], json!(w.cs_a_id));
    approx(&first["metrics"]["satisfaction"], 0.9);
}
