//! The outbox: work that must happen after a commit (an email), written in the same transaction as the
//! change and deleted once done.
//!
//! - `item`: the outbox item, its tasks and what became of a delivery;
//! - `lease`: leases (one sender at a time), release and deletion;
//! - `access_emails`, `ticket_emails` and `emails`: what each task sends;
//! - here: [`commit_and_deliver`], which every change with an email goes through, and [`deliver`], the
//!   one dispatcher (the drain in the scheduler uses it too).

mod access_emails;
mod emails;
mod item;
mod lease;
mod ticket_emails;

use std::future::Future;

pub use item::{Delivery, NoticeRecipient, OutboxItem, OutboxTask, TicketEvent};

use crate::{
    email::{self, Email},
    error::{ApiError, ApiResult},
    table::{access::TokenKind, Action, Cancelled},
    Context,
};

/// How long a sender holds an item before another may take it.
const LEASE_SECONDS: i64 = 120;

/// Commits `actions` together with the outbox item for `task`, then tries to deliver it at once.
/// A failed condition comes back through `explain`; a delivery that fails answers `Queued` (the
/// item waits for the next drain).
pub async fn commit_and_deliver(
    ctx: &Context,
    mut actions: Vec<Action>,
    task: OutboxTask,
    explain: impl FnOnce(Cancelled) -> ApiError,
) -> ApiResult<Delivery> {
    let ((), delivery) = commit_and_deliver_with(ctx, task, |put| async move {
        actions.push(put);
        ctx.table.transact_or(actions, explain).await
    })
    .await?;
    Ok(delivery)
}

/// The same for a change that commits in its own way (a numbered ticket): `commit` gets the outbox
/// item's `Put` to write in its transaction (it may write it again on a retry). Nothing is delivered
/// unless `commit` succeeds.
pub async fn commit_and_deliver_with<T, Fut>(
    ctx: &Context,
    task: OutboxTask,
    commit: impl FnOnce(Action) -> Fut,
) -> ApiResult<(T, Delivery)>
where
    Fut: Future<Output = ApiResult<T>>,
{
    let (value, deliveries) = commit_and_deliver_all(ctx, vec![task], |mut puts| commit(puts.remove(0))).await?;
    Ok((value, deliveries.first().copied().unwrap_or(Delivery::Queued)))
}

/// Several emails of one change: `commit` gets one `Put` per task, in order, to write in its
/// transaction; after it succeeds each is delivered (an empty list commits with nothing to send).
pub async fn commit_and_deliver_all<T, Fut>(
    ctx: &Context,
    tasks: Vec<OutboxTask>,
    commit: impl FnOnce(Vec<Action>) -> Fut,
) -> ApiResult<(T, Vec<Delivery>)>
where
    Fut: Future<Output = ApiResult<T>>,
{
    let items: Vec<OutboxItem> = tasks.into_iter().map(OutboxItem::new).collect();
    let puts = items
        .iter()
        .map(|i| ctx.table.put_new(i))
        .collect::<ApiResult<Vec<_>>>()?;
    let value = commit(puts).await?;
    let mut deliveries = Vec::with_capacity(items.len());
    for item in &items {
        deliveries.push(match deliver(ctx, item).await {
            Ok(delivery) => delivery,
            Err(e) => {
                tracing::warn!(outbox = %item.id, error = %e, "email left in the outbox");
                Delivery::Queued
            }
        });
    }
    Ok((value, deliveries))
}

/// Works one outbox item under a lease, so two drains never send it twice at once; a failure releases
/// the lease (counting the attempt) and leaves the item for the next drain.
pub async fn deliver(ctx: &Context, item: &OutboxItem) -> ApiResult<Delivery> {
    if !ctx.table.lease_outbox(&item.id, LEASE_SECONDS).await? {
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

/// Sends what the task stands for, then deletes the item (sent, or pointless now).
async fn deliver_leased(ctx: &Context, item: &OutboxItem) -> ApiResult<Delivery> {
    // On the heap: every task's message builder in one state machine is too large for a small stack.
    let delivery = Box::pin(send(ctx, &item.task)).await?;
    ctx.table.delete_outbox(&item.id).await?;
    Ok(delivery)
}

/// Sends what one task stands for.
async fn send(ctx: &Context, task: &OutboxTask) -> ApiResult<Delivery> {
    Ok(match task {
        OutboxTask::Invitation {
            customer_id,
            contact_id,
        } => {
            let valid = ctx.config.invitation_days * 86_400;
            access_emails::send(ctx, customer_id, contact_id, TokenKind::Activation, valid).await?
        }
        OutboxTask::PasswordReset {
            customer_id,
            contact_id,
            valid_seconds,
        } => access_emails::send(ctx, customer_id, contact_id, TokenKind::Reset, *valid_seconds).await?,
        OutboxTask::TicketCreated { customer_id, ticket_id } => {
            let (event, to) = (TicketEvent::Created, NoticeRecipient::Owner);
            mail(ctx, ticket_emails::notice(ctx, customer_id, ticket_id, &event, to)).await?
        }
        OutboxTask::TicketNotice {
            customer_id,
            ticket_id,
            event,
            to,
        } => mail(ctx, ticket_emails::notice(ctx, customer_id, ticket_id, event, *to)).await?,
        OutboxTask::TicketEmail {
            customer_id,
            ticket_id,
            note_id,
        } => mail(ctx, ticket_emails::staff_email(ctx, customer_id, ticket_id, note_id)).await?,
        OutboxTask::SheetSubmitted { customer_id, sheet_id } => {
            mail(ctx, emails::sheet_submitted(ctx, customer_id, sheet_id)).await?
        }
        OutboxTask::QuoteDecided { customer_id, quote_id } => {
            mail(ctx, emails::quote_decided(ctx, customer_id, quote_id)).await?
        }
        OutboxTask::SupportNotice {
            customer_id,
            contact_id,
            support_end,
        } => mail(ctx, emails::support_notice(ctx, customer_id, contact_id, support_end)).await?,
        OutboxTask::MonthlyReport {
            customer_id,
            contact_id,
            month,
        } => mail(ctx, emails::monthly_report(ctx, customer_id, contact_id, month)).await?,
    })
}

/// Sends the message `message` builds (the sender address is required first), or nothing when it
/// builds none.
async fn mail(ctx: &Context, message: impl Future<Output = ApiResult<Option<Email>>>) -> ApiResult<Delivery> {
    let from = sender(ctx)?;
    let Some(message) = message.await? else {
        return Ok(Delivery::Dropped);
    };
    email::send(ctx.clients.ses(), from, &message).await?;
    Ok(Delivery::Sent)
}

/// The address emails come from; without one configured, nothing can be sent.
fn sender(ctx: &Context) -> ApiResult<&str> {
    crate::config::Config::require(&ctx.config.sender_email, "SENDER_EMAIL").map_err(|_| ApiError::Internal)
}

/// The portal's address for links in emails.
fn portal_url(ctx: &Context) -> &str {
    ctx.config
        .portal_url
        .as_deref()
        .unwrap_or("http://127.0.0.1:3000")
        .trim_end_matches('/')
}
