//! Each person's KPI metrics for a month.

use crate::graphql::scalars::Decimal;
use async_graphql::{Context, Object, SimpleObject};

use crate::error::AppResult;
use crate::graphql::enums::{Metric, Role};
use crate::graphql::staff::Staff;
use crate::graphql::{
    context::{actor, db, team},
    cost,
    id::Id,
};
use crate::period::Month;
use crate::services::catalogue::shown;
use crate::services::metrics::kpis;

/// One KPI metric of a person for a month.
#[derive(SimpleObject)]
pub struct KpiValue {
    /// The metric.
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

/// A person's KPI metrics for a month.
#[Object]
impl StaffKpis {
    /// The person.
    async fn staff(&self) -> Staff {
        Staff(self.0.staff.clone())
    }
    /// Their role, which picks the metrics (§7); null for a person without one.
    async fn role(&self) -> Option<Role> {
        self.0.staff.role.map(Into::into)
    }
    /// The role's metrics (bounded: at most one per metric of the catalogue).
    #[graphql(complexity = "cost::rows(cost::ITEM_ROWS, child_complexity)")]
    async fn values(&self) -> Vec<KpiValue> {
        self.0
            .values
            .iter()
            .map(|v| KpiValue {
                metric: v.metric.into(),
                value: v.value().map(|value| {
                    let places = v.metric.def().unit.places();
                    shown(value, places, v.target.as_slice()).into()
                }),
                target: v.target.map(Into::into),
            })
            .collect()
    }
}

#[derive(Default)]
pub struct KpisQuery;

#[Object]
impl KpisQuery {
    /// Each person's KPI metrics for a month (§7 by role) with their targets. Managers see the
    /// team's active people (or `staffId`'s); staff see only themselves. Bounded: at most one per
    /// person of the team.
    #[graphql(
        complexity = "cost::rows(if staff_id.is_some() { 1 } else { cost::TEAM_PEOPLE }, child_complexity)"
    )]
    async fn staff_kpis(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team whose people are read.")] team_id: Id,
        #[graphql(desc = "The month measured (the team's local calendar).")] month: Month,
        #[graphql(desc = "Only this person; null for everyone the caller may see.")]
        staff_id: Option<Id>,
    ) -> AppResult<Vec<StaffKpis>> {
        let team = team(ctx, team_id.0).await?;
        let kpis =
            kpis::staff_kpis(db(ctx), actor(ctx)?, &team, month, staff_id.map(|id| id.0)).await?;
        Ok(kpis.into_iter().map(StaffKpis).collect())
    }
}
