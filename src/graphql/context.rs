//! What a resolver reads off its request: the database, the caller, the clock, the event bus
//! and the per-request loaders.

use std::sync::Arc;

use async_graphql::Context;
use sea_orm::DatabaseConnection;

use super::loaders::Loaders;
use crate::clock::Clock;
use crate::entities::team;
use crate::error::AppResult;
use crate::services::auth::{self, Actor, Auth, Hasher};
use crate::services::events::EventBus;
use crate::services::ingest;
use crate::services::metrics::cache::DashboardCache;
use crate::services::teams;

pub fn db<'a>(ctx: &Context<'a>) -> &'a DatabaseConnection {
    ctx.data_unchecked::<DatabaseConnection>()
}

/// The authenticated caller, or `UNAUTHENTICATED`.
pub fn actor<'a>(ctx: &Context<'a>) -> AppResult<&'a Actor> {
    ctx.data_unchecked::<Auth>().actor()
}

/// A team the caller may see (§9: admins any, others their own), reusing the row read with the
/// token when it is the caller's own.
pub async fn team(ctx: &Context<'_>, team_id: i64) -> AppResult<team::Model> {
    let auth = ctx.data_unchecked::<Auth>();
    let actor = auth.actor()?;
    match auth.own_team(team_id) {
        Some(team) => {
            actor.ensure_member_of(team.id)?;
            Ok(team.clone())
        }
        None => teams::get(db(ctx), actor, team_id).await,
    }
}

pub fn clock<'a>(ctx: &Context<'a>) -> &'a Clock {
    ctx.data_unchecked::<Clock>()
}

/// Where the task service publishes, and subscriptions listen.
pub fn events<'a>(ctx: &Context<'a>) -> &'a EventBus {
    ctx.data_unchecked::<EventBus>()
}

pub fn loaders<'a>(ctx: &Context<'a>) -> &'a Loaders {
    ctx.data_unchecked::<Arc<Loaders>>()
}

/// The app's password hasher, for every resolver that hashes or verifies.
pub fn hasher<'a>(ctx: &Context<'a>) -> &'a Hasher {
    &ctx.data_unchecked::<Arc<auth::Services>>().hasher
}

/// The dashboards' result cache, which the metrics services read through.
pub fn dashboard_cache<'a>(ctx: &Context<'a>) -> &'a DashboardCache {
    ctx.data_unchecked::<Arc<DashboardCache>>()
}

/// Where an import over GraphQL adds the rows it wrote.
pub fn import_tally<'a>(ctx: &Context<'a>) -> &'a ingest::Tally {
    ctx.data_unchecked::<Arc<ingest::Tally>>()
}
