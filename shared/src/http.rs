//! What every function's router ends with: problem documents for unknown routes and methods,
//! the body limit and request logging.

use axum::{extract::DefaultBodyLimit, middleware, Router};

use crate::{error::ApiError, extract::MAX_BODY_BYTES};

pub fn finish(router: Router) -> Router {
    router
        .fallback(|| async { ApiError::NotFound })
        .method_not_allowed_fallback(|| async { ApiError::MethodNotAllowed })
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn(crate::telemetry::log_request))
}
