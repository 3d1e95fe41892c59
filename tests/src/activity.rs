//! The activity counters as stored, and as recounted from the records by the report's definitions, so
//! a test can compare the two after any sequence of changes.

use std::collections::BTreeMap;

use aws_sdk_dynamodb::types::AttributeValue;
use shared::{
    table::{
        contacts::Actor,
        counters::Counts,
        defects::{Defect, DefectStatus},
        documents::{Document, DocumentStatus},
        invoices::{Invoice, InvoiceStatus},
        keys,
        operations::{Job, JobKind},
        quotes::{Quote, QuoteStatus},
        tickets::Ticket,
    },
    zone::BusinessZone,
};
use time::Date;

use crate::TestStack;

/// Every kind of record the report counts.
#[derive(Default)]
pub struct Records {
    pub tickets: Vec<Ticket>,
    pub quotes: Vec<Quote>,
    pub invoices: Vec<Invoice>,
    pub jobs: Vec<Job>,
    pub defects: Vec<Defect>,
    pub documents: Vec<Document>,
}

/// `YYYY-MM` or `YYYY-MM#SITE#<id>` → counters.
pub type ByMonth = BTreeMap<String, Counts>;

fn month(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), u8::from(d.month()))
}

/// The counters recounted by hand: every record counted under the month each event of it fell in, in
/// the business's zone, on its site's row too when it has one.
pub fn recount(zone: &BusinessZone, r: &Records) -> ByMonth {
    let mut out = ByMonth::new();
    let mut bump = |m: String, site: Option<&str>, k: String, n: i64| {
        if let Some(site) = site {
            *out.entry(format!("{m}#SITE#{site}"))
                .or_default()
                .entry(k.clone())
                .or_insert(0) += n;
        }
        *out.entry(m).or_default().entry(k).or_insert(0) += n;
    };
    for t in r.tickets.iter().filter(|t| t.visible_in_portal) {
        bump(zone.month(t.created_at), None, "tickets_opened".into(), 1);
        if t.data_sheet_id.is_some() {
            bump(zone.month(t.created_at), None, "sheets_submitted".into(), 1);
        }
        if let (true, Some(at)) = (t.status.is_closed(), t.closed_at) {
            bump(zone.month(at), None, "tickets_closed".into(), 1);
        }
    }
    for q in &r.quotes {
        let site = Some(q.site_id.as_str());
        if let (true, Some(at)) = (q.status != QuoteStatus::Draft, q.sent_at) {
            bump(zone.month(at), site, "quotes_sent".into(), 1);
        }
        let key = match q.status {
            QuoteStatus::Authorised => "quotes_authorised",
            QuoteStatus::Declined => "quotes_declined",
            _ => continue,
        };
        if let Some(d) = &q.decision {
            bump(zone.month(d.at), site, key.into(), 1);
        }
    }
    for i in r.invoices.iter().filter(|i| i.status != InvoiceStatus::Void) {
        let site = Some(i.site_id.as_str());
        let c = &i.currency;
        bump(month(i.issued_on), site, "invoices_issued".into(), 1);
        bump(month(i.issued_on), site, format!("invoices_issued_amount#{c}"), i.total);
        match (i.status, i.paid_on) {
            (InvoiceStatus::Paid, Some(paid)) => {
                bump(month(paid), site, "invoices_paid".into(), 1);
                bump(month(paid), site, format!("invoices_paid_amount#{c}"), i.total);
                if paid > i.due_on {
                    bump(month(i.due_on), site, "invoices_late".into(), 1);
                    bump(month(i.due_on), site, format!("invoices_late_amount#{c}"), i.total);
                }
            }
            (InvoiceStatus::Unpaid, _) => {
                bump(month(i.due_on), site, format!("invoices_unpaid#{}", i.due_on), 1);
                bump(
                    month(i.due_on),
                    site,
                    format!("invoices_unpaid_amount#{c}#{}", i.due_on),
                    i.total,
                );
            }
            _ => {}
        }
    }
    for j in &r.jobs {
        let Some(f) = &j.field else { continue };
        let site = Some(f.site_id.as_str());
        match (f.kind, &f.due_month) {
            (JobKind::Reactive, _) => bump(month(f.logged_on), site, format!("reactive#{}", f.stage.as_str()), 1),
            (JobKind::Routine, Some(due)) => match (f.performed_outcome(), f.grace_end()) {
                (Some(o), _) => bump(due.clone(), site, format!("routine#{}", o.as_str()), 1),
                (None, Some(end)) => bump(due.clone(), site, format!("routine_open#{end}"), 1),
                _ => {}
            },
            _ => {}
        }
    }
    for d in r.defects.iter().filter(|d| d.published) {
        let site = Some(d.site_id.as_str());
        let s = d.severity.as_str();
        bump(zone.month(d.raised_at), site, format!("defects_raised#{s}"), 1);
        if let (DefectStatus::Resolved, Some(at)) = (d.status, d.resolved_at) {
            bump(zone.month(at), site, format!("defects_resolved#{s}"), 1);
        }
    }
    for d in &r.documents {
        let shown = d.visible_in_portal && d.status == DocumentStatus::Available;
        if shown && matches!(d.uploaded_by, Actor::Staff { .. }) {
            let at = d.shared_at.unwrap_or(d.created_at);
            bump(zone.month(at), d.site_id.as_deref(), "documents_shared".into(), 1);
        }
    }
    tidy(out)
}

/// Without zero counters or items left empty.
fn tidy(mut by: ByMonth) -> ByMonth {
    for counts in by.values_mut() {
        counts.retain(|_, v| *v != 0);
    }
    by.retain(|_, c| !c.is_empty());
    by
}

/// Every activity item of the customer as stored.
pub async fn stored(t: &TestStack, customer_id: &str) -> ByMonth {
    let mut out = ByMonth::new();
    let mut start = None;
    loop {
        let page = t
            .ctx
            .table
            .client
            .query()
            .table_name(&t.ctx.table.name)
            .key_condition_expression("PK = :pk AND begins_with(SK, :p)")
            .expression_attribute_values(":pk", AttributeValue::S(keys::customer(customer_id)))
            .expression_attribute_values(":p", AttributeValue::S(keys::ACTIVITY_PREFIX.into()))
            .consistent_read(true)
            .set_exclusive_start_key(start)
            .send()
            .await
            .expect("query");
        for item in page.items.unwrap_or_default() {
            let sk = item["SK"].as_s().expect("SK")[keys::ACTIVITY_PREFIX.len()..].to_owned();
            let counts: Counts = item
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_n().ok()?.parse().ok()?)))
                .collect();
            out.insert(sk, counts);
        }
        start = page.last_evaluated_key;
        if start.is_none() {
            break;
        }
    }
    tidy(out)
}
