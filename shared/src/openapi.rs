//! Shared OpenAPI pieces: the two bearer schemes, the problem responses and their schemas, and the
//! operation names every function's document is published with.

use utoipa::{
    openapi::{
        security::{HttpAuthScheme, HttpBuilder, SecurityScheme},
        OpenApi,
    },
    Modify, PartialSchema, ToSchema,
};

use crate::error::{FieldError, Problem};

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

/// A function's document as the API publishes it: the `Problem` and `FieldError` schemas every error
/// response refers to are defined, and every operation gets an id unique across the whole API,
/// `<function>_<tag>_<handler>` (the tag left out where the function or the handler already says it):
/// `tickets_portal_list`, `customers_staff_get_contact`, `auth_login_mfa`.
pub fn publish(function: &str, mut doc: OpenApi) -> OpenApi {
    let components = doc.components.get_or_insert_with(Default::default);
    components
        .schemas
        .insert(Problem::name().into_owned(), Problem::schema());
    components
        .schemas
        .insert(FieldError::name().into_owned(), FieldError::schema());
    for item in doc.paths.paths.values_mut() {
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
            &mut item.head,
            &mut item.options,
            &mut item.trace,
        ];
        for op in operations.into_iter().flatten() {
            let handler = op.operation_id.clone().unwrap_or_default();
            let tag = op.tags.as_ref().and_then(|t| t.first()).cloned().unwrap_or_default();
            op.operation_id = Some(operation_id(function, &tag, &handler));
        }
    }
    doc
}

fn operation_id(function: &str, tag: &str, handler: &str) -> String {
    let mut parts = vec![function];
    if !tag.is_empty() && tag != function && !handler.starts_with(&format!("{tag}_")) {
        parts.push(tag);
    }
    if !handler.is_empty() {
        parts.push(handler);
    }
    parts.join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_ids_name_function_audience_and_handler_once() {
        assert_eq!(operation_id("tickets", "portal", "list"), "tickets_portal_list");
        assert_eq!(operation_id("tickets", "staff", "staff_list"), "tickets_staff_list");
        assert_eq!(operation_id("auth", "auth", "login_mfa"), "auth_login_mfa");
        assert_eq!(
            operation_id("customers", "staff", "get_contact"),
            "customers_staff_get_contact"
        );
    }

    #[test]
    fn published_documents_define_the_problem_schemas() {
        let doc = publish("x", OpenApi::default());
        let schemas = &doc.components.as_ref().map(|c| c.schemas.clone()).unwrap_or_default();
        assert!(schemas.contains_key("Problem") && schemas.contains_key("FieldError"));
        let problem = serde_json::to_value(&schemas["Problem"]).unwrap_or_default();
        assert_eq!(
            problem["required"],
            serde_json::json!(["type", "title", "status"]),
            "{problem}"
        );
        assert!(
            problem["properties"]["errors"]["items"]["$ref"]
                .as_str()
                .is_some_and(|r| r.ends_with("/FieldError")),
            "{problem}"
        );
    }
}
