//! The one error type of shopops; [`crate::graphql::errors`] is how it reaches a GraphQL client.
//!
//! `AppError` deliberately does not implement `Display`: async-graphql converts any `Display` type
//! into an error carrying only its text, which would drop `extensions.code` (and could leak SQL).

use std::sync::Arc;

use sea_orm::{DbErr, SqlErr};
use serde::Serialize;

/// One offending input field; `row` is set when the field belongs to a row of a batch.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
}

#[derive(Debug, Clone)]
pub enum AppError {
    /// No valid token (missing, expired, forged, or its owner was deactivated), or a failed login.
    Unauthenticated(&'static str),
    /// Authenticated, but §9 does not allow it.
    Forbidden(String),
    /// Input that fails validation; every offending field is listed.
    Invalid(Vec<FieldError>),
    /// The named thing does not exist.
    NotFound(String),
    /// The change clashes with existing data (duplicate key, stale version, locked month).
    Conflict(String),
    /// The database cannot be reached (or a SQLite writer waited out the busy timeout): the
    /// request did nothing and may be retried. Logged; answered with HTTP 503.
    Unavailable(Arc<anyhow::Error>),
    /// Throttled: too many login attempts, or the server is busy checking passwords. The client
    /// may try again after `retry_after` seconds (`extensions.retryAfter`).
    TooManyRequests {
        message: &'static str,
        retry_after: u64,
    },
    /// Anything else. Logged in full, shown to the client as a bare "internal error".
    Internal(Arc<anyhow::Error>),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Invalid(vec![FieldError {
            field: field.into(),
            message: message.into(),
            row: None,
        }])
    }

    /// The request carries no usable token.
    pub fn unauthenticated() -> Self {
        Self::Unauthenticated("authentication required: send Authorization: Bearer <token>")
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::Forbidden(message.into())
    }

    pub fn not_found(what: impl Into<String>) -> Self {
        Self::NotFound(what.into())
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::Conflict(message.into())
    }

    /// Stored values whose sum does not fit in 64 bits (both databases, and Rust, refuse to wrap).
    pub fn overflow() -> Self {
        Self::invalid(
            "range",
            "the stored values summed over this period exceed 9223372036854775807",
        )
    }

    pub fn too_many_requests(message: &'static str, retry_after: u64) -> Self {
        Self::TooManyRequests {
            message,
            retry_after,
        }
    }

    pub fn internal(error: impl Into<anyhow::Error>) -> Self {
        Self::Internal(Arc::new(error.into()))
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated(_) => "UNAUTHENTICATED",
            Self::Forbidden(_) => "FORBIDDEN",
            Self::Invalid(_) => "BAD_USER_INPUT",
            Self::NotFound(_) => "NOT_FOUND",
            Self::Conflict(_) => "CONFLICT",
            Self::Unavailable(_) => "UNAVAILABLE",
            Self::TooManyRequests { .. } => "TOO_MANY_REQUESTS",
            Self::Internal(_) => "INTERNAL",
        }
    }

    /// The text a client may see.
    pub fn message(&self) -> String {
        match self {
            Self::Unauthenticated(m) | Self::TooManyRequests { message: m, .. } => (*m).into(),
            Self::Forbidden(m) | Self::Conflict(m) => m.clone(),
            Self::Invalid(fields) => {
                let parts: Vec<String> = fields
                    .iter()
                    .map(|f| match f.row {
                        Some(row) => format!("row {row}: {}: {}", f.field, f.message),
                        None => format!("{}: {}", f.field, f.message),
                    })
                    .collect();
                format!("invalid input: {}", parts.join("; "))
            }
            Self::NotFound(what) => format!("{what} not found"),
            Self::Unavailable(_) => "the database is unavailable; try again shortly".into(),
            Self::Internal(_) => "internal error".into(),
        }
    }
}

impl From<DbErr> for AppError {
    fn from(err: DbErr) -> Self {
        // A unique index is the last line of defence against races between the service's own
        // duplicate check and the insert; report it as the conflict it is.
        match err.sql_err() {
            Some(SqlErr::UniqueConstraintViolation(_)) => {
                Self::conflict("a record with the same unique key already exists")
            }
            _ if unavailable(&err) => Self::Unavailable(Arc::new(err.into())),
            _ if overflowed(&err) => Self::overflow(),
            _ => Self::internal(err),
        }
    }
}

/// Whether the database refused a sum past 64 bits: SQLite's SUM raises "integer overflow",
/// PostgreSQL's cast of its NUMERIC sum to BIGINT "out of range" (SQLSTATE 22003).
fn overflowed(err: &DbErr) -> bool {
    use sea_orm::{RuntimeErr, sqlx::Error};
    match err {
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            match e.as_ref() {
                Error::Database(db) => {
                    db.code().as_deref() == Some("22003") || db.message() == "integer overflow"
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// Whether `err` says the database could not be reached, rather than that the statement was wrong.
fn unavailable(err: &DbErr) -> bool {
    use sea_orm::{RuntimeErr, sqlx::Error};
    match err {
        DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => true,
        DbErr::Exec(RuntimeErr::SqlxError(e)) | DbErr::Query(RuntimeErr::SqlxError(e)) => {
            match e.as_ref() {
                Error::Io(_) | Error::PoolTimedOut | Error::PoolClosed => true,
                // SQLITE_BUSY (5) and its extended codes: the write lock stayed taken for the
                // whole busy timeout.
                Error::Database(db) => db
                    .code()
                    .and_then(|c| c.parse::<i32>().ok())
                    .is_some_and(|c| c & 0xff == 5),
                _ => false,
            }
        }
        _ => false,
    }
}

impl From<AppError> for anyhow::Error {
    fn from(err: AppError) -> Self {
        match err {
            AppError::Internal(e) | AppError::Unavailable(e) => anyhow::anyhow!("{e:#}"),
            other => anyhow::anyhow!("{}: {}", other.code(), other.message()),
        }
    }
}
