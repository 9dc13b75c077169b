//! The import mutations (§2): exact storage, overwrites by natural key, all-or-nothing validation,
//! agent resolution, access (§9) and the team's data version. What was stored is read straight
//! from the database, since no dashboard reads it yet.

use chrono::{Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use serde_json::{Value, json};
use shopops::entities::{
    AdChannel, CompetitorPromotion, DeliverableKind, ad_day, agent_day, competitor_snapshot,
    design_deliverable, product_day, shop_day, team,
};

use crate::fixtures::{
    self, Deliverable, Kind, ad_day as ad, agent_day as agent, new_product, product_day as product,
    shop_day as shop, snapshot,
};
use crate::helpers::{TestApp, code, field, spawn_app, world};

/// The (row, field) of every offending input a refused import lists, in order.
fn offending(resp: &Value) -> Vec<(u64, String)> {
    assert_eq!(code(resp), "BAD_USER_INPUT", "{resp}");
    resp["errors"][0]["extensions"]["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no extensions.errors: {resp}"))
        .iter()
        .map(|e| {
            (
                e["row"].as_u64().unwrap_or_else(|| panic!("no row: {e}")),
                e["field"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn pairs(expected: &[(u64, &str)]) -> Vec<(u64, String)> {
    expected
        .iter()
        .map(|(r, f)| (*r, (*f).to_owned()))
        .collect()
}

/// The message of the error listed for `row`.
fn message_of(resp: &Value, row: u64) -> String {
    resp["errors"][0]["extensions"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["row"] == row)
        .unwrap_or_else(|| panic!("no error for row {row}: {resp}"))["message"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// Rows stored, per table: shop, product, agent and ad days, deliverables, competitor snapshots.
async fn row_counts(app: &TestApp) -> [u64; 6] {
    let db = &app.db;
    [
        shop_day::Entity::find().count(db).await.unwrap(),
        product_day::Entity::find().count(db).await.unwrap(),
        agent_day::Entity::find().count(db).await.unwrap(),
        ad_day::Entity::find().count(db).await.unwrap(),
        design_deliverable::Entity::find().count(db).await.unwrap(),
        competitor_snapshot::Entity::find().count(db).await.unwrap(),
    ]
}

async fn data_version(app: &TestApp, team: &str) -> i64 {
    team::Entity::find_by_id(id(team))
        .one(&app.db)
        .await
        .unwrap()
        .expect("team exists")
        .data_version
}

fn id(s: &str) -> i64 {
    s.parse().expect("a numeric id")
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn today_in(tz: Tz) -> NaiveDate {
    Utc::now().with_timezone(&tz).date_naive()
}

/// Tomorrow for a team in the default zone, Asia/Shanghai: the first day that cannot have data.
fn tomorrow() -> String {
    (today_in(chrono_tz::Asia::Shanghai) + Duration::days(1)).to_string()
}

/// `row` with the fields of `changes` set (or added).
fn with(row: impl Serialize, changes: Value) -> Value {
    let mut row = json!(row);
    for (k, v) in changes.as_object().unwrap() {
        row[k] = v.clone();
    }
    row
}

async fn shop_days_of(app: &TestApp, team: &str) -> Vec<shop_day::Model> {
    shop_day::Entity::find()
        .filter(shop_day::Column::TeamId.eq(id(team)))
        .order_by_asc(shop_day::Column::Date)
        .all(&app.db)
        .await
        .unwrap()
}

async fn agent_days_of(app: &TestApp, team: &str) -> Vec<agent_day::Model> {
    agent_day::Entity::find()
        .filter(agent_day::Column::TeamId.eq(id(team)))
        .order_by_asc(agent_day::Column::Date)
        .order_by_asc(agent_day::Column::StaffId)
        .all(&app.db)
        .await
        .unwrap()
}

/// A deliverable of shop A's designer.
fn deliverable(reference: &str) -> Deliverable {
    fixtures::deliverable(reference).designer("art.a@shop.test")
}

// ---------------------------------------------------------------------------------------------
// 1 + 2. Each kind is stored exactly, and re-importing a key overwrites it.

#[tokio::test]
async fn shop_days_are_stored_exactly_and_a_reimport_overwrites_the_day() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let rows = json!([
        { "date": "2026-10-01", "visitors": 1000, "pageViews": 3500, "paidBuyers": 32,
          "paidOrders": 35, "paidUnits": 41, "paidAmount": "1234.50", "favCartBuyers": 120,
          "bouncedVisitors": 640, "returningVisitors": 210, "refundAmount": "88.8",
          "refundOrders": 2, "dsrDescription": "4.812", "dsrService": "4.8", "dsrLogistics": "5",
          "storeLevel": 5, "costOfGoods": "400", "shippingCost": "56.25" },
        shop("2026-10-02"),
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Shop, &w.team_a, rows)
            .await,
        (2, 0)
    );
    let team_a = id(&w.team_a);
    let stored = shop_days_of(&app, &w.team_a).await;
    assert_eq!(stored.len(), 2);
    let first = &stored[0];
    let first_id = first.id;
    assert_eq!(
        *first,
        shop_day::Model {
            id: first.id,
            team_id: team_a,
            date: d("2026-10-01"),
            visitors: Some(1000),
            page_views: Some(3500),
            paid_buyers: 32,
            paid_orders: Some(35),
            paid_units: Some(41),
            paid_amount_fen: 123_450, // 1234.50 yuan × 100
            fav_cart_buyers: 120,
            bounced_visitors: 640,
            returning_visitors: 210,
            refund_amount_fen: 8_880, // 88.8 × 100
            refund_orders: 2,
            dsr_description_milli: Some(4_812), // 4.812 × 1000
            dsr_service_milli: Some(4_800),     // 4.8 × 1000
            dsr_logistics_milli: Some(5_000),   // 5 × 1000
            store_level: Some(5),
            cost_of_goods_fen: 40_000, // 400 × 100
            shipping_cost_fen: 5_625,  // 56.25 × 100
            updated_at: first.updated_at,
        }
    );
    // Fields left out are 0 (counts, money) or absent (DSR, store level).
    let second = &stored[1];
    assert_eq!(
        *second,
        shop_day::Model {
            id: second.id,
            team_id: team_a,
            date: d("2026-10-02"),
            visitors: Some(100),
            page_views: Some(300),
            paid_buyers: 5,
            paid_orders: Some(5),
            paid_units: Some(6),
            paid_amount_fen: 50_000, // 500.00 × 100
            fav_cart_buyers: 0,
            bounced_visitors: 0,
            returning_visitors: 0,
            refund_amount_fen: 0,
            refund_orders: 0,
            dsr_description_milli: None,
            dsr_service_milli: None,
            dsr_logistics_milli: None,
            store_level: None,
            cost_of_goods_fen: 0,
            shipping_cost_fen: 0,
            updated_at: second.updated_at,
        }
    );

    // Team B's 2026-10-01 is another key: a new row, and team A's day is untouched.
    assert_eq!(
        app.imported(
            &w.manager_b,
            Kind::Shop,
            &w.team_b,
            json!([shop("2026-10-01")])
        )
        .await,
        (1, 0)
    );
    // 10-01 again (overwrite, the whole day: fields left out go back to 0 / absent) and 10-03 (new).
    let rows = json!([
        with(
            shop("2026-10-01"),
            json!({ "visitors": 1100, "paidAmount": "1300.05" })
        ),
        shop("2026-10-03"),
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Shop, &w.team_a, rows)
            .await,
        (1, 1)
    );
    let stored = shop_days_of(&app, &w.team_a).await;
    let dates: Vec<_> = stored.iter().map(|s| s.date.to_string()).collect();
    assert_eq!(dates, ["2026-10-01", "2026-10-02", "2026-10-03"]);
    let first = &stored[0];
    // Overwritten in place: the same row, not a new one.
    assert_eq!(first.id, first_id);
    assert_eq!(first.visitors, Some(1100));
    assert_eq!(first.paid_amount_fen, 130_005); // 1300.05 × 100
    assert_eq!(first.fav_cart_buyers, 0);
    assert_eq!(first.dsr_description_milli, None);
    assert_eq!(first.store_level, None);
    assert_eq!(stored[1].visitors, Some(100));
    // 3 days of team A + 1 of team B.
    assert_eq!(row_counts(&app).await, [4, 0, 0, 0, 0, 0]);
}

#[tokio::test]
async fn product_days_resolve_products_by_id_or_item_id_and_overwrite() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let p1 = app
        .create_product(&w.manager_a, new_product(&w.team_a, "610001"))
        .await;
    let p2 = app
        .create_product(&w.manager_a, new_product(&w.team_a, "610002"))
        .await;
    // The same item id in shop B is another product; team A's rows never resolve to it.
    let pb = app
        .create_product(&w.manager_b, new_product(&w.team_b, "610001"))
        .await;
    let rows = json!([
        { "productId": p1, "date": "2026-10-01", "visitors": 500, "paidBuyers": 15,
          "paidUnits": 18, "paidAmount": "1794.60", "favCartBuyers": 60, "badReviews": 1,
          "stock": 57 },
        with(product("2026-10-01"), json!({ "platformItemId": "610002", "paidAmount": "359.4" })),
        with(product("2026-10-02"), json!({ "platformItemId": " 610001 " })),
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Product, &w.team_a, rows)
            .await,
        (3, 0)
    );
    let stored = product_day::Entity::find()
        .order_by_asc(product_day::Column::Date)
        .order_by_asc(product_day::Column::ProductId)
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(stored.len(), 3);
    let first = &stored[0];
    assert_eq!(
        *first,
        product_day::Model {
            id: first.id,
            team_id: id(&w.team_a),
            product_id: id(&p1),
            date: d("2026-10-01"),
            visitors: 500,
            paid_buyers: 15,
            paid_units: 18,
            paid_amount_fen: 179_460, // 1794.60 × 100
            fav_cart_buyers: 60,
            bad_reviews: 1,
            stock: Some(57),
            updated_at: first.updated_at,
        }
    );
    let second = &stored[1];
    assert_eq!(
        (second.product_id, second.paid_amount_fen, second.stock),
        (id(&p2), 35_940, None) // 359.4 × 100
    );
    assert_eq!(stored[2].product_id, id(&p1));
    assert!(stored.iter().all(|s| s.product_id != id(&pb)));

    // P1 on 10-01 named by item id this time (an overwrite) and P2 on 10-02 (new).
    let rows = json!([
        with(
            product("2026-10-01"),
            json!({ "platformItemId": "610001", "visitors": 520 })
        ),
        with(product("2026-10-02"), json!({ "productId": p2 })),
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Product, &w.team_a, rows)
            .await,
        (1, 1)
    );
    let p1_day = product_day::Entity::find_by_id(first.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (p1_day.visitors, p1_day.paid_amount_fen, p1_day.stock),
        (520, 40_000, None) // 400.00 × 100; the stock was not in the new row
    );
    assert_eq!(row_counts(&app).await, [0, 4, 0, 0, 0, 0]);
}

#[tokio::test]
async fn agent_days_are_stored_exactly_and_a_later_final_payment_replaces_them() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let rows = json!([
        { "staffId": w.cs_a_id, "date": "2026-10-01", "received": 120, "inquiries": 80,
          "orderedBuyers": 40, "paidBuyers": 36, "salesAmount": "2580.40", "salesUnits": 45,
          "firstResponseSecondsSum": 1200, "firstResponseCount": 80,
          "responseSecondsSum": 9000, "responseCount": 300, "buyerMessages": 900,
          "agentMessages": 1100, "unreplied": 3, "ratedGood": 30, "ratedBad": 2 },
        with(agent("2026-10-01"), json!({ "staffId": w.cs_a2_id })),
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Agent, &w.team_a, rows)
            .await,
        (2, 0)
    );
    let stored = agent_days_of(&app, &w.team_a).await;
    assert_eq!(stored.len(), 2);
    let cs_a = stored
        .iter()
        .find(|s| s.staff_id == id(&w.cs_a_id))
        .unwrap();
    assert_eq!(
        *cs_a,
        agent_day::Model {
            id: cs_a.id,
            team_id: id(&w.team_a),
            staff_id: id(&w.cs_a_id),
            date: d("2026-10-01"),
            received: 120,
            inquiries: 80,
            ordered_buyers: 40,
            paid_buyers: 36,
            sales_amount_fen: 258_040, // 2580.40 × 100
            sales_units: 45,
            first_response_seconds_sum: 1200,
            first_response_count: 80,
            response_seconds_sum: 9000,
            response_count: 300,
            buyer_messages: 900,
            agent_messages: 1100,
            unreplied: 3,
            rated_good: 30,
            rated_bad: 2,
            updated_at: cs_a.updated_at,
        }
    );
    let cs_a2 = stored
        .iter()
        .find(|s| s.staff_id == id(&w.cs_a2_id))
        .unwrap();
    assert_eq!(
        (
            cs_a2.sales_amount_fen,
            cs_a2.first_response_count,
            cs_a2.rated_good
        ),
        (150_000, 0, 0) // 1500.00 × 100; left-out counts are 0
    );

    // Four days later the final payment (最终付款) settles: re-importing 10-01 replaces it.
    let rows = json!([
        with(
            agent("2026-10-01"),
            json!({ "staffId": w.cs_a_id, "paidBuyers": 12,
                                          "salesAmount": "2700.00" })
        ),
        with(agent("2026-10-02"), json!({ "staffId": w.cs_a_id })),
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Agent, &w.team_a, rows)
            .await,
        (1, 1)
    );
    let stored = agent_days_of(&app, &w.team_a).await;
    assert_eq!(stored.len(), 3);
    let cs_a_day = stored.iter().find(|s| s.id == cs_a.id).unwrap();
    assert_eq!(
        (
            cs_a_day.paid_buyers,
            cs_a_day.sales_amount_fen,
            cs_a_day.first_response_count
        ),
        (12, 270_000, 0) // 2700.00 × 100
    );
    assert_eq!(row_counts(&app).await, [0, 0, 3, 0, 0, 0]);
}

#[tokio::test]
async fn ad_days_are_keyed_by_date_channel_and_owner() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let promo = app
        .create_staff(
            &w.manager_a,
            &w.team_a,
            "ads.a@shop.test",
            "PROMOTION",
            "STAFF",
        )
        .await;
    let rows = json!([
        { "date": "2026-10-01", "channel": "ZTC", "ownerId": promo, "impressions": 20000,
          "clicks": 600, "spend": "350.75", "attributedOrders": 12, "attributedAmount": "1403.00" },
        // 淘宝客: the spend is the commission paid.
        { "date": "2026-10-01", "channel": "TAOBAOKE", "owner": "ads.a@shop.test",
          "impressions": 0, "clicks": 0, "spend": "88.2", "attributedOrders": 4,
          "attributedAmount": "882" },
        // The same channel and day under another owner is another row.
        with(ad("2026-10-01", "ZTC"), json!({ "ownerId": w.manager_a_id })),
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Ad, &w.team_a, rows).await,
        (3, 0)
    );
    let stored = ad_day::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(stored.len(), 3);
    let row = |channel: AdChannel, owner: i64| {
        (stored.iter())
            .find(|r| r.channel == channel && r.owner_id == owner)
            .expect("stored")
    };
    let ztc = row(AdChannel::Ztc, id(&promo));
    assert_eq!(
        *ztc,
        ad_day::Model {
            id: ztc.id,
            team_id: id(&w.team_a),
            date: d("2026-10-01"),
            channel: AdChannel::Ztc,
            owner_id: id(&promo),
            impressions: Some(20000),
            clicks: 600,
            spend_fen: 35_075, // 350.75 × 100
            attributed_orders: 12,
            attributed_amount_fen: 140_300, // 1403.00 × 100
            updated_at: ztc.updated_at,
        }
    );
    let tbk = row(AdChannel::Taobaoke, id(&promo));
    assert_eq!(
        (tbk.spend_fen, tbk.attributed_amount_fen),
        (8_820, 88_200) // 88.2 × 100, 882 × 100
    );
    // The same channel and day under another owner.
    row(AdChannel::Ztc, id(&w.manager_a_id));

    let rows = json!([
        with(
            ad("2026-10-01", "ZTC"),
            json!({ "owner": "ADS.A@shop.test", "spend": "360" })
        ),
        with(ad("2026-10-02", "ZTC"), json!({ "ownerId": promo })),
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Ad, &w.team_a, rows).await,
        (1, 1)
    );
    let ztc_now = ad_day::Entity::find_by_id(ztc.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((ztc_now.spend_fen, ztc_now.clicks), (36_000, 300)); // 360 × 100
    assert_eq!(row_counts(&app).await, [0, 0, 0, 4, 0, 0]);
}

#[tokio::test]
async fn deliverables_are_keyed_by_reference_and_updated_when_delivered() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let p1 = app
        .create_product(&w.manager_a, new_product(&w.team_a, "610001"))
        .await;
    let rows = json!([
        { "reference": "D-101", "designer": "art.a@shop.test", "platformItemId": "610001",
          "kind": "MAIN_IMAGE", "requestedOn": "2026-10-01", "dueOn": "2026-10-03" },
        { "reference": "D-102", "designerId": w.designer_a_id, "kind": "DETAIL_PAGE",
          "requestedOn": "2026-10-02", "dueOn": "2026-10-06", "deliveredOn": "2026-10-05",
          "revisions": 2 },
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Deliverable, &w.team_a, rows)
            .await,
        (2, 0)
    );
    let stored = design_deliverable::Entity::find()
        .order_by_asc(design_deliverable::Column::Reference)
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(stored.len(), 2);
    let d101 = &stored[0];
    assert_eq!(
        *d101,
        design_deliverable::Model {
            id: d101.id,
            team_id: id(&w.team_a),
            reference: "D-101".into(),
            designer_id: id(&w.designer_a_id),
            product_id: Some(id(&p1)),
            kind: DeliverableKind::MainImage,
            requested_on: d("2026-10-01"),
            due_on: d("2026-10-03"),
            delivered_on: None,
            revisions: 0,
            updated_at: d101.updated_at,
        }
    );
    let d102 = &stored[1];
    assert_eq!(
        (
            d102.product_id,
            d102.kind,
            d102.delivered_on,
            d102.revisions
        ),
        (None, DeliverableKind::DetailPage, Some(d("2026-10-05")), 2)
    );

    // D-101 is delivered a day late after one revision; D-103 is new.
    let rows = json!([
        { "reference": "D-101", "designer": "art.a@shop.test", "platformItemId": "610001",
          "kind": "MAIN_IMAGE", "requestedOn": "2026-10-01", "dueOn": "2026-10-03",
          "deliveredOn": "2026-10-04", "revisions": 1 },
        deliverable("D-103"),
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Deliverable, &w.team_a, rows)
            .await,
        (1, 1)
    );
    let now = design_deliverable::Entity::find_by_id(d101.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (now.delivered_on, now.revisions),
        (Some(d("2026-10-04")), 1)
    );
    assert_eq!(row_counts(&app).await, [0, 0, 0, 0, 3, 0]);
}

#[tokio::test]
async fn competitor_snapshots_are_keyed_by_competitor_item_and_date() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let rows = json!([
        { "competitor": "对手旗舰店", "item": "雪纺连衣裙", "date": "2026-10-01",
          "price": "199.90", "estMonthlySales": 3200, "promotion": "FULL_REDUCTION",
          "keywords": "  连衣裙 雪纺  " },
        { "competitor": "对手旗舰店", "item": "雪纺连衣裙", "date": "2026-10-02",
          "price": "179", "keywords": "   " },
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Competitor, &w.team_a, rows)
            .await,
        (2, 0)
    );
    let stored = competitor_snapshot::Entity::find()
        .order_by_asc(competitor_snapshot::Column::Date)
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(stored.len(), 2);
    let first = &stored[0];
    assert_eq!(
        *first,
        competitor_snapshot::Model {
            id: first.id,
            team_id: id(&w.team_a),
            competitor: "对手旗舰店".into(),
            item: "雪纺连衣裙".into(),
            date: d("2026-10-01"),
            price_fen: 19_990, // 199.90 × 100
            est_monthly_sales: 3200,
            promotion: CompetitorPromotion::FullReduction,
            keywords: Some("连衣裙 雪纺".into()),
            updated_at: first.updated_at,
        }
    );
    let second = &stored[1];
    assert_eq!(
        (
            second.price_fen,
            second.est_monthly_sales,
            second.promotion,
            second.keywords.clone()
        ),
        (17_900, 0, CompetitorPromotion::None, None) // 179 × 100; blank keywords are none
    );

    // The price cut on 10-02 is re-imported; another item of the same shop is new.
    let rows = json!([
        { "competitor": "对手旗舰店", "item": "雪纺连衣裙", "date": "2026-10-02",
          "price": "169.00", "promotion": "COUPON" },
        snapshot("真丝衬衫", "2026-10-02"),
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Competitor, &w.team_a, rows)
            .await,
        (1, 1)
    );
    let now = competitor_snapshot::Entity::find_by_id(second.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (now.price_fen, now.promotion),
        (16_900, CompetitorPromotion::Coupon)
    );
    assert_eq!(row_counts(&app).await, [0, 0, 0, 0, 0, 3]);
}

#[tokio::test]
async fn a_batch_larger_than_one_statement_is_written_whole() {
    let app = spawn_app().await;
    let w = world(&app).await;
    // A shop day has 23 columns, so one statement carries at most 30000 / 23 = 1304 rows: 1400
    // days take two statements.
    let first = d("2022-01-01");
    let rows: Vec<Value> = (0..1400)
        .map(|i| {
            let row = shop(&(first + Duration::days(i)).to_string());
            with(row, json!({ "visitors": 100 + i }))
        })
        .collect();
    assert_eq!(
        app.imported(&w.manager_a, Kind::Shop, &w.team_a, json!(rows))
            .await,
        (1400, 0)
    );
    let stored = shop_days_of(&app, &w.team_a).await;
    assert_eq!(stored.len(), 1400);
    // Day 1400 is 2022-01-01 + 1399 days: 365 + 365 + 366 = 1096 days reach 2025-01-01, and 303
    // more reach 2025-10-31 (day 304 of 2025). It has 100 + 1399 visitors.
    let last = stored.last().unwrap();
    assert_eq!((last.date, last.visitors), (d("2025-10-31"), Some(1499)));
    assert_eq!(
        app.imported(&w.manager_a, Kind::Shop, &w.team_a, json!(rows))
            .await,
        (0, 1400)
    );
    assert_eq!(row_counts(&app).await, [1400, 0, 0, 0, 0, 0]);
}

// ---------------------------------------------------------------------------------------------
// 3. Validation: every offending row and field is listed, and nothing is written.

#[tokio::test]
async fn a_bad_shop_day_batch_lists_every_error_and_writes_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    app.imported(
        &w.manager_a,
        Kind::Shop,
        &w.team_a,
        json!([shop("2026-10-01")]),
    )
    .await;
    let version = data_version(&app, &w.team_a).await;
    let rows = json!([
        // 1: good, and would overwrite the stored day.
        with(shop("2026-10-01"), json!({ "visitors": 999 })),
        // 2: a negative count.
        with(shop("2026-10-02"), json!({ "pageViews": -1 })),
        // 3: more paying buyers than visitors.
        with(
            shop("2026-10-03"),
            json!({ "visitors": 100, "paidBuyers": 120, "paidOrders": 130,
                                         "paidUnits": 140 })
        ),
        // 4: tomorrow in Asia/Shanghai.
        shop(&tomorrow()),
        // 5: a fraction of a fen.
        with(shop("2026-10-05"), json!({ "paidAmount": "12.345" })),
        // 6: a DSR with four decimals.
        with(shop("2026-10-06"), json!({ "dsrService": "4.8125" })),
        // 7: no such store level.
        with(shop("2026-10-07"), json!({ "storeLevel": 8 })),
        // 8: good.
        shop("2026-10-08"),
        // 9: the same day as row 8.
        shop("2026-10-08"),
        // 10: good: today is not the future.
        shop(&today_in(chrono_tz::Asia::Shanghai).to_string()),
    ]);
    let resp = app.import(&w.manager_a, Kind::Shop, &w.team_a, rows).await;
    assert_eq!(
        offending(&resp),
        pairs(&[
            (2, "pageViews"),
            (3, "paidBuyers"),
            (4, "date"),
            (5, "paidAmount"),
            (6, "dsrService"),
            (7, "storeLevel"),
            (9, "key"),
        ])
    );
    assert_eq!(field(&resp), "pageViews");
    assert_eq!(message_of(&resp, 3), "120 exceeds visitors (100)");
    assert_eq!(message_of(&resp, 9), "repeats the key of row 8");
    assert_eq!(resp["data"], Value::Null);
    // Only the day imported first; it kept its 100 visitors.
    let stored = shop_days_of(&app, &w.team_a).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].visitors, Some(100));
    assert_eq!(data_version(&app, &w.team_a).await, version);
}

