//! The shop dashboards: its numbers over a range, and a day against its comparisons.

use crate::graphql::scalars::Decimal;
use async_graphql::{Context, Enum, Object, SimpleObject};
use rust_decimal::prelude::ToPrimitive;

use crate::error::AppResult;
use crate::graphql::enums::Metric;
use crate::graphql::{
    context::{actor, dashboard_cache, db, team},
    cost,
    id::Id,
};
use crate::money::from_fen;
use crate::period::{self, Date};
use crate::services::catalogue::Sums;
use crate::services::metrics::shop::{self, ShopTotals};

pub struct ShopMetrics(pub ShopTotals);

/// The shop's numbers (DOMAIN §3) over a period: a day, a bucket of a range, or a comparison's
/// base. Money in yuan, rates as fractions; a ratio is null when its denominator is 0 or missing.
#[Object]
impl ShopMetrics {
    /// The period's first day.
    async fn period_start(&self) -> Date {
        self.0.start.into()
    }
    /// The period's last day (inclusive).
    async fn period_end(&self) -> Date {
        self.0.end.into()
    }
    /// Days of the period with shop data.
    async fn days(&self) -> i64 {
        self.0.days
    }
    /// 访客数; null when a day of the period was imported without it.
    async fn visitors(&self) -> Option<i64> {
        self.0.visitors
    }
    /// 浏览量; null when a day of the period was imported without it.
    async fn page_views(&self) -> Option<i64> {
        self.0.page_views
    }
    /// 支付买家数, summed over the days of the period.
    async fn paid_buyers(&self) -> i64 {
        self.0.paid_buyers
    }
    /// 支付订单数 over the period. Null when any day of the period was imported without it: a
    /// sum over only the days that have it would be a wrong figure (and it is never taken as 0).
    async fn paid_orders(&self) -> Option<i64> {
        self.0.paid_orders
    }
    /// 支付件数 over the period; null as `paidOrders` is, when any day lacks it.
    async fn paid_units(&self) -> Option<i64> {
        self.0.paid_units
    }
    /// 支付金额 over the period, yuan.
    async fn paid_amount(&self) -> Decimal {
        from_fen(self.0.paid_amount_fen).into()
    }
    /// 收藏加购人数, summed over the days of the period.
    async fn fav_cart_buyers(&self) -> i64 {
        self.0.fav_cart_buyers
    }
    /// 跳失人数, summed over the days of the period.
    async fn bounced_visitors(&self) -> i64 {
        self.0.bounced_visitors
    }
    /// 老访客数, summed over the days of the period.
    async fn returning_visitors(&self) -> i64 {
        self.0.returning_visitors
    }
    /// 退款金额 over the period, yuan.
    async fn refund_amount(&self) -> Decimal {
        from_fen(self.0.refund_amount_fen).into()
    }
    /// Refunded orders over the period.
    async fn refund_orders(&self) -> i64 {
        self.0.refund_orders
    }
    /// Cost of the goods sold over the period, yuan.
    async fn cost_of_goods(&self) -> Decimal {
        from_fen(self.0.cost_of_goods_fen).into()
    }
    /// Shipping cost over the period, yuan.
    async fn shipping_cost(&self) -> Decimal {
        from_fen(self.0.shipping_cost_fen).into()
    }
    /// All channels' ad spend, yuan.
    async fn ad_spend(&self) -> Decimal {
        from_fen(self.0.ad_spend_fen).into()
    }
    /// Amount attributed to ads over all channels, yuan.
    async fn ad_attributed_amount(&self) -> Decimal {
        from_fen(self.0.ad_attributed_fen).into()
    }
    /// 支付转化率 = paid buyers / visitors, a fraction; null without visitors.
    async fn conversion_rate(&self) -> Option<f64> {
        self.0.float(Metric::ConversionRate.into())
    }
    /// 客单价 = paid amount / paid buyers, yuan; null without paid buyers.
    async fn aov(&self) -> Option<Decimal> {
        self.0.rounded(Metric::Aov.into()).map(Into::into)
    }
    /// 收藏加购率 = fav-cart buyers / visitors, a fraction; null without visitors.
    async fn fav_cart_rate(&self) -> Option<f64> {
        self.0.float(Metric::FavCartRate.into())
    }
    /// 跳失率 = bounced visitors / visitors, a fraction; null without visitors.
    async fn bounce_rate(&self) -> Option<f64> {
        self.0.float(Metric::BounceRate.into())
    }
    /// 人均浏览量 = page views / visitors; null without visitors.
    async fn visit_depth(&self) -> Option<f64> {
        self.0.float(Metric::VisitDepth.into())
    }
    /// 退款率 = refund amount / paid amount, a fraction; null when nothing was paid.
    async fn refund_rate(&self) -> Option<f64> {
        self.0.float(Metric::RefundRate.into())
    }
    /// UV价值 = paid amount / visitors, yuan; null without visitors.
    async fn uv_value(&self) -> Option<Decimal> {
        self.0.rounded(Metric::UvValue.into()).map(Into::into)
    }
    /// Paid amount − refunds − cost of goods − shipping, yuan.
    async fn gross_profit(&self) -> Option<Decimal> {
        self.0.value(Metric::GrossProfit.into()).map(Into::into)
    }
    /// Gross profit − all ad spend, yuan.
    async fn net_profit(&self) -> Option<Decimal> {
        self.0.value(Metric::NetProfit.into()).map(Into::into)
    }
    /// Attributed amount / spend over all channels (a multiple); null without spend.
    async fn ad_roi(&self) -> Option<f64> {
        self.0.float(Metric::Roi.into())
    }
    /// DSR description score (e.g. 4.812): the period's latest day that has it; null when
    /// no day has it.
    async fn dsr_description(&self) -> Option<Decimal> {
        self.0
            .dsr_description_milli
            .map(|m| rust_decimal::Decimal::new(m.into(), 3).into())
    }
    /// DSR service score, as `dsrDescription` is taken.
    async fn dsr_service(&self) -> Option<Decimal> {
        self.0
            .dsr_service_milli
            .map(|m| rust_decimal::Decimal::new(m.into(), 3).into())
    }
    /// DSR logistics score, as `dsrDescription` is taken.
    async fn dsr_logistics(&self) -> Option<Decimal> {
        self.0
            .dsr_logistics_milli
            .map(|m| rust_decimal::Decimal::new(m.into(), 3).into())
    }
    /// 店铺层级 (1-7) on the period's latest day that has it; null when no day has it.
    async fn store_level(&self) -> Option<i16> {
        self.0.store_level
    }
}

