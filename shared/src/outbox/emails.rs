//! The outbox's other emails: submitted data sheets, quote decisions, support notices and monthly
//! reports (the ticket emails are in `ticket_emails`). Each builds its message, or `None` when there is nothing to send any more.

use super::portal_url;
use crate::{
    email::{self, Email},
    error::ApiResult,
    table::{
        contacts::portal_refusal,
        datasheets::{display, PortalTemplates, Sheet, TemplateVersion},
        quotes::Quote,
        report_mail::{MailedReportLink, ReportSubscription, LINK_DAYS},
    },
    Context,
};

/// A submitted data sheet, to the customer's tickets-from address.
pub(super) async fn sheet_submitted(ctx: &Context, customer_id: &str, sheet_id: &str) -> ApiResult<Option<Email>> {
    let sheet: Option<Sheet> = ctx.table.get::<Sheet>((customer_id, sheet_id)).await?;
    let config: Option<PortalTemplates> = ctx.table.get::<PortalTemplates>(customer_id).await?;
    let (Some(sheet), Some(to)) = (sheet, config.and_then(|c| c.tickets_from_email)) else {
        return Ok(None);
    };
    let template: Option<TemplateVersion> = ctx
        .table
        .get::<TemplateVersion>((&sheet.template_id, sheet.template_version))
        .await?;
    let labels: Vec<(String, String)> = match template {
        Some(TemplateVersion(t)) => t
            .fields
            .iter()
            .map(|f| {
                (
                    f.label.clone(),
                    sheet.values.get(&f.key).map(display).unwrap_or_default(),
                )
            })
            .collect(),
        None => sheet.values.iter().map(|(k, v)| (k.clone(), display(v))).collect(),
    };
    let customer = ctx
        .table
        .customer(customer_id)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    Ok(Some(email::render(
        "sheet-submitted",
        &to,
        &serde_json::json!({
            "template": sheet.template_name, "company": customer, "who": sheet.submitted_by,
            "number": sheet.ticket_number, "fields": labels,
        }),
    )?))
}

/// The business's notice that a contact authorised or declined a quote.
pub(super) async fn quote_decided(ctx: &Context, customer_id: &str, quote_id: &str) -> ApiResult<Option<Email>> {
    let (Some(to), Some(quote)) = (
        ctx.config.tickets_email.clone(),
        ctx.table.get::<Quote>((customer_id, quote_id)).await?,
    ) else {
        return Ok(None);
    };
    let Some(decision) = quote.decision.clone() else {
        return Ok(None);
    };
    let customer = ctx
        .table
        .customer(customer_id)
        .await?
        .map(|c| c.name)
        .unwrap_or_default();
    let total = format!(
        "{} {}.{:02}",
        quote.currency,
        quote.total / 100,
        (quote.total % 100).abs()
    );
    Ok(Some(email::render(
        "quote-decided",
        &to,
        &serde_json::json!({
            "number": quote.number, "title": quote.title, "company": customer, "outcome": quote.status.as_str(),
            "name": decision.name, "order_number": decision.order_number, "note": decision.note, "total": total,
        }),
    )?))
}

/// A contact's notice that their company's support contract ends soon.
pub(super) async fn support_notice(
    ctx: &Context,
    customer_id: &str,
    contact_id: &str,
    support_end: &str,
) -> ApiResult<Option<Email>> {
    let portal_url = portal_url(ctx);
    let (customer, contact) = ctx.table.customer_and_contact(customer_id, contact_id).await?;
    let (Some(customer), Some(contact)) = (customer, contact) else {
        return Ok(None);
    };
    let Some(to) = contact
        .email
        .clone()
        .filter(|_| !contact.archived && !customer.archived)
    else {
        return Ok(None);
    };
    Ok(Some(email::render(
        "support-notice",
        &to,
        &serde_json::json!({
            "first_name": contact.first_name, "company": customer.name, "support_end": support_end, "portal_url": portal_url,
        }),
    )?))
}

/// A subscribed contact's link to their company's report of a month, minted now (only its hash is
/// stored); nothing when they unsubscribed or lost portal access since it was queued. A retry after a
/// failed send mints another link; the unsent one grants nothing and expires.
pub(super) async fn monthly_report(
    ctx: &Context,
    customer_id: &str,
    contact_id: &str,
    month: &str,
) -> ApiResult<Option<Email>> {
    let portal_url = portal_url(ctx);
    let (session, subscribed) = tokio::try_join!(
        ctx.table.portal_session(customer_id, Some(contact_id)),
        ctx.table.get::<ReportSubscription>((customer_id, contact_id)),
    )?;
    let (Some(customer), Some(contact), Some(_)) = (session.customer, session.contact, subscribed) else {
        return Ok(None);
    };
    let today = time::OffsetDateTime::now_utc().date();
    let Some(to) = contact
        .email
        .clone()
        .filter(|_| portal_refusal(&customer, &contact, today).is_none())
    else {
        return Ok(None);
    };
    let mut context = serde_json::json!({});
    let unsubscribe = super::ticket_emails::unsubscribe_links(
        ctx,
        &contact,
        crate::table::unsubscribe::EmailTopic::Reports,
        &mut context,
    )
    .await?;
    let (link, hash) = crate::secrets::new_token();
    let expires_at = time::OffsetDateTime::now_utc() + time::Duration::days(LINK_DAYS);
    ctx.table
        .put(&MailedReportLink {
            hash,
            customer_id: customer_id.to_owned(),
            contact_id: contact_id.to_owned(),
            month: month.to_owned(),
            expires_at,
        })
        .await?;
    let mut message = email::render(
        "monthly-report",
        &to,
        &serde_json::json!({
            "first_name": contact.first_name, "company": customer.name, "month": crate::months::name(month),
            "link": format!("{portal_url}/reports/mailed/{link}"), "expires": ctx.table.zone.date(expires_at).to_string(),
            "manage": format!("{portal_url}/reports"), "unsubscribe_page": context["unsubscribe_page"],
        }),
    )?;
    message.unsubscribe = Some(unsubscribe);
    Ok(Some(message))
}
