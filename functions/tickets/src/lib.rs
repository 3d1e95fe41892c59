//! The tickets capability: the portal's heart, with visibility rules that never leak.

pub mod model;
pub mod portal;
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
        .routes(routes!(portal::list, portal::create))
        .routes(routes!(portal::export))
        .routes(routes!(portal::get))
        .routes(routes!(portal::add_note))
        .routes(routes!(portal::close))
        .routes(routes!(portal::report))
        .routes(routes!(staff::list, staff::create))
        .routes(routes!(staff::get, staff::update))
        .routes(routes!(staff::add_note))
        .routes(routes!(staff::email))
        .routes(routes!(staff::visibility))
}

pub fn router(ctx: Context) -> Router {
    shared::http::router_from(routes(), ctx)
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().split_for_parts().1
}
