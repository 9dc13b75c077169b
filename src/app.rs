//! The HTTP application: routes, middleware, and the GraphQL handler that authenticates each
//! request before the schema runs.

use std::{sync::Arc, time::Duration};

use async_graphql::{BatchRequest, BatchResponse, http::GraphiQLSource};
use async_graphql_axum::{GraphQLBatchRequest, GraphQLResponse};
use axum::{
    Json, Router,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{Html, IntoResponse, Response},
    routing::get,
};
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tower_http::{catch_panic::CatchPanicLayer, limit::RequestBodyLimitLayer, trace::TraceLayer};

use crate::auth::{self, Auth, TokenKeys};
use crate::config::Settings;
use crate::error::AppError;
use crate::graphql::{self, AppSchema, Loaders};

#[derive(Clone)]
struct AppState {
    schema: AppSchema,
    db: DatabaseConnection,
    keys: Arc<TokenKeys>,
    max_batch: usize,
}

/// A bound, ready-to-serve application. `port()` tells tests which ephemeral port it got.
pub struct Application {
    listener: TcpListener,
    router: Router,
}

impl Application {
    pub async fn build(settings: &Settings, db: DatabaseConnection) -> std::io::Result<Self> {
        let keys = Arc::new(TokenKeys::new(&settings.jwt_secret));
        let schema = graphql::build_schema(
            db.clone(),
            keys.clone(),
            &settings.limits,
            settings.introspection,
            settings.clock.clone(),
        );
        let state = AppState {
            schema,
            db,
            keys,
            max_batch: settings.limits.max_batch,
        };
        let mut graphql_route = axum::routing::post(graphql_handler);
        if settings.graphiql {
            graphql_route = graphql_route.get(graphiql);
        }
        let router = Router::new()
            .route("/graphql", graphql_route)
            .route("/healthz", get(healthz))
            .with_state(state)
            .layer(RequestBodyLimitLayer::new(settings.limits.max_body_bytes))
            .layer(CatchPanicLayer::new())
            .layer(TraceLayer::new_for_http());
        let listener = TcpListener::bind(settings.bind).await?;
        Ok(Self { listener, router })
    }

    pub fn local_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.listener.local_addr()
    }

    pub fn port(&self) -> u16 {
        self.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// Serves until `shutdown` resolves, then finishes the requests in flight.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

async fn healthz(State(state): State<AppState>) -> impl IntoResponse {
    match tokio::time::timeout(Duration::from_secs(2), state.db.ping()).await {
        Ok(Ok(())) => (StatusCode::OK, Json(serde_json::json!({ "status": "ok" }))),
        outcome => {
            tracing::warn!(?outcome, "health check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(serde_json::json!({ "status": "unavailable" })),
            )
        }
    }
}

async fn graphiql() -> Html<String> {
    Html(GraphiQLSource::build().endpoint("/graphql").finish())
}

async fn graphql_handler(
    State(state): State<AppState>,
    headers: HeaderMap,
    request: GraphQLBatchRequest,
) -> Response {
    let request = request.into_inner();
    if let BatchRequest::Batch(ops) = &request
        && ops.len() > state.max_batch
    {
        let err = AppError::invalid(
            "batch",
            format!("at most {} operations per request", state.max_batch),
        );
        let response = async_graphql::Response::from_errors(vec![
            async_graphql::Error::from(err).into_server_error(Default::default()),
        ]);
        return (StatusCode::BAD_REQUEST, GraphQLResponse::from(response)).into_response();
    }
    let auth = authenticate(&state, &headers).await;
    let request = request.data(auth).data(Arc::new(Loaders::new(&state.db)));
    let mut response = state.schema.execute_batch(request).await;
    label_request_errors(&mut response);
    GraphQLResponse::from(response).into_response()
}

async fn authenticate(state: &AppState, headers: &HeaderMap) -> Auth {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Auth::Anonymous;
    };
    let token = value.to_str().ok().and_then(|v| {
        v.strip_prefix("Bearer ")
            .or_else(|| v.strip_prefix("bearer "))
    });
    let Some(token) = token else {
        return Auth::Rejected;
    };
    match auth::authenticate(&state.db, &state.keys, token.trim()).await {
        Ok(auth) => auth,
        Err(AppError::Internal(e)) => {
            tracing::error!(error = ?e, "authentication failed on the database");
            Auth::Unavailable
        }
        Err(_) => Auth::Rejected,
    }
}

/// Errors raised before any resolver ran (syntax, unknown fields, wrong variable types, depth
/// and complexity limits) carry no code of their own: they are the client's input.
fn label_request_errors(response: &mut BatchResponse) {
    let responses: Vec<&mut async_graphql::Response> = match response {
        BatchResponse::Single(r) => vec![r],
        BatchResponse::Batch(rs) => rs.iter_mut().collect(),
    };
    for r in responses {
        for err in &mut r.errors {
            let ext = err.extensions.get_or_insert_with(Default::default);
            if ext.get("code").is_none() {
                ext.set("code", "BAD_USER_INPUT");
            }
        }
    }
}
