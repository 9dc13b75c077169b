use crate::graphql::scalars::Decimal;
use async_graphql::{Context, InputObject, Object, SimpleObject};
use chrono::NaiveDate;

use crate::error::AppResult;
use crate::graphql::enums::{AdChannel, CompetitorPromotion, DeliverableKind};
use crate::graphql::{
    context::{actor, db, import_tally},
    id::Id,
};
use crate::period::Date;
use crate::services::ingest::{self, rows};

/// Each import is all-or-nothing and needs the team's manager or an admin. Rows whose natural key
/// (§2) already exists are overwritten.
#[derive(Default)]
pub struct IngestMutation;

impl IngestMutation {
    async fn run<I: Into<R>, R: ingest::Row>(
        ctx: &Context<'_>,
        team_id: Id,
        rows: Vec<I>,
    ) -> AppResult<ingest::ImportOutcome> {
        let rows = rows.into_iter().map(Into::into).collect();
        let outcome = ingest::import::<R>(db(ctx), actor(ctx)?, team_id.0, rows).await?;
        import_tally(ctx).note(R::KIND, outcome);
        Ok(outcome)
    }
}

#[Object]
impl IngestMutation {
    /// Shop days (生意参谋), keyed by date. The team's manager or an admin; all or nothing.
    async fn import_shop_days(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Rows of shop days for a team.")] input: ImportShopDaysInput,
    ) -> AppResult<ImportShopDaysPayload> {
        let outcome = Self::run::<_, rows::ShopDay>(ctx, input.team_id, input.rows).await?;
        Ok(outcome.into())
    }

    /// Product days, keyed by product and date. The team's manager or an admin; all or nothing.
    async fn import_product_days(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Rows of product days for a team.")] input: ImportProductDaysInput,
    ) -> AppResult<ImportProductDaysPayload> {
        let outcome = Self::run::<_, rows::ProductDay>(ctx, input.team_id, input.rows).await?;
        Ok(outcome.into())
    }

    /// Customer-service agent days (赤兔), keyed by agent and date.
    /// The team's manager or an admin; all or nothing.
    async fn import_agent_days(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Rows of agent days for a team.")] input: ImportAgentDaysInput,
    ) -> AppResult<ImportAgentDaysPayload> {
        let outcome = Self::run::<_, rows::AgentDay>(ctx, input.team_id, input.rows).await?;
        Ok(outcome.into())
    }

    /// Ad days, keyed by date, channel and owner. The team's manager or an admin; all or nothing.
    async fn import_ad_days(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Rows of ad days for a team.")] input: ImportAdDaysInput,
    ) -> AppResult<ImportAdDaysPayload> {
        let outcome = Self::run::<_, rows::AdDay>(ctx, input.team_id, input.rows).await?;
        Ok(outcome.into())
    }

    /// Design deliverables, keyed by the team's job reference.
    /// The team's manager or an admin; all or nothing.
    async fn import_deliverables(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Rows of deliverables for a team.")] input: ImportDeliverablesInput,
    ) -> AppResult<ImportDeliverablesPayload> {
        let outcome = Self::run::<_, rows::Deliverable>(ctx, input.team_id, input.rows).await?;
        Ok(outcome.into())
    }

    /// Competitor snapshots, keyed by competitor, item and date.
    /// The team's manager or an admin; all or nothing.
    async fn import_competitor_snapshots(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Rows of competitor snapshots for a team.")]
        input: ImportCompetitorSnapshotsInput,
    ) -> AppResult<ImportCompetitorSnapshotsPayload> {
        let outcome =
            Self::run::<_, rows::CompetitorSnapshot>(ctx, input.team_id, input.rows).await?;
        Ok(outcome.into())
    }
}

/// The payload of an import of rows: like `importFile`'s, its counts are its own fields.
macro_rules! import_payload {
    ($name:ident, $doc:literal) => {
        #[doc = $doc]
        #[derive(SimpleObject)]
        pub struct $name {
            /// Rows whose key was new.
            inserted: u64,
            /// Rows that overwrote an existing key.
            updated: u64,
        }

        impl From<ingest::ImportOutcome> for $name {
            fn from(o: ingest::ImportOutcome) -> Self {
                Self {
                    inserted: o.inserted,
                    updated: o.updated,
                }
            }
        }
    };
}

/// Rows of shop days for a team.
#[derive(InputObject)]
pub struct ImportShopDaysInput {
    /// The team the rows belong to.
    pub team_id: Id,
    /// The rows; one whose natural key (§2) exists overwrites it.
    pub rows: Vec<ShopDayInput>,
}

