//! `…/tickets/{id}/attachments…`: files on a ticket, for the portal and for staff. Uploads go straight
//! to S3 through a presigned PUT of the announced type and size; completing checks what arrived and adds
//! it to the ticket. A file is reached only through its ticket: the caller must see the ticket and the
//! id must be one of that ticket's own, so an attachment id alone grants nothing.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    attachments::{announce, by_contact, by_staff, complete, link, AttachmentUpload, NewAttachment},
    download::Link,
    error::{ApiError, ApiResult},
    extract::{JsonBody, PathIds, PathIds3},
    openapi::Problems,
    principal::{can, module, Portal, Staff},
    table::{attachments::AttachmentView, contacts::Actor, tickets::Ticket},
    Context,
};

use crate::portal::visible;

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
    let done = complete(&ctx, ticket, &attachment_id, by_contact(&contact.id)).await?;
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
    let upload = announce(&ctx, &ticket, input, who.actor(), who.username.clone()).await?;
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
