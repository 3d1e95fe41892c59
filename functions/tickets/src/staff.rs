//! `/admin/customers/{customer_id}/tickets…` and `/admin/contacts/{id}/ticket-visibility`: staff keep
//! tickets, notes (internal or public) and emails to the customer contact.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{IfMatch, JsonBody, PathId, PathIds, QueryParams},
    ids,
    openapi::Problems,
    outbox::{self, NoticeRecipient, OutboxTask, TicketEvent},
    pagination::{Page, PageParams},
    principal::{can, Staff, StaffPrincipal},
    table::{
        contacts::Contact,
        customers::stale,
        tickets::{NoteKind, Ticket, TicketNote, TicketSla},
        Action, Condition,
    },
    Context,
};
use time::OffsetDateTime;

use crate::model::{
    CustomerEmail, StaffNote, StaffTicket, StaffTicketInput, TicketNoteResponse, TicketResponse, TicketVisibility,
};

/// Both sides of a ticket.
const BOTH: [NoticeRecipient; 2] = [NoticeRecipient::Contact, NoticeRecipient::Owner];

fn notices(t: &Ticket, event: TicketEvent, to: &[NoticeRecipient]) -> Vec<OutboxTask> {
    OutboxTask::ticket_notices(&t.customer_id, &t.id, event, to)
}

/// The ticket with staff's first answer recorded now, when this is it (a new version to save).
fn first_answer(t: &Ticket) -> Option<Ticket> {
    if t.sla.responded_at.is_some() {
        return None;
    }
    let mut after = t.clone();
    after.sla.responded_at = Some(OffsetDateTime::now_utc());
    after.version += 1;
    Some(after)
}

/// Writes a conversation note with what it changes on the ticket (staff's first answer) and the
/// emails it sends, in one transaction; 404 if the ticket went meanwhile, 409 if it changed.
async fn record_note(ctx: &Context, ticket: &Ticket, note: &TicketNote, tasks: Vec<OutboxTask>) -> ApiResult<()> {
    let put: Action = ctx.table.put_new(note)?;
    outbox::commit_and_deliver_all(ctx, tasks, |emails| async move {
        let mut actions = vec![put];
        actions.extend(emails);
        match first_answer(ticket) {
            Some(after) => ctx.table.save_ticket(ticket, &after, actions).await,
            None => {
                actions.push(
                    ctx.table
                        .check::<Ticket>((&ticket.customer_id, &ticket.id), Condition::exists())?,
                );
                ctx.table.transact_or(actions, |_| ApiError::NotFound).await
            }
        }
    })
    .await?;
    Ok(())
}

async fn load(ctx: &Context, customer_id: &str, id: &str) -> ApiResult<Ticket> {
    ctx.table.ticket(customer_id, id).await?.ok_or(ApiError::NotFound)
}

/// The ticket's contact must be an active contact of the customer; returns their display name.
async fn ticket_contact(ctx: &Context, customer_id: &str, contact_id: Option<&str>) -> ApiResult<Option<String>> {
    let Some(id) = contact_id else { return Ok(None) };
    match ctx.table.contact(customer_id, &id.to_ascii_uppercase()).await? {
        Some(c) if !c.archived => Ok(Some(c.display_name())),
        _ => Err(ApiError::invalid(
            "contact_id",
            "is not an active contact of this customer",
        )),
    }
}

fn apply(t: &mut Ticket, input: StaffTicketInput, contact_name: Option<String>, now: OffsetDateTime) {
    t.subject = input.subject.trim().to_owned();
    t.subject_search = t.subject.to_lowercase();
    t.description = input.description.trim().to_owned();
    t.ticket_type = input.ticket_type;
    t.priority = input.priority;
    if t.status.is_closed() != input.status.is_closed() {
        t.closed_at = input.status.is_closed().then_some(now);
        // Closed or reopened by staff: the contact's window to reopen it is gone.
        t.closed_by_contact = None;
    }
    t.status = input.status;
    t.visible_in_portal = input.visible_in_portal;
    t.contact_id = input.contact_id.map(|c| c.to_ascii_uppercase());
    t.contact_name = contact_name;
    t.assignee = input.assignee.map(|a| a.trim().to_owned()).filter(|a| !a.is_empty());
    t.updated_at = now;
}

/// A customer's tickets, newest first, whatever their portal visibility.
#[utoipa::path(get, path = "/admin/customers/{id}/tickets", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), PageParams),
    responses((status = 200, body = Page<TicketResponse>), Problems))]
