//! Failed attempts per 15 minutes: per username from one address, per address, and per username from
//! anywhere. Only failures count, so a real user signing in often is never slowed; an attacker elsewhere
//! cannot exhaust the first counter; and every window ends by itself, so no lock-out lasts.

use shared::{error::{ApiError, ApiResult}, table::Table};

pub const WINDOW_SECS: i64 = 15 * 60;
const PER_USER_AND_ADDRESS: u64 = 10;
const PER_ADDRESS: u64 = 100;
const PER_USER: u64 = 50;

pub struct Throttle {
    counters: Vec<(String, u64)>,
}

impl Throttle {
    pub fn new(action: &str, username: &str, ip: &str) -> Self {
        let user = username.trim().to_lowercase();
        Self {
            counters: vec![
                (format!("{action}#u#{user}#ip#{ip}"), PER_USER_AND_ADDRESS),
                (format!("{action}#ip#{ip}"), PER_ADDRESS),
                (format!("{action}#u#{user}"), PER_USER),
            ],
        }
    }

    /// Failures per address only, for token endpoints: a 256-bit token cannot be guessed, and a counter
    /// shared by everyone would let one client block all activations.
    pub fn per_address(action: &str, ip: &str, limit: u64) -> Self {
        Self { counters: vec![(format!("{action}#ip#{ip}"), limit)] }
    }

    /// 429 when any counter has reached its limit in this window.
    pub async fn check(&self, table: &Table) -> ApiResult<()> {
        let keys: Vec<String> = self.counters.iter().map(|(k, _)| k.clone()).collect();
        let hits = table.window_hits(&keys, WINDOW_SECS).await?;
        if hits.iter().zip(&self.counters).any(|(h, (_, limit))| h >= limit) {
            return Err(ApiError::TooManyRequests);
        }
        Ok(())
    }

    /// Counts a failure against every counter.
    pub async fn failed(&self, table: &Table) {
        for (key, limit) in &self.counters {
            if let Err(e) = table.hit(key, WINDOW_SECS, *limit).await {
                tracing::warn!(error = %e, "could not count a failed attempt");
            }
        }
    }
}
