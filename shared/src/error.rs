//! The one error type handlers return, rendered as an RFC 9457 problem document.
//!
//! Every kind has a stable `type` URI and status; the detail never carries internal error text.

use axum::{
    http::{header, StatusCode},
    response::{IntoResponse, Response},
};
use serde::Serialize;
use utoipa::ToSchema;

pub const PROBLEM_JSON: &str = "application/problem+json";

/// One invalid input: which field (a JSON path such as `address.city`, or a parameter name) and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// The body field (a JSON path such as `address.city`), or the parameter or header name.
    pub field: String,
    /// Why it was refused, for a person to read.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("bad request: {detail}")]
    BadRequest { detail: String, errors: Vec<FieldError> },
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("authentication required")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("conflict: {0}")]
    Conflict(String),
    /// Existed, but no longer (an expired link).
    #[error("gone: {0}")]
    Gone(String),
    #[error("precondition required")]
    PreconditionRequired,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// Over a rate limit; the caller may try again after this many seconds (sent as `Retry-After`).
    #[error("too many requests")]
    TooManyRequests { retry_after_secs: u64 },
    #[error("service unavailable")]
    Unavailable,
    #[error("internal error")]
    Internal,
}

/// The RFC 9457 body (`application/problem+json`) of every error. `errors` lists invalid fields for 400 and 422.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    /// The kind of error, stable: `https://problems.customer-portal.dev/<kind>` (`validation`, `not-found`, …).
    #[serde(rename = "type")]
    pub kind: String,
    /// A short human-readable summary of the kind.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence, when there is more to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false)]
    pub detail: Option<String>,
    /// Each invalid field and why (400 and 422 only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[schema(required = false)]
    pub errors: Vec<FieldError>,
}

impl ApiError {
    pub fn bad_request(field: impl Into<String>, message: impl Into<String>) -> Self {
        let e = FieldError::new(field, message);
        Self::BadRequest {
            detail: format!("{}: {}", e.field, e.message),
            errors: vec![e],
        }
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self::Validation(vec![FieldError::new(field, message)])
    }

    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest { .. } => StatusCode::BAD_REQUEST,
            Self::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            Self::Unauthorized => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::Conflict(_) => StatusCode::CONFLICT,
            Self::Gone(_) => StatusCode::GONE,
            Self::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            Self::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable machine-readable kind, the last segment of the `type` URI.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::BadRequest { .. } => "bad-request",
            Self::Validation(_) => "validation",
            Self::Unauthorized => "unauthorized",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not-found",
            Self::MethodNotAllowed => "method-not-allowed",
            Self::Conflict(_) => "conflict",
            Self::Gone(_) => "gone",
            Self::PreconditionRequired => "precondition-required",
            Self::PayloadTooLarge => "payload-too-large",
            Self::UnsupportedMediaType => "unsupported-media-type",
            Self::TooManyRequests { .. } => "too-many-requests",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
        }
    }

    fn title(&self) -> &'static str {
        match self {
            Self::BadRequest { .. } => "The request is malformed",
            Self::Validation(_) => "The request has invalid fields",
            Self::Unauthorized => "Authentication is required",
            Self::Forbidden => "You do not have permission for this action",
            Self::NotFound => "Not found",
            Self::MethodNotAllowed => "Method not allowed on this resource",
            Self::Conflict(_) => "The request conflicts with the current state",
            Self::Gone(_) => "No longer available",
            Self::PreconditionRequired => "Send If-Match with the version you read",
            Self::PayloadTooLarge => "The request body is too large",
            Self::UnsupportedMediaType => "The request body must be application/json",
            Self::TooManyRequests { .. } => "Too many attempts; wait a few minutes and try again",
            Self::Unavailable => "A backing service is unavailable; try again shortly",
            Self::Internal => "Internal error",
        }
    }

    pub fn to_problem(&self) -> Problem {
        let (detail, errors) = match self {
            Self::BadRequest { detail, errors } => (Some(detail.clone()), errors.clone()),
            Self::Validation(errors) => (
                Some(
                    errors
                        .iter()
                        .map(|e| format!("{}: {}", e.field, e.message))
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
                errors.clone(),
            ),
            Self::Conflict(detail) | Self::Gone(detail) => (Some(detail.clone()), Vec::new()),
            _ => (None, Vec::new()),
        };
        Problem {
            kind: format!("{PROBLEM_TYPE_BASE}{}", self.kind()),
            title: self.title().to_owned(),
            status: self.status().as_u16(),
            detail,
            errors,
        }
    }
}

pub const PROBLEM_TYPE_BASE: &str = "https://problems.customer-portal.dev/";

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = serde_json::to_vec(&self.to_problem()).unwrap_or_default();
        let mut response = (status, [(header::CONTENT_TYPE, PROBLEM_JSON)], body).into_response();
        if let Self::TooManyRequests { retry_after_secs } = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from(retry_after_secs.max(1)));
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// Maps an SDK failure to a problem kind: unreachable or throttled backends are 503, the rest 500.
/// The error is logged with its code only; messages from AWS may echo request data.
pub fn from_sdk<E, R>(err: aws_smithy_runtime_api::client::result::SdkError<E, R>) -> ApiError
where
    E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    use aws_smithy_runtime_api::client::result::SdkError;
    match &err {
        SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) => {
            tracing::warn!(error_kind = "dispatch", "backend unreachable");
            ApiError::Unavailable
        }
        SdkError::ServiceError(e) => {
            let code = e.err().code().unwrap_or("unknown");
            if matches!(
                code,
                "ThrottlingException"
                    | "ProvisionedThroughputExceededException"
                    | "RequestLimitExceeded"
                    | "TooManyRequestsException"
                    | "ServiceUnavailable"
                    | "InternalServerError"
            ) {
                tracing::warn!(error_code = code, "backend throttled or unavailable");
                ApiError::Unavailable
            } else {
                tracing::error!(error_code = code, "backend call failed");
                ApiError::Internal
            }
        }
        _ => {
            tracing::error!(error_kind = "sdk", "backend call failed");
            ApiError::Internal
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_problem_names_every_field() {
        let p = ApiError::Validation(vec![
            FieldError::new("name", "required"),
            FieldError::new("email", "invalid"),
        ])
        .to_problem();
        assert_eq!(p.status, 422);
        assert_eq!(p.kind, "https://problems.customer-portal.dev/validation");
        assert_eq!(p.errors.len(), 2);
        assert_eq!(p.detail.as_deref(), Some("name: required; email: invalid"));
    }

    #[test]
    fn internal_problem_carries_no_detail() {
        let p = ApiError::Internal.to_problem();
        assert_eq!(p.status, 500);
        assert!(p.detail.is_none());
    }
}