#[tokio::test]
async fn a_bad_agent_day_batch_lists_every_error_and_writes_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let cs_a = |date: &str| with(agent(date), json!({ "staffId": w.cs_a_id }));
    app.imported(
        &w.manager_a,
        Kind::Agent,
        &w.team_a,
        json!([cs_a("2026-10-01")]),
    )
    .await;
    let version = data_version(&app, &w.team_a).await;
    let rows = json!([
        // 1: good, and would overwrite the stored day.
        with(cs_a("2026-10-01"), json!({ "received": 60 })),
        // 2: a negative count.
        with(cs_a("2026-10-02"), json!({ "salesUnits": -2 })),
        // 3: more final payers than buyers who ordered.
        with(
            cs_a("2026-10-03"),
            json!({ "orderedBuyers": 8, "paidBuyers": 9 })
        ),
        // 4: a response count without the seconds it sums.
        with(cs_a("2026-10-04"), json!({ "firstResponseCount": 10 })),
        // 5: an alias nobody has.
        with(agent("2026-10-05"), json!({ "agent": "不存在的旺旺" })),
        // 6, 7: a person of shop B, by e-mail and by id.
        with(agent("2026-10-06"), json!({ "agent": "cs.b@shop.test" })),
        with(agent("2026-10-07"), json!({ "staffId": w.cs_b_id })),
        // 8: tomorrow.
        cs_a(&tomorrow()),
        // 9: a fraction of a fen.
        with(cs_a("2026-10-09"), json!({ "salesAmount": "10.001" })),
        // 10: the same agent and day as row 1.
        cs_a("2026-10-01"),
        // 11: good.
        with(agent("2026-10-01"), json!({ "staffId": w.cs_a2_id })),
        // 12: named two ways at once.
        with(cs_a("2026-10-12"), json!({ "agent": "cs.a@shop.test" })),
    ]);
    let resp = app.import(&w.manager_a, Kind::Agent, &w.team_a, rows).await;
    assert_eq!(
        offending(&resp),
        pairs(&[
            (2, "salesUnits"),
            (3, "paidBuyers"),
            (4, "firstResponseSecondsSum"),
            (5, "agent"),
            (6, "agent"),
            (7, "agent"),
            (8, "date"),
            (9, "salesAmount"),
            (10, "key"),
            (12, "agent"),
        ])
    );
    assert_eq!(message_of(&resp, 3), "9 exceeds orderedBuyers (8)");
    assert_eq!(
        message_of(&resp, 6),
        "no one in this team is known as \"cs.b@shop.test\""
    );
    let stored = agent_days_of(&app, &w.team_a).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].received, 50);
    assert_eq!(row_counts(&app).await, [0, 0, 1, 0, 0, 0]);
    assert_eq!(data_version(&app, &w.team_a).await, version);
}

