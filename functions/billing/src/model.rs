//! Request and response types of quotes, invoices and the activity and spend panels.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    table::{
        billing::{totals, Line},
        invoices::{Invoice, InvoiceStatus},
        quotes::{Quote, QuoteDecision, QuoteKind, QuoteStatus},
    },
    validate::{Checks, Validate, MAX_NAME, MAX_TEXT},
};
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};

const MAX_LINES: usize = 200;
/// A million pounds (or dollars …) per unit, in minor units.
const MAX_UNIT_PRICE: i64 = 100_000_000;

fn gbp() -> String {
    "GBP".into()
}

fn trimmed(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// Lines, tax rate and currency, checked the same way for quotes and invoices.
fn check_pricing(c: &mut Checks, lines: &[Line], tax_rate: u32, currency: &str) {
    if lines.is_empty() || lines.len() > MAX_LINES {
        c.0.push(FieldError::new("lines", format!("between 1 and {MAX_LINES} lines")));
    }
    for (i, l) in lines.iter().enumerate() {
        c.required(&format!("lines[{i}].description"), &l.description, MAX_NAME);
        let hundredths = l.quantity * 100.0;
        if !l.quantity.is_finite()
            || l.quantity <= 0.0
            || l.quantity > 1_000_000.0
            || (hundredths - hundredths.round()).abs() > 1e-6
        {
            c.0.push(FieldError::new(
                format!("lines[{i}].quantity"),
                "must be above 0 and at most 1,000,000, with at most two decimals",
            ));
        }
        if !(0..=MAX_UNIT_PRICE).contains(&l.unit_price) {
            c.0.push(FieldError::new(
                format!("lines[{i}].unit_price"),
                format!("must be between 0 and {MAX_UNIT_PRICE} (minor units)"),
            ));
        }
    }
    if tax_rate > 10_000 {
        c.0.push(FieldError::new("tax_rate", "basis points between 0 and 10000"));
    }
    if currency.len() != 3 || !currency.chars().all(|ch| ch.is_ascii_uppercase()) {
        c.0.push(FieldError::new("currency", "an ISO 4217 code such as GBP"));
    }
}

fn check_number(c: &mut Checks, number: &str) {
    c.required("number", number, 40);
    if number.contains('#') {
        c.0.push(FieldError::new("number", "must not contain #"));
    }
}

fn check_id(errors: &mut Vec<FieldError>, field: &str, id: Option<&str>) {
    if id.is_some_and(|v| !shared::ids::is_valid(v)) {
        errors.push(FieldError::new(field, "is not a valid identifier"));
    }
}

/// A line as shown, with its amount.
#[derive(Debug, Serialize, ToSchema)]
pub struct LineView {
    pub description: String,
    pub quantity: f64,
    pub unit_price: i64,
    pub amount: i64,
}

fn line_views(lines: Vec<Line>) -> Vec<LineView> {
    lines
        .into_iter()
        .map(|l| LineView {
            amount: l.amount(),
            description: l.description,
            quantity: l.quantity,
            unit_price: l.unit_price,
        })
        .collect()
}

/// What staff send for a quote (changeable while it is a draft; the number never changes).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteInput {
    pub site_id: String,
    pub number: String,
    pub kind: QuoteKind,
    /// The defects of the site it would fix (defect quotes).
    #[serde(default)]
    pub defect_ids: Vec<String>,
    pub title: String,
    pub description: Option<String>,
    pub lines: Vec<Line>,
    /// Basis points: 2000 is 20 %.
    pub tax_rate: u32,
    #[serde(default = "gbp")]
    pub currency: String,
    /// The last day it may be authorised.
    pub valid_until: Date,
}

