//! Portal-access operations that several functions share: revoking access and the access history.
//! Access emails go through [`crate::outbox`]; whether a contact may use the portal now is
//! [`crate::table::contacts::portal_refusal`].

use time::OffsetDateTime;

use crate::{
    error::{ApiError, ApiResult},
    identity::PortalPool,
    pagination::{Page, PageParams},
    table::{
        access::{AccessEvent, AccessEventKind, AccessToken, Unique},
        contacts::{Actor, Contact, PortalStatus},
        customers::stale,
        Condition,
    },
    Context,
};

pub const RESET_VALID_SECONDS: i64 = 3600;

pub async fn record(ctx: &Context, event: AccessEvent) -> ApiResult<()> {
    ctx.table.put(&event).await
}

/// A contact's portal-access history, newest first.
pub async fn history(ctx: &Context, contact: &Contact, page: &PageParams) -> ApiResult<Page<AccessEvent>> {
    let spec = AccessEvent::history_of(&contact.customer_id, &contact.id);
    ctx.table.query_page(&spec, page).await
}

/// Revokes a contact's portal access: Cognito first (every session signed out, the user deleted),
/// then one transaction releases the username and email, voids a pending token and records it.
/// Run again after a failure, it finishes the job.
pub async fn revoke(
    ctx: &Context,
    pool: &PortalPool,
    contact: &Contact,
    actor: Actor,
    why: &str,
) -> ApiResult<Contact> {
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
    // A claim is released only where it is still this contact's.
    let mine = || {
        Ok::<_, ApiError>(Condition::any([
            Condition::not_exists(),
            Condition::eq("contact_id", &contact.id)?,
        ]))
    };
    let mut actions = vec![
        ctx.table.put_versioned(&updated, contact.version)?,
        ctx.table
            .delete::<Unique>(&Unique::username_key(&username), Some(mine()?))?
            .named("username"),
    ];
    if let Some(address) = &contact.email {
        actions.push(
            ctx.table
                .delete::<Unique>(&Unique::email_key(address), Some(mine()?))?
                .named("email"),
        );
    }
    if let Some(old) = &contact.portal_token_hash {
        actions.push(ctx.table.delete::<AccessToken>(old, None)?);
    }
    actions.push(ctx.table.put_new(&AccessEvent::new(
        &contact.customer_id,
        &contact.id,
        AccessEventKind::Revoked,
        actor,
        why,
    ))?);
    ctx.table.transact_or(actions, |_| stale()).await?;
    Ok(updated)
}
