//! `/portal/tickets…`: what a contact sees of their company's tickets.
//! A ticket answers 404 unless it is visible in the portal and the caller raised it or holds the
//! company-wide grant; internal notes are never read here at all.

use axum::{
    extract::State,
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::IntoResponse,
    Json,
};
use shared::{
    error::{ApiError, ApiResult},
    extract::{JsonBody, PathId, QueryParams},
    ids,
    openapi::Problems,
    outbox::{self, NoticeRecipient, OutboxTask, TicketEvent},
    pagination::{items_read_header, Page, PageParams},
    principal::{module, Portal, PortalPrincipal},
    table::{
        attachments::AttachmentView,
        contacts::{Actor, Contact},
        customers::Customer,
        sla::SlaView,
        tickets::{NoteKind, Rating, Ticket, TicketNote, TicketScope, TicketStatus},
        Condition,
    },
    Context,
};
use time::OffsetDateTime;

use crate::model::{
    raised_by, Confidentiality, ConversationEntry, ListParams, NewNote, NewPortalTicket, NewRating, PortalTicket,
    RatingView, StatusFilter, TicketEdit, TicketRow,
};

/// The one visibility rule: a portal-visible ticket the caller raised, or any of the company's
/// non-confidential ones with the see-all grant.
fn may_see(ticket: &Ticket, me: &Contact) -> bool {
    ticket.visible_in_portal && (raised_by(ticket, &me.id) || (me.see_all_tickets && !ticket.confidential))
}

/// Both sides of a ticket.
const BOTH: [NoticeRecipient; 2] = [NoticeRecipient::Contact, NoticeRecipient::Owner];

/// Saves a ticket change and, in the same transaction, the notices of `event` to `to`.
async fn save_and_notify(
    ctx: &Context,
    before: &Ticket,
    after: &Ticket,
    event: TicketEvent,
    to: &[NoticeRecipient],
) -> ApiResult<()> {
    let tasks = OutboxTask::ticket_notices(&after.customer_id, &after.id, event, to);
    outbox::commit_and_deliver_all(ctx, tasks, |notices| ctx.table.save_ticket(before, after, notices)).await?;
    Ok(())
}

/// A ticket the caller may see, or 404 exactly as for one that does not exist.
pub(crate) async fn visible(ctx: &Context, who: &PortalPrincipal, contact: &Contact, id: &str) -> ApiResult<Ticket> {
    match ctx.table.ticket(&who.customer_id, id).await? {
        Some(t) if may_see(&t, contact) => Ok(t),
        _ => Err(ApiError::NotFound),
    }
}

async fn list_page(
    ctx: &Context,
    who: &PortalPrincipal,
    contact: &Contact,
    default_scope: TicketScope,
    q: &ListParams,
    page: &PageParams,
) -> ApiResult<Page<Ticket>> {
    let search = q.q.as_ref().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    if search.as_ref().is_some_and(|s| s.chars().count() > 100) {
        return Err(ApiError::bad_request("q", "must be at most 100 characters"));
    }
    ctx.table
        .visible_tickets(
            &who.customer_id,
            &contact.id,
            q.whole_company(contact, default_scope),
            q.status == StatusFilter::Closed,
            search,
            page,
        )
        .await
}

/// The tickets this contact may see, newest first: the ones they raised, or with the grant all the
/// company's portal-visible tickets (colleagues' confidential ones excepted) unless the scope is `mine`
/// (without the grant `scope=all` is the same as `mine`; without `scope`, the company's default
/// applies). `X-Items-Read` reports the items read for the page.
#[utoipa::path(get, path = "/portal/tickets", tag = "portal", security(("portal" = [])), params(ListParams),
    responses((status = 200, body = Page<TicketRow>, headers(("X-Items-Read" = u64))), Problems))]
