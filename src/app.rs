//! The HTTP application: routes, middleware, and the GraphQL handler that authenticates each
//! request before the schema runs.

mod forwarded;
mod metrics;
mod request_log;
mod serve;
mod state;
mod web;
mod ws;

use std::{net::SocketAddr, sync::Arc, time::Duration};

use anyhow::Context as _;
use async_graphql::{
    BatchRequest, BatchResponse, ErrorExtensions, ParseRequestError, http::MultipartOptions,
};
use async_graphql_axum::GraphQLResponse;
use axum::{
    Json, Router,
    body::Body,
    extract::{ConnectInfo, State},
    http::{HeaderMap, HeaderValue, Method, StatusCode, header},
    response::{IntoResponse, Response},
    routing::get,
    serve::ListenerExt,
};
use futures_util::{FutureExt as _, TryStreamExt};
use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;
use tower_http::{
    catch_panic::CatchPanicLayer,
    cors::{AllowOrigin, CorsLayer},
};

use self::metrics::Metrics;
use self::request_log::{Caller, GraphqlFacts};
use self::state::{AppState, Documents, bearer_token};
use crate::config::Settings;
use crate::error::AppError;
use crate::graphql::{self, cost::BatchBudget, loaders::Loaders};
use crate::services::auth::{self, Auth, Hasher, Origin};
use crate::services::events::EventBus;
use crate::services::ingest;
use crate::services::metrics::cache::DashboardCache;

/// A bound, ready-to-serve application. `port()` tells tests which ephemeral port it got.
pub struct Application {
    listener: TcpListener,
    router: Router,
    /// The listener of `/metrics` and its router, when configured.
    metrics: Option<(TcpListener, Router)>,
    hasher: Hasher,
    header_read_timeout: Option<Duration>,
}

impl Application {
    pub async fn build(settings: &Settings, db: DatabaseConnection) -> anyhow::Result<Self> {
        let auth = Arc::new(auth::Services::new(&settings.jwt_secret, &settings.auth));
        let keys = auth.keys.clone();
        let hasher = auth.hasher.clone();
        let bus = EventBus::start(&db)
            .await
            .context("listening for task events")?;
        let dashboard_cache = Arc::new(DashboardCache::new(settings.limits.dashboard_cache));
        let imports = Arc::new(ingest::Tally::default());
        let metrics = match settings.metrics_bind {
            Some(bind) => {
                let listener = TcpListener::bind(bind)
                    .await
                    .with_context(|| format!("binding {bind} for the metrics"))?;
                let metrics = Metrics::new(db.clone(), dashboard_cache.clone(), imports.clone());
                Some((listener, Arc::new(metrics)))
            }
            None => None,
        };
        let shared = graphql::schema::Shared {
            db: db.clone(),
            auth,
            clock: settings.clock.clone(),
            bus,
            dashboard_cache,
            imports,
        };
        let schema =
            graphql::schema::build_schema(shared, &settings.limits, settings.introspection);
        let callers = Arc::new(auth::Callers::new(db.clone()));
        let state = AppState {
            schema,
            db,
            callers,
            keys,
            documents: Documents::new(),
            max_batch: settings.limits.max_batch,
            max_body_bytes: settings.limits.max_body_bytes,
            max_upload_bytes: settings.limits.max_upload_bytes,
            trusted_proxies: settings.auth.trusted_proxies.clone().into(),
            max_response_bytes: settings.limits.max_response_bytes,
            ws_init_timeout: Duration::from_secs(settings.limits.ws_init_timeout_secs),
            ws_recheck: Duration::from_secs(settings.limits.ws_recheck_secs),
        };
        let mut graphql_route = axum::routing::post(graphql_handler);
        if settings.graphiql {
            graphql_route = graphql_route.get(web::graphiql);
        }
        let mut router = Router::new()
            .route("/graphql", graphql_route)
            .route("/graphql/ws", get(ws::handler))
            .route("/healthz", get(healthz))
            .fallback_service(get(web::app))
            .with_state(state);
        if let Some(cors) = cors(&settings.cors_origins)? {
            router = router.layer(cors);
        }
        let recorder = metrics.as_ref().map(|(_, metrics)| metrics.clone());
        let router = router.layer(CatchPanicLayer::custom(panic_response)).layer(
            axum::middleware::from_fn_with_state(recorder, request_log::log),
        );
        let listener = TcpListener::bind(settings.bind)
            .await
            .with_context(|| format!("binding {}", settings.bind))?;
        let header_read_timeout = settings.limits.header_read_timeout_secs;
        Ok(Self {
            listener,
            router,
            metrics: metrics.map(|(listener, metrics)| (listener, metrics::router(metrics))),
            hasher,
            header_read_timeout: (header_read_timeout > 0)
                .then(|| Duration::from_secs(header_read_timeout)),
        })
    }

    /// The app's password hasher, whose `peak()` shows the hashing bound holds.
    pub fn password_hasher(&self) -> &Hasher {
        &self.hasher
    }

    pub fn local_addr(&self) -> std::io::Result<std::net::SocketAddr> {
        self.listener.local_addr()
    }

