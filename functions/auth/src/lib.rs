//! The auth capability: public sign-in, activation and password reset for portal contacts, the
//! browser's session cookies, and the signed-in contact's password change.

pub mod account;
pub mod cookies;
pub mod model;
pub mod portal;
pub mod throttle;

use axum::Router;
use shared::{identity::PortalPool, openapi::SecuritySchemes, Context};
use utoipa::OpenApi;
use utoipa_axum::{router::OpenApiRouter, routes};

#[derive(Clone, Debug)]
pub struct App {
    pub ctx: Context,
    pub pool: PortalPool,
}

#[derive(OpenApi)]
#[openapi(modifiers(&SecuritySchemes))]
struct ApiDoc;

pub fn routes() -> OpenApiRouter<App> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(portal::login))
        .routes(routes!(portal::login_mfa))
        .routes(routes!(portal::refresh))
        .routes(routes!(portal::logout))
        .routes(routes!(portal::activate))
        .routes(routes!(portal::activate_totp))
        .routes(routes!(portal::forgot))
        .routes(routes!(portal::reset))
        .routes(routes!(account::change_password))
}

/// Builds the router; the pool's app-client secret is resolved once, here, at init.
pub async fn router(ctx: Context) -> Result<Router, shared::config::MissingSetting> {
    let pool = PortalPool::from_config(ctx.clients.cognito().clone(), &ctx.config).await?;
    Ok(shared::http::router_from(routes(), App { ctx, pool }))
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().split_for_parts().1
}
