//! Monthly activity: what each record adds to the month it happened in, kept by `ADD` in the record's
//! own transaction, for the customer (`PK = CUSTOMER#<id>`, `SK = ACTIVITY#<YYYY-MM>`) and for each site
//! (`SK = ACTIVITY#<YYYY-MM>#SITE#<site>`). A month's report is then one Query of that month's items:
//! the total and one row per site with activity, whatever the number of events behind them.
//!
//! Months are the business's ([`BusinessZone`]). A contribution is a function of the record alone, so a
//! change moves exactly `after − before` and the counters always equal a recount of the records.
//! Figures that depend on today (routine work missed, invoices overdue) are kept under their deadline
//! (`routine_open#<last day>`, `invoices_unpaid#<due day>`) and read against today by the report.

use std::collections::BTreeMap;

use super::{
    counters::{add, Counts},
    keys, Action, PrimaryKey, Table,
};
use crate::{
    error::{from_sdk, ApiResult},
    zone::BusinessZone,
};

/// The item kind of activity counters.
pub const ENTITY: &str = "activity";

/// Counter names. Those ending in `#` take a suffix: a severity, stage, outcome, currency or day.
pub mod metric {
    pub const TICKETS_OPENED: &str = "tickets_opened";
    pub const TICKETS_CLOSED: &str = "tickets_closed";
    /// `routine#<on_time|within_tolerance|late>`: routine work due in the month, performed.
    pub const ROUTINE: &str = "routine#";
    /// `routine_open#<YYYY-MM-DD>`: routine work due in the month, not performed, by its last day.
    pub const ROUTINE_OPEN: &str = "routine_open#";
    /// `reactive#<stage>`: service calls logged in the month, by the stage they are in.
    pub const REACTIVE: &str = "reactive#";
    pub const DEFECTS_RAISED: &str = "defects_raised#";
    pub const DEFECTS_RESOLVED: &str = "defects_resolved#";
    pub const QUOTES_SENT: &str = "quotes_sent";
    pub const QUOTES_AUTHORISED: &str = "quotes_authorised";
    pub const QUOTES_DECLINED: &str = "quotes_declined";
    pub const INVOICES_ISSUED: &str = "invoices_issued";
    /// `invoices_issued_amount#<currency>`, in minor units.
    pub const INVOICES_ISSUED_AMOUNT: &str = "invoices_issued_amount#";
    pub const INVOICES_PAID: &str = "invoices_paid";
    pub const INVOICES_PAID_AMOUNT: &str = "invoices_paid_amount#";
    /// Invoices due in the month and paid after their due date.
    pub const INVOICES_LATE: &str = "invoices_late";
    pub const INVOICES_LATE_AMOUNT: &str = "invoices_late_amount#";
    /// `invoices_unpaid#<YYYY-MM-DD>`: invoices due in the month and still unpaid, by due day.
    pub const INVOICES_UNPAID: &str = "invoices_unpaid#";
    /// `invoices_unpaid_amount#<currency>#<YYYY-MM-DD>`.
    pub const INVOICES_UNPAID_AMOUNT: &str = "invoices_unpaid_amount#";
    /// Data sheet submissions, counted on the ticket each raises.
    pub const SHEETS_SUBMITTED: &str = "sheets_submitted";
    pub const DOCUMENTS_SHARED: &str = "documents_shared";
}

/// What records add to months: (month, site) → counts; the customer's total is the entry without a site.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Activity(pub BTreeMap<(String, Option<String>), Counts>);

impl Activity {
    /// Adds `n` of `metric` to the month's total and, with a site, to that site's row.
    pub fn add(&mut self, month: &str, site: Option<&str>, metric: impl Into<String>, n: i64) {
        let metric = metric.into();
        if let Some(site) = site {
            *self
                .0
                .entry((month.to_owned(), Some(site.to_owned())))
                .or_default()
                .entry(metric.clone())
                .or_insert(0) += n;
        }
        *self
            .0
            .entry((month.to_owned(), None))
            .or_default()
            .entry(metric)
            .or_insert(0) += n;
    }

    pub(super) fn merge(&mut self, other: Activity, sign: i64) {
        for (at, counts) in other.0 {
            add(self.0.entry(at).or_default(), counts, sign);
        }
    }
}

