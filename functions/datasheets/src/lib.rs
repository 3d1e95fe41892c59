//! The datasheets capability: templates, drafts, and submission that creates a ticket atomically.

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
        .routes(routes!(portal::templates))
        .routes(routes!(portal::get, portal::save))
        .routes(routes!(portal::submit))
        .routes(routes!(staff::list_templates, staff::create_template))
        .routes(routes!(staff::get_template, staff::update_template))
        .routes(routes!(staff::get_portal_templates, staff::set_portal_templates))
        .routes(routes!(staff::list_sheets))
        .routes(routes!(staff::export))
        .routes(routes!(staff::get_sheet))
        .routes(routes!(staff::unlock))
}

pub fn router(ctx: Context) -> Router {
    shared::http::router_from(routes(), ctx)
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().split_for_parts().1
}
