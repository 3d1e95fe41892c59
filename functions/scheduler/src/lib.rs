//! Jobs EventBridge Scheduler runs: invitation expiry, the outbox drain, support renewal notices and
//! the monthly report mailing. Each is idempotent and safe to run twice at once: every change is
//! conditional on the state it was read in.

use serde::Serialize;
use serde_json::Value;
use shared::{
    error::{ApiError, ApiResult},
    outbox::{self, Delivery, OutboxItem, OutboxTask},
    pagination::PageParams,
    table::{
        access::{AccessEvent, AccessEventKind, AccessToken},
        contacts::{Actor, PortalStatus},
        customers::Customer,
        notices::SupportNotice,
        Condition,
    },
    Context,
};
use time::OffsetDateTime;

#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    pub expired: usize,
    pub sent: usize,
    /// Outbox items the drain could not deliver (they wait for the next run; a notice that could not be
    /// sent at once is left to the drain too, and counted there).
    pub failed: usize,
    /// Renewal notices newly queued (each contact once per contract end date).
    pub notices: usize,
    /// Monthly reports newly queued (each subscriber once per month).
    pub reports: usize,
    /// Customers whose activity counters were recounted (`recount-activity`, run by hand).
    pub recounted: usize,
    /// Customers whose search index was rebuilt (`reindex-search`, run by hand).
    pub reindexed: usize,
}

/// Runs the job an EventBridge event names in `detail.job` (or `job` for a plain input).
pub async fn handle(ctx: &Context, event: &Value) -> ApiResult<Report> {
    let job = event["detail"]["job"]
        .as_str()
        .or_else(|| event["job"].as_str())
        .unwrap_or_default();
    match job {
        "expire-invitations" => Ok(Report {
            expired: expire_invitations(ctx, OffsetDateTime::now_utc()).await?,
            ..Default::default()
        }),
        "drain-outbox" => drain_outbox(ctx).await,
        "support-notices" => support_notices(ctx, OffsetDateTime::now_utc().date()).await,
        "monthly-reports" => monthly_reports(ctx, &ctx.table.zone.month(OffsetDateTime::now_utc())).await,
        "recount-activity" => recount_activity(ctx).await,
        "reindex-search" => reindex_search(ctx).await,
        other => {
            tracing::warn!(job = other, "unknown job");
            Ok(Report::default())
        }
    }
}

/// Mails the month before `this_month` (`YYYY-MM`, the business's) to its subscribers.
pub async fn monthly_reports(ctx: &Context, this_month: &str) -> ApiResult<Report> {
    let month = shared::months::previous(this_month).ok_or(ApiError::Internal)?;
    let mailing = reports::mailing::monthly_reports(ctx, &month).await?;
    Ok(Report {
        reports: mailing.queued,
        sent: mailing.sent,
        ..Default::default()
    })
}

/// Recounts every customer's activity counters (archived ones too) from their records, in the business
/// time zone as set now: run by hand after a change of `BUSINESS_TIME_ZONE`, while the portal takes no
/// writes (see `Table::recount_activity`). Not scheduled.
pub async fn recount_activity(ctx: &Context) -> ApiResult<Report> {
    let mut report = Report::default();
    for id in every_customer(ctx).await? {
        let done = ctx.table.recount_activity(&id).await?;
        tracing::info!(customer = %id, records = done.records, changed = done.changed, "activity recounted");
        report.recounted += 1;
    }
    Ok(report)
}

/// Rebuilds every customer's search index from its records (see `Table::reindex_search`): for records
/// written before search existed, and for repair; run by hand while the portal takes no writes. Not
/// scheduled.
pub async fn reindex_search(ctx: &Context) -> ApiResult<Report> {
    let mut report = Report::default();
    for id in every_customer(ctx).await? {
        let done = ctx.table.reindex_search(&id).await?;
        tracing::info!(customer = %id, records = done.records, written = done.written, removed = done.removed, "search reindexed");
        report.reindexed += 1;
    }
    Ok(report)
}

/// The id of every customer, archived ones too.
async fn every_customer(ctx: &Context) -> ApiResult<Vec<String>> {
    let mut ids = Vec::new();
    for archived in [false, true] {
        let mut page = PageParams {
            limit: Some(100),
            cursor: None,
        };
        loop {
            let customers = ctx.table.customers(archived, &page).await?;
            ids.extend(customers.items.into_iter().map(|c| c.id));
            match customers.next_cursor {
                Some(c) => page.cursor = Some(c),
                None => break,
            }
        }
    }
    Ok(ids)
}

