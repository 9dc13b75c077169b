//! Shop days without 支付订单数 / 支付件数 (issue 15): many 生意参谋 exports lack them. Such a day
//! is imported, its other figures read back exactly, and the order and unit counts are null —
//! never 0, and never a sum over only the days that have them. November 2026.

use migration::{Migrator, MigratorTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use shopops::entities::shop_day;

use crate::fixtures::Kind;
use crate::helpers::{TestApp, World, code, spawn_app, world};
use crate::import_csv::{database_url, import};
use crate::migrations::steps_back_before;

const SHOP: &str = "query($t: ID!, $f: Date!, $to: Date!, $g: Granularity!) {
  shopMetrics(teamId: $t, from: $f, to: $to, granularity: $g) {
    periodStart periodEnd days visitors paidBuyers paidOrders paidUnits paidAmount
    conversionRate aov uvValue adSpend } }";

async fn shop_metrics(app: &TestApp, w: &World, from: &str, to: &str, g: &str) -> Vec<Value> {
    let vars = json!({ "t": w.team_a, "f": from, "to": to, "g": g });
    app.ok(&w.cs_a, SHOP, vars).await["shopMetrics"]
        .as_array()
        .unwrap()
        .clone()
}

/// (date, paid_orders, paid_units) of team A's stored days.
async fn stored_counts(app: &TestApp, w: &World) -> Vec<(String, Option<i64>, Option<i64>)> {
    let team: i64 = w.team_a.parse().unwrap();
    shop_day::Entity::find()
        .filter(shop_day::Column::TeamId.eq(team))
        .order_by_asc(shop_day::Column::Date)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|d| (d.date.to_string(), d.paid_orders, d.paid_units))
        .collect()
}

fn approx(v: &Value, expected: f64) {
    let got = v
        .as_f64()
        .unwrap_or_else(|| panic!("expected {expected}, got {v}"));
    assert!(
        (got - expected).abs() < 1e-12,
        "expected {expected}, got {got}"
    );
}

#[tokio::test]
async fn a_shop_day_export_without_order_and_unit_counts_imports_and_they_read_null() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let url = database_url(&app).await;
    // A 生意参谋 overview as many shops export it: no 支付订单数, no 支付件数.
    let export = "统计日期,访客数,浏览量,支付买家数,支付金额,支付转化率\n\
                  2026-11-01,1200,3600,36,\"7,200.00\",3.00%\n\
                  2026-11-02,800,2000,20,5000.00,2.50%\n";
    let out = import(&url, "shop-days", &w.team_a, export);
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{said}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "shop-days: 2 inserted, 0 updated"
    );
    // Nothing to warn of: 36 / 1200 is 3.00 % and 20 / 800 is 2.50 %.
    assert!(!said.contains("warning"), "{said}");
    assert_eq!(
        stored_counts(&app, &w).await,
        [
            ("2026-11-01".to_owned(), None, None),
            ("2026-11-02".to_owned(), None, None)
        ]
    );

    let days = shop_metrics(&app, &w, "2026-11-01", "2026-11-02", "DAY").await;
    let d1 = &days[0];
    assert_eq!(
        (&d1["visitors"], &d1["paidBuyers"], &d1["paidAmount"]),
        (&json!(1200), &json!(36), &json!("7200.00"))
    );
    approx(&d1["conversionRate"], 36.0 / 1200.0);
    assert_eq!(d1["aov"], "200.00"); // 7200 / 36
    assert_eq!(d1["uvValue"], "6.00"); // 7200 / 1200
    assert_eq!(
        (&d1["paidOrders"], &d1["paidUnits"]),
        (&Value::Null, &Value::Null)
    );
    let d2 = &days[1];
    approx(&d2["conversionRate"], 20.0 / 800.0);
    assert_eq!(d2["aov"], "250.00"); // 5000 / 20
    assert_eq!(
        (&d2["paidOrders"], &d2["paidUnits"]),
        (&Value::Null, &Value::Null)
    );

    let month = &shop_metrics(&app, &w, "2026-11-01", "2026-11-02", "MONTH").await[0];
    assert_eq!(month["visitors"], 2000); // 1200 + 800
    assert_eq!(month["paidBuyers"], 56); // 36 + 20
    assert_eq!(month["paidAmount"], "12200.00"); // 7200 + 5000
    approx(&month["conversionRate"], 56.0 / 2000.0);
    assert_eq!(month["aov"], "217.86"); // 12200 / 56 = 217.857… half-up
    assert_eq!(
        (&month["paidOrders"], &month["paidUnits"]),
        (&Value::Null, &Value::Null)
    );

    // An empty cell is not given either, while a 0 is a 0.
    let export = "日期,访客数,浏览量,支付买家数,支付订单数,支付件数,支付金额\n\
                  2026-11-03,500,1500,0,0,0,0\n\
                  2026-11-04,600,1800,12,,15,1800.00\n";
    let out = import(&url, "shop-days", &w.team_a, export);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let counts = stored_counts(&app, &w).await;
    assert_eq!(
        counts[2..],
        [
            ("2026-11-03".to_owned(), Some(0), Some(0)),
            ("2026-11-04".to_owned(), None, Some(15))
        ]
    );
}

