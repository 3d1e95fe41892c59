//! Cold start and memory of every function's release binary, against the hello-world baseline.

use std::time::Duration;

use serde_json::json;

use super::{
    process::{binary, run},
    workloads::Workload,
};
use crate::provision::BoxError;

/// How many times each function serves its whole workload in one process for the memory figure.
pub const BURST_ROUNDS: usize = 10;

pub struct Startup {
    pub function: String,
    pub init: Duration,
    pub first_response: Duration,
    pub peak_rss_kib: u64,
    /// Median time between consecutive answers of the warm process: one request's work, emulator included.
    pub warm: Duration,
    pub burst: usize,
    pub failures: usize,
}

pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples.get(samples.len() / 2).copied().unwrap_or_default()
}

/// Medians over `runs` fresh processes, interleaved so that noise on the machine hits every binary alike.
/// The first row is the baseline.
pub async fn measure(workloads: &[Workload], runs: usize, env: &[(String, String)]) -> Result<Vec<Startup>, BoxError> {
    let mut binaries = vec![("hello".to_owned(), vec![json!({ "hello": "world" })])];
    binaries.extend(workloads.iter().map(|w| (w.function.to_owned(), w.events.clone())));
    let mut init = vec![Vec::new(); binaries.len()];
    let mut first = vec![Vec::new(); binaries.len()];
    for round in 0..runs {
        for (i, (name, events)) in binaries.iter().enumerate() {
            let r = run(&binary(name), events[..1].to_vec(), env).await?;
            if r.failures() > 0 {
                return Err(format!(
                    "{name}: the cold-start request failed: {}",
                    String::from_utf8_lossy(&r.answers[0].1.body)
                )
                .into());
            }
            init[i].push(r.init);
            first[i].push(r.first_response());
        }
        eprintln!("  cold start: round {}/{runs}", round + 1);
    }
    let mut out = Vec::new();
    for (i, (name, events)) in binaries.iter().enumerate() {
        let burst: Vec<_> = events
            .iter()
            .cycle()
            .take(events.len() * BURST_ROUNDS)
            .cloned()
            .collect();
        let r = run(&binary(name), burst.clone(), env).await?;
        let gaps: Vec<Duration> = r
            .answers
            .windows(2)
            .skip(events.len())
            .map(|w| w[1].0 - w[0].0)
            .collect();
        out.push(Startup {
            function: name.clone(),
            init: median(std::mem::take(&mut init[i])),
            first_response: median(std::mem::take(&mut first[i])),
            peak_rss_kib: r.peak_rss_kib,
            warm: median(gaps),
            burst: burst.len(),
            failures: r.failures(),
        });
    }
    Ok(out)
}
