use crate::graphql::scalars::Decimal;
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject};

use crate::error::AppResult;
use crate::graphql::enums::{Basis, Direction, Method, Metric, Role};
use crate::graphql::{
    context::{actor, db, team},
    id::Id,
};
use crate::services::kpi::scoring::{self, Scoring};
use crate::services::kpi::{self, Kpi};

/// One tier of a TIERS method: reaching `threshold` scores `score`.
#[derive(Debug, Clone, SimpleObject, InputObject)]
#[graphql(input_name = "TierInput")]
pub struct Tier {
    /// The value to reach, in the metric's unit (for a lower-is-better metric: at most it).
    pub threshold: Decimal,
    /// The score of a value that reaches it; the highest tier reached counts, none scores 0.
    pub score: Decimal,
}

impl From<&scoring::Tier> for Tier {
    fn from(t: &scoring::Tier) -> Self {
        Self {
            threshold: t.threshold.into(),
            score: t.score.into(),
        }
    }
}

impl From<Tier> for scoring::Tier {
    fn from(t: Tier) -> Self {
        Self {
            threshold: t.threshold.into(),
            score: t.score.into(),
        }
    }
}

/// Where a TARGET_RATIO KPI's target comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "scoring::TargetSource")]
pub enum TargetSource {
    /// The person's monthly target for the metric, else the team's (§4).
    Target,
    /// A fixed value (`value`).
    Fixed,
    /// The team's value: the shop's conversion for owned-product conversion, else the mean of
    /// the people of the same role.
    TeamAverage,
}

pub struct KpiDefinition(pub Kpi);

/// A KPI of a role's scorecard (§7). The scoring parameters are in the fields named after the
/// method (`tiers`; `worst`/`best`; `target`/`value`/`cap`).
#[Object]
impl KpiDefinition {
    /// Unique in the team, e.g. CS_AOV.
    async fn code(&self) -> &str {
        &self.0.code
    }
    /// The role whose scorecard it belongs to.
    async fn role(&self) -> Role {
        self.0.role.into()
    }
    /// The metric scored (§3).
    async fn metric(&self) -> Metric {
        self.0.metric.into()
    }
    /// What is scored: the month's value or its completion of the target.
    async fn basis(&self) -> Basis {
        self.0.basis.into()
    }
    /// Whether higher or lower is better.
    async fn direction(&self) -> Direction {
        self.0.direction.into()
    }
    /// How the value is scored; its parameters are in the fields named for it.
    async fn method(&self) -> Method {
        self.0.method().into()
    }
    /// Its weight in the total: Σ(weight × score) / Σweight over the KPIs scored.
    async fn weight(&self) -> Decimal {
        self.0.weight.into()
    }
    /// TIERS: the (threshold, score) pairs; null for another method. Bounded by the scorecard as
    /// saved.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn tiers(&self) -> Option<Vec<Tier>> {
        match &self.0.scoring {
            Scoring::Tiers { tiers } => Some(tiers.iter().map(Into::into).collect()),
            _ => None,
        }
    }
    /// LINEAR: the value scoring 0, in the metric's unit; null for another method.
    async fn worst(&self) -> Option<Decimal> {
        match self.0.scoring {
            Scoring::Linear { worst, .. } => Some(worst.into()),
            _ => None,
        }
    }
    /// LINEAR: the value scoring 100, in the metric's unit; null for another method.
    async fn best(&self) -> Option<Decimal> {
        match self.0.scoring {
            Scoring::Linear { best, .. } => Some(best.into()),
            _ => None,
        }
    }
    /// TARGET_RATIO: where the target comes from; null for another method.
    async fn target(&self) -> Option<TargetSource> {
        match self.0.scoring {
            Scoring::TargetRatio { target, .. } => Some(target.into()),
            _ => None,
        }
    }
    /// TARGET_RATIO with a FIXED target: the target, in the metric's unit; else null.
    async fn value(&self) -> Option<Decimal> {
        match self.0.scoring {
            Scoring::TargetRatio { value, .. } => value.map(Into::into),
            _ => None,
        }
    }
    /// TARGET_RATIO: the highest ratio counted (e.g. 1.2); null for another method.
    async fn cap(&self) -> Option<Decimal> {
        match self.0.scoring {
            Scoring::TargetRatio { cap, .. } => Some(cap.into()),
            _ => None,
        }
    }
}

