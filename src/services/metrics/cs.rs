//! Customer-service metrics (§3) per agent and pooled for the team: the 赤兔-style ranking.

use std::cmp::Ordering;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
};

use super::cache::DashboardCache;
use super::{add, select_sums};
use crate::entities::kpi_definition::Direction;
use crate::entities::{Metric, agent_day, team};
use crate::error::{AppError, AppResult};
use crate::period::check_range;
use crate::services::auth::Actor;
use crate::services::catalogue::{Sum, Sums};

/// An agent's (or the team's) sums over a range.
#[derive(Debug, Clone, Default, PartialEq, FromQueryResult)]
pub struct CsTotals {
    pub staff_id: i64,
    pub received: i64,
    pub inquiries: i64,
    pub ordered_buyers: i64,
    pub paid_buyers: i64,
    pub sales_amount_fen: i64,
    pub sales_units: i64,
    pub first_response_seconds_sum: i64,
    pub first_response_count: i64,
    pub response_seconds_sum: i64,
    pub response_count: i64,
    pub buyer_messages: i64,
    pub agent_messages: i64,
    pub unreplied: i64,
    pub rated_good: i64,
    pub rated_bad: i64,
}

const SUMMED: [agent_day::Column; 15] = [
    agent_day::Column::Received,
    agent_day::Column::Inquiries,
    agent_day::Column::OrderedBuyers,
    agent_day::Column::PaidBuyers,
    agent_day::Column::SalesAmountFen,
    agent_day::Column::SalesUnits,
    agent_day::Column::FirstResponseSecondsSum,
    agent_day::Column::FirstResponseCount,
    agent_day::Column::ResponseSecondsSum,
    agent_day::Column::ResponseCount,
    agent_day::Column::BuyerMessages,
    agent_day::Column::AgentMessages,
    agent_day::Column::Unreplied,
    agent_day::Column::RatedGood,
    agent_day::Column::RatedBad,
];

impl CsTotals {
    pub fn absorb(&mut self, o: &CsTotals) -> AppResult<()> {
        self.received = add(self.received, o.received)?;
        self.inquiries = add(self.inquiries, o.inquiries)?;
        self.ordered_buyers = add(self.ordered_buyers, o.ordered_buyers)?;
        self.paid_buyers = add(self.paid_buyers, o.paid_buyers)?;
        self.sales_amount_fen = add(self.sales_amount_fen, o.sales_amount_fen)?;
        self.sales_units = add(self.sales_units, o.sales_units)?;
        self.first_response_seconds_sum = add(
            self.first_response_seconds_sum,
            o.first_response_seconds_sum,
        )?;
        self.first_response_count = add(self.first_response_count, o.first_response_count)?;
        self.response_seconds_sum = add(self.response_seconds_sum, o.response_seconds_sum)?;
        self.response_count = add(self.response_count, o.response_count)?;
        self.buyer_messages = add(self.buyer_messages, o.buyer_messages)?;
        self.agent_messages = add(self.agent_messages, o.agent_messages)?;
        self.unreplied = add(self.unreplied, o.unreplied)?;
        self.rated_good = add(self.rated_good, o.rated_good)?;
        self.rated_bad = add(self.rated_bad, o.rated_bad)?;
        Ok(())
    }
}

/// An agent minus the team's pooled value, exact: percentage points for rates, units otherwise.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub inquiry_conversion_pts: Option<Decimal>,
    pub order_rate_pts: Option<Decimal>,
    pub payment_rate_pts: Option<Decimal>,
    pub reply_rate_pts: Option<Decimal>,
    pub satisfaction_pts: Option<Decimal>,
    /// Yuan, between the two averages as shown (to the fen).
    pub cs_aov: Option<Decimal>,
    /// Seconds.
    pub avg_first_response: Option<Decimal>,
    pub avg_response: Option<Decimal>,
    pub answer_ratio: Option<Decimal>,
}

