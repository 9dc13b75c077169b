//! Dashboard queries: thin resolvers over `shop`, `cs`, `reports` and `kpis`.

use std::sync::Arc;

use async_graphql::{Context, Enum, Object, SimpleObject};
use rust_decimal::Decimal;

use rust_decimal::prelude::ToPrimitive;
use sea_orm::Iterable;

use crate::entities::kpi_definition::Direction;
use crate::entities::{AdChannel, Metric, Role};
use crate::error::AppResult;
use crate::graphql::products::Product;
use crate::graphql::staff::Staff;
use crate::graphql::{
    context::{actor, db, loaders, team},
    cost,
    id::Id,
    loaders::load_error,
    relay::{OffsetConnection, offset_page},
};
use crate::money::from_fen;
use crate::period::{Date, Granularity, Month};
use crate::services::catalogue::{CATALOGUE, Def, Sums, Unit, shown};
use crate::services::metrics::cache::DashboardCache;
use crate::services::metrics::cs::{CsMetric, CsTotals, SortOrder};
use crate::services::metrics::reports::{AdTotals, DesignTotals, ProductRow};
use crate::services::metrics::shop::{ShopMetric, ShopTotals};
use crate::services::metrics::{cs, kpis, reports, shop};

/// A period's shop numbers (生意参谋): raw sums and every §3 metric derived from them.
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
    async fn visitors(&self) -> i64 {
        self.0.visitors
    }
    async fn page_views(&self) -> i64 {
        self.0.page_views
    }
    async fn paid_buyers(&self) -> i64 {
        self.0.paid_buyers
    }
    async fn paid_orders(&self) -> i64 {
        self.0.paid_orders
    }
    async fn paid_units(&self) -> i64 {
        self.0.paid_units
    }
    async fn paid_amount(&self) -> Decimal {
        from_fen(self.0.paid_amount_fen)
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
        from_fen(self.0.refund_amount_fen)
    }
    async fn refund_orders(&self) -> i64 {
        self.0.refund_orders
    }
    async fn cost_of_goods(&self) -> Decimal {
        from_fen(self.0.cost_of_goods_fen)
    }
    async fn shipping_cost(&self) -> Decimal {
        from_fen(self.0.shipping_cost_fen)
    }
    /// All channels' ad spend.
    async fn ad_spend(&self) -> Decimal {
        from_fen(self.0.ad_spend_fen)
    }
    async fn ad_attributed_amount(&self) -> Decimal {
        from_fen(self.0.ad_attributed_fen)
    }
    /// 支付转化率 = paid buyers / visitors.
    async fn conversion_rate(&self) -> Option<f64> {
        self.0.float(Metric::ConversionRate)
    }
    /// 客单价 = paid amount / paid buyers.
    async fn aov(&self) -> Option<Decimal> {
        self.0.rounded(Metric::Aov)
    }
    /// 收藏加购率
    async fn fav_cart_rate(&self) -> Option<f64> {
        self.0.float(Metric::FavCartRate)
    }
    /// 跳失率
    async fn bounce_rate(&self) -> Option<f64> {
        self.0.float(Metric::BounceRate)
    }
    /// 人均浏览量 = page views / visitors.
    async fn visit_depth(&self) -> Option<f64> {
        self.0.float(Metric::VisitDepth)
    }
    /// 退款率 = refund amount / paid amount.
    async fn refund_rate(&self) -> Option<f64> {
        self.0.float(Metric::RefundRate)
    }
    /// UV价值 = paid amount / visitors.
    async fn uv_value(&self) -> Option<Decimal> {
        self.0.rounded(Metric::UvValue)
    }
    /// Paid amount − refunds − cost of goods − shipping.
    async fn gross_profit(&self) -> Option<Decimal> {
        self.0.value(Metric::GrossProfit)
    }
    /// Gross profit − all ad spend.
    async fn net_profit(&self) -> Option<Decimal> {
        self.0.value(Metric::NetProfit)
    }
    /// Attributed amount / spend over all channels.
    async fn ad_roi(&self) -> Option<f64> {
        self.0.float(Metric::Roi)
    }
    /// The latest DSR scores of the period.
    async fn dsr_description(&self) -> Option<Decimal> {
        self.0
            .dsr_description_milli
            .map(|m| Decimal::new(m.into(), 3))
    }
    async fn dsr_service(&self) -> Option<Decimal> {
        self.0.dsr_service_milli.map(|m| Decimal::new(m.into(), 3))
    }
    async fn dsr_logistics(&self) -> Option<Decimal> {
        self.0
            .dsr_logistics_milli
            .map(|m| Decimal::new(m.into(), 3))
    }
    async fn store_level(&self) -> Option<i16> {
        self.0.store_level
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "shop::ComparisonBasis")]
pub enum ComparisonBasis {
    PreviousDay,
    /// The mean of the 7 days before (of those with data).
    Previous7DayMean,
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
        let float = |d: Option<Decimal>| d.and_then(|d| d.to_f64());
        Self {
            metric: c.metric,
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
    #[graphql(complexity = "cost::rows(ShopMetric::ALL.len(), child_complexity)")]
    pub changes: Vec<MetricChange>,
    /// Null for TARGET, or when either side sold nothing or nothing changed.
    pub gmv_split: Option<shop::GmvSplit>,
}

impl From<&shop::Comparison> for Comparison {
    fn from(c: &shop::Comparison) -> Self {
        Self {
            basis: c.basis.into(),
            base: c.base.clone().map(ShopMetrics),
            changes: c.changes.iter().map(Into::into).collect(),
            gmv_split: c.gmv_split.clone(),
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

/// An agent's (or the team's) customer-service numbers (§3).
pub struct CsMetrics(pub CsTotals);

#[Object]
impl CsMetrics {
    /// 接待人数
    async fn received(&self) -> i64 {
        self.0.received
    }
    /// 询单人数
    async fn inquiries(&self) -> i64 {
        self.0.inquiries
    }
    async fn ordered_buyers(&self) -> i64 {
        self.0.ordered_buyers
    }
    async fn paid_buyers(&self) -> i64 {
        self.0.paid_buyers
    }
    /// 客服销售额
    async fn sales_amount(&self) -> Decimal {
        from_fen(self.0.sales_amount_fen)
    }
    async fn sales_units(&self) -> i64 {
        self.0.sales_units
    }
    /// 未回复人数
    async fn unreplied(&self) -> i64 {
        self.0.unreplied
    }
    /// Σ seconds to the first response (首次响应总时长).
    async fn first_response_seconds_sum(&self) -> i64 {
        self.0.first_response_seconds_sum
    }
    /// First responses counted (首次响应次数).
    async fn first_response_count(&self) -> i64 {
        self.0.first_response_count
    }
    /// Σ response seconds (响应总时长).
    async fn response_seconds_sum(&self) -> i64 {
        self.0.response_seconds_sum
    }
    /// Responses counted (响应次数).
    async fn response_count(&self) -> i64 {
        self.0.response_count
    }
    /// 买家消息数
    async fn buyer_messages(&self) -> i64 {
        self.0.buyer_messages
    }
    /// 客服消息数
    async fn agent_messages(&self) -> i64 {
        self.0.agent_messages
    }
    /// Buyers who rated the service good (满意).
    async fn rated_good(&self) -> i64 {
        self.0.rated_good
    }
    /// Buyers who rated it bad (不满意).
    async fn rated_bad(&self) -> i64 {
        self.0.rated_bad
    }
    /// 询单→最终付款转化率 = paid buyers / inquiries.
    async fn inquiry_conversion(&self) -> Option<f64> {
        self.0.float(Metric::InquiryConversion)
    }
    /// Ordered buyers / inquiries.
    async fn order_rate(&self) -> Option<f64> {
        self.0.float(Metric::OrderRate)
    }
    /// Paid buyers / ordered buyers.
    async fn payment_rate(&self) -> Option<f64> {
        self.0.float(Metric::PaymentRate)
    }
    /// 客服客单价 = sales amount / paid buyers.
    async fn cs_aov(&self) -> Option<Decimal> {
        self.0.rounded(Metric::CsAov)
    }
    /// Σ first-response seconds / Σ first responses.
    async fn avg_first_response(&self) -> Option<f64> {
        self.0.float(Metric::AvgFirstResponse)
    }
    /// Σ response seconds / Σ responses.
    async fn avg_response(&self) -> Option<f64> {
        self.0.float(Metric::AvgResponse)
    }
    /// 答问比 = agent messages / buyer messages.
    async fn answer_ratio(&self) -> Option<f64> {
        self.0.float(Metric::AnswerRatio)
    }
    /// 回复率 = (received − unreplied) / received.
    async fn reply_rate(&self) -> Option<f64> {
        self.0.float(Metric::ReplyRate)
    }
    /// Rated good / rated.
    async fn satisfaction(&self) -> Option<f64> {
        self.0.float(Metric::Satisfaction)
    }
}

/// An agent minus the team's pooled value: percentage points for rates, units otherwise.
#[derive(SimpleObject)]
pub struct CsGap {
    pub inquiry_conversion_pts: Option<f64>,
    pub order_rate_pts: Option<f64>,
    pub payment_rate_pts: Option<f64>,
    pub reply_rate_pts: Option<f64>,
    pub satisfaction_pts: Option<f64>,
    /// Yuan.
    pub cs_aov: Option<Decimal>,
    /// Seconds.
    pub avg_first_response: Option<f64>,
    pub avg_response: Option<f64>,
    pub answer_ratio: Option<f64>,
}

fn gap(agent: &CsTotals, team: &CsTotals) -> CsGap {
    let diff = |m: Metric| Some(agent.value(m)? - team.value(m)?);
    let units = |m: Metric| diff(m)?.to_f64();
    let pts = |m: Metric| (diff(m)? * Decimal::ONE_HUNDRED).to_f64();
    CsGap {
        inquiry_conversion_pts: pts(Metric::InquiryConversion),
        order_rate_pts: pts(Metric::OrderRate),
        payment_rate_pts: pts(Metric::PaymentRate),
        reply_rate_pts: pts(Metric::ReplyRate),
        satisfaction_pts: pts(Metric::Satisfaction),
        cs_aov: agent
            .rounded(Metric::CsAov)
            .zip(team.rounded(Metric::CsAov))
            .map(|(a, t)| a - t),
        avg_first_response: units(Metric::AvgFirstResponse),
        avg_response: units(Metric::AvgResponse),
        answer_ratio: units(Metric::AnswerRatio),
    }
}

pub struct CsRankRow {
    rank: usize,
    totals: CsTotals,
    team: CsTotals,
}

#[Object]
impl CsRankRow {
    /// 1 = best by the ranking's metric.
    async fn rank(&self) -> usize {
        self.rank
    }
    async fn staff_id(&self) -> Id {
        Id(self.totals.staff_id)
    }
    async fn staff(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        let found = loaders(ctx)
            .staff
            .load_one(self.totals.staff_id)
            .await
            .map_err(load_error)?;
        Ok(found.map(Staff))
    }
    async fn metrics(&self) -> CsMetrics {
        CsMetrics(self.totals.clone())
    }
    /// The agent against the team's pooled value.
    async fn gap(&self) -> CsGap {
        gap(&self.totals, &self.team)
    }
}

pub struct CsRanking {
    team: CsTotals,
    rows: Vec<CsRankRow>,
}

#[Object]
impl CsRanking {
    /// The team pooled: every agent's sums added, then the ratios.
    async fn team(&self) -> CsMetrics {
        CsMetrics(self.team.clone())
    }
    #[graphql(complexity = "cost::page(first, child_complexity)")]
    async fn agents(
        &self,
        #[graphql(default = 100)] first: i32,
        after: Option<String>,
    ) -> AppResult<OffsetConnection<&CsRankRow>> {
        offset_page(self.rows.iter().collect(), first, after)
    }
}

/// Paid traffic numbers (§3 ads).
pub struct AdMetrics(pub AdTotals);

#[Object]
impl AdMetrics {
    /// 展现量
    async fn impressions(&self) -> i64 {
        self.0.impressions
    }
    /// 点击量
    async fn clicks(&self) -> i64 {
        self.0.clicks
    }
    /// 花费
    async fn spend(&self) -> Decimal {
        from_fen(self.0.spend_fen)
    }
    async fn attributed_orders(&self) -> i64 {
        self.0.attributed_orders
    }
    async fn attributed_amount(&self) -> Decimal {
        from_fen(self.0.attributed_amount_fen)
    }
    /// Clicks / impressions.
    async fn ctr(&self) -> Option<f64> {
        self.0.float(Metric::Ctr)
    }
    /// PPC = spend / clicks.
    async fn cpc(&self) -> Option<Decimal> {
        self.0.rounded(Metric::Cpc)
    }
    /// Attributed orders / clicks.
    async fn cvr(&self) -> Option<f64> {
        self.0.float(Metric::Cvr)
    }
    /// 投入产出比 = attributed amount / spend.
    async fn roi(&self) -> Option<f64> {
        self.0.float(Metric::Roi)
    }
}

#[derive(SimpleObject)]
pub struct AdChannelRow {
    pub channel: AdChannel,
    pub metrics: AdMetrics,
}

pub struct AdOwnerRow {
    owner_id: i64,
    totals: AdTotals,
}

#[Object]
impl AdOwnerRow {
    async fn owner_id(&self) -> Id {
        Id(self.owner_id)
    }
    async fn owner(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        let found = loaders(ctx)
            .staff
            .load_one(self.owner_id)
            .await
            .map_err(load_error)?;
        Ok(found.map(Staff))
    }
    async fn metrics(&self) -> AdMetrics {
        AdMetrics(self.totals.clone())
    }
}

#[derive(SimpleObject)]
pub struct AdReport {
    pub total: AdMetrics,
    #[graphql(complexity = "cost::rows(AdChannel::iter().count(), child_complexity)")]
    pub by_channel: Vec<AdChannelRow>,
    /// Managers see every owner; staff only themselves.
    #[graphql(complexity = "cost::rows(cost::TEAM_PEOPLE, child_complexity)")]
    pub by_owner: Vec<AdOwnerRow>,
}

pub struct DesignerRow(DesignTotals);

#[Object]
impl DesignerRow {
    async fn designer_id(&self) -> Id {
        Id(self.0.designer_id)
    }
    async fn designer(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        let found = loaders(ctx)
            .staff
            .load_one(self.0.designer_id)
            .await
            .map_err(load_error)?;
        Ok(found.map(Staff))
    }
    /// Delivered within the range.
    async fn delivered(&self) -> i64 {
        self.0.delivered
    }
    /// Of those, delivered on or before their due date.
    async fn on_time(&self) -> i64 {
        self.0.on_time
    }
    async fn on_time_rate(&self) -> Option<f64> {
        self.0.float(Metric::OnTimeRate)
    }
    /// Revisions of the delivered pieces.
    async fn revisions(&self) -> i64 {
        self.0.revisions
    }
    async fn avg_revisions(&self) -> Option<f64> {
        self.0.float(Metric::AvgRevisions)
    }
    /// Requested and not delivered at the end of the range.
    async fn open(&self) -> i64 {
        self.0.open
    }
    /// Open and past due at the end of the range.
    async fn overdue(&self) -> i64 {
        self.0.overdue
    }
}

pub struct ProductReportRow(ProductRow);

#[Object]
impl ProductReportRow {
    async fn product(&self) -> Product {
        Product(self.0.product.clone())
    }
    async fn visitors(&self) -> i64 {
        self.0.totals.visitors
    }
    async fn paid_buyers(&self) -> i64 {
        self.0.totals.paid_buyers
    }
    async fn paid_units(&self) -> i64 {
        self.0.totals.paid_units
    }
    async fn paid_amount(&self) -> Decimal {
        from_fen(self.0.totals.paid_amount_fen)
    }
    async fn fav_cart_buyers(&self) -> i64 {
        self.0.totals.fav_cart_buyers
    }
    async fn conversion_rate(&self) -> Option<f64> {
        self.0.totals.float(Metric::ConversionRate)
    }
    /// 中差评 in the range.
    async fn bad_reviews(&self) -> i64 {
        self.0.totals.bad_reviews
    }
    /// Stock on the latest day of the range's last week that reported it.
    async fn stock(&self) -> Option<i64> {
        self.0.stock
    }
    /// Mean units sold per day over the range's last 7 days (days with data).
    async fn recent_daily_units(&self) -> Option<f64> {
        self.0.recent_daily_units
    }
    /// Stock / recent daily units: days until sold out at the recent pace.
    async fn stock_cover_days(&self) -> Option<f64> {
        self.0.stock_cover_days()
    }
}

#[derive(SimpleObject)]
pub struct KpiValue {
    pub metric: Metric,
    /// Yuan for money, a fraction for rates, seconds for times; null when there is no data.
    /// Rounded to the unit's places (money 0.01, rates 0.0001), with more places where rounding
    /// would move it onto or across its target (249.995 against a target of 250).
    pub value: Option<Decimal>,
    /// The person's target for the month, else the team's; for OWNED_CONVERSION the shop's
    /// conversion (TEAM_AVERAGE) unless a target was set.
    pub target: Option<Decimal>,
}

pub struct StaffKpis(kpis::StaffKpis);

#[Object]
impl StaffKpis {
    async fn staff(&self) -> Staff {
        Staff(self.0.staff.clone())
    }
    async fn role(&self) -> Option<Role> {
        self.0.staff.role
    }
    #[graphql(complexity = "cost::rows(cost::ITEM_ROWS, child_complexity)")]
    async fn values(&self) -> Vec<KpiValue> {
        self.0
            .values
            .iter()
            .map(|v| KpiValue {
                metric: v.metric,
                value: v.value().map(|value| {
                    let places = v.metric.def().unit.places();
                    shown(value, places, v.target.as_slice())
                }),
                target: v.target,
            })
            .collect()
    }
}

/// A metric as the catalogue defines it (DOMAIN §3).
pub struct MetricDef(&'static Def);

#[Object]
impl MetricDef {
    async fn metric(&self) -> Metric {
        self.0.metric
    }
    /// DOMAIN's snake_case name, as bonus formulas show it (`inquiry_conversion`).
    async fn name(&self) -> &str {
        self.0.name
    }
    /// The Chinese name users see in their exports (询单→最终付款转化率).
    async fn label(&self) -> &str {
        self.0.label
    }
    async fn unit(&self) -> Unit {
        self.0.unit
    }
    /// Decimal places a value is shown with (rates as fractions).
    async fn places(&self) -> u32 {
        self.0.unit.places()
    }
    /// Whether higher or lower is better.
    async fn direction(&self) -> Direction {
        self.0.direction
    }
    /// A sum over days (an amount or a count) rather than a ratio of sums.
    async fn is_sum(&self) -> bool {
        self.0.is_sum()
    }
    /// The role whose people each have their own value; everyone else is measured on the
    /// team's pooled sums. Null for the shop's metrics.
    async fn own_role(&self) -> Option<Role> {
        self.0.source.own_role()
    }
}

fn cache<'a>(ctx: &Context<'a>) -> &'a DashboardCache {
    ctx.data_unchecked::<Arc<DashboardCache>>()
}

#[derive(Default)]
pub struct MetricsQuery;

#[Object]
impl MetricsQuery {
    /// Every metric of DOMAIN §3 (33): what targets, KPIs and dashboards measure, with its unit
    /// and direction. Any signed-in person.
    #[graphql(complexity = "cost::rows(CATALOGUE.len(), child_complexity)")]
    async fn metric_catalogue(&self, ctx: &Context<'_>) -> AppResult<Vec<MetricDef>> {
        actor(ctx)?;
        Ok(CATALOGUE.iter().map(MetricDef).collect())
    }

    /// The shop's numbers over `from..=to` (at most 1100 days), one entry per DAY / WEEK (Monday
    /// to Sunday) / MONTH bucket, clipped to the range. Every member of the team.
    #[graphql(complexity = "cost::rows(cost::periods(from, to, granularity), child_complexity)")]
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
            cache(ctx),
            actor(ctx)?,
            &team,
            from.0,
            to.0,
            granularity,
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
        let s = shop::day_summary(db(ctx), cache(ctx), actor(ctx)?, &team, date.0).await?;
        Ok(DaySummary {
            date: s.date.into(),
            day: ShopMetrics(s.day.clone()),
            comparisons: s.comparisons.iter().map(Into::into).collect(),
        })
    }

    /// The customer-service ranking (赤兔-style): every agent's §3 metrics, the team's pooled
    /// value and each agent's gap to it. Sorted by `sortBy`, best first unless `order` says
    /// otherwise. Managers; staff too when the team shows the ranking.
    async fn cs_ranking(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        from: Date,
        to: Date,
        #[graphql(default_with = "CsMetric::SalesAmount")] sort_by: CsMetric,
        order: Option<SortOrder>,
    ) -> AppResult<CsRanking> {
        let team = team(ctx, team_id.0).await?;
        let r = cs::ranking(
            db(ctx),
            cache(ctx),
            actor(ctx)?,
            &team,
            from.0,
            to.0,
            sort_by,
            order,
        )
        .await?;
        let staff = ctx
            .look_ahead()
            .field("agents")
            .field("edges")
            .field("node")
            .field("staff");
        if staff.exists() {
            let ids = r.agents.iter().map(|a| a.staff_id);
            loaders(ctx)
                .prime_staff(ids, staff.field("team").exists())
                .await?;
        }
        let rows = r
            .agents
            .iter()
            .enumerate()
            .map(|(i, totals)| CsRankRow {
                rank: i + 1,
                totals: totals.clone(),
                team: r.team.clone(),
            })
            .collect();
        Ok(CsRanking {
            team: r.team.clone(),
            rows,
        })
    }

    /// Paid traffic by channel and by owner.
    async fn ad_report(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        from: Date,
        to: Date,
    ) -> AppResult<AdReport> {
        let team = team(ctx, team_id.0).await?;
        let r = reports::ad_report_seen_by(db(ctx), actor(ctx)?, team.id, from.0, to.0).await?;
        Ok(AdReport {
            total: AdMetrics(r.total),
            by_channel: r
                .by_channel
                .into_iter()
                .map(|(channel, t)| AdChannelRow {
                    channel,
                    metrics: AdMetrics(t),
                })
                .collect(),
            by_owner: r
                .by_owner
                .into_iter()
                .map(|(owner_id, totals)| AdOwnerRow { owner_id, totals })
                .collect(),
        })
    }

    /// Design work per designer: delivered, on time, revisions, open. Managers see everyone;
    /// staff themselves.
    #[graphql(complexity = "cost::rows(cost::TEAM_PEOPLE, child_complexity)")]
    async fn design_report(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        from: Date,
        to: Date,
    ) -> AppResult<Vec<DesignerRow>> {
        let team = team(ctx, team_id.0).await?;
        let rows =
            reports::design_report_seen_by(db(ctx), actor(ctx)?, team.id, from.0, to.0).await?;
        Ok(rows.into_iter().map(DesignerRow).collect())
    }

    /// Products with their numbers, hero products (主推款) first, then by paid amount.
    #[graphql(complexity = "cost::page(first, child_complexity)")]
    async fn product_report(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        from: Date,
        to: Date,
        #[graphql(default = 20)] first: i32,
        after: Option<String>,
    ) -> AppResult<OffsetConnection<ProductReportRow>> {
        let team = team(ctx, team_id.0).await?;
        let rows = reports::product_report(db(ctx), actor(ctx)?, team.id, from.0, to.0).await?;
        offset_page(
            rows.into_iter().map(ProductReportRow).collect(),
            first,
            after,
        )
    }

    /// Each person's KPI metrics for a month (§7 by role) with their targets. Managers see the
    /// team's active people (or `staffId`'s); staff see only themselves.
    #[graphql(
        complexity = "cost::rows(if staff_id.is_some() { 1 } else { cost::TEAM_PEOPLE }, child_complexity)"
    )]
    async fn staff_kpis(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        month: Month,
        staff_id: Option<Id>,
    ) -> AppResult<Vec<StaffKpis>> {
        let team = team(ctx, team_id.0).await?;
        let kpis =
            kpis::staff_kpis(db(ctx), actor(ctx)?, &team, month, staff_id.map(|id| id.0)).await?;
        Ok(kpis.into_iter().map(StaffKpis).collect())
    }
}
