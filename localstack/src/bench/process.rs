//! Runs one function binary the way Lambda does: a fresh process, the Lambda environment variables,
//! and a Runtime API to poll. Reports when it first polled, when each answer came back, and its peak RSS.

use std::{
    path::{Path, PathBuf},
    process::Stdio,
    time::{Duration, Instant},
};

use serde_json::Value;

use super::runtime_api::{Answer, RuntimeApi};
use crate::provision::BoxError;

pub struct Run {
    /// From exec to the first `GET /runtime/invocation/next`: the function's init.
    pub init: Duration,
    /// From exec to each answer.
    pub answers: Vec<(Duration, Answer)>,
    /// Peak resident set size (`VmHWM`), in KiB, after the last answer.
    pub peak_rss_kib: u64,
}

impl Run {
    pub fn first_response(&self) -> Duration {
        self.answers.first().map(|(d, _)| *d).unwrap_or_default()
    }

    pub fn failures(&self) -> usize {
        self.answers
            .iter()
            .filter(|(_, a)| !a.ok || status_of(&a.body) >= 500)
            .count()
    }
}

/// The HTTP status inside an API Gateway v2 response payload (200 for payloads that are not HTTP).
pub fn status_of(body: &[u8]) -> u16 {
    serde_json::from_slice::<Value>(body)
        .ok()
        .and_then(|v| v.get("statusCode").and_then(Value::as_u64))
        .and_then(|s| u16::try_from(s).ok())
        .unwrap_or(200)
}

/// The release binaries the benchmark runs (the functions' and the hello-world baseline's); `BENCH_PROFILE`
/// picks another cargo profile's (`profiling` keeps symbols for `perf`).
pub fn binary(name: &str) -> PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into());
    let profile = std::env::var("BENCH_PROFILE").unwrap_or_else(|_| "release".into());
    Path::new(&target).join(profile).join(name)
}

/// Starts `binary` against a fresh Runtime API holding `events`, waits for every answer, reads the
/// peak RSS, and stops the process (Lambda would freeze it; nothing is left running).
pub async fn run(binary: &Path, events: Vec<Value>, env: &[(String, String)]) -> Result<Run, BoxError> {
    let n = events.len();
    let api = RuntimeApi::start(events).await?;
    let name = binary.file_name().and_then(|n| n.to_str()).unwrap_or("bench");
    let mut command = tokio::process::Command::new(binary);
    command
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .env("AWS_LAMBDA_RUNTIME_API", api.addr.to_string())
        .env("AWS_LAMBDA_FUNCTION_NAME", name)
        .env("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        .env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128")
        .env("AWS_LAMBDA_LOG_GROUP_NAME", format!("/aws/lambda/{name}"))
        .env("AWS_LAMBDA_LOG_STREAM_NAME", "bench")
        .env("AWS_EXECUTION_ENV", "AWS_Lambda_provided.al2023")
        .env("LOG_LEVEL", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    let started = Instant::now();
    let mut child = command.spawn().map_err(|e| format!("{}: {e}", binary.display()))?;
    let pid = child.id().ok_or("the process exited at once")?;
    let answered = tokio::time::timeout(Duration::from_secs(120), api.answers(n)).await;
    let peak_rss_kib = peak_rss_kib(pid).unwrap_or(0);
    let _ = child.kill().await;
    let (first_poll, answers) = match answered {
        Ok(Ok(done)) => done,
        Ok(Err(e)) => return Err(format!("{name}: {e}").into()),
        Err(_) => {
            let mut stderr = String::new();
            if let Some(mut s) = child.stderr.take() {
                let _ = tokio::io::AsyncReadExt::read_to_string(&mut s, &mut stderr).await;
            }
            return Err(format!("{name}: no answer within 120 s; stderr: {stderr}").into());
        }
    };
    let init = first_poll.map(|t| t - started).unwrap_or_default();
    Ok(Run {
        init,
        answers: answers.into_iter().map(|a| (a.at - started, a)).collect(),
        peak_rss_kib,
    })
}

fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
