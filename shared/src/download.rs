//! Uploads and downloads straight between the browser and S3: a presigned PUT of exactly the announced
//! type and size, the check of what arrived, and a five-minute presigned GET, opened inline when a
//! browser displays its type. Every route that hands out a file (the documents tree, an invoice's PDF,
//! a ticket's attachment) signs it here, after authorising the caller through the record it belongs to.

use std::{collections::BTreeMap, time::Duration};

use aws_sdk_s3::presigning::PresigningConfig;
use serde::Serialize;
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::{
    error::{from_sdk, ApiError, ApiResult},
    table::documents::{Document, DocumentStatus},
    Context,
};

/// How long an upload or download link works.
pub const LINK_SECONDS: u64 = 300;

/// The types documents may have; the first group displays in a browser.
pub const DISPLAYABLE: [&str; 6] = [
    "application/pdf",
    "text/plain",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
];

/// The other types files may have (downloaded, never displayed).
pub const OTHER: [&str; 6] = [
    "application/msword",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "text/csv",
    "application/zip",
];

/// Whether documents and attachments may have this type.
pub fn accepted_type(content_type: &str) -> bool {
    DISPLAYABLE.contains(&content_type) || OTHER.contains(&content_type)
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Link {
    pub url: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    /// `inline` for types a browser displays, `attachment` otherwise.
    pub disposition: String,
}

/// The documents bucket (`BUCKET_NAME`).
pub fn bucket(ctx: &Context) -> ApiResult<&str> {
    crate::config::Config::require(&ctx.config.bucket_name, "BUCKET_NAME").map_err(|_| ApiError::Internal)
}

/// Links and uploads work for [`LINK_SECONDS`].
pub fn presigning() -> ApiResult<PresigningConfig> {
    PresigningConfig::expires_in(Duration::from_secs(LINK_SECONDS)).map_err(|_| ApiError::Internal)
}

/// A download link for an uploaded document; 404 for one not (or no longer) available.
pub async fn link(ctx: &Context, doc: &Document) -> ApiResult<Link> {
    if doc.status != DocumentStatus::Available {
        return Err(ApiError::NotFound);
    }
    sign_get(ctx, &doc.object_key(), &doc.name, &doc.content_type).await
}

/// A five-minute GET of the object at `key`, served as `name` of `content_type`.
pub async fn sign_get(ctx: &Context, key: &str, name: &str, content_type: &str) -> ApiResult<Link> {
    let (kind, header) = disposition(name, content_type);
    let signed = ctx
        .clients
        .s3()
        .get_object()
        .bucket(bucket(ctx)?)
        .key(key)
        .response_content_disposition(header)
        .response_content_type(content_type)
        .presigned(presigning()?)
        .await
        .map_err(from_sdk)?;
    Ok(Link {
        url: signed.uri().to_owned(),
        expires_at: OffsetDateTime::now_utc() + time::Duration::seconds(LINK_SECONDS as i64),
        disposition: kind,
    })
}

/// Where and how to upload: a PUT to `url` with exactly these headers, before `expires_at`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Upload {
    pub url: String,
    pub method: String,
    pub headers: BTreeMap<String, String>,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

/// A five-minute PUT to `key` of exactly `content_type` and `size` bytes.
pub async fn sign_put(ctx: &Context, key: &str, content_type: &str, size: u64) -> ApiResult<Upload> {
    let signed = ctx
        .clients
        .s3()
        .put_object()
        .bucket(bucket(ctx)?)
        .key(key)
        .content_type(content_type)
        .content_length(size as i64)
        .presigned(presigning()?)
        .await
        .map_err(from_sdk)?;
    Ok(Upload {
        url: signed.uri().to_owned(),
        method: signed.method().to_owned(),
        headers: signed.headers().map(|(k, v)| (k.to_owned(), v.to_owned())).collect(),
        expires_at: OffsetDateTime::now_utc() + time::Duration::seconds(LINK_SECONDS as i64),
    })
}

/// Whether the object uploaded to `key` is exactly `content_type` and `size` bytes (at most `max`);
/// one that is not is deleted. 409 while nothing has been uploaded.
pub async fn check_upload(ctx: &Context, key: &str, content_type: &str, size: u64, max: u64) -> ApiResult<bool> {
    let head = ctx
        .clients
        .s3()
        .head_object()
        .bucket(bucket(ctx)?)
        .key(key)
        .send()
        .await;
    let head = match head {
        Ok(h) => h,
        Err(e) if e.as_service_error().is_some_and(|s| s.is_not_found()) => {
            return Err(ApiError::Conflict("nothing has been uploaded yet".into()));
        }
        Err(e) => return Err(from_sdk(e)),
    };
    let stored = head.content_length().unwrap_or(-1);
    let matches = stored == size as i64 && size <= max && head.content_type() == Some(content_type);
    if !matches {
        ctx.clients
            .s3()
            .delete_object()
            .bucket(bucket(ctx)?)
            .key(key)
            .send()
            .await
            .map_err(from_sdk)?;
    }
    Ok(matches)
}

/// `inline` or `attachment; filename=…`: a plain-ASCII fallback name and the exact name per RFC 6266/5987.
pub fn disposition(name: &str, content_type: &str) -> (String, String) {
    let kind = if DISPLAYABLE.contains(&content_type) {
        "inline"
    } else {
        "attachment"
    };
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && !matches!(c, '"' | '\\' | ';' | '%') || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    (
        kind.to_owned(),
        format!("{kind}; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"),
    )
}
