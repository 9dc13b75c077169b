//! Prometheus metrics of one application, in the Prometheus text format at `/metrics` on a
//! listener of their own (`SHOPOPS_METRICS_BIND`), never on the public port. Each application
//! has its own registry, no global recorder, so two in one process count apart. Requests are
//! recorded by the request log's middleware from the facts it logs; the database pool, the
//! dashboard cache and the imports are read when scraped, from the counts their services keep.

use std::collections::HashSet;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use axum::{
    Router,
    extract::State,
    http::{StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
};
use prometheus_client::collector::Collector;
use prometheus_client::encoding::{
    DescriptorEncoder, EncodeLabelSet, EncodeMetric, prometheus_text,
};
use prometheus_client::metrics::counter::{ConstCounter, Counter};
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::ConstGauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use sea_orm::DatabaseConnection;

use crate::db;
use crate::services::ingest::{self, Kind};
use crate::services::metrics::cache::DashboardCache;

/// Latency buckets, in seconds: a cached dashboard takes about a millisecond, a month end
/// seconds.
const BUCKETS: [f64; 13] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// Operation names with a label of their own; any more are counted as [`OTHER`].
const MAX_OPERATIONS: usize = 200;
/// The longest operation name with a label of its own.
const MAX_OPERATION_NAME: usize = 64;
/// The label of the operations over those limits, or whose name is no GraphQL name. No
/// GraphQL name can be it (nor [`ANONYMOUS`]), so no client can pass for it.
const OTHER: &str = "(other)";
/// The label of an operation without a name, as in the request log.
const ANONYMOUS: &str = "-";
/// The route of a request no route matched: the web app's pages and files.
const ANY_ROUTE: &str = "/*";

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct OperationLabels {
    operation: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CodeLabels {
    code: String,
}

pub(super) struct Metrics {
    registry: Registry,
    requests: Family<RouteLabels, Histogram>,
    operations: Family<OperationLabels, Histogram>,
    errors: Family<CodeLabels, Counter>,
    names: OperationNames,
}

fn latency() -> Histogram {
    Histogram::new(BUCKETS)
}

impl Metrics {
    /// The metrics of an application over `db`, whose schema shares `dashboard_cache` and
    /// `imports`.
    pub(super) fn new(
        db: DatabaseConnection,
        dashboard_cache: Arc<DashboardCache>,
        imports: Arc<ingest::Tally>,
    ) -> Self {
        let requests: Family<RouteLabels, Histogram> = Family::new_with_constructor(latency);
        let operations: Family<OperationLabels, Histogram> = Family::new_with_constructor(latency);
        let errors = Family::default();
        let mut registry = Registry::default();
        registry.register(
            "shopops_http_request_duration_seconds",
            "Latency of the HTTP requests, by route and status",
            requests.clone(),
        );
        registry.register(
            "shopops_graphql_request_duration_seconds",
            "Latency of the HTTP requests that carried a GraphQL operation, by the operation's \
             name; each operation of a batch counts with the batch's latency",
            operations.clone(),
        );
        registry.register(
            "shopops_graphql_errors",
            "GraphQL requests answered with an error, by its extensions.code (each code once \
             per request)",
            errors.clone(),
        );
        registry.register_collector(Box::new(Scraped {
            db,
            dashboard_cache,
            imports,
        }));
        Self {
            registry,
            requests,
            operations,
            errors,
            names: OperationNames::default(),
        }
    }

    /// Records an HTTP request that took `seconds`, with the GraphQL operations it carried and
    /// the error codes of its answer.
    pub(super) fn record(
        &self,
        route: Option<&str>,
        status: u16,
        seconds: f64,
        operations: &[Option<String>],
        errors: &[String],
    ) {
        let route = route.unwrap_or(ANY_ROUTE).to_owned();
        (self.requests)
            .get_or_create(&RouteLabels { route, status })
            .observe(seconds);
        for name in operations {
            let operation = match name {
                Some(name) => self.names.label(name),
                None => ANONYMOUS.to_owned(),
            };
            (self.operations)
                .get_or_create(&OperationLabels { operation })
                .observe(seconds);
        }
        for code in errors {
            let code = code.clone();
            self.errors.get_or_create(&CodeLabels { code }).inc();
        }
    }

    fn render(&self) -> Result<String, fmt::Error> {
        let mut text = String::new();
        prometheus_text::encode(&mut text, &self.registry)?;
        Ok(text)
    }
}

/// The router of the metrics listener: `/metrics` only.
pub(super) fn router(metrics: Arc<Metrics>) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(metrics)
}

async fn scrape(State(metrics): State<Arc<Metrics>>) -> Response {
    match metrics.render() {
        Ok(text) => (
            [(header::CONTENT_TYPE, prometheus_text::CONTENT_TYPE)],
            text,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot render the metrics");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// Operation names come from clients: only GraphQL names of at most [`MAX_OPERATION_NAME`]
/// characters get a label of their own, and only the first [`MAX_OPERATIONS`] distinct ones, so
/// that no client can make series without end.
#[derive(Default)]
struct OperationNames(Mutex<HashSet<String>>);

impl OperationNames {
    fn label(&self, name: &str) -> String {
        if !is_graphql_name(name) || name.len() > MAX_OPERATION_NAME {
            return OTHER.to_owned();
        }
        let mut known = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if !known.contains(name) {
            if known.len() >= MAX_OPERATIONS {
                return OTHER.to_owned();
            }
            known.insert(name.to_owned());
        }
        name.to_owned()
    }
}

/// `/[_A-Za-z][_0-9A-Za-z]*/`, as the GraphQL spec defines a name.
fn is_graphql_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// What is read at each scrape.
struct Scraped {
    db: DatabaseConnection,
    dashboard_cache: Arc<DashboardCache>,
    imports: Arc<ingest::Tally>,
}

impl fmt::Debug for Scraped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scraped").finish_non_exhaustive()
    }
}

impl Collector for Scraped {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), fmt::Error> {
        if let Some(pool) = db::pool_usage(&self.db) {
            let gauge = ConstGauge::new(0u32);
            let mut family = encoder.encode_descriptor(
                "shopops_db_connections",
                "Connections of the database pool, by state: in_use by a request, or idle.",
                None,
                gauge.metric_type(),
            )?;
            for (state, n) in [("in_use", pool.in_use), ("idle", pool.idle)] {
                ConstGauge::new(n).encode(family.encode_family(&[("state", state)])?)?;
            }
            let max = ConstGauge::new(pool.max);
            max.encode(encoder.encode_descriptor(
                "shopops_db_connections_max",
                "The most connections the database pool opens.",
                None,
                max.metric_type(),
            )?)?;
        }

        let lookups = self.dashboard_cache.lookups();
        let counter = ConstCounter::new(0u64);
        let mut family = encoder.encode_descriptor(
            "shopops_dashboard_cache_lookups",
            "Dashboard results asked for, by result: a hit was answered from the cache, a miss \
             computed.",
            None,
            counter.metric_type(),
        )?;
        for (result, n) in [("hit", lookups.hits), ("miss", lookups.misses)] {
            ConstCounter::new(n).encode(family.encode_family(&[("result", result)])?)?;
        }

        let mut family = encoder.encode_descriptor(
            "shopops_import_rows",
            "Rows written by the imports over GraphQL (row batches and files), by kind and \
             outcome: inserted (a new key) or updated (an existing key overwritten).",
            None,
            counter.metric_type(),
        )?;
        for kind in Kind::all() {
            let rows = self.imports.of(kind);
            for (outcome, n) in [("inserted", rows.inserted), ("updated", rows.updated)] {
                let labels = [("kind", kind.name()), ("outcome", outcome)];
                ConstCounter::new(n).encode(family.encode_family(&labels)?)?;
            }
        }
        Ok(())
    }
}
