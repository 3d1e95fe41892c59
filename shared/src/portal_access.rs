//! Portal-access operations that several functions share: revoking access and the access history.
//! Access emails go through [`crate::outbox`]; whether a contact may use the portal now is
//! [`crate::table::contacts::portal_refusal`].

use time::OffsetDateTime;

use crate::{
    error::ApiResult,
    identity::PortalPool,
    pagination::{Page, PageParams},
    table::{
        access::{AccessEvent, AccessEventKind},
        contacts::{Actor, Contact, PortalStatus},
        customers::stale,
        keys, QuerySpec,
    },
    Context,
};

pub const RESET_VALID_SECONDS: i64 = 3600;

// Moved; re-exported at their old paths until the function crates import them from their new homes.
pub use crate::outbox::{commit_and_deliver as commit_and_send, deliver, Delivery};
pub use crate::table::contacts::portal_refusal as refusal;

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
    let mine = |v: &str| [(":me".to_owned(), crate::table::s(v))].into_iter().collect();
    let mut actions = vec![
        ctx.table.put_versioned(&updated, contact.version)?,
        ctx.table.delete(
            keys::username(&username),
            keys::UNIQUE,
            Some("attribute_not_exists(PK) OR contact_id = :me"),
            mine(&contact.id),
        )?,
    ];
    if let Some(address) = &contact.email {
        actions.push(ctx.table.delete(
            keys::email(address),
            keys::UNIQUE,
            Some("attribute_not_exists(PK) OR contact_id = :me"),
            mine(&contact.id),
        )?);
    }
    if let Some(old) = &contact.portal_token_hash {
        actions.push(
            ctx.table
                .delete(keys::token(old), keys::TOKEN, None, Default::default())?,
        );
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
