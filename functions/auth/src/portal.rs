//! `/portal/auth/…`: public routes. Every sign-in goes through here (the app client's secret is known
//! only to this function), and every refusal reads the same whatever its reason.
//!
//! `/portal/account/…`: the signed-in contact's own account, behind the portal authorizer. The contact
//! comes from the token only; the current password and an authenticator code prove it is them, so a
//! stolen ID token alone cannot take the account over.

use axum::{
    extract::{FromRequestParts, State},
    http::{request::Parts, StatusCode},
    Json,
};
use lambda_http::{request::RequestContext, RequestExt};
use shared::{
    error::{ApiError, ApiResult},
    extract::JsonBody,
    identity::{PortalPool, Refusal, SignIn, Tokens},
    openapi::Problems,
    outbox::{OutboxItem, OutboxTask},
    portal_access::{self, RESET_VALID_SECONDS},
    principal::PortalPrincipal,
    secrets,
    table::{
        access::{AccessEvent, AccessEventKind, AccessToken, Enrollment, TokenKind, Unique},
        contacts::{portal_refusal, Actor, Contact, PortalStatus},
        customers::{stale, Customer},
        Claim, Condition,
    },
    Context,
};
use time::OffsetDateTime;

use crate::{
    cookies::{self, SessionCookies, SetCookies},
    model::{
        otpauth_uri, Activate, ActivateTotp, Challenge, ChangePassword, Forgot, Login, LoginMfa, Refresh, Reset,
        TotpEnrollment,
    },
    throttle::Throttle,
};

/// The caller's address as API Gateway saw it.
pub struct SourceIp(pub String);

impl<S: Send + Sync> FromRequestParts<S> for SourceIp {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let ip = match parts.extensions.request_context_ref() {
            Some(RequestContext::ApiGatewayV2(c)) => c.http.source_ip.clone(),
            #[allow(unreachable_patterns)]
            _ => None,
        };
        Ok(Self(ip.unwrap_or_else(|| "unknown".into())))
    }
}

/// A contact who may sign in now: active access, contact and customer not archived, inside the
/// support period. `Err` carries the reason for the history, never for the caller.
async fn eligible(
    ctx: &Context,
    username: &str,
) -> ApiResult<Result<(Customer, Contact), (Option<Contact>, &'static str)>> {
    let Some(unique) = ctx.table.get::<Unique>(&Unique::username_key(username)).await? else {
        return Ok(Err((None, "unknown username")));
    };
    let (customer, contact) = ctx
        .table
        .customer_and_contact(&unique.customer_id, &unique.contact_id)
        .await?;
    let (Some(customer), Some(contact)) = (customer, contact) else {
        return Ok(Err((None, "no such contact")));
    };
    let reason = portal_refusal(&customer, &contact, OffsetDateTime::now_utc().date());
    Ok(match reason {
        Some(r) => Err((Some(contact), r)),
        None => Ok((customer, contact)),
    })
}

async fn failed(ctx: &Context, contact: Option<&Contact>, why: &str) -> ApiError {
    if let Some(c) = contact {
        let event = AccessEvent::new(
            &c.customer_id,
            &c.id,
            AccessEventKind::SignInFailed,
            Actor::Contact { id: c.id.clone() },
            why,
        );
        if let Err(e) = portal_access::record(ctx, event).await {
            tracing::warn!(error = %e, "could not record a failed sign-in");
        }
    }
    ApiError::Unauthorized
}

/// What both sign-in steps do first: refuse when over the limit, then find a contact who may sign in.
async fn signing_in(ctx: &Context, username: &str, ip: &str) -> ApiResult<(Throttle, Contact)> {
    let throttle = Throttle::new("login", username, ip);
    throttle.attempt(&ctx.table).await?;
    match eligible(ctx, username).await? {
        Ok((_, contact)) => Ok((throttle, contact)),
        Err((contact, why)) => Err(failed(ctx, contact.as_ref(), why).await),
    }
}

/// Step one of sign-in: username and password. Answers with the TOTP challenge.
#[utoipa::path(post, path = "/portal/auth/login", tag = "auth", request_body = Login,
    responses((status = 200, body = Challenge), Problems))]
