use async_graphql::{Context, Object};

use crate::error::AppResult;
use crate::graphql::{
    context::{actor, db},
    id::Id,
};
use crate::services::ingest::rows::{
    AdDayInput, AgentDayInput, CompetitorSnapshotInput, DeliverableInput, ProductDayInput,
    ShopDayInput,
};
use crate::services::ingest::{Batch, ImportOutcome};

/// Each import is all-or-nothing and needs the team's manager or an admin. Rows whose natural key
/// (§2) already exists are overwritten.
#[derive(Default)]
pub struct IngestMutation;

impl IngestMutation {
    async fn run(ctx: &Context<'_>, team_id: Id, batch: Batch) -> AppResult<ImportOutcome> {
        crate::services::ingest::import(db(ctx), actor(ctx)?, team_id.0, batch).await
    }
}

#[Object]
impl IngestMutation {
    /// Shop days (生意参谋), keyed by date.
    async fn import_shop_days(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        rows: Vec<ShopDayInput>,
    ) -> AppResult<ImportOutcome> {
        Self::run(ctx, team_id, Batch::ShopDays(rows)).await
    }

    /// Product days, keyed by product and date.
    async fn import_product_days(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        rows: Vec<ProductDayInput>,
    ) -> AppResult<ImportOutcome> {
        Self::run(ctx, team_id, Batch::ProductDays(rows)).await
    }

    /// Customer-service agent days (赤兔), keyed by agent and date.
    async fn import_agent_days(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        rows: Vec<AgentDayInput>,
    ) -> AppResult<ImportOutcome> {
        Self::run(ctx, team_id, Batch::AgentDays(rows)).await
    }

    /// Ad days, keyed by date, channel and owner.
    async fn import_ad_days(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        rows: Vec<AdDayInput>,
    ) -> AppResult<ImportOutcome> {
        Self::run(ctx, team_id, Batch::AdDays(rows)).await
    }

    /// Design deliverables, keyed by the team's job reference.
    async fn import_deliverables(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        rows: Vec<DeliverableInput>,
    ) -> AppResult<ImportOutcome> {
        Self::run(ctx, team_id, Batch::Deliverables(rows)).await
    }

    /// Competitor snapshots, keyed by competitor, item and date.
    async fn import_competitor_snapshots(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        rows: Vec<CompetitorSnapshotInput>,
    ) -> AppResult<ImportOutcome> {
        Self::run(ctx, team_id, Batch::Competitors(rows)).await
    }
}
