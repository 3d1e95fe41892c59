//! JSON logs in the Lambda Powertools shape: level, message, service, timestamp, request id, cold start.
//! Requests are logged by method, route template and status only: never headers, tokens or bodies.

use std::{
    sync::atomic::{AtomicBool, Ordering},
    time::Instant,
};

use axum::{extract::MatchedPath, extract::Request, middleware::Next, response::Response};
use lambda_http::RequestExt;
use tracing_subscriber::EnvFilter;

static COLD: AtomicBool = AtomicBool::new(true);

/// Installs the JSON subscriber; `RUST_LOG` / `LOG_LEVEL` choose the level (default `info`).
pub fn init(service: &'static str) {
    let filter = EnvFilter::try_from_env("LOG_LEVEL")
        .or_else(|_| EnvFilter::try_from_default_env())
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_env_filter(filter)
        .with_current_span(false)
        .with_span_list(false)
        .with_target(false)
        .without_time()
        .flatten_event(true)
        .try_init();
    SERVICE.get_or_init(|| service);
}

static SERVICE: std::sync::OnceLock<&'static str> = std::sync::OnceLock::new();

/// Middleware: one line per request with what an operator needs and nothing a client sent.
pub async fn log_request(req: Request, next: Next) -> Response {
    let cold_start = COLD.swap(false, Ordering::Relaxed);
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".into());
    let request_id = req
        .extensions()
        .lambda_context_ref()
        .map(|c| c.request_id.clone())
        .or_else(|| {
            req.extensions().request_context_ref().and_then(|c| match c {
                lambda_http::request::RequestContext::ApiGatewayV2(ctx) => ctx.request_id.clone(),
                #[allow(unreachable_patterns)]
                _ => None,
            })
        })
        .unwrap_or_default();
    let started = Instant::now();
    let response = next.run(req).await;
    let status = response.status().as_u16();
    let service = SERVICE.get().copied().unwrap_or("portal");
    let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
    if status >= 500 {
        tracing::error!(service, request_id, cold_start, %method, route, status, elapsed_ms, "request failed");
    } else {
        tracing::info!(service, request_id, cold_start, %method, route, status, elapsed_ms, "request");
    }
    response
}
