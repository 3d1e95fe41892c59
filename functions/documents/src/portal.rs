//! The portal's document routes: the company's shared tree, download links and contacts' uploads, and
//! the signing and recording both sides use. Uploads and downloads go straight between the browser and
//! S3 through presigned requests; the function only signs and records.

use axum::{extract::State, http::StatusCode, Json};
pub(crate) use shared::download::{check_upload, link, sign_put};
use shared::{
    error::{ApiError, ApiResult},
    extract::{JsonBody, PathId},
    ids,
    openapi::Problems,
    pagination::PageParams,
    principal::{module, Portal, PortalRead},
    table::{
        contacts::Actor,
        documents::{Document, DocumentStatus},
        sites::Site,
        Condition,
    },
    Context,
};
use time::OffsetDateTime;

use crate::model::{tree, DocumentResponse, Folder, Link, NewDocument, UploadTicket, MAX_SIZE};

pub(crate) async fn load(ctx: &Context, customer_id: &str, id: &str) -> ApiResult<Document> {
    ctx.table
        .get::<Document>((customer_id, id))
        .await?
        .ok_or(ApiError::NotFound)
}

/// Records a pending document and signs a PUT of exactly its type and size.
pub(crate) async fn start_upload(
    ctx: &Context,
    customer_id: &str,
    folder: String,
    input: NewDocument,
    by: Actor,
    visible: bool,
) -> ApiResult<UploadTicket> {
    let now = OffsetDateTime::now_utc();
    let doc = Document {
        id: ids::new_id(),
        customer_id: customer_id.to_owned(),
        folder,
        name: input.name.trim().to_owned(),
        content_type: input.content_type,
        size: input.size,
        status: DocumentStatus::Pending,
        visible_in_portal: visible,
        site_id: input.site_id.clone(),
        uploaded_by: by,
        shared_at: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    match &doc.site_id {
        None => ctx.table.put_new_for_customer(customer_id, &doc).await?,
        Some(site) => {
            // The site's key is inside the customer's partition, so its check covers the customer too.
            let actions = vec![
                ctx.table.check::<Site>((customer_id, site), Condition::exists())?,
                ctx.table.put_new(&doc)?,
            ];
            ctx.table
                .transact_or(actions, |_| {
                    ApiError::invalid("site_id", "is not a site of this customer")
                })
                .await?
        }
    }
    let upload = sign_put(ctx, &doc.object_key(), &doc.content_type, doc.size).await?;
    Ok(UploadTicket {
        document: DocumentResponse::from(&doc),
        upload,
    })
}

/// Checks the uploaded object against what was announced; a mismatch removes it.
pub(crate) async fn complete_upload(ctx: &Context, doc: Document) -> ApiResult<Document> {
    if doc.status != DocumentStatus::Pending {
        return Ok(doc);
    }
    let matches = check_upload(ctx, &doc.object_key(), &doc.content_type, doc.size, MAX_SIZE).await?;
    let mut after = doc.clone();
    after.status = if matches {
        DocumentStatus::Available
    } else {
        DocumentStatus::Rejected
    };
    let after = after.changed_from(&doc, OffsetDateTime::now_utc());
    ctx.table.save_document(&doc, &after).await?;
    if !matches {
        return Err(ApiError::invalid(
            "size",
            "the upload does not match the announced size and type; it was removed",
        ));
    }
    Ok(after)
}

/// The company's shared documents as one folder tree (name, type, size, date), expandable all at once.
#[utoipa::path(get, path = "/portal/documents", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = Folder), Problems))]
pub async fn portal_tree(State(ctx): State<Context>, who: PortalRead<module::Documents>) -> ApiResult<Json<Folder>> {
    let (_, docs) = who.check_during(&ctx, visible(&ctx, &who.0.customer_id)).await?;
    Ok(Json(tree(docs)))
}

/// Every document the company's contacts see (up to 2,000).
async fn visible(ctx: &Context, customer_id: &str) -> ApiResult<Vec<Document>> {
    let spec = Document::visible_to(customer_id);
    let mut docs = Vec::new();
    let mut page = PageParams {
        limit: Some(100),
        cursor: None,
    };
    for _ in 0..20 {
        let p = ctx.table.query_page::<Document>(&spec, &page).await?;
        docs.extend(p.items);
        match p.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => break,
        }
    }
    Ok(docs)
}

/// A link valid for five minutes: displays in the browser for PDF, text and images, downloads with
/// the original file name otherwise.
#[utoipa::path(get, path = "/portal/documents/{id}/link", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Document id")), responses((status = 200, body = Link), Problems))]
pub async fn portal_link(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::Documents>,
    PathId(id): PathId,
) -> ApiResult<Json<Link>> {
    let doc = load(&ctx, &who.customer_id, &id).await?;
    if !doc.visible_in_portal {
        return Err(ApiError::NotFound);
    }
    Ok(Json(link(&ctx, &doc).await?))
}

/// A contact sends a document to the business: into the company's `Uploads` folder.
#[utoipa::path(post, path = "/portal/documents/uploads", tag = "portal", security(("portal" = [])), request_body = NewDocument,
    responses((status = 201, body = UploadTicket), Problems))]
pub async fn portal_upload(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::Documents>,
    JsonBody(input): JsonBody<NewDocument>,
) -> ApiResult<(StatusCode, Json<UploadTicket>)> {
    if input.folder.is_some() {
        return Err(ApiError::invalid("folder", "contacts upload into the Uploads folder"));
    }
    if input.site_id.is_some() {
        return Err(ApiError::invalid("site_id", "staff file documents under a site"));
    }
    let ticket = start_upload(
        &ctx,
        &who.customer_id,
        "Uploads".into(),
        input,
        Actor::Contact {
            id: who.contact_id.clone(),
        },
        true,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(ticket)))
}

/// The contact confirms their upload; it is checked against the announced size and type.
#[utoipa::path(post, path = "/portal/documents/{id}/complete", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Document id")), responses((status = 200, body = DocumentResponse), Problems))]
pub async fn portal_complete(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::Documents>,
    PathId(id): PathId,
) -> ApiResult<Json<DocumentResponse>> {
    let doc = load(&ctx, &who.customer_id, &id).await?;
    if doc.uploaded_by
        != (Actor::Contact {
            id: who.contact_id.clone(),
        })
    {
        return Err(ApiError::NotFound);
    }
    Ok(Json(DocumentResponse::from(&complete_upload(&ctx, doc).await?)))
}
