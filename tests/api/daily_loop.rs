//! The team's working day, scripted: a week of data with planted problems, the morning
//! diagnosis, tasks for each role, the afternoon's moves, and the next morning's verification.
//!
//! The clock is the app's own, moved by hand: Tuesday 2026-03-10 (W) is the working day, Monday
//! 2026-03-09 (D) the day diagnosed, 03-02..03-08 its 7-day base. Asia/Shanghai is UTC+8, so
//! 09:00 local is 01:00Z and a task's default due time, 18:00 local, is 10:00Z.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::fixtures::{
    self, AdDay, AgentDay, Kind, ProductDay, ShopDay, ad_day, agent_day, new_product, product_day,
    snapshot,
};
use crate::helpers::{PASSWORD, TestApp, World, code, field, spawn_at, world};
use crate::ws;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().expect("RFC 3339 time")
}

const D: &str = "2026-03-09";
const W: &str = "2026-03-10";

fn week() -> Vec<String> {
    (2..=8).map(|d| format!("2026-03-0{d}")).collect()
}

/// Every base day: 1,000 visitors, 4,000 page views, 40 buyers paying ¥10,400 (AOV 260,
/// conversion 4 %), 500 bounced (50 %), refunds ¥208 (2 %), DSR 4.850 / 4.860 / 4.870.
fn shop_day(date: &str, page_views: i64, bounced: i64) -> ShopDay {
    fixtures::shop_day(date)
        .visitors(1000)
        .page_views(page_views)
        .paid_buyers(40)
        .paid_orders(40)
        .paid_units(48)
        .paid_amount("10400.00")
        .fav_cart_buyers(100)
        .bounced_visitors(bounced)
        .returning_visitors(200)
        .refund_amount("208.00")
        .refund_orders(1)
        .dsr_description("4.850")
        .dsr_service("4.860")
        .dsr_logistics("4.870")
        .store_level(3)
        .cost_of_goods("5000.00")
        .shipping_cost("400.00")
}

fn hero_day(product: &str, date: &str, bad_reviews: i64, stock: i64) -> ProductDay {
    product_day(date)
        .product(product)
        .visitors(400)
        .paid_buyers(20)
        .paid_units(24)
        .paid_amount("3800.00")
        .fav_cart_buyers(50)
        .bad_reviews(bad_reviews)
        .stock(stock)
}

fn ad(
    date: &str,
    channel: &str,
    owner: &str,
    imp: i64,
    clicks: i64,
    spend: &str,
    amount: &str,
) -> AdDay {
    ad_day(date, channel)
        .owner(owner)
        .impressions(imp)
        .clicks(clicks)
        .spend(spend)
        .attributed_orders(10)
        .attributed_amount(amount)
}

fn agent(
    staff: &str,
    date: &str,
    ordered: i64,
    paid: i64,
    sales: &str,
    first_sum: i64,
) -> AgentDay {
    agent_day(date)
        .staff(staff)
        .received(120)
        .inquiries(100)
        .ordered_buyers(ordered)
        .paid_buyers(paid)
        .sales_amount(sales)
        .first_response_seconds_sum(first_sum)
        .first_response_count(100)
}

struct Shop {
    w: World,
    hero: String,
    promoter_id: String,
}