#[tokio::test]
async fn a_range_with_a_day_lacking_paid_orders_has_no_order_sum() {
    let app = spawn_app().await;
    let w = world(&app).await;
    // Sat 10-31: ad spend only. Sun 11-01 and Mon 11-02 give both counts; Tue 11-03 gives its
    // units but not its orders.
    let ad = json!([{ "date": "2026-10-31", "channel": "ZTC", "ownerId": w.manager_a_id,
        "impressions": 5000, "clicks": 100, "spend": "100.00", "attributedOrders": 2,
        "attributedAmount": "300.00" }]);
    app.imported(&w.manager_a, Kind::Ad, &w.team_a, ad).await;
    let day = |date: &str, visitors: i64, buyers: i64, amount: &str| {
        json!({ "date": date, "visitors": visitors, "pageViews": visitors * 3,
                "paidBuyers": buyers, "paidAmount": amount })
    };
    let mut d1 = day("2026-11-01", 1000, 30, "6000.00");
    d1["paidOrders"] = json!(32);
    d1["paidUnits"] = json!(40);
    let mut d2 = day("2026-11-02", 900, 27, "5400.00");
    d2["paidOrders"] = json!(30);
    d2["paidUnits"] = json!(36);
    let mut d3 = day("2026-11-03", 1100, 33, "6600.00");
    d3["paidUnits"] = json!(45);
    let rows = json!([d1, d2, d3.clone()]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Shop, &w.team_a, rows)
            .await,
        (3, 0)
    );
    let (from, to) = ("2026-10-31", "2026-11-03");

    let days = shop_metrics(&app, &w, from, to, "DAY").await;
    let counts: Vec<_> = days
        .iter()
        .map(|d| json!([d["periodStart"], d["days"], d["paidOrders"], d["paidUnits"]]))
        .collect();
    // A day without shop data sums to 0 like its visitors; only 11-03 lacks its orders.
    assert_eq!(
        counts,
        [
            json!(["2026-10-31", 0, 0, 0]),
            json!(["2026-11-01", 1, 32, 40]),
            json!(["2026-11-02", 1, 30, 36]),
            json!(["2026-11-03", 1, null, 45]),
        ]
    );

    // Weeks Mon-Sun: 10-26..11-01 clipped to 10-31..11-01, then 11-02..11-03.
    let weeks = shop_metrics(&app, &w, from, to, "WEEK").await;
    assert_eq!(weeks.len(), 2);
    assert_eq!(
        (&weeks[0]["periodStart"], &weeks[0]["periodEnd"]),
        (&json!(from), &json!("2026-11-01"))
    );
    assert_eq!(weeks[0]["paidOrders"], 32); // 11-01 only: the ad-only day lacks nothing
    assert_eq!(weeks[0]["paidUnits"], 40);
    assert_eq!(weeks[0]["adSpend"], "100.00");
    let w2 = &weeks[1];
    assert_eq!(w2["paidOrders"], Value::Null); // 30 + (11-03 not given): no figure
    assert_eq!(w2["paidUnits"], 81); // 36 + 45
    assert_eq!(w2["visitors"], 2000); // 900 + 1100
    approx(&w2["conversionRate"], 60.0 / 2000.0); // (27 + 33) / 2000

    let months = shop_metrics(&app, &w, from, to, "MONTH").await;
    assert_eq!(months.len(), 2);
    assert_eq!(
        json!([
            months[0]["days"],
            months[0]["paidOrders"],
            months[0]["paidUnits"]
        ]),
        json!([0, 0, 0])
    );
    let nov = &months[1];
    assert_eq!(nov["paidOrders"], Value::Null); // 32 + 30 + (not given)
    assert_eq!(nov["paidUnits"], 121); // 40 + 36 + 45
    assert_eq!(nov["visitors"], 3000); // 1000 + 900 + 1100
    assert_eq!(nov["paidBuyers"], 90); // 30 + 27 + 33
    assert_eq!(nov["paidAmount"], "18000.00"); // 6000 + 5400 + 6600
    approx(&nov["conversionRate"], 90.0 / 3000.0);
    assert_eq!(nov["aov"], "200.00"); // 18000 / 90
    assert_eq!(nov["uvValue"], "6.00"); // 18000 / 3000

    // The day summary's bases are sums over days too.
    let q = "query($t: ID!) { daySummary(teamId: $t, date: \"2026-11-03\") {
        day { paidOrders paidUnits } comparisons { basis base { days paidOrders paidUnits } } } }";
    let s = app.ok(&w.cs_a, q, json!({ "t": w.team_a })).await["daySummary"].clone();
    assert_eq!(s["day"], json!({ "paidOrders": null, "paidUnits": 45 }));
    let bases: Vec<_> = s["comparisons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!([c["basis"], c["base"]]))
        .collect();
    assert_eq!(
        bases,
        [
            json!(["PREVIOUS_DAY", { "days": 1, "paidOrders": 30, "paidUnits": 36 }]),
            // 10-27..11-02: 11-01 and 11-02 (32 + 30, 40 + 36).
            json!(["PREVIOUS_7_DAY_MEAN", { "days": 2, "paidOrders": 62, "paidUnits": 76 }]),
            json!(["SAME_WEEKDAY_LAST_WEEK", { "days": 0, "paidOrders": 0, "paidUnits": 0 }]),
            json!(["TARGET", null]),
        ]
    );

    // Once 11-03's orders are given, the month has its sum: 32 + 30 + 35.
    d3["paidOrders"] = json!(35);
    app.imported(&w.manager_a, Kind::Shop, &w.team_a, json!([d3]))
        .await;
    let nov = &shop_metrics(&app, &w, from, to, "MONTH").await[1];
    assert_eq!(nov["paidOrders"], 97);
}

