//! How an [`AppError`] reaches a GraphQL client: its message and `extensions.code`, plus the
//! offending fields of invalid input. The explicit `From<AppError> for async_graphql::Error` is
//! the only way out (see [`crate::error`]); internal errors are logged here, never sent.

use async_graphql::ErrorExtensions;

use crate::error::AppError;

impl ErrorExtensions for AppError {
    fn extend(&self) -> async_graphql::Error {
        match self {
            Self::Internal(e) => tracing::error!(error = ?e, "internal error"),
            Self::Unavailable(e) => tracing::warn!(error = ?e, "database unavailable"),
            _ => {}
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
