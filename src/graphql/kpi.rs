use async_graphql::{Context, Object};
use rust_decimal::Decimal;

use crate::entities::kpi_definition::{Basis, Direction, Method};
use crate::entities::{Metric, Role};
use crate::error::AppResult;
use crate::graphql::{
    context::{actor, db, team},
    id::Id,
};
use crate::services::kpi::scoring::{Scoring, TargetSource, Tier};
use crate::services::kpi::{Kpi, KpiInput};

/// A KPI of a role's scorecard (§7). The scoring parameters are in the fields named after the
/// method (`tiers`; `worst`/`best`; `target`/`value`/`cap`).
pub struct KpiDefinition(pub Kpi);

#[Object]
impl KpiDefinition {
    async fn code(&self) -> &str {
        &self.0.code
    }
    async fn role(&self) -> Role {
        self.0.role
    }
    async fn metric(&self) -> Metric {
        self.0.metric
    }
    async fn basis(&self) -> Basis {
        self.0.basis
    }
    async fn direction(&self) -> Direction {
        self.0.direction
    }
    async fn method(&self) -> Method {
        self.0.method()
    }
    async fn weight(&self) -> Decimal {
        self.0.weight
    }
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn tiers(&self) -> Option<&[Tier]> {
        match &self.0.scoring {
            Scoring::Tiers { tiers } => Some(tiers),
            _ => None,
        }
    }
    async fn worst(&self) -> Option<Decimal> {
        match self.0.scoring {
            Scoring::Linear { worst, .. } => Some(worst),
            _ => None,
        }
    }
    async fn best(&self) -> Option<Decimal> {
        match self.0.scoring {
            Scoring::Linear { best, .. } => Some(best),
            _ => None,
        }
    }
    async fn target(&self) -> Option<TargetSource> {
        match self.0.scoring {
            Scoring::TargetRatio { target, .. } => Some(target),
            _ => None,
        }
    }
    async fn value(&self) -> Option<Decimal> {
        match self.0.scoring {
            Scoring::TargetRatio { value, .. } => value,
            _ => None,
        }
    }
    async fn cap(&self) -> Option<Decimal> {
        match self.0.scoring {
            Scoring::TargetRatio { cap, .. } => Some(cap),
            _ => None,
        }
    }
}

#[derive(Default)]
pub struct KpiQuery;

#[Object]
impl KpiQuery {
    /// The team's scorecards (all roles, or one), as its reviews score them.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::services::catalogue::CATALOGUE.len(), child_complexity)"
    )]
    async fn kpi_library(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        role: Option<Role>,
    ) -> AppResult<Vec<KpiDefinition>> {
        let team = team(ctx, team_id.0).await?;
        let all = crate::services::kpi::library(db(ctx), team.id).await?;
        Ok(all
            .into_iter()
            .filter(|k| role.is_none_or(|r| r == k.role))
            .map(KpiDefinition)
            .collect())
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
        team_id: Id,
        role: Role,
        kpis: Vec<KpiInput>,
    ) -> AppResult<Vec<KpiDefinition>> {
        let set =
            crate::services::kpi::set_role(db(ctx), actor(ctx)?, team_id.0, role, kpis).await?;
        Ok(set.into_iter().map(KpiDefinition).collect())
    }
}