#[tokio::test]
async fn a_bad_product_day_batch_lists_every_error_and_writes_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let p1 = app
        .create_product(&w.manager_a, new_product(&w.team_a, "610001"))
        .await;
    let p2 = app
        .create_product(&w.manager_a, new_product(&w.team_a, "610002"))
        .await;
    let pb = app
        .create_product(&w.manager_b, new_product(&w.team_b, "710001"))
        .await;
    let of = |p: &str, date: &str| with(product(date), json!({ "productId": p }));
    app.imported(
        &w.manager_a,
        Kind::Product,
        &w.team_a,
        json!([of(&p1, "2026-10-01")]),
    )
    .await;
    let version = data_version(&app, &w.team_a).await;
    let rows = json!([
        // 1: good, and would overwrite the stored day.
        with(of(&p1, "2026-10-01"), json!({ "visitors": 999 })),
        // 2: an item id the shop does not sell.
        with(product("2026-10-02"), json!({ "platformItemId": "999999" })),
        // 3: more buyers than visitors.
        with(
            of(&p1, "2026-10-03"),
            json!({ "visitors": 3, "paidBuyers": 5 })
        ),
        // 4: shop B's product.
        of(&pb, "2026-10-04"),
        // 5: negative stock.
        with(of(&p2, "2026-10-05"), json!({ "stock": -1 })),
        // 6: more favourites than visitors.
        with(of(&p2, "2026-10-06"), json!({ "favCartBuyers": 101 })),
        // 7: row 5's product and day again, named by item id.
        with(product("2026-10-05"), json!({ "platformItemId": "610002" })),
        // 8: good.
        of(&p2, "2026-10-08"),
    ]);
    let resp = app
        .import(&w.manager_a, Kind::Product, &w.team_a, rows)
        .await;
    assert_eq!(
        offending(&resp),
        pairs(&[
            (2, "product"),
            (3, "paidBuyers"),
            (4, "product"),
            (5, "stock"),
            (6, "favCartBuyers"),
            (7, "key"),
        ])
    );
    let stored = product_day::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].visitors, 100);
    assert_eq!(data_version(&app, &w.team_a).await, version);
}

