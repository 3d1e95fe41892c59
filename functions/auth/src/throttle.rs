//! Failed attempts per 15 minutes: per username from one address, per address, and per username from
//! anywhere. Every attempt is counted before it is made and a success gives its count back, so only
//! failures accumulate, parallel guesses cannot overshoot, an attacker elsewhere cannot exhaust the
//! first counter, and every window ends by itself, so no lock-out lasts.

use shared::{
    error::{ApiError, ApiResult},
    table::Table,
};

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
        Self {
            counters: vec![(format!("{action}#ip#{ip}"), limit)],
        }
    }

    /// Counts this attempt against every counter before it is made, so parallel guesses cannot slip
    /// past the limit; 429 once any counter is over it.
    pub async fn attempt(&self, table: &Table) -> ApiResult<()> {
        let mut over = false;
        for (key, limit) in &self.counters {
            over |= !table.hit(key, WINDOW_SECS, *limit).await?;
        }
        if over {
            // Windows are aligned to multiples of their length, so the limit lifts when this one ends.
            let now = time::OffsetDateTime::now_utc().unix_timestamp();
            return Err(ApiError::TooManyRequests {
                retry_after_secs: (WINDOW_SECS - now.rem_euclid(WINDOW_SECS)) as u64,
            });
        }
        Ok(())
    }

    /// An attempt that succeeded gives its count back: only failures accumulate.
    pub async fn succeeded(&self, table: &Table) {
        for (key, _) in &self.counters {
            if let Err(e) = table.unhit(key, WINDOW_SECS).await {
                tracing::warn!(error = %e, "could not give back a successful attempt");
            }
        }
    }
}