pub fn gap(agent: &CsTotals, team: &CsTotals) -> Gap {
    let diff = |m: Metric| Some(agent.value(m)? - team.value(m)?);
    let pts = |m: Metric| Some(diff(m)? * Decimal::ONE_HUNDRED);
    Gap {
        inquiry_conversion_pts: pts(Metric::InquiryConversion),
        order_rate_pts: pts(Metric::OrderRate),
        payment_rate_pts: pts(Metric::PaymentRate),
        reply_rate_pts: pts(Metric::ReplyRate),
        satisfaction_pts: pts(Metric::Satisfaction),
        cs_aov: agent
            .rounded(Metric::CsAov)
            .zip(team.rounded(Metric::CsAov))
            .map(|(a, t)| a - t),
        avg_first_response: diff(Metric::AvgFirstResponse),
        avg_response: diff(Metric::AvgResponse),
        answer_ratio: diff(Metric::AnswerRatio),
    }
}

impl Sums for CsTotals {
    fn sum(&self, s: Sum) -> Option<i64> {
        Some(match s {
            Sum::Received => self.received,
            Sum::Inquiries => self.inquiries,
            Sum::OrderedBuyers => self.ordered_buyers,
            Sum::PaidBuyers => self.paid_buyers,
            Sum::SalesAmount => self.sales_amount_fen,
            Sum::FirstResponseSeconds => self.first_response_seconds_sum,
            Sum::FirstResponseCount => self.first_response_count,
            Sum::ResponseSeconds => self.response_seconds_sum,
            Sum::ResponseCount => self.response_count,
            Sum::BuyerMessages => self.buyer_messages,
            Sum::AgentMessages => self.agent_messages,
            Sum::Unreplied => self.unreplied,
            Sum::RatedGood => self.rated_good,
            Sum::RatedBad => self.rated_bad,
            _ => return None,
        })
    }
}

/// What a ranking can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsMetric {
    SalesAmount,
    Inquiries,
    InquiryConversion,
    OrderRate,
    PaymentRate,
    CsAov,
    AvgFirstResponse,
    AvgResponse,
    AnswerRatio,
    ReplyRate,
    Satisfaction,
}

