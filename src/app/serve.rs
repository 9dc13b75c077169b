//! The HTTP/1.1 connection loop. It does what `axum::serve` does with a router made
//! `into_make_service_with_connect_info::<SocketAddr>()` (upgrades for WebSockets, graceful
//! shutdown, the peer's address as `ConnectInfo`), and also bounds how long a connection may take to send a request's
//! headers, or sit idle between requests, which `axum::serve` cannot be configured to do.

use std::net::SocketAddr;
use std::time::Duration;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::serve::Listener;
use hyper::server::conn::http1;
use hyper::service::{Service, service_fn};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::sync::watch;

/// Serves `router` on the connections of `listener` until `shutdown` resolves, then lets the
/// connections finish their requests in flight (upgraded ones are on their own by then).
pub(super) async fn run<L>(
    mut listener: L,
    router: Router,
    header_read_timeout: Option<Duration>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) where
    L: Listener<Addr = SocketAddr>,
    L::Io: Send + 'static,
{
    let mut builder = http1::Builder::new();
    // hyper's header timer runs from when the connection starts waiting for a request: from
    // accept, and again after each response, so it also closes idle keep-alive connections.
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout);
    let (stop, stopping) = watch::channel(false);
    tokio::pin!(shutdown);
    loop {
        // `accept` retries failed accepts itself (after a pause, on EMFILE and the like).
        let (io, peer) = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let router = TowerToHyperService::new(router.clone());
        // The peer address feeds the login limits (`ConnectInfo` in the handlers).
        let service = service_fn(move |mut request: hyper::Request<hyper::body::Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            router.call(request)
        });
        let connection = builder
            .serve_connection(TokioIo::new(io), service)
            .with_upgrades();
        let mut stopping = stopping.clone();
        tokio::spawn(async move {
            tokio::pin!(connection);
            let result = tokio::select! {
                result = connection.as_mut() => Some(result),
                _ = stopping.wait_for(|stop| *stop) => None,
            };
            let result = match result {
                Some(result) => result,
                None => {
                    connection.as_mut().graceful_shutdown();
                    connection.await
                }
            };
            if let Err(e) = result {
                // Timeouts and clients that went away: nothing the server can act on.
                tracing::debug!(error = %e, "connection ended with an error");
            }
            drop(stopping);
        });
    }
    drop(listener);
    let _ = stop.send(true);
    drop(stopping);
    // Every connection task holds a receiver until it is done.
    stop.closed().await;
}
