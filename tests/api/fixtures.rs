//! The fixture layer: one typed helper per operation the tests repeat (imports, products,
//! targets), and builders for the rows the imports take. A builder starts from a valid row of
//! small round numbers and sends only the optional fields a test sets, so a test states what
//! matters to it and a change of an input type is fixed here.

use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::helpers::TestApp;

/// A kind of daily data (§2), imported by its own mutation.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Shop,
    Product,
    Agent,
    Ad,
    Deliverable,
    Competitor,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Shop,
        Kind::Product,
        Kind::Agent,
        Kind::Ad,
        Kind::Deliverable,
        Kind::Competitor,
    ];

    /// The import mutation's name: the key of its outcome in `data`.
    pub fn mutation(self) -> &'static str {
        match self {
            Kind::Shop => "importShopDays",
            Kind::Product => "importProductDays",
            Kind::Agent => "importAgentDays",
            Kind::Ad => "importAdDays",
            Kind::Deliverable => "importDeliverables",
            Kind::Competitor => "importCompetitorSnapshots",
        }
    }

    fn input(self) -> &'static str {
        match self {
            Kind::Shop => "ShopDayInput",
            Kind::Product => "ProductDayInput",
            Kind::Agent => "AgentDayInput",
            Kind::Ad => "AdDayInput",
            Kind::Deliverable => "DeliverableInput",
            Kind::Competitor => "CompetitorSnapshotInput",
        }
    }

    /// The import as a document of two variables: `t`, the team, and `r`, the rows.
    pub fn document(self) -> String {
        let (name, input) = (self.mutation(), self.input());
        format!(
            "mutation($t: ID!, $r: [{input}!]!) {{ {name}(input: {{ teamId: $t, rows: $r }}) {{ inserted updated }} }}"
        )
    }
}

impl TestApp {
    /// Imports `rows` of `kind` into `team` as `token`; the whole response.
    pub async fn import(&self, token: &str, kind: Kind, team: &str, rows: impl Serialize) -> Value {
        let vars = json!({ "t": team, "r": rows });
        self.gql(Some(token), &kind.document(), vars).await
    }

    /// Imports rows that must be accepted; returns (inserted, updated).
    pub async fn imported(
        &self,
        token: &str,
        kind: Kind,
        team: &str,
        rows: impl Serialize,
    ) -> (u64, u64) {
        let resp = self.import(token, kind, team, rows).await;
        assert!(resp.get("errors").is_none(), "import refused: {resp}");
        let outcome = &resp["data"][kind.mutation()];
        (
            outcome["inserted"].as_u64().unwrap(),
            outcome["updated"].as_u64().unwrap(),
        )
    }