/// Team A with a promoter, a hero product, targets for March (¥310,000 → ¥10,000 a day; ROI
/// 2.5) and the week D−7..D: D has bounce 74 %, cs_a converting 32 % against the team's 40 %,
/// ZTC at ROI 2.0, two bad reviews on the hero product and a rival's dress cut from ¥199 to ¥169.
async fn shop_with_planted_problems(app: &TestApp) -> Shop {
    let w = world(app).await;
    let m = &w.manager_a;
    let promoter_id = app
        .create_staff(m, &w.team_a, "ads.a@shop.test", "PROMOTION", "STAFF")
        .await;
    let hero = new_product(&w.team_a, "610001")
        .title("法式碎花连衣裙")
        .hero(true)
        .designer(&w.designer_a_id)
        .unit_cost("80.00");
    let hero = app.create_product(m, hero).await;
    let targets = json!([
        { "metric": "PAID_AMOUNT", "month": "2026-03", "value": "310000" },
        { "metric": "ROI", "month": "2026-03", "value": "2.5" },
    ]);
    app.set_targets(m, &w.team_a, targets).await;

    let mut shop: Vec<ShopDay> = week().iter().map(|d| shop_day(d, 4000, 500)).collect();
    shop.push(shop_day(D, 3000, 740));
    app.imported(m, Kind::Shop, &w.team_a, shop).await;

    let mut products: Vec<ProductDay> = week().iter().map(|d| hero_day(&hero, d, 0, 600)).collect();
    products.push(hero_day(&hero, D, 2, 500));
    app.imported(m, Kind::Product, &w.team_a, products).await;

    let mut ads = Vec::new();
    for d in week() {
        ads.push(ad(
            &d,
            "ZTC",
            &promoter_id,
            20000,
            400,
            "1000.00",
            "3000.00",
        ));
        ads.push(ad(
            &d,
            "TAOBAOKE",
            &promoter_id,
            5000,
            100,
            "500.00",
            "1500.00",
        ));
    }
    ads.push(ad(D, "ZTC", &promoter_id, 20000, 400, "1000.00", "2000.00"));
    ads.push(ad(
        D,
        "TAOBAOKE",
        &promoter_id,
        5000,
        100,
        "500.00",
        "1500.00",
    ));
    app.imported(m, Kind::Ad, &w.team_a, ads).await;

    let agents = vec![
        agent(&w.cs_a_id, D, 50, 32, "8320.00", 2000),
        agent(&w.cs_a2_id, D, 60, 48, "12480.00", 2500),
    ];
    app.imported(m, Kind::Agent, &w.team_a, agents).await;

    let snapshot = |date: &str, item: &str, price: &str| {
        snapshot(item, date).competitor("RivalShop").price(price)
    };
    let competitors = vec![
        snapshot("2026-03-02", "Floral dress", "199.00"),
        snapshot("2026-03-02", "Basic tee", "59.00"),
        snapshot(D, "Floral dress", "169.00"),
        snapshot(D, "Basic tee", "59.00"),
    ];
    app.imported(m, Kind::Competitor, &w.team_a, competitors)
        .await;
    Shop {
        w,
        hero,
        promoter_id,
    }
}

const FINDINGS: &str = "id code severity subject metric observed expected comparison ownerRole \
    ownerStaff { id } message current";

const TASK: &str = "id version status role priority dueAt reason title \
    assignee { id } finding { id code } allowedMoves";

async fn run_diagnosis(app: &TestApp, token: &str, team: &str) -> Value {
    let q = format!(
        "mutation($t: ID!) {{ runDiagnosis(input: {{ teamId: $t }}) {{ diagnosis {{ id date findings {{ {FINDINGS} }} skipped {{ code reason }} }} }} }}"
    );
    app.ok(token, &q, json!({ "t": team })).await["runDiagnosis"]["diagnosis"].clone()
}

async fn move_task(
    app: &TestApp,
    token: &str,
    task: &Value,
    to: &str,
    reason: Option<&str>,
) -> Value {
    let q = format!(
        "mutation($i: ID!, $v: Int!, $to: TaskStatus!, $r: String) {{ moveTask(input: {{ id: $i, version: $v, to: $to, reason: $r }}) {{ task {{ {TASK} }} }} }}"
    );
    let vars = json!({ "i": task["id"], "v": task["version"], "to": to, "r": reason });
    app.ok(token, &q, vars).await["moveTask"]["task"].clone()
}

fn by_code<'a>(list: &'a [Value], code: &str) -> &'a Value {
    list.iter()
        .find(|v| v["code"] == code || v["finding"]["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {list:?}"))
}

