//! The rows each kind of import accepts, and their checks. A row that passes becomes the
//! entity's active model plus its natural key (§2); the key finds duplicates within the batch and
//! tells inserts from overwrites.

use async_graphql::InputObject;
use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::Set;

use super::directory::Directory;
use crate::entities::{
    AdChannel, CompetitorPromotion, DeliverableKind, Role, ad_day, agent_day, competitor_snapshot,
    design_deliverable, product_day, shop_day,
};
use crate::graphql::id::Id;
use crate::period::Date;
use crate::validate::Checks;

/// What every row is checked against.
pub struct Context<'a> {
    pub team_id: i64,
    /// Today in the team's time zone: no data may be dated after it.
    pub today: NaiveDate,
    pub directory: &'a Directory,
}

/// One day of the shop (生意参谋). Money in yuan; counts left out are 0.
#[derive(Debug, Clone, InputObject)]
pub struct ShopDayInput {
    pub date: Date,
    /// 访客数
    pub visitors: i64,
    /// 浏览量
    pub page_views: i64,
    /// 支付买家数
    pub paid_buyers: i64,
    pub paid_orders: i64,
    /// 支付件数
    pub paid_units: i64,
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

pub fn shop_day(
    c: &mut Checks,
    ctx: &Context,
    r: ShopDayInput,
) -> (NaiveDate, shop_day::ActiveModel) {
    let date = c.not_future("date", r.date.0, ctx.today);
    let visitors = c.count("visitors", r.visitors);
    let paid_buyers = c.count("paidBuyers", r.paid_buyers);
    let paid_orders = c.count("paidOrders", r.paid_orders);
    let paid_units = c.count("paidUnits", r.paid_units);
    let fav_cart = c.count("favCartBuyers", r.fav_cart_buyers.unwrap_or(0));
    let bounced = c.count("bouncedVisitors", r.bounced_visitors.unwrap_or(0));
    let returning = c.count("returningVisitors", r.returning_visitors.unwrap_or(0));
    for (field, part) in [
        ("paidBuyers", paid_buyers),
        ("favCartBuyers", fav_cart),
        ("bouncedVisitors", bounced),
        ("returningVisitors", returning),
    ] {
        c.at_most(field, part, "visitors", visitors);
    }
    c.at_most("paidBuyers", paid_buyers, "paidOrders", paid_orders);
    c.at_most("paidOrders", paid_orders, "paidUnits", paid_units);
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
        page_views: Set(c.count("pageViews", r.page_views)),
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

/// One product's day. Name the product by `productId` or `platformItemId`.
#[derive(Debug, Clone, InputObject)]
pub struct ProductDayInput {
    pub product_id: Option<Id>,
    /// 商品ID
    pub platform_item_id: Option<String>,
    pub date: Date,
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

pub fn product_day(
    c: &mut Checks,
    ctx: &Context,
    r: ProductDayInput,
) -> ((i64, NaiveDate), product_day::ActiveModel) {
    let date = c.not_future("date", r.date.0, ctx.today);
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

/// One customer-service agent's day (赤兔-style). Name the agent by `staffId` or `agent`
/// (e-mail, chat alias or name). Response times come as a sum of seconds and a count, both or
/// neither.
#[derive(Debug, Clone, InputObject)]
pub struct AgentDayInput {
    pub staff_id: Option<Id>,
    /// 旺旺 sub-account, e-mail or name.
    pub agent: Option<String>,
    pub date: Date,
    /// 接待人数
    pub received: i64,
    /// 询单人数
    pub inquiries: i64,
    /// 询单→下单人数
    pub ordered_buyers: i64,
    /// 询单→最终付款人数
    pub paid_buyers: i64,
    /// 客服销售额
    pub sales_amount: Decimal,
    pub sales_units: Option<i64>,
    pub first_response_seconds_sum: Option<i64>,
    pub first_response_count: Option<i64>,
    pub response_seconds_sum: Option<i64>,
    pub response_count: Option<i64>,
    pub buyer_messages: Option<i64>,
    pub agent_messages: Option<i64>,
    /// 未回复人数
    pub unreplied: Option<i64>,
    pub rated_good: Option<i64>,
    pub rated_bad: Option<i64>,
}

pub fn agent_day(
    c: &mut Checks,
    ctx: &Context,
    r: AgentDayInput,
) -> ((i64, NaiveDate), agent_day::ActiveModel) {
    let date = c.not_future("date", r.date.0, ctx.today);
    let staff_id = ctx
        .directory
        .person(c, "agent", r.staff_id, r.agent.as_deref(), None);
    let received = c.count("received", r.received);
    let inquiries = c.count("inquiries", r.inquiries);
    let ordered = c.count("orderedBuyers", r.ordered_buyers);
    let paid = c.count("paidBuyers", r.paid_buyers);
    let unreplied = c.count("unreplied", r.unreplied.unwrap_or(0));
    c.at_most("inquiries", inquiries, "received", received);
    c.at_most("orderedBuyers", ordered, "inquiries", inquiries);
    c.at_most("paidBuyers", paid, "orderedBuyers", ordered);
    c.at_most("unreplied", unreplied, "received", received);
    let (first_sum, first_count) = timing(
        c,
        ("firstResponseSecondsSum", r.first_response_seconds_sum),
        ("firstResponseCount", r.first_response_count),
    );
    let (resp_sum, resp_count) = timing(
        c,
        ("responseSecondsSum", r.response_seconds_sum),
        ("responseCount", r.response_count),
    );
    let model = agent_day::ActiveModel {
        team_id: Set(ctx.team_id),
        staff_id: Set(staff_id),
        date: Set(date),
        received: Set(received),
        inquiries: Set(inquiries),
        ordered_buyers: Set(ordered),
        paid_buyers: Set(paid),
        sales_amount_fen: Set(c.money("salesAmount", r.sales_amount)),
        sales_units: Set(c.count("salesUnits", r.sales_units.unwrap_or(0))),
        first_response_seconds_sum: Set(first_sum),
        first_response_count: Set(first_count),
        response_seconds_sum: Set(resp_sum),
        response_count: Set(resp_count),
        buyer_messages: Set(c.count("buyerMessages", r.buyer_messages.unwrap_or(0))),
        agent_messages: Set(c.count("agentMessages", r.agent_messages.unwrap_or(0))),
        unreplied: Set(unreplied),
        rated_good: Set(c.count("ratedGood", r.rated_good.unwrap_or(0))),
        rated_bad: Set(c.count("ratedBad", r.rated_bad.unwrap_or(0))),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    ((staff_id, date), model)
}

/// A response-time sum and its count: a count without its sum (or the reverse) would silently
/// skew every average built on it.
fn timing(
    c: &mut Checks,
    (sum_field, sum): (&str, Option<i64>),
    (count_field, count): (&str, Option<i64>),
) -> (i64, i64) {
    let sum = sum.map(|s| c.count(sum_field, s));
    let count = count.map(|n| c.count(count_field, n));
    match (sum, count) {
        (None, Some(n)) if n > 0 => c.fail(sum_field, format!("required with {count_field}")),
        (Some(s), None | Some(0)) if s > 0 => {
            c.fail(count_field, format!("must be positive with {sum_field}"))
        }
        _ => {}
    }
    (sum.unwrap_or(0), count.unwrap_or(0))
}

/// One channel's day under one owner (推广). Name the owner by `ownerId` or `owner`.
#[derive(Debug, Clone, InputObject)]
pub struct AdDayInput {
    pub date: Date,
    pub channel: AdChannel,
    pub owner_id: Option<Id>,
    /// E-mail, chat alias or name of the person running the channel.
    pub owner: Option<String>,
    /// 展现量
    pub impressions: i64,
    /// 点击量
    pub clicks: i64,
    /// 花费
    pub spend: Decimal,
    /// 成交笔数
    pub attributed_orders: i64,
    /// 成交金额
    pub attributed_amount: Decimal,
}

pub type AdKey = (NaiveDate, AdChannel, i64);

pub fn ad_day(c: &mut Checks, ctx: &Context, r: AdDayInput) -> (AdKey, ad_day::ActiveModel) {
    let date = c.not_future("date", r.date.0, ctx.today);
    let owner = ctx
        .directory
        .person(c, "owner", r.owner_id, r.owner.as_deref(), None);
    let impressions = c.count("impressions", r.impressions);
    let clicks = c.count("clicks", r.clicks);
    c.at_most("clicks", clicks, "impressions", impressions);
    let model = ad_day::ActiveModel {
        team_id: Set(ctx.team_id),
        date: Set(date),
        channel: Set(r.channel),
        owner_id: Set(owner),
        impressions: Set(impressions),
        clicks: Set(clicks),
        spend_fen: Set(c.money("spend", r.spend)),
        attributed_orders: Set(c.count("attributedOrders", r.attributed_orders)),
        attributed_amount_fen: Set(c.money("attributedAmount", r.attributed_amount)),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    ((date, r.channel, owner), model)
}

/// A piece of design work, keyed by the team's job `reference`; re-importing it (e.g. once it is
/// delivered) updates it.
#[derive(Debug, Clone, InputObject)]
pub struct DeliverableInput {
    pub reference: String,
    pub designer_id: Option<Id>,
    /// E-mail, alias or name of the designer.
    pub designer: Option<String>,
    pub product_id: Option<Id>,
    pub platform_item_id: Option<String>,
    pub kind: DeliverableKind,
    pub requested_on: Date,
    pub due_on: Date,
    pub delivered_on: Option<Date>,
    pub revisions: Option<i64>,
}

pub fn deliverable(
    c: &mut Checks,
    ctx: &Context,
    r: DeliverableInput,
) -> (String, design_deliverable::ActiveModel) {
    let reference = c.text("reference", &r.reference, 64);
    let designer = ctx.directory.person(
        c,
        "designer",
        r.designer_id,
        r.designer.as_deref(),
        Some(Role::Designer),
    );
    let product = (r.product_id.is_some() || r.platform_item_id.is_some())
        .then(|| {
            ctx.directory
                .product(c, "product", r.product_id, r.platform_item_id.as_deref())
                .map(|p| p.id)
        })
        .flatten();
    let requested = c.not_future("requestedOn", r.requested_on.0, ctx.today);
    let (due, delivered) = (r.due_on.0, r.delivered_on.map(|d| d.0));
    if due < requested {
        c.fail("dueOn", "must not be before requestedOn");
    }
    if let Some(delivered) = delivered {
        c.not_future("deliveredOn", delivered, ctx.today);
        if delivered < requested {
            c.fail("deliveredOn", "must not be before requestedOn");
        }
    }
    let model = design_deliverable::ActiveModel {
        team_id: Set(ctx.team_id),
        reference: Set(reference.clone()),
        designer_id: Set(designer),
        product_id: Set(product),
        kind: Set(r.kind),
        requested_on: Set(requested),
        due_on: Set(due),
        delivered_on: Set(delivered),
        revisions: Set(c.count("revisions", r.revisions.unwrap_or(0))),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    (reference, model)
}

/// A competitor's item as seen on one day.
#[derive(Debug, Clone, InputObject)]
pub struct CompetitorSnapshotInput {
    pub competitor: String,
    pub item: String,
    pub date: Date,
    pub price: Decimal,
    /// Estimated monthly sales (月销量).
    pub est_monthly_sales: Option<i64>,
    /// Default NONE.
    pub promotion: Option<CompetitorPromotion>,
    pub keywords: Option<String>,
}

pub type CompetitorKey = (String, String, NaiveDate);

pub fn competitor(
    c: &mut Checks,
    ctx: &Context,
    r: CompetitorSnapshotInput,
) -> (CompetitorKey, competitor_snapshot::ActiveModel) {
    let competitor = c.text("competitor", &r.competitor, 100);
    let item = c.text("item", &r.item, 200);
    let date = c.not_future("date", r.date.0, ctx.today);
    let keywords = r
        .keywords
        .map(|k| c.optional_note("keywords", &k, 500))
        .filter(|k| !k.is_empty());
    let model = competitor_snapshot::ActiveModel {
        team_id: Set(ctx.team_id),
        competitor: Set(competitor.clone()),
        item: Set(item.clone()),
        date: Set(date),
        price_fen: Set(c.money("price", r.price)),
        est_monthly_sales: Set(c.count("estMonthlySales", r.est_monthly_sales.unwrap_or(0))),
        promotion: Set(r.promotion.unwrap_or(CompetitorPromotion::None)),
        keywords: Set(keywords),
        updated_at: Set(Utc::now()),
        ..Default::default()
    };
    ((competitor, item, date), model)
}