impl Validate for QuoteInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        check_number(&mut c, &self.number);
        c.required("title", &self.title, MAX_NAME);
        c.optional("description", self.description.as_deref(), MAX_TEXT);
        check_pricing(&mut c, &self.lines, self.tax_rate, &self.currency);
        check_id(c.0, "site_id", Some(&self.site_id));
        for (i, d) in self.defect_ids.iter().enumerate() {
            check_id(c.0, &format!("defect_ids[{i}]"), Some(d));
        }
        if self.defect_ids.len() > 100 {
            c.0.push(FieldError::new("defect_ids", "at most 100 defects"));
        }
        match self.kind {
            QuoteKind::Defect if self.defect_ids.is_empty() => {
                c.0.push(FieldError::new(
                    "defect_ids",
                    "a defect quote names the defects it fixes",
                ));
            }
            QuoteKind::Service if !self.defect_ids.is_empty() => {
                c.0.push(FieldError::new("defect_ids", "a service quote names no defects"));
            }
            _ => {}
        }
    }
}

impl QuoteInput {
    pub fn apply(self, q: &mut Quote) {
        let (subtotal, tax, total) = totals(&self.lines, self.tax_rate);
        q.site_id = self.site_id;
        q.number = self.number.trim().to_owned();
        q.kind = self.kind;
        let mut defects = self.defect_ids;
        defects.sort();
        defects.dedup();
        q.defect_ids = defects;
        q.title = self.title.trim().to_owned();
        q.description = trimmed(self.description);
        q.lines = self
            .lines
            .into_iter()
            .map(|mut l| {
                l.description = l.description.trim().to_owned();
                l
            })
            .collect();
        q.tax_rate = self.tax_rate;
        q.currency = self.currency;
        (q.subtotal, q.tax, q.total) = (subtotal, tax, total);
        q.valid_until = self.valid_until;
        q.updated_at = OffsetDateTime::now_utc();
    }
}

/// Where a quote stands, as people read it: a sent quote past its last day reads `expired`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteState {
    Draft,
    Sent,
    Authorised,
    Declined,
    Expired,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QuoteView {
    pub id: String,
    pub site_id: String,
    pub number: String,
    pub kind: QuoteKind,
    pub defect_ids: Vec<String>,
    pub title: String,
    pub description: Option<String>,
    pub lines: Vec<LineView>,
    pub tax_rate: u32,
    pub currency: String,
    pub subtotal: i64,
    pub tax: i64,
    pub total: i64,
    pub valid_until: Date,
    pub status: QuoteState,
    #[serde(with = "time::serde::rfc3339::option")]
    pub sent_at: Option<OffsetDateTime>,
    pub decision: Option<DecisionView>,
    /// Portal only: whether the caller may authorise or decline it now.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub can_decide: Option<bool>,
    pub version: u64,
}

/// Who decided, as shown (the contact's id stays with staff).
#[derive(Debug, Serialize, ToSchema)]
pub struct DecisionView {
    pub name: String,
    pub order_number: Option<String>,
    pub note: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl From<QuoteDecision> for DecisionView {
    fn from(d: QuoteDecision) -> Self {
        Self {
            name: d.name,
            order_number: d.order_number,
            note: d.note,
            at: d.at,
        }
    }
}

impl QuoteView {
    /// As staff see it.
    pub fn staff(q: Quote, today: Date) -> Self {
        Self::new(q, today, None)
    }

    /// As a contact sees it; `authority` is the contact's grant.
    pub fn portal(q: Quote, today: Date, authority: bool) -> Self {
        let can = authority && q.status == QuoteStatus::Sent && !q.expired(today);
        Self::new(q, today, Some(can))
    }

    fn new(q: Quote, today: Date, can_decide: Option<bool>) -> Self {
        let status = match q.status {
            QuoteStatus::Sent if q.expired(today) => QuoteState::Expired,
            QuoteStatus::Draft => QuoteState::Draft,
            QuoteStatus::Sent => QuoteState::Sent,
            QuoteStatus::Authorised => QuoteState::Authorised,
            QuoteStatus::Declined => QuoteState::Declined,
        };
        Self {
            id: q.id,
            site_id: q.site_id,
            number: q.number,
            kind: q.kind,
            defect_ids: q.defect_ids,
            title: q.title,
            description: q.description,
            lines: line_views(q.lines),
            tax_rate: q.tax_rate,
            currency: q.currency,
            subtotal: q.subtotal,
            tax: q.tax,
            total: q.total,
            valid_until: q.valid_until,
            status,
            sent_at: q.sent_at,
            decision: q.decision.map(DecisionView::from),
            can_decide,
            version: q.version,
        }
    }
}

/// A contact authorising a quote.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Authorise {
    /// The name the contact signs with.
    pub name: String,
    /// The company's purchase order number, if it uses them.
    pub order_number: Option<String>,
    pub note: Option<String>,
}

