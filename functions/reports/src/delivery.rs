//! Delivery of the PDF: rendered once per distinct content, kept under `reports/` in the documents
//! bucket (the bucket's lifecycle removes them after 30 days), and handed out as a five-minute link.
//!
//! The object's name is a hash of the report's figures (everything but the day it was read), so a
//! month whose counters have not moved names an object that already exists: one HEAD answers whether
//! to render, and nothing but the month's counters is read to know it.

use aws_sdk_s3::primitives::ByteStream;
use serde::Serialize;
use sha2::{Digest, Sha256};
use shared::{
    download::{bucket, disposition, presigning, LINK_SECONDS},
    error::{from_sdk, ApiError, ApiResult},
    Context,
};
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::activity::ActivityReport;

/// A link to the report's PDF.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReportLink {
    pub url: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
    /// Whether this request rendered it (false: the figures had not changed since it was last rendered).
    pub rendered: bool,
}

/// Where the PDF of these figures is kept.
pub fn object_key(r: &ActivityReport) -> ApiResult<String> {
    let mut figures = r.clone();
    figures.as_of = time::Date::MIN;
    let bytes = serde_json::to_vec(&figures).map_err(|_| ApiError::Internal)?;
    let hash = hex::encode(&Sha256::digest(&bytes)[..12]);
    Ok(format!("reports/activity/{}/{}/{hash}.pdf", r.customer_id, r.month))
}

/// Renders and stores the PDF of these figures unless they were rendered before: its key, and whether
/// it was rendered now.
pub async fn store(ctx: &Context, r: &ActivityReport) -> ApiResult<(String, bool)> {
    let s3 = ctx.clients.s3();
    let bucket = bucket(ctx)?;
    let key = object_key(r)?;
    let stored = match s3.head_object().bucket(bucket).key(&key).send().await {
        Ok(_) => true,
        Err(e) if e.as_service_error().is_some_and(|s| s.is_not_found()) => false,
        Err(e) => return Err(from_sdk(e)),
    };
    if !stored {
        let pdf = crate::pdf::render(r);
        s3.put_object()
            .bucket(bucket)
            .key(&key)
            .content_type("application/pdf")
            .body(ByteStream::from(pdf))
            .send()
            .await
            .map_err(from_sdk)?;
    }
    Ok((key, !stored))
}

/// The PDF's link, rendering and storing it first unless these figures were rendered before.
pub async fn pdf_link(ctx: &Context, r: &ActivityReport) -> ApiResult<ReportLink> {
    let (key, rendered) = store(ctx, r).await?;
    let name = format!("activity-{}.pdf", r.month);
    let (_, header) = disposition(&name, "application/pdf");
    let signed = ctx
        .clients
        .s3()
        .get_object()
        .bucket(bucket(ctx)?)
        .key(&key)
        .response_content_disposition(header)
        .response_content_type("application/pdf")
        .presigned(presigning()?)
        .await
        .map_err(from_sdk)?;
    Ok(ReportLink {
        url: signed.uri().to_owned(),
        expires_at: OffsetDateTime::now_utc() + time::Duration::seconds(LINK_SECONDS as i64),
        rendered,
    })
}