    /// Creates a product that must be accepted; returns its id.
    pub async fn create_product(&self, token: &str, product: NewProduct) -> String {
        let data = self
            .ok(
                token,
                "mutation($i: CreateProductInput!) { createProduct(input: $i) { product { id } } }",
                json!({ "i": product }),
            )
            .await;
        data["createProduct"]["product"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }

    /// Sets `team`'s targets (`TargetInput`s), which must be accepted.
    pub async fn set_targets(&self, token: &str, team: &str, targets: Value) {
        self.ok(
            token,
            "mutation($t: ID!, $x: [TargetInput!]!) { setTargets(input: { teamId: $t, targets: $x }) { targets { metric } } }",
            json!({ "t": team, "x": targets }),
        )
        .await;
    }
}

/// An input object `$name` built field by field: `$start(args)` makes it from `$defaults`, and
/// each `$setter` sets (or replaces) the field `$key`.
macro_rules! builder {
    ($(#[$doc:meta])* $name:ident $start:ident($($arg:ident: $arg_ty:ty),*) $defaults:tt
     { $($setter:ident: $ty:ty => $key:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Serialize)]
        #[serde(transparent)]
        pub struct $name(Map<String, Value>);

        pub fn $start($($arg: $arg_ty),*) -> $name {
            match json!($defaults) {
                Value::Object(fields) => $name(fields),
                _ => unreachable!("defaults are an object"),
            }
        }

        impl $name {
            $(pub fn $setter(mut self, value: $ty) -> Self {
                self.0.insert($key.into(), json!(value));
                self
            })*
        }
    };
}

builder! {
    /// A `ShopDayInput`: 100 visitors, 300 page views, 5 buyers of 6 units in 5 orders, ¥500.
    ShopDay shop_day(date: &str) {
        "date": date, "visitors": 100, "pageViews": 300, "paidBuyers": 5, "paidOrders": 5,
        "paidUnits": 6, "paidAmount": "500.00"
    } {
        visitors: i64 => "visitors",
        page_views: i64 => "pageViews",
        paid_buyers: i64 => "paidBuyers",
        paid_orders: i64 => "paidOrders",
        paid_units: i64 => "paidUnits",
        paid_amount: &str => "paidAmount",
        fav_cart_buyers: i64 => "favCartBuyers",
        bounced_visitors: i64 => "bouncedVisitors",
        returning_visitors: i64 => "returningVisitors",
        refund_amount: &str => "refundAmount",
        refund_orders: i64 => "refundOrders",
        dsr_description: &str => "dsrDescription",
        dsr_service: &str => "dsrService",
        dsr_logistics: &str => "dsrLogistics",
        store_level: i64 => "storeLevel",
        cost_of_goods: &str => "costOfGoods",
        shipping_cost: &str => "shippingCost",
    }
}

builder! {
    /// A `ProductDayInput` (name the product): 100 visitors, 4 buyers of 5 units, ¥400.
    ProductDay product_day(date: &str) {
        "date": date, "visitors": 100, "paidBuyers": 4, "paidUnits": 5, "paidAmount": "400.00"
    } {
        product: &str => "productId",
        visitors: i64 => "visitors",
        paid_buyers: i64 => "paidBuyers",
        paid_units: i64 => "paidUnits",
        paid_amount: &str => "paidAmount",
        fav_cart_buyers: i64 => "favCartBuyers",
        bad_reviews: i64 => "badReviews",
        stock: i64 => "stock",
    }
}

builder! {
    /// An `AgentDayInput` (name the agent): 50 received, 30 inquiries, 12 ordering and 10
    /// paying, ¥1,500.
    AgentDay agent_day(date: &str) {
        "date": date, "received": 50, "inquiries": 30, "orderedBuyers": 12, "paidBuyers": 10,
        "salesAmount": "1500.00"
    } {
        staff: &str => "staffId",
        received: i64 => "received",
        inquiries: i64 => "inquiries",
        ordered_buyers: i64 => "orderedBuyers",
        paid_buyers: i64 => "paidBuyers",
        sales_amount: &str => "salesAmount",
        first_response_seconds_sum: i64 => "firstResponseSecondsSum",
        first_response_count: i64 => "firstResponseCount",
    }
}

builder! {
    /// An `AdDayInput` (name the owner): 10,000 impressions, 300 clicks, ¥200 spent for 8 orders
    /// of ¥800.
    AdDay ad_day(date: &str, channel: &str) {
        "date": date, "channel": channel, "impressions": 10000, "clicks": 300,
        "spend": "200.00", "attributedOrders": 8, "attributedAmount": "800.00"
    } {
        owner: &str => "ownerId",
        impressions: i64 => "impressions",
        clicks: i64 => "clicks",
        spend: &str => "spend",
        attributed_orders: i64 => "attributedOrders",
        attributed_amount: &str => "attributedAmount",
    }
}

builder! {
    /// A `DeliverableInput` (name the designer): a main image asked for on 2026-10-01, due on
    /// the 3rd.
    Deliverable deliverable(reference: &str) {
        "reference": reference, "kind": "MAIN_IMAGE", "requestedOn": "2026-10-01",
        "dueOn": "2026-10-03"
    } {
        designer: &str => "designer",
        designer_id: &str => "designerId",
        requested_on: &str => "requestedOn",
        due_on: &str => "dueOn",
        delivered_on: &str => "deliveredOn",
    }
}

builder! {
    /// A `CompetitorSnapshotInput`: 对手旗舰店's `item` at ¥199.
    Snapshot snapshot(item: &str, date: &str) {
        "competitor": "对手旗舰店", "item": item, "date": date, "price": "199.00"
    } {
        competitor: &str => "competitor",
        price: &str => "price",
    }
}

builder! {
    /// A `NewProduct` of `team` titled by its item id.
    NewProduct new_product(team: &str, item: &str) {
        "teamId": team, "platformItemId": item, "title": item
    } {
        title: &str => "title",
        hero: bool => "isHero",
        designer: &str => "designerId",
        unit_cost: &str => "unitCost",
    }
}