pub async fn list(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    QueryParams(q): QueryParams<ListParams>,
) -> ApiResult<(HeaderMap, Json<Page<TicketRow>>)> {
    let default_scope = session.customer.default_ticket_scope;
    let page = list_page(&ctx, &who, &session.contact, default_scope, &q, &q.page()).await?;
    Ok((
        items_read_header(page.items_read),
        Json(page.map(|t| TicketRow::new(t, &who.contact_id))),
    ))
}

/// Raises a ticket: numbered, visible in the portal, assigned to the default assignee, with the
/// service levels of its priority; the caller and the ticket's owner are emailed through the outbox.
#[utoipa::path(post, path = "/portal/tickets", tag = "portal", security(("portal" = [])), request_body = NewPortalTicket,
    responses((status = 201, body = PortalTicket), Problems))]
pub async fn create(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    JsonBody(input): JsonBody<NewPortalTicket>,
) -> ApiResult<(StatusCode, Json<PortalTicket>)> {
    let contact = session.contact;
    let mut ticket = Ticket::raised_by(
        &contact,
        &input.subject,
        &input.description,
        input.ticket_type,
        input.priority,
        ctx.config.default_assignee.clone(),
    );
    ticket.confidential = input.confidential;
    let mut extra = vec![ctx
        .table
        .check::<Customer>(&who.customer_id, Condition::not_archived())?];
    // Both sides are told through the outbox, written with the ticket.
    let tasks = OutboxTask::ticket_notices(&ticket.customer_id, &ticket.id, TicketEvent::Created, &BOTH);
    let (table, ticket_ref) = (&ctx.table, &mut ticket);
    outbox::commit_and_deliver_all(&ctx, tasks, move |emails| async move {
        extra.extend(emails);
        table.create_ticket(ticket_ref, |_| Ok(extra.clone())).await
    })
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(detail(&ctx, ticket, Vec::new(), &who.contact_id)),
    ))
}

/// The ticket as `contact_id` (the caller) sees it.
fn detail(ctx: &Context, t: Ticket, notes: Vec<TicketNote>, contact_id: &str) -> PortalTicket {
    PortalTicket {
        raised_by_me: raised_by(&t, contact_id),
        editable: raised_by(&t, contact_id) && t.status == TicketStatus::New,
        reopen_until: reopen_until(ctx, &t, contact_id).filter(|until| *until > OffsetDateTime::now_utc()),
        ratable: may_rate(&t, contact_id),
        sla: SlaView::of(&t, OffsetDateTime::now_utc()),
        confidential: t.confidential,
        attachments: t.attachments.iter().map(AttachmentView::from).collect(),
        rating: t.rating.clone().map(|r| RatingView {
            score: r.score,
            comment: r.comment,
            at: r.at,
        }),
        id: t.id,
        number: t.number,
        subject: t.subject,
        description: t.description,
        contact: t.contact_name,
        status: t.status,
        ticket_type: t.ticket_type,
        priority: t.priority,
        created_at: t.created_at,
        updated_at: t.updated_at,
        closed_at: t.closed_at,
        conversation: notes
            .into_iter()
            .filter(|n| n.kind != NoteKind::Internal)
            .map(ConversationEntry::from)
            .collect(),
    }
}

/// Until when `contact_id` may reopen a ticket: the contact who closed it, for the days the business sets.
fn reopen_until(ctx: &Context, t: &Ticket, contact_id: &str) -> Option<OffsetDateTime> {
    let theirs = t.status.is_closed() && t.closed_by_contact.as_deref() == Some(contact_id);
    let closed = t.closed_at.filter(|_| theirs)?;
    Some(closed + time::Duration::days(ctx.config.ticket_reopen_days))
}

/// Whether `contact_id` may rate a ticket: closed, not rated yet, raised by them or about them.
fn may_rate(t: &Ticket, contact_id: &str) -> bool {
    t.status.is_closed()
        && t.rating.is_none()
        && (raised_by(t, contact_id) || t.contact_id.as_deref() == Some(contact_id))
}

