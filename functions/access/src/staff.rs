//! `/admin/contacts/{id}/portal-access…`: staff with `portal.manage_access` give, send, reset and revoke
//! contacts' portal access.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{JsonBody, PathId, QueryParams},
    identity::PortalPool,
    openapi::Problems,
    outbox::{self, OutboxTask},
    pagination::{Page, PageParams},
    portal_access::{self, RESET_VALID_SECONDS},
    principal::{can, Staff, StaffPrincipal},
    table::{
        access::{AccessEvent, AccessEventKind, Unique},
        contacts::{Contact, PortalStatus},
        customers::{stale, Customer},
        Condition, Entity,
    },
    Context,
};
use time::OffsetDateTime;

use crate::model::{username_base, AccessEventResponse, BulkInvite, BulkResult, EnableAccess, PortalAccess, Sent};

/// The names of the two uniqueness claims in an enable's transaction.
const USERNAME: &str = "username";
const EMAIL: &str = "email";

async fn load(ctx: &Context, id: &str) -> ApiResult<Contact> {
    ctx.table.contact_by_id(id).await?.ok_or(ApiError::NotFound)
}

/// Gives the contact a username (chosen or generated); status becomes `enabled`. The username and the
/// contact's email are claimed deployment-wide in the same transaction as the contact change.
#[utoipa::path(put, path = "/admin/contacts/{id}/portal-access", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id")), request_body = EnableAccess,
    responses((status = 200, body = PortalAccess), Problems))]
pub async fn enable(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::ManagePortalAccess>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<EnableAccess>,
) -> ApiResult<Json<PortalAccess>> {
    let contact = load(&ctx, &id).await?;
    if contact.archived {
        return Err(ApiError::Conflict("the contact is archived".into()));
    }
    let Some(email) = contact.email.clone() else {
        return Err(ApiError::invalid(
            "email",
            "the contact needs an email address before they can have portal access",
        ));
    };
    if !matches!(contact.portal_status, PortalStatus::None | PortalStatus::Revoked) {
        return Err(ApiError::Conflict(
            "the contact already has portal access; revoke it first to change the username".into(),
        ));
    }
    let chosen = input.username.map(|u| u.trim().to_lowercase());
    let candidates: Vec<String> = match &chosen {
        Some(u) => vec![u.clone()],
        None => {
            let base = username_base(&contact);
            let mut c = vec![base.clone()];
            c.extend((2..=9).map(|n| format!("{base}{n}")));
            c.push(format!("{base}{}", &shared::ids::new_id()[20..]).to_lowercase());
            c
        }
    };
    for username in candidates {
        let mut updated = contact.clone();
        updated.portal_username = Some(username.clone());
        updated.portal_status = PortalStatus::Enabled;
        updated.portal_invited_until = None;
        updated.version += 1;
        updated.updated_at = OffsetDateTime::now_utc();
        let unique = |key: String| Unique {
            key,
            contact_id: contact.id.clone(),
            customer_id: contact.customer_id.clone(),
            value: username.clone(),
        };
        let actions = vec![
            ctx.table.put_versioned(&updated, contact.version)?,
            ctx.table
                .put_new(&unique(Unique::username_key(&username)))?
                .named(USERNAME),
            ctx.table.put_new(&unique(Unique::email_key(&email)))?.named(EMAIL),
            ctx.table
                .check::<Customer>(&contact.customer_id, Condition::not_archived())?,
            ctx.table.put_new(&AccessEvent::new(
                &contact.customer_id,
                &contact.id,
                AccessEventKind::Enabled,
                who.actor(),
                format!("username {username}"),
            ))?,
        ];
        let mut username_taken = false;
        let result = ctx
            .table
            .transact_or(actions, |c| {
                if c.failed(USERNAME) {
                    username_taken = true;
                    ApiError::Conflict("that username is taken".into())
                } else if c.failed(EMAIL) {
                    ApiError::Conflict("another contact with portal access already uses this email address".into())
                } else if c.failed(Customer::TYPE) {
                    ApiError::Conflict("the customer is archived".into())
                } else {
                    stale()
                }
            })
            .await;
        match result {
            Ok(()) => return Ok(Json(PortalAccess::from(&updated))),
            Err(e) if username_taken && chosen.is_none() => {
                tracing::debug!(error = %e, "generated username taken; trying the next");
            }
            Err(e) => return Err(e),
        }
    }
    Err(ApiError::Conflict(
        "no free username could be generated; choose one".into(),
    ))
}

/// Invites one contact: status `invited`, then the activation email (a new token voids the old one).
async fn invite(ctx: &Context, who: &StaffPrincipal, id: &str) -> ApiResult<Sent> {
    let contact = load(ctx, id).await?;
    if contact.archived {
        return Err(ApiError::Conflict("the contact is archived".into()));
    }
    if contact.portal_username.is_none()
        || !matches!(
            contact.portal_status,
            PortalStatus::Enabled | PortalStatus::Invited | PortalStatus::Expired
        )
    {
        return Err(ApiError::Conflict(match contact.portal_status {
            PortalStatus::Active => {
                "the contact has already activated their access; send a password reset instead".into()
            }
            _ => "enable portal access first".into(),
        }));
    }
    let mut updated = contact.clone();
    updated.portal_status = PortalStatus::Invited;
    updated.version += 1;
    updated.updated_at = OffsetDateTime::now_utc();
    let actions = vec![ctx.table.put_versioned(&updated, contact.version)?];
    let task = OutboxTask::Invitation {
        customer_id: contact.customer_id.clone(),
        contact_id: contact.id.clone(),
    };
    let email = outbox::commit_and_deliver(ctx, actions, task, |_| stale()).await?;
    tracing::info!(actor = %who.username, ?email, "invitation");
    let now = load(ctx, id).await?;
    Ok(Sent {
        access: PortalAccess::from(&now),
        email,
    })
}