/// A record that counts in the activity report.
pub trait Reported {
    fn activity_customer(&self) -> &str;
    /// What it adds, with instants read in the business's zone.
    fn activity(&self, zone: &BusinessZone) -> Activity;
}

/// The sort key of a month's total (`site` none) or of one site's row.
pub fn sort_key(month: &str, site: Option<&str>) -> String {
    match site {
        Some(site) => format!("{}{month}#{}{site}", keys::ACTIVITY_PREFIX, keys::SITE_PREFIX),
        None => format!("{}{month}", keys::ACTIVITY_PREFIX),
    }
}

/// One month's counters, as stored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MonthActivity {
    pub total: Counts,
    /// Site id → its row; only sites with activity in the month.
    pub sites: BTreeMap<String, Counts>,
    /// Items the Query returned (the month's total and its site rows).
    pub items_read: usize,
    pub round_trips: usize,
}

impl Table {
    /// The activity side of a record's write (`before` none: created; `after` none: deleted): the
    /// difference of its contributions added to each month's and site's counters. Unconditional: the
    /// record's own action carries the condition.
    pub fn activity_actions<R: Reported>(&self, before: Option<&R>, after: Option<&R>) -> ApiResult<Vec<Action>> {
        let Some(customer_id) = after.or(before).map(|r| r.activity_customer().to_owned()) else {
            return Ok(Vec::new());
        };
        let mut moved = Activity::default();
        if let Some(b) = before {
            moved.merge(b.activity(&self.zone), -1);
        }
        if let Some(a) = after {
            moved.merge(a.activity(&self.zone), 1);
        }
        let mut actions = Vec::new();
        for ((month, site), mut counts) in moved.0 {
            counts.retain(|_, v| *v != 0);
            let key = PrimaryKey::new(keys::customer(&customer_id), sort_key(&month, site.as_deref()));
            actions.extend(self.add_counts(ENTITY, key, ENTITY, &counts)?);
        }
        Ok(actions)
    }

    /// A month's counters: one Query of the customer's partition (paged by DynamoDB's 1 MB).
    pub async fn month_activity(&self, customer_id: &str, month: &str) -> ApiResult<MonthActivity> {
        let total_key = sort_key(month, None);
        let mut out = MonthActivity::default();
        let mut start = None;
        loop {
            let page = self
                .query_prefix(keys::customer(customer_id), total_key.clone())
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(from_sdk)?;
            out.round_trips += 1;
            for item in page.items.unwrap_or_default() {
                out.items_read += 1;
                let Some(sk) = item.get(keys::SK).and_then(|v| v.as_s().ok()).cloned() else {
                    continue;
                };
                let counts = super::counters::numbers(item);
                if sk == total_key {
                    out.total = counts;
                } else if let Some(site) = sk.strip_prefix(&format!("{total_key}#{}", keys::SITE_PREFIX)) {
                    out.sites.insert(site.to_owned(), counts);
                }
            }
            start = page.last_evaluated_key;
            if start.is_none() {
                break;
            }
        }
        Ok(out)
    }

    /// The first month with any activity of the customer: one item read.
    pub async fn first_activity_month(&self, customer_id: &str) -> ApiResult<Option<String>> {
        let page = self
            .query_prefix(keys::customer(customer_id), keys::ACTIVITY_PREFIX.to_owned())
            .limit(1)
            .send()
            .await
            .map_err(from_sdk)?;
        Ok(page
            .items
            .unwrap_or_default()
            .first()
            .and_then(|i| {
                i.get(keys::SK)?
                    .as_s()
                    .ok()?
                    .strip_prefix(keys::ACTIVITY_PREFIX)?
                    .get(..7)
            })
            .map(str::to_owned))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_row_adds_to_the_total_too() {
        let mut a = Activity::default();
        a.add("2026-11", Some("S1"), metric::QUOTES_SENT, 1);
        a.add("2026-11", None, metric::TICKETS_OPENED, 2);
        assert_eq!(a.0[&("2026-11".into(), Some("S1".into()))][metric::QUOTES_SENT], 1);
        assert_eq!(a.0[&("2026-11".into(), None)][metric::QUOTES_SENT], 1);
        assert_eq!(a.0[&("2026-11".into(), None)][metric::TICKETS_OPENED], 2);
        assert_eq!(sort_key("2026-11", Some("S1")), "ACTIVITY#2026-11#SITE#S1");
    }
}
