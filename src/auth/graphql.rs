use std::sync::Arc;

use async_graphql::{Context, Object, SimpleObject};
use chrono::{DateTime, Utc};

use crate::error::AppResult;
use crate::graphql::db;
use crate::staff::graphql::Staff;

use super::{Auth, TokenKeys};

#[derive(SimpleObject)]
pub struct LoginPayload {
    /// Send as `Authorization: Bearer <token>`.
    token: String,
    expires_at: DateTime<Utc>,
    staff: Staff,
}

#[derive(Default)]
pub struct AuthQuery;

#[Object]
impl AuthQuery {
    /// The signed-in person.
    async fn me(&self, ctx: &Context<'_>) -> AppResult<Staff> {
        let auth = ctx.data_unchecked::<Auth>();
        Ok(Staff(auth.staff()?.clone()))
    }
}

#[derive(Default)]
pub struct AuthMutation;

#[Object]
impl AuthMutation {
    /// The only operation that needs no token. Tokens last 12 hours.
    async fn login(
        &self,
        ctx: &Context<'_>,
        email: String,
        password: String,
    ) -> AppResult<LoginPayload> {
        let keys = ctx.data_unchecked::<Arc<TokenKeys>>();
        let session = super::login(db(ctx), keys, &email, &password).await?;
        Ok(LoginPayload {
            token: session.token,
            expires_at: session.expires_at,
            staff: Staff(session.staff),
        })
    }
}
