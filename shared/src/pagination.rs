//! Paginated lists: a bounded `limit` and an opaque `cursor`.
//!
//! The cursor is the key of the last item returned, base64url-encoded. Decoding checks it names exactly
//! the key attributes of the query and the partition the caller is allowed to read, so a forged cursor
//! can move the start within the caller's own partition and nowhere else.

use std::collections::{BTreeMap, HashMap};

use aws_sdk_dynamodb::types::AttributeValue;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;

pub const DEFAULT_LIMIT: u32 = 25;
pub const MAX_LIMIT: u32 = 100;
const MAX_CURSOR_LEN: usize = 1024;

/// `?limit=&cursor=` on every list route.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PageParams {
    /// Items per page, 1 to 100 (default 25).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageParams {
    pub fn limit(&self) -> Result<u32, ApiError> {
        match self.limit {
            None => Ok(DEFAULT_LIMIT),
            Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            Some(_) => Err(ApiError::bad_request(
                "limit",
                format!("must be between 1 and {MAX_LIMIT}"),
            )),
        }
    }
}

/// A page of items and the cursor of the next page, absent on the last.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub next_cursor: Option<String>,
    /// Items DynamoDB returned for this page (reported in the `X-Items-Read` header, not in the body).
    #[serde(skip)]
    pub items_read: usize,
}

impl<T> Page<T> {
    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page {
            items: self.items.into_iter().map(f).collect(),
            next_cursor: self.next_cursor,
            items_read: self.items_read,
        }
    }
}

/// The `X-Items-Read` header: the items DynamoDB read for a page.
pub fn items_read_header(n: usize) -> axum::http::HeaderMap {
    let mut h = axum::http::HeaderMap::new();
    h.insert("x-items-read", axum::http::HeaderValue::from(n));
    h
}

pub fn encode_cursor(key: &HashMap<String, AttributeValue>) -> String {
    let plain: BTreeMap<&str, &str> = key
        .iter()
        .filter_map(|(k, v)| v.as_s().ok().map(|s| (k.as_str(), s.as_str())))
        .collect();
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(&plain).unwrap_or_default())
}

/// One attribute of a cursor this module encoded (a key's sort value), or `None` for a foreign cursor.
pub fn cursor_value(cursor: &str, attr: &str) -> Option<String> {
    let bytes = URL_SAFE_NO_PAD.decode(cursor).ok()?;
    let mut plain: BTreeMap<String, String> = serde_json::from_slice(&bytes).ok()?;
    plain.remove(attr)
}

fn invalid() -> ApiError {
    ApiError::bad_request("cursor", "is not a cursor this list issued")
}

/// Decodes a cursor for a query over `partition_attr = partition` whose keys are `key_attrs`.
pub fn decode_cursor(
    cursor: &str,
    key_attrs: &[&str],
    partition_attr: &str,
    partition: &str,
    sort_attr: &str,
    sort_prefix: Option<&str>,
) -> Result<HashMap<String, AttributeValue>, ApiError> {
    if cursor.len() > MAX_CURSOR_LEN {
        return Err(invalid());
    }
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| invalid())?;
    let plain: BTreeMap<String, String> = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
    let same_attrs = plain.len() == key_attrs.len() && key_attrs.iter().all(|a| plain.contains_key(*a));
    if !same_attrs || plain.get(partition_attr).map(String::as_str) != Some(partition) {
        return Err(invalid());
    }
    if let Some(prefix) = sort_prefix {
        if !plain.get(sort_attr).is_some_and(|s| s.starts_with(prefix)) {
            return Err(invalid());
        }
    }
    Ok(plain.into_iter().map(|(k, v)| (k, AttributeValue::S(v))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(pk: &str, sk: &str) -> HashMap<String, AttributeValue> {
        HashMap::from([
            ("PK".into(), AttributeValue::S(pk.into())),
            ("SK".into(), AttributeValue::S(sk.into())),
        ])
    }

    #[test]
    fn cursor_round_trips_within_its_partition() -> Result<(), ApiError> {
        let c = encode_cursor(&key("CUST#A", "CONTACT#1"));
        let k = decode_cursor(&c, &["PK", "SK"], "PK", "CUST#A", "SK", Some("CONTACT#"))?;
        assert_eq!(k, key("CUST#A", "CONTACT#1"));
        Ok(())
    }

    #[test]
    fn cursor_for_another_partition_or_prefix_is_refused() {
        let c = encode_cursor(&key("CUST#B", "CONTACT#1"));
        assert!(decode_cursor(&c, &["PK", "SK"], "PK", "CUST#A", "SK", None).is_err());
        let c = encode_cursor(&key("CUST#A", "TICKET#1"));
        assert!(decode_cursor(&c, &["PK", "SK"], "PK", "CUST#A", "SK", Some("CONTACT#")).is_err());
        assert!(decode_cursor("!!!", &["PK", "SK"], "PK", "CUST#A", "SK", None).is_err());
        assert!(decode_cursor(&"A".repeat(2000), &["PK", "SK"], "PK", "CUST#A", "SK", None).is_err());
    }

    #[test]
    fn limit_is_bounded() {
        assert_eq!(PageParams::default().limit().ok(), Some(DEFAULT_LIMIT));
        assert!(PageParams {
            limit: Some(0),
            cursor: None
        }
        .limit()
        .is_err());
        assert!(PageParams {
            limit: Some(101),
            cursor: None
        }
        .limit()
        .is_err());
    }
}
