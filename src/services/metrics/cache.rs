//! Dashboard results cached per team *and data version*. Every import (and target change) bumps
//! the team's `data_version` in the transaction that writes the data, and every dashboard request
//! reads the team row first, so a result computed before an import can never be served after it —
//! in this process or any other — while repeated questions about unchanged data cost no
//! aggregate at all. Entries of old versions are never asked for again and age out.

use std::any::Any;
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use crate::entities::team;
use crate::error::{AppError, AppResult};

type Value = Arc<dyn Any + Send + Sync>;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    team_id: i64,
    data_version: i64,
    /// The query and its arguments.
    query: String,
}

pub struct DashboardCache {
    /// `None` when configured off (`SHOPOPS_DASHBOARD_CACHE=0`).
    entries: Option<moka::future::Cache<Key, Value>>,
    hits: AtomicU64,
    misses: AtomicU64,
}

/// How often the cache answered: from a result it had (or another request was computing), or
/// by computing one (every answer when the cache is off).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lookups {
    pub hits: u64,
    pub misses: u64,
}

impl DashboardCache {
    pub fn new(max_entries: u64) -> Self {
        Self {
            entries: (max_entries > 0).then(|| {
                moka::future::Cache::builder()
                    .max_capacity(max_entries)
                    .time_to_idle(Duration::from_secs(3600))
                    .build()
            }),
            hits: AtomicU64::new(0),
            misses: AtomicU64::new(0),
        }
    }

    /// The answers given since the cache was made.
    pub fn lookups(&self) -> Lookups {
        Lookups {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
        }
    }

    /// The cached result of `query` for the team as loaded by this request, else `compute`'s
    /// (concurrent identical requests compute once).
    pub async fn get_or_compute<T, Fut>(
        &self,
        team: &team::Model,
        query: String,
        compute: impl FnOnce() -> Fut,
    ) -> AppResult<Arc<T>>
    where
        T: Send + Sync + 'static,
        Fut: Future<Output = AppResult<T>>,
    {
        let Some(cache) = &self.entries else {
            self.misses.fetch_add(1, Ordering::Relaxed);
            return compute().await.map(Arc::new);
        };
        let key = Key {
            team_id: team.id,
            data_version: team.data_version,
            query,
        };
        // Set only if this request's own computation runs: not when it waits for another's.
        let mut computed = false;
        let value = cache
            .try_get_with(key, async {
                computed = true;
                compute().await.map(|v| Arc::new(v) as Value)
            })
            .await;
        let counter = if computed { &self.misses } else { &self.hits };
        counter.fetch_add(1, Ordering::Relaxed);
        let value = value.map_err(|e: Arc<AppError>| (*e).clone())?;
        value
            .downcast::<T>()
            .map_err(|_| AppError::internal(anyhow::anyhow!("dashboard cache: type mismatch")))
    }
}
