use crate::graphql::scalars::Decimal;
use async_graphql::{Context, InputObject, Object, SimpleObject};

use crate::entities::target;
use crate::error::AppResult;
use crate::graphql::enums::{Metric, Period};
use crate::graphql::{
    context::{actor, db},
    id::Id,
};
use crate::period::{Date, Month};
use crate::services::targets;

pub struct Target(pub target::Model);

/// A goal for one §3 metric over a day or a month, of the team or of one person.
#[Object]
impl Target {
    /// The metric it is for.
    async fn metric(&self) -> Metric {
        self.0.metric.into()
    }
    /// Null for a team target.
    async fn staff_id(&self) -> Option<Id> {
        self.0.staff_id.map(Id)
    }
    /// Whether it is for one day or a whole month.
    async fn period(&self) -> Period {
        self.0.period.into()
    }
    /// The day (DAY) or the first day of the month (MONTH).
    async fn starts_on(&self) -> Date {
        self.0.starts_on.into()
    }
    /// The goal, in the metric's unit (yuan for money, a fraction 0..1 for rates, a count).
    async fn value(&self) -> AppResult<Decimal> {
        crate::services::targets::value(&self.0).map(Into::into)
    }
}

#[derive(Default)]
pub struct TargetQuery;

#[Object]
impl TargetQuery {
    /// A month's targets: the team's and, for managers, everyone's (staff: their own). Not
    /// paginated: bounded by the metrics, the team's people and the month's days.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::TEAM_PEOPLE, child_complexity)"
    )]
    async fn targets(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team; the caller's own unless an admin.")] team_id: Id,
        #[graphql(desc = "The month, of the team's local calendar.")] month: Month,
    ) -> AppResult<Vec<Target>> {
        let list = crate::services::targets::list(db(ctx), actor(ctx)?, team_id.0, month).await?;
        Ok(list.into_iter().map(Target).collect())
    }
}

#[derive(Default)]
pub struct TargetMutation;

#[Object]
impl TargetMutation {
    /// Sets or replaces targets (the team's manager or an admin); all or nothing.
    async fn set_targets(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Targets of a team.")] input: SetTargetsInput,
    ) -> AppResult<SetTargetsPayload> {
        let saved = targets::set(
            db(ctx),
            actor(ctx)?,
            input.team_id.0,
            input.targets.into_iter().map(Into::into).collect(),
        )
        .await?;
        Ok(SetTargetsPayload {
            targets: saved.into_iter().map(Target).collect(),
        })
    }
}

/// Targets of a team.
#[derive(InputObject)]
pub struct SetTargetsInput {
    /// The team.
    pub team_id: Id,
    /// Each sets (or replaces) the target of its metric and period.
    pub targets: Vec<TargetInput>,
}

/// What `setTargets` saved.
#[derive(SimpleObject)]
pub struct SetTargetsPayload {
    /// The targets as saved, one per input, in its order.
    targets: Vec<Target>,
}

/// A target of the team or of one person, for a month or one day of it.
#[derive(Debug, InputObject)]
pub struct TargetInput {
    /// The metric of the catalogue the target is for.
    pub metric: Metric,
    /// The person the target is for; omit for a team target.
    pub staff_id: Option<Id>,
    /// The team's month the target is for.
    pub month: Month,
    /// A team target for this one day of `month` instead of the whole month.
    pub date: Option<Date>,
    /// Yuan for money, a fraction for rates (0.035 = 3.5 %), seconds for times.
    pub value: Decimal,
}

impl From<TargetInput> for targets::TargetInput {
    fn from(input: TargetInput) -> Self {
        Self {
            metric: input.metric.into(),
            staff_id: input.staff_id.map(|id| id.0),
            month: input.month,
            date: input.date,
            value: input.value.into(),
        }
    }
}
