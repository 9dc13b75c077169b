//! Reading back what is imported (issue 12): competitor snapshots as price histories, and design
//! deliverables with their on-time and overdue state on the team's day, with §9 access.

use serde_json::{Value, json};

use crate::fixtures::{Kind, new_product};
use crate::helpers::{PASSWORD, TestApp, World, code, field, spawn_app, spawn_at, world};

const SNAPSHOTS: &str = "query($t: ID!, $c: String, $i: String, $f: Date, $to: Date,
    $n: Int!, $a: String) {
  competitorSnapshots(teamId: $t, competitor: $c, item: $i, from: $f, to: $to, first: $n,
      after: $a) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { node { competitor item date price estMonthlySales promotion keywords } } } }";

const TRACKED: &str = "query($t: ID!, $c: String) {
  competitors(teamId: $t, competitor: $c) { competitor item latest { date price promotion } } }";

const DELIVERABLES: &str = "query($t: ID!, $d: ID, $s: DeliverableStatus, $f: Date,
    $to: Date, $n: Int!, $a: String) {
  designDeliverables(teamId: $t, designerId: $d, status: $s, dueFrom: $f, dueTo: $to, first: $n,
      after: $a) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { node { reference designerId designer { name } productId kind requestedOn dueOn
      deliveredOn revisions onTime overdue } } } }";

/// `vars` with the team and, unless given, a page of 100.
fn with_defaults(team: &str, mut vars: Value) -> Value {
    vars["t"] = json!(team);
    if vars.get("n").is_none() {
        vars["n"] = json!(100);
    }
    vars
}

/// The connection `name` of a query that must succeed.
async fn connection(app: &TestApp, token: &str, query: &str, name: &str, vars: Value) -> Value {
    app.ok(token, query, vars).await[name].clone()
}

