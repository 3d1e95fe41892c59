//! `/portal/reports/subscription` and `/portal/reports/mailed/{link}`: a contact's subscription to the
//! monthly report by email, and the link such an email carries.
//!
//! The link is not a credential: its route sits behind sign-in like every portal route, answers 404
//! to anyone but the contact it was mailed to (another company's link is not even in the caller's
//! partition), and 410 once it has expired. All it tells the recipient is which month to open.

use axum::{
    extract::{Path, State},
    Json,
};
use serde::{Deserialize, Serialize};
use shared::{
    error::{ApiError, ApiResult, FieldError},
    extract::JsonBody,
    openapi::Problems,
    principal::{module, Portal, PortalRead},
    secrets,
    table::report_mail::{MailedReportLink, ReportSubscription},
    validate::Validate,
    Context,
};
use time::OffsetDateTime;
use utoipa::ToSchema;

/// Whether the caller receives the monthly activity report by email.
#[derive(Debug, Serialize, ToSchema)]
pub struct Subscription {
    pub subscribed: bool,
    /// When the caller subscribed.
    #[serde(with = "time::serde::rfc3339::option")]
    pub since: Option<OffsetDateTime>,
    /// Where the report goes (the contact's email address).
    pub email: Option<String>,
}

/// Subscribe (`true`) or unsubscribe (`false`); either is idempotent.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubscriptionChange {
    pub subscribed: bool,
}

impl Validate for SubscriptionChange {
    fn validate(&self, _errors: &mut Vec<FieldError>) {}
}

/// The month a mailed link stands for.
#[derive(Debug, Serialize, ToSchema)]
pub struct MailedReport {
    /// `YYYY-MM`
    pub month: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

fn answer(s: Option<ReportSubscription>, email: Option<String>) -> Subscription {
    Subscription {
        subscribed: s.is_some(),
        since: s.map(|s| s.since),
        email,
    }
}

/// Whether the caller receives their company's monthly activity report by email, on the first of
/// each month (in the business's time zone) for the month before.
#[utoipa::path(get, path = "/portal/reports/subscription", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = Subscription), Problems))]
pub async fn subscription(
    State(ctx): State<Context>,
    who: PortalRead<module::Reports>,
) -> ApiResult<Json<Subscription>> {
    let (customer_id, contact_id) = (&who.0.home_customer_id, &who.0.contact_id);
    let read = ctx
        .table
        .get::<ReportSubscription>((customer_id.as_str(), contact_id.as_str()));
    let (session, found) = who.check_during(&ctx, read).await?;
    Ok(Json(answer(found, session.contact.email)))
}

/// Subscribes or unsubscribes the caller. A contact without an email address cannot subscribe (422).
/// Written from the contact's own portal only.
#[utoipa::path(put, path = "/portal/reports/subscription", tag = "portal", security(("portal" = [])),
    request_body = SubscriptionChange, responses((status = 200, body = Subscription), Problems))]
pub async fn set_subscription(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Reports>,
    JsonBody(change): JsonBody<SubscriptionChange>,
) -> ApiResult<Json<Subscription>> {
    let id = (who.customer_id.as_str(), who.contact_id.as_str());
    let email = session.contact.email.clone();
    if !change.subscribed {
        if let Err(Err(e)) = ctx
            .table
            .transact(vec![ctx.table.delete::<ReportSubscription>(id, None)?])
            .await
        {
            return Err(e);
        }
        return Ok(Json(answer(None, email)));
    }
    if email.is_none() {
        return Err(ApiError::invalid(
            "subscribed",
            "needs an email address on your contact record; ask us to add one",
        ));
    }
    if let Some(existing) = ctx.table.get::<ReportSubscription>(id).await? {
        return Ok(Json(answer(Some(existing), email)));
    }
    let new = ReportSubscription {
        customer_id: who.customer_id.clone(),
        contact_id: who.contact_id.clone(),
        since: OffsetDateTime::now_utc(),
    };
    // Two subscribes at once: the second finds the first's item and keeps it.
    match ctx.table.transact(vec![ctx.table.put_new(&new)?]).await {
        Ok(()) => Ok(Json(answer(Some(new), email))),
        Err(Ok(_)) => Ok(Json(answer(ctx.table.get::<ReportSubscription>(id).await?, email))),
        Err(Err(e)) => Err(e),
    }
}

/// The month a mailed report link stands for: 404 unless it was mailed to the caller, 410 once
/// expired. It grants nothing: the report itself is read through the routes above as usual.
#[utoipa::path(get, path = "/portal/reports/mailed/{link}", tag = "portal", security(("portal" = [])),
    params(("link" = String, Path, description = "The id the email's link carries")),
    responses((status = 200, body = MailedReport), Problems))]
pub async fn mailed(
    State(ctx): State<Context>,
    who: PortalRead<module::Reports>,
    Path(link): Path<String>,
) -> ApiResult<Json<MailedReport>> {
    let customer_id = who.0.home_customer_id.clone();
    let read = async {
        if !secrets::looks_like_token(&link) {
            return Ok(None);
        }
        ctx.table
            .get::<MailedReportLink>((&customer_id, &secrets::hash(&link)))
            .await
    };
    let (_, found) = who.check_during(&ctx, read).await?;
    let found = found
        .filter(|l| l.contact_id == who.0.contact_id && l.customer_id == who.0.home_customer_id)
        .ok_or(ApiError::NotFound)?;
    if found.expires_at <= OffsetDateTime::now_utc() {
        return Err(ApiError::Gone(
            "this link has expired; choose the month on the reports page".into(),
        ));
    }
    Ok(Json(MailedReport {
        month: found.month,
        expires_at: found.expires_at,
    }))
}
