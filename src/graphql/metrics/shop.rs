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

#[Object]
impl ShopMetrics {
    async fn period_start(&self) -> Date {
        self.0.start.into()
    }
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
    async fn paid_amount(&self) -> Decimal {
        from_fen(self.0.paid_amount_fen).into()
    }
    async fn fav_cart_buyers(&self) -> i64 {
        self.0.fav_cart_buyers
    }
    async fn bounced_visitors(&self) -> i64 {
        self.0.bounced_visitors
    }
    async fn returning_visitors(&self) -> i64 {
        self.0.returning_visitors
    }
    async fn refund_amount(&self) -> Decimal {
        from_fen(self.0.refund_amount_fen).into()
    }
    async fn refund_orders(&self) -> i64 {
        self.0.refund_orders
    }
    async fn cost_of_goods(&self) -> Decimal {
        from_fen(self.0.cost_of_goods_fen).into()
    }
    async fn shipping_cost(&self) -> Decimal {
        from_fen(self.0.shipping_cost_fen).into()
    }
    /// All channels' ad spend.
    async fn ad_spend(&self) -> Decimal {
        from_fen(self.0.ad_spend_fen).into()
    }
    async fn ad_attributed_amount(&self) -> Decimal {
        from_fen(self.0.ad_attributed_fen).into()
    }
    /// 支付转化率 = paid buyers / visitors.
    async fn conversion_rate(&self) -> Option<f64> {
        self.0.float(Metric::ConversionRate.into())
    }
    /// 客单价 = paid amount / paid buyers.
    async fn aov(&self) -> Option<Decimal> {
        self.0.rounded(Metric::Aov.into()).map(Into::into)
    }
    /// 收藏加购率
    async fn fav_cart_rate(&self) -> Option<f64> {
        self.0.float(Metric::FavCartRate.into())
    }
    /// 跳失率
    async fn bounce_rate(&self) -> Option<f64> {
        self.0.float(Metric::BounceRate.into())
    }
    /// 人均浏览量 = page views / visitors.
    async fn visit_depth(&self) -> Option<f64> {
        self.0.float(Metric::VisitDepth.into())
    }
    /// 退款率 = refund amount / paid amount.
    async fn refund_rate(&self) -> Option<f64> {
        self.0.float(Metric::RefundRate.into())
    }
    /// UV价值 = paid amount / visitors.
    async fn uv_value(&self) -> Option<Decimal> {
        self.0.rounded(Metric::UvValue.into()).map(Into::into)
    }
    /// Paid amount − refunds − cost of goods − shipping.
    async fn gross_profit(&self) -> Option<Decimal> {
        self.0.value(Metric::GrossProfit.into()).map(Into::into)
    }
    /// Gross profit − all ad spend.
    async fn net_profit(&self) -> Option<Decimal> {
        self.0.value(Metric::NetProfit.into()).map(Into::into)
    }
    /// Attributed amount / spend over all channels.
    async fn ad_roi(&self) -> Option<f64> {
        self.0.float(Metric::Roi.into())
    }
    /// The latest DSR scores of the period.
    async fn dsr_description(&self) -> Option<Decimal> {
        self.0
            .dsr_description_milli
            .map(|m| rust_decimal::Decimal::new(m.into(), 3).into())
    }
    async fn dsr_service(&self) -> Option<Decimal> {
        self.0
            .dsr_service_milli
            .map(|m| rust_decimal::Decimal::new(m.into(), 3).into())
    }
    async fn dsr_logistics(&self) -> Option<Decimal> {
        self.0
            .dsr_logistics_milli
            .map(|m| rust_decimal::Decimal::new(m.into(), 3).into())
    }
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
    pub traffic_share: f64,
    pub conversion_share: f64,
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
    pub metric: ShopMetric,
    pub value: Option<f64>,
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

#[derive(SimpleObject)]
pub struct Comparison {
    pub basis: ComparisonBasis,
    /// The base period's totals (null for TARGET).
    pub base: Option<ShopMetrics>,
    #[graphql(
        complexity = "cost::rows(<ShopMetric as async_graphql::EnumType>::items().len(), child_complexity)"
    )]
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

#[derive(SimpleObject)]
pub struct DaySummary {
    pub date: Date,
    pub day: ShopMetrics,
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
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    Month,
}

#[Object]
impl ShopQuery {
    /// The shop's numbers over `from..=to` (at most 1100 days), one entry per DAY / WEEK (Monday
    /// to Sunday) / MONTH bucket, clipped to the range. Every member of the team.
    #[graphql(
        complexity = "cost::rows(cost::periods(from, to, granularity.into()), child_complexity)"
    )]
    async fn shop_metrics(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        from: Date,
        to: Date,
        #[graphql(default_with = "Granularity::Day")] granularity: Granularity,
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
        team_id: Id,
        date: Date,
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