/// The ticket with its conversation, as the caller sees it.
async fn answer(ctx: &Context, who: &PortalPrincipal, ticket: Ticket) -> ApiResult<Json<PortalTicket>> {
    let notes = ctx.table.ticket_notes(&who.customer_id, &ticket.id, false).await?;
    Ok(Json(detail(ctx, ticket, notes, &who.contact_id)))
}

/// The ticket and its conversation: the contact's notes and staff's public notes and emails, oldest first.
#[utoipa::path(get, path = "/portal/tickets/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Ticket id")),
    responses((status = 200, body = PortalTicket), Problems))]
pub async fn get(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    PathId(id): PathId,
) -> ApiResult<Json<PortalTicket>> {
    let ticket = visible(&ctx, &who, &session.contact, &id).await?;
    answer(&ctx, &who, ticket).await
}

/// Adds a note to an open ticket; the ticket's owner is emailed.
#[utoipa::path(post, path = "/portal/tickets/{id}/notes", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Ticket id")), request_body = NewNote,
    responses((status = 201, body = ConversationEntry), Problems))]
pub async fn add_note(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<NewNote>,
) -> ApiResult<(StatusCode, Json<ConversationEntry>)> {
    let contact = session.contact;
    let ticket = visible(&ctx, &who, &contact, &id).await?;
    if ticket.status.is_closed() {
        return Err(ApiError::Conflict(
            "the ticket is closed; raise a new ticket instead".into(),
        ));
    }
    let note = TicketNote {
        id: ids::new_id(),
        ticket_id: ticket.id.clone(),
        customer_id: ticket.customer_id.clone(),
        kind: NoteKind::Contact,
        body: input.body.trim().to_owned(),
        author: Actor::Contact { id: contact.id.clone() },
        author_name: contact.display_name(),
        created_at: OffsetDateTime::now_utc(),
    };
    let actions = vec![
        ctx.table.check::<Ticket>(
            (&ticket.customer_id, &ticket.id),
            Condition::ne("status", TicketStatus::Closed)?,
        )?,
        ctx.table.put_new(&note)?,
    ];
    let event = TicketEvent::Comment {
        note_id: note.id.clone(),
    };
    let task = OutboxTask::ticket_notices(&ticket.customer_id, &ticket.id, event, &[NoticeRecipient::Owner]);
    outbox::commit_and_deliver_all(&ctx, task, |notices| {
        ctx.table.transact_or([actions, notices].concat(), |_| {
            ApiError::Conflict("the ticket was closed meanwhile".into())
        })
    })
    .await?;
    Ok((StatusCode::CREATED, Json(note.into())))
}

/// Closes a ticket the contact raised; they and the ticket's owner are emailed.
#[utoipa::path(post, path = "/portal/tickets/{id}/close", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Ticket id")),
    responses((status = 200, body = PortalTicket), Problems))]
pub async fn close(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    PathId(id): PathId,
) -> ApiResult<Json<PortalTicket>> {
    let contact = session.contact;
    let ticket = visible(&ctx, &who, &contact, &id).await?;
    if !raised_by(&ticket, &contact.id) {
        return Err(ApiError::Forbidden);
    }
    if ticket.status.is_closed() {
        return Ok(Json(detail(&ctx, ticket, Vec::new(), &contact.id)));
    }
    let mut closed = ticket.clone();
    let now = OffsetDateTime::now_utc();
    closed.status = TicketStatus::Closed;
    closed.closed_at = Some(now);
    closed.closed_by_contact = Some(contact.id.clone());
    closed.updated_at = now;
    closed.version += 1;
    save_and_notify(&ctx, &ticket, &closed, TicketEvent::Closed, &BOTH).await?;
    Ok(Json(detail(&ctx, closed, Vec::new(), &contact.id)))
}

/// Changes the subject and description of a ticket the caller raised, while it is new: 403 for a
/// colleague's ticket, 409 once staff have taken it up (add a note instead) or changed it meanwhile.
#[utoipa::path(put, path = "/portal/tickets/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Ticket id")), request_body = TicketEdit,
    responses((status = 200, body = PortalTicket), Problems))]