#[tokio::test]
async fn a_graphql_batch_stores_null_for_counts_left_out_and_0_for_0() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let rows = json!([
        // Left out.
        { "date": "2026-11-05", "visitors": 100, "pageViews": 300, "paidBuyers": 5,
          "paidAmount": "500.00" },
        // Given as 0.
        { "date": "2026-11-06", "visitors": 100, "pageViews": 300, "paidBuyers": 0,
          "paidOrders": 0, "paidUnits": 0, "paidAmount": "0" },
        // Given as null, the units given.
        { "date": "2026-11-07", "visitors": 100, "pageViews": 300, "paidBuyers": 5,
          "paidOrders": null, "paidUnits": 6, "paidAmount": "500.00" },
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Shop, &w.team_a, rows)
            .await,
        (3, 0)
    );
    let date = |d: &str| d.to_owned();
    assert_eq!(
        stored_counts(&app, &w).await,
        [
            (date("2026-11-05"), None, None),
            (date("2026-11-06"), Some(0), Some(0)),
            (date("2026-11-07"), None, Some(6)),
        ]
    );
    let days = shop_metrics(&app, &w, "2026-11-05", "2026-11-07", "DAY").await;
    let read: Vec<_> = days
        .iter()
        .map(|d| json!([d["paidOrders"], d["paidUnits"]]))
        .collect();
    assert_eq!(read, [json!([null, null]), json!([0, 0]), json!([null, 6])]);

    // Re-importing a day without them overwrites the stored counts with "not given".
    let again = json!([{ "date": "2026-11-06", "visitors": 100, "pageViews": 300,
                         "paidBuyers": 0, "paidAmount": "0" }]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Shop, &w.team_a, again)
            .await,
        (0, 1)
    );
    assert_eq!(
        stored_counts(&app, &w).await[1],
        (date("2026-11-06"), None, None)
    );

    // buyers ≤ orders ≤ units is checked on what is given.
    let bad = json!([
        { "date": "2026-11-08", "visitors": 100, "pageViews": 300, "paidBuyers": 5,
          "paidUnits": 3, "paidAmount": "500.00" },
        { "date": "2026-11-09", "visitors": 100, "pageViews": 300, "paidBuyers": 5,
          "paidOrders": 4, "paidAmount": "500.00" },
    ]);
    let resp = app.import(&w.manager_a, Kind::Shop, &w.team_a, bad).await;
    assert_eq!(code(&resp), "BAD_USER_INPUT", "{resp}");
    let listed: Vec<_> = resp["errors"][0]["extensions"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| json!([e["row"], e["field"], e["message"]]))
        .collect();
    assert_eq!(
        listed,
        [
            json!([1, "paidBuyers", "5 exceeds paidUnits (3)"]),
            json!([2, "paidBuyers", "5 exceeds paidOrders (4)"]),
        ]
    );
}