pub async fn login(
    State(ctx): State<Context>,
    State(pool): State<PortalPool>,
    SourceIp(ip): SourceIp,
    JsonBody(input): JsonBody<Login>,
) -> ApiResult<Json<Challenge>> {
    let (throttle, contact) = signing_in(&ctx, &input.username, &ip).await?;
    let username = contact.portal_username.clone().unwrap_or_default();
    match pool.sign_in(&username, &input.password).await {
        Ok(SignIn::Totp { session }) => {
            throttle.succeeded(&ctx.table).await;
            Ok(Json(Challenge {
                challenge: "totp".into(),
                session,
            }))
        }
        Ok(_) => Err(failed(&ctx, Some(&contact), "no second factor set up").await),
        Err(_) => Err(failed(&ctx, Some(&contact), "wrong password").await),
    }
}

/// Tokens as the caller asked for them: all in the body, or (`refresh_cookie`) the refresh token in the
/// browser's session cookies only.
fn deliver(ctx: &Context, username: &str, mut tokens: Tokens, refresh_cookie: bool) -> (SetCookies, Json<Tokens>) {
    if !refresh_cookie {
        return (cookies::none(), Json(tokens));
    }
    match tokens.refresh_token.take() {
        Some(refresh_token) => (cookies::session(&ctx.config, username, &refresh_token), Json(tokens)),
        None => (cookies::none(), Json(tokens)),
    }
}

/// Step two: the authenticator code. A code is accepted once only. With `refresh_cookie` the refresh
/// token is set as an `HttpOnly` cookie instead of being returned.
#[utoipa::path(post, path = "/portal/auth/login/mfa", tag = "auth", request_body = LoginMfa,
    responses((status = 200, body = Tokens, description = "Signed in; with `refresh_cookie`, no `refresh_token` here and `Set-Cookie: portal_refresh=…, portal_user=…`"), Problems))]
pub async fn login_mfa(
    State(ctx): State<Context>,
    State(pool): State<PortalPool>,
    SourceIp(ip): SourceIp,
    JsonBody(input): JsonBody<LoginMfa>,
) -> ApiResult<(SetCookies, Json<Tokens>)> {
    let (throttle, contact) = signing_in(&ctx, &input.username, &ip).await?;
    let username = contact.portal_username.clone().unwrap_or_default();
    // Cognito accepts a code for about 90 s (one step either side): it is refused again for 120 s.
    if !ctx
        .table
        .claim_once(
            Claim::CodeUsed {
                username: &username,
                code: &input.code,
            },
            120,
        )
        .await?
    {
        return Err(failed(&ctx, Some(&contact), "code already used").await);
    }
    match pool.answer_totp(&username, &input.session, &input.code).await {
        Ok(tokens) => {
            throttle.succeeded(&ctx.table).await;
            let event = AccessEvent::new(
                &contact.customer_id,
                &contact.id,
                AccessEventKind::SignInSucceeded,
                Actor::Contact { id: contact.id.clone() },
                format!("from {ip}"),
            );
            portal_access::record(&ctx, event).await?;
            Ok(deliver(&ctx, &username, tokens, input.refresh_cookie))
        }
        Err(_) => Err(failed(&ctx, Some(&contact), "wrong code").await),
    }
}

/// New ID and access tokens for a refresh token (from the body, or the browser's session cookie), while
/// the contact may still sign in. The answer never carries a refresh token.
#[utoipa::path(post, path = "/portal/auth/refresh", tag = "auth", request_body = Refresh,
    responses((status = 200, body = Tokens), Problems))]
pub async fn refresh(
    State(ctx): State<Context>,
    State(pool): State<PortalPool>,
    cookies: SessionCookies,
    JsonBody(input): JsonBody<Refresh>,
) -> ApiResult<Json<Tokens>> {
    let (Some(username), Some(refresh_token)) = (
        input.username.or(cookies.username),
        input.refresh_token.or(cookies.refresh_token),
    ) else {
        return Err(ApiError::Unauthorized);
    };
    let Ok((_, contact)) = eligible(&ctx, &username).await? else {
        return Err(ApiError::Unauthorized);
    };
    let username = contact.portal_username.unwrap_or_default();
    Ok(Json(
        pool.refresh(&username, &refresh_token)
            .await
            .map_err(|_| ApiError::Unauthorized)?,
    ))
}

