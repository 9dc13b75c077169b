//! Runtime settings of the HTTP service. The CLI fills them from flags and environment variables;
//! tests build them directly.

use std::net::SocketAddr;

use ipnet::IpNet;

use crate::clock::Clock;

/// Guards against abusive requests. Defaults suit dashboards; every one can be overridden.
#[derive(Debug, Clone, clap::Args)]
pub struct Limits {
    /// Largest accepted request body, in bytes.
    #[arg(long, env = "SHOPOPS_MAX_BODY_BYTES", default_value_t = 1024 * 1024)]
    pub max_body_bytes: usize,
    /// Largest accepted file upload (a multipart request, from a signed-in caller), in bytes:
    /// the whole request, the file included.
    #[arg(long, env = "SHOPOPS_MAX_UPLOAD_BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_upload_bytes: usize,
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
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_body_bytes: 1024 * 1024,
            max_upload_bytes: 64 * 1024 * 1024,
            max_depth: 12,
            max_complexity: 50_000,
            max_batch: 10,
            max_response_bytes: 4 * 1024 * 1024,
            dashboard_cache: 10_000,
            header_read_timeout_secs: 10,
            ws_init_timeout_secs: 10,
            ws_recheck_secs: 60,
        }
    }
}

/// Sign-in protections: how many password hashes run at once, login attempt limits, who may
/// name the client's address, and how long a session token lasts.
#[derive(Debug, Clone, clap::Args)]
pub struct AuthSettings {
    /// Password hashes computed at once (each takes 19 MiB). Default: the number of CPUs.
    #[arg(long, env = "SHOPOPS_HASH_CONCURRENCY", default_value_t = default_hash_concurrency())]
    pub hash_concurrency: usize,
    /// Callers that may wait for a hashing slot; any more are answered TOO_MANY_REQUESTS.
    #[arg(long, env = "SHOPOPS_HASH_QUEUE", default_value_t = 64)]
    pub hash_queue: usize,
    /// Failed logins per account (e-mail) per window; then refused until the window ends.
    #[arg(
        long,
        env = "SHOPOPS_LOGIN_FAILURES_PER_ACCOUNT",
        default_value_t = 10,
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub login_failures_per_account: u32,
    /// Login attempts, failed or not, per client address per window.
    #[arg(
        long,
        env = "SHOPOPS_LOGIN_ATTEMPTS_PER_ADDRESS",
        default_value_t = 100,
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub login_attempts_per_address: u32,
    /// Length of the login windows, in seconds.
    #[arg(
        long,
        env = "SHOPOPS_LOGIN_WINDOW_SECS",
        default_value_t = 900,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub login_window_secs: u64,
    /// `login` fields accepted in one request, aliases and batch entries together.
    #[arg(long, env = "SHOPOPS_MAX_LOGINS_PER_REQUEST", default_value_t = 3)]
    pub max_logins_per_request: usize,
    /// Reverse proxies (addresses or CIDR blocks, comma-separated) whose X-Forwarded-For names
    /// the client. Without one, the header is ignored: any client could write it.
    #[arg(long, env = "SHOPOPS_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_proxy)]
    pub trusted_proxies: Vec<IpNet>,
    /// How long a session token lasts, in seconds; an older one is refused.
    #[arg(
        long,
        env = "SHOPOPS_TOKEN_LIFETIME_SECS",
        default_value_t = 12 * 3600,
        value_parser = clap::value_parser!(u64).range(60..=30 * 24 * 3600)
    )]
    pub token_lifetime_secs: u64,
    /// How much work one password hash is. Not a flag: only tests, which make thousands of
    /// accounts, choose `Minimal`.
    #[arg(skip)]
    pub hash_cost: HashCost,
}

/// The cost of one password hash.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HashCost {
    /// argon2id's recommended parameters: 19 MiB, 2 passes.
    #[default]
    Standard,
    /// argon2id's least: 8 KiB, 1 pass. For tests only; a password hashed so is easy to crack.
    Minimal,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            hash_concurrency: default_hash_concurrency(),
            hash_queue: 64,
            login_failures_per_account: 10,
            login_attempts_per_address: 100,
            login_window_secs: 900,
            max_logins_per_request: 3,
            trusted_proxies: Vec::new(),
            token_lifetime_secs: 12 * 3600,
            hash_cost: HashCost::Standard,
        }
    }
}

fn parse_proxy(s: &str) -> Result<IpNet, String> {
    let s = s.trim();
    s.parse::<IpNet>()
        .or_else(|_| s.parse::<std::net::IpAddr>().map(IpNet::from))
        .map_err(|_| format!("{s:?} is neither an IP address nor a CIDR block"))
}

/// A CORS origin as browsers send it: `http` or `https`, a host, an optional port, nothing
/// after (no path, no trailing slash).
pub fn parse_origin(s: &str) -> Result<String, String> {
    let s = s.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"))
        .ok_or_else(|| format!("{s:?} is not an origin: it starts with http:// or https://"))?;
    let valid = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !valid {
        return Err(format!(
            "{s:?} is not an origin: scheme://host[:port], with no path (e.g. https://dash.example.com)"
        ));
    }
    Ok(s.to_ascii_lowercase())
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
    /// Origins (`https://dash.example.com`) whose pages may call the API (CORS); none by default.
    pub cors_origins: Vec<String>,
    /// Where `/metrics` is served (Prometheus), on a listener of its own; nowhere when `None`.
    pub metrics_bind: Option<SocketAddr>,
    pub limits: Limits,
    pub auth: AuthSettings,
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
            cors_origins: Vec::new(),
            metrics_bind: None,
            limits: Limits::default(),
            auth: AuthSettings::default(),
            clock: Clock::System,
        }
    }
}

/// The number of CPUs (one password hash keeps one busy), or 4 if it cannot be told.
pub fn default_hash_concurrency() -> usize {
    std::thread::available_parallelism().map_or(4, usize::from)
}
