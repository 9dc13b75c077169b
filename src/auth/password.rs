//! Password hashing with argon2id (default parameters: 19 MiB, 2 passes). Hashing is CPU-heavy,
//! so it runs on the blocking pool, never on the async workers.

use std::sync::OnceLock;

use argon2::{
    Argon2,
    password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash},
};

use crate::error::{AppError, AppResult};

pub const MIN_LEN: usize = 8;
pub const MAX_LEN: usize = 128;

pub async fn hash(password: String) -> AppResult<String> {
    tokio::task::spawn_blocking(move || hash_blocking(&password))
        .await
        .map_err(AppError::internal)?
}

fn hash_blocking(password: &str) -> AppResult<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(anyhow::anyhow!("hashing password: {e}")))
}

/// Checks `password` against `stored`, or against a dummy hash when there is no such user, so the
/// time taken does not reveal whether an e-mail is registered.
pub async fn verify(password: String, stored: Option<String>) -> AppResult<bool> {
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let phc = match stored {
            Some(h) => h,
            None => dummy_hash()?.to_owned(),
        };
        let parsed = PasswordHash::new(&phc)
            .map_err(|e| AppError::internal(anyhow::anyhow!("stored hash unreadable: {e}")))?;
        let ok = Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(known && ok)
    })
    .await
    .map_err(AppError::internal)?
}

fn dummy_hash() -> AppResult<&'static str> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    if let Some(h) = DUMMY.get() {
        return Ok(h);
    }
    let h = hash_blocking("shopops-dummy-password")?;
    Ok(DUMMY.get_or_init(|| h))
}
