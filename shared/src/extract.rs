//! Extractors that turn every kind of bad input into a problem document instead of axum's plain-text rejections.

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Request},
    http::{header, request::Parts},
};
use serde::{de::DeserializeOwned, Deserialize};

use crate::{
    error::{ApiError, FieldError},
    validate::Validate,
};

/// The largest JSON body any route accepts (API Gateway's own limit is far above it).
pub const MAX_BODY_BYTES: usize = 256 * 1024;

/// A JSON body, deserialized with the failing field's path reported, then validated.
/// Unknown fields are refused by `#[serde(deny_unknown_fields)]` on the request types.
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Validate> FromRequest<S> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_json = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(|m| {
                let m = m.trim().to_ascii_lowercase();
                m == "application/json" || (m.starts_with("application/") && m.ends_with("+json"))
            })
            .unwrap_or(false);
        if !is_json {
            return Err(ApiError::UnsupportedMediaType);
        }
        if req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok()?.parse::<usize>().ok())
            .is_some_and(|n| n > MAX_BODY_BYTES)
        {
            return Err(ApiError::PayloadTooLarge);
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(|_| ApiError::PayloadTooLarge)?;
        if bytes.len() > MAX_BODY_BYTES {
            return Err(ApiError::PayloadTooLarge);
        }
        let value = parse_json::<T>(&bytes)?;
        let mut errors = Vec::new();
        value.validate(&mut errors);
        if errors.is_empty() {
            Ok(Self(value))
        } else {
            Err(ApiError::Validation(errors))
        }
    }
}

/// Syntax errors are 400; a well-formed document of the wrong shape is 422 naming the field.
///
/// The whole body must be one JSON object: anything after it but whitespace is a syntax error (400,
/// nothing is read from the document), and a document that is not an object is 422 naming `body` (serde
/// would otherwise fill a struct from an array's items by position).
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut syntax = serde_json::Deserializer::from_slice(bytes);
    serde::de::IgnoredAny::deserialize(&mut syntax)
        .and_then(|_| syntax.end())
        .map_err(|e| not_json(&e))?;
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return Err(ApiError::Validation(vec![FieldError::new(
            "body",
            "must be a JSON object",
        )]));
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    match serde_path_to_error::deserialize::<_, T>(de) {
        Ok(v) => Ok(v),
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            if inner.is_data() {
                let message = strip_position(&inner.to_string());
                let field = if path == "." {
                    missing_field(&message).unwrap_or(path)
                } else {
                    path
                };
                Err(ApiError::Validation(vec![FieldError::new(field, message)]))
            } else {
                Err(not_json(&inner))
            }
        }
    }
}

fn not_json(err: &serde_json::Error) -> ApiError {
    let message = strip_position(&err.to_string());
    ApiError::BadRequest {
        detail: format!("the body is not valid JSON: {message}"),
        errors: vec![FieldError::new("body", message)],
    }
}

fn strip_position(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// serde reports a missing top-level field at path `.`: name the field itself instead.
fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest.split('`').next()?.to_owned())
}

/// Query parameters, rejected as 400 naming the parameter (`errors[0].field`), or `query` when no
/// single parameter is at fault.
pub struct QueryParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for QueryParams<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        serde_urlencoded_deserializer(query).map(Self).map_err(query_error)
    }
}

/// axum reports a bad parameter as `<name>: <what is wrong>`: the name becomes the field.
fn query_error(message: String) -> ApiError {
    let detail = format!("invalid query string: {message}");
    let error = match message.split_once(": ") {
        Some((name, what)) if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
            FieldError::new(name, what)
        }
        _ => FieldError::new("query", message),
    };
    ApiError::BadRequest {
        detail,
        errors: vec![error],
    }
}

fn serde_urlencoded_deserializer<T: DeserializeOwned>(query: &str) -> Result<T, String> {
    axum::extract::Query::<T>::try_from_uri(&format!("/?{query}").parse().map_err(|_| "malformed query".to_owned())?)
        .map(|q| q.0)
        .map_err(|e| {
            use axum::extract::rejection::QueryRejection;
            match e {
                QueryRejection::FailedToDeserializeQueryString(inner) => {
                    let text = inner.body_text();
                    text.strip_prefix("Failed to deserialize query string: ")
                        .unwrap_or(&text)
                        .to_owned()
                }
                other => other.body_text(),
            }
        })
}

/// An object id from the path. Ids are ULIDs; anything else is refused before any read.
pub fn object_id(value: &str) -> Result<String, ApiError> {
    if crate::ids::is_valid(value) {
        Ok(value.to_ascii_uppercase())
    } else {
        Err(ApiError::bad_request("id", "is not a valid identifier"))
    }
}

/// The `{id}` of a route, checked to be an identifier this API issued.
pub struct PathId(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path(raw) = axum::extract::Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::bad_request("id", "is missing"))?;
        object_id(&raw).map(Self)
    }
}

/// `If-Match: "<version>"`, the optimistic lock of an update.
pub struct IfMatch(pub u64);