import_payload!(
    ImportShopDaysPayload,
    "What `importShopDays` wrote: its rows, by whether their key was new."
);

/// Rows of product days for a team.
#[derive(InputObject)]
pub struct ImportProductDaysInput {
    /// The team the rows belong to.
    pub team_id: Id,
    /// The rows; one whose natural key (§2) exists overwrites it.
    pub rows: Vec<ProductDayInput>,
}

import_payload!(
    ImportProductDaysPayload,
    "What `importProductDays` wrote: its rows, by whether their key was new."
);

/// Rows of agent days for a team.
#[derive(InputObject)]
pub struct ImportAgentDaysInput {
    /// The team the rows belong to.
    pub team_id: Id,
    /// The rows; one whose natural key (§2) exists overwrites it.
    pub rows: Vec<AgentDayInput>,
}

import_payload!(
    ImportAgentDaysPayload,
    "What `importAgentDays` wrote: its rows, by whether their key was new."
);

/// Rows of ad days for a team.
#[derive(InputObject)]
pub struct ImportAdDaysInput {
    /// The team the rows belong to.
    pub team_id: Id,
    /// The rows; one whose natural key (§2) exists overwrites it.
    pub rows: Vec<AdDayInput>,
}

import_payload!(
    ImportAdDaysPayload,
    "What `importAdDays` wrote: its rows, by whether their key was new."
);

/// Rows of deliverables for a team.
#[derive(InputObject)]
pub struct ImportDeliverablesInput {
    /// The team the rows belong to.
    pub team_id: Id,
    /// The rows; one whose natural key (§2) exists overwrites it.
    pub rows: Vec<DeliverableInput>,
}

import_payload!(
    ImportDeliverablesPayload,
    "What `importDeliverables` wrote: its rows, by whether their key was new."
);

/// Rows of competitor snapshots for a team.
#[derive(InputObject)]
pub struct ImportCompetitorSnapshotsInput {
    /// The team the rows belong to.
    pub team_id: Id,
    /// The rows; one whose natural key (§2) exists overwrites it.
    pub rows: Vec<CompetitorSnapshotInput>,
}

import_payload!(
    ImportCompetitorSnapshotsPayload,
    "What `importCompetitorSnapshots` wrote: its rows, by whether their key was new."
);

/// One day of the shop (生意参谋). Money in yuan; counts left out are 0, except `visitors`,
/// `pageViews`, `paidOrders` and `paidUnits`, which some exports lack (抖店罗盘 has no
/// visitors): left out (or null) they are stored as not given, and the figures that need them
/// read null, never 0.
#[derive(InputObject)]
pub struct ShopDayInput {
    /// The team's local day the figures are for.
    pub date: Date,
    /// 访客数. Optional: left out or null, the day has no visitor count (not 0), and every
    /// rate over visitors of a period with that day is null.
    pub visitors: Option<i64>,
    /// 浏览量. Optional, as `visitors`.
    pub page_views: Option<i64>,
    /// 支付买家数
    pub paid_buyers: i64,
    /// 支付订单数. Optional: left out or null, the day has no order count (not 0), and
    /// `ShopMetrics.paidOrders` of any period with that day is null.
    pub paid_orders: Option<i64>,
    /// 支付件数. Optional: left out or null, the day has no unit count (not 0), and
    /// `ShopMetrics.paidUnits` of any period with that day is null.
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
    /// 退款订单数
    pub refund_orders: Option<i64>,
    /// DSR 描述相符, 0..5 with up to three decimals (e.g. 4.812).
    pub dsr_description: Option<Decimal>,
    /// DSR 服务态度
    pub dsr_service: Option<Decimal>,
    /// DSR 物流服务
    pub dsr_logistics: Option<Decimal>,
    /// 店铺层级, 1..7
    pub store_level: Option<i32>,
    /// 商品成本, in yuan: subtracted in GROSS_PROFIT and NET_PROFIT.
    pub cost_of_goods: Option<Decimal>,
    /// 运费, in yuan: subtracted in GROSS_PROFIT and NET_PROFIT.
    pub shipping_cost: Option<Decimal>,
}

