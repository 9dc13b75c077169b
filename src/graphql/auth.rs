use std::sync::Arc;

use crate::graphql::scalars::DateTime;
use async_graphql::{Context, InputObject, Object, SimpleObject};

use crate::error::AppResult;
use crate::graphql::context::db;
use crate::graphql::staff::Staff;

use crate::services::auth::{Auth, Origin, Services};

/// An e-mail address and its password.
#[derive(InputObject)]
pub struct LoginInput {
    /// The address the account was created with.
    email: String,
    /// The account's password.
    password: String,
}

/// What `login` gives: a token and whose it is.
#[derive(SimpleObject)]
pub struct LoginPayload {
    /// Send as `Authorization: Bearer <token>`.
    token: String,
    /// When the token stops working, unless the password changes first.
    expires_at: DateTime,
    /// The person signed in.
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
    /// The only operation that needs no token. Tokens last 12 hours unless the server says
    /// otherwise, and end early when the password is changed or reset. Attempts are limited
    /// per account, per client address and per request: past a limit, `TOO_MANY_REQUESTS`
    /// with `extensions.retryAfter` (seconds).
    async fn login(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "An e-mail address and its password.")] input: LoginInput,
    ) -> AppResult<LoginPayload> {
        let services = ctx.data_unchecked::<Arc<Services>>();
        // A connection whose handler did not tell its origin shares one unknown address.
        let unknown;
        let origin = match ctx.data_opt::<Arc<Origin>>() {
            Some(origin) => origin.as_ref(),
            None => {
                unknown = Origin::new(std::net::Ipv4Addr::UNSPECIFIED.into());
                &unknown
            }
        };
        let session =
            crate::services::auth::login(db(ctx), services, origin, &input.email, &input.password)
                .await?;
        Ok(LoginPayload {
            token: session.token,
            expires_at: session.expires_at.into(),
            staff: Staff(session.staff),
        })
    }
}