/// Marks invitations whose link has expired `expired`, voids their tokens and records it.
pub async fn expire_invitations(ctx: &Context, now: OffsetDateTime) -> ApiResult<usize> {
    let spec = AccessToken::invitations_expired_by(now);
    let mut page = PageParams {
        limit: Some(100),
        cursor: None,
    };
    let mut expired = 0;
    loop {
        let due = ctx.table.query_page::<AccessToken>(&spec, &page).await?;
        for token in &due.items {
            if expire_one(ctx, token).await? {
                expired += 1;
            }
        }
        match due.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => return Ok(expired),
        }
    }
}

async fn expire_one(ctx: &Context, token: &AccessToken) -> ApiResult<bool> {
    let delete_token = ctx
        .table
        .delete::<AccessToken>(&token.hash, Some(Condition::exists()))?;
    let contact = ctx.table.contact(&token.customer_id, &token.contact_id).await?;
    let waiting = contact.as_ref().filter(|c| {
        c.portal_status == PortalStatus::Invited && c.portal_token_hash.as_deref() == Some(token.hash.as_str())
    });
    let Some(contact) = waiting else {
        // A stale token (re-sent, revoked, used): void it and move on.
        if let Err(Err(e)) = ctx.table.transact(vec![delete_token]).await {
            return Err(e);
        }
        return Ok(false);
    };
    let mut updated = contact.clone();
    updated.portal_status = PortalStatus::Expired;
    updated.portal_token_hash = None;
    updated.version += 1;
    updated.updated_at = OffsetDateTime::now_utc();
    let event = AccessEvent::new(
        &contact.customer_id,
        &contact.id,
        AccessEventKind::InvitationExpired,
        Actor::System,
        "the invitation link expired unused",
    );
    let actions = vec![
        ctx.table.put_versioned(&updated, contact.version)?,
        delete_token,
        ctx.table.put_new(&event)?,
    ];
    match ctx.table.transact(actions).await {
        Ok(()) => Ok(true),
        // Someone else (another run, an activation, a re-send) changed it first.
        Err(Ok(_)) => Ok(false),
        Err(Err(e)) => Err(e),
    }
}

/// Delivers what the outbox holds; an item that fails stays for the next run with its attempts counted.
pub async fn drain_outbox(ctx: &Context) -> ApiResult<Report> {
    let items = ctx
        .table
        .query_page::<OutboxItem>(
            &OutboxItem::waiting(),
            &PageParams {
                limit: Some(100),
                cursor: None,
            },
        )
        .await?;
    let mut report = Report::default();
    for item in items.items {
        match outbox::deliver(ctx, &item).await {
            Ok(Delivery::Sent) => report.sent += 1,
            Ok(_) => {}
            Err(e) => {
                report.failed += 1;
                // deliver() released the lease and counted the attempt; the item waits for the next run.
                tracing::warn!(outbox = %item.id, attempts = item.attempts + 1, error = %e, "outbox item not delivered");
            }
        }
    }
    Ok(report)
}

/// Emails each active portal contact of every customer whose support ends within the configured
/// number of days, once per contract end date: the claim item and the outbox item are written in one
/// conditional transaction, so two runs at once queue each notice once.
pub async fn support_notices(ctx: &Context, today: time::Date) -> ApiResult<Report> {
    let until = today + time::Duration::days(ctx.config.support_notice_days);
    let spec = Customer::support_ending(today, until);
    let mut page = PageParams {
        limit: Some(100),
        cursor: None,
    };
    let mut report = Report::default();
    loop {
        let due = ctx.table.query_page::<Customer>(&spec, &page).await?;
        for customer in &due.items {
            let Some(end) = customer.support_end else { continue };
            let mut contacts_page = PageParams {
                limit: Some(100),
                cursor: None,
            };
            loop {
                let contacts = ctx.table.contacts(&customer.id, false, &contacts_page).await?;
                for contact in contacts
                    .items
                    .iter()
                    .filter(|c| c.portal_status == PortalStatus::Active)
                {
                    let claim = SupportNotice {
                        customer_id: customer.id.clone(),
                        contact_id: contact.id.clone(),
                        support_end: end.to_string(),
                    };
                    let task = OutboxTask::SupportNotice {
                        customer_id: customer.id.clone(),
                        contact_id: contact.id.clone(),
                        support_end: end.to_string(),
                    };
                    let mut queued_before = false;
                    let queued = outbox::commit_and_deliver(ctx, vec![ctx.table.put_new(&claim)?], task, |_| {
                        queued_before = true;
                        ApiError::Conflict("already queued".into())
                    })
                    .await;
                    match queued {
                        Ok(delivery) => {
                            report.notices += 1;
                            if delivery == Delivery::Sent {
                                report.sent += 1;
                            }
                        }
                        // Already queued by this or another run.
                        Err(_) if queued_before => {}
                        Err(e) => return Err(e),
                    }
                }
                match contacts.next_cursor {
                    Some(c) => contacts_page.cursor = Some(c),
                    None => break,
                }
            }
        }
        match due.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => return Ok(report),
        }
    }
}
