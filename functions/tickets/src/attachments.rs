//! `…/tickets/{id}/attachments…`: files on a ticket, for the portal and for staff. Uploads go straight
//! to S3 through a presigned PUT of the announced type and size; completing checks what arrived and adds
//! it to the ticket. A file is reached only through its ticket: the caller must see the ticket and the
//! id must be one of that ticket's own, so an attachment id alone grants nothing.

use axum::{extract::State, http::StatusCode, Json};
use serde::{Deserialize, Serialize};
use shared::{
    download::{self, Link, Upload},
    error::{ApiError, ApiResult, FieldError},
    extract::{JsonBody, PathIds, PathIds3},
    ids,
    openapi::Problems,
    principal::{can, module, Portal, Staff, StaffPrincipal},
    table::{
        contacts::Actor,
        ticket_attachments::{
            object_key, Attachment, AttachmentView, PendingAttachment, MAX_ATTACHMENTS, MAX_ATTACHMENT_SIZE,
        },
        tickets::Ticket,
    },
    validate::{Checks, Validate},
    Context,
};
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::portal::visible;

/// `POST …/attachments`: the file to be uploaded.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewAttachment {
    pub name: String,
    pub content_type: String,
    /// Bytes; the upload must be exactly this long (at most 25 MiB).
    pub size: u64,
}

impl Validate for NewAttachment {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("name", &self.name, 200);
        if self.name.contains(['/', '\\']) || self.name.chars().any(char::is_control) {
            errors.push(FieldError::new("name", "must be a file name, not a path"));
        }
        if !download::accepted_type(&self.content_type) {
            errors.push(FieldError::new("content_type", "is not a type attachments may have"));
        }
        if self.size == 0 || self.size > MAX_ATTACHMENT_SIZE {
            errors.push(FieldError::new(
                "size",
                format!("must be from 1 to {MAX_ATTACHMENT_SIZE} bytes"),
            ));
        }
    }
}

/// The announced attachment and where to upload it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentUpload {
    pub attachment: AttachmentView,
    pub upload: Upload,
}

/// Records the announced file (for a day) and signs its upload; 409 on a closed or full ticket.
async fn announce(
    ctx: &Context,
    ticket: &Ticket,
    input: NewAttachment,
    author: Actor,
    author_name: String,
) -> ApiResult<AttachmentUpload> {
    if ticket.status.is_closed() {
        return Err(ApiError::Conflict("the ticket is closed".into()));
    }
    if ticket.attachments.len() >= MAX_ATTACHMENTS {
        return Err(ApiError::Conflict(format!(
            "a ticket holds at most {MAX_ATTACHMENTS} files"
        )));
    }
    let now = OffsetDateTime::now_utc();
    let pending = PendingAttachment {
        customer_id: ticket.customer_id.clone(),
        ticket_id: ticket.id.clone(),
        attachment: Attachment {
            id: ids::new_id(),
            name: input.name.trim().to_owned(),
            content_type: input.content_type,
            size: input.size,
            author_name,
            author: Some(author),
            created_at: now,
        },
        expires_at: now + time::Duration::days(1),
    };
    ctx.table.put(&pending).await?;
    let upload = download::sign_put(
        ctx,
        &pending.object_key(),
        &pending.attachment.content_type,
        pending.attachment.size,
    )
    .await?;
    Ok(AttachmentUpload {
        attachment: AttachmentView::from(&pending.attachment),
        upload,
    })
}

/// Checks the uploaded file and adds it to the ticket (a repeat answers the same attachment). `may`
/// says whether the caller may complete this upload; 404 otherwise, as for one never announced.
async fn complete(
    ctx: &Context,
    ticket: Ticket,
    attachment_id: &str,
    may: impl Fn(&PendingAttachment) -> bool,
) -> ApiResult<Attachment> {
    if let Some(done) = ticket.attachments.iter().find(|a| a.id == attachment_id) {
        return Ok(done.clone());
    }
    let pending = match ctx
        .table
        .get::<PendingAttachment>((&ticket.customer_id, &ticket.id, attachment_id))
        .await?
    {
        Some(p) if may(&p) => p,
        _ => return Err(ApiError::NotFound),
    };
    let a = &pending.attachment;
    let key = pending.object_key();
    if !download::check_upload(ctx, &key, &a.content_type, a.size, MAX_ATTACHMENT_SIZE).await? {
        return Err(ApiError::invalid(
            "size",
            "the upload does not match the announced size and type; it was removed",
        ));
    }
    // Two files completing at once each re-read the ticket they add to.
    let mut before = ticket;
    for _ in 0..5 {
        let mut after = before.clone();
        after.attachments.push(a.clone());
        after.updated_at = OffsetDateTime::now_utc();
        after.version += 1;
        let done = ctx
            .table
            .delete::<PendingAttachment>((&before.customer_id, &before.id, attachment_id), None)?;
        match ctx.table.save_ticket(&before, &after, vec![done]).await {
            Ok(()) => return Ok(a.clone()),
            Err(ApiError::Conflict(_)) => {
                before = ctx
                    .table
                    .ticket(&before.customer_id, &before.id)
                    .await?
                    .ok_or(ApiError::NotFound)?;
                if let Some(done) = before.attachments.iter().find(|x| x.id == attachment_id) {
                    return Ok(done.clone());
                }
            }
            Err(e) => return Err(e),
        }
    }
    Err(ApiError::Unavailable)
}