#[tokio::test]
async fn a_scripted_day_from_diagnosis_to_verification() {
    let app = spawn_at(at("2026-03-10T01:00:00Z")).await; // W 09:00 local
    let shop = shop_with_planted_problems(&app).await;
    let w = &shop.w;
    let m = &w.manager_a;
    let designer = app.login("art.a@shop.test", PASSWORD).await;
    let cs_a2 = app.login("cs.a2@shop.test", PASSWORD).await;
    let promoter = app.login("ads.a@shop.test", PASSWORD).await;

    let mut live = ws::connect(&app.url, m).await;
    let events = live
        .subscribe(
            "subscription($t: ID!) { taskEvents(teamId: $t) { kind taskId status assigneeId actorId } }",
            json!({ "t": w.team_a }),
        )
        .await;

    // Morning: yesterday's numbers.
    let diagnosis = run_diagnosis(&app, m, &w.team_a).await;
    assert_eq!(diagnosis["date"], D);
    assert_eq!(diagnosis["skipped"], json!([]));
    let findings = diagnosis["findings"].as_array().unwrap().clone();
    let summary: Vec<Value> = findings
        .iter()
        .map(|f| {
            json!([
                f["code"],
                f["severity"],
                f["metric"],
                f["observed"],
                f["expected"],
                f["comparison"],
                f["ownerRole"],
                f["ownerStaff"]["id"]
            ])
        })
        .collect();
    // Most severe first; rule order within a severity.
    assert_eq!(
        summary,
        vec![
            // 2 bad reviews on the hero product, against none.
            json!([
                "BAD_REVIEW",
                "HIGH",
                "bad_reviews",
                "2",
                "0",
                "THRESHOLD",
                "CUSTOMER_SERVICE",
                null
            ]),
            // ZTC: ¥2,000 / ¥1,000 = 2.0 against the ROI target 2.5; its owner gets it.
            json!([
                "AD_ROI_LOW",
                "HIGH",
                "roi",
                "2",
                "2.5",
                "DAILY_TARGET",
                "PROMOTION",
                shop.promoter_id
            ]),
            // 740 / 1,000 bounced = 74 % > 70 %.
            json!([
                "BOUNCE_HIGH",
                "MEDIUM",
                "bounce_rate",
                "0.74",
                "0.7",
                "THRESHOLD",
                "DESIGNER",
                null
            ]),
            // cs_a 32 / 100 = 32 %; the team (32 + 48) / 200 = 40 %: 8 points under.
            json!([
                "CS_CONVERSION_LAG",
                "MEDIUM",
                "inquiry_conversion",
                "0.32",
                "0.4",
                "TEAM",
                "CUSTOMER_SERVICE",
                w.cs_a_id
            ]),
            // ¥169 ≤ 90 % of ¥199 (179.10).
            json!([
                "COMPETITOR_PRICE_CUT",
                "MEDIUM",
                "price",
                "169",
                "199",
                "PREVIOUS_SNAPSHOT",
                "OPERATIONS",
                null
            ]),
        ]
    );
    assert_eq!(
        by_code(&findings, "BAD_REVIEW")["subject"],
        format!("product:{}", shop.hero)
    );
    assert_eq!(
        by_code(&findings, "BOUNCE_HIGH")["message"],
        "bounce rate (跳失率) 74% above 70%"
    );

    // Re-running the morning changes nothing and duplicates nothing.
    let again = run_diagnosis(&app, m, &w.team_a).await;
    assert_eq!(again["id"], diagnosis["id"]);
    assert_eq!(again["findings"], diagnosis["findings"]);

    // The manager gives the bad review to cs_a2 by hand, then the rest go by the rule.
    let q = format!(
        "mutation($d: ID!, $p: [FindingPick!]) {{ createTasksFromDiagnosis(input: {{ diagnosisId: $d, picks: $p }}) {{ tasks {{ {TASK} }} }} }}"
    );
    let bad_review = &by_code(&findings, "BAD_REVIEW")["id"];
    let picked = app
        .ok(m, &q, json!({ "d": diagnosis["id"], "p": [{ "findingId": bad_review, "assigneeId": w.cs_a2_id }] }))
        .await["createTasksFromDiagnosis"]["tasks"]
        .clone();
    let rest =
        app.ok(m, &q, json!({ "d": diagnosis["id"] })).await["createTasksFromDiagnosis"]["tasks"]
            .clone();
    let mut tasks: Vec<Value> = picked.as_array().unwrap().clone();
    tasks.extend(rest.as_array().unwrap().iter().cloned());
    let assigned: Vec<Value> = tasks
        .iter()
        .map(|t| {
            json!([
                t["finding"]["code"],
                t["role"],
                t["priority"],
                t["assignee"]["id"],
                t["status"],
                t["dueAt"]
            ])
        })
        .collect();
    assert_eq!(
        assigned,
        vec![
            json!([
                "BAD_REVIEW",
                "CUSTOMER_SERVICE",
                "HIGH",
                w.cs_a2_id,
                "TODO",
                "2026-03-10T10:00:00+00:00"
            ]),
            // The only designer; the agent and the channel owner the findings name; the only
            // operations person (the manager).
            json!([
                "BOUNCE_HIGH",
                "DESIGNER",
                "MEDIUM",
                w.designer_a_id,
                "TODO",
                "2026-03-10T10:00:00+00:00"
            ]),
            json!([
                "CS_CONVERSION_LAG",
                "CUSTOMER_SERVICE",
                "MEDIUM",
                w.cs_a_id,
                "TODO",
                "2026-03-10T10:00:00+00:00"
            ]),
            json!([
                "AD_ROI_LOW",
                "PROMOTION",
                "HIGH",
                shop.promoter_id,
                "TODO",
                "2026-03-10T10:00:00+00:00"
            ]),
            json!([
                "COMPETITOR_PRICE_CUT",
                "OPERATIONS",
                "MEDIUM",
                w.manager_a_id,
                "TODO",
                "2026-03-10T10:00:00+00:00"
            ]),
        ]
    );
    let of_diagnosis = app
        .ok(
            m,
            "query($d: ID!) { tasks(filter: { diagnosisId: $d }) { totalCount } }",
            json!({ "d": diagnosis["id"] }),
        )
        .await;
    assert_eq!(of_diagnosis["tasks"]["totalCount"], 5);
    // A finding that already has a task is not made twice.
    let twice = app
        .gql(
            Some(m),
            &q,
            json!({ "d": diagnosis["id"], "p": [{ "findingId": bad_review }] }),
        )
        .await;
    assert_eq!(code(&twice), "CONFLICT");
    let task = |c: &str| by_code(&tasks, c).clone();

    // Afternoon (15:00 local).
    app.clock.set(at("2026-03-10T07:00:00Z"));
    // What each may do next: the manager anything the machine allows, the assignee the moves
    // forward.
    let bounce = task("BOUNCE_HIGH");
    assert_eq!(
        bounce["allowedMoves"],
        json!(["IN_PROGRESS", "BLOCKED", "CANCELLED"])
    );
    let bounce = move_task(&app, &designer, &bounce, "IN_PROGRESS", None).await;
    assert_eq!(bounce["allowedMoves"], json!(["DONE", "BLOCKED"]));
    // A stale version changes nothing.
    let stale = app
        .gql(
            Some(&designer),
            "mutation($i: ID!) { moveTask(input: { id: $i, version: 1, to: DONE }) { task { id } } }",
            json!({ "i": bounce["id"] }),
        )
        .await;
    assert_eq!(code(&stale), "CONFLICT");
    // The designer may not verify their own work, nor skip ahead.
    let skip = app
        .gql(
            Some(&designer),
            "mutation($i: ID!, $v: Int!) { moveTask(input: { id: $i, version: $v, to: VERIFIED }) { task { id } } }",
            json!({ "i": bounce["id"], "v": bounce["version"] }),
        )
        .await;
    assert_eq!(code(&skip), "BAD_USER_INPUT");
    assert_eq!(field(&skip), "to");
    assert!(
        skip["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("allowed from IN_PROGRESS: DONE, BLOCKED, CANCELLED"),
        "{skip}"
    );
    app.ok(
        &designer,
        "mutation($i: ID!, $b: String!) { addFollowUp(input: { taskId: $i, body: $b }) { followUp { id } } }",
        json!({ "i": bounce["id"], "b": "新主图已上线 new main image is live" }),
    )
    .await;
    let bounce = move_task(&app, &designer, &bounce, "DONE", None).await;
    assert_eq!(bounce["status"], "DONE");
    assert_eq!(
        bounce["allowedMoves"],
        json!([]),
        "only the manager verifies"
    );

    let review = move_task(&app, &cs_a2, &task("BAD_REVIEW"), "IN_PROGRESS", None).await;
    move_task(&app, &cs_a2, &review, "DONE", None).await;
    let roi = move_task(&app, &promoter, &task("AD_ROI_LOW"), "IN_PROGRESS", None).await;
    move_task(&app, &promoter, &roi, "DONE", None).await;

    let lag = move_task(
        &app,
        &w.cs_a,
        &task("CS_CONVERSION_LAG"),
        "IN_PROGRESS",
        None,
    )
    .await;
    let no_reason = app
        .gql(
            Some(&w.cs_a),
            "mutation($i: ID!, $v: Int!) { moveTask(input: { id: $i, version: $v, to: BLOCKED }) { task { id } } }",
            json!({ "i": lag["id"], "v": lag["version"] }),
        )
        .await;
    assert_eq!(field(&no_reason), "reason");
    let lag = move_task(
        &app,
        &w.cs_a,
        &lag,
        "BLOCKED",
        Some("waiting for the chat logs"),
    )
    .await;
    assert_eq!(lag["reason"], "waiting for the chat logs");
    // Only the manager cancels.
    let comp = task("COMPETITOR_PRICE_CUT");
    let not_yours = app
        .gql(
            Some(&w.cs_a),
            "mutation($i: ID!, $v: Int!) { moveTask(input: { id: $i, version: $v, to: CANCELLED, reason: \"x\" }) { task { id } } }",
            json!({ "i": comp["id"], "v": comp["version"] }),
        )
        .await;
    assert_eq!(code(&not_yours), "FORBIDDEN");
    move_task(
        &app,
        m,
        &comp,
        "CANCELLED",
        Some("not matching a price war"),
    )
    .await;

    let board_q = "query($t: ID!, $d: Date) { dailyBoard(teamId: $t, day: $d) { day
        diagnosis { date } findingCounts { severity count }
        tasksByRole { role total byStatus { status count } tasks { id } }
        overdueCount completionRate
        awaitingVerification { id finding { code } verification { metric raisedOn raisedValue measuredOn measuredValue stillFiring } } } }";
    let board = app.ok(m, board_q, json!({ "t": w.team_a })).await["dailyBoard"].clone();
    assert_eq!(board["day"], W);
    assert_eq!(board["diagnosis"]["date"], D);
    assert_eq!(
        board["findingCounts"],
        json!([{ "severity": "HIGH", "count": 2 }, { "severity": "MEDIUM", "count": 3 },
               { "severity": "LOW", "count": 0 }])
    );
    let roles: Vec<Value> = board["tasksByRole"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let nonzero: Vec<Value> = r["byStatus"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|s| s["count"] != 0)
                .map(|s| json!([s["status"], s["count"]]))
                .collect();
            json!([r["role"], r["total"], nonzero])
        })
        .collect();
    assert_eq!(
        roles,
        vec![
            json!(["OPERATIONS", 1, [["CANCELLED", 1]]]),
            json!(["PROMOTION", 1, [["DONE", 1]]]),
            json!(["DESIGNER", 1, [["DONE", 1]]]),
            json!(["CUSTOMER_SERVICE", 2, [["BLOCKED", 1], ["DONE", 1]]]),
        ]
    );
    // Done 3 of the 4 not cancelled; nothing past 18:00 yet.
    assert_eq!(board["completionRate"], 0.75);
    assert_eq!(board["overdueCount"], 0);
    assert_eq!(board["awaitingVerification"], json!([]));

    // A staff member sees the same board, with only their own tasks listed.
    let staff_board =
        app.ok(&w.cs_a, board_q, json!({ "t": w.team_a })).await["dailyBoard"].clone();
    let listed: Vec<&Value> = staff_board["tasksByRole"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["tasks"].as_array().unwrap())
        .collect();
    assert_eq!(listed, vec![&json!({ "id": lag["id"] })]);

    // The next morning (W+1 09:00): W's numbers come in, bounce 60 %, no bad review, ZTC ROI 2.6.
    app.clock.set(at("2026-03-11T01:00:00Z"));
    app.imported(m, Kind::Shop, &w.team_a, vec![shop_day(W, 4000, 600)])
        .await;
    app.imported(
        m,
        Kind::Product,
        &w.team_a,
        vec![hero_day(&shop.hero, W, 0, 480)],
    )
    .await;
    app.imported(
        m,
        Kind::Ad,
        &w.team_a,
        vec![ad(
            W,
            "ZTC",
            &shop.promoter_id,
            20000,
            400,
            "1000.00",
            "2600.00",
        )],
    )
    .await;
    let board = app.ok(m, board_q, json!({ "t": w.team_a })).await["dailyBoard"].clone();
    assert_eq!(board["day"], "2026-03-11");
    // The blocked task is past its 18:00 due time.
    assert_eq!(board["overdueCount"], 1);
    let verifications: Vec<Value> = board["awaitingVerification"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| json!([t["finding"]["code"], t["verification"]]))
        .collect();
    let seen = |metric: &str, raised: &str, measured: &str| {
        json!({ "metric": metric, "raisedOn": D, "raisedValue": raised, "measuredOn": W,
                "measuredValue": measured, "stillFiring": false })
    };
    assert_eq!(
        verifications,
        vec![
            json!(["BAD_REVIEW", seen("bad_reviews", "2", "0")]),
            json!(["BOUNCE_HIGH", seen("bounce_rate", "0.74", "0.6")]),
            json!(["AD_ROI_LOW", seen("roi", "2", "2.6")]),
        ]
    );
    // The manager verifies all three; the board has nothing left to verify.
    let q = format!("query($i: ID!) {{ task(id: $i) {{ {TASK} }} }}");
    for t in board["awaitingVerification"].as_array().unwrap() {
        let current = app.ok(m, &q, json!({ "i": t["id"] })).await["task"].clone();
        assert_eq!(
            move_task(&app, m, &current, "VERIFIED", None).await["status"],
            "VERIFIED"
        );
    }
    let board = app
        .ok(m, board_q, json!({ "t": w.team_a, "d": "2026-03-11" }))
        .await["dailyBoard"]
        .clone();
    assert_eq!(board["awaitingVerification"], json!([]));

    // The bounce task's whole history.
    let trail = app
        .ok(
            m,
            "query($i: ID!) { task(id: $i) { followUps { body author { id } }
                auditTrail { actor { id } at field before after } } }",
            json!({ "i": bounce["id"] }),
        )
        .await["task"]
        .clone();
    assert_eq!(
        trail["followUps"],
        json!([{ "body": "新主图已上线 new main image is live", "author": { "id": w.designer_a_id } }])
    );
    let entries: Vec<Value> = trail["auditTrail"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            json!([
                e["actor"]["id"],
                e["at"],
                e["field"],
                e["before"],
                e["after"]
            ])
        })
        .collect();
    let (morning, afternoon, next) = (
        "2026-03-10T01:00:00+00:00",
        "2026-03-10T07:00:00+00:00",
        "2026-03-11T01:00:00+00:00",
    );
    let (boss, artist) = (&w.manager_a_id, &w.designer_a_id);
    assert_eq!(
        entries,
        vec![
            json!([boss, morning, "status", null, "TODO"]),
            json!([
                boss,
                morning,
                "title",
                null,
                "bounce rate (跳失率) 74% above 70%"
            ]),
            json!([boss, morning, "assignee", null, artist]),
            json!([boss, morning, "priority", null, "MEDIUM"]),
            json!([boss, morning, "dueAt", null, "2026-03-10T10:00:00+00:00"]),
            json!([artist, afternoon, "status", "TODO", "IN_PROGRESS"]),
            json!([
                artist,
                afternoon,
                "followUp",
                null,
                "新主图已上线 new main image is live"
            ]),
            json!([artist, afternoon, "status", "IN_PROGRESS", "DONE"]),
            json!([artist, afternoon, "completedAt", null, afternoon]),
            json!([boss, next, "status", "DONE", "VERIFIED"]),
        ]
    );

    // What the manager's live feed showed, in order.
    let mut feed = Vec::new();
    for _ in 0..18 {
        let e = live.event(&events).await;
        feed.push(json!([e["kind"], e["taskId"], e["status"]]));
    }
    let id = |c: &str| task(c)["id"].clone();
    let step = |kind: &str, c: &str, status: &str| json!([kind, id(c), status]);
    assert_eq!(
        feed,
        vec![
            step("CREATED", "BAD_REVIEW", "TODO"),
            step("CREATED", "BOUNCE_HIGH", "TODO"),
            step("CREATED", "CS_CONVERSION_LAG", "TODO"),
            step("CREATED", "AD_ROI_LOW", "TODO"),
            step("CREATED", "COMPETITOR_PRICE_CUT", "TODO"),
            step("STATUS_CHANGED", "BOUNCE_HIGH", "IN_PROGRESS"),
            step("FOLLOW_UP_ADDED", "BOUNCE_HIGH", "IN_PROGRESS"),
            step("STATUS_CHANGED", "BOUNCE_HIGH", "DONE"),
            step("STATUS_CHANGED", "BAD_REVIEW", "IN_PROGRESS"),
            step("STATUS_CHANGED", "BAD_REVIEW", "DONE"),
            step("STATUS_CHANGED", "AD_ROI_LOW", "IN_PROGRESS"),
            step("STATUS_CHANGED", "AD_ROI_LOW", "DONE"),
            step("STATUS_CHANGED", "CS_CONVERSION_LAG", "IN_PROGRESS"),
            step("STATUS_CHANGED", "CS_CONVERSION_LAG", "BLOCKED"),
            step("STATUS_CHANGED", "COMPETITOR_PRICE_CUT", "CANCELLED"),
            step("STATUS_CHANGED", "BAD_REVIEW", "VERIFIED"),
            step("STATUS_CHANGED", "BOUNCE_HIGH", "VERIFIED"),
            step("STATUS_CHANGED", "AD_ROI_LOW", "VERIFIED"),
        ]
    );
}