pub async fn list(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadTickets>,
    PathId(customer_id): PathId,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<TicketResponse>>> {
    Ok(Json(
        ctx.table
            .tickets(&customer_id, &page)
            .await?
            .map(|t| TicketResponse::from(&t)),
    ))
}

/// Raises a ticket for a customer (answered as raised, for its response target); the ticket's contact,
/// when it is visible in the portal, and its owner are emailed.
#[utoipa::path(post, path = "/admin/customers/{id}/tickets", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = StaffTicketInput,
    responses((status = 201, body = TicketResponse), Problems))]
pub async fn create(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteTickets>,
    PathId(customer_id): PathId,
    JsonBody(input): JsonBody<StaffTicketInput>,
) -> ApiResult<(StatusCode, Json<TicketResponse>)> {
    let customer = ctx.table.customer(&customer_id).await?.ok_or(ApiError::NotFound)?;
    if customer.archived {
        return Err(ApiError::Conflict("the customer is archived".into()));
    }
    let contact_name = ticket_contact(&ctx, &customer_id, input.contact_id.as_deref()).await?;
    let now = OffsetDateTime::now_utc();
    let mut ticket = Ticket {
        id: ids::new_id(),
        number: 0,
        customer_id: customer_id.clone(),
        subject: String::new(),
        description: String::new(),
        ticket_type: input.ticket_type,
        priority: input.priority,
        status: input.status,
        visible_in_portal: false,
        originator_contact_id: None,
        contact_id: None,
        contact_name: None,
        assignee: None,
        created_at: now,
        updated_at: now,
        closed_at: None,
        data_sheet_id: None,
        subject_search: String::new(),
        closed_by_contact: None,
        rating: None,
        confidential: false,
        // Raised by staff: answered as it is raised.
        sla: TicketSla {
            responded_at: Some(now),
            ..TicketSla::default()
        },
        attachments: Vec::new(),
        version: 1,
    };
    apply(&mut ticket, input, contact_name, now);
    let tasks = notices(&ticket, TicketEvent::Created, &BOTH);
    let (table, ticket_ref) = (&ctx.table, &mut ticket);
    outbox::commit_and_deliver_all(&ctx, tasks, move |emails| async move {
        table.create_ticket(ticket_ref, |_| Ok(emails.clone())).await
    })
    .await?;
    Ok((StatusCode::CREATED, Json(TicketResponse::from(&ticket))))
}

/// The ticket with its conversation and internal notes.
#[utoipa::path(get, path = "/admin/customers/{customer_id}/tickets/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Ticket id")),
    responses((status = 200, body = StaffTicket), Problems))]
pub async fn get(
    State(ctx): State<Context>,
    _staff: Staff<can::ReadTickets>,
    PathIds(customer_id, id): PathIds,
) -> ApiResult<Json<StaffTicket>> {
    let ticket = load(&ctx, &customer_id, &id).await?;
    let conversation = ctx.table.ticket_notes(&customer_id, &id, false).await?;
    let internal_notes = ctx.table.ticket_notes(&customer_id, &id, true).await?;
    Ok(Json(StaffTicket::new(&ticket, &conversation, &internal_notes)))
}

/// Replaces the ticket's fields (status, type, priority, assignee, visibility, contact). `If-Match` required.
/// A new priority takes its service levels from the ticket's creation; closing it emails both sides.
#[utoipa::path(put, path = "/admin/customers/{customer_id}/tickets/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Ticket id"),
        ("If-Match" = String, Header, description = "The version read")),
    request_body = StaffTicketInput, responses((status = 200, body = TicketResponse), Problems))]
pub async fn update(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteTickets>,
    PathIds(customer_id, id): PathIds,
    IfMatch(read_version): IfMatch,
    JsonBody(input): JsonBody<StaffTicketInput>,
) -> ApiResult<Json<TicketResponse>> {
    let before = load(&ctx, &customer_id, &id).await?;
    if before.version != read_version {
        return Err(stale());
    }
    let contact_name = ticket_contact(&ctx, &customer_id, input.contact_id.as_deref()).await?;
    let mut after = before.clone();
    apply(&mut after, input, contact_name, OffsetDateTime::now_utc());
    after.version += 1;
    if after.priority != before.priority {
        ctx.table.sla_policy().await?.targets.apply(&mut after);
    }
    let tasks = if after.status.is_closed() && !before.status.is_closed() {
        notices(&after, TicketEvent::Closed, &BOTH)
    } else {
        Vec::new()
    };
    outbox::commit_and_deliver_all(&ctx, tasks, |emails| ctx.table.save_ticket(&before, &after, emails)).await?;
    Ok(Json(TicketResponse::from(&after)))
}