pub async fn update(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<TicketEdit>,
) -> ApiResult<Json<PortalTicket>> {
    let contact = session.contact;
    let ticket = visible(&ctx, &who, &contact, &id).await?;
    if !raised_by(&ticket, &contact.id) {
        return Err(ApiError::Forbidden);
    }
    if ticket.status != TicketStatus::New {
        return Err(ApiError::Conflict(
            "only a new ticket can be changed; add a note instead".into(),
        ));
    }
    let mut after = ticket.clone();
    after.subject = input.subject.trim().to_owned();
    after.subject_search = after.subject.to_lowercase();
    after.description = input.description.trim().to_owned();
    after.updated_at = OffsetDateTime::now_utc();
    after.version += 1;
    ctx.table.save_ticket(&ticket, &after, Vec::new()).await?;
    answer(&ctx, &who, after).await
}

/// Marks a ticket the caller raised confidential, or shares it again: while confidential only they and
/// staff see it, even colleagues with the see-all grant (403 for a colleague's ticket).
#[utoipa::path(put, path = "/portal/tickets/{id}/confidentiality", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Ticket id")), request_body = Confidentiality,
    responses((status = 200, body = PortalTicket), Problems))]
pub async fn confidentiality(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<Confidentiality>,
) -> ApiResult<Json<PortalTicket>> {
    let contact = session.contact;
    let ticket = visible(&ctx, &who, &contact, &id).await?;
    if !raised_by(&ticket, &contact.id) {
        return Err(ApiError::Forbidden);
    }
    if ticket.confidential == input.confidential {
        return answer(&ctx, &who, ticket).await;
    }
    let mut after = ticket.clone();
    after.confidential = input.confidential;
    after.updated_at = OffsetDateTime::now_utc();
    after.version += 1;
    ctx.table.save_ticket(&ticket, &after, Vec::new()).await?;
    answer(&ctx, &who, after).await
}

/// Reopens a ticket the caller closed, within the days the business allows after closing (409 after
/// that, or for a ticket staff closed).
#[utoipa::path(post, path = "/portal/tickets/{id}/reopen", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Ticket id")),
    responses((status = 200, body = PortalTicket), Problems))]
pub async fn reopen(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    PathId(id): PathId,
) -> ApiResult<Json<PortalTicket>> {
    let contact = session.contact;
    let ticket = visible(&ctx, &who, &contact, &id).await?;
    if !ticket.status.is_closed() {
        return Err(ApiError::Conflict("the ticket is open".into()));
    }
    let Some(until) = reopen_until(&ctx, &ticket, &contact.id) else {
        return Err(ApiError::Conflict(
            "only a ticket you closed yourself can be reopened; raise a new ticket instead".into(),
        ));
    };
    let now = OffsetDateTime::now_utc();
    if until <= now {
        return Err(ApiError::Conflict(format!(
            "a ticket can be reopened within {} days of closing; raise a new ticket instead",
            ctx.config.ticket_reopen_days
        )));
    }
    let mut after = ticket.clone();
    after.status = TicketStatus::New;
    after.closed_at = None;
    after.closed_by_contact = None;
    after.updated_at = now;
    after.version += 1;
    ctx.table.save_ticket(&ticket, &after, Vec::new()).await?;
    answer(&ctx, &who, after).await
}

/// Rates how a closed ticket was handled, from 1 to 5 with an optional comment: once (409 after), by
/// the contact who raised it or whom it is about (403 for anyone else).
#[utoipa::path(post, path = "/portal/tickets/{id}/rating", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Ticket id")), request_body = NewRating,
    responses((status = 200, body = PortalTicket), Problems))]
