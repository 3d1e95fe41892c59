//! Quotes: priced work the business offers a customer, for a site, for some of its defects or as a
//! service. Contacts see them once sent and authorise or decline each once.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::{
    billing::{Billed, Line},
    counted::Counted,
    counters::Counts,
    keys, Entity, PrimaryKey, QuerySpec, Versioned,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// To fix defects found on the site.
    Defect,
    /// For a service the customer asked for.
    Service,
}

/// What is stored; `expired` is a sent quote past its validity, derived when read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteStatus {
    Draft,
    Sent,
    Authorised,
    Declined,
}

impl QuoteStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Sent => "sent",
            Self::Authorised => "authorised",
            Self::Declined => "declined",
        }
    }
}

/// Who authorised or declined a quote, and what they said.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct QuoteDecision {
    pub contact_id: String,
    /// The name the contact signed with.
    pub name: String,
    pub order_number: Option<String>,
    pub note: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Quote {
    pub id: String,
    pub customer_id: String,
    pub site_id: String,
    /// The business's quote number, unique across the business.
    pub number: String,
    pub kind: QuoteKind,
    /// The defects it would fix (defect quotes).
    #[serde(default)]
    pub defect_ids: Vec<String>,
    pub title: String,
    pub description: Option<String>,
    pub lines: Vec<Line>,
    /// Basis points: 2000 is 20 %.
    pub tax_rate: u32,
    /// ISO 4217, such as `GBP`.
    pub currency: String,
    pub subtotal: i64,
    pub tax: i64,
    pub total: i64,
    /// The last day it may be authorised.
    pub valid_until: Date,
    pub status: QuoteStatus,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub sent_at: Option<OffsetDateTime>,
    pub decision: Option<QuoteDecision>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Entity for Quote {
    const TYPE: &'static str = "quote";
    /// (customer id, quote id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::quote(id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.id)
    }

    /// Every quote by time of creation, for the staff reports.
    fn gsi3(&self) -> Option<(String, String)> {
        Some(keys::created(
            keys::report_kind::QUOTE,
            self.created_at,
            &self.customer_id,
            &self.id,
        ))
    }

    /// The customer's quotes past draft, by status, newest sent first within it (sparse).
    fn gsi1(&self) -> Option<(String, String)> {
        self.listing_key()
            .map(|sk| (keys::customer_quotes(&self.customer_id), sk))
    }

    /// The site's quotes past draft, the same way (sparse).
    fn gsi2(&self) -> Option<(String, String)> {
        self.listing_key()
            .map(|sk| (keys::site_quotes(&self.customer_id, &self.site_id), sk))
    }
}

impl Versioned for Quote {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}

impl Quote {
    fn listing_key(&self) -> Option<String> {
        let sent = self.sent_at?;
        (self.status != QuoteStatus::Draft).then(|| {
            format!(
                "{}#{:012}#{}",
                self.status.as_str().to_uppercase(),
                sent.unix_timestamp().max(0),
                self.id
            )
        })
    }

    /// A customer's quotes, drafts included, newest first (staff).
    pub fn of_customer(customer_id: &str) -> QuerySpec {
        QuerySpec::table(keys::customer(customer_id), keys::QUOTE_PREFIX).newest_first()
    }

    /// The customer's quotes in one status (past draft), newest sent first.
    pub fn sent_of_customer(customer_id: &str, status: QuoteStatus) -> QuerySpec {
        let mut spec = QuerySpec::gsi1(keys::customer_quotes(customer_id)).newest_first();
        spec.sort_prefix = Some(format!("{}#", status.as_str().to_uppercase()));
        spec
    }

    /// A site's quotes in one status (past draft), newest sent first.
    pub fn sent_on_site(customer_id: &str, site_id: &str, status: QuoteStatus) -> QuerySpec {
        let mut spec = QuerySpec::gsi2(keys::site_quotes(customer_id, site_id)).newest_first();
        spec.sort_prefix = Some(format!("{}#", status.as_str().to_uppercase()));
        spec
    }

    /// Sent, not yet decided, and past its last day.
    pub fn expired(&self, today: Date) -> bool {
        self.status == QuoteStatus::Sent && self.valid_until < today
    }
}

impl Billed for Quote {
    const NUMBER_KIND: &'static str = "QUOTE";

    fn document_id(&self) -> &str {
        &self.id
    }
    fn number(&self) -> &str {
        &self.number
    }
}

impl Counted for Quote {
    fn customer_id(&self) -> &str {
        &self.customer_id
    }
    fn site_id(&self) -> Option<&str> {
        Some(&self.site_id)
    }
    fn version(&self) -> u64 {
        self.version
    }

    /// A sent quote awaits authorisation until its last day.
    fn site_contribution(&self) -> Counts {
        match self.status {
            QuoteStatus::Sent => Counts::from([(format!("quote_due#{}", self.valid_until), 1)]),
            _ => Counts::new(),
        }
    }

    /// The same, with its value.
    fn customer_contribution(&self) -> Counts {
        let mut c = self.site_contribution();
        if self.status == QuoteStatus::Sent {
            c.insert(
                format!("quote_value#{}#{}", self.currency, self.valid_until),
                self.total,
            );
        }
        c
    }
}