impl Validate for Authorise {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("name", &self.name, MAX_NAME);
        c.optional("order_number", self.order_number.as_deref(), 64);
        c.optional("note", self.note.as_deref(), MAX_TEXT);
    }
}

/// A contact declining a quote.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Decline {
    pub name: String,
    /// Why, for the business.
    pub note: Option<String>,
}

impl Validate for Decline {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("name", &self.name, MAX_NAME);
        c.optional("note", self.note.as_deref(), MAX_TEXT);
    }
}

impl Authorise {
    pub fn decision(self, contact_id: &str) -> QuoteDecision {
        QuoteDecision {
            contact_id: contact_id.to_owned(),
            name: self.name.trim().to_owned(),
            order_number: trimmed(self.order_number),
            note: trimmed(self.note),
            at: OffsetDateTime::now_utc(),
        }
    }
}

impl Decline {
    pub fn decision(self, contact_id: &str) -> QuoteDecision {
        Authorise {
            name: self.name,
            order_number: None,
            note: self.note,
        }
        .decision(contact_id)
    }
}

/// Which quotes a list shows (drafts never reach the portal).
#[derive(Clone, Copy, Debug, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuoteFilter {
    /// Sent and undecided, expired ones included.
    Sent,
    Authorised,
    Declined,
}

