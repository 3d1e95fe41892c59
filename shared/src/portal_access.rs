//! Portal-access operations that several functions share: sending access emails from the outbox,
//! revoking access, and the access history.

use serde::Serialize;
use time::{Duration, OffsetDateTime};
use utoipa::ToSchema;

use crate::{
    email,
    error::{ApiError, ApiResult},
    identity::PortalPool,
    pagination::{Page, PageParams},
    secrets,
    table::{
        access::{AccessEvent, AccessEventKind, AccessToken, OutboxItem, OutboxTask, TokenKind},
        contacts::{Actor, Contact, PortalStatus},
        customers::stale,
        keys, QuerySpec,
    },
    Context,
};

pub const RESET_VALID_SECONDS: i64 = 3600;

/// Why a contact may not use the portal now, or `None` when they may: access active, contact and
/// customer not archived, today inside the support period. Sign-in and every portal request ask this.
pub fn refusal(customer: &crate::table::customers::Customer, contact: &Contact, today: time::Date) -> Option<&'static str> {
    if contact.archived {
        Some("contact archived")
    } else if contact.portal_status != PortalStatus::Active {
        Some("access not active")
    } else if customer.archived {
        Some("customer archived")
    } else if customer.support_start.is_some_and(|d| today < d) || customer.support_end.is_some_and(|d| today > d) {
        Some("outside the support period")
    } else {
        None
    }
}

/// Whether an access email went out now or waits in the outbox for the next drain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Delivery {
    Sent,
    Queued,
    /// Nothing to send any more (access was revoked or already used meanwhile).
    Dropped,
}

/// Commits `actions` together with an outbox item, then tries to deliver it at once.
pub async fn commit_and_send(
    ctx: &Context,
    mut actions: Vec<aws_sdk_dynamodb::types::TransactWriteItem>,
    task: OutboxTask,
    explain: impl FnOnce(crate::table::Cancelled) -> ApiError,
) -> ApiResult<Delivery> {
    let item = OutboxItem::new(task);
    actions.push(ctx.table.put_new(&item)?);
    ctx.table.transact_or(actions, explain).await?;
    Ok(deliver(ctx, &item).await.unwrap_or(Delivery::Queued))
}

/// Works one outbox item under a lease, so two drains never send it twice at once; a failure releases
/// the lease and leaves the item for the next drain.
pub async fn deliver(ctx: &Context, item: &OutboxItem) -> ApiResult<Delivery> {
    if !ctx.table.lease_outbox(&item.id, 120).await? {
        return Ok(Delivery::Queued);
    }
    let result = deliver_leased(ctx, item).await;
    if result.is_err() {
        if let Err(e) = ctx.table.release_outbox(&item.id).await {
            tracing::warn!(error = %e, "outbox lease not released; it expires by itself");
        }
    }
    result
}