/// The shop metrics a day summary compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "shop::ShopMetric")]
pub enum ShopMetric {
    /// 访客数
    Visitors,
    /// 支付买家数
    PaidBuyers,
    /// 支付金额, yuan.
    PaidAmount,
    /// 支付转化率 = paid buyers / visitors, a fraction.
    ConversionRate,
    /// 客单价 = paid amount / paid buyers, yuan.
    Aov,
    /// 跳失率 = bounced visitors / visitors, a fraction.
    BounceRate,
    /// 人均浏览量 = page views / visitors.
    VisitDepth,
    /// 收藏加购率 = fav-cart buyers / visitors, a fraction.
    FavCartRate,
    /// 退款率 = refund amount / paid amount, a fraction.
    RefundRate,
    /// UV价值 = paid amount / visitors, yuan.
    UvValue,
    /// All ad spend of the day, yuan.
    AdSpend,
    /// Ad-attributed amount / ad spend.
    AdRoi,
    /// 净利润: gross profit less all ad spend, yuan.
    NetProfit,
}

/// How a change of paid amount G = visitors × conversion × AOV splits into its three factors:
/// ln(G1/G0) = ln(V1/V0) + ln(C1/C0) + ln(A1/A0), each factor's share of the log change (the
/// shares add up to 1).
#[derive(SimpleObject)]
pub struct GmvSplit {
    /// Paid amount per day, the day minus the base, in yuan.
    pub gmv_change: Decimal,
    /// Visitors' share ln(V1/V0) / ln(G1/G0), a fraction of the change (may be negative or
    /// above 1 when factors pull apart).
    pub traffic_share: f64,
    /// Conversion's share ln(C1/C0) / ln(G1/G0).
    pub conversion_share: f64,
    /// AOV's share ln(A1/A0) / ln(G1/G0).
    pub aov_share: f64,
}

impl From<shop::GmvSplit> for GmvSplit {
    fn from(s: shop::GmvSplit) -> Self {
        Self {
            gmv_change: s.gmv_change.into(),
            traffic_share: s.traffic_share,
            conversion_share: s.conversion_share,
            aov_share: s.aov_share,
        }
    }
}

/// What a day is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "shop::ComparisonBasis")]
pub enum ComparisonBasis {
    /// The day before.
    PreviousDay,
    /// The mean of the 7 days before (of those with data).
    Previous7DayMean,
    /// The same weekday a week before.
    SameWeekdayLastWeek,
    /// The day's team targets (§4).
    Target,
}

