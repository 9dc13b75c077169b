use chrono::{NaiveDate, Utc};
use rust_decimal::Decimal;
use sea_orm::Set;
use serde::{Deserialize, Serialize};

use crate::entities::agent_day;
use crate::services::ingest::kind::{Context, Kind, Model, Row};
use crate::validate::Checks;

/// One customer-service agent's day (赤兔-style). Name the agent by `staffId` or `agent`
/// (e-mail, chat alias or name). Response times come as a sum of seconds and a count, both or
/// neither.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AgentDay {
    pub staff_id: Option<i64>,
    /// 旺旺 sub-account, e-mail or name.
    pub agent: Option<String>,
    pub date: NaiveDate,
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

impl Row for AgentDay {
    const KIND: Kind = Kind::AgentDays;
    type Entity = agent_day::Entity;
    type Key = (i64, NaiveDate);
    const TEAM_COLUMN: agent_day::Column = agent_day::Column::TeamId;
    const KEY_COLUMNS: &'static [agent_day::Column] =
        &[agent_day::Column::StaffId, agent_day::Column::Date];

    fn check(self, c: &mut Checks, ctx: &Context) -> (Self::Key, Model<Self>) {
        let r = self;
        let date = c.not_future("date", r.date, ctx.today);
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

    fn day((_, date): &Self::Key, _: &Model<Self>) -> Option<NaiveDate> {
        Some(*date)
    }
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
