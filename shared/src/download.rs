//! Download links: a five-minute presigned GET of a stored document, opened inline when a browser
//! displays its type. Every route that hands out a document (the documents tree, an invoice's PDF)
//! signs it here, after authorising the caller through the record it belongs to.

use std::time::Duration;

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
    let (kind, header) = disposition(&doc.name, &doc.content_type);
    let signed = ctx
        .clients
        .s3()
        .get_object()
        .bucket(bucket(ctx)?)
        .key(doc.object_key())
        .response_content_disposition(header)
        .response_content_type(&doc.content_type)
        .presigned(presigning()?)
        .await
        .map_err(from_sdk)?;
    Ok(Link {
        url: signed.uri().to_owned(),
        expires_at: OffsetDateTime::now_utc() + time::Duration::seconds(LINK_SECONDS as i64),
        disposition: kind,
    })
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
