//! Runtime settings of the HTTP service. The CLI fills them from flags and environment variables;
//! tests build them directly.

use std::net::SocketAddr;

use crate::clock::Clock;

/// Guards against abusive requests. Defaults suit dashboards; every one can be overridden.
#[derive(Debug, Clone, clap::Args)]
pub struct Limits {
    /// Largest accepted request body, in bytes.
    #[arg(long, env = "SHOPOPS_MAX_BODY_BYTES", default_value_t = 1024 * 1024)]
    pub max_body_bytes: usize,
    /// Deepest accepted query nesting.
    #[arg(long, env = "SHOPOPS_MAX_DEPTH", default_value_t = 12)]
    pub max_depth: usize,
    /// Highest accepted query complexity (a list field costs `first` × its children).
    #[arg(long, env = "SHOPOPS_MAX_COMPLEXITY", default_value_t = 5000)]
    pub max_complexity: usize,
    /// Most operations accepted in one batched (JSON array) request.
    #[arg(long, env = "SHOPOPS_MAX_BATCH", default_value_t = 10)]
    pub max_batch: usize,
    /// Most dashboard results kept in memory (0 turns the dashboard cache off).
    #[arg(long, env = "SHOPOPS_DASHBOARD_CACHE", default_value_t = 10_000)]
    pub dashboard_cache: u64,
    /// Seconds a client has to send a request's complete headers, counted from when the
    /// connection opened or its previous response was sent: also how long an idle keep-alive
    /// connection stays open. 0 turns it off.
    #[arg(long, env = "SHOPOPS_HEADER_READ_TIMEOUT_SECS", default_value_t = 10)]
    pub header_read_timeout_secs: u64,
    /// Seconds a WebSocket has to complete `connection_init` before it is closed (4408).
    #[arg(long, env = "SHOPOPS_WS_INIT_TIMEOUT_SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub ws_init_timeout_secs: u64,
    /// Seconds between re-checks of an open WebSocket's account: one deactivated meanwhile (or
    /// whose team was) is closed with 4403.
    #[arg(long, env = "SHOPOPS_WS_RECHECK_SECS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub ws_recheck_secs: u64,
    /// Lifetime of a session token, in seconds.
    #[arg(long, env = "SHOPOPS_TOKEN_LIFETIME_SECS", default_value_t = 12 * 3600, value_parser = clap::value_parser!(u64).range(1..))]
    pub token_lifetime_secs: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: 1024 * 1024,
            max_depth: 12,
            max_complexity: 5000,
            max_batch: 10,
            dashboard_cache: 10_000,
            header_read_timeout_secs: 10,
            ws_init_timeout_secs: 10,
            ws_recheck_secs: 60,
            token_lifetime_secs: 12 * 3600,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Settings {
    pub bind: SocketAddr,
    /// HS256 signing key for session tokens.
    pub jwt_secret: String,
    /// Serve the GraphiQL page on `GET /graphql`.
    pub graphiql: bool,
    /// Answer `__schema` / `__type` queries.
    pub introspection: bool,
    pub limits: Limits,
    /// Where the daily loop reads the time (the system clock outside tests).
    pub clock: Clock,
}

impl Settings {
    /// Settings for an ephemeral loopback server (tests, benchmarks).
    pub fn local(jwt_secret: impl Into<String>) -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            jwt_secret: jwt_secret.into(),
            graphiql: true,
            introspection: true,
            limits: Limits::default(),
            clock: Clock::System,
        }
    }
}
