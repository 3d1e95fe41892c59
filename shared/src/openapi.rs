//! Shared OpenAPI pieces: the two bearer schemes and the problem responses.

use utoipa::{
    openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
    Modify,
};

pub const PORTAL_AUTH: &str = "portal";
pub const STAFF_AUTH: &str = "staff";

/// Adds the portal and staff bearer schemes (Cognito ID tokens of each pool).
pub struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for (name, pool) in [(PORTAL_AUTH, "portal"), (STAFF_AUTH, "staff")] {
            components.add_security_scheme(
                name,
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .bearer_format("JWT")
                        .description(Some(format!("An ID token of the {pool} user pool")))
                        .build(),
                ),
            );
        }
    }
}

/// The error responses every operation documents: any 4XX or 5XX is a problem document.
#[derive(utoipa::IntoResponses)]
#[allow(dead_code)]
pub enum Problems {
    /// The request was refused; `type` says why.
    #[response(status = "4XX", content_type = "application/problem+json")]
    Client(crate::error::Problem),
    /// A fault on our side or a backing service's.
    #[response(status = "5XX", content_type = "application/problem+json")]
    Server(crate::error::Problem),
}
