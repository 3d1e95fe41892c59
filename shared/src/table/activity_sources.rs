//! What each kind of record adds to the activity report ([`Reported`]). Only what the portal shows
//! counts: tickets visible in the portal, published defects, quotes once sent, invoices not void, field
//! jobs, data sheet submissions (through the tickets they raise) and documents shared with the portal.

use super::{
    activity::{metric, Activity, Reported},
    defects::{Defect, DefectStatus},
    documents::Document,
    invoices::{Invoice, InvoiceStatus},
    operations::{month_of, Job, JobKind},
    quotes::{Quote, QuoteStatus},
    tickets::Ticket,
};
use crate::{table::contacts::Actor, zone::BusinessZone};

impl Reported for Ticket {
    fn activity_customer(&self) -> &str {
        &self.customer_id
    }

    fn activity(&self, zone: &BusinessZone) -> Activity {
        let mut a = Activity::default();
        if !self.visible_in_portal {
            return a;
        }
        a.add(&zone.month(self.created_at), None, metric::TICKETS_OPENED, 1);
        // Each submission of a data sheet raises its ticket, in the same transaction: counting it here
        // counts every submission once, with no second update of the month's item in that transaction.
        if self.data_sheet_id.is_some() {
            a.add(&zone.month(self.created_at), None, metric::SHEETS_SUBMITTED, 1);
        }
        if let (true, Some(closed)) = (self.status.is_closed(), self.closed_at) {
            a.add(&zone.month(closed), None, metric::TICKETS_CLOSED, 1);
        }
        a
    }
}

impl Reported for Job {
    fn activity_customer(&self) -> &str {
        &self.customer_id
    }

    /// Routine work in its month due, by outcome once performed, else under its last day; a service
    /// call in its month logged, by stage.
    fn activity(&self, _zone: &BusinessZone) -> Activity {
        let mut a = Activity::default();
        let Some(f) = &self.field else { return a };
        let site = Some(f.site_id.as_str());
        match (f.kind, f.due_month.as_deref()) {
            (JobKind::Reactive, _) => a.add(
                &month_of(f.logged_on),
                site,
                format!("{}{}", metric::REACTIVE, f.stage.as_str()),
                1,
            ),
            (JobKind::Routine, Some(due)) => match (f.performed_outcome(), f.grace_end()) {
                (Some(outcome), _) => a.add(due, site, format!("{}{}", metric::ROUTINE, outcome.as_str()), 1),
                (None, Some(end)) => a.add(due, site, format!("{}{end}", metric::ROUTINE_OPEN), 1),
                (None, None) => {}
            },
            (JobKind::Routine, None) => {}
        }
        a
    }
}

impl Reported for Defect {
    fn activity_customer(&self) -> &str {
        &self.customer_id
    }

    fn activity(&self, zone: &BusinessZone) -> Activity {
        let mut a = Activity::default();
        if !self.published {
            return a;
        }
        let site = Some(self.site_id.as_str());
        let severity = self.severity.as_str();
        a.add(
            &zone.month(self.raised_at),
            site,
            format!("{}{severity}", metric::DEFECTS_RAISED),
            1,
        );
        if let (DefectStatus::Resolved, Some(at)) = (self.status, self.resolved_at) {
            a.add(
                &zone.month(at),
                site,
                format!("{}{severity}", metric::DEFECTS_RESOLVED),
                1,
            );
        }
        a
    }
}

impl Reported for Quote {
    fn activity_customer(&self) -> &str {
        &self.customer_id
    }

    fn activity(&self, zone: &BusinessZone) -> Activity {
        let mut a = Activity::default();
        let site = Some(self.site_id.as_str());
        if let (false, Some(sent)) = (self.status == QuoteStatus::Draft, self.sent_at) {
            a.add(&zone.month(sent), site, metric::QUOTES_SENT, 1);
        }
        let decided = match self.status {
            QuoteStatus::Authorised => Some(metric::QUOTES_AUTHORISED),
            QuoteStatus::Declined => Some(metric::QUOTES_DECLINED),
            _ => None,
        };
        if let (Some(name), Some(d)) = (decided, &self.decision) {
            a.add(&zone.month(d.at), site, name, 1);
        }
        a
    }
}

impl Reported for Invoice {
    fn activity_customer(&self) -> &str {
        &self.customer_id
    }

    /// Issued in its month of issue; paid in its month paid; and in its month due, paid late or still
    /// unpaid (by due day: overdue once that day has passed).
    fn activity(&self, _zone: &BusinessZone) -> Activity {
        let mut a = Activity::default();
        if self.status == InvoiceStatus::Void {
            return a;
        }
        let site = Some(self.site_id.as_str());
        let cur = &self.currency;
        let issued = month_of(self.issued_on);
        a.add(&issued, site, metric::INVOICES_ISSUED, 1);
        a.add(
            &issued,
            site,
            format!("{}{cur}", metric::INVOICES_ISSUED_AMOUNT),
            self.total,
        );
        let due = month_of(self.due_on);
        match (self.status, self.paid_on) {
            (InvoiceStatus::Paid, Some(paid)) => {
                a.add(&month_of(paid), site, metric::INVOICES_PAID, 1);
                a.add(
                    &month_of(paid),
                    site,
                    format!("{}{cur}", metric::INVOICES_PAID_AMOUNT),
                    self.total,
                );
                if paid > self.due_on {
                    a.add(&due, site, metric::INVOICES_LATE, 1);
                    a.add(&due, site, format!("{}{cur}", metric::INVOICES_LATE_AMOUNT), self.total);
                }
            }
            (InvoiceStatus::Unpaid, _) => {
                a.add(&due, site, format!("{}{}", metric::INVOICES_UNPAID, self.due_on), 1);
                a.add(
                    &due,
                    site,
                    format!("{}{cur}#{}", metric::INVOICES_UNPAID_AMOUNT, self.due_on),
                    self.total,
                );
            }
            _ => {}
        }
        a
    }
}

impl Reported for Document {
    fn activity_customer(&self) -> &str {
        &self.customer_id
    }

    /// A document the business shared with the portal counts in the month it was last shared, and on
    /// its site if it has one (contacts' own uploads are not "shared with" them).
    fn activity(&self, zone: &BusinessZone) -> Activity {
        let mut a = Activity::default();
        if self.shown() && matches!(self.uploaded_by, Actor::Staff { .. }) {
            a.add(
                &zone.month(self.shared_at.unwrap_or(self.created_at)),
                self.site_id.as_deref(),
                metric::DOCUMENTS_SHARED,
                1,
            );
        }
        a
    }
}
