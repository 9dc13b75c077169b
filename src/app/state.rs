//! What every request handler of the app shares.

use std::{sync::Arc, time::Duration};

use async_graphql::parser::types::ExecutableDocument;
use sea_orm::DatabaseConnection;

use crate::graphql::schema::AppSchema;
use crate::services::auth::{Callers, TokenKeys};

#[derive(Clone)]
pub(super) struct AppState {
    pub(super) schema: AppSchema,
    pub(super) db: DatabaseConnection,
    pub(super) keys: Arc<TokenKeys>,
    /// Reads the callers' rows, those of concurrent requests together.
    pub(super) callers: Arc<Callers>,
    pub(super) documents: Documents,
    pub(super) max_batch: usize,
    pub(super) max_body_bytes: usize,
    /// The body limit of a signed-in caller's multipart request (a file upload).
    pub(super) max_upload_bytes: usize,
    /// Proxies whose X-Forwarded-For names the client (`forwarded::client_address`).
    pub(super) trusted_proxies: Arc<[ipnet::IpNet]>,
    pub(super) max_response_bytes: usize,
    /// How long a WebSocket may take to send `connection_init`.
    pub(super) ws_init_timeout: Duration,
    /// How often an open WebSocket's account is checked again.
    pub(super) ws_recheck: Duration,
}

/// Parsed GraphQL documents by query text. Dashboards send the same few queries all day, and
/// parsing is about a fifth of a small dashboard query's time in the schema. Each request gets
/// its own copy, since execution edits it (`@skip`, `@include`). Kept to 1 MiB of query text (the
/// parsed forms take some times that), so a flood of distinct queries only evicts.
#[derive(Clone)]
pub(super) struct Documents(moka::sync::Cache<String, ExecutableDocument>);

impl Documents {
    pub(super) fn new() -> Self {
        Self(
            moka::sync::Cache::builder()
                .weigher(|query: &String, _| u32::try_from(query.len()).unwrap_or(u32::MAX))
                .max_capacity(1 << 20)
                .build(),
        )
    }

    /// Gives the request its parsed document. One that does not parse is left to the schema,
    /// which reports the syntax error.
    pub(super) fn parse(&self, request: &mut async_graphql::Request) {
        if let Some(document) = self.0.get(&request.query) {
            request.set_parsed_query(document);
        } else if let Ok(document) = request.parsed_query() {
            let document = document.clone();
            self.0.insert(request.query.clone(), document);
        }
    }
}

pub(super) fn bearer_token(value: &str) -> Option<&str> {
    value
        .strip_prefix("Bearer ")
        .or_else(|| value.strip_prefix("bearer "))
}
