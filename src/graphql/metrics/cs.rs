//! The customer-service ranking (赤兔-style).

use crate::graphql::scalars::Decimal;
use async_graphql::{Context, Enum, Object, SimpleObject};
use rust_decimal::prelude::ToPrimitive;

use crate::error::AppResult;
use crate::graphql::enums::Metric;
use crate::graphql::staff::Staff;
use crate::graphql::{
    context::{actor, dashboard_cache, db, loaders, team},
    cost,
    id::Id,
    loaders::load_error,
    relay::{OffsetConnection, offset_page},
};
use crate::money::from_fen;
use crate::period::Date;
use crate::services::catalogue::Sums;
use crate::services::metrics::cs::{self, CsTotals};

/// What a ranking can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "cs::CsMetric")]
pub enum CsMetric {
    /// 客服销售额, yuan.
    SalesAmount,
    /// 询单人数
    Inquiries,
    /// 询单→最终付款转化率 = paid buyers / inquiries, a fraction.
    InquiryConversion,
    /// 询单→下单转化率 = ordered buyers / inquiries, a fraction.
    OrderRate,
    /// 下单→付款转化率 = paid buyers / ordered buyers, a fraction.
    PaymentRate,
    /// 客服客单价 = sales amount / paid buyers, yuan.
    CsAov,
    /// Average first response, seconds (lower is better).
    AvgFirstResponse,
    /// Average response, seconds (lower is better).
    AvgResponse,
    /// 答问比 = agent messages / buyer messages.
    AnswerRatio,
    /// 回复率 = (received − unreplied) / received, a fraction.
    ReplyRate,
    /// Good ratings / all ratings, a fraction.
    Satisfaction,
}

/// A sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "cs::SortOrder")]
pub enum SortOrder {
    /// Smallest first.
    Asc,
    /// Largest first.
    Desc,
}

pub struct CsMetrics(pub CsTotals);

/// An agent's (or the team's) customer-service numbers (§3) over the range: counts summed over
/// days, money in yuan, rates as fractions, times in seconds; a ratio is null when its
/// denominator is 0.
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
    /// 询单→下单人数: buyers who inquired and ordered.
    async fn ordered_buyers(&self) -> i64 {
        self.0.ordered_buyers
    }
    /// 询单→最终付款人数: buyers who inquired and paid.
    async fn paid_buyers(&self) -> i64 {
        self.0.paid_buyers
    }
    /// 客服销售额, yuan.
    async fn sales_amount(&self) -> Decimal {
        from_fen(self.0.sales_amount_fen).into()
    }
    /// 客服销售件数: units sold through the agent.
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
    /// 询单→最终付款转化率 = paid buyers / inquiries, a fraction.
    async fn inquiry_conversion(&self) -> Option<f64> {
        self.0.float(Metric::InquiryConversion.into())
    }
    /// Ordered buyers / inquiries, a fraction.
    async fn order_rate(&self) -> Option<f64> {
        self.0.float(Metric::OrderRate.into())
    }
    /// Paid buyers / ordered buyers, a fraction.
    async fn payment_rate(&self) -> Option<f64> {
        self.0.float(Metric::PaymentRate.into())
    }
    /// 客服客单价 = sales amount / paid buyers, yuan.
    async fn cs_aov(&self) -> Option<Decimal> {
        self.0.rounded(Metric::CsAov.into()).map(Into::into)
    }
    /// Σ first-response seconds / Σ first responses, seconds.
    async fn avg_first_response(&self) -> Option<f64> {
        self.0.float(Metric::AvgFirstResponse.into())
    }
    /// Σ response seconds / Σ responses, seconds.
    async fn avg_response(&self) -> Option<f64> {
        self.0.float(Metric::AvgResponse.into())
    }
    /// 答问比 = agent messages / buyer messages.
    async fn answer_ratio(&self) -> Option<f64> {
        self.0.float(Metric::AnswerRatio.into())
    }
    /// 回复率 = (received − unreplied) / received, a fraction.
    async fn reply_rate(&self) -> Option<f64> {
        self.0.float(Metric::ReplyRate.into())
    }
    /// Rated good / rated, a fraction.
    async fn satisfaction(&self) -> Option<f64> {
        self.0.float(Metric::Satisfaction.into())
    }
}

