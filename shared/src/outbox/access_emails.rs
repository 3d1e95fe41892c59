//! Access emails: an activation link (invitation) or a password-reset link, each with a fresh token.

use time::{Duration, OffsetDateTime};

use super::{item::Delivery, portal_url, sender};
use crate::{
    email,
    error::ApiResult,
    secrets,
    table::{
        access::{AccessEvent, AccessEventKind, AccessToken, TokenKind},
        contacts::{Actor, PortalStatus},
        customers::stale,
    },
    Context,
};

/// Issues a fresh token (voiding any earlier one) and emails its link, valid for `valid` seconds.
/// Dropped when the contact or customer is gone or archived, or access is no longer at the step the
/// email is for (revoked or already used meanwhile).
pub(super) async fn send(
    ctx: &Context,
    customer_id: &str,
    contact_id: &str,
    kind: TokenKind,
    valid: i64,
) -> ApiResult<Delivery> {
    let (customer, contact) = ctx.table.customer_and_contact(customer_id, contact_id).await?;
    let wanted = match kind {
        TokenKind::Activation => PortalStatus::Invited,
        TokenKind::Reset => PortalStatus::Active,
    };
    let (Some(customer), Some(contact)) = (customer, contact) else {
        return Ok(Delivery::Dropped);
    };
    let (Some(username), Some(address)) = (contact.portal_username.clone(), contact.email.clone()) else {
        return Ok(Delivery::Dropped);
    };
    if contact.archived || customer.archived || contact.portal_status != wanted {
        return Ok(Delivery::Dropped);
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
    let mut actions = vec![
        ctx.table.put_versioned(&updated, contact.version)?,
        ctx.table.put_new(&token_item)?,
    ];
    if let Some(old) = &contact.portal_token_hash {
        actions.push(ctx.table.delete::<AccessToken>(old, None)?);
    }
    ctx.table.transact_or(actions, |_| stale()).await?;

    let portal_url = portal_url(ctx);
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
    let from = sender(ctx)?;
    email::send(ctx.clients.ses(), from, &message).await?;
    if event == AccessEventKind::InvitationSent {
        ctx.table
            .put(&AccessEvent::new(
                &customer.id,
                &contact.id,
                event,
                Actor::System,
                format!("sent to {address}"),
            ))
            .await?;
    }
    Ok(Delivery::Sent)
}
