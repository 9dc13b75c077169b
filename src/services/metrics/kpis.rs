//! Each person's KPI metrics for a month (§7), next to their targets (§4). Values are exact
//! quotients of the month's sums, because month-end scoring and bonuses are computed from them.

use rust_decimal::Decimal;
use sea_orm::DatabaseConnection;

use super::month::MonthFacts;
use crate::entities::{Metric, Role, staff, team};
use crate::error::{AppError, AppResult};
use crate::period::Month;
use crate::services::auth::Actor;
use crate::services::catalogue::Quotient;

#[derive(Debug, Clone, PartialEq)]
pub struct KpiValue {
    pub metric: Metric,
    /// The month's sums behind the value; `None` when the metric does not apply to the person
    /// (another role's owned-product conversion).
    pub quotient: Option<Quotient>,
    /// The person's target, else the team's for the same metric.
    pub target: Option<Decimal>,
    /// The team's own value of the metric where §7 names one (the shop's conversion for a
    /// designer's owned-product conversion).
    pub team_value: Option<Decimal>,
}

impl KpiValue {
    /// The exact value; `None` when there is no data (x/0).
    pub fn value(&self) -> Option<Decimal> {
        self.quotient?.value()
    }
}

pub struct StaffKpis {
    pub staff: staff::Model,
    pub values: Vec<KpiValue>,
}

/// The month's KPI metrics of everyone in `people` (active members of the team `facts`
/// describe): for each person the metrics `metrics` lists for their role.
pub fn month_kpis(
    facts: &MonthFacts,
    people: Vec<staff::Model>,
    metrics: impl Fn(Role) -> Vec<Metric>,
) -> Vec<StaffKpis> {
    // A designer's owned-product conversion is judged against the shop's (§7).
    let shop_conversion = facts.shop(Metric::ConversionRate).and_then(|q| q.value());
    people
        .into_iter()
        .map(|person| {
            let values = person
                .role
                .map(|role| {
                    metrics(role)
                        .into_iter()
                        .map(|metric| {
                            let owned = metric == Metric::OwnedConversion;
                            let target = facts.target(person.id, metric);
                            KpiValue {
                                metric,
                                quotient: facts.quotient(person.id, role, metric),
                                target: if owned {
                                    target.or(shop_conversion)
                                } else {
                                    target
                                },
                                team_value: owned.then_some(shop_conversion).flatten(),
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            StaffKpis {
                staff: person,
                values,
            }
        })
        .collect()
}

/// The month's KPI metrics of the team's people (its manager) or of one person (the manager,
/// or that person themselves, §9): the metrics of their role's scorecard.
pub async fn staff_kpis(
    db: &DatabaseConnection,
    actor: &Actor,
    team: &team::Model,
    month: Month,
    staff_id: Option<i64>,
) -> AppResult<Vec<StaffKpis>> {
    actor.ensure_member_of(team.id)?;
    let wanted = match staff_id {
        Some(id) => Some(id),
        None if actor.manages(team.id) => None,
        None => Some(actor.id),
    };
    if wanted.is_some_and(|id| id != actor.id) && !actor.manages(team.id) {
        return Err(AppError::forbidden("you may see only your own KPIs"));
    }
    let (people, library, facts) = tokio::try_join!(
        crate::services::staff::active_members(db, team.id, wanted),
        crate::services::kpi::library(db, team.id),
        MonthFacts::load(db, team.id, month),
    )?;
    if let Some(id) = wanted
        && people.is_empty()
    {
        return Err(AppError::not_found(format!(
            "active staff {id} of this team"
        )));
    }
    Ok(month_kpis(&facts, people, |role| {
        crate::services::kpi::metrics_of(&library, role)
    }))
}