/// Sends the email an outbox item stands for (access emails here, the others in `ticket_mail`), then
/// deletes the item.
async fn deliver_leased(ctx: &Context, item: &OutboxItem) -> ApiResult<Delivery> {
    let (customer_id, contact_id, kind, valid) = match &item.task {
        OutboxTask::Invitation { customer_id, contact_id } => {
            (customer_id, contact_id, TokenKind::Activation, ctx.config.invitation_days * 86_400)
        }
        OutboxTask::PasswordReset { customer_id, contact_id, valid_seconds } => {
            (customer_id, contact_id, TokenKind::Reset, *valid_seconds)
        }
        OutboxTask::TicketCreated { .. } | OutboxTask::TicketEmail { .. } | OutboxTask::SheetSubmitted { .. } | OutboxTask::SupportNotice { .. } => {
            return crate::ticket_mail::deliver(ctx, item).await;
        }
    };
    let (customer, contact) = ctx.table.customer_and_contact(customer_id, contact_id).await?;
    let wanted = match kind {
        TokenKind::Activation => PortalStatus::Invited,
        TokenKind::Reset => PortalStatus::Active,
    };
    let (Some(customer), Some(contact)) = (customer, contact) else { return drop_item(ctx, item).await };
    let (Some(username), Some(address)) = (contact.portal_username.clone(), contact.email.clone()) else {
        return drop_item(ctx, item).await;
    };
    if contact.archived || customer.archived || contact.portal_status != wanted {
        return drop_item(ctx, item).await;
    }
    let now = OffsetDateTime::now_utc();
    let expires = now + Duration::seconds(valid);
    let (token, hash) = secrets::new_token();
    let token_item = AccessToken {
        hash: hash.clone(),
        kind,
        customer_id: customer.id.clone(),
        contact_id: contact.id.clone(),
        username: username.clone(),
        expires_at: expires.unix_timestamp(),
        enrollment: None,
    };
    let mut updated = contact.clone();
    updated.portal_token_hash = Some(hash);
    if kind == TokenKind::Activation {
        updated.portal_invited_until = Some(expires);
    }
    updated.version += 1;
    let mut actions = vec![ctx.table.put_versioned(&updated, contact.version)?, ctx.table.put_new(&token_item)?];
    if let Some(old) = &contact.portal_token_hash {
        actions.push(ctx.table.delete(keys::token(old), keys::TOKEN, None, Default::default())?);
    }
    ctx.table.transact_or(actions, |_| stale()).await?;

    let portal_url = ctx.config.portal_url.as_deref().unwrap_or("http://127.0.0.1:3000").trim_end_matches('/');
    let (template, path, event) = match kind {
        TokenKind::Activation => ("invitation", "activate", AccessEventKind::InvitationSent),
        TokenKind::Reset => ("reset", "reset-password", AccessEventKind::ResetRequested),
    };
    let context = serde_json::json!({
        "first_name": contact.first_name,
        "company": customer.name,
        "username": username,
        "link": format!("{portal_url}/{path}?token={token}"),
        "days": ctx.config.invitation_days,
        "validity": if valid >= 86_400 { format!("{} days", valid / 86_400) } else { format!("{} minutes", valid / 60) },
        "portal_url": portal_url,
    });
    let message = email::render(template, &address, &context)?;
    let from = crate::config::Config::require(&ctx.config.sender_email, "SENDER_EMAIL").map_err(|_| ApiError::Internal)?;
    email::send(ctx.clients.ses(), from, &message).await?;
    if event == AccessEventKind::InvitationSent {
        record(ctx, AccessEvent::new(&customer.id, &contact.id, event, Actor::System, format!("sent to {address}"))).await?;
    }
    ctx.table.delete_outbox(&item.id).await?;
    Ok(Delivery::Sent)
}

pub(crate) async fn drop_item(ctx: &Context, item: &OutboxItem) -> ApiResult<Delivery> {
    ctx.table.delete_outbox(&item.id).await?;
    Ok(Delivery::Dropped)
}

pub async fn record(ctx: &Context, event: AccessEvent) -> ApiResult<()> {
    ctx.table.put(&event).await
}

/// A contact's portal-access history, newest first.
pub async fn history(ctx: &Context, contact: &Contact, page: &PageParams) -> ApiResult<Page<AccessEvent>> {
    let prefix = keys::history_prefix(&contact.id);
    let mut spec = QuerySpec::table(keys::customer(&contact.customer_id), &prefix);
    spec.newest_first = true;
    ctx.table.query_page(&spec, page).await
}

/// Revokes a contact's portal access: Cognito first (every session signed out, the user deleted),
/// then one transaction releases the username and email, voids a pending token and records it.
/// Run again after a failure, it finishes the job.
pub async fn revoke(ctx: &Context, pool: &PortalPool, contact: &Contact, actor: Actor, why: &str) -> ApiResult<Contact> {
    let Some(username) = contact.portal_username.clone() else {
        return Ok(contact.clone());
    };
    pool.remove_user(&username).await?;
    let mut updated = contact.clone();
    updated.portal_username = None;
    updated.portal_status = PortalStatus::Revoked;
    updated.portal_token_hash = None;
    updated.portal_invited_until = None;
    updated.version += 1;
    updated.updated_at = OffsetDateTime::now_utc();
    let mine = |v: &str| [(":me".to_owned(), crate::table::s(v))].into_iter().collect();
    let mut actions = vec![
        ctx.table.put_versioned(&updated, contact.version)?,
        ctx.table.delete(keys::username(&username), keys::UNIQUE, Some("attribute_not_exists(PK) OR contact_id = :me"), mine(&contact.id))?,
    ];
    if let Some(address) = &contact.email {
        actions.push(ctx.table.delete(keys::email(address), keys::UNIQUE, Some("attribute_not_exists(PK) OR contact_id = :me"), mine(&contact.id))?);
    }
    if let Some(old) = &contact.portal_token_hash {
        actions.push(ctx.table.delete(keys::token(old), keys::TOKEN, None, Default::default())?);
    }
    actions.push(ctx.table.put_new(&AccessEvent::new(&contact.customer_id, &contact.id, AccessEventKind::Revoked, actor, why))?);
    ctx.table.transact_or(actions, |_| stale()).await?;
    Ok(updated)
}
