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
pub fn router_from<S: Clone + Send + Sync + 'static>(
    routes: utoipa_axum::router::OpenApiRouter<S>,
    state: S,
) -> Router {
    let (router, _) = routes.split_for_parts();
    finish(router.with_state(state))
}

/// What every function's `lib.rs` would otherwise end with, written once: from the state type and the
/// route list it defines `routes()` (the routes with their OpenAPI operations), `router(state)` (the
/// Lambda router) and `openapi()` (the function's document), so the router and the document come from
/// one list.
///
/// ```ignore
/// shared::function_api! {
///     state: Context,
///     routes!(portal::list, portal::create),
///     routes!(staff::get),
/// }
/// ```
#[macro_export]
macro_rules! function_api {
    (state: $state:ty, $( routes!( $($route:tt)+ ) ),+ $(,)?) => {
        #[derive(::utoipa::OpenApi)]
        struct ApiDoc;

        /// The routes with their OpenAPI operations; the router and the document come from this one list.
        pub fn routes() -> ::utoipa_axum::router::OpenApiRouter<$state> {
            let mut doc = <ApiDoc as ::utoipa::OpenApi>::openapi();
            ::utoipa::Modify::modify(&$crate::openapi::SecuritySchemes, &mut doc);
            ::utoipa_axum::router::OpenApiRouter::with_openapi(doc)
                $( .routes(::utoipa_axum::routes!($($route)+)) )+
        }

        /// The Lambda router.
        pub fn router(state: $state) -> ::axum::Router {
            $crate::http::router_from(routes(), state)
        }

        /// The function's OpenAPI document.
        pub fn openapi() -> ::utoipa::openapi::OpenApi {
            routes().split_for_parts().1
        }
    };
}
