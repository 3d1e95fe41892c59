//! Invoices: what the business billed a customer for work on a site. Overdue is derived from the due
//! date; the PDF is one of the customer's documents.

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
pub enum InvoiceStatus {
    Unpaid,
    Paid,
    /// Cancelled: it counts for nothing and cannot change again.
    Void,
}

impl InvoiceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unpaid => "unpaid",
            Self::Paid => "paid",
            Self::Void => "void",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Invoice {
    pub id: String,
    pub customer_id: String,
    pub site_id: String,
    /// The business's invoice number, unique across the business.
    pub number: String,
    /// The quote it bills, if any.
    pub quote_id: Option<String>,
    pub issued_on: Date,
    pub due_on: Date,
    pub lines: Vec<Line>,
    /// Basis points: 2000 is 20 %.
    pub tax_rate: u32,
    pub currency: String,
    pub subtotal: i64,
    pub tax: i64,
    pub total: i64,
    pub status: InvoiceStatus,
    pub paid_on: Option<Date>,
    /// The invoice's PDF, a document of the customer.
    pub document_id: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Entity for Invoice {
    const TYPE: &'static str = "invoice";
    /// (customer id, invoice id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::invoice(id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.id)
    }

    /// The customer's invoices by status, then due date.
    fn gsi1(&self) -> Option<(String, String)> {
        Some((keys::customer_invoices(&self.customer_id), self.listing_key()))
    }

    /// The site's invoices, the same way.
    fn gsi2(&self) -> Option<(String, String)> {
        Some((
            keys::site_invoices(&self.customer_id, &self.site_id),
            self.listing_key(),
        ))
    }
}

impl Versioned for Invoice {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}

impl Invoice {
    fn listing_key(&self) -> String {
        format!("{}#{}#{}", self.status.as_str().to_uppercase(), self.due_on, self.id)
    }

    fn spec(mut spec: QuerySpec, status: InvoiceStatus) -> QuerySpec {
        // Unpaid ones earliest due first, so the overdue lead; the rest most recent first.
        if status != InvoiceStatus::Unpaid {
            spec = spec.newest_first();
        }
        spec.sort_prefix = Some(format!("{}#", status.as_str().to_uppercase()));
        spec
    }

    /// A customer's invoices in one status.
    pub fn of_customer(customer_id: &str, status: InvoiceStatus) -> QuerySpec {
        Self::spec(QuerySpec::gsi1(keys::customer_invoices(customer_id)), status)
    }

    /// A site's invoices in one status.
    pub fn on_site(customer_id: &str, site_id: &str, status: InvoiceStatus) -> QuerySpec {
        Self::spec(QuerySpec::gsi2(keys::site_invoices(customer_id, site_id)), status)
    }

    /// Unpaid after its due date.
    pub fn overdue(&self, today: Date) -> bool {
        self.status == InvoiceStatus::Unpaid && self.due_on < today
    }
}

impl Billed for Invoice {
    const NUMBER_KIND: &'static str = "INVOICE";

    fn document_id(&self) -> &str {
        &self.id
    }
    fn number(&self) -> &str {
        &self.number
    }
}

impl Counted for Invoice {
    fn customer_id(&self) -> &str {
        &self.customer_id
    }
    fn site_id(&self) -> Option<&str> {
        Some(&self.site_id)
    }
    fn version(&self) -> u64 {
        self.version
    }

    /// An unpaid invoice counts under its due date.
    fn site_contribution(&self) -> Counts {
        match self.status {
            InvoiceStatus::Unpaid => Counts::from([(format!("invoice_due#{}", self.due_on), 1)]),
            _ => Counts::new(),
        }
    }

    /// The same with the amount owed, and every invoice not void adds its total to its issue month (spend).
    fn customer_contribution(&self) -> Counts {
        let mut c = self.site_contribution();
        if self.status == InvoiceStatus::Unpaid {
            c.insert(format!("invoice_owed#{}#{}", self.currency, self.due_on), self.total);
        }
        if self.status != InvoiceStatus::Void {
            let month = super::operations::month_of(self.issued_on);
            c.insert(format!("invoiced#{}#{month}", self.currency), self.total);
        }
        c
    }
}
