use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::Set;
use serde::{Deserialize, Serialize};

use crate::entities::shop_day;
use crate::services::ingest::kind::{Context, Kind, Model, Row};
use crate::validate::Checks;

/// One day of the shop (生意参谋). Money in yuan; counts left out are 0, except `visitors`,
/// `pageViews`, `paidOrders` and `paidUnits`: left out, they are stored as not given (NULL), and
/// what derives from them is null rather than computed from a 0 (a 抖店罗盘 export has no
/// visitors, many 生意参谋 ones no paid orders).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ShopDay {
    pub date: NaiveDate,
    /// 访客数; `None`: not given.
    pub visitors: Option<i64>,
    /// 浏览量; `None`: not given.
    pub page_views: Option<i64>,
    /// 支付买家数
    pub paid_buyers: i64,
    /// 支付订单数; `None`: not given.
    pub paid_orders: Option<i64>,
    /// 支付件数; `None`: not given.
    pub paid_units: Option<i64>,
    /// 支付金额
    pub paid_amount: Decimal,
    /// 收藏加购人数
    pub fav_cart_buyers: Option<i64>,
    /// 跳失人数
    pub bounced_visitors: Option<i64>,
    /// 老访客数
    pub returning_visitors: Option<i64>,
    /// 退款金额
    pub refund_amount: Option<Decimal>,
    pub refund_orders: Option<i64>,
    /// DSR 描述相符, 0..5 with up to three decimals (e.g. 4.812).
    pub dsr_description: Option<Decimal>,
    /// DSR 服务态度
    pub dsr_service: Option<Decimal>,
    /// DSR 物流服务
    pub dsr_logistics: Option<Decimal>,
    /// 店铺层级, 1..7
    pub store_level: Option<i32>,
    pub cost_of_goods: Option<Decimal>,
    pub shipping_cost: Option<Decimal>,
}

impl Row for ShopDay {
    const KIND: Kind = Kind::ShopDays;
    type Entity = shop_day::Entity;
    type Key = NaiveDate;
    const TEAM_COLUMN: shop_day::Column = shop_day::Column::TeamId;
    const KEY_COLUMNS: &'static [shop_day::Column] =
        &[shop_day::Column::TeamId, shop_day::Column::Date];

    fn check(self, c: &mut Checks, ctx: &Context) -> (Self::Key, Model<Self>) {
        let r = self;
        let date = c.not_future("date", r.date, ctx.today);
        let visitors = r.visitors.map(|n| c.count("visitors", n));
        let page_views = r.page_views.map(|n| c.count("pageViews", n));
        let paid_buyers = c.count("paidBuyers", r.paid_buyers);
        let paid_orders = r.paid_orders.map(|n| c.count("paidOrders", n));
        let paid_units = r.paid_units.map(|n| c.count("paidUnits", n));
        let fav_cart = c.count("favCartBuyers", r.fav_cart_buyers.unwrap_or(0));
        let bounced = c.count("bouncedVisitors", r.bounced_visitors.unwrap_or(0));
        let returning = c.count("returningVisitors", r.returning_visitors.unwrap_or(0));
        if let Some(visitors) = visitors {
            for (field, part) in [
                ("paidBuyers", paid_buyers),
                ("favCartBuyers", fav_cart),
                ("bouncedVisitors", bounced),
                ("returningVisitors", returning),
            ] {
                c.at_most(field, part, "visitors", visitors);
            }
        }
        // buyers ≤ orders ≤ units, of those given (buyers ≤ units when orders are not).
        match (paid_orders, paid_units) {
            (Some(orders), units) => {
                c.at_most("paidBuyers", paid_buyers, "paidOrders", orders);
                if let Some(units) = units {
                    c.at_most("paidOrders", orders, "paidUnits", units);
                }
            }
            (None, Some(units)) => c.at_most("paidBuyers", paid_buyers, "paidUnits", units),
            (None, None) => {}
        }
        let store_level = r.store_level.map(|level| {
            if !(1..=7).contains(&level) {
                c.fail("storeLevel", "must be 1 to 7");
            }
            level as i16
        });
        let model = shop_day::ActiveModel {
            team_id: Set(ctx.team_id),
            date: Set(date),
            visitors: Set(visitors),
            page_views: Set(page_views),
            paid_buyers: Set(paid_buyers),
            paid_orders: Set(paid_orders),
            paid_units: Set(paid_units),
            paid_amount_fen: Set(c.money("paidAmount", r.paid_amount)),
            fav_cart_buyers: Set(fav_cart),
            bounced_visitors: Set(bounced),
            returning_visitors: Set(returning),
            refund_amount_fen: Set(c.money("refundAmount", r.refund_amount.unwrap_or_default())),
            refund_orders: Set(c.count("refundOrders", r.refund_orders.unwrap_or(0))),
            dsr_description_milli: Set(dsr(c, "dsrDescription", r.dsr_description)),
            dsr_service_milli: Set(dsr(c, "dsrService", r.dsr_service)),
            dsr_logistics_milli: Set(dsr(c, "dsrLogistics", r.dsr_logistics)),
            store_level: Set(store_level),
            cost_of_goods_fen: Set(c.money("costOfGoods", r.cost_of_goods.unwrap_or_default())),
            shipping_cost_fen: Set(c.money("shippingCost", r.shipping_cost.unwrap_or_default())),
            updated_at: Set(Utc::now()),
            ..Default::default()
        };
        (date, model)
    }

    fn day(date: &NaiveDate, _: &Model<Self>) -> Option<NaiveDate> {
        Some(*date)
    }
}

/// A DSR score in thousandths.
fn dsr(c: &mut Checks, field: &str, score: Option<Decimal>) -> Option<i32> {
    let score = score?;
    // Range first: a huge score times 1000 would overflow.
    let in_range = score >= Decimal::ZERO && score <= Decimal::from(5);
    let milli = if in_range {
        score * Decimal::ONE_THOUSAND
    } else {
        Decimal::ZERO
    };
    if !in_range || milli.fract() != Decimal::ZERO {
        c.fail(
            field,
            "must be a score from 0 to 5 with at most three decimals",
        );
        return None;
    }
    i32::try_from(milli.trunc()).ok()
}
