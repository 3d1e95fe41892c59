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

/// A function's Lambda router from its route list (the same list gives its OpenAPI document).
pub fn router_from<S: Clone + Send + Sync + 'static>(routes: utoipa_axum::router::OpenApiRouter<S>, state: S) -> Router {
    let (router, _) = routes.split_for_parts();
    finish(router.with_state(state))
}
