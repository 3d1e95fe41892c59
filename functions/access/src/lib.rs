//! The access capability: staff manage contacts' portal access.

pub mod model;
pub mod staff;

use axum::Router;
use shared::{identity::PortalPool, openapi::SecuritySchemes, Context};
use utoipa::OpenApi;
use utoipa_axum::{router::OpenApiRouter, routes};

/// What the handlers need: the shared context and the portal pool (for revocation).
#[derive(Clone, Debug)]
pub struct App {
    pub ctx: Context,
    pub pool: PortalPool,
}

impl App {
    pub fn new(ctx: Context) -> Self {
        let pool_id = ctx.config.portal_user_pool_id.clone().unwrap_or_default();
        let pool = PortalPool::admin(ctx.clients.cognito().clone(), pool_id);
        Self { ctx, pool }
    }
}

#[derive(OpenApi)]
#[openapi(modifiers(&SecuritySchemes))]
struct ApiDoc;

pub fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(staff::status, staff::enable, staff::revoke))
        .routes(routes!(staff::send_invitation))
        .routes(routes!(staff::password_reset))
        .routes(routes!(staff::history))
        .routes(routes!(staff::bulk_invite))
}

pub fn router(ctx: Context) -> Router {
    shared::http::router_from(routes(), App::new(ctx))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().split_for_parts().1
}
