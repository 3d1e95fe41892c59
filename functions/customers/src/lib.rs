//! The customers capability: main info and contacts, for the portal and for staff.

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

/// The routes with their OpenAPI operations; the router and the document come from this one list.
pub fn routes() -> OpenApiRouter<Context> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(portal::me))
        .routes(routes!(portal::list_contacts, portal::create_contact))
        .routes(routes!(staff::list_customers, staff::create_customer))
        .routes(routes!(staff::get_customer, staff::update_customer))
        .routes(routes!(staff::archive_customer))
        .routes(routes!(staff::restore_customer))
        .routes(routes!(staff::list_contacts, staff::create_contact))
        .routes(routes!(staff::get_contact, staff::update_contact))
        .routes(routes!(staff::archive_contact))
        .routes(routes!(staff::restore_contact))
}

pub fn router(ctx: Context) -> Router {
    shared::http::router_from(routes(), ctx)
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().split_for_parts().1
}