/// Signs out: the refresh token (and every other session's) stops working. A browser (no `refresh_token`
/// in the body) always gets 204 and its session cookies cleared, whether or not they were still alive;
/// an API client's dead token is 401.
#[utoipa::path(post, path = "/portal/auth/logout", tag = "auth", request_body = Refresh,
    responses((status = 204, description = "Signed out; `Set-Cookie` clears the session cookies"), Problems))]
pub async fn logout(
    State(ctx): State<Context>,
    State(pool): State<PortalPool>,
    cookies: SessionCookies,
    JsonBody(input): JsonBody<Refresh>,
) -> ApiResult<(SetCookies, StatusCode)> {
    let username = input.username.or(cookies.username);
    let Some(refresh_token) = input.refresh_token else {
        if let (Some(username), Some(refresh_token)) = (username, cookies.refresh_token) {
            match sign_out(&ctx, &pool, &username, &refresh_token).await {
                Ok(()) | Err(ApiError::Unauthorized) => {}
                Err(e) => return Err(e),
            }
        }
        return Ok((cookies::cleared(&ctx.config), StatusCode::NO_CONTENT));
    };
    sign_out(&ctx, &pool, &username.ok_or(ApiError::Unauthorized)?, &refresh_token).await?;
    Ok((cookies::none(), StatusCode::NO_CONTENT))
}

/// Only the holder of a live refresh token may sign the user out.
async fn sign_out(ctx: &Context, pool: &PortalPool, username: &str, refresh_token: &str) -> ApiResult<()> {
    let Some(unique) = ctx.table.get::<Unique>(&Unique::username_key(username)).await? else {
        return Err(ApiError::Unauthorized);
    };
    pool.refresh(&unique.value, refresh_token)
        .await
        .map_err(|_| ApiError::Unauthorized)?;
    pool.sign_out_everywhere(&unique.value).await?;
    Ok(())
}

fn bad_token() -> ApiError {
    ApiError::invalid("token", "is invalid, already used or expired")
}

/// Uses up a token in one transaction: the contact as `updated` (if still at the version read), the token
/// deleted, and the event recorded. A token spent by a concurrent request reads as a bad token.
async fn spend_token(
    ctx: &Context,
    record: &AccessToken,
    contact: &Contact,
    updated: &Contact,
    kind: AccessEventKind,
    detail: &str,
) -> ApiResult<()> {
    let event = AccessEvent::new(
        &contact.customer_id,
        &contact.id,
        kind,
        Actor::Contact { id: contact.id.clone() },
        detail,
    );
    let actions = vec![
        ctx.table.put_versioned(updated, contact.version)?,
        ctx.table
            .delete::<AccessToken>(&record.hash, Some(Condition::exists()))?,
        ctx.table.put_new(&event)?,
    ];
    ctx.table.transact_or(actions, |_| bad_token()).await?;
    Ok(())
}

/// The live token of `kind` whose contact still waits for it.
async fn live_token(
    ctx: &Context,
    token: &str,
    kind: TokenKind,
    status: PortalStatus,
) -> ApiResult<(AccessToken, Contact)> {
    if !secrets::looks_like_token(token) {
        return Err(bad_token());
    }
    let hash = secrets::hash(token);
    let record = ctx.table.get::<AccessToken>(&hash).await?.ok_or_else(bad_token)?;
    if record.kind != kind || record.is_expired(OffsetDateTime::now_utc()) {
        return Err(bad_token());
    }
    let (customer, contact) = ctx
        .table
        .customer_and_contact(&record.customer_id, &record.contact_id)
        .await?;
    let (Some(customer), Some(contact)) = (customer, contact) else {
        return Err(bad_token());
    };
    if customer.archived
        || contact.archived
        || contact.portal_status != status
        || contact.portal_token_hash.as_deref() != Some(hash.as_str())
    {
        return Err(bad_token());
    }
    Ok((record, contact))
}