/// Migration 32 makes the two counts nullable: stored days keep their values (and ids, and the
/// counter of ids), a NULL can be stored afterwards, and going back is refused while a day
/// lacks one.
#[tokio::test]
async fn the_migration_keeps_stored_counts_and_then_takes_a_null() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let given = |date: &str, orders: i64, units: i64| {
        json!({ "date": date, "visitors": 100, "pageViews": 300, "paidBuyers": 5,
                "paidOrders": orders, "paidUnits": units, "paidAmount": "500.00" })
    };
    let rows = json!([given("2026-11-01", 7, 9), given("2026-11-02", 6, 8)]);
    app.imported(&w.manager_a, Kind::Shop, &w.team_a, rows)
        .await;
    // A day stored and deleted again: its id is not to be handed out a second time.
    let gone = json!([given("2026-11-04", 99, 99)]);
    app.imported(&w.manager_a, Kind::Shop, &w.team_a, gone)
        .await;
    let gone_id = shop_day::Entity::find()
        .order_by_desc(shop_day::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    app.db
        .execute_unprepared("DELETE FROM shop_day WHERE paid_orders = 99")
        .await
        .unwrap();
    let before = shop_day::Entity::find()
        .order_by_asc(shop_day::Column::Id)
        .all(&app.db)
        .await
        .unwrap();

    // Back to before migration 32, whatever migrations came after it.
    let since = steps_back_before("m20261201_000032_optional_paid_counts");
    Migrator::down(&app.db, Some(since)).await.unwrap();
    let nulled = "UPDATE shop_day SET paid_orders = NULL WHERE paid_orders = 7";
    assert!(
        app.db.execute_unprepared(nulled).await.is_err(),
        "NOT NULL before"
    );
    Migrator::up(&app.db, None).await.unwrap();

    let after = shop_day::Entity::find()
        .order_by_asc(shop_day::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(after, before);
    assert_eq!(
        stored_counts(&app, &w).await,
        [
            ("2026-11-01".to_owned(), Some(7), Some(9)),
            ("2026-11-02".to_owned(), Some(6), Some(8))
        ]
    );
    // Still never negative.
    let negative = "UPDATE shop_day SET paid_units = -1 WHERE paid_units = 9";
    assert!(app.db.execute_unprepared(negative).await.is_err());

    // A day without them is stored as NULL, on a new id, and the unique key still holds.
    let without = json!([{ "date": "2026-11-03", "visitors": 100, "pageViews": 300,
                           "paidBuyers": 5, "paidAmount": "500.00" }]);
    app.imported(&w.manager_a, Kind::Shop, &w.team_a, without.clone())
        .await;
    let third = shop_day::Entity::find()
        .order_by_desc(shop_day::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((third.paid_orders, third.paid_units), (None, None));
    assert!(
        third.id > gone_id,
        "{} reuses the id of a deleted day",
        third.id
    );
    assert_eq!(
        app.imported(&w.manager_a, Kind::Shop, &w.team_a, without)
            .await,
        (0, 1)
    );
    let copy = "INSERT INTO shop_day (team_id, date, visitors, page_views, paid_buyers, \
        paid_amount_fen, fav_cart_buyers, bounced_visitors, returning_visitors, refund_amount_fen, \
        refund_orders, cost_of_goods_fen, shipping_cost_fen, updated_at) \
        SELECT team_id, date, visitors, page_views, paid_buyers, paid_amount_fen, \
        fav_cart_buyers, bounced_visitors, returning_visitors, refund_amount_fen, refund_orders, \
        cost_of_goods_fen, shipping_cost_fen, updated_at FROM shop_day WHERE paid_orders IS NULL";
    assert!(
        app.db.execute_unprepared(copy).await.is_err(),
        "uq-shop_day-team_id-date"
    );

    // Going back would have to make up a count: refused, and nothing changes.
    let refused = Migrator::down(&app.db, Some(since))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("1 shop days have no paid_orders or paid_units"),
        "{refused}"
    );
    Migrator::up(&app.db, None).await.unwrap();
    assert_eq!(stored_counts(&app, &w).await.len(), 3);
}