#[tokio::test]
async fn a_bad_ad_day_batch_lists_every_error_and_writes_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let promo = app
        .create_staff(
            &w.manager_a,
            &w.team_a,
            "ads.a@shop.test",
            "PROMOTION",
            "STAFF",
        )
        .await;
    let by = |date: &str, channel: &str| with(ad(date, channel), json!({ "ownerId": promo }));
    app.imported(
        &w.manager_a,
        Kind::Ad,
        &w.team_a,
        json!([by("2026-10-01", "ZTC")]),
    )
    .await;
    let version = data_version(&app, &w.team_a).await;
    let rows = json!([
        // 1: good (by e-mail), and would overwrite the stored day.
        with(
            ad("2026-10-01", "ZTC"),
            json!({ "owner": "ads.a@shop.test", "spend": "999" })
        ),
        // 2: more clicks than impressions.
        with(by("2026-10-02", "ZTC"), json!({ "clicks": 20000 })),
        // 3: nobody of that name.
        with(ad("2026-10-01", "DISPLAY"), json!({ "owner": "nobody" })),
        // 4: negative spend.
        with(by("2026-10-04", "ZTC"), json!({ "spend": "-1.00" })),
        // 5: row 1's day, channel and owner, by id.
        by("2026-10-01", "ZTC"),
        // 6: tomorrow.
        by(&tomorrow(), "LIVE"),
        // 7: good.
        by("2026-10-01", "TAOBAOKE"),
    ]);
    let resp = app.import(&w.manager_a, Kind::Ad, &w.team_a, rows).await;
    assert_eq!(
        offending(&resp),
        pairs(&[
            (2, "clicks"),
            (3, "owner"),
            (4, "spend"),
            (5, "key"),
            (6, "date"),
        ])
    );
    let stored = ad_day::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].spend_fen, 20_000);
    assert_eq!(data_version(&app, &w.team_a).await, version);
}