impl CsMetric {
    /// The catalogue's metric.
    pub fn metric(self) -> Metric {
        match self {
            Self::SalesAmount => Metric::SalesAmount,
            Self::Inquiries => Metric::Inquiries,
            Self::InquiryConversion => Metric::InquiryConversion,
            Self::OrderRate => Metric::OrderRate,
            Self::PaymentRate => Metric::PaymentRate,
            Self::CsAov => Metric::CsAov,
            Self::AvgFirstResponse => Metric::AvgFirstResponse,
            Self::AvgResponse => Metric::AvgResponse,
            Self::AnswerRatio => Metric::AnswerRatio,
            Self::ReplyRate => Metric::ReplyRate,
            Self::Satisfaction => Metric::Satisfaction,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortOrder {
    Asc,
    Desc,
}

pub struct Ranking {
    /// The team's pooled totals (every agent's sums added).
    pub team: CsTotals,
    /// Agents in rank order.
    pub agents: Vec<CsTotals>,
}

/// Each agent's totals over `from..=to`, one aggregate query.
pub async fn agent_totals(
    db: &DatabaseConnection,
    team_id: i64,
    from: NaiveDate,
    to: NaiveDate,
) -> AppResult<Vec<CsTotals>> {
    Ok(select_sums(
        agent_day::Entity::find()
            .select_only()
            .column(agent_day::Column::StaffId)
            .filter(agent_day::Column::TeamId.eq(team_id))
            .filter(agent_day::Column::Date.between(from, to))
            .group_by(agent_day::Column::StaffId),
        &SUMMED,
    )
    .into_model::<CsTotals>()
    .all(db)
    .await?)
}

pub fn pooled(agents: &[CsTotals]) -> AppResult<CsTotals> {
    let mut team = CsTotals::default();
    for a in agents {
        team.absorb(a)?;
    }
    Ok(team)
}

/// Managers always see the ranking; staff when the team allows it (§9).
fn ensure_may_see_ranking(actor: &Actor, team: &team::Model) -> AppResult<()> {
    actor.ensure_member_of(team.id)?;
    if actor.manages(team.id) || team.cs_ranking_visible {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "this team shows the customer-service ranking to managers only",
        ))
    }
}

/// The ranking over `from..=to` sorted by `sort_by`, best first unless `order` says otherwise,
/// for whoever may see it.
#[allow(clippy::too_many_arguments)]
pub async fn ranking(
    db: &DatabaseConnection,
    cache: &DashboardCache,
    actor: &Actor,
    team: &team::Model,
    from: NaiveDate,
    to: NaiveDate,
    sort_by: CsMetric,
    order: Option<SortOrder>,
) -> AppResult<Arc<Ranking>> {
    check_range(from, to)?;
    ensure_may_see_ranking(actor, team)?;
    cache
        .get_or_compute(
            team,
            format!("cs_ranking {from} {to} {sort_by:?} {order:?}"),
            || rank(db, team.id, from, to, sort_by, order),
        )
        .await
}

async fn rank(
    db: &DatabaseConnection,
    team_id: i64,
    from: NaiveDate,
    to: NaiveDate,
    sort_by: CsMetric,
    order: Option<SortOrder>,
) -> AppResult<Ranking> {
    let agents = agent_totals(db, team_id, from, to).await?;
    let metric = sort_by.metric();
    let order = order.unwrap_or(match metric.def().direction {
        Direction::Lower => SortOrder::Asc,
        Direction::Higher => SortOrder::Desc,
    });
    // Agents without a value (x/0) go last whatever the order; ties by staff id keep it stable.
    let mut keyed: Vec<_> = agents.into_iter().map(|a| (a.value(metric), a)).collect();
    keyed.sort_by(|(x, a), (y, b)| {
        let by_value = match (x, y) {
            (Some(x), Some(y)) => match order {
                SortOrder::Asc => x.cmp(y),
                SortOrder::Desc => y.cmp(x),
            },
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_value.then(a.staff_id.cmp(&b.staff_id))
    });
    let agents: Vec<CsTotals> = keyed.into_iter().map(|(_, a)| a).collect();
    Ok(Ranking {
        team: pooled(&agents)?,
        agents,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gap_is_exact_points_of_rates_and_units_of_the_rest() {
        let agent = CsTotals {
            inquiries: 80,
            paid_buyers: 36,
            sales_amount_fen: 123_450,
            first_response_seconds_sum: 900,
            first_response_count: 100,
            ..Default::default()
        };
        let team = CsTotals {
            inquiries: 300,
            paid_buyers: 80,
            sales_amount_fen: 300_000,
            first_response_seconds_sum: 2_000,
            first_response_count: 250,
            ..Default::default()
        };
        let g = gap(&agent, &team);
        // 36/80 = 0.45 and 80/300 = 0.2666…: 18.333… points, not rounded to 18.33.
        let team_rate = Decimal::from(80) / Decimal::from(300);
        let pts = (Decimal::new(45, 2) - team_rate) * Decimal::ONE_HUNDRED;
        assert_eq!(g.inquiry_conversion_pts, Some(pts));
        assert_eq!(pts.round_dp(2), Decimal::new(1833, 2));
        assert!(pts > Decimal::new(1833, 2));
        // ¥1,234.50 / 36 = ¥34.29 (shown) against ¥3,000.00 / 80 = ¥37.50.
        assert_eq!(g.cs_aov, Some(Decimal::new(-321, 2)));
        // 900 s / 100 = 9 s against 2,000 s / 250 = 8 s.
        assert_eq!(g.avg_first_response, Some(Decimal::ONE));
        // Nobody was rated: no satisfaction, so no gap.
        assert_eq!(g.satisfaction_pts, None);
    }
}
