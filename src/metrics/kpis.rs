//! Each person's KPI metrics for a month (§7), by role, next to their targets (§4). Values are
//! exact decimals because month-end scoring and bonuses are computed from them.

use rust_decimal::{Decimal, RoundingStrategy};

use super::month::{MonthFacts, Quotient};
use crate::entities::{Metric, staff};

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

/// A KPI's value for display and scoring: amounts and counts exact, money per unit (AOV, CPC)
/// rounded half-up to 0.01, rates to 6 places; `None` for x/0.
fn kpi_value(metric: Metric, q: Quotient) -> Option<Decimal> {
    if q.den == Decimal::ONE {
        return Some(q.num);
    }
    let v = q.value()?;
    Some(match metric {
        Metric::CsAov | Metric::Cpc => super::yuan(v * Decimal::ONE_HUNDRED),
        _ => v
            .round_dp_with_strategy(6, RoundingStrategy::MidpointAwayFromZero)
            .normalize(),
    })
}

/// The KPI metrics of everyone in `people` (active members of the team `facts` describe).
pub fn month_kpis(facts: &MonthFacts, people: Vec<staff::Model>) -> Vec<StaffKpis> {
    // A designer's owned-product conversion is judged against the shop's (§7).
    let shop_conversion = facts
        .shop_metrics()
        .into_iter()
        .find(|(m, _)| *m == Metric::ConversionRate)
        .and_then(|(m, q)| kpi_value(m, q));
    people
        .into_iter()
        .map(|person| {
            let metrics = person
                .role
                .map(|role| facts.own_metrics(person.id, role))
                .unwrap_or_default();
            let values = metrics
                .into_iter()
                .map(|(metric, q)| {
                    let owned = metric == Metric::OwnedConversion;
                    let target = facts.target(person.id, metric);
                    KpiValue {
                        metric,
                        value: kpi_value(metric, q),
                        target: if owned {
                            target.or(shop_conversion)
                        } else {
                            target
                        },
                        team_value: owned.then_some(shop_conversion).flatten(),
                    }
                })
                .collect();
            StaffKpis {
                staff: person,
                values,
            }
        })
        .collect()
}
