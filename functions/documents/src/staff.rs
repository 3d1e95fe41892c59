//! Staff's document routes: every document of a customer, uploads into any folder, and sharing to the
//! portal.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::ApiResult,
    extract::{JsonBody, PathId, PathIds, QueryParams},
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{can, Staff},
    table::documents::Document,
    Context,
};
use time::OffsetDateTime;

use crate::{
    model::{clean_folder, DocumentResponse, Link, NewDocument, UploadTicket, Visibility},
    portal::{complete_upload, link, load, start_upload},
};

/// Every document of a customer (shared or not, contacts' uploads included), newest first.
#[utoipa::path(get, path = "/admin/customers/{id}/documents", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), PageParams), responses((status = 200, body = Page<DocumentResponse>), Problems))]
pub async fn staff_list(
    State(ctx): State<Context>,
    _s: Staff<can::ReadDocuments>,
    PathId(id): PathId,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<DocumentResponse>>> {
    let spec = Document::of_customer(&id);
    Ok(Json(
        ctx.table
            .query_page::<Document>(&spec, &page)
            .await?
            .map(|d| DocumentResponse::from(&d)),
    ))
}

/// Announces a document (folder, name, type, size) and answers with a presigned upload. Hidden from the
/// portal until shared.
#[utoipa::path(post, path = "/admin/customers/{id}/documents", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = NewDocument, responses((status = 201, body = UploadTicket), Problems))]
pub async fn staff_upload(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::WriteDocuments>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<NewDocument>,
) -> ApiResult<(StatusCode, Json<UploadTicket>)> {
    let folder = clean_folder(input.folder.as_deref().unwrap_or("")).unwrap_or_default();
    let by = who.actor();
    Ok((
        StatusCode::CREATED,
        Json(start_upload(&ctx, &id, folder, input, by, false).await?),
    ))
}

#[utoipa::path(post, path = "/admin/customers/{customer_id}/documents/{id}/complete", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Document id")),
    responses((status = 200, body = DocumentResponse), Problems))]
pub async fn staff_complete(
    State(ctx): State<Context>,
    _s: Staff<can::WriteDocuments>,
    PathIds(cid, id): PathIds,
) -> ApiResult<Json<DocumentResponse>> {
    let doc = load(&ctx, &cid, &id).await?;
    Ok(Json(DocumentResponse::from(&complete_upload(&ctx, doc).await?)))
}

/// Shares a document to the portal or hides it again.
#[utoipa::path(put, path = "/admin/customers/{customer_id}/documents/{id}/visibility", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Document id")),
    request_body = Visibility, responses((status = 200, body = DocumentResponse), Problems))]
pub async fn staff_visibility(
    State(ctx): State<Context>,
    _s: Staff<can::WriteDocuments>,
    PathIds(cid, id): PathIds,
    JsonBody(input): JsonBody<Visibility>,
) -> ApiResult<Json<DocumentResponse>> {
    let doc = load(&ctx, &cid, &id).await?;
    let mut after = doc.clone();
    after.visible_in_portal = input.visible_in_portal;
    let after = after.changed_from(&doc, OffsetDateTime::now_utc());
    ctx.table.save_document(&doc, &after).await?;
    Ok(Json(DocumentResponse::from(&after)))
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/documents/{id}/link", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Document id")),
    responses((status = 200, body = Link), Problems))]
pub async fn staff_link(
    State(ctx): State<Context>,
    _s: Staff<can::ReadDocuments>,
    PathIds(cid, id): PathIds,
) -> ApiResult<Json<Link>> {
    let doc = load(&ctx, &cid, &id).await?;
    Ok(Json(link(&ctx, &doc).await?))
}
