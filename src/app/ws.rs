//! GraphQL over WebSocket at `/graphql/ws`: `graphql-transport-ws`, or the legacy `graphql-ws`.
//!
//! `connection_init` only proves the caller holds a valid token. Every operation sent later is
//! run as the caller is at that moment (the token is resolved again, as over HTTP), and each
//! event of a running subscription is checked again before it is sent: it ends, unsent, if the
//! caller's access, role or team changed meanwhile. The socket itself is closed when its token
//! expires (4401), when the token is found revoked, or its account or team deactivated (4403: on
//! an event, or on the periodic re-check), and when `connection_init` does not come in time
//! (4408).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use async_graphql::futures_util::{SinkExt, StreamExt, future, stream, stream::BoxStream};
use async_graphql::http::{
    ALL_WEBSOCKET_PROTOCOLS, WebSocket as Protocol, WebSocketProtocols as Protocols, WsMessage,
};
use async_graphql::parser::types::{DocumentOperations, OperationType};
use async_graphql::{Data, Request, Response};
use axum::extract::ws::{CloseFrame, Message, WebSocket};
use axum::extract::{ConnectInfo, State, WebSocketUpgrade};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response as HttpResponse};
use chrono::Utc;
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::{Instant, MissedTickBehavior};

use super::state::{AppState, bearer_token};
use crate::error::AppError;
use crate::graphql::{cost::BatchBudget, loaders::Loaders};
use crate::services::auth::{self, Actor, Auth, Origin};

pub(super) async fn handler(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> HttpResponse {
    // Logins sent over the socket count against the same address as over HTTP.
    let client = super::forwarded::client_address(peer.ip(), &headers, &state.trusted_proxies);
    let upgrade = upgrade.protocols(ALL_WEBSOCKET_PROTOCOLS);
    // The protocol the handshake answers with, of those the client offered.
    let protocol = upgrade
        .selected_protocol()
        .and_then(|p| p.to_str().ok())
        .and_then(|p| p.parse::<Protocols>().ok());
    let Some(protocol) = protocol else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    upgrade
        // The body limit of HTTP requests, for each message.
        .max_message_size(state.max_body_bytes)
        .on_upgrade(move |socket| serve(socket, state, protocol, client))
}

/// Why the server closes a socket under its client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Close {
    InitTimeout,
    /// The token expired.
    Expired,
    /// The account or its team was deactivated (or the account removed), or a password change
    /// revoked the token.
    Refused,
}

impl Close {
    fn frame(self) -> Message {
        let (code, reason) = match self {
            Self::InitTimeout => (4408, "connection initialisation timeout"),
            Self::Expired => (4401, "session expired: sign in again"),
            Self::Refused => (
                4403,
                "access revoked: the account or its team was deactivated, or its password changed",
            ),
        };
        Message::Close(Some(CloseFrame {
            code,
            reason: reason.into(),
        }))
    }
}

/// What `connection_init` established; kept as the connection's data.
#[derive(Clone)]
struct Session {
    token: Arc<str>,
}

