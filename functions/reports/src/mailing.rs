//! The monthly mailing, run by the scheduler on the first of each month (in the business's time zone):
//! last month's report rendered once for every company with subscribers, and each subscriber's email
//! queued exactly once.
//!
//! Once per contact and month holds because the claim ([`ReportMailing`]) and the outbox item are one
//! conditional transaction: a second run, or two at once, finds the claim and queues nothing. A send
//! that fails leaves the outbox item for the drain, which retries it under a lease.

use serde::Serialize;
use shared::{
    error::{ApiError, ApiResult},
    modules::Module,
    outbox::{self, Delivery, OutboxTask},
    pagination::PageParams,
    table::{
        contacts::portal_refusal,
        customers::Customer,
        report_mail::{ReportMailing, ReportSubscription},
    },
    Context,
};

/// What one run did.
#[derive(Debug, Default, PartialEq, Eq, Serialize)]
pub struct Mailing {
    /// Companies whose report was rendered (or found already rendered) for the mailing.
    pub companies: usize,
    /// Emails newly queued (each contact once per month).
    pub queued: usize,
    /// Of those, sent at once (the rest wait in the outbox for the drain).
    pub sent: usize,
}

/// Mails `month`'s report (`YYYY-MM`) to every subscriber who may still read it.
pub async fn monthly_reports(ctx: &Context, month: &str) -> ApiResult<Mailing> {
    let mut page = PageParams {
        limit: Some(100),
        cursor: None,
    };
    let mut out = Mailing::default();
    // Subscriptions come a company at a time (the index is sorted by company, then contact).
    let mut company: Vec<ReportSubscription> = Vec::new();
    loop {
        let subs = ctx
            .table
            .query_page::<ReportSubscription>(&ReportSubscription::all(), &page)
            .await?;
        for s in subs.items {
            if company.first().is_some_and(|f| f.customer_id != s.customer_id) {
                mail_company(ctx, month, &std::mem::take(&mut company), &mut out).await?;
            }
            company.push(s);
        }
        match subs.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => break,
        }
    }
    if !company.is_empty() {
        mail_company(ctx, month, &company, &mut out).await?;
    }
    Ok(out)
}

/// One company: who of its subscribers may read reports now, the PDF rendered unless it already is,
/// and one claimed email each.
async fn mail_company(ctx: &Context, month: &str, subs: &[ReportSubscription], out: &mut Mailing) -> ApiResult<()> {
    let today = ctx.table.zone.today();
    let mut readers = Vec::new();
    let mut found: Option<(Customer, Vec<Module>)> = None;
    for s in subs {
        let session = ctx.table.portal_session(&s.customer_id, Some(&s.contact_id)).await?;
        let (Some(customer), Some(contact)) = (session.customer, session.contact) else {
            continue;
        };
        let may_read = session.modules.contains(&Module::Reports)
            && contact.email.is_some()
            && portal_refusal(&customer, &contact, today).is_none();
        if may_read {
            readers.push(contact.id.clone());
            found.get_or_insert((customer, session.modules));
        }
    }
    let Some((customer, modules)) = found else {
        return Ok(());
    };
    let report = crate::portal::company_report(ctx, &customer, &modules, month).await?;
    crate::delivery::store(ctx, &report).await?;
    out.companies += 1;
    for contact_id in readers {
        let claim = ReportMailing {
            customer_id: customer.id.clone(),
            contact_id: contact_id.clone(),
            month: month.to_owned(),
        };
        let task = OutboxTask::MonthlyReport {
            customer_id: customer.id.clone(),
            contact_id,
            month: month.to_owned(),
        };
        let mut claimed_before = false;
        let queued = outbox::commit_and_deliver(ctx, vec![ctx.table.put_new(&claim)?], task, |_| {
            claimed_before = true;
            ApiError::Conflict("already queued".into())
        })
        .await;
        match queued {
            Ok(delivery) => {
                out.queued += 1;
                if delivery == Delivery::Sent {
                    out.sent += 1;
                }
            }
            // Queued by this or another run already.
            Err(_) if claimed_before => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}
