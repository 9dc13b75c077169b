//! Each person's KPI metrics for a month (§7), by role, next to their targets (§4). Values are
//! exact decimals because month-end scoring and bonuses are computed from them.

use std::collections::HashMap;

use rust_decimal::{Decimal, RoundingStrategy};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::{cs, reports, shop};
use crate::entities::{Metric, Role, product, staff};
use crate::error::AppResult;
use crate::money::from_fen;
use crate::period::{Granularity, Month};
use crate::targets;

#[derive(Debug, Clone, PartialEq)]
pub struct KpiValue {
    pub metric: Metric,
    /// `None` when the month has no data for it (x/0).
    pub value: Option<Decimal>,
    /// The person's target, else the team's for the same metric.
    pub target: Option<Decimal>,
    /// The team's own value of the metric where it has one (the shop's conversion for a
    /// designer's owned-product conversion).
    pub team_value: Option<Decimal>,
}

pub struct StaffKpis {
    pub staff: staff::Model,
    pub values: Vec<KpiValue>,
}

/// `num / den` as an exact decimal rounded to 6 places (rates), or `None` for x/0.
fn dec_ratio(num: i64, den: i64) -> Option<Decimal> {
    (den != 0).then(|| {
        (Decimal::from(num) / Decimal::from(den))
            .round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
            .normalize()
    })
}

fn yuan(fen: i64) -> Option<Decimal> {
    Some(from_fen(fen))
}

/// The KPI metrics of everyone in `people` (active members of one team) for `month`: a fixed
/// number of aggregate queries whatever the team's size.
pub async fn month_kpis(
    db: &DatabaseConnection,
    team_id: i64,
    month: Month,
    people: Vec<staff::Model>,
) -> AppResult<Vec<StaffKpis>> {
    let (from, to) = (month.first_day(), month.last_day());
    let agents: HashMap<i64, cs::CsTotals> = cs::agent_totals(db, team_id, from, to)
        .await?
        .into_iter()
        .map(|t| (t.staff_id, t))
        .collect();
    let ads = reports::ad_report(db, team_id, from, to).await?;
    let ads: HashMap<i64, reports::AdTotals> = ads.by_owner.into_iter().collect();
    let design: HashMap<i64, reports::DesignTotals> = reports::design_report(db, team_id, from, to)
        .await?
        .into_iter()
        .map(|d| (d.designer_id, d))
        .collect();
    let product_totals = reports::product_totals(db, team_id, from, to).await?;
    let owners: HashMap<i64, i64> = product::Entity::find()
        .filter(product::Column::TeamId.eq(team_id))
        .filter(product::Column::DesignerId.is_not_null())
        .all(db)
        .await?
        .into_iter()
        .filter_map(|p| Some((p.id, p.designer_id?)))
        .collect();
    // A designer's owned products pooled: (buyers, visitors).
    let mut owned: HashMap<i64, (i64, i64)> = HashMap::new();
    for t in product_totals.values() {
        if let Some(designer) = owners.get(&t.product_id) {
            let e = owned.entry(*designer).or_default();
            e.0 += t.paid_buyers;
            e.1 += t.visitors;
        }
    }
    let days = shop::daily(db, team_id, from, to).await?;
    let shop_month = shop::bucket(&days, from, to, Granularity::Month)
        .pop()
        .unwrap_or_default();
    let targets = targets::month_targets(db, team_id, month).await?;
    let target = |staff_id: i64, metric: Metric| {
        targets
            .get(&(Some(staff_id), metric))
            .or_else(|| targets.get(&(None, metric)))
            .copied()
    };
    let shop_conversion = dec_ratio(shop_month.paid_buyers, shop_month.visitors);

    Ok(people
        .into_iter()
        .map(|person| {
            let values: Vec<(Metric, Option<Decimal>)> = match person.role {
                Some(Role::CustomerService) => {
                    let a = agents.get(&person.id).cloned().unwrap_or_default();
                    vec![
                        (Metric::SalesAmount, yuan(a.sales_amount_fen)),
                        (
                            Metric::InquiryConversion,
                            dec_ratio(a.paid_buyers, a.inquiries),
                        ),
                        (
                            Metric::CsAov,
                            super::yuan_per(a.sales_amount_fen, a.paid_buyers),
                        ),
                        (
                            Metric::ReplyRate,
                            dec_ratio(a.received - a.unreplied, a.received),
                        ),
                        (
                            Metric::AvgResponse,
                            dec_ratio(a.response_seconds_sum, a.response_count),
                        ),
                    ]
                }
                Some(Role::Designer) => {
                    let d = design.get(&person.id).cloned().unwrap_or_default();
                    let (buyers, visitors) = owned.get(&person.id).copied().unwrap_or_default();
                    vec![
                        (Metric::OnTimeRate, dec_ratio(d.on_time, d.delivered)),
                        (Metric::Delivered, Some(Decimal::from(d.delivered))),
                        (Metric::OwnedConversion, dec_ratio(buyers, visitors)),
                    ]
                }
                Some(Role::Promotion) => {
                    let a = ads.get(&person.id).cloned().unwrap_or_default();
                    vec![
                        (Metric::Roi, dec_ratio(a.attributed_amount_fen, a.spend_fen)),
                        (Metric::Ctr, dec_ratio(a.clicks, a.impressions)),
                        (Metric::Cpc, a.cpc()),
                        (Metric::AttributedAmount, yuan(a.attributed_amount_fen)),
                    ]
                }
                Some(Role::Operations) => vec![
                    (Metric::PaidAmount, yuan(shop_month.paid_amount_fen)),
                    (Metric::ConversionRate, shop_conversion),
                    (
                        Metric::RefundRate,
                        dec_ratio(shop_month.refund_amount_fen, shop_month.paid_amount_fen),
                    ),
                    (Metric::NetProfit, yuan(shop_month.net_profit_fen())),
                ],
                None => vec![],
            };
            let values = values
                .into_iter()
                .map(|(metric, value)| KpiValue {
                    metric,
                    value,
                    // A designer's owned-product conversion is judged against the shop's (§7).
                    target: if metric == Metric::OwnedConversion {
                        target(person.id, metric).or(shop_conversion)
                    } else {
                        target(person.id, metric)
                    },
                    team_value: (metric == Metric::OwnedConversion)
                        .then_some(shop_conversion)
                        .flatten(),
                })
                .collect();
            StaffKpis {
                staff: person,
                values,
            }
        })
        .collect())
}
