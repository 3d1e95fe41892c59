//! `POST /portal/auth/unsubscribe/{token}`: the one-click unsubscribe (RFC 8058) every email a contact
//! may opt out of carries. Public like sign-in: the token is the credential, and it does one thing once.

use axum::{
    extract::{Path, State},
    Json,
};
use serde::Serialize;
use shared::{
    error::{ApiError, ApiResult},
    openapi::Problems,
    secrets,
    table::{
        contacts::Contact,
        report_mail::ReportSubscription,
        unsubscribe::{EmailTopic, UnsubscribeLink},
        Condition,
    },
    Context,
};
use time::OffsetDateTime;
use utoipa::ToSchema;

/// What the link turned off.
#[derive(Debug, Serialize, ToSchema)]
pub struct Unsubscribed {
    /// `tickets` (ticket emails) or `reports` (the monthly report).
    pub topic: EmailTopic,
}

fn gone() -> ApiError {
    ApiError::NotFound
}

/// Turns off what the email was about for its contact: ticket emails, or the monthly report. The address
/// of the email's `List-Unsubscribe` header (mail providers post `List-Unsubscribe=One-Click`; any body
/// is ignored) and of the portal's unsubscribe page. A link works once, for 60 days; an unknown, used or
/// expired one answers 404. Nothing happens on a GET, so a link scanner unsubscribes no one.
#[utoipa::path(post, path = "/portal/auth/unsubscribe/{token}", tag = "auth",
    params(("token" = String, Path, description = "The token of the email's link")),
    responses((status = 200, body = Unsubscribed), Problems))]
pub async fn unsubscribe(State(ctx): State<Context>, Path(token): Path<String>) -> ApiResult<Json<Unsubscribed>> {
    if !secrets::looks_like_token(&token) {
        return Err(gone());
    }
    let hash = secrets::hash(&token);
    let link = match ctx.table.get::<UnsubscribeLink>(&hash).await? {
        Some(l) if l.expires_at > OffsetDateTime::now_utc() => l,
        _ => return Err(gone()),
    };
    // Spending the link and turning the emails off commit together, or neither does.
    let mut actions = vec![ctx.table.delete::<UnsubscribeLink>(&hash, Some(Condition::exists()))?];
    match link.topic {
        EmailTopic::Tickets => {
            let contact: Contact = ctx
                .table
                .contact(&link.customer_id, &link.contact_id)
                .await?
                .ok_or_else(gone)?;
            if !contact.ticket_emails_opt_out {
                let mut updated = contact.clone();
                updated.ticket_emails_opt_out = true;
                updated.updated_at = OffsetDateTime::now_utc();
                updated.version += 1;
                actions.push(ctx.table.put_versioned(&updated, contact.version)?);
            }
        }
        EmailTopic::Reports => {
            actions.push(
                ctx.table
                    .delete::<ReportSubscription>((&link.customer_id, &link.contact_id), None)?,
            );
        }
    }
    ctx.table
        .transact_or(actions, |_| {
            ApiError::Conflict("the link was used or the contact changed meanwhile; try again".into())
        })
        .await?;
    Ok(Json(Unsubscribed { topic: link.topic }))
}
