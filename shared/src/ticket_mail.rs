//! Ticket emails from the outbox: the business's notification of a new portal ticket, and emails staff
//! write to the customer contact.

use crate::{
    email,
    error::{ApiError, ApiResult},
    portal_access::{drop_item, Delivery},
    table::{
        access::{OutboxItem, OutboxTask},
        keys,
        datasheets::{display, PortalTemplates, Sheet, TemplateVersion},
        tickets::TicketNote,
    },
    Context,
};

pub async fn deliver(ctx: &Context, item: &OutboxItem) -> ApiResult<Delivery> {
    let from = crate::config::Config::require(&ctx.config.sender_email, "SENDER_EMAIL").map_err(|_| ApiError::Internal)?;
    let portal_url = ctx.config.portal_url.as_deref().unwrap_or("http://127.0.0.1:3000").trim_end_matches('/');
    let message = match &item.task {
        OutboxTask::TicketCreated { customer_id, ticket_id } => {
            let (Some(to), Some(ticket)) = (ctx.config.tickets_email.clone(), ctx.table.ticket(customer_id, ticket_id).await?) else {
                return drop_item(ctx, item).await;
            };
            let customer = ctx.table.customer(customer_id).await?.map(|c| c.name).unwrap_or_default();
            email::render("ticket-created", &to, &serde_json::json!({
                "number": ticket.number, "subject": ticket.subject, "description": ticket.description,
                "company": customer, "contact": ticket.contact_name, "priority": ticket.priority.as_str(),
            }))?
        }
        OutboxTask::TicketEmail { customer_id, ticket_id, note_id } => {
            let ticket = ctx.table.ticket(customer_id, ticket_id).await?;
            let note: Option<TicketNote> = ctx.table.get(keys::customer(customer_id), keys::ticket_note(ticket_id, note_id)).await?;
            let (Some(ticket), Some(note)) = (ticket, note) else { return drop_item(ctx, item).await };
            let contact = match &ticket.contact_id {
                Some(id) => ctx.table.contact(customer_id, id).await?,
                None => None,
            };
            let Some(to) = contact.and_then(|c| c.email) else { return drop_item(ctx, item).await };
            email::render("ticket-email", &to, &serde_json::json!({
                "number": ticket.number, "subject": ticket.subject, "body": note.body,
                "author": note.author_name, "link": format!("{portal_url}/tickets/{}", ticket.id),
            }))?
        }
        OutboxTask::SheetSubmitted { customer_id, sheet_id } => {
            let sheet: Option<Sheet> = ctx.table.get(keys::customer(customer_id), keys::sheet(sheet_id)).await?;
            let config: Option<PortalTemplates> = ctx.table.get(keys::customer(customer_id), keys::PORTAL_TEMPLATES).await?;
            let (Some(sheet), Some(to)) = (sheet, config.and_then(|c| c.tickets_from_email)) else { return drop_item(ctx, item).await };
            let template: Option<TemplateVersion> = ctx.table.get(keys::template(&sheet.template_id), keys::template_version(sheet.template_version)).await?;
            let labels: Vec<(String, String)> = match template {
                Some(TemplateVersion(t)) => t.fields.iter().map(|f| (f.label.clone(), sheet.values.get(&f.key).map(display).unwrap_or_default())).collect(),
                None => sheet.values.iter().map(|(k, v)| (k.clone(), display(v))).collect(),
            };
            let customer = ctx.table.customer(customer_id).await?.map(|c| c.name).unwrap_or_default();
            email::render("sheet-submitted", &to, &serde_json::json!({
                "template": sheet.template_name, "company": customer, "who": sheet.submitted_by,
                "number": sheet.ticket_number, "fields": labels,
            }))?
        }
        OutboxTask::SupportNotice { customer_id, contact_id, support_end } => {
            let (customer, contact) = ctx.table.customer_and_contact(customer_id, contact_id).await?;
            let (Some(customer), Some(contact)) = (customer, contact) else { return drop_item(ctx, item).await };
            let Some(to) = contact.email.clone().filter(|_| !contact.archived && !customer.archived) else { return drop_item(ctx, item).await };
            email::render("support-notice", &to, &serde_json::json!({
                "first_name": contact.first_name, "company": customer.name, "support_end": support_end, "portal_url": portal_url,
            }))?
        }
        _ => return Err(ApiError::Internal),
    };
    email::send(ctx.clients.ses(), from, &message).await?;
    ctx.table.delete_outbox(&item.id).await?;
    Ok(Delivery::Sent)
}
