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
    /// Highest accepted cost of a request's operations together (a field costs 1 plus its
    /// children, a list the rows it can return × one row: `first`, or the periods of a range).
    #[arg(long, env = "SHOPOPS_MAX_COMPLEXITY", default_value_t = 50_000)]
    pub max_complexity: usize,
    /// Most operations accepted in one batched (JSON array) request.
    #[arg(long, env = "SHOPOPS_MAX_BATCH", default_value_t = 10)]
    pub max_batch: usize,
    /// Largest response body, in bytes: a larger answer is replaced by a `RESPONSE_TOO_LARGE`
    /// error.
    #[arg(long, env = "SHOPOPS_MAX_RESPONSE_BYTES", default_value_t = 4 * 1024 * 1024)]
    pub max_response_bytes: usize,
    /// Most dashboard results kept in memory (0 turns the dashboard cache off).
    #[arg(long, env = "SHOPOPS_DASHBOARD_CACHE", default_value_t = 10_000)]
    pub dashboard_cache: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: 1024 * 1024,
            max_depth: 12,
            max_complexity: 50_000,
            max_batch: 10,
            max_response_bytes: 4 * 1024 * 1024,
            dashboard_cache: 10_000,
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
