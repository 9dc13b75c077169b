//! Session tokens: HS256 JWTs with issuer, audience, a lifetime (`SHOPOPS_TOKEN_LIFETIME_SECS`,
//! 12 hours by default) and the staff member's session epoch, which changing their password
//! advances, so that every token issued before stops working.

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};

const ISSUER: &str = "shopops";
const AUDIENCE: &str = "shopops-api";
const LEEWAY_SECS: i64 = 30;

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    /// The staff id.
    sub: String,
    iss: String,
    aud: String,
    iat: i64,
    exp: i64,
    /// The staff member's `session_epoch` at issue. Tokens from before the claim existed have
    /// none, and stand for epoch 0, the epoch of a password never changed.
    #[serde(default)]
    epoch: i64,
}

/// Whom a valid token was issued to, and in which of their session epochs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject {
    pub staff_id: i64,
    pub epoch: i64,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    lifetime_secs: i64,
}

impl TokenKeys {
    /// Keys issuing tokens that last `lifetime`; a token is refused once that long has passed
    /// since it was issued, whatever its `exp` says.
    pub fn new(secret: &str, lifetime: std::time::Duration) -> Self {
        // Only HS256 is accepted: a token naming any other algorithm (or `none`) is rejected.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
        validation.leeway = LEEWAY_SECS.unsigned_abs();
        Self {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
            validation,
            lifetime_secs: i64::try_from(lifetime.as_secs()).unwrap_or(i64::MAX),
        }
    }

    /// Issues a token for `subject`, returning it with its expiry time.
    pub fn issue(&self, subject: Subject) -> AppResult<(String, DateTime<Utc>)> {
        let now = Utc::now();
        let expires_at = Duration::try_seconds(self.lifetime_secs)
            .and_then(|lifetime| now.checked_add_signed(lifetime))
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("token lifetime out of range")))?;
        let claims = Claims {
            sub: subject.staff_id.to_string(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now.timestamp(),
            exp: expires_at.timestamp(),
            epoch: subject.epoch,
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(AppError::internal)?;
        Ok((token, expires_at))
    }

    /// The subject of a valid token: signed by us, unexpired, and issued no longer than the
    /// lifetime ago (a token with a far-off `exp`, e.g. from a longer lifetime setting, is
    /// refused too).
    pub fn verify(&self, token: &str) -> AppResult<Subject> {
        let claims = self.claims(token)?;
        let age = Utc::now().timestamp().saturating_sub(claims.iat);
        if age > self.lifetime_secs.saturating_add(LEEWAY_SECS) || age < -LEEWAY_SECS {
            return Err(AppError::unauthenticated());
        }
        let staff_id = claims
            .sub
            .parse()
            .map_err(|_| AppError::unauthenticated())?;
        Ok(Subject {
            staff_id,
            epoch: claims.epoch,
        })
    }

    /// When a valid token stops being accepted (without the leeway): at its `exp`, or a
    /// lifetime after it was issued if that comes first. A WebSocket is closed then.
    pub fn expires_at(&self, token: &str) -> AppResult<DateTime<Utc>> {
        let claims = self.claims(token)?;
        let end = claims
            .exp
            .min(claims.iat.saturating_add(self.lifetime_secs));
        DateTime::from_timestamp(end, 0).ok_or_else(AppError::unauthenticated)
    }

    fn claims(&self, token: &str) -> AppResult<Claims> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|_| AppError::unauthenticated())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_tamper() {
        let twelve_hours = std::time::Duration::from_secs(12 * 3600);
        let keys = TokenKeys::new("a-test-secret-that-is-long-enough-32", twelve_hours);
        let subject = Subject {
            staff_id: 42,
            epoch: 3,
        };
        let (token, exp) = keys.issue(subject).unwrap();
        assert_eq!(keys.verify(&token).unwrap(), subject);
        assert!(exp > Utc::now() + Duration::hours(11));
        assert_eq!(
            keys.expires_at(&token).unwrap().timestamp(),
            exp.timestamp()
        );
        let other = TokenKeys::new("another-secret-that-is-long-enough-32", twelve_hours);
        assert!(other.verify(&token).is_err());
    }
}
