//! Limits on guessing passwords. Every `login` field is counted where it is served (an alias, a
//! batch entry and a WebSocket operation count alike), against:
//! - its client address: attempts, failed or not, per window;
//! - its account (the normalized e-mail, registered or not): failures per window. A success does
//!   not count, and a full window only refuses until it ends, so a stranger failing on purpose
//!   slows a person's logins down for one window at most, never locks them out for good;
//! - its request: a few `login` fields at most, however they are aliased or batched.

use std::hash::{BuildHasher, Hash, RandomState};
use std::net::{IpAddr, Ipv6Addr};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use moka::{ops::compute::Op, sync::Cache};

use crate::config::AuthSettings;
use crate::error::{AppError, AppResult};

/// Windows remembered per kind of key; beyond it the least used are forgotten first.
const MAX_TRACKED: u64 = 100_000;

pub struct LoginThrottle {
    accounts: Windows<u64>,
    addresses: Windows<IpAddr>,
    /// Accounts are keyed by a keyed hash of the e-mail: fixed-size keys, whatever was typed.
    keyer: RandomState,
    max_per_request: usize,
}

impl LoginThrottle {
    pub fn new(settings: &AuthSettings) -> Self {
        let window = Duration::from_secs(settings.login_window_secs);
        Self {
            accounts: Windows::new(settings.login_failures_per_account, window),
            addresses: Windows::new(settings.login_attempts_per_address, window),
            keyer: RandomState::new(),
            max_per_request: settings.max_logins_per_request,
        }
    }

    /// Admits one attempt to sign in as `email` (normalized) from `origin`, or refuses it with
    /// `TOO_MANY_REQUESTS`. The attempt counts as a failure of the account unless it is dropped
    /// without [`Attempt::failed`].
    pub fn begin(&self, origin: &Origin, email: &str) -> AppResult<Attempt<'_>> {
        if origin.logins.fetch_add(1, Ordering::SeqCst) >= self.max_per_request {
            return Err(AppError::too_many_requests(
                "too many login fields in one request",
                0,
            ));
        }
        self.addresses
            .take(address_key(origin.address))
            .map_err(throttled)?;
        let account = self.keyer.hash_one(email);
        self.accounts.take(account).map_err(throttled)?;
        Ok(Attempt {
            throttle: self,
            account: Some(account),
        })
    }
}

fn throttled(wait: Duration) -> AppError {
    AppError::too_many_requests(
        "too many login attempts; try again later",
        wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
    )
}

/// One admitted login attempt, holding a failure of its account until the outcome is known.
pub struct Attempt<'a> {
    throttle: &'a LoginThrottle,
    account: Option<u64>,
}

impl Attempt<'_> {
    /// The password was wrong (or the account unknown): the failure stays counted.
    pub fn failed(mut self) {
        self.account = None;
    }
}

impl Drop for Attempt<'_> {
    /// A success, or an attempt that never reached a verdict (the server was busy, the client
    /// went away), gives its account's failure back.
    fn drop(&mut self) {
        if let Some(account) = self.account {
            self.throttle.accounts.give_back(account);
        }
    }
}

/// Fixed windows of `limit` per key: the first use of a key opens a window of `length`.
struct Windows<K> {
    cache: Cache<K, Window>,
    limit: u32,
    length: Duration,
}

#[derive(Clone, Copy)]
struct Window {
    count: u32,
    ends: Instant,
}

impl<K: Hash + Eq + Send + Sync + 'static> Windows<K> {
    fn new(limit: u32, length: Duration) -> Self {
        Self {
            cache: Cache::builder()
                .max_capacity(MAX_TRACKED)
                .time_to_live(length)
                .build(),
            limit,
            length,
        }
    }

    /// Counts one use of `key`, or tells how long until its full window ends. Atomic per key,
    /// so concurrent attempts (a batch, parallel requests) cannot slip past the limit together.
    fn take(&self, key: K) -> Result<(), Duration> {
        let now = Instant::now();
        let mut full = None;
        self.cache.entry(key).and_compute_with(|entry| {
            let window = entry
                .map(|e| e.into_value())
                .filter(|w| w.ends > now)
                .unwrap_or(Window {
                    count: 0,
                    ends: now + self.length,
                });
            if window.count >= self.limit {
                full = Some(window.ends - now);
                Op::Nop
            } else {
                Op::Put(Window {
                    count: window.count + 1,
                    ..window
                })
            }
        });
        full.map_or(Ok(()), Err)
    }

    fn give_back(&self, key: K) {
        let now = Instant::now();
        self.cache
            .entry(key)
            .and_compute_with(|entry| match entry.map(|e| e.into_value()) {
                Some(w) if w.ends > now && w.count > 0 => Op::Put(Window {
                    count: w.count - 1,
                    ..w
                }),
                _ => Op::Nop,
            });
    }
}

/// An IPv4 address, or the /64 network of an IPv6 one: a subscriber is usually given a whole
/// /64, so its single addresses would be as many fresh limits.
fn address_key(address: IpAddr) -> IpAddr {
    match address.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & (!0u128 << 64))),
        v4 => v4,
    }
}

/// Where one request (or one WebSocket connection) comes from, and how many `login` fields it
/// has asked for. Put into the request's data as `Arc<Origin>`, shared by a batch's entries.
#[derive(Debug)]
pub struct Origin {
    address: IpAddr,
    logins: AtomicUsize,
}

impl Origin {
    pub fn new(address: IpAddr) -> Self {
        Self {
            address,
            logins: AtomicUsize::new(0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_network_counts_as_one_address() {
        let a = address_key("2001:db8:1:2::1".parse().unwrap());
        let b = address_key("2001:db8:1:2:ffff::9".parse().unwrap());
        let c = address_key("2001:db8:1:3::1".parse().unwrap());
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_eq!(
            address_key("::ffff:192.0.2.1".parse().unwrap()),
            "192.0.2.1".parse::<IpAddr>().unwrap()
        );
    }
}