/// Sends (or re-sends) the activation email. The invitation is valid for the configured number of days.
#[utoipa::path(post, path = "/admin/contacts/{id}/portal-access/invitation", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id")),
    responses((status = 202, body = Sent), Problems))]
pub async fn send_invitation(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::ManagePortalAccess>,
    PathId(id): PathId,
) -> ApiResult<(StatusCode, Json<Sent>)> {
    Ok((StatusCode::ACCEPTED, Json(invite(&ctx, &who, &id).await?)))
}

/// Invites several contacts; each is reported as sent, queued or refused with the reason.
#[utoipa::path(post, path = "/admin/portal-access/invitations", tag = "staff", security(("staff" = [])),
    request_body = BulkInvite, responses((status = 200, body = Vec<BulkResult>), Problems))]
pub async fn bulk_invite(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::ManagePortalAccess>,
    JsonBody(input): JsonBody<BulkInvite>,
) -> ApiResult<Json<Vec<BulkResult>>> {
    let mut results = Vec::with_capacity(input.contact_ids.len());
    for id in input.contact_ids {
        let id = id.to_ascii_uppercase();
        let result = match invite(&ctx, &who, &id).await {
            Ok(sent) => BulkResult {
                contact_id: id,
                result: serde_json::to_value(sent.email)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
                reason: None,
            },
            Err(e) => BulkResult {
                contact_id: id,
                result: "refused".into(),
                reason: Some(e.to_problem().detail.unwrap_or_else(|| e.to_problem().title)),
            },
        };
        results.push(result);
    }
    Ok(Json(results))
}

/// Emails an active contact a link to choose a new password. Staff never see or set passwords.
#[utoipa::path(post, path = "/admin/contacts/{id}/portal-access/password-reset", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id")),
    responses((status = 202, body = Sent), Problems))]
pub async fn password_reset(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::ManagePortalAccess>,
    PathId(id): PathId,
) -> ApiResult<(StatusCode, Json<Sent>)> {
    let contact = load(&ctx, &id).await?;
    if contact.portal_status != PortalStatus::Active || contact.archived {
        return Err(ApiError::Conflict(
            "only an active contact can reset a password; send an invitation instead".into(),
        ));
    }
    let event = AccessEvent::new(
        &contact.customer_id,
        &contact.id,
        AccessEventKind::ResetRequested,
        who.actor(),
        "by staff",
    );
    let actions = vec![
        ctx.table.check::<Contact>(
            (&contact.customer_id, &contact.id),
            Condition::at_version(contact.version),
        )?,
        ctx.table.put_new(&event)?,
    ];
    let valid_seconds = (ctx.config.invitation_days * 86_400).max(RESET_VALID_SECONDS);
    let task = OutboxTask::PasswordReset {
        customer_id: contact.customer_id.clone(),
        contact_id: contact.id.clone(),
        valid_seconds,
    };
    let email = outbox::commit_and_deliver(&ctx, actions, task, |_| stale()).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(Sent {
            access: PortalAccess::from(&contact),
            email,
        }),
    ))
}

/// Revokes access: every session signed out, refresh tokens invalid, username and email released,
/// pending tokens voided.
#[utoipa::path(delete, path = "/admin/contacts/{id}/portal-access", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id")),
    responses((status = 200, body = PortalAccess), Problems))]
pub async fn revoke(
    State(ctx): State<Context>,
    State(pool): State<PortalPool>,
    Staff(who, _): Staff<can::ManagePortalAccess>,
    PathId(id): PathId,
) -> ApiResult<Json<PortalAccess>> {
    let contact = load(&ctx, &id).await?;
    if contact.portal_username.is_none() {
        return Err(ApiError::Conflict("the contact has no portal access".into()));
    }
    let updated = portal_access::revoke(&ctx, &pool, &contact, who.actor(), "revoked by staff").await?;
    Ok(Json(PortalAccess::from(&updated)))
}

/// The contact's portal access now.
#[utoipa::path(get, path = "/admin/contacts/{id}/portal-access", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id")),
    responses((status = 200, body = PortalAccess), Problems))]
pub async fn status(
    State(ctx): State<Context>,
    _staff: Staff<can::ManagePortalAccess>,
    PathId(id): PathId,
) -> ApiResult<Json<PortalAccess>> {
    Ok(Json(PortalAccess::from(&load(&ctx, &id).await?)))
}

/// Every access event of the contact, newest first.
#[utoipa::path(get, path = "/admin/contacts/{id}/portal-access/history", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id"), PageParams),
    responses((status = 200, body = Page<AccessEventResponse>), Problems))]
pub async fn history(
    State(ctx): State<Context>,
    _staff: Staff<can::ManagePortalAccess>,
    PathId(id): PathId,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<AccessEventResponse>>> {
    let contact = load(&ctx, &id).await?;
    let events = portal_access::history(&ctx, &contact, &page).await?;
    Ok(Json(events.map(|e| AccessEventResponse::from(&e))))
}