impl From<ShopDayInput> for rows::ShopDay {
    fn from(input: ShopDayInput) -> Self {
        let ShopDayInput {
            date,
            visitors,
            page_views,
            paid_buyers,
            paid_orders,
            paid_units,
            paid_amount,
            fav_cart_buyers,
            bounced_visitors,
            returning_visitors,
            refund_amount,
            refund_orders,
            dsr_description,
            dsr_service,
            dsr_logistics,
            store_level,
            cost_of_goods,
            shipping_cost,
        } = input;
        Self {
            date: date.0,
            visitors,
            page_views,
            paid_buyers,
            paid_orders,
            paid_units,
            paid_amount: paid_amount.into(),
            fav_cart_buyers,
            bounced_visitors,
            returning_visitors,
            refund_amount: refund_amount.map(Into::into),
            refund_orders,
            dsr_description: dsr_description.map(Into::into),
            dsr_service: dsr_service.map(Into::into),
            dsr_logistics: dsr_logistics.map(Into::into),
            store_level,
            cost_of_goods: cost_of_goods.map(Into::into),
            shipping_cost: shipping_cost.map(Into::into),
        }
    }
}

/// One product's day. Name the product by `productId` or `platformItemId`.
#[derive(InputObject)]
pub struct ProductDayInput {
    /// The product, or name it by `platformItemId`.
    pub product_id: Option<Id>,
    /// 商品ID
    pub platform_item_id: Option<String>,
    /// The team's local day.
    pub date: Date,
    /// 访客数
    pub visitors: i64,
    /// 支付买家数
    pub paid_buyers: i64,
    /// 支付件数
    pub paid_units: i64,
    /// 支付金额, in yuan.
    pub paid_amount: Decimal,
    /// 收藏加购人数
    pub fav_cart_buyers: Option<i64>,
    /// 中差评
    pub bad_reviews: Option<i64>,
    /// 库存 at the end of the day.
    pub stock: Option<i64>,
}

impl From<ProductDayInput> for rows::ProductDay {
    fn from(input: ProductDayInput) -> Self {
        let ProductDayInput {
            product_id,
            platform_item_id,
            date,
            visitors,
            paid_buyers,
            paid_units,
            paid_amount,
            fav_cart_buyers,
            bad_reviews,
            stock,
        } = input;
        Self {
            product_id: product_id.map(|id| id.0),
            platform_item_id,
            date: date.0,
            visitors,
            paid_buyers,
            paid_units,
            paid_amount: paid_amount.into(),
            fav_cart_buyers,
            bad_reviews,
            stock,
        }
    }
}

/// One customer-service agent's day (赤兔-style). Name the agent by `staffId` or `agent`
/// (e-mail, chat alias or name). Response times come as a sum of seconds and a count, both or
/// neither.
#[derive(InputObject)]
pub struct AgentDayInput {
    /// The agent, or name them by `agent`.
    pub staff_id: Option<Id>,
    /// 旺旺 sub-account, e-mail or name.
    pub agent: Option<String>,
    /// The team's local day.
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
    /// 客服销售件数
    pub sales_units: Option<i64>,
    /// First-response times (首次响应时长) summed, in seconds; with `firstResponseCount`.
    pub first_response_seconds_sum: Option<i64>,
    /// How many first responses `firstResponseSecondsSum` sums.
    pub first_response_count: Option<i64>,
    /// Response times (响应时长) summed, in seconds; with `responseCount`.
    pub response_seconds_sum: Option<i64>,
    /// How many responses `responseSecondsSum` sums.
    pub response_count: Option<i64>,
    /// Messages the buyers sent (买家消息数).
    pub buyer_messages: Option<i64>,
    /// Messages the agent sent (客服消息数).
    pub agent_messages: Option<i64>,
    /// 未回复人数
    pub unreplied: Option<i64>,
    /// 满意 ratings received.
    pub rated_good: Option<i64>,
    /// 不满意 ratings received.
    pub rated_bad: Option<i64>,
}

impl From<AgentDayInput> for rows::AgentDay {
    fn from(input: AgentDayInput) -> Self {
        let AgentDayInput {
            staff_id,
            agent,
            date,
            received,
            inquiries,
            ordered_buyers,
            paid_buyers,
            sales_amount,
            sales_units,
            first_response_seconds_sum,
            first_response_count,
            response_seconds_sum,
            response_count,
            buyer_messages,
            agent_messages,
            unreplied,
            rated_good,
            rated_bad,
        } = input;
        Self {
            staff_id: staff_id.map(|id| id.0),
            agent,
            date: date.0,
            received,
            inquiries,
            ordered_buyers,
            paid_buyers,
            sales_amount: sales_amount.into(),
            sales_units,
            first_response_seconds_sum,
            first_response_count,
            response_seconds_sum,
            response_count,
            buyer_messages,
            agent_messages,
            unreplied,
            rated_good,
            rated_bad,
        }
    }
}