#[tokio::test]
async fn a_bad_deliverable_batch_lists_every_error_and_writes_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    app.imported(
        &w.manager_a,
        Kind::Deliverable,
        &w.team_a,
        json!([deliverable("D-1")]),
    )
    .await;
    let version = data_version(&app, &w.team_a).await;
    let later = today_in(chrono_tz::Asia::Shanghai) + Duration::days(3);
    let rows = json!([
        // 1: good, and would overwrite the stored job.
        with(deliverable("D-1"), json!({ "revisions": 5 })),
        // 2: a customer-service agent is not a designer.
        with(deliverable("D-2"), json!({ "designer": "cs.a@shop.test" })),
        // 3: due before it was asked for.
        with(
            deliverable("D-3"),
            json!({ "requestedOn": "2026-10-05", "dueOn": "2026-10-04" })
        ),
        // 4: requested tomorrow.
        with(
            deliverable("D-4"),
            json!({ "requestedOn": tomorrow(), "dueOn": later.to_string() })
        ),
        // 5: row 1's reference again.
        deliverable("D-1"),
        // 6: shop B's designer.
        with(
            deliverable("D-6"),
            json!({ "designer": null, "designerId": w.designer_b_id })
        ),
        // 7: delivered before it was asked for.
        with(deliverable("D-7"), json!({ "deliveredOn": "2026-09-30" })),
        // 8: a product the shop does not sell.
        with(deliverable("D-8"), json!({ "platformItemId": "999999" })),
        // 9: good.
        deliverable("D-9"),
        // 10: no reference.
        deliverable("  "),
    ]);
    let resp = app
        .import(&w.manager_a, Kind::Deliverable, &w.team_a, rows)
        .await;
    assert_eq!(
        offending(&resp),
        pairs(&[
            (2, "designer"),
            (3, "dueOn"),
            (4, "requestedOn"),
            (5, "key"),
            (6, "designer"),
            (7, "deliveredOn"),
            (8, "product"),
            (10, "reference"),
        ])
    );
    assert_eq!(message_of(&resp, 2), "cs.a@shop.test is not a DESIGNER");
    let stored = design_deliverable::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].revisions, 0);
    assert_eq!(data_version(&app, &w.team_a).await, version);
}