impl From<QuoteFilter> for QuoteStatus {
    fn from(f: QuoteFilter) -> Self {
        match f {
            QuoteFilter::Sent => QuoteStatus::Sent,
            QuoteFilter::Authorised => QuoteStatus::Authorised,
            QuoteFilter::Declined => QuoteStatus::Declined,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct QuoteParams {
    /// `sent` (default: awaiting a decision or expired), `authorised` or `declined`.
    #[param(inline)]
    pub status: Option<QuoteFilter>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct InvoiceParams {
    /// `unpaid` (default, earliest due first), `paid` or `void` (most recent first).
    pub status: Option<InvoiceStatus>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

/// What staff send for an invoice. The number never changes, and a void invoice stays void.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvoiceInput {
    pub site_id: String,
    pub number: String,
    pub quote_id: Option<String>,
    pub issued_on: Date,
    pub due_on: Date,
    pub lines: Vec<Line>,
    /// Basis points: 2000 is 20 %.
    pub tax_rate: u32,
    #[serde(default = "gbp")]
    pub currency: String,
    #[serde(default = "unpaid")]
    pub status: InvoiceStatus,
    /// When it was paid (status `paid`); today when absent.
    pub paid_on: Option<Date>,
    /// The invoice's PDF: one of the customer's documents.
    pub document_id: Option<String>,
}

fn unpaid() -> InvoiceStatus {
    InvoiceStatus::Unpaid
}

impl Validate for InvoiceInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        check_number(&mut c, &self.number);
        check_pricing(&mut c, &self.lines, self.tax_rate, &self.currency);
        check_id(c.0, "site_id", Some(&self.site_id));
        check_id(c.0, "quote_id", self.quote_id.as_deref());
        check_id(c.0, "document_id", self.document_id.as_deref());
        if self.due_on < self.issued_on {
            c.0.push(FieldError::new("due_on", "must not be before issued_on"));
        }
        if self.paid_on.is_some() && self.status != InvoiceStatus::Paid {
            c.0.push(FieldError::new("paid_on", "only a paid invoice has a payment date"));
        }
        if self.paid_on.is_some_and(|p| p < self.issued_on) {
            c.0.push(FieldError::new("paid_on", "must not be before issued_on"));
        }
    }
}

impl InvoiceInput {
    pub fn apply(self, i: &mut Invoice) {
        let (subtotal, tax, total) = totals(&self.lines, self.tax_rate);
        let now = OffsetDateTime::now_utc();
        i.site_id = self.site_id;
        i.number = self.number.trim().to_owned();
        i.quote_id = self.quote_id;
        i.issued_on = self.issued_on;
        i.due_on = self.due_on;
        i.lines = self.lines;
        i.tax_rate = self.tax_rate;
        i.currency = self.currency;
        (i.subtotal, i.tax, i.total) = (subtotal, tax, total);
        i.paid_on = match self.status {
            InvoiceStatus::Paid => Some(self.paid_on.unwrap_or(now.date())),
            _ => None,
        };
        i.status = self.status;
        i.document_id = self.document_id;
        i.updated_at = now;
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct InvoiceView {
    pub id: String,
    pub site_id: String,
    pub number: String,
    pub quote_id: Option<String>,
    pub issued_on: Date,
    pub due_on: Date,
    pub lines: Vec<LineView>,
    pub tax_rate: u32,
    pub currency: String,
    pub subtotal: i64,
    pub tax: i64,
    pub total: i64,
    pub status: InvoiceStatus,
    /// Unpaid after its due date.
    pub overdue: bool,
    pub paid_on: Option<Date>,
    /// Whether a PDF opens through `/portal/invoices/{id}/pdf`.
    pub has_pdf: bool,
    /// Staff only: the document holding the PDF.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_id: Option<String>,
    pub version: u64,
}

impl InvoiceView {
    pub fn new(i: Invoice, today: Date, staff: bool) -> Self {
        Self {
            overdue: i.overdue(today),
            has_pdf: i.document_id.is_some(),
            document_id: if staff { i.document_id } else { None },
            id: i.id,
            site_id: i.site_id,
            number: i.number,
            quote_id: i.quote_id,
            issued_on: i.issued_on,
            due_on: i.due_on,
            lines: line_views(i.lines),
            tax_rate: i.tax_rate,
            currency: i.currency,
            subtotal: i.subtotal,
            tax: i.tax,
            total: i.total,
            status: i.status,
            paid_on: i.paid_on,
            version: i.version,
        }
    }
}

/// Staff grant or withdraw a contact's right to authorise and decline quotes.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteAuthority {
    pub authorise_quotes: bool,
}

impl Validate for QuoteAuthority {
    fn validate(&self, _: &mut Vec<FieldError>) {}
}

/// Amounts in one currency: what is past its date and what is not yet.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct DueAmounts {
    pub past: i64,
    pub current: i64,
}

/// The activity panel: outstanding quotes and invoices across the portfolio, from one item.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityPanel {
    /// Sent quotes still open for authorisation.
    pub quotes_awaiting: i64,
    /// Sent quotes past their last day, never decided.
    pub quotes_expired: i64,
    /// The value of the quotes awaiting (`current`) and expired (`past`), per currency.
    pub quote_value: BTreeMap<String, DueAmounts>,
    /// Unpaid invoices past their due date.
    pub invoices_overdue: i64,
    /// Unpaid invoices not yet due.
    pub invoices_due: i64,
    /// What is owed, overdue (`past`) and not yet due (`current`), per currency.
    pub owed: BTreeMap<String, DueAmounts>,
}

/// The spend panel: invoiced amounts (void invoices excluded) per month of issue, 12 months.
#[derive(Debug, Serialize, ToSchema)]
pub struct SpendPanel {
    pub months: Vec<MonthSpend>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MonthSpend {
    /// `YYYY-MM`.
    pub month: String,
    /// Amount per currency, in minor units.
    pub amounts: BTreeMap<String, i64>,
}

/// Today in UTC: what expired, awaiting and overdue are read against.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}