/// Pumps the protocol's messages to the client, and closes the socket on the deadlines (the
/// `connection_init` one, then the token's expiry), on a revocation an operation reports, or
/// when the periodic re-check finds the account gone.
async fn serve(socket: WebSocket, state: AppState, protocol: Protocols, client: IpAddr) {
    let (mut sink, source) = socket.split();
    // As async-graphql-axum's `GraphQLWebSocket::serve`: a read error ends the input.
    let input = source
        .take_while(|message| future::ready(message.is_ok()))
        .filter_map(|message| {
            future::ready(match message {
                Ok(m @ (Message::Text(_) | Message::Binary(_))) => Some(m.into_data()),
                _ => None,
            })
        });
    let (signed_in, mut session) = oneshot::channel();
    let (revoke, mut revoked) = mpsc::unbounded_channel();
    let checking = Arc::new(watch::Sender::new(0));
    let executor = Executor {
        state: state.clone(),
        client,
        revoke,
        checking: checking.clone(),
    };
    let init_state = state.clone();
    let mut messages = Protocol::new(executor, input, protocol)
        .on_connection_init(move |payload| connection_data(init_state, payload, signed_in))
        // A pong then tells the client that the operations it sent before the ping are past
        // their caller check: a subscription among them hears every event from then on.
        .on_ping(move |_, _| {
            let mut checking = checking.subscribe();
            async move {
                let _ = checking.wait_for(|n| *n == 0).await.is_ok();
                Ok(None)
            }
        });

    let deadline = tokio::time::sleep(state.ws_init_timeout);
    tokio::pin!(deadline);
    let mut awaiting_init = true;
    let mut token: Option<Arc<str>> = None;
    // An interval must not be zero.
    let every = state.ws_recheck.max(Duration::from_secs(1));
    let mut recheck = tokio::time::interval_at(Instant::now() + every, every);
    recheck.set_missed_tick_behavior(MissedTickBehavior::Delay);

    let close = loop {
        tokio::select! {
            message = messages.next() => {
                let Some(message) = message else { return };
                let message = match message {
                    WsMessage::Text(text) => Message::Text(text.into()),
                    WsMessage::Close(code, reason) => Message::Close(Some(CloseFrame {
                        code,
                        reason: reason.into(),
                    })),
                };
                if sink.send(message).await.is_err() {
                    return;
                }
            }
            signed = &mut session, if awaiting_init => {
                awaiting_init = false;
                // A refused `connection_init` drops the sender; the protocol closes the socket.
                if let Ok((session, expires_at)) = signed {
                    let left = (expires_at - Utc::now()).to_std().unwrap_or_default();
                    deadline.as_mut().reset(Instant::now() + left);
                    recheck.reset();
                    token = Some(session);
                }
            }
            () = &mut deadline => {
                break if token.is_some() { Close::Expired } else { Close::InitTimeout };
            }
            Some(close) = revoked.recv() => break close,
            _ = recheck.tick(), if token.is_some() => {
                if let Some(token) = &token
                    && let Err(close) = current(&state, token).await
                {
                    break close;
                }
            }
        }
    };
    let _ = sink.send(close.frame()).await;
}

/// Checks the `connection_init` payload's token, `{"token": "<jwt>"}` or
/// `{"Authorization": "Bearer <jwt>"}`, as over HTTP. An error refuses the connection
/// (graphql-transport-ws closes it with the error's message). No `Auth` is kept: each operation
/// resolves the token again.
async fn connection_data(
    state: AppState,
    payload: serde_json::Value,
    signed_in: oneshot::Sender<(Arc<str>, chrono::DateTime<Utc>)>,
) -> async_graphql::Result<Data> {
    let field = |name: &str| payload.get(name).and_then(serde_json::Value::as_str);
    let token = field("token").or_else(|| {
        field("Authorization")
            .or_else(|| field("authorization"))
            .and_then(bearer_token)
    });
    let Some(token) = token.map(str::trim) else {
        return Err(AppError::Unauthenticated(
            r#"authentication required: send {"token": "<jwt>"} in connection_init"#,
        )
        .into());
    };
    auth::authenticate(&state.callers, &state.keys, token).await?;
    let expires_at = state.keys.expires_at(token)?;
    let token: Arc<str> = token.into();
    // The socket's loop is waiting for this, unless it already closed the socket.
    let _ = signed_in.send((token.clone(), expires_at));
    let mut data = Data::default();
    data.insert(Session { token });
    Ok(data)
}

/// The caller as they are now, by the connection's token; why the socket must close otherwise.
/// A database failure (logged) gives `Auth::Unavailable`: operations fail with `UNAVAILABLE`,
/// a subscription's next event ends it with that error, and the socket stays open.
async fn current(state: &AppState, token: &str) -> Result<Auth, Close> {
    match auth::authenticate(&state.callers, &state.keys, token).await {
        Ok(auth) => Ok(auth),
        Err(AppError::Internal(e) | AppError::Unavailable(e)) => {
            tracing::error!(error = ?e, "re-checking a WebSocket's caller failed on the database");
            Ok(Auth::Unavailable)
        }
        Err(_) if state.keys.verify(token).is_err() => Err(Close::Expired),
        Err(_) => Err(Close::Refused),
    }
}

/// Runs the socket's operations with the caller's current `Auth`, and watches subscriptions.
#[derive(Clone)]
struct Executor {
    state: AppState,
    /// The client's address, for the login limits.
    client: IpAddr,
    /// Asks the socket's loop to close the socket.
    revoke: mpsc::UnboundedSender<Close>,
    /// How many operations are having their caller checked.
    checking: Arc<watch::Sender<usize>>,
}