fn note(who: &StaffPrincipal, t: &Ticket, kind: NoteKind, body: &str) -> TicketNote {
    TicketNote {
        id: ids::new_id(),
        ticket_id: t.id.clone(),
        customer_id: t.customer_id.clone(),
        kind,
        body: body.trim().to_owned(),
        author: who.actor(),
        author_name: who.username.clone(),
        created_at: OffsetDateTime::now_utc(),
    }
}

/// Adds an internal note (staff only) or a public one (joins the conversation the contact sees, counts
/// as staff's answer for the response target, and emails the contact).
#[utoipa::path(post, path = "/admin/customers/{customer_id}/tickets/{id}/notes", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Ticket id")),
    request_body = StaffNote, responses((status = 201, body = TicketNoteResponse), Problems))]
pub async fn add_note(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::WriteTickets>,
    PathIds(customer_id, id): PathIds,
    JsonBody(input): JsonBody<StaffNote>,
) -> ApiResult<(StatusCode, Json<TicketNoteResponse>)> {
    let ticket = load(&ctx, &customer_id, &id).await?;
    let n = note(
        &who,
        &ticket,
        if input.internal {
            NoteKind::Internal
        } else {
            NoteKind::Public
        },
        &input.body,
    );
    if input.internal {
        let actions = vec![
            ctx.table.check::<Ticket>((&customer_id, &id), Condition::exists())?,
            ctx.table.put_new(&n)?,
        ];
        ctx.table.transact_or(actions, |_| ApiError::NotFound).await?;
    } else {
        let event = TicketEvent::Comment { note_id: n.id.clone() };
        record_note(&ctx, &ticket, &n, notices(&ticket, event, &[NoticeRecipient::Contact])).await?;
    }
    Ok((StatusCode::CREATED, Json(TicketNoteResponse::from(&n))))
}

/// Emails the ticket's contact; the email joins the conversation the contact sees in the portal and
/// counts as staff's answer. 422 when the contact has no address or opted out of ticket emails (a
/// public note reaches them in the portal).
#[utoipa::path(post, path = "/admin/customers/{customer_id}/tickets/{id}/emails", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Ticket id")),
    request_body = CustomerEmail, responses((status = 202, body = TicketNoteResponse), Problems))]
pub async fn email(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::WriteTickets>,
    PathIds(customer_id, id): PathIds,
    JsonBody(input): JsonBody<CustomerEmail>,
) -> ApiResult<(StatusCode, Json<TicketNoteResponse>)> {
    let ticket = load(&ctx, &customer_id, &id).await?;
    let contact: Option<Contact> = match &ticket.contact_id {
        Some(c) => ctx.table.contact(&customer_id, c).await?,
        None => None,
    };
    match contact {
        Some(c) if c.ticket_emails_opt_out => {
            return Err(ApiError::invalid(
                "contact_id",
                "the contact opted out of ticket emails; add a public note instead",
            ))
        }
        Some(c) if c.email.is_some() => {}
        _ => {
            return Err(ApiError::invalid(
                "contact_id",
                "the ticket needs a contact with an email address",
            ))
        }
    }
    let n = note(&who, &ticket, NoteKind::Email, &input.body);
    let task = OutboxTask::TicketEmail {
        customer_id: customer_id.clone(),
        ticket_id: id.clone(),
        note_id: n.id.clone(),
    };
    record_note(&ctx, &ticket, &n, vec![task]).await?;
    Ok((StatusCode::ACCEPTED, Json(TicketNoteResponse::from(&n))))
}

/// Grants or withdraws a contact's right to see every portal-visible ticket of their company.
#[utoipa::path(put, path = "/admin/contacts/{id}/ticket-visibility", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id")), request_body = TicketVisibility,
    responses((status = 200, body = TicketVisibility), Problems))]
pub async fn visibility(
    State(ctx): State<Context>,
    _staff: Staff<can::WriteTickets>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<TicketVisibility>,
) -> ApiResult<Json<serde_json::Value>> {
    let contact = ctx.table.contact_by_id(&id).await?.ok_or(ApiError::NotFound)?;
    if contact.see_all_tickets != input.see_all_tickets {
        let mut updated = contact.clone();
        updated.see_all_tickets = input.see_all_tickets;
        updated.version += 1;
        updated.updated_at = OffsetDateTime::now_utc();
        ctx.table.save_contact(&updated, contact.version).await?;
    }
    Ok(Json(serde_json::json!({ "see_all_tickets": input.see_all_tickets })))
}