/// [`live_token`], with bad tokens counted per address.
async fn guarded_token(
    ctx: &Context,
    ip: &str,
    token: &str,
    kind: TokenKind,
    status: PortalStatus,
) -> ApiResult<(AccessToken, Contact)> {
    let throttle = Throttle::per_address("token", ip, 20);
    throttle.attempt(&ctx.table).await?;
    let found = live_token(ctx, token, kind, status).await;
    if found.is_ok() {
        throttle.succeeded(&ctx.table).await;
    }
    found
}

/// Activation, step one: the invitation's token and a new password. Answers with the TOTP secret.
#[utoipa::path(post, path = "/portal/auth/activate", tag = "auth", request_body = Activate,
    responses((status = 200, body = TotpEnrollment), Problems))]
pub async fn activate(
    State(ctx): State<Context>,
    State(pool): State<PortalPool>,
    SourceIp(ip): SourceIp,
    JsonBody(input): JsonBody<Activate>,
) -> ApiResult<Json<TotpEnrollment>> {
    let (mut record, contact) =
        guarded_token(&ctx, &ip, &input.token, TokenKind::Activation, PortalStatus::Invited).await?;
    let email = contact.email.clone().ok_or_else(bad_token)?;
    pool.set_up_user(
        &record.username,
        &email,
        &contact.customer_id,
        &contact.id,
        &input.password,
    )
    .await?;
    let mut enrollment = Enrollment::default();
    let secret = match pool.sign_in(&record.username, &input.password).await? {
        SignIn::SetUpTotp { session } => {
            let (secret, session) = pool.associate_totp(Some(&session), None).await?;
            enrollment.session = session;
            secret
        }
        SignIn::Tokens(tokens) => {
            let (secret, _) = pool.associate_totp(None, Some(&tokens.access_token)).await?;
            enrollment.access_token = Some(tokens.access_token);
            enrollment.id_token = Some(tokens.id_token);
            enrollment.refresh_token = tokens.refresh_token;
            secret
        }
        SignIn::Totp { .. } => {
            return Err(ApiError::Conflict(
                "this account already has an authenticator; sign in instead".into(),
            ))
        }
    };
    record.enrollment = Some(enrollment);
    ctx.table
        .transact_or(vec![ctx.table.put_if(&record, Condition::exists())?], |_| bad_token())
        .await?;
    let issuer = ctx
        .config
        .portal_url
        .as_deref()
        .unwrap_or("Customer portal")
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    Ok(Json(TotpEnrollment {
        otpauth_uri: otpauth_uri(issuer, &record.username, &secret),
        username: record.username,
        secret,
    }))
}

/// Activation, step two: a code from the authenticator. Access becomes active and the contact is signed in
/// (with `refresh_cookie`, as by `/portal/auth/login/mfa`).
#[utoipa::path(post, path = "/portal/auth/activate/totp", tag = "auth", request_body = ActivateTotp,
    responses((status = 200, body = Tokens), Problems))]
pub async fn activate_totp(
    State(ctx): State<Context>,
    State(pool): State<PortalPool>,
    SourceIp(ip): SourceIp,
    JsonBody(input): JsonBody<ActivateTotp>,
) -> ApiResult<(SetCookies, Json<Tokens>)> {
    let (record, contact) =
        guarded_token(&ctx, &ip, &input.token, TokenKind::Activation, PortalStatus::Invited).await?;
    let enrollment = record
        .enrollment
        .clone()
        .ok_or_else(|| ApiError::Conflict("choose a password first".into()))?;
    let verified = pool
        .verify_totp(
            &record.username,
            enrollment.session.as_deref(),
            enrollment.access_token.as_deref(),
            &input.code,
        )
        .await
        .map_err(|_| {
            ApiError::invalid(
                "code",
                "does not match; check the authenticator app's clock and try the next code",
            )
        })?;
    let tokens = match verified {
        Some(t) => t,
        None => Tokens {
            id_token: enrollment.id_token.unwrap_or_default(),
            access_token: enrollment.access_token.unwrap_or_default(),
            refresh_token: enrollment.refresh_token,
            expires_in: 900,
        },
    };
    let mut updated = contact.clone();
    updated.portal_status = PortalStatus::Active;
    updated.portal_token_hash = None;
    updated.portal_invited_until = None;
    updated.version += 1;
    updated.updated_at = OffsetDateTime::now_utc();
    spend_token(
        &ctx,
        &record,
        &contact,
        &updated,
        AccessEventKind::Activated,
        "password and authenticator set",
    )
    .await?;
    Ok(deliver(&ctx, &record.username, tokens, input.refresh_cookie))
}

