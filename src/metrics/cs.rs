//! Customer-service metrics (§3) per agent and pooled for the team: the 赤兔-style ranking.

use std::cmp::Ordering;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter, QuerySelect,
};

use super::{ratio, select_sums, yuan_per};
use crate::auth::Actor;
use crate::entities::{agent_day, team};
use crate::error::{AppError, AppResult};

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
    fn absorb(&mut self, o: &CsTotals) {
        self.received += o.received;
        self.inquiries += o.inquiries;
        self.ordered_buyers += o.ordered_buyers;
        self.paid_buyers += o.paid_buyers;
        self.sales_amount_fen += o.sales_amount_fen;
        self.sales_units += o.sales_units;
        self.first_response_seconds_sum += o.first_response_seconds_sum;
        self.first_response_count += o.first_response_count;
        self.response_seconds_sum += o.response_seconds_sum;
        self.response_count += o.response_count;
        self.buyer_messages += o.buyer_messages;
        self.agent_messages += o.agent_messages;
        self.unreplied += o.unreplied;
        self.rated_good += o.rated_good;
        self.rated_bad += o.rated_bad;
    }

    pub fn inquiry_conversion(&self) -> Option<f64> {
        ratio(self.paid_buyers, self.inquiries)
    }
    pub fn order_rate(&self) -> Option<f64> {
        ratio(self.ordered_buyers, self.inquiries)
    }
    pub fn payment_rate(&self) -> Option<f64> {
        ratio(self.paid_buyers, self.ordered_buyers)
    }
    pub fn cs_aov(&self) -> Option<Decimal> {
        yuan_per(self.sales_amount_fen, self.paid_buyers)
    }
    pub fn avg_first_response(&self) -> Option<f64> {
        ratio(self.first_response_seconds_sum, self.first_response_count)
    }
    pub fn avg_response(&self) -> Option<f64> {
        ratio(self.response_seconds_sum, self.response_count)
    }
    pub fn answer_ratio(&self) -> Option<f64> {
        ratio(self.agent_messages, self.buyer_messages)
    }
    pub fn reply_rate(&self) -> Option<f64> {
        ratio(self.received - self.unreplied, self.received)
    }
    pub fn satisfaction(&self) -> Option<f64> {
        ratio(self.rated_good, self.rated_good + self.rated_bad)
    }

    /// The value a ranking sorts by, as a float.
    pub fn value(&self, metric: CsMetric) -> Option<f64> {
        match metric {
            CsMetric::SalesAmount => Some(self.sales_amount_fen as f64),
            CsMetric::Inquiries => Some(self.inquiries as f64),
            CsMetric::InquiryConversion => self.inquiry_conversion(),
            CsMetric::OrderRate => self.order_rate(),
            CsMetric::PaymentRate => self.payment_rate(),
            CsMetric::CsAov => ratio(self.sales_amount_fen, self.paid_buyers),
            CsMetric::AvgFirstResponse => self.avg_first_response(),
            CsMetric::AvgResponse => self.avg_response(),
            CsMetric::AnswerRatio => self.answer_ratio(),
            CsMetric::ReplyRate => self.reply_rate(),
            CsMetric::Satisfaction => self.satisfaction(),
        }
    }
}

/// What a ranking can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
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
    /// Response times are better low; everything else better high.
    pub fn lower_is_better(self) -> bool {
        matches!(self, Self::AvgFirstResponse | Self::AvgResponse)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
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

pub fn pooled(agents: &[CsTotals]) -> CsTotals {
    let mut team = CsTotals::default();
    for a in agents {
        team.absorb(a);
    }
    team
}

/// Managers always see the ranking; staff when the team allows it (§9).
pub fn ensure_may_see_ranking(actor: &Actor, team: &team::Model) -> AppResult<()> {
    actor.ensure_member_of(team.id)?;
    if actor.manages(team.id) || team.cs_ranking_visible {
        Ok(())
    } else {
        Err(AppError::forbidden(
            "this team shows the customer-service ranking to managers only",
        ))
    }
}

pub async fn ranking(
    db: &DatabaseConnection,
    team_id: i64,
    from: NaiveDate,
    to: NaiveDate,
    sort_by: CsMetric,
    order: Option<SortOrder>,
) -> AppResult<Ranking> {
    let mut agents = agent_totals(db, team_id, from, to).await?;
    let order = order.unwrap_or(if sort_by.lower_is_better() {
        SortOrder::Asc
    } else {
        SortOrder::Desc
    });
    // Agents without a value (x/0) go last whatever the order; ties by staff id keep it stable.
    agents.sort_by(|a, b| {
        let by_value = match (a.value(sort_by), b.value(sort_by)) {
            (Some(x), Some(y)) => match order {
                SortOrder::Asc => x.total_cmp(&y),
                SortOrder::Desc => y.total_cmp(&x),
            },
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_value.then(a.staff_id.cmp(&b.staff_id))
    });
    Ok(Ranking {
        team: pooled(&agents),
        agents,
    })
}