/// The nodes of a connection.
fn nodes(conn: &Value) -> Vec<Value> {
    conn["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("not a connection: {conn}"))
        .iter()
        .map(|e| e["node"].clone())
        .collect()
}

/// One field of every node, e.g. the references of a page of deliverables.
fn column(conn: &Value, name: &str) -> Vec<Value> {
    nodes(conn).iter().map(|n| n[name].clone()).collect()
}

async fn snapshots(app: &TestApp, token: &str, team: &str, vars: Value) -> Value {
    let vars = with_defaults(team, vars);
    connection(app, token, SNAPSHOTS, "competitorSnapshots", vars).await
}

async fn deliverables(app: &TestApp, token: &str, team: &str, vars: Value) -> Value {
    let vars = with_defaults(team, vars);
    connection(app, token, DELIVERABLES, "designDeliverables", vars).await
}

/// Two competing shops, three items, five days, imported out of order.
async fn import_snapshots(app: &TestApp, w: &World) {
    let rows = json!([
        { "competitor": "对手旗舰店", "item": "雪纺连衣裙", "date": "2026-11-03", "price": "129.90",
          "estMonthlySales": 4100, "promotion": "COUPON", "keywords": "连衣裙 夏季" },
        { "competitor": "竞品专营店", "item": "雪纺连衣裙", "date": "2026-11-01", "price": "189.5",
          "estMonthlySales": 800, "promotion": "DISCOUNT" },
        { "competitor": "对手旗舰店", "item": "雪纺连衣裙", "date": "2026-11-01", "price": "199",
          "estMonthlySales": 3200, "promotion": "FULL_REDUCTION", "keywords": "连衣裙 雪纺" },
        { "competitor": "对手旗舰店", "item": "真丝衬衫", "date": "2026-11-02", "price": "259.00" },
        { "competitor": "对手旗舰店", "item": "雪纺连衣裙", "date": "2026-11-02", "price": "179.00",
          "estMonthlySales": 3300 },
    ]);
    let outcome = app.imported(&w.manager_a, Kind::Competitor, &w.team_a, rows);
    assert_eq!(outcome.await, (5, 0));
}

fn snapshot(
    competitor: &str,
    item: &str,
    date: &str,
    price: &str,
    sales: i64,
    promotion: &str,
    keywords: Option<&str>,
) -> Value {
    json!({ "competitor": competitor, "item": item, "date": date, "price": price,
            "estMonthlySales": sales, "promotion": promotion, "keywords": keywords })
}

/// Every snapshot in the order of a price history: competitor, item, then date. (Names sort by
/// code point: 对 U+5BF9 < 竞 U+7ADE, 真 U+771F < 雪 U+96EA.)
fn all_snapshots() -> Vec<Value> {
    vec![
        snapshot(
            "对手旗舰店",
            "真丝衬衫",
            "2026-11-02",
            "259.00",
            0,
            "NONE",
            None,
        ),
        snapshot(
            "对手旗舰店",
            "雪纺连衣裙",
            "2026-11-01",
            "199.00", // imported as "199": money is shown with two decimals
            3200,
            "FULL_REDUCTION",
            Some("连衣裙 雪纺"),
        ),
        snapshot(
            "对手旗舰店",
            "雪纺连衣裙",
            "2026-11-02",
            "179.00",
            3300,
            "NONE",
            None,
        ),
        snapshot(
            "对手旗舰店",
            "雪纺连衣裙",
            "2026-11-03",
            "129.90",
            4100,
            "COUPON",
            Some("连衣裙 夏季"),
        ),
        snapshot(
            "竞品专营店",
            "雪纺连衣裙",
            "2026-11-01",
            "189.50",
            800,
            "DISCOUNT",
            None,
        ),
    ]
}

#[tokio::test]
async fn competitor_snapshots_read_back_as_price_histories() {
    let app = spawn_app().await;
    let w = world(&app).await;
    import_snapshots(&app, &w).await;

    let all = snapshots(&app, &w.manager_a, &w.team_a, json!({})).await;
    assert_eq!(all["totalCount"], 5);
    assert_eq!(all["pageInfo"]["hasNextPage"], false);
    assert_eq!(nodes(&all), all_snapshots());

    // One item at one competitor: its price history, oldest day first (199.00 → 179.00 → 129.90).
    let history = snapshots(
        &app,
        &w.manager_a,
        &w.team_a,
        json!({ "c": "对手旗舰店", "i": "雪纺连衣裙" }),
    )
    .await;
    assert_eq!(nodes(&history), all_snapshots()[1..4].to_vec());

    // The same item at every competitor.
    let item = snapshots(&app, &w.manager_a, &w.team_a, json!({ "i": "雪纺连衣裙" })).await;
    assert_eq!(item["totalCount"], 4);
    assert_eq!(nodes(&item), all_snapshots()[1..].to_vec());

    // Names are matched as imported (trimmed); a name nobody imported matches nothing.
    let padded = snapshots(
        &app,
        &w.manager_a,
        &w.team_a,
        json!({ "c": " 竞品专营店 " }),
    )
    .await;
    assert_eq!(nodes(&padded), all_snapshots()[4..].to_vec());
    let nobody = snapshots(&app, &w.manager_a, &w.team_a, json!({ "c": "对手" })).await;
    assert_eq!(nobody["totalCount"], 0);

    // Date windows are inclusive at both ends, and either end may be left open.
    let window = snapshots(
        &app,
        &w.manager_a,
        &w.team_a,
        json!({ "f": "2026-11-02", "to": "2026-11-02" }),
    )
    .await;
    assert_eq!(
        nodes(&window),
        vec![all_snapshots()[0].clone(), all_snapshots()[2].clone()]
    );
    let since = snapshots(&app, &w.manager_a, &w.team_a, json!({ "f": "2026-11-03" })).await;
    assert_eq!(nodes(&since), all_snapshots()[3..4].to_vec());
    let until = snapshots(&app, &w.manager_a, &w.team_a, json!({ "to": "2026-11-01" })).await;
    assert_eq!(
        nodes(&until),
        vec![all_snapshots()[1].clone(), all_snapshots()[4].clone()]
    );

    // Another team's snapshots are its own.
    let other = snapshots(&app, &w.manager_b, &w.team_b, json!({})).await;
    assert_eq!(other["totalCount"], 0);
}

#[tokio::test]
async fn competitor_snapshots_page_through_with_after() {
    let app = spawn_app().await;
    let w = world(&app).await;
    import_snapshots(&app, &w).await;
    let expected = all_snapshots();

    // 5 snapshots in pages of 2: the cursor carries (competitor, item, date), so a page may end
    // inside one item's history and the next one goes on from there.
    let one = snapshots(&app, &w.cs_a, &w.team_a, json!({ "n": 2 })).await;
    assert_eq!(nodes(&one), expected[0..2].to_vec());
    assert_eq!(one["totalCount"], 5);
    assert_eq!(one["pageInfo"]["hasNextPage"], true);
    assert_eq!(one["pageInfo"]["hasPreviousPage"], false);

    let after = one["pageInfo"]["endCursor"].clone();
    let two = snapshots(&app, &w.cs_a, &w.team_a, json!({ "n": 2, "a": after })).await;
    assert_eq!(nodes(&two), expected[2..4].to_vec());
    assert_eq!(two["totalCount"], 5);
    assert_eq!(two["pageInfo"]["hasNextPage"], true);
    assert_eq!(two["pageInfo"]["hasPreviousPage"], true);

    let after = two["pageInfo"]["endCursor"].clone();
    let three = snapshots(&app, &w.cs_a, &w.team_a, json!({ "n": 2, "a": after })).await;
    assert_eq!(nodes(&three), expected[4..].to_vec());
    assert_eq!(three["pageInfo"]["hasNextPage"], false);

    // A snapshot imported later into an earlier part of the order does not shift later pages.
    let late = json!([{ "competitor": "对手旗舰店", "item": "真丝衬衫", "date": "2026-11-01",
                        "price": "269.00" }]);
    let outcome = app.imported(&w.manager_a, Kind::Competitor, &w.team_a, late);
    assert_eq!(outcome.await, (1, 0));
    let after = one["pageInfo"]["endCursor"].clone();
    let again = snapshots(&app, &w.cs_a, &w.team_a, json!({ "n": 2, "a": after })).await;
    assert_eq!(nodes(&again), expected[2..4].to_vec());
    assert_eq!(again["totalCount"], 6);

    // `first` is 1..100, and `after` must be a cursor of this list.
    let vars = with_defaults(&w.team_a, json!({ "n": 0 }));
    let bad = app.gql(Some(&w.cs_a), SNAPSHOTS, vars).await;
    assert_eq!((code(&bad), field(&bad)), ("BAD_USER_INPUT", "first"));
    let vars = with_defaults(&w.team_a, json!({ "n": 101 }));
    let bad = app.gql(Some(&w.cs_a), SNAPSHOTS, vars).await;
    assert_eq!((code(&bad), field(&bad)), ("BAD_USER_INPUT", "first"));
    let vars = with_defaults(&w.team_a, json!({ "a": "not-a-cursor" }));
    let bad = app.gql(Some(&w.cs_a), SNAPSHOTS, vars).await;
    assert_eq!((code(&bad), field(&bad)), ("BAD_USER_INPUT", "after"));
}

#[tokio::test]
async fn competitors_lists_each_tracked_item_with_its_latest_snapshot() {
    let app = spawn_app().await;
    let w = world(&app).await;
    import_snapshots(&app, &w).await;

    let data = app.ok(&w.cs_a, TRACKED, json!({ "t": w.team_a })).await;
    assert_eq!(
        data["competitors"],
        json!([
            { "competitor": "对手旗舰店", "item": "真丝衬衫",
              "latest": { "date": "2026-11-02", "price": "259.00", "promotion": "NONE" } },
            // 11-03 is the last of 11-01, 11-02 and 11-03.
            { "competitor": "对手旗舰店", "item": "雪纺连衣裙",
              "latest": { "date": "2026-11-03", "price": "129.90", "promotion": "COUPON" } },
            { "competitor": "竞品专营店", "item": "雪纺连衣裙",
              "latest": { "date": "2026-11-01", "price": "189.50", "promotion": "DISCOUNT" } },
        ])
    );
    let one = app
        .ok(
            &w.cs_a,
            TRACKED,
            json!({ "t": w.team_a, "c": "竞品专营店" }),
        )
        .await;
    assert_eq!(one["competitors"].as_array().unwrap().len(), 1);
    assert_eq!(one["competitors"][0]["latest"]["price"], "189.50");

    let none = app
        .ok(&w.manager_b, TRACKED, json!({ "t": w.team_b }))
        .await;
    assert_eq!(none["competitors"], json!([]));
}

#[tokio::test]
async fn a_date_range_must_not_run_backwards() {
    let app = spawn_app().await;
    let w = world(&app).await;

    let vars = with_defaults(&w.team_a, json!({ "f": "2026-11-03", "to": "2026-11-01" }));
    let bad = app.gql(Some(&w.manager_a), SNAPSHOTS, vars).await;
    assert_eq!((code(&bad), field(&bad)), ("BAD_USER_INPUT", "to"));
    // One day is a range.
    let vars = json!({ "f": "2026-11-01", "to": "2026-11-01" });
    snapshots(&app, &w.manager_a, &w.team_a, vars).await;

    let vars = with_defaults(&w.team_a, json!({ "f": "2026-11-20", "to": "2026-11-19" }));
    let bad = app.gql(Some(&w.manager_a), DELIVERABLES, vars).await;
    assert_eq!((code(&bad), field(&bad)), ("BAD_USER_INPUT", "dueTo"));
    let vars = json!({ "f": "2026-11-19", "to": "2026-11-19" });
    deliverables(&app, &w.manager_a, &w.team_a, vars).await;

    // An empty name is no filter at all: refused rather than matching nothing.
    let vars = with_defaults(&w.team_a, json!({ "c": "  " }));
    let bad = app.gql(Some(&w.manager_a), SNAPSHOTS, vars).await;
    assert_eq!((code(&bad), field(&bad)), ("BAD_USER_INPUT", "competitor"));
}

#[tokio::test]
async fn every_member_of_the_team_reads_competitors_and_no_one_else() {
    let app = spawn_app().await;
    let w = world(&app).await;
    import_snapshots(&app, &w).await;

    // Staff (customer service here) see the team's market data as managers and admins do.
    for token in [&w.cs_a, &w.manager_a, &w.admin] {
        let all = snapshots(&app, token, &w.team_a, json!({})).await;
        assert_eq!(nodes(&all), all_snapshots());
        let tracked = app.ok(token, TRACKED, json!({ "t": w.team_a })).await;
        assert_eq!(tracked["competitors"].as_array().unwrap().len(), 3);
    }

    let vars = with_defaults(&w.team_a, json!({}));
    let other = app.gql(Some(&w.manager_b), SNAPSHOTS, vars.clone()).await;
    assert_eq!(code(&other), "FORBIDDEN");
    assert!(other["data"].is_null(), "{other}");
    let other = app
        .gql(Some(&w.manager_b), TRACKED, json!({ "t": w.team_a }))
        .await;
    assert_eq!(code(&other), "FORBIDDEN");
    let anonymous = app.gql(None, SNAPSHOTS, vars).await;
    assert_eq!(code(&anonymous), "UNAUTHENTICATED");
    let anonymous = app.gql(None, TRACKED, json!({ "t": w.team_a })).await;
    assert_eq!(code(&anonymous), "UNAUTHENTICATED");
}

/// 2026-11-20 18:00 UTC is 02:00 on 11-21 in Shanghai, the team's zone: the team's today is
/// 11-21 although the UTC date is still 11-20.
const NOV_21_SHANGHAI: &str = "2026-11-20T18:00:00Z";

/// A second designer in team A; returns their id.
async fn second_designer(app: &TestApp, w: &World) -> String {
    app.create_staff(
        &w.manager_a,
        &w.team_a,
        "art.a2@shop.test",
        "DESIGNER",
        "STAFF",
    )
    .await
}

/// Six jobs for two designers, D-1 for a product, whose id it returns. D-6 comes in a second
/// batch, so it has a higher id than D-3, which is due the same day.
async fn import_deliverables(app: &TestApp, w: &World) -> String {
    let product = new_product(&w.team_a, "610001").title("连衣裙");
    let product = app.create_product(&w.manager_a, product).await;
    let batch = |rows: Value| async move {
        app.imported(&w.manager_a, Kind::Deliverable, &w.team_a, rows)
            .await
    };
    let first = batch(json!([
        { "reference": "D-1", "designer": "art.a@shop.test", "platformItemId": "610001",
          "kind": "MAIN_IMAGE", "requestedOn": "2026-11-10", "dueOn": "2026-11-15",
          "deliveredOn": "2026-11-14", "revisions": 1 },
        { "reference": "D-2", "designer": "art.a@shop.test", "kind": "DETAIL_PAGE",
          "requestedOn": "2026-11-12", "dueOn": "2026-11-18", "deliveredOn": "2026-11-19",
          "revisions": 3 },
        { "reference": "D-3", "designer": "art.a@shop.test", "kind": "BANNER",
          "requestedOn": "2026-11-15", "dueOn": "2026-11-20" },
        { "reference": "D-4", "designer": "art.a2@shop.test", "kind": "WHITE_BG",
          "requestedOn": "2026-11-18", "dueOn": "2026-11-21" },
        { "reference": "D-5", "designer": "art.a2@shop.test", "kind": "VIDEO",
          "requestedOn": "2026-11-01", "dueOn": "2026-11-05" },
    ]))
    .await;
    assert_eq!(first, (5, 0));
    let second = batch(json!([
        { "reference": "D-6", "designer": "art.a@shop.test", "kind": "STORE_DECOR",
          "requestedOn": "2026-11-16", "dueOn": "2026-11-20", "deliveredOn": "2026-11-20" },
    ]))
    .await;
    assert_eq!(second, (1, 0));
    product
}

#[tokio::test]
async fn deliverables_read_back_by_due_day_with_overdue_on_the_teams_today() {
    let app = spawn_at(NOV_21_SHANGHAI.parse().unwrap()).await;
    let w = world(&app).await;
    let art2 = second_designer(&app, &w).await;
    let product = import_deliverables(&app, &w).await;
    let (art, art_name) = (&w.designer_a_id, "art.a@shop.test");

    let all = deliverables(&app, &w.manager_a, &w.team_a, json!({})).await;
    assert_eq!(all["totalCount"], 6);
    assert_eq!(
        nodes(&all),
        vec![
            // Due 11-05, open: overdue.
            json!({ "reference": "D-5", "designerId": art2, "designer": { "name": "art.a2@shop.test" },
                    "productId": null, "kind": "VIDEO", "requestedOn": "2026-11-01",
                    "dueOn": "2026-11-05", "deliveredOn": null, "revisions": 0, "onTime": null,
                    "overdue": true }),
            // Delivered 11-14 for 11-15: on time.
            json!({ "reference": "D-1", "designerId": art, "designer": { "name": art_name },
                    "productId": product, "kind": "MAIN_IMAGE", "requestedOn": "2026-11-10",
                    "dueOn": "2026-11-15", "deliveredOn": "2026-11-14", "revisions": 1,
                    "onTime": true, "overdue": false }),
            // Delivered 11-19 for 11-18: late, but delivered work is never overdue.
            json!({ "reference": "D-2", "designerId": art, "designer": { "name": art_name },
                    "productId": null, "kind": "DETAIL_PAGE", "requestedOn": "2026-11-12",
                    "dueOn": "2026-11-18", "deliveredOn": "2026-11-19", "revisions": 3,
                    "onTime": false, "overdue": false }),
            // Due 11-20, open: overdue on the team's 11-21 (not yet on the UTC date, 11-20).
            json!({ "reference": "D-3", "designerId": art, "designer": { "name": art_name },
                    "productId": null, "kind": "BANNER", "requestedOn": "2026-11-15",
                    "dueOn": "2026-11-20", "deliveredOn": null, "revisions": 0, "onTime": null,
                    "overdue": true }),
            // Due 11-20 too, after D-3 by id; delivered on its due day: on time.
            json!({ "reference": "D-6", "designerId": art, "designer": { "name": art_name },
                    "productId": null, "kind": "STORE_DECOR", "requestedOn": "2026-11-16",
                    "dueOn": "2026-11-20", "deliveredOn": "2026-11-20", "revisions": 0,
                    "onTime": true, "overdue": false }),
            // Due today: open, not overdue yet.
            json!({ "reference": "D-4", "designerId": art2, "designer": { "name": "art.a2@shop.test" },
                    "productId": null, "kind": "WHITE_BG", "requestedOn": "2026-11-18",
                    "dueOn": "2026-11-21", "deliveredOn": null, "revisions": 0, "onTime": null,
                    "overdue": false }),
        ]
    );

    let refs = |conn: &Value| column(conn, "reference");
    let by = |vars: Value| deliverables(&app, &w.manager_a, &w.team_a, vars);
    assert_eq!(
        refs(&by(json!({ "s": "OPEN" })).await),
        json!(["D-5", "D-3", "D-4"]).as_array().unwrap().clone()
    );
    assert_eq!(
        refs(&by(json!({ "s": "DELIVERED" })).await),
        json!(["D-1", "D-2", "D-6"]).as_array().unwrap().clone()
    );
    assert_eq!(
        refs(&by(json!({ "s": "OVERDUE" })).await),
        json!(["D-5", "D-3"]).as_array().unwrap().clone()
    );
    assert_eq!(
        refs(&by(json!({ "f": "2026-11-15", "to": "2026-11-20" })).await),
        json!(["D-1", "D-2", "D-3", "D-6"])
            .as_array()
            .unwrap()
            .clone()
    );
    assert_eq!(
        refs(&by(json!({ "d": art2 })).await),
        json!(["D-5", "D-4"]).as_array().unwrap().clone()
    );
    assert_eq!(
        refs(&by(json!({ "d": art, "s": "OPEN", "to": "2026-11-20" })).await),
        json!(["D-3"]).as_array().unwrap().clone()
    );

    // Pages of 4 and 2: the second starts between D-3 and D-6, both due 11-20.
    let one = by(json!({ "n": 4 })).await;
    assert_eq!(
        refs(&one),
        json!(["D-5", "D-1", "D-2", "D-3"])
            .as_array()
            .unwrap()
            .clone()
    );
    assert_eq!(one["pageInfo"]["hasNextPage"], true);
    let after = one["pageInfo"]["endCursor"].clone();
    let two = by(json!({ "n": 4, "a": after })).await;
    assert_eq!(
        refs(&two),
        json!(["D-6", "D-4"]).as_array().unwrap().clone()
    );
    assert_eq!(two["totalCount"], 6);
    assert_eq!(two["pageInfo"]["hasNextPage"], false);
    assert_eq!(two["pageInfo"]["hasPreviousPage"], true);

    // At 01:00 UTC on 11-22 it is 09:00 on 11-22 in Shanghai: D-4, due 11-21, is overdue now.
    app.clock.set("2026-11-22T01:00:00Z".parse().unwrap());
    let overdue = by(json!({ "s": "OVERDUE" })).await;
    assert_eq!(
        refs(&overdue),
        json!(["D-5", "D-3", "D-4"]).as_array().unwrap().clone()
    );
    assert_eq!(
        column(&overdue, "overdue"),
        json!([true, true, true]).as_array().unwrap().clone()
    );
}

#[tokio::test]
async fn staff_see_only_their_own_deliverables() {
    let app = spawn_at(NOV_21_SHANGHAI.parse().unwrap()).await;
    let w = world(&app).await;
    let art2 = second_designer(&app, &w).await;
    import_deliverables(&app, &w).await;
    let designer = app.login("art.a@shop.test", PASSWORD).await;

    // Without designerId, or naming themselves: their own four jobs, with their own profile.
    let own = deliverables(&app, &designer, &w.team_a, json!({})).await;
    assert_eq!(own["totalCount"], 4);
    assert_eq!(
        column(&own, "reference"),
        json!(["D-1", "D-2", "D-3", "D-6"])
            .as_array()
            .unwrap()
            .clone()
    );
    assert_eq!(nodes(&own)[0]["designer"]["name"], "art.a@shop.test");
    let named = deliverables(
        &app,
        &designer,
        &w.team_a,
        json!({ "d": w.designer_a_id, "s": "OVERDUE" }),
    )
    .await;
    assert_eq!(
        column(&named, "reference"),
        json!(["D-3"]).as_array().unwrap().clone()
    );

    // A colleague's work is refused, not filtered away.
    let vars = with_defaults(&w.team_a, json!({ "d": art2 }));
    let colleague = app.gql(Some(&designer), DELIVERABLES, vars).await;
    assert_eq!(code(&colleague), "FORBIDDEN");
    assert!(colleague["data"].is_null(), "{colleague}");

    // Staff without design work have none to see.
    let cs = deliverables(&app, &w.cs_a, &w.team_a, json!({})).await;
    assert_eq!(cs["totalCount"], 0);
    let vars = with_defaults(&w.team_a, json!({ "d": w.designer_a_id }));
    let colleague = app.gql(Some(&w.cs_a), DELIVERABLES, vars).await;
    assert_eq!(code(&colleague), "FORBIDDEN");

    // Admins see the team's like its manager.
    let admin = deliverables(&app, &w.admin, &w.team_a, json!({})).await;
    assert_eq!(admin["totalCount"], 6);

    let vars = with_defaults(&w.team_a, json!({}));
    let other = app
        .gql(Some(&w.manager_b), DELIVERABLES, vars.clone())
        .await;
    assert_eq!(code(&other), "FORBIDDEN");
    let anonymous = app.gql(None, DELIVERABLES, vars).await;
    assert_eq!(code(&anonymous), "UNAUTHENTICATED");
}

#[tokio::test]
async fn a_page_of_deliverables_loads_designers_in_one_batch() {
    let app = spawn_app().await;
    let w = world(&app).await;
    second_designer(&app, &w).await;
    let rows: Vec<Value> = (1..=40)
        .map(|i| {
            let designer = if i % 2 == 0 {
                "art.a@shop.test"
            } else {
                "art.a2@shop.test"
            };
            json!({ "reference": format!("J-{i:02}"), "designer": designer, "kind": "BANNER",
                    "requestedOn": "2026-11-01", "dueOn": "2026-11-10" })
        })
        .collect();
    let outcome = app.imported(&w.manager_a, Kind::Deliverable, &w.team_a, rows);
    assert_eq!(outcome.await, (40, 0));
    let before = app.statements();
    let page = deliverables(&app, &w.manager_a, &w.team_a, json!({ "n": 40 })).await;
    let used = app.statements() - before;
    assert_eq!(nodes(&page).len(), 40);
    assert!(
        nodes(&page)
            .iter()
            .all(|n| n["designer"]["name"].is_string())
    );
    // The caller with their team, the count, the page and one batch of designers, whatever the
    // page's size.
    assert_eq!(used, 4, "statements for a page of 40");
}