#[derive(Default)]
pub struct KpiQuery;

#[Object]
impl KpiQuery {
    /// The team's scorecards (all roles, or one), as its reviews score them. Every member of the
    /// team. Bounded by the KPIs the team defined.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::services::catalogue::CATALOGUE.len(), child_complexity)"
    )]
    async fn kpi_library(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team whose scorecards are read.")] team_id: Id,
        #[graphql(desc = "Only this role's scorecard; null for every role's.")] role: Option<Role>,
    ) -> AppResult<Vec<KpiDefinition>> {
        let team = team(ctx, team_id.0).await?;
        let kpis = kpi::scorecards(db(ctx), actor(ctx)?, team.id, role.map(Into::into)).await?;
        Ok(kpis.into_iter().map(KpiDefinition).collect())
    }
}

#[derive(Default)]
pub struct KpiMutation;

#[Object]
impl KpiMutation {
    /// Replaces a role's scorecard (all or nothing); the team's manager or an admin.
    async fn set_role_kpis(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A role's new scorecard.")] input: SetRoleKpisInput,
    ) -> AppResult<SetRoleKpisPayload> {
        let set = kpi::set_role(
            db(ctx),
            actor(ctx)?,
            input.team_id.0,
            input.role.into(),
            input.kpis.into_iter().map(Into::into).collect(),
        )
        .await?;
        Ok(SetRoleKpisPayload {
            kpis: set.into_iter().map(KpiDefinition).collect(),
        })
    }
}

/// A role's new scorecard.
#[derive(InputObject)]
pub struct SetRoleKpisInput {
    /// The team.
    pub team_id: Id,
    /// The role the scorecard grades.
    pub role: Role,
    /// The whole scorecard, replacing the current one.
    pub kpis: Vec<KpiInput>,
}

/// What `setRoleKpis` saved.
#[derive(SimpleObject)]
pub struct SetRoleKpisPayload {
    /// The role's scorecard as saved.
    kpis: Vec<KpiDefinition>,
}

/// One KPI as the API takes it: the method's parameters in the field named after it.
#[derive(Debug, InputObject)]
pub struct KpiInput {
    /// Unique in the team, e.g. CS_AOV.
    pub code: String,
    /// Any metric of the catalogue (§3). A metric of another role's data (an agent's
    /// conversion for an operator) is scored on the team's pooled value.
    pub metric: Metric,
    /// What is scored: the month's value (default) or its completion of the target.
    #[graphql(default_with = "Basis::Value")]
    pub basis: Basis,
    /// Whether higher or lower is better; by default the metric's own (response times, CPC,
    /// bounce and refund rates are better low).
    pub direction: Option<Direction>,
    /// How the value is scored; its parameters are in the fields named for it.
    pub method: Method,
    /// TIERS: (threshold, score) pairs.
    pub tiers: Option<Vec<Tier>>,
    /// LINEAR: the actual scoring 0 and the one scoring 100.
    pub worst: Option<Decimal>,
    /// LINEAR: the value scoring 100.
    pub best: Option<Decimal>,
    /// TARGET_RATIO: where the target comes from (FIXED takes `value`), and the cap (default
    /// 1.2).
    pub target: Option<TargetSource>,
    /// TARGET_RATIO with a FIXED target: the target, in the metric's unit.
    pub value: Option<Decimal>,
    /// TARGET_RATIO: the highest ratio counted (default 1.2).
    pub cap: Option<Decimal>,
    /// Its weight in the total: Σ(weight × score) / Σweight over the KPIs scored.
    pub weight: Decimal,
}

impl From<KpiInput> for kpi::KpiInput {
    fn from(input: KpiInput) -> Self {
        Self {
            code: input.code,
            metric: input.metric.into(),
            basis: input.basis.into(),
            direction: input.direction.map(Into::into),
            method: input.method.into(),
            tiers: input
                .tiers
                .map(|tiers| tiers.into_iter().map(Into::into).collect()),
            worst: input.worst.map(Into::into),
            best: input.best.map(Into::into),
            target: input.target.map(Into::into),
            value: input.value.map(Into::into),
            cap: input.cap.map(Into::into),
            weight: input.weight.into(),
        }
    }
}
