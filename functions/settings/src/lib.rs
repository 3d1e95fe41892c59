//! The settings capability: which modules the portal offers, globally and per customer.

pub mod staff;

use axum::Router;
use shared::{openapi::SecuritySchemes, Context};
use utoipa::OpenApi;
use utoipa_axum::{router::OpenApiRouter, routes};

#[derive(OpenApi)]
#[openapi(modifiers(&SecuritySchemes))]
struct ApiDoc;

pub fn routes() -> OpenApiRouter<Context> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(staff::get_global, staff::set_global))
        .routes(routes!(staff::get_customer, staff::set_customer, staff::clear_customer))
}

pub fn router(ctx: Context) -> Router {
    shared::http::router_from(routes(), ctx)
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().split_for_parts().1
}
