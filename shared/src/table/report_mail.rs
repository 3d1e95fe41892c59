//! The monthly report by email: who subscribed, which month was queued to whom (once each), and the
//! links the emails carry.
//!
//! A mailed link names a month of the contact's own company and nothing more: it is opened through a
//! portal route behind sign-in, answers 404 to anyone but the contact it was sent to, and expires.
//! Only the hash of its id is stored, as for access tokens.

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::{keys, Entity, PrimaryKey, QuerySpec};

/// How long a mailed link opens its month.
pub const LINK_DAYS: i64 = 31;

/// A contact's subscription to their company's monthly activity report.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportSubscription {
    pub customer_id: String,
    pub contact_id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub since: OffsetDateTime,
}

impl Entity for ReportSubscription {
    const TYPE: &'static str = "report_subscription";
    /// (customer id, contact id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, contact_id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::report_subscription(contact_id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.contact_id)
    }

    /// Every subscription in one partition, a customer's together, for the monthly mailing.
    fn gsi1(&self) -> Option<(String, String)> {
        Some((
            keys::REPORT_SUBSCRIBERS.into(),
            format!("{}#{}", self.customer_id, self.contact_id),
        ))
    }
}

impl ReportSubscription {
    /// Every subscription, a customer's together.
    pub fn all() -> QuerySpec {
        QuerySpec::gsi1(keys::REPORT_SUBSCRIBERS.into())
    }
}

/// The claim that a month's report was queued to a contact, written with the outbox item in one
/// conditional transaction: a second run (or two at once) finds it and queues nothing.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ReportMailing {
    pub customer_id: String,
    pub contact_id: String,
    /// `YYYY-MM`
    pub month: String,
}

impl Entity for ReportMailing {
    const TYPE: &'static str = "report_mailing";
    /// (customer id, contact id, month)
    type Id<'a> = (&'a str, &'a str, &'a str);

    fn key((customer_id, contact_id, month): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::report_mailing(contact_id, month))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.contact_id, &self.month)
    }
}

/// A link a report email carries, stored by the hash of its id in the company's partition.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct MailedReportLink {
    pub hash: String,
    pub customer_id: String,
    pub contact_id: String,
    /// `YYYY-MM`
    pub month: String,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

impl Entity for MailedReportLink {
    const TYPE: &'static str = "report_link";
    /// (customer id, hash of the link's id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, hash): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::report_link(hash))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.hash)
    }

    fn expires_at(&self) -> Option<i64> {
        Some(self.expires_at.unix_timestamp())
    }
}
