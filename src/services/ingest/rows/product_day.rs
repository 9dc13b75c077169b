use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::Set;
use serde::{Deserialize, Serialize};

use crate::entities::product_day;
use crate::services::ingest::kind::{Context, Kind, Model, Row};
use crate::validate::Checks;

/// One product's day. Name the product by `productId` or `platformItemId`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ProductDay {
    pub product_id: Option<i64>,
    /// 商品ID
    pub platform_item_id: Option<String>,
    pub date: NaiveDate,
    pub visitors: i64,
    pub paid_buyers: i64,
    pub paid_units: i64,
    pub paid_amount: Decimal,
    pub fav_cart_buyers: Option<i64>,
    /// 中差评
    pub bad_reviews: Option<i64>,
    /// 库存 at the end of the day.
    pub stock: Option<i64>,
}

impl Row for ProductDay {
    const KIND: Kind = Kind::ProductDays;
    type Entity = product_day::Entity;
    type Key = (i64, NaiveDate);
    const TEAM_COLUMN: product_day::Column = product_day::Column::TeamId;
    const KEY_COLUMNS: &'static [product_day::Column] =
        &[product_day::Column::ProductId, product_day::Column::Date];

    fn check(self, c: &mut Checks, ctx: &Context) -> (Self::Key, Model<Self>) {
        let r = self;
        let date = c.not_future("date", r.date, ctx.today);
        let product_id = ctx
            .directory
            .product(c, "product", r.product_id, r.platform_item_id.as_deref())
            .map_or(0, |p| p.id);
        let visitors = c.count("visitors", r.visitors);
        let paid_buyers = c.count("paidBuyers", r.paid_buyers);
        let paid_units = c.count("paidUnits", r.paid_units);
        let fav_cart = c.count("favCartBuyers", r.fav_cart_buyers.unwrap_or(0));
        c.at_most("paidBuyers", paid_buyers, "visitors", visitors);
        c.at_most("favCartBuyers", fav_cart, "visitors", visitors);
        c.at_most("paidBuyers", paid_buyers, "paidUnits", paid_units);
        let model = product_day::ActiveModel {
            team_id: Set(ctx.team_id),
            product_id: Set(product_id),
            date: Set(date),
            visitors: Set(visitors),
            paid_buyers: Set(paid_buyers),
            paid_units: Set(paid_units),
            paid_amount_fen: Set(c.money("paidAmount", r.paid_amount)),
            fav_cart_buyers: Set(fav_cart),
            bad_reviews: Set(c.count("badReviews", r.bad_reviews.unwrap_or(0))),
            stock: Set(r.stock.map(|s| c.count("stock", s))),
            updated_at: Set(Utc::now()),
            ..Default::default()
        };
        ((product_id, date), model)
    }

    fn day((_, date): &Self::Key, _: &Model<Self>) -> Option<NaiveDate> {
        Some(*date)
    }
}