/// Counts one operation's caller check while it runs, also if it is cancelled.
struct Checking(Arc<watch::Sender<usize>>);

impl Checking {
    fn start(count: &Arc<watch::Sender<usize>>) -> Self {
        count.send_modify(|n| *n += 1);
        Self(count.clone())
    }
}

impl Drop for Checking {
    fn drop(&mut self) {
        self.0.send_modify(|n| *n -= 1);
    }
}

impl async_graphql::Executor for Executor {
    async fn execute(&self, request: Request) -> Response {
        self.execute_stream(request, None)
            .next()
            .await
            .unwrap_or_default()
    }

    fn execute_stream(
        &self,
        mut request: Request,
        session_data: Option<Arc<Data>>,
    ) -> BoxStream<'static, Response> {
        self.state.documents.parse(&mut request);
        let subscription = is_subscription(&mut request);
        let token = session_data
            .as_deref()
            .and_then(|data| data.get(&std::any::TypeId::of::<Session>()))
            .and_then(|session| session.downcast_ref::<Session>())
            .map(|session| session.token.clone());
        // Checked in a task of its own, so that it goes on while the protocol waits for it
        // to answer a ping.
        let check = token.clone().map(|token| {
            let checking = Checking::start(&self.checking);
            let state = self.state.clone();
            tokio::spawn(async move {
                let auth = current(&state, &token).await;
                drop(checking);
                auth
            })
        });
        let this = self.clone();
        stream::once(async move {
            let auth = match check {
                // Refused like an HTTP request with a stale token; the socket's own checks
                // close it.
                Some(check) => match check.await {
                    Ok(auth) => auth.unwrap_or(Auth::Rejected),
                    Err(e) => {
                        tracing::error!(error = %e, "checking a WebSocket operation's caller failed");
                        Auth::Unavailable
                    }
                },
                None => Auth::Anonymous,
            };
            let started = auth.actor().ok().cloned();
            let loaders = Loaders::for_caller(&this.state.db, &auth).await;
            // Each operation is a request of its own: its own login count and cost budget.
            let request = request
                .data(auth)
                .data(Arc::new(loaders))
                .data(Arc::new(Origin::new(this.client)))
                .data(BatchBudget::default());
            let responses = this
                .state
                .schema
                .execute_stream_with_session_data(request, session_data.unwrap_or_default());
            match (subscription, token, started) {
                (true, Some(token), Some(started)) => this.guard(responses, token, started),
                _ => responses,
            }
        })
        .flatten()
        .boxed()
    }
}

impl Executor {
    /// Sends each event of a subscription only to a caller who would still be allowed to start
    /// it as they did: the same actor (id, team, access, role), still active, token unexpired.
    fn guard(
        self,
        responses: BoxStream<'static, Response>,
        token: Arc<str>,
        started: Actor,
    ) -> BoxStream<'static, Response> {
        stream::unfold(Some(responses), move |responses| {
            let this = self.clone();
            let token = token.clone();
            let started = started.clone();
            async move {
                let mut responses = responses?;
                let response = responses.next().await?;
                match current(&this.state, &token).await {
                    Ok(auth) => match auth.actor() {
                        Ok(actor) if *actor == started => Some((response, Some(responses))),
                        Ok(_) => Some((
                            error(AppError::forbidden("your access changed: subscribe again")),
                            None,
                        )),
                        Err(e) => Some((error(e), None)),
                    },
                    Err(close) => {
                        // The loop outlives its operations; nobody to tell if it is gone.
                        let _ = this.revoke.send(close);
                        None
                    }
                }
            }
        })
        .boxed()
    }
}

fn error(err: AppError) -> Response {
    Response::from_errors(vec![
        async_graphql::Error::from(err).into_server_error(Default::default()),
    ])
}

/// Whether the operation to run is a subscription. One that does not parse, or names no
/// operation of its document, is not: the schema reports what is wrong with it.
fn is_subscription(request: &mut Request) -> bool {
    let name = request.operation_name.clone();
    let Ok(document) = request.parsed_query() else {
        return false;
    };
    let operation = match (&document.operations, name) {
        (DocumentOperations::Single(op), _) => Some(op),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name.as_str()),
        (DocumentOperations::Multiple(_), None) => None,
    };
    operation.is_some_and(|op| op.node.ty == OperationType::Subscription)
}