pub async fn rate(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<NewRating>,
) -> ApiResult<Json<PortalTicket>> {
    let contact = session.contact;
    let ticket = visible(&ctx, &who, &contact, &id).await?;
    if !(raised_by(&ticket, &contact.id) || ticket.contact_id.as_deref() == Some(contact.id.as_str())) {
        return Err(ApiError::Forbidden);
    }
    if !ticket.status.is_closed() {
        return Err(ApiError::Conflict("a ticket is rated once it is closed".into()));
    }
    if ticket.rating.is_some() {
        return Err(ApiError::Conflict("the ticket is already rated".into()));
    }
    let mut after = ticket.clone();
    after.rating = Some(Rating {
        score: input.score,
        comment: input.comment.map(|c| c.trim().to_owned()).filter(|c| !c.is_empty()),
        contact_id: contact.id.clone(),
        at: OffsetDateTime::now_utc(),
    });
    after.version += 1;
    // Versioned: of two ratings at once, the second finds the ticket changed and is refused.
    ctx.table
        .save_ticket(&ticket, &after, Vec::new())
        .await
        .map_err(|e| match e {
            ApiError::Conflict(_) => ApiError::Conflict("the ticket is already rated".into()),
            e => e,
        })?;
    answer(&ctx, &who, after).await
}

/// The most rows one export holds.
pub const MAX_EXPORT_ROWS: usize = 5_000;

/// The list as CSV (up to 5,000 rows), with the same rules and filters (`scope` included); the columns
/// are `number,date_added,subject,contact,status,date_closed`. `limit` (1 to 100, as for the list) caps the
/// rows and `cursor` (a list page's `next_cursor` or an export's `X-Next-Cursor`) starts after that
/// ticket; when rows remain after the last one exported, `X-Next-Cursor` carries the cursor of the rest.
#[utoipa::path(get, path = "/portal/tickets/export", tag = "portal", security(("portal" = [])), params(ListParams),
    responses((status = 200, content_type = "text/csv", body = String,
        headers(("X-Next-Cursor" = String, description = "Present when rows remain: the `cursor` of the next export"))), Problems))]
pub async fn export(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Tickets>,
    QueryParams(q): QueryParams<ListParams>,
) -> ApiResult<impl IntoResponse> {
    let wanted = match q.limit {
        Some(_) => usize::try_from(q.page().limit()?).unwrap_or(MAX_EXPORT_ROWS),
        None => MAX_EXPORT_ROWS,
    };
    let mut csv = String::from("number,date_added,subject,contact,status,date_closed\r\n");
    let mut page = PageParams {
        limit: None,
        cursor: q.cursor.clone(),
    };
    let mut rows = 0;
    let mut next = None;
    // Pages of at most 100; fifty of them read at most 5,000 items however few a search keeps.
    for _ in 0..MAX_EXPORT_ROWS / 100 {
        page.limit = u32::try_from((wanted - rows).min(100)).ok();
        let default_scope = session.customer.default_ticket_scope;
        let found = list_page(&ctx, &who, &session.contact, default_scope, &q, &page).await?;
        rows += found.items.len();
        for t in found.items {
            let fmt = |d: OffsetDateTime| {
                d.format(&time::format_description::well_known::Rfc3339)
                    .unwrap_or_default()
            };
            csv.push_str(
                &[
                    t.number.to_string(),
                    fmt(t.created_at),
                    shared::csv::field(&t.subject),
                    shared::csv::field(t.contact_name.as_deref().unwrap_or_default()),
                    t.status.as_str().to_owned(),
                    t.closed_at.map(fmt).unwrap_or_default(),
                ]
                .join(","),
            );
            csv.push_str("\r\n");
        }
        next = found.next_cursor;
        match &next {
            Some(c) if rows < wanted => page.cursor = Some(c.clone()),
            _ => break,
        }
    }
    let mut headers = HeaderMap::new();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"tickets.csv\""),
    );
    if let Some(c) = next.and_then(|c| HeaderValue::from_str(&c).ok()) {
        headers.insert("x-next-cursor", c);
    }
    Ok((headers, csv))
}