    pub fn port(&self) -> u16 {
        self.local_addr().map(|a| a.port()).unwrap_or(0)
    }

    /// Where `/metrics` is served, if it is (`Settings::metrics_bind`).
    pub fn metrics_addr(&self) -> Option<std::net::SocketAddr> {
        let (listener, _) = self.metrics.as_ref()?;
        listener.local_addr().ok()
    }

    /// Serves (the metrics too) until `shutdown` resolves, then finishes the requests in
    /// flight.
    pub async fn run_until(
        self,
        shutdown: impl std::future::Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let shutdown = shutdown.shared();
        let metrics = self.metrics.map(|(listener, router)| {
            let timeout = self.header_read_timeout;
            tokio::spawn(serve::run(listener, router, timeout, shutdown.clone()))
        });
        let listener = self.listener.tap_io(|tcp| {
            // An answer leaves as soon as it is written, not held back for the client's ACK.
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::warn!(error = %e, "cannot set TCP_NODELAY");
            }
        });
        serve::run(listener, self.router, self.header_read_timeout, shutdown).await;
        if let Some(metrics) = metrics {
            metrics.await.map_err(std::io::Error::other)?;
        }
        Ok(())
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

/// The last resort for a panic outside the schema's own guard (see `graphql::guards`): still
/// a GraphQL-shaped `INTERNAL` error, never the panic's text.
fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("request handler panicked");
    let body = serde_json::json!({
        "errors": [{ "message": "internal error", "extensions": { "code": "INTERNAL" } }]
    });
    (StatusCode::INTERNAL_SERVER_ERROR, Json(body)).into_response()
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

/// CORS for the configured origins (none: no CORS headers, so browsers keep other origins'
/// pages out). Tokens travel in the Authorization header, never in cookies, so no credentials
/// mode is needed.
fn cors(origins: &[String]) -> anyhow::Result<Option<CorsLayer>> {
    if origins.is_empty() {
        return Ok(None);
    }
    let origins = origins
        .iter()
        .map(|o| HeaderValue::from_str(o).with_context(|| format!("CORS origin {o:?}")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods([Method::GET, Method::POST])
            .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE])
            .max_age(Duration::from_secs(3600)),
    ))
}

async fn graphql_handler(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let auth = authenticate(&state, &headers).await;
    let caller = Caller::of(&auth);
    let mut response = answer(&state, peer, &headers, auth, body).await;
    (response.extensions_mut())
        .get_or_insert_default::<GraphqlFacts>()
        .note_caller(caller);
    response
}

async fn answer(
    state: &AppState,
    peer: SocketAddr,
    headers: &HeaderMap,
    auth: Auth,
    body: Body,
) -> Response {
    let mut request = match read_request(state, headers, &auth, body).await {
        Ok(request) => request,
        Err(response) => return response,
    };
    if let BatchRequest::Batch(ops) = &request
        && ops.len() > state.max_batch
    {
        let err = AppError::invalid(
            "batch",
            format!("at most {} operations per request", state.max_batch),
        );
        return error_response(StatusCode::BAD_REQUEST, err.extend());
    }
    request.iter_mut().for_each(|op| state.documents.parse(op));
    let mut facts = GraphqlFacts::of_request(&mut request);
    let client = forwarded::client_address(peer.ip(), headers, &state.trusted_proxies);
    let loaders = Loaders::for_caller(&state.db, &auth).await;
    let request = request
        .data(auth)
        .data(Arc::new(loaders))
        .data(Arc::new(Origin::new(client)))
        .data(BatchBudget::default());
    let mut response = state.schema.execute_batch(request).await;
    label_request_errors(&mut response);
    for r in responses(&mut response) {
        facts.note_errors(&r.errors);
    }
    let unavailable = responses(&mut response).iter().any(|r| {
        r.errors.iter().any(|e| {
            e.extensions
                .as_ref()
                .and_then(|ext| ext.get("code"))
                .is_some_and(|c| *c == async_graphql::Value::from("UNAVAILABLE"))
        })
    });
    let status = if unavailable {
        // Load balancers and clients retry on 503; the body still says which fields failed.
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::OK
    };
    let mut http = (
        status,
        [(header::CONTENT_TYPE, "application/graphql-response+json")],
        response_body(response, state.max_response_bytes),
    )
        .into_response();
    if unavailable {
        http.headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
    }
    http.extensions_mut().insert(facts);
    http
}