/// Always 202, whether or not the account exists; an active contact gets a reset link valid for an hour.
#[utoipa::path(post, path = "/portal/auth/password/forgot", tag = "auth", request_body = Forgot,
    responses((status = 202), Problems))]
pub async fn forgot(
    State(ctx): State<Context>,
    SourceIp(ip): SourceIp,
    JsonBody(input): JsonBody<Forgot>,
) -> ApiResult<StatusCode> {
    // Every request counts here: each may send an email.
    Throttle::new("forgot", &input.username, &ip)
        .attempt(&ctx.table)
        .await?;
    if let Ok((_, contact)) = eligible(&ctx, &input.username).await? {
        // Queued only: the outbox drain sends it, so the answer takes as long whether or not the account exists.
        let event = AccessEvent::new(
            &contact.customer_id,
            &contact.id,
            AccessEventKind::ResetRequested,
            Actor::Contact { id: contact.id.clone() },
            format!("from {ip}"),
        );
        let item = OutboxItem::new(OutboxTask::PasswordReset {
            customer_id: contact.customer_id.clone(),
            contact_id: contact.id.clone(),
            valid_seconds: RESET_VALID_SECONDS,
        });
        let actions = vec![ctx.table.put_new(&event)?, ctx.table.put_new(&item)?];
        if let Err(e) = ctx.table.transact_or(actions, |_| stale()).await {
            tracing::warn!(error = %e, "reset email not queued");
        }
    }
    Ok(StatusCode::ACCEPTED)
}

/// Sets a new password with a reset token and signs out every session. The next sign-in still asks for TOTP.
#[utoipa::path(post, path = "/portal/auth/password/reset", tag = "auth", request_body = Reset,
    responses((status = 204), Problems))]
pub async fn reset(
    State(ctx): State<Context>,
    State(pool): State<PortalPool>,
    SourceIp(ip): SourceIp,
    JsonBody(input): JsonBody<Reset>,
) -> ApiResult<StatusCode> {
    let (record, contact) = guarded_token(&ctx, &ip, &input.token, TokenKind::Reset, PortalStatus::Active).await?;
    // One request at a time per token: claim it before Cognito changes anything; give it back on failure.
    let in_use = Claim::TokenInUse { hash: &record.hash };
    if !ctx.table.claim_once(in_use, 60).await? {
        return Err(bad_token());
    }
    if let Err(e) = pool.set_password(&record.username, &input.password).await {
        if let Err(release) = ctx.table.release(in_use).await {
            tracing::warn!(error = %release, "reset token claim not released; it expires by itself");
        }
        return Err(e.into());
    }
    pool.sign_out_everywhere(&record.username).await?;
    let mut updated = contact.clone();
    updated.portal_token_hash = None;
    updated.version += 1;
    updated.updated_at = OffsetDateTime::now_utc();
    spend_token(
        &ctx,
        &record,
        &contact,
        &updated,
        AccessEventKind::ResetDone,
        "new password set",
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
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
pub async fn change_password(
    State(ctx): State<Context>,
    State(pool): State<PortalPool>,
    who: PortalPrincipal,
    SourceIp(ip): SourceIp,
    JsonBody(input): JsonBody<ChangePassword>,
) -> ApiResult<StatusCode> {
    let (_, contact) = ctx.table.signed_in(&who.customer_id, &who.contact_id).await?;
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
    if !ctx
        .table
        .claim_once(
            Claim::CodeUsed {
                username: &username,
                code: &input.code,
            },
            120,
        )
        .await?
    {
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
    let event = AccessEvent::new(
        &contact.customer_id,
        &contact.id,
        AccessEventKind::PasswordChanged,
        Actor::Contact { id: contact.id.clone() },
        format!("from {ip}"),
    );
    portal_access::record(&ctx, event).await?;
    Ok(StatusCode::NO_CONTENT)
}
