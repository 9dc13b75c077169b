//! The schema: one query, mutation and subscription part per domain, merged here.

use std::sync::Arc;

use async_graphql::{MergedObject, MergedSubscription, SDLExportOptions, Schema};
use sea_orm::DatabaseConnection;

use super::guards;
use crate::clock::Clock;
use crate::config::Limits;
use crate::services::auth;
use crate::services::events::EventBus;
use crate::services::ingest;
use crate::services::metrics::cache::DashboardCache;

/// The entry points for reading; what each returns is limited to what the caller may see (§9).
#[derive(MergedObject, Default)]
pub struct Query(
    super::auth::AuthQuery,
    super::teams::TeamQuery,
    super::staff::StaffQuery,
    super::products::ProductQuery,
    super::targets::TargetQuery,
    super::metrics::MetricsQuery,
    super::diagnosis::DiagnosisQuery,
    super::tasks::TaskQuery,
    super::kpi::KpiQuery,
    super::reviews::ReviewQuery,
    super::bonus::BonusQuery,
    super::closing::ClosingQuery,
    super::competitors::CompetitorQuery,
    super::design::DesignQuery,
    super::imports::ImportQuery,
);

/// The entry points for changing; `login` signs in and gives the token the others need.
#[derive(MergedObject, Default)]
pub struct Mutation(
    super::auth::AuthMutation,
    super::teams::TeamMutation,
    super::staff::StaffMutation,
    super::products::ProductMutation,
    super::ingest::IngestMutation,
    super::imports::ImportMutation,
    super::targets::TargetMutation,
    super::diagnosis::DiagnosisMutation,
    super::tasks::TaskMutation,
    super::kpi::KpiMutation,
    super::reviews::ReviewMutation,
    super::bonus::BonusMutation,
    super::closing::ClosingMutation,
);

/// Live events, over WebSocket at `/graphql/ws`.
#[derive(MergedSubscription, Default)]
pub struct Subscription(super::events::TaskSubscription);

pub type AppSchema = Schema<Query, Mutation, Subscription>;

/// What the resolvers of every request share.
pub struct Shared {
    pub db: DatabaseConnection,
    pub auth: Arc<auth::Services>,
    pub clock: Clock,
    pub bus: EventBus,
    pub dashboard_cache: Arc<DashboardCache>,
    /// Where the imports over GraphQL add the rows they wrote.
    pub imports: Arc<ingest::Tally>,
}

/// The schema with its process-wide data; per-request data (`Auth`, `Loaders`) is added by the
/// HTTP handler, or per operation by the WebSocket one.
pub fn build_schema(shared: Shared, limits: &Limits, introspection: bool) -> AppSchema {
    let builder = Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    )
    .data(shared.db)
    .data(shared.auth)
    .data(shared.clock)
    .data(shared.bus)
    .data(shared.dashboard_cache)
    .data(shared.imports)
    .extension(guards::Guards {
        max_depth: limits.max_depth,
        max_cost: limits.max_complexity,
    });
    if introspection {
        builder.finish()
    } else {
        // "Did you mean …?" would spell out the schema that introspection keeps to itself.
        builder
            .disable_introspection()
            .disable_suggestions()
            .finish()
    }
}

/// The SDL, as checked in at `schema/schema.graphql`.
pub fn sdl() -> String {
    Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    )
    .finish()
    .sdl_with_options(SDLExportOptions::new().include_specified_by())
}