#[tokio::test]
async fn a_bad_competitor_batch_lists_every_error_and_writes_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    app.imported(
        &w.manager_a,
        Kind::Competitor,
        &w.team_a,
        json!([snapshot("A", "2026-10-01")]),
    )
    .await;
    let version = data_version(&app, &w.team_a).await;
    let rows = json!([
        // 1: good, and would overwrite the stored snapshot.
        with(snapshot("A", "2026-10-01"), json!({ "price": "189.00" })),
        // 2: a fraction of a fen.
        with(snapshot("B", "2026-10-01"), json!({ "price": "1.999" })),
        // 3: no competitor.
        with(snapshot("C", "2026-10-01"), json!({ "competitor": "  " })),
        // 4: 501 characters of keywords.
        with(
            snapshot("D", "2026-10-01"),
            json!({ "keywords": "k".repeat(501) })
        ),
        // 5: row 1's key.
        snapshot("A", "2026-10-01"),
        // 6: tomorrow.
        snapshot("F", &tomorrow()),
        // 7: negative sales.
        with(
            snapshot("G", "2026-10-01"),
            json!({ "estMonthlySales": -1 })
        ),
        // 8: good (500 characters is the limit).
        with(
            snapshot("H", "2026-10-01"),
            json!({ "keywords": "k".repeat(500) })
        ),
    ]);
    let resp = app
        .import(&w.manager_a, Kind::Competitor, &w.team_a, rows)
        .await;
    assert_eq!(
        offending(&resp),
        pairs(&[
            (2, "price"),
            (3, "competitor"),
            (4, "keywords"),
            (5, "key"),
            (6, "date"),
            (7, "estMonthlySales"),
        ])
    );
    let stored = competitor_snapshot::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].price_fen, 19_900);
    assert_eq!(data_version(&app, &w.team_a).await, version);
}

