//! The one error type of shopops, and how it reaches a GraphQL client.
//!
//! `AppError` deliberately does not implement `Display`: async-graphql converts any `Display` type
//! into an error carrying only its text, which would drop `extensions.code` (and could leak SQL).
//! The explicit `From<AppError> for async_graphql::Error` below is the only way out.

use std::sync::Arc;

use async_graphql::ErrorExtensions;
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
            _ => Self::internal(err),
        }
    }
}

impl From<AppError> for anyhow::Error {
    fn from(err: AppError) -> Self {
        match err {
            AppError::Internal(e) => anyhow::anyhow!("{e:#}"),
            other => anyhow::anyhow!("{}: {}", other.code(), other.message()),
        }
    }
}

impl ErrorExtensions for AppError {
    fn extend(&self) -> async_graphql::Error {
        if let Self::Internal(e) = self {
            tracing::error!(error = ?e, "internal error");
        }
        async_graphql::Error::new(self.message()).extend_with(|_, ext| {
            ext.set("code", self.code());
            if let Self::TooManyRequests { retry_after, .. } = self {
                ext.set("retryAfter", *retry_after);
            }
            if let Self::Invalid(fields) = self {
                if let Some(first) = fields.first() {
                    ext.set("field", first.field.as_str());
                }
                if let Ok(list) = async_graphql::to_value(fields) {
                    ext.set("errors", list);
                }
            }
        })
    }
}

impl From<AppError> for async_graphql::Error {
    fn from(err: AppError) -> Self {
        err.extend()
    }
}
