//! `/portal/account/…`: the signed-in contact's own account, behind the portal authorizer. The contact
//! comes from the token only; the current password and an authenticator code prove it is them, so a
//! stolen ID token alone cannot take the account over.

use axum::{extract::State, http::StatusCode};
use shared::{
    error::{ApiError, ApiResult},
    extract::JsonBody,
    identity::{PortalPool, Refusal, SignIn},
    openapi::Problems,
    portal_access,
    principal::PortalPrincipal,
    table::{
        access::{AccessEvent, AccessEventKind},
        contacts::{Actor, Contact},
        keys,
    },
    Context,
};
use time::OffsetDateTime;

use crate::{model::ChangePassword, portal::SourceIp, throttle::Throttle};

/// The token's contact, while they may still use the portal (as every portal route checks).
async fn signed_in(ctx: &Context, who: &PortalPrincipal) -> ApiResult<Contact> {
    let (customer, contact) = ctx.table.customer_and_contact(&who.customer_id, &who.contact_id).await?;
    let (Some(customer), Some(contact)) = (customer, contact) else { return Err(ApiError::Forbidden) };
    if portal_access::refusal(&customer, &contact, OffsetDateTime::now_utc().date()).is_some() || contact.portal_username.is_none() {
        return Err(ApiError::Forbidden);
    }
    Ok(contact)
}

fn wrong_code() -> ApiError {
    ApiError::invalid("code", "does not match or was already used; wait for the next code")
}

/// Changes the signed-in contact's password: the current password and the authenticator's code are
/// checked as a sign-in checks them (failures count towards the same limits), then the new password is
/// set. Sessions stay signed in.
#[utoipa::path(post, path = "/portal/account/password", tag = "account", security(("portal" = [])),
    request_body = ChangePassword,
    responses((status = 204, description = "The new password is set"), Problems))]
pub async fn change_password(State(ctx): State<Context>, State(pool): State<PortalPool>, who: PortalPrincipal, SourceIp(ip): SourceIp, JsonBody(input): JsonBody<ChangePassword>) -> ApiResult<StatusCode> {
    let contact = signed_in(&ctx, &who).await?;
    let username = contact.portal_username.clone().unwrap_or_default();
    let throttle = Throttle::new("login", &username, &ip);
    throttle.attempt(&ctx.table).await?;
    let session = match pool.sign_in(&username, &input.current_password).await {
        Ok(SignIn::Totp { session }) => session,
        Ok(_) => return Err(ApiError::Conflict("this account has no authenticator set up".into())),
        Err(Refusal::Credentials) => return Err(ApiError::invalid("current_password", "is not the current password")),
        Err(e) => return Err(e.into()),
    };
    // The same single use as a sign-in's code.
    if !ctx.table.claim_once(keys::used_code(&username), input.code.clone(), 120).await? {
        return Err(wrong_code());
    }
    match pool.answer_totp(&username, &session, &input.code).await {
        Ok(_) => throttle.succeeded(&ctx.table).await,
        Err(Refusal::Credentials) => return Err(wrong_code()),
        Err(e) => return Err(e.into()),
    }
    match pool.set_password(&username, &input.new_password).await {
        Ok(()) => {}
        Err(Refusal::WeakPassword(why)) => return Err(ApiError::invalid("new_password", why)),
        Err(e) => return Err(e.into()),
    }
    let event = AccessEvent::new(&contact.customer_id, &contact.id, AccessEventKind::PasswordChanged, Actor::Contact { id: contact.id.clone() }, format!("from {ip}"));
    portal_access::record(&ctx, event).await?;
    Ok(StatusCode::NO_CONTENT)
}