#[tokio::test]
async fn today_is_the_teams_own_day() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let zone = "mutation($id: ID!, $z: String!) { updateTeam(input: { id: $id, timeZone: $z }) { team { timeZone } } }";
    app.ok(
        &w.admin,
        zone,
        json!({ "id": w.team_a, "z": "Pacific/Kiritimati" }),
    )
    .await;
    app.ok(
        &w.admin,
        zone,
        json!({ "id": w.team_b, "z": "Pacific/Pago_Pago" }),
    )
    .await;
    // Kiritimati (UTC+14) is 25 hours ahead of Pago Pago (UTC−11): its today is always at least
    // Pago Pago's tomorrow.
    let kiritimati_today = today_in(chrono_tz::Pacific::Kiritimati);
    let row = json!([shop(&kiritimati_today.to_string())]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Shop, &w.team_a, row.clone())
            .await,
        (1, 0)
    );
    let resp = app.import(&w.manager_b, Kind::Shop, &w.team_b, row).await;
    assert_eq!(offending(&resp), pairs(&[(1, "date")]));
    let resp = app
        .import(
            &w.manager_a,
            Kind::Shop,
            &w.team_a,
            json!([shop(&(kiritimati_today + Duration::days(1)).to_string())]),
        )
        .await;
    assert_eq!(offending(&resp), pairs(&[(1, "date")]));
    assert_eq!(row_counts(&app).await, [1, 0, 0, 0, 0, 0]);
}

// ---------------------------------------------------------------------------------------------
// 4. Agents are found by id, e-mail, chat alias or a name only one person has.

#[tokio::test]
async fn agents_resolve_by_id_email_alias_or_unique_name() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let add = "mutation($s: ID!, $a: String!) { addStaffAlias(input: { staffId: $s, alias: $a }) { alias { id } } }";
    app.ok(
        &w.manager_a,
        add,
        json!({ "s": w.cs_a_id, "a": "旗舰店:小雅" }),
    )
    .await;
    // Shop B uses the same sub-account nickname for its own agent.
    app.ok(
        &w.manager_b,
        add,
        json!({ "s": w.cs_b_id, "a": "旗舰店:小雅" }),
    )
    .await;
    let rename = "mutation($id: ID!, $n: String!) { updateStaff(input: { id: $id, name: $n }) { staff { name } } }";
    app.ok(
        &w.manager_a,
        rename,
        json!({ "id": w.cs_a2_id, "n": "王小明" }),
    )
    .await;
    // `salesUnits` tags each row so we can see whom it was stored under.
    let rows = json!([
        with(
            agent("2026-10-01"),
            json!({ "staffId": w.cs_a_id, "salesUnits": 11 })
        ),
        with(
            agent("2026-10-01"),
            json!({ "agent": " CS.A2@Shop.Test ", "salesUnits": 12 })
        ),
        with(
            agent("2026-10-02"),
            json!({ "agent": "旗舰店:小雅", "salesUnits": 13 })
        ),
        with(
            agent("2026-10-02"),
            json!({ "agent": "王小明", "salesUnits": 14 })
        ),
    ]);
    assert_eq!(
        app.imported(&w.manager_a, Kind::Agent, &w.team_a, rows)
            .await,
        (4, 0)
    );
    let mut stored: Vec<(i64, i64)> = agent_days_of(&app, &w.team_a)
        .await
        .iter()
        .map(|a| (a.sales_units, a.staff_id))
        .collect();
    stored.sort();
    let (cs_a, cs_a2) = (id(&w.cs_a_id), id(&w.cs_a2_id));
    assert_eq!(stored, [(11, cs_a), (12, cs_a2), (13, cs_a), (14, cs_a2)]);

    // Once cs.a is also called 王小明, the name no longer says who it is.
    app.ok(&w.cs_a, rename, json!({ "id": w.cs_a_id, "n": "王小明" }))
        .await;
    let resp = app
        .import(
            &w.manager_a,
            Kind::Agent,
            &w.team_a,
            json!([with(agent("2026-10-03"), json!({ "agent": "王小明" }))]),
        )
        .await;
    assert_eq!(offending(&resp), pairs(&[(1, "agent")]));
    assert_eq!(row_counts(&app).await, [0, 0, 4, 0, 0, 0]);
}

// ---------------------------------------------------------------------------------------------
// 5. Access (§9).

/// One valid row of each kind for shop A.
fn one_row(kind: Kind, w: &crate::helpers::World, product_a: &str) -> Value {
    json!([match kind {
        Kind::Shop => json!(shop("2026-10-01")),
        Kind::Product => json!(product("2026-10-01").product(product_a)),
        Kind::Agent => json!(agent("2026-10-01").staff(&w.cs_a_id)),
        Kind::Ad => json!(ad("2026-10-01", "ZTC").owner(&w.manager_a_id)),
        Kind::Deliverable => json!(deliverable("D-1")),
        Kind::Competitor => json!(snapshot("A", "2026-10-01")),
    }])
}

