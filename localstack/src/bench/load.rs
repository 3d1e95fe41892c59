//! The local gateway under concurrent load: requests per second, latency and errors on the main portal
//! routes, against a bare GetItem from the same number of concurrent callers to the same emulator.

use std::{
    future::Future,
    sync::Arc,
    time::{Duration, Instant},
};

use shared::{
    table::{customers::Customer, Entity},
    Context,
};

use super::events::Callers;
use crate::{
    gateway,
    provision::{BoxError, Stack},
};

pub const CONCURRENCY: usize = 16;

pub struct LoadRow {
    pub name: String,
    pub requests: usize,
    pub errors: usize,
    pub per_second: f64,
    pub p50: Duration,
    pub p99: Duration,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Runs `call` from `CONCURRENCY` tasks for `duration`; a call returns whether it succeeded.
async fn hammer<F, Fut>(name: &str, duration: Duration, call: F) -> LoadRow
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = bool> + Send,
{
    let call = Arc::new(call);
    let started = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..CONCURRENCY {
        let call = call.clone();
        tasks.spawn(async move {
            let mut latencies = Vec::new();
            let mut errors = 0;
            while started.elapsed() < duration {
                let t = Instant::now();
                let ok = call().await;
                latencies.push(t.elapsed());
                errors += usize::from(!ok);
            }
            (latencies, errors)
        });
    }
    let mut latencies = Vec::new();
    let mut errors = 0;
    for (l, e) in tasks.join_all().await {
        latencies.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    LoadRow {
        name: name.to_owned(),
        requests: latencies.len(),
        errors,
        per_second: latencies.len() as f64 / elapsed,
        p50: percentile(&latencies, 0.5),
        p99: percentile(&latencies, 0.99),
    }
}

/// The main portal routes through the gateway (JWT verified against the emulator's JWKS, as API Gateway
/// would), then the baseline. The first row is the baseline.
pub async fn measure(
    ctx: &Context,
    stack: &Stack,
    callers: &Callers,
    duration: Duration,
) -> Result<Vec<LoadRow>, BoxError> {
    let endpoint = std::env::var("AWS_ENDPOINT_URL").unwrap_or_else(|_| crate::stack_env::DEFAULT_ENDPOINT.into());
    let app = gateway::app(ctx, Arc::new(gateway::Authorizers::for_stack(stack, &endpoint))).await?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let base = format!("http://{}", listener.local_addr()?);
    let server = tokio::spawn(gateway::serve(listener, app));

    // Valid for 15 minutes; the whole benchmark takes about one.
    let bearer = format!("Bearer {}", callers.portal_token);
    let http = reqwest::Client::builder().pool_max_idle_per_host(CONCURRENCY).build()?;

    let table = ctx.table.clone();
    let key = Customer::key(&callers.customer_id).item();
    let mut rows = vec![
        hammer("GetItem (SDK, straight to the emulator)", duration, move || {
            let (table, key) = (table.clone(), key.clone());
            async move {
                table
                    .client
                    .get_item()
                    .table_name(&table.name)
                    .set_key(Some(key))
                    .send()
                    .await
                    .is_ok_and(|o| o.item.is_some())
            }
        })
        .await,
    ];
    for route in ["/portal/me", "/portal/tickets", "/portal/news", "/portal/documents"] {
        eprintln!("  load: {route}");
        let (http, url, bearer) = (http.clone(), format!("{base}{route}"), bearer.clone());
        rows.push(
            hammer(&format!("GET {route}"), duration, move || {
                let request = http.get(&url).header("authorization", &bearer);
                async move {
                    match request.send().await {
                        Ok(r) => r.status().is_success() & r.bytes().await.is_ok(),
                        Err(_) => false,
                    }
                }
            })
            .await,
        );
    }
    server.abort();
    Ok(rows)
}
