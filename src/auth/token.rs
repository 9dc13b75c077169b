//! Session tokens: HS256 JWTs with issuer, audience and a lifetime (12 hours unless configured).

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::error::{AppError, AppResult};

const ISSUER: &str = "shopops";
const AUDIENCE: &str = "shopops-api";
const DEFAULT_LIFETIME: Duration = Duration::hours(12);

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    /// The staff id.
    sub: String,
    iss: String,
    aud: String,
    iat: i64,
    exp: i64,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    lifetime: Duration,
}

impl TokenKeys {
    pub fn new(secret: &str) -> Self {
        // Only HS256 is accepted: a token naming any other algorithm (or `none`) is rejected.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 30;
        Self {
            encoding: EncodingKey::from_secret(secret.as_bytes()),
            decoding: DecodingKey::from_secret(secret.as_bytes()),
            validation,
            lifetime: DEFAULT_LIFETIME,
        }
    }

    /// Tokens issued from now on expire `lifetime` after issue.
    pub fn with_lifetime(self, lifetime: Duration) -> Self {
        Self { lifetime, ..self }
    }

    /// Issues a token for `staff_id`, returning it with its expiry time.
    pub fn issue(&self, staff_id: i64) -> AppResult<(String, DateTime<Utc>)> {
        let now = Utc::now();
        let expires_at = now + self.lifetime;
        let claims = Claims {
            sub: staff_id.to_string(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now.timestamp(),
            exp: expires_at.timestamp(),
        };
        let token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(AppError::internal)?;
        Ok((token, expires_at))
    }

    /// The staff id a valid token was issued to.
    pub fn verify(&self, token: &str) -> AppResult<i64> {
        self.claims(token)?
            .sub
            .parse()
            .map_err(|_| AppError::unauthenticated())
    }

    /// When a valid token expires (a WebSocket is closed then).
    pub fn expires_at(&self, token: &str) -> AppResult<DateTime<Utc>> {
        DateTime::from_timestamp(self.claims(token)?.exp, 0).ok_or_else(AppError::unauthenticated)
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
    use chrono::Timelike;

    #[test]
    fn round_trip_and_tamper() {
        let keys = TokenKeys::new("a-test-secret-that-is-long-enough-32");
        let (token, exp) = keys.issue(42).unwrap();
        assert_eq!(keys.verify(&token).unwrap(), 42);
        assert!(exp > Utc::now() + Duration::hours(11));
        assert_eq!(
            keys.expires_at(&token).unwrap(),
            exp.with_nanosecond(0).unwrap()
        );
        let other = TokenKeys::new("another-secret-that-is-long-enough-32");
        assert!(other.verify(&token).is_err());
    }
}