/// An agent minus the team's pooled value: percentage points for rates, units otherwise.
#[derive(SimpleObject)]
pub struct CsGap {
    /// Inquiry conversion gap, percentage points (a fraction gap × 100); null when either side
    /// lacks a value.
    pub inquiry_conversion_pts: Option<f64>,
    /// Order rate gap, percentage points; null as `inquiryConversionPts` is.
    pub order_rate_pts: Option<f64>,
    /// Payment rate gap, percentage points.
    pub payment_rate_pts: Option<f64>,
    /// Reply rate gap, percentage points.
    pub reply_rate_pts: Option<f64>,
    /// Satisfaction gap, percentage points.
    pub satisfaction_pts: Option<f64>,
    /// Yuan.
    pub cs_aov: Option<Decimal>,
    /// Seconds.
    pub avg_first_response: Option<f64>,
    /// Average response gap, seconds (negative is faster than the team).
    pub avg_response: Option<f64>,
    /// Answer ratio gap, agent messages per buyer message.
    pub answer_ratio: Option<f64>,
}

impl From<cs::Gap> for CsGap {
    fn from(g: cs::Gap) -> Self {
        let float = |d: Option<rust_decimal::Decimal>| d.and_then(|d| d.to_f64());
        Self {
            inquiry_conversion_pts: float(g.inquiry_conversion_pts),
            order_rate_pts: float(g.order_rate_pts),
            payment_rate_pts: float(g.payment_rate_pts),
            reply_rate_pts: float(g.reply_rate_pts),
            satisfaction_pts: float(g.satisfaction_pts),
            cs_aov: g.cs_aov.map(Into::into),
            avg_first_response: float(g.avg_first_response),
            avg_response: float(g.avg_response),
            answer_ratio: float(g.answer_ratio),
        }
    }
}

pub struct CsRankRow {
    rank: usize,
    totals: CsTotals,
    team: CsTotals,
}

/// One agent's place in the ranking.
#[Object]
impl CsRankRow {
    /// 1 = best by the ranking's metric.
    async fn rank(&self) -> usize {
        self.rank
    }
    /// The agent.
    async fn staff_id(&self) -> Id {
        Id(self.totals.staff_id)
    }
    /// That person; null if no longer found.
    async fn staff(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        let found = loaders(ctx)
            .staff
            .load_one(self.totals.staff_id)
            .await
            .map_err(load_error)?;
        Ok(found.map(Staff))
    }
    /// The agent's numbers over the range.
    async fn metrics(&self) -> CsMetrics {
        CsMetrics(self.totals.clone())
    }
    /// The agent against the team's pooled value.
    async fn gap(&self) -> CsGap {
        cs::gap(&self.totals, &self.team).into()
    }
}

pub struct CsRanking {
    team: CsTotals,
    rows: Vec<CsRankRow>,
}

/// The customer-service ranking over a range.
#[Object]
impl CsRanking {
    /// The team pooled: every agent's sums added, then the ratios.
    async fn team(&self) -> CsMetrics {
        CsMetrics(self.team.clone())
    }
    /// The agents in rank order: a Relay connection (`first` at most 100).
    #[graphql(complexity = "cost::page(first, child_complexity)")]
    async fn agents(
        &self,
        #[graphql(desc = "Page size, 1 to 100.", default = 100)] first: i32,
        #[graphql(desc = "The cursor of the last row of the previous page.")] after: Option<String>,
    ) -> AppResult<OffsetConnection<&CsRankRow>> {
        offset_page(self.rows.iter().collect(), first, after)
    }
}

#[derive(Default)]
pub struct CsQuery;

#[Object]
impl CsQuery {
    /// The customer-service ranking (赤兔-style): every agent's §3 metrics, the team's pooled
    /// value and each agent's gap to it. Sorted by `sortBy`, best first unless `order` says
    /// otherwise. Managers; staff too when the team shows the ranking.
    async fn cs_ranking(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team whose agents are ranked.")] team_id: Id,
        #[graphql(desc = "The range's first day (the team's local day).")] from: Date,
        #[graphql(desc = "The range's last day, inclusive.")] to: Date,
        #[graphql(desc = "The metric ranked by.", default_with = "CsMetric::SalesAmount")]
        sort_by: CsMetric,
        #[graphql(desc = "Null for best first (DESC, or ASC for lower-is-better times).")]
        order: Option<SortOrder>,
    ) -> AppResult<CsRanking> {
        let team = team(ctx, team_id.0).await?;
        let r = cs::ranking(
            db(ctx),
            dashboard_cache(ctx),
            actor(ctx)?,
            &team,
            from.0,
            to.0,
            sort_by.into(),
            order.map(Into::into),
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
}
