//! The GraphQL schema: one query and one mutation part per domain module, merged here, plus the
//! pieces every part shares (ids, connections, per-request context).

pub mod cost;
pub mod loaders;
mod panics;

use std::sync::Arc;

use async_graphql::{
    Context, InputValueError, InputValueResult, MergedObject, MergedSubscription, SDLExportOptions,
    Scalar, ScalarType, Schema, SimpleObject, Value,
    connection::{Connection, CursorType, Edge, OpaqueCursor},
};
use sea_orm::DatabaseConnection;
use serde::{Serialize, de::DeserializeOwned};

use crate::auth::{self, Actor, Auth};
use crate::clock::Clock;
use crate::config::Limits;
use crate::entities::team;
use crate::error::{AppError, AppResult};
use crate::events::{self, EventBus};
use crate::pagination::{KeysetRequest, Page, PageRequest};
use crate::{
    bonus, closing, competitors, design, diagnosis, ingest, kpi, metrics, products, reviews, staff,
    targets, tasks, teams,
};
pub use loaders::Loaders;

#[derive(MergedObject, Default)]
pub struct Query(
    auth::graphql::AuthQuery,
    teams::graphql::TeamQuery,
    staff::graphql::StaffQuery,
    products::graphql::ProductQuery,
    targets::graphql::TargetQuery,
    metrics::graphql::MetricsQuery,
    diagnosis::graphql::DiagnosisQuery,
    tasks::graphql::TaskQuery,
    kpi::graphql::KpiQuery,
    reviews::graphql::ReviewQuery,
    bonus::graphql::BonusQuery,
    closing::graphql::ClosingQuery,
    competitors::graphql::CompetitorQuery,
    design::graphql::DesignQuery,
);

#[derive(MergedObject, Default)]
pub struct Mutation(
    auth::graphql::AuthMutation,
    teams::graphql::TeamMutation,
    staff::graphql::StaffMutation,
    products::graphql::ProductMutation,
    ingest::graphql::IngestMutation,
    targets::graphql::TargetMutation,
    diagnosis::graphql::DiagnosisMutation,
    tasks::graphql::TaskMutation,
    kpi::graphql::KpiMutation,
    reviews::graphql::ReviewMutation,
    bonus::graphql::BonusMutation,
    closing::graphql::ClosingMutation,
);

#[derive(MergedSubscription, Default)]
pub struct Subscription(events::graphql::TaskSubscription);

pub type AppSchema = Schema<Query, Mutation, Subscription>;

/// The schema with its process-wide data; per-request data (`Auth`, `Loaders`) is added by the
/// HTTP handler, or per operation by the WebSocket one.
pub fn build_schema(
    db: DatabaseConnection,
    auth: Arc<auth::Services>,
    limits: &Limits,
    introspection: bool,
    clock: Clock,
    bus: EventBus,
) -> AppSchema {
    let builder = Schema::build(
        Query::default(),
        Mutation::default(),
        Subscription::default(),
    )
    .data(db)
    .data(auth)
    .data(clock)
    .data(bus)
    .data(Arc::new(metrics::cache::DashboardCache::new(
        limits.dashboard_cache,
    )))
    .extension(panics::CatchPanics)
    .limit_depth(limits.max_depth)
    .extension(cost::CostLimit {
        max: limits.max_complexity,
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

/// Database ids, sent as strings like every GraphQL `ID`; numbers are accepted on input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Id(pub i64);

#[Scalar(name = "ID")]
impl ScalarType for Id {
    fn parse(value: Value) -> InputValueResult<Self> {
        let parsed = match &value {
            Value::String(s) => s.parse().ok(),
            Value::Number(n) => n.as_i64(),
            _ => None,
        };
        parsed
            .map(Id)
            .ok_or_else(|| InputValueError::custom("an ID is a decimal number, e.g. \"42\""))
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.to_string())
    }
}

#[derive(SimpleObject)]
pub struct ConnectionFields {
    /// How many items match the filter, over all pages.
    pub total_count: u64,
}

pub type IdConnection<N> = KeyConnection<i64, N>;

/// A connection whose opaque cursors carry a row's sort key (its id, or a tuple such as
/// competitor, item and date).
pub type KeyConnection<K, N> = Connection<OpaqueCursor<K>, N, ConnectionFields>;

/// The key an opaque `after` cursor carries; anything else is bad input naming `after`.
fn decode_after<K: Serialize + DeserializeOwned>(after: Option<String>) -> AppResult<Option<K>> {
    after
        .map(|c| {
            OpaqueCursor::<K>::decode_cursor(&c)
                .map(|c| c.0)
                .map_err(|_| AppError::invalid("after", "not a cursor from this API"))
        })
        .transpose()
}

/// Validates Relay arguments (`first` 1..=100, an opaque `after` cursor).
pub fn page_request(first: i32, after: Option<String>) -> AppResult<PageRequest> {
    PageRequest::new(first, decode_after(after)?)
}

/// Validates Relay arguments of a list ordered by the key `K` (`first` 1..=100, an opaque
/// `after` cursor from the same list).
pub fn keyset_request<K: Serialize + DeserializeOwned>(
    first: i32,
    after: Option<String>,
) -> AppResult<KeysetRequest<K>> {
    KeysetRequest::new(first, decode_after(after)?)
}

pub fn connection<M, N>(
    page: Page<M>,
    after_given: bool,
    id: impl Fn(&M) -> i64,
    node: impl Fn(M) -> N,
) -> IdConnection<N>
where
    N: async_graphql::OutputType,
{
    key_connection(page, after_given, id, node)
}

/// A page as a connection whose edges' cursors are `key` of their rows.
pub fn key_connection<M, N, K>(
    page: Page<M>,
    after_given: bool,
    key: impl Fn(&M) -> K,
    node: impl Fn(M) -> N,
) -> KeyConnection<K, N>
where
    N: async_graphql::OutputType,
    K: Serialize + DeserializeOwned + Send + Sync,
{
    let mut conn = Connection::with_additional_fields(
        after_given,
        page.has_next_page,
        ConnectionFields {
            total_count: page.total_count,
        },
    );
    conn.edges.extend(
        page.items
            .into_iter()
            .map(|m| Edge::new(OpaqueCursor(key(&m)), node(m))),
    );
    conn
}

pub type OffsetConnection<N> = Connection<OpaqueCursor<usize>, N, ConnectionFields>;

/// A page of a list that is computed whole and ordered by the server (rankings, reports): the
/// cursor is a position in it.
pub fn offset_page<N: async_graphql::OutputType>(
    items: Vec<N>,
    first: i32,
    after: Option<String>,
) -> AppResult<OffsetConnection<N>> {
    let first = PageRequest::new(first, None)?.first as usize;
    let start = decode_after::<usize>(after)?.map_or(0, |i| i + 1);
    let total = items.len();
    let mut conn = Connection::with_additional_fields(
        start > 0,
        start + first < total,
        ConnectionFields {
            total_count: total as u64,
        },
    );
    conn.edges.extend(
        items
            .into_iter()
            .enumerate()
            .skip(start)
            .take(first)
            .map(|(i, n)| Edge::new(OpaqueCursor(i), n)),
    );
    Ok(conn)
}