#[tokio::test]
async fn only_the_teams_manager_or_an_admin_imports() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let p1 = app
        .create_product(&w.manager_a, new_product(&w.team_a, "610001"))
        .await;
    for kind in Kind::ALL {
        let rows = one_row(kind, &w, &p1);
        for token in [&w.cs_a, &w.manager_b] {
            let resp = app.import(token, kind, &w.team_a, rows.clone()).await;
            assert_eq!(code(&resp), "FORBIDDEN", "{kind:?}: {resp}");
        }
        let vars = json!({ "t": w.team_a, "r": rows });
        let resp = app.gql(None, &kind.document(), vars).await;
        assert_eq!(code(&resp), "UNAUTHENTICATED", "{kind:?}: {resp}");
    }
    assert_eq!(row_counts(&app).await, [0; 6]);
    for kind in Kind::ALL {
        let rows = one_row(kind, &w, &p1);
        assert_eq!(
            app.imported(&w.admin, kind, &w.team_a, rows).await,
            (1, 0),
            "{kind:?}"
        );
    }
    assert_eq!(row_counts(&app).await, [1; 6]);
    // A team that does not exist: hidden from a manager, not found for an admin.
    let rows = json!([shop("2026-10-01")]);
    let resp = app
        .import(&w.manager_a, Kind::Shop, "424242", rows.clone())
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    let resp = app.import(&w.admin, Kind::Shop, "424242", rows).await;
    assert_eq!(code(&resp), "NOT_FOUND");
}

#[tokio::test]
async fn people_and_products_of_another_team_are_unknown_here() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let p1 = app
        .create_product(&w.manager_a, new_product(&w.team_a, "610001"))
        .await;
    // Shop B's manager names shop A's agent, designer and product in shop B's data.
    let resp = app
        .import(
            &w.manager_b,
            Kind::Agent,
            &w.team_b,
            json!([
                with(agent("2026-10-01"), json!({ "staffId": w.cs_a_id })),
                with(agent("2026-10-02"), json!({ "agent": "cs.a@shop.test" })),
                with(agent("2026-10-03"), json!({ "staffId": w.cs_b_id })),
            ]),
        )
        .await;
    assert_eq!(offending(&resp), pairs(&[(1, "agent"), (2, "agent")]));
    let resp = app
        .import(
            &w.manager_b,
            Kind::Deliverable,
            &w.team_b,
            json!([
                deliverable("B-1"),
                with(
                    deliverable("B-2"),
                    json!({ "designer": "art.b@shop.test", "productId": p1 })
                ),
            ]),
        )
        .await;
    assert_eq!(offending(&resp), pairs(&[(1, "designer"), (2, "product")]));
    let resp = app
        .import(
            &w.manager_b,
            Kind::Product,
            &w.team_b,
            json!([with(
                product("2026-10-01"),
                json!({ "platformItemId": "610001" })
            )]),
        )
        .await;
    assert_eq!(offending(&resp), pairs(&[(1, "product")]));
    assert_eq!(row_counts(&app).await, [0; 6]);
}

// ---------------------------------------------------------------------------------------------
// 6. The team's data version counts successful imports.

#[tokio::test]
async fn each_successful_import_bumps_the_data_version_once() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let v0 = data_version(&app, &w.team_a).await;
    let b0 = data_version(&app, &w.team_b).await;
    let two_days = json!([shop("2026-10-01"), shop("2026-10-02")]);
    app.imported(&w.manager_a, Kind::Shop, &w.team_a, two_days.clone())
        .await;
    // Two rows, one import: +1.
    assert_eq!(data_version(&app, &w.team_a).await, v0 + 1);
    app.imported(
        &w.manager_a,
        Kind::Agent,
        &w.team_a,
        json!([with(agent("2026-10-01"), json!({ "staffId": w.cs_a_id }))]),
    )
    .await;
    assert_eq!(data_version(&app, &w.team_a).await, v0 + 2);
    // Refused (bad input, wrong person): no change.
    let resp = app
        .import(
            &w.manager_a,
            Kind::Shop,
            &w.team_a,
            json!([
                shop("2026-10-03"),
                with(shop("2026-10-04"), json!({ "visitors": -1 }))
            ]),
        )
        .await;
    assert_eq!(code(&resp), "BAD_USER_INPUT");
    let resp = app
        .import(&w.cs_a, Kind::Shop, &w.team_a, two_days.clone())
        .await;
    assert_eq!(code(&resp), "FORBIDDEN");
    assert_eq!(data_version(&app, &w.team_a).await, v0 + 2);
    // An overwrite of the same two days is still a change: +1.
    assert_eq!(
        app.imported(&w.manager_a, Kind::Shop, &w.team_a, two_days)
            .await,
        (0, 2)
    );
    assert_eq!(data_version(&app, &w.team_a).await, v0 + 3);
    // Shop B's version never moved.
    assert_eq!(data_version(&app, &w.team_b).await, b0);
}

#[tokio::test]
async fn an_empty_batch_of_any_kind_changes_nothing() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let v0 = data_version(&app, &w.team_a).await;
    let mut wrong = Vec::new();
    for kind in Kind::ALL {
        let resp = app.import(&w.manager_a, kind, &w.team_a, json!([])).await;
        if resp["data"][kind.mutation()] != json!({ "inserted": 0, "updated": 0 }) {
            wrong.push(format!("{kind:?}: {resp}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "empty batches refused:\n{}",
        wrong.join("\n")
    );
    assert_eq!(data_version(&app, &w.team_a).await, v0);
    assert_eq!(row_counts(&app).await, [0; 6]);
}

/// Two rows naming two different unknown agents (or products) on the same day are two unknown
/// names, not one key repeated: the list should name only what is wrong.
#[tokio::test]
async fn different_unknown_names_on_one_day_are_not_a_repeated_key() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let resp = app
        .import(
            &w.manager_a,
            Kind::Agent,
            &w.team_a,
            json!([
                with(agent("2026-10-01"), json!({ "agent": "旗舰店:甲" })),
                with(agent("2026-10-01"), json!({ "agent": "旗舰店:乙" })),
            ]),
        )
        .await;
    assert_eq!(offending(&resp), pairs(&[(1, "agent"), (2, "agent")]));
    let resp = app
        .import(
            &w.manager_a,
            Kind::Product,
            &w.team_a,
            json!([
                with(product("2026-10-01"), json!({ "platformItemId": "900001" })),
                with(product("2026-10-01"), json!({ "platformItemId": "900002" })),
            ]),
        )
        .await;
    assert_eq!(offending(&resp), pairs(&[(1, "product"), (2, "product")]));
}