impl<S: Send + Sync> FromRequestParts<S> for IfMatch {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let value = parts
            .headers
            .get(header::IF_MATCH)
            .ok_or(ApiError::PreconditionRequired)?;
        let text = value.to_str().unwrap_or_default().trim();
        let text = text.strip_prefix("W/").unwrap_or(text).trim_matches('"');
        text.parse::<u64>()
            .map(Self)
            .map_err(|_| ApiError::bad_request("If-Match", "must be the quoted version of the record, such as \"3\""))
    }
}

/// The `ETag` header value for a record at `version`.
pub fn etag(version: u64) -> String {
    format!("\"{version}\"")
}

/// `{customer_id}` and `{id}` of a nested route, both checked to be identifiers this API issued.
pub struct PathIds(pub String, pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathIds {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path((a, b)) = axum::extract::Path::<(String, String)>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::bad_request("id", "is missing"))?;
        Ok(Self(object_id(&a)?, object_id(&b)?))
    }
}

/// `{customer_id}`, `{id}` and a third id of a route nested twice, each checked to be an identifier
/// this API issued.
pub struct PathIds3(pub String, pub String, pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathIds3 {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let axum::extract::Path((a, b, c)) =
            axum::extract::Path::<(String, String, String)>::from_request_parts(parts, state)
                .await
                .map_err(|_| ApiError::bad_request("id", "is missing"))?;
        Ok(Self(object_id(&a)?, object_id(&b)?, object_id(&c)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        name: String,
        address: Address,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Address {
        city: String,
    }

    fn field(err: ApiError) -> (u16, String) {
        let p = err.to_problem();
        (p.status, p.errors[0].field.clone())
    }

    #[test]
    fn json_errors_name_the_field() {
        assert_eq!(field(parse_json::<Body>(b"{").unwrap_err()), (400, "body".into()));
        assert_eq!(
            field(parse_json::<Body>(br#"{"address":{"city":"x"}}"#).unwrap_err()),
            (422, "name".into())
        );
        assert_eq!(
            field(parse_json::<Body>(br#"{"name":"a","address":{"city":3}}"#).unwrap_err()),
            (422, "address.city".into())
        );
        let (status, _) =
            field(parse_json::<Body>(br#"{"name":"a","address":{"city":"x"},"admin":true}"#).unwrap_err());
        assert_eq!(status, 422);
    }

    #[test]
    fn one_object_and_nothing_after_it() {
        let ok = br#"{"name":"a","address":{"city":"x"}}"#;
        assert!(parse_json::<Body>(ok).is_ok());
        assert!(
            parse_json::<Body>(&[b" \r\n".as_slice(), ok, b" \n\t"].concat()).is_ok(),
            "whitespace around it is fine"
        );
        for trailing in [&b"this is not JSON"[..], b"{}", b"<<garbage>>", b",", b"]", b"\0"] {
            let err = parse_json::<Body>(&[ok.as_slice(), trailing].concat())
                .unwrap_err()
                .to_problem();
            assert_eq!(
                (err.status, err.errors[0].field.as_str()),
                (400, "body"),
                "{}",
                String::from_utf8_lossy(trailing)
            );
            assert!(err.kind.ends_with("/bad-request"), "{}", err.kind);
        }
        // Trailing input outranks a wrong shape: the body is not one JSON document at all.
        assert_eq!(
            field(parse_json::<Body>(br#"{"name":1}x"#).unwrap_err()),
            (400, "body".into())
        );
        // serde fills a struct from an array by position; a body must be an object.
        for other in [&br#"["a",{"city":"x"}]"#[..], b"[]", b"\"a\"", b"42", b"null", b"true"] {
            assert_eq!(
                field(parse_json::<Body>(other).unwrap_err()),
                (422, "body".into()),
                "{}",
                String::from_utf8_lossy(other)
            );
        }
        // Nesting is skipped over without recursion, and never read deeper than serde_json's limit.
        let deep = [b"[".repeat(10_000), b"]".repeat(10_000)].concat();
        assert_eq!(field(parse_json::<Body>(&deep).unwrap_err()), (422, "body".into()));
        let deep = [
            br#"{"name":"a","address":"#.to_vec(),
            br#"{"a":"#.repeat(10_000),
            b"1".to_vec(),
            b"}".repeat(10_001),
        ]
        .concat();
        assert_eq!(field(parse_json::<Body>(&deep).unwrap_err()).0, 422);
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Params {
        archived: Option<bool>,
        scope: Option<Scope>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    enum Scope {
        Mine,
        All,
    }

    #[test]
    fn query_errors_name_the_parameter() {
        let err = serde_urlencoded_deserializer::<Params>("scope=everyone")
            .map_err(query_error)
            .unwrap_err();
        let p = err.to_problem();
        assert_eq!((p.status, p.errors[0].field.as_str()), (400, "scope"));
        assert!(p.errors[0].message.contains("`mine`"), "{}", p.errors[0].message);
        assert!(p.detail.as_deref().unwrap_or_default().contains("scope"));
        assert_eq!(
            field(
                serde_urlencoded_deserializer::<Params>("scope=mine&archived=maybe")
                    .map_err(query_error)
                    .unwrap_err()
            ),
            (400, "archived".into())
        );
        assert!(serde_urlencoded_deserializer::<Params>("scope=all&archived=true").is_ok());
    }
}
