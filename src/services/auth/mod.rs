//! Who is calling, and what §9 of DOMAIN.md lets them do. Every service takes an `Actor` and asks
//! it before reading or changing anything, so the rules hold whatever the entry point.

pub mod callers;
pub mod password;
pub mod throttle;
pub mod token;

use std::sync::Arc;

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::config::AuthSettings;
use crate::entities::{Access, Role, staff, team};
use crate::error::{AppError, AppResult};
pub use callers::Callers;
pub use password::Hasher;
pub use throttle::{LoginThrottle, Origin};
pub use token::TokenKeys;

/// What signing in needs besides the database, one per app: the token keys, the bounded
/// password hasher, the login limits.
pub struct Services {
    pub keys: Arc<TokenKeys>,
    pub hasher: Hasher,
    pub throttle: LoginThrottle,
}

impl Services {
    pub fn new(jwt_secret: &str, settings: &AuthSettings) -> Self {
        let lifetime = std::time::Duration::from_secs(settings.token_lifetime_secs);
        Self {
            keys: Arc::new(TokenKeys::new(jwt_secret, lifetime)),
            hasher: Hasher::new(
                settings.hash_concurrency,
                settings.hash_queue,
                settings.hash_cost,
            ),
            throttle: LoginThrottle::new(settings),
        }
    }
}

/// The authenticated caller of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub id: i64,
    pub team_id: Option<i64>,
    pub access: Access,
    pub role: Option<Role>,
}

/// What the HTTP layer learned from the `Authorization` header, handed to every resolver.
#[derive(Debug, Clone)]
pub enum Auth {
    Anonymous,
    Rejected,
    /// The token could not be checked because the database failed (already logged).
    Unavailable,
    Signed(Box<SignedIn>),
}

#[derive(Debug, Clone)]
pub struct SignedIn {
    pub actor: Actor,
    pub staff: staff::Model,
    /// The caller's team as read for this request (admins may have none).
    pub team: Option<team::Model>,
}

impl Auth {
    pub fn actor(&self) -> AppResult<&Actor> {
        self.signed().map(|(actor, _)| actor)
    }

    /// The caller's own staff record, as loaded when the token was checked.
    pub fn staff(&self) -> AppResult<&staff::Model> {
        self.signed().map(|(_, staff)| staff)
    }

    /// The caller's own team as loaded with the token check, saving a query for the common case
    /// of a member asking about their team.
    pub fn own_team(&self, team_id: i64) -> Option<&team::Model> {
        match self {
            Auth::Signed(s) => s.team.as_ref().filter(|t| t.id == team_id),
            _ => None,
        }
    }

    fn signed(&self) -> AppResult<(&Actor, &staff::Model)> {
        match self {
            Auth::Signed(s) => Ok((&s.actor, &s.staff)),
            Auth::Anonymous | Auth::Rejected => Err(AppError::unauthenticated()),
            Auth::Unavailable => Err(AppError::Unavailable(std::sync::Arc::new(anyhow::anyhow!(
                "the token could not be checked"
            )))),
        }
    }
}

impl From<&staff::Model> for Actor {
    fn from(s: &staff::Model) -> Self {
        Self {
            id: s.id,
            team_id: s.team_id,
            access: s.access,
            role: s.role,
        }
    }
}

/// The id of the command-line operator, who is no staff member.
const OPERATOR: i64 = 0;

impl Actor {
    /// Whoever runs the CLI holds the database URL, and so already has every power over the
    /// data: commands act as an operator with admin access to any team, not as a staff member.
    pub fn operator() -> Self {
        Self {
            id: OPERATOR,
            team_id: None,
            access: Access::Admin,
            role: None,
        }
    }

    /// Who is recorded as having done something (an audit entry, a "computed by"): the staff
    /// member, or nobody for the command-line operator.
    pub fn recorded_id(&self) -> Option<i64> {
        (self.id != OPERATOR).then_some(self.id)
    }

    pub fn is_admin(&self) -> bool {
        self.access == Access::Admin
    }

    pub fn ensure_admin(&self) -> AppResult<()> {
        if self.is_admin() {
            Ok(())
        } else {
            Err(AppError::forbidden("only an admin may do this"))
        }
    }

