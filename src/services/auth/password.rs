//! Password hashing with argon2id (recommended parameters: 19 MiB, 2 passes). Hashing is CPU-heavy,
//! so it runs on the blocking pool, never on the async workers, and memory-heavy, so a `Hasher`
//! bounds how many hashes run at once and how many callers may wait for one.

use std::sync::{
    Arc, OnceLock,
    atomic::{AtomicUsize, Ordering},
};

use argon2::{
    Algorithm, Argon2, Params, Version,
    password_hash::{PasswordHasher, PasswordVerifier, phc::PasswordHash},
};
use tokio::sync::Semaphore;

use crate::config::HashCost;
use crate::error::{AppError, AppResult};

/// Every hash and verification of one process (or one app) goes through one `Hasher`: at most
/// `concurrency` run at once (19 MiB each); up to `queue` more callers wait their turn; any
/// further caller is answered `TOO_MANY_REQUESTS` at once rather than held in memory.
#[derive(Clone)]
pub struct Hasher(Arc<Inner>);

struct Inner {
    argon2: Argon2<'static>,
    /// The hash an unknown e-mail's password is checked against, made with `argon2`'s cost.
    dummy: OnceLock<String>,
    running: Arc<Semaphore>,
    /// Running plus waiting.
    admitted: Arc<Semaphore>,
    busy: AtomicUsize,
    peak: AtomicUsize,
}

impl Hasher {
    pub fn new(concurrency: usize, queue: usize, cost: HashCost) -> Self {
        let concurrency = concurrency.max(1);
        let params = match cost {
            HashCost::Standard => Params::default(),
            HashCost::Minimal => Params::new(Params::MIN_M_COST, Params::MIN_T_COST, 1, None)
                .expect("argon2's least parameters are valid"),
        };
        Self(Arc::new(Inner {
            argon2: Argon2::new(Algorithm::Argon2id, Version::V0x13, params),
            dummy: OnceLock::new(),
            running: Arc::new(Semaphore::new(concurrency)),
            admitted: Arc::new(Semaphore::new(concurrency.saturating_add(queue))),
            busy: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }))
    }

    /// The one hasher of commands that hash outside the server (`create-admin`, demo data).
    pub fn offline() -> &'static Self {
        static OFFLINE: OnceLock<Hasher> = OnceLock::new();
        OFFLINE.get_or_init(|| {
            Hasher::new(
                crate::config::default_hash_concurrency(),
                64,
                HashCost::Standard,
            )
        })
    }

    /// The most hashes that have run at the same moment: evidence of the bound.
    pub fn peak(&self) -> usize {
        self.0.peak.load(Ordering::SeqCst)
    }

    pub async fn hash(&self, password: String) -> AppResult<String> {
        let inner = self.0.clone();
        self.run(move || hash_blocking(&inner.argon2, &password))
            .await
    }

    /// Checks `password` against `stored`, or against a dummy hash when there is no such user,
    /// so the time taken does not reveal whether an e-mail is registered.
    pub async fn verify(&self, password: String, stored: Option<String>) -> AppResult<bool> {
        let inner = self.0.clone();
        self.run(move || {
            let known = stored.is_some();
            let phc = match stored {
                Some(h) => h,
                None => inner.dummy()?.to_owned(),
            };
            let parsed = PasswordHash::new(&phc)
                .map_err(|e| AppError::internal(anyhow::anyhow!("stored hash unreadable: {e}")))?;
            // The stored hash names its own parameters; verifying uses those.
            let ok = inner
                .argon2
                .verify_password(password.as_bytes(), &parsed)
                .is_ok();
            Ok(known && ok)
        })
        .await
    }

    async fn run<T: Send + 'static>(
        &self,
        job: impl FnOnce() -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        let admitted = self.0.admitted.clone().try_acquire_owned().map_err(|_| {
            tracing::warn!(peak = self.peak(), "password hashing queue full");
            AppError::too_many_requests("the server is busy checking passwords; try again", 1)
        })?;
        let running = self
            .0
            .running
            .clone()
            .acquire_owned()
            .await
            .map_err(AppError::internal)?;
        let inner = self.0.clone();
        // The permits move into the blocking task: a caller that goes away (a client hanging up)
        // does not free its slot while its hash is still running.
        tokio::task::spawn_blocking(move || {
            let busy = inner.busy.fetch_add(1, Ordering::SeqCst) + 1;
            inner.peak.fetch_max(busy, Ordering::SeqCst);
            let outcome = job();
            inner.busy.fetch_sub(1, Ordering::SeqCst);
            drop((running, admitted));
            outcome
        })
        .await
        .map_err(AppError::internal)?
    }
}

fn hash_blocking(argon2: &Argon2, password: &str) -> AppResult<String> {
    argon2
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(anyhow::anyhow!("hashing password: {e}")))
}

impl Inner {
    fn dummy(&self) -> AppResult<&str> {
        if let Some(h) = self.dummy.get() {
            return Ok(h);
        }
        let h = hash_blocking(&self.argon2, "shopops-dummy-password")?;
        Ok(self.dummy.get_or_init(|| h))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A job that holds its hashing slot until the test says so, and tells when it has it.
    fn held(
        hasher: &Hasher,
    ) -> (
        tokio::task::JoinHandle<AppResult<()>>,
        std::sync::mpsc::Sender<()>,
    ) {
        let (release, wait) = std::sync::mpsc::channel::<()>();
        let (started, running) = std::sync::mpsc::channel::<()>();
        let h = hasher.clone();
        let job = tokio::spawn(async move {
            h.run(move || {
                started.send(()).ok();
                wait.recv().ok();
                Ok(())
            })
            .await
        });
        running.recv().unwrap();
        (job, release)
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn callers_beyond_the_running_and_the_queue_are_refused_not_held() {
        let hasher = Hasher::new(1, 1, HashCost::Minimal);
        let (first, release) = held(&hasher);
        // One waits its turn in the queue...
        let h = hasher.clone();
        let queued = tokio::spawn(async move { h.hash("waits its turn".into()).await });
        while hasher.0.admitted.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        // ...and the next is refused at once.
        let refused = hasher.hash("one too many".into()).await.unwrap_err();
        assert_eq!(refused.code(), "TOO_MANY_REQUESTS");
        release.send(()).unwrap();
        first.await.unwrap().unwrap();
        assert!(queued.await.unwrap().unwrap().starts_with("$argon2id$"));
        assert_eq!(hasher.peak(), 1);
    }
}
