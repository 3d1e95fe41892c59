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

/// What every function's `lib.rs` would otherwise end with, written once: from the state type and the
/// route list it defines `routes()` (the routes with their OpenAPI operations), `router(state)` (the
/// Lambda router, which skips the document) and `openapi()` (the function's document), so the router and the document come from
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
    (state: $state:ty, $( routes!( $( $($seg:ident)::+ ),+ $(,)? ) ),+ $(,)?) => {
        #[derive(::utoipa::OpenApi)]
        struct ApiDoc;

        /// The routes with their OpenAPI operations; the router and the document come from this one list.
        pub fn routes() -> ::utoipa_axum::router::OpenApiRouter<$state> {
            let mut doc = <ApiDoc as ::utoipa::OpenApi>::openapi();
            ::utoipa::Modify::modify(&$crate::openapi::SecuritySchemes, &mut doc);
            ::utoipa_axum::router::OpenApiRouter::with_openapi(doc)
                $( .routes(::utoipa_axum::routes!($( $($seg)::+ ),+)) )+
        }

        /// The Lambda router, from the same list without building the OpenAPI document: each handler's
        /// path and methods only (a cold start does not pay for every operation's schema).
        pub fn router(state: $state) -> ::axum::Router {
            let router = ::axum::Router::new();
            $( $( let router = $crate::lambda_route!(router, $($seg)::+); )+ )+
            $crate::http::finish(router.with_state(state))
        }

        /// The function's OpenAPI document.
        pub fn openapi() -> ::utoipa::openapi::OpenApi {
            routes().split_for_parts().1
        }
    };
}

/// Adds one handler to an axum router at the path and methods its `#[utoipa::path]` declares.
#[doc(hidden)]
#[macro_export]
macro_rules! lambda_route {
    ($router:ident, $($seg:ident)::+) => {{
        use ::utoipa_axum::PathItemExt as _;
        let path: ::std::string::String = ::utoipa_axum::routes!(@path [path()] of $($seg)::+);
        let methods = ::utoipa_axum::routes!(@path [methods()] of $($seg)::+);
        let handler = methods.iter().fold(::axum::routing::MethodRouter::new(), |r, m| {
            r.on(m.to_method_filter(), $($seg)::+)
        });
        $router.route(&path, handler)
    }};
}