    /// Team-level data (the shop's metrics, products, board): admins and the team's members.
    pub fn ensure_member_of(&self, team_id: i64) -> AppResult<()> {
        if self.is_admin() || self.team_id == Some(team_id) {
            Ok(())
        } else {
            Err(AppError::forbidden("not a member of this team"))
        }
    }

    pub fn manages(&self, team_id: i64) -> bool {
        self.is_admin() || (self.access == Access::Manager && self.team_id == Some(team_id))
    }

    /// Changing a team's people and settings: admins and the team's managers.
    pub fn ensure_manager_of(&self, team_id: i64) -> AppResult<()> {
        if self.manages(team_id) {
            Ok(())
        } else {
            Err(AppError::forbidden(
                "only this team's manager or an admin may do this",
            ))
        }
    }

    /// A person's profile: themselves, their team's manager, or an admin.
    pub fn can_view_staff(&self, staff: &staff::Model) -> bool {
        self.id == staff.id || self.is_admin() || staff.team_id.is_some_and(|t| self.manages(t))
    }

    pub fn ensure_can_view_staff(&self, staff: &staff::Model) -> AppResult<()> {
        if self.can_view_staff(staff) {
            Ok(())
        } else {
            Err(AppError::forbidden("you may not see this person's profile"))
        }
    }

    /// The team a list query is confined to: admins may ask for any team or all (`None`);
    /// everyone else gets their own team and is refused another.
    pub fn team_scope(&self, requested: Option<i64>) -> AppResult<Option<i64>> {
        if self.is_admin() {
            return Ok(requested);
        }
        match (requested, self.team_id) {
            (Some(r), Some(own)) if r != own => {
                Err(AppError::forbidden("not a member of this team"))
            }
            (_, Some(own)) => Ok(Some(own)),
            (_, None) => Err(AppError::forbidden("not a member of any team")),
        }
    }
}

/// Resolves a bearer token to the active person it was issued to, as their row is now. A
/// deactivated person, or a non-admin whose team was deactivated, is refused even with an
/// unexpired token; so is a token issued before its owner's password was last changed or reset.
pub async fn authenticate(callers: &Callers, keys: &TokenKeys, token: &str) -> AppResult<Auth> {
    let subject = keys.verify(token)?;
    let (staff, team) = callers
        .read(subject.staff_id)
        .await?
        .ok_or_else(AppError::unauthenticated)?;
    if staff.session_epoch != subject.epoch || !may_sign_in(&staff, team.as_ref()) {
        return Err(AppError::unauthenticated());
    }
    Ok(Auth::Signed(Box::new(SignedIn {
        actor: Actor::from(&staff),
        staff,
        team,
    })))
}

fn may_sign_in(staff: &staff::Model, team: Option<&team::Model>) -> bool {
    staff.active && (staff.access == Access::Admin || team.is_some_and(|t| t.active))
}

pub struct Session {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub staff: staff::Model,
}

/// Exchanges e-mail and password for a session token. Unknown e-mail, wrong password and
/// deactivated account all give the same answer, in the same time. Every call counts against
/// the login limits of its origin and account (`TOO_MANY_REQUESTS` past them).
pub async fn login(
    db: &DatabaseConnection,
    services: &Services,
    origin: &Origin,
    email: &str,
    password: &str,
) -> AppResult<Session> {
    let email = crate::validate::normalize_email(email);
    let attempt = services.throttle.begin(origin, &email)?;
    // No stored e-mail has a control character (validation refuses them), and PostgreSQL text
    // cannot even hold a NUL to compare: such an e-mail is simply unknown.
    let found = if email.chars().any(char::is_control) {
        None
    } else {
        staff::Entity::find()
            .filter(staff::Column::Email.eq(email))
            .find_also_related(team::Entity)
            .one(db)
            .await?
            .filter(|(s, t)| may_sign_in(s, t.as_ref()))
            .map(|(s, _)| s)
    };
    let stored = found.as_ref().map(|s| s.password_hash.clone());
    let verified = services.hasher.verify(password.to_owned(), stored).await?;
    let Some(staff) = found.filter(|_| verified) else {
        attempt.failed();
        return Err(AppError::Unauthenticated("invalid e-mail or password"));
    };
    let (token, expires_at) = services.keys.issue(token::Subject {
        staff_id: staff.id,
        epoch: staff.session_epoch,
    })?;
    Ok(Session {
        token,
        expires_at,
        staff,
    })
}