/// One metric of the day against a base. Display figures: exact money is in `DaySummary.day` and
/// `Comparison.base`.
#[derive(SimpleObject)]
pub struct MetricChange {
    /// The metric compared.
    pub metric: ShopMetric,
    /// The day's value in the metric's unit (yuan, a fraction, a count); null when the day lacks
    /// it or its denominator is 0.
    pub value: Option<f64>,
    /// The base's value in the same unit; null when the base lacks it.
    pub base: Option<f64>,
    /// (value − base) / base × 100; null when either is missing or the base is 0.
    pub change_pct: Option<f64>,
}

impl From<&shop::MetricChange> for MetricChange {
    fn from(c: &shop::MetricChange) -> Self {
        let float = |d: Option<rust_decimal::Decimal>| d.and_then(|d| d.to_f64());
        Self {
            metric: c.metric.into(),
            value: float(c.value),
            base: float(c.base),
            change_pct: float(c.change_pct),
        }
    }
}

/// The day against one base.
#[derive(SimpleObject)]
pub struct Comparison {
    /// What the day is compared with.
    pub basis: ComparisonBasis,
    /// The base period's totals (null for TARGET).
    pub base: Option<ShopMetrics>,
    #[graphql(
        complexity = "cost::rows(<ShopMetric as async_graphql::EnumType>::items().len(), child_complexity)"
    )]
    /// One per shop metric (bounded: the 13 values of ShopMetric).
    pub changes: Vec<MetricChange>,
    /// Null for TARGET, or when either side sold nothing or nothing changed.
    pub gmv_split: Option<GmvSplit>,
}

impl From<&shop::Comparison> for Comparison {
    fn from(c: &shop::Comparison) -> Self {
        Self {
            basis: c.basis.into(),
            base: c.base.clone().map(ShopMetrics),
            changes: c.changes.iter().map(Into::into).collect(),
            gmv_split: c.gmv_split.clone().map(Into::into),
        }
    }
}

/// A day of the shop against its comparisons.
#[derive(SimpleObject)]
pub struct DaySummary {
    /// The team's local day summarised.
    pub date: Date,
    /// The day's own numbers.
    pub day: ShopMetrics,
    /// One per basis (bounded: the 4 values of ComparisonBasis).
    #[graphql(
        complexity = "cost::rows(<ComparisonBasis as async_graphql::EnumType>::items().len(), child_complexity)"
    )]
    pub comparisons: Vec<Comparison>,
}

#[derive(Default)]
pub struct ShopQuery;

/// How a dashboard buckets days.
#[derive(Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "period::Granularity")]
pub enum Granularity {
    /// One bucket per day.
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    /// Calendar months.
    Month,
}

#[Object]
impl ShopQuery {
    /// The shop's numbers over `from..=to` (at most 1100 days), one entry per DAY / WEEK (Monday
    /// to Sunday) / MONTH bucket, clipped to the range; bounded by the buckets of the range (at most
    /// 1100). Every member of the team.
    #[graphql(
        complexity = "cost::rows(cost::periods(from, to, granularity.into()), child_complexity)"
    )]
    async fn shop_metrics(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team whose shop is read.")] team_id: Id,
        #[graphql(desc = "The range's first day (the team's local day).")] from: Date,
        #[graphql(desc = "The range's last day, inclusive.")] to: Date,
        #[graphql(desc = "How days are bucketed.", default_with = "Granularity::Day")] granularity: Granularity,
    ) -> AppResult<Vec<ShopMetrics>> {
        let team = team(ctx, team_id.0).await?;
        let buckets = shop::metrics(
            db(ctx),
            dashboard_cache(ctx),
            actor(ctx)?,
            &team,
            from.0,
            to.0,
            granularity.into(),
        )
        .await?;
        Ok(buckets.into_iter().map(ShopMetrics).collect())
    }

    /// A day against the previous day, the mean of the 7 days before, the same weekday last week
    /// and the day's targets, with the GMV split. Every member of the team.
    async fn day_summary(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team whose shop is read.")] team_id: Id,
        #[graphql(desc = "The day summarised (the team's local day).")] date: Date,
    ) -> AppResult<DaySummary> {
        let team = team(ctx, team_id.0).await?;
        let s =
            shop::day_summary(db(ctx), dashboard_cache(ctx), actor(ctx)?, &team, date.0).await?;
        Ok(DaySummary {
            date: s.date.into(),
            day: ShopMetrics(s.day.clone()),
            comparisons: s.comparisons.iter().map(Into::into).collect(),
        })
    }
}
