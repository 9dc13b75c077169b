//! One structured line per HTTP request, at `info` (target `shopops::request`): method, path,
//! status, latency, and for `/graphql` the operations, the caller, the team and the error
//! codes of the answer. The GraphQL handler leaves what it learned in the response's
//! extensions ([`GraphqlFacts`]); the middleware, outermost, times the request and writes the
//! line once the response is ready (the GraphQL body is built by then; a file streams after),
//! and gives the same facts to the metrics, when they are on.

use std::sync::Arc;
use std::time::Instant;

use async_graphql::parser::types::DocumentOperations;
use async_graphql::{BatchRequest, ServerError};
use axum::extract::{MatchedPath, Request, State};
use axum::{middleware::Next, response::Response};

use super::metrics::Metrics;
use crate::services::auth::Auth;

/// What a GraphQL request was, for its log line.
#[derive(Clone, Debug, Default)]
pub(super) struct GraphqlFacts {
    /// The operations' names; `None` for an anonymous one.
    operations: Vec<Option<String>>,
    /// The team the request names (`teamId` among its variables, at the top or in `input`).
    team: Option<i64>,
    /// The distinct `extensions.code`s of the answer's errors, in order.
    errors: Vec<String>,
    caller: Option<Caller>,
}

/// The signed-in caller and their own team, if any.
#[derive(Clone, Copy, Debug)]
pub(super) struct Caller {
    id: i64,
    team: Option<i64>,
}

impl Caller {
    pub fn of(auth: &Auth) -> Option<Self> {
        let actor = auth.actor().ok()?;
        Some(Self {
            id: actor.id,
            team: actor.team_id,
        })
    }
}

impl GraphqlFacts {
    /// The names and the team of `request`'s operations, their documents parsed already.
    pub fn of_request(request: &mut BatchRequest) -> Self {
        let mut names = Vec::new();
        let mut team = None;
        for op in request.iter_mut() {
            names.push(operation_name(op));
            team = team.or_else(|| team_of(&op.variables));
        }
        Self {
            operations: names,
            team,
            ..Self::default()
        }
    }

    /// Notes the codes of `errors` (after those noted already).
    pub fn note_errors<'a>(&mut self, errors: impl IntoIterator<Item = &'a ServerError>) {
        for error in errors {
            let code = match error.extensions.as_ref().and_then(|ext| ext.get("code")) {
                Some(async_graphql::Value::String(code)) => code.clone(),
                _ => "UNKNOWN".to_owned(),
            };
            if !self.errors.contains(&code) {
                self.errors.push(code);
            }
        }
    }

    /// Notes who asked.
    pub fn note_caller(&mut self, caller: Option<Caller>) {
        self.caller = caller;
    }

    /// The facts of a request refused before it ran: its one error.
    pub fn refused(error: &ServerError) -> Self {
        let mut facts = Self::default();
        facts.note_errors([error]);
        facts
    }
}

fn operation_name(op: &mut async_graphql::Request) -> Option<String> {
    if let Some(name) = &op.operation_name {
        return Some(name.clone());
    }
    // A document of one named operation may be sent without `operationName`.
    op.parsed_query()
        .ok()
        .and_then(|doc| match &doc.operations {
            DocumentOperations::Multiple(ops) if ops.len() == 1 => {
                ops.keys().next().map(|n| n.to_string())
            }
            _ => None,
        })
}

fn team_of(variables: &async_graphql::Variables) -> Option<i64> {
    let id = |value: &async_graphql::Value| match value {
        async_graphql::Value::String(s) => s.parse().ok(),
        async_graphql::Value::Number(n) => n.as_i64(),
        _ => None,
    };
    variables
        .get("teamId")
        .and_then(id)
        .or_else(|| match variables.get("input") {
            Some(async_graphql::Value::Object(input)) => input.get("teamId").and_then(id),
            _ => None,
        })
}

/// The middleware: times the request, writes its line and records it in `metrics`.
pub(super) async fn log(
    State(metrics): State<Option<Arc<Metrics>>>,
    request: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let route = request.extensions().get::<MatchedPath>().cloned();
    let response = next.run(request).await;
    let latency = started.elapsed().as_secs_f64();
    let latency_ms = latency * 1e3;
    let status = response.status().as_u16();
    let facts = response.extensions().get::<GraphqlFacts>();
    let facts = facts.cloned().unwrap_or_default();
    if let Some(metrics) = &metrics {
        let route = route.as_ref().map(MatchedPath::as_str);
        metrics.record(route, status, latency, &facts.operations, &facts.errors);
    }
    let caller_team = facts.caller.and_then(|c| c.team);
    let operations: Vec<&str> = (facts.operations.iter())
        .map(|name| name.as_deref().unwrap_or("-"))
        .collect();
    let operations = operations.join(",");
    let errors = facts.errors.join(",");
    tracing::info!(
        target: "shopops::request",
        method = %method,
        path,
        status,
        latency_ms = (latency_ms * 1e3).round() / 1e3,
        operation = (!operations.is_empty()).then_some(operations.as_str()),
        caller = facts.caller.map(|c| c.id),
        team = facts.team.or(caller_team),
        errors = (!errors.is_empty()).then_some(errors.as_str()),
        "request"
    );
    response
}
