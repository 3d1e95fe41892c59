//! The ticket emails: notices to the ticket's contact and owner (created, a comment, closed), and the
//! emails staff write to the contact. Every email to a contact carries a one-click unsubscribe link
//! and none is sent to a contact who opted out.

use super::{portal_url, NoticeRecipient, TicketEvent};
use crate::{
    email::{self, Email},
    error::ApiResult,
    table::{
        contacts::Contact,
        tickets::{NoteKind, Ticket, TicketNote},
        unsubscribe::{EmailTopic, UnsubscribeLink},
    },
    Context,
};

/// A notice of `event` on a ticket to `to`, or nothing when there is no one to tell any more.
pub(super) async fn notice(
    ctx: &Context,
    customer_id: &str,
    ticket_id: &str,
    event: &TicketEvent,
    to: NoticeRecipient,
) -> ApiResult<Option<Email>> {
    let Some(ticket) = ctx.table.ticket(customer_id, ticket_id).await? else {
        return Ok(None);
    };
    let note = match event {
        TicketEvent::Comment { note_id } => {
            match ctx
                .table
                .get::<TicketNote>((customer_id, ticket_id, note_id, false))
                .await?
            {
                Some(n) if n.kind != NoteKind::Internal => Some(n),
                _ => return Ok(None),
            }
        }
        _ => None,
    };
    let portal_url = portal_url(ctx);
    let (address, contact) = match to {
        NoticeRecipient::Owner => match owner_address(ctx, &ticket) {
            Some(a) => (a, None),
            None => return Ok(None),
        },
        // A contact hears only of a ticket they can open in the portal.
        NoticeRecipient::Contact if !ticket.visible_in_portal => return Ok(None),
        NoticeRecipient::Contact => match reachable_contact(ctx, &ticket).await? {
            Some(c) => (c.email.clone().unwrap_or_default(), Some(c)),
            None => return Ok(None),
        },
    };
    let company = ctx
        .table
        .customer(customer_id)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    // Staff have no web app yet: only the contact's notice links to the ticket.
    let link = contact.as_ref().map(|_| format!("{portal_url}/tickets/{ticket_id}"));
    let event_name = match event {
        TicketEvent::Created => "created",
        TicketEvent::Comment { .. } => "comment",
        TicketEvent::Closed => "closed",
    };
    let mut context = serde_json::json!({
        "event": event_name, "to_owner": to == NoticeRecipient::Owner, "number": ticket.number,
        "subject": ticket.subject, "description": ticket.description, "priority": ticket.priority.as_str(),
        "company": company, "contact": ticket.contact_name, "raised_in_portal": ticket.originator_contact_id.is_some(),
        "first_name": contact.as_ref().map(|c| c.first_name.clone()),
        "author": note.as_ref().map(|n| n.author_name.clone()), "body": note.as_ref().map(|n| n.body.clone()),
        "closed_by": ticket.closed_by_contact.as_ref().and(ticket.contact_name.clone()), "link": link,
    });
    let unsubscribe = match &contact {
        Some(c) => Some(unsubscribe_links(ctx, c, EmailTopic::Tickets, &mut context).await?),
        None => None,
    };
    let mut message = email::render("ticket-notice", &address, &context)?;
    message.unsubscribe = unsubscribe;
    Ok(Some(message))
}

/// An email staff wrote on a ticket (stored as its note), to the ticket's contact unless they opted out.
pub(super) async fn staff_email(
    ctx: &Context,
    customer_id: &str,
    ticket_id: &str,
    note_id: &str,
) -> ApiResult<Option<Email>> {
    let portal_url = portal_url(ctx);
    let ticket = ctx.table.ticket(customer_id, ticket_id).await?;
    let note: Option<TicketNote> = ctx
        .table
        .get::<TicketNote>((customer_id, ticket_id, note_id, false))
        .await?;
    let (Some(ticket), Some(note)) = (ticket, note) else {
        return Ok(None);
    };
    let Some(contact) = reachable_contact(ctx, &ticket).await? else {
        return Ok(None);
    };
    let mut context = serde_json::json!({
        "number": ticket.number, "subject": ticket.subject, "body": note.body,
        "author": note.author_name, "link": format!("{portal_url}/tickets/{}", ticket.id),
    });
    let unsubscribe = unsubscribe_links(ctx, &contact, EmailTopic::Tickets, &mut context).await?;
    let mut message = email::render("ticket-email", contact.email.as_deref().unwrap_or_default(), &context)?;
    message.unsubscribe = Some(unsubscribe);
    Ok(Some(message))
}

/// The ticket's contact, when they have an address, are active and take ticket emails.
async fn reachable_contact(ctx: &Context, ticket: &Ticket) -> ApiResult<Option<Contact>> {
    let Some(id) = &ticket.contact_id else { return Ok(None) };
    Ok(ctx
        .table
        .contact(&ticket.customer_id, id)
        .await?
        .filter(|c| c.email.is_some() && !c.archived && !c.ticket_emails_opt_out))
}

/// Where the owner's notices go: the assignee when it is an address, else the business's tickets inbox.
pub fn owner_address(ctx: &Context, ticket: &Ticket) -> Option<String> {
    ticket
        .assignee
        .clone()
        .filter(|a| a.contains('@'))
        .or_else(|| ctx.config.tickets_email.clone())
}

/// Mints a one-click unsubscribe link for `contact` (only its hash is stored), puts the page a person
/// opens into `context` as `unsubscribe_page`, and answers the address for `List-Unsubscribe`. A retry
/// after a failed send mints another; the unsent one expires unused.
pub(super) async fn unsubscribe_links(
    ctx: &Context,
    contact: &Contact,
    topic: EmailTopic,
    context: &mut serde_json::Value,
) -> ApiResult<String> {
    let portal_url = portal_url(ctx);
    let (token, link) = UnsubscribeLink::mint(&contact.customer_id, &contact.id, topic);
    ctx.table.put(&link).await?;
    context["unsubscribe_page"] = format!("{portal_url}/unsubscribe/{token}").into();
    Ok(format!("{portal_url}/portal/auth/unsubscribe/{token}"))
}