/// A five-minute link to one of the ticket's own files; 404 for any other id.
async fn link(ctx: &Context, ticket: &Ticket, attachment_id: &str) -> ApiResult<Link> {
    let a = ticket
        .attachments
        .iter()
        .find(|a| a.id == attachment_id)
        .ok_or(ApiError::NotFound)?;
    download::sign_get(
        ctx,
        &object_key(&ticket.customer_id, &ticket.id, &a.id),
        &a.name,
        &a.content_type,
    )
    .await
}

/// Attaches a file to an open ticket the caller sees: answers where to upload it, exactly the announced
/// type and size, within five minutes; then `…/complete`.
#[utoipa::path(post, path = "/portal/tickets/{id}/attachments", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Ticket id")), request_body = NewAttachment,
    responses((status = 201, body = AttachmentUpload), Problems))]
pub async fn portal_announce(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    shared::extract::PathId(id): shared::extract::PathId,
    JsonBody(input): JsonBody<NewAttachment>,
) -> ApiResult<(StatusCode, Json<AttachmentUpload>)> {
    let contact = session.contact;
    let ticket = visible(&ctx, &who, &contact, &id).await?;
    let author = Actor::Contact { id: contact.id.clone() };
    let upload = announce(&ctx, &ticket, input, author, contact.display_name()).await?;
    Ok((StatusCode::CREATED, Json(upload)))
}

/// Checks the caller's upload and adds it to the ticket's conversation; 422 naming `size` (and the
/// file removed) when it is not what was announced, 409 while nothing has arrived.
#[utoipa::path(post, path = "/portal/tickets/{id}/attachments/{attachment_id}/complete", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Ticket id"), ("attachment_id" = String, Path, description = "Attachment id")),
    responses((status = 200, body = AttachmentView), Problems))]
pub async fn portal_complete(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    PathIds(id, attachment_id): PathIds,
) -> ApiResult<Json<AttachmentView>> {
    let contact = session.contact;
    let ticket = visible(&ctx, &who, &contact, &id).await?;
    let mine = Actor::Contact { id: contact.id.clone() };
    let done = complete(&ctx, ticket, &attachment_id, |p| {
        p.attachment.author.as_ref() == Some(&mine)
    })
    .await?;
    Ok(Json(AttachmentView::from(&done)))
}

/// A five-minute link to a file of a ticket the caller sees (inline for types a browser displays).
#[utoipa::path(get, path = "/portal/tickets/{id}/attachments/{attachment_id}/link", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Ticket id"), ("attachment_id" = String, Path, description = "Attachment id")),
    responses((status = 200, body = Link), Problems))]
pub async fn portal_link(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    PathIds(id, attachment_id): PathIds,
) -> ApiResult<Json<Link>> {
    let ticket = visible(&ctx, &who, &session.contact, &id).await?;
    Ok(Json(link(&ctx, &ticket, &attachment_id).await?))
}

async fn staff_ticket(ctx: &Context, customer_id: &str, id: &str) -> ApiResult<Ticket> {
    ctx.table.ticket(customer_id, id).await?.ok_or(ApiError::NotFound)
}

fn staff_actor(who: &StaffPrincipal) -> Actor {
    Actor::Staff {
        id: who.user_id.clone(),
        username: who.username.clone(),
    }
}

/// Attaches a file to an open ticket (the contact sees it in the conversation).
#[utoipa::path(post, path = "/admin/customers/{customer_id}/tickets/{id}/attachments", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Ticket id")),
    request_body = NewAttachment, responses((status = 201, body = AttachmentUpload), Problems))]
pub async fn staff_announce(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::WriteTickets>,
    PathIds(customer_id, id): PathIds,
    JsonBody(input): JsonBody<NewAttachment>,
) -> ApiResult<(StatusCode, Json<AttachmentUpload>)> {
    let ticket = staff_ticket(&ctx, &customer_id, &id).await?;
    let upload = announce(&ctx, &ticket, input, staff_actor(&who), who.username.clone()).await?;
    Ok((StatusCode::CREATED, Json(upload)))
}

/// Checks a staff upload and adds it to the ticket.
#[utoipa::path(post, path = "/admin/customers/{customer_id}/tickets/{id}/attachments/{attachment_id}/complete", tag = "staff",
    security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Ticket id"),
        ("attachment_id" = String, Path, description = "Attachment id")),
    responses((status = 200, body = AttachmentView), Problems))]
pub async fn staff_complete(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteTickets>,
    PathIds3(customer_id, id, attachment_id): PathIds3,
) -> ApiResult<Json<AttachmentView>> {
    let ticket = staff_ticket(&ctx, &customer_id, &id).await?;
    let by_staff = |p: &PendingAttachment| matches!(p.attachment.author, Some(Actor::Staff { .. }));
    Ok(Json(AttachmentView::from(
        &complete(&ctx, ticket, &attachment_id, by_staff).await?,
    )))
}

/// A five-minute link to a file of the ticket.
#[utoipa::path(get, path = "/admin/customers/{customer_id}/tickets/{id}/attachments/{attachment_id}/link", tag = "staff",
    security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Ticket id"),
        ("attachment_id" = String, Path, description = "Attachment id")),
    responses((status = 200, body = Link), Problems))]
pub async fn staff_link(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadTickets>,
    PathIds3(customer_id, id, attachment_id): PathIds3,
) -> ApiResult<Json<Link>> {
    let ticket = staff_ticket(&ctx, &customer_id, &id).await?;
    Ok(Json(link(&ctx, &ticket, &attachment_id).await?))
}