/// One channel's day under one owner (推广). Name the owner by `ownerId` or `owner`.
#[derive(InputObject)]
pub struct AdDayInput {
    /// The team's local day.
    pub date: Date,
    /// The channel (直通车, 淘宝客...).
    pub channel: AdChannel,
    /// The person running the channel, or name them by `owner`.
    pub owner_id: Option<Id>,
    /// E-mail, chat alias or name of the person running the channel.
    pub owner: Option<String>,
    /// 展现量. Optional: left out or null (淘宝客 reports have none), the day has no
    /// impression count (not 0), and the CTR of any period with that day is null.
    pub impressions: Option<i64>,
    /// 点击量
    pub clicks: i64,
    /// 花费
    pub spend: Decimal,
    /// 成交笔数
    pub attributed_orders: i64,
    /// 成交金额
    pub attributed_amount: Decimal,
}

impl From<AdDayInput> for rows::AdDay {
    fn from(input: AdDayInput) -> Self {
        let AdDayInput {
            date,
            channel,
            owner_id,
            owner,
            impressions,
            clicks,
            spend,
            attributed_orders,
            attributed_amount,
        } = input;
        Self {
            date: date.0,
            channel: channel.into(),
            owner_id: owner_id.map(|id| id.0),
            owner,
            impressions,
            clicks,
            spend: spend.into(),
            attributed_orders,
            attributed_amount: attributed_amount.into(),
        }
    }
}

/// A piece of design work, keyed by the team's job `reference`; re-importing it (e.g. once it is
/// delivered) updates it.
#[derive(InputObject)]
pub struct DeliverableInput {
    /// The team's job reference, unique within the team; the key.
    pub reference: String,
    /// The designer, or name them by `designer`.
    pub designer_id: Option<Id>,
    /// E-mail, alias or name of the designer.
    pub designer: Option<String>,
    /// The product it is for, or name it by `platformItemId` (or neither).
    pub product_id: Option<Id>,
    /// 商品ID of the product it is for.
    pub platform_item_id: Option<String>,
    /// What kind of work it is.
    pub kind: DeliverableKind,
    /// The team's local day it was asked for.
    pub requested_on: Date,
    /// The team's local day it is due.
    pub due_on: Date,
    /// The team's local day it was delivered; null while it is not.
    pub delivered_on: Option<Date>,
    /// Rounds of revision it took.
    pub revisions: Option<i64>,
}

impl From<DeliverableInput> for rows::Deliverable {
    fn from(input: DeliverableInput) -> Self {
        let DeliverableInput {
            reference,
            designer_id,
            designer,
            product_id,
            platform_item_id,
            kind,
            requested_on,
            due_on,
            delivered_on,
            revisions,
        } = input;
        Self {
            reference,
            designer_id: designer_id.map(|id| id.0),
            designer,
            product_id: product_id.map(|id| id.0),
            platform_item_id,
            kind: kind.into(),
            requested_on: requested_on.0,
            due_on: due_on.0,
            delivered_on: delivered_on.map(NaiveDate::from),
            revisions,
        }
    }
}

/// A competitor's item as seen on one day.
#[derive(InputObject)]
pub struct CompetitorSnapshotInput {
    /// The competitor's shop name.
    pub competitor: String,
    /// The competitor's item, as the team tracks it (read back exactly as imported).
    pub item: String,
    /// The team's local day it was seen.
    pub date: Date,
    /// The price seen, in yuan.
    pub price: Decimal,
    /// Estimated monthly sales (月销量).
    pub est_monthly_sales: Option<i64>,
    /// Default NONE.
    pub promotion: Option<CompetitorPromotion>,
    /// Search keywords the item was found by.
    pub keywords: Option<String>,
}

impl From<CompetitorSnapshotInput> for rows::CompetitorSnapshot {
    fn from(input: CompetitorSnapshotInput) -> Self {
        let CompetitorSnapshotInput {
            competitor,
            item,
            date,
            price,
            est_monthly_sales,
            promotion,
            keywords,
        } = input;
        Self {
            competitor,
            item,
            date: date.0,
            price: price.into(),
            est_monthly_sales,
            promotion: promotion.map(Into::into),
            keywords,
        }
    }
}
