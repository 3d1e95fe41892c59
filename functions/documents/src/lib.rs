//! The documents capability.

pub mod handlers;
pub mod model;

use axum::Router;
use shared::{openapi::SecuritySchemes, Context};
use utoipa::OpenApi;
use utoipa_axum::{router::OpenApiRouter, routes};

#[derive(OpenApi)]
#[openapi(modifiers(&SecuritySchemes))]
struct ApiDoc;

pub fn routes() -> OpenApiRouter<Context> {
    use handlers::*;
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(portal_tree))
        .routes(routes!(portal_link))
        .routes(routes!(portal_upload))
        .routes(routes!(portal_complete))
        .routes(routes!(staff_list, staff_upload))
        .routes(routes!(staff_complete))
        .routes(routes!(staff_visibility))
        .routes(routes!(staff_link))
}

pub fn router(ctx: Context) -> Router {
    shared::http::router_from(routes(), ctx)
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().split_for_parts().1
}