/// The answer's body, each operation's answer serialized once. One that would take the body
/// over `max` bytes (all operations of a batch together) is replaced with a
/// `RESPONSE_TOO_LARGE` error: the cost limit keeps answers small before they run, this is the
/// backstop for long texts. Serializing stops at the limit, so an oversize answer is never
/// built whole.
fn response_body(mut response: BatchResponse, max: usize) -> Vec<u8> {
    let batch = matches!(response, BatchResponse::Batch(_));
    let mut left = max;
    let mut parts: Vec<Vec<u8>> = Vec::new();
    for r in responses(&mut response) {
        let mut out = Limited {
            bytes: Vec::new(),
            max: left,
        };
        let part = if serde_json::to_writer(&mut out, &*r).is_ok() {
            out.bytes
        } else {
            let mut err = async_graphql::ServerError::new(
                format!(
                    "the response is larger than the limit of {max} bytes: ask for fewer rows or fields"
                ),
                None,
            );
            err.extensions
                .get_or_insert_with(Default::default)
                .set("code", "RESPONSE_TOO_LARGE");
            let refused = async_graphql::Response::from_errors(vec![err]);
            serde_json::to_vec(&refused).unwrap_or_default()
        };
        left = left.saturating_sub(part.len());
        parts.push(part);
    }
    if batch {
        let mut all = b"[".to_vec();
        all.extend(parts.join(&b',').as_slice());
        all.push(b']');
        all
    } else {
        parts.pop().unwrap_or_default()
    }
}

/// An `io::Write` into memory that fails past `max` bytes.
struct Limited {
    bytes: Vec<u8>,
    max: usize,
}

impl std::io::Write for Limited {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.max {
            return Err(std::io::Error::other("response too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The GraphQL request (or batch) in the body, or the answer to a body that cannot be one: 413
/// `PAYLOAD_TOO_LARGE` over the size limit (whether its length was declared or it was sent
/// chunked), else 400 `BAD_USER_INPUT`. A signed-in caller's multipart request (a file upload)
/// streams, its files spooled to temporary files, within the upload limit; any other body is
/// read whole within the body limit.
async fn read_request(
    state: &AppState,
    headers: &HeaderMap,
    auth: &Auth,
    body: Body,
) -> Result<BatchRequest, Response> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let upload = matches!(auth, Auth::Signed(_))
        && content_type
            .as_deref()
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("multipart/form-data"));
    let limit = if upload {
        state.max_upload_bytes
    } else {
        state.max_body_bytes
    };
    let too_large = || {
        let err =
            async_graphql::Error::new(format!("the request body is larger than {limit} bytes"))
                .extend_with(|_, ext| ext.set("code", "PAYLOAD_TOO_LARGE"));
        error_response(StatusCode::PAYLOAD_TOO_LARGE, err)
    };
    let bad = |message: String| {
        let err = async_graphql::Error::new(message)
            .extend_with(|_, ext| ext.set("code", "BAD_USER_INPUT"));
        error_response(StatusCode::BAD_REQUEST, err)
    };
    // The whole request within the limit: the multipart parser counts as it reads.
    let options = MultipartOptions::default()
        .max_file_size(limit)
        .max_num_files(1);
    let received = if upload {
        let stream = body
            .into_data_stream()
            .map_err(|e| std::io::Error::other(e.to_string()));
        async_graphql::http::receive_batch_body(content_type, stream.into_async_read(), options)
            .await
    } else {
        let body = match axum::body::to_bytes(body, limit).await {
            Ok(body) => body,
            Err(e) if is_over_limit(&e) => return Err(too_large()),
            Err(_) => return Err(bad("the request body could not be read".into())),
        };
        async_graphql::http::receive_batch_body(content_type, body.as_ref(), options).await
    };
    received.map_err(|e| match e {
        ParseRequestError::PayloadTooLarge => too_large(),
        // The parser's own words: which JSON or multipart part is wrong, and where.
        e => bad(e.to_string()),
    })
}

/// Whether reading a body failed on its size limit.
fn is_over_limit(error: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = source {
        if e.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = e.source();
    }
    false
}

fn error_response(status: StatusCode, err: async_graphql::Error) -> Response {
    let err = err.into_server_error(Default::default());
    let facts = GraphqlFacts::refused(&err);
    let response = async_graphql::Response::from_errors(vec![err]);
    let mut http = (status, GraphQLResponse::from(response)).into_response();
    http.extensions_mut().insert(facts);
    http
}

async fn authenticate(state: &AppState, headers: &HeaderMap) -> Auth {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Auth::Anonymous;
    };
    let token = value.to_str().ok().and_then(bearer_token);
    let Some(token) = token else {
        return Auth::Rejected;
    };
    match auth::authenticate(&state.callers, &state.keys, token.trim()).await {
        Ok(auth) => auth,
        Err(AppError::Internal(e) | AppError::Unavailable(e)) => {
            tracing::error!(error = ?e, "authentication failed on the database");
            Auth::Unavailable
        }
        Err(_) => Auth::Rejected,
    }
}

/// Errors raised before any resolver ran (syntax, unknown fields, wrong variable types, depth
/// and complexity limits) carry no code of their own: they are the client's input.
fn label_request_errors(response: &mut BatchResponse) {
    for r in responses(response) {
        for err in &mut r.errors {
            let ext = err.extensions.get_or_insert_with(Default::default);
            if ext.get("code").is_none() {
                ext.set("code", "BAD_USER_INPUT");
            }
        }
    }
}

fn responses(response: &mut BatchResponse) -> Vec<&mut async_graphql::Response> {
    match response {
        BatchResponse::Single(r) => vec![r],
        BatchResponse::Batch(rs) => rs.iter_mut().collect(),
    }
}
