//! What quotes and invoices have in common: priced lines, a number unique across the business, and the
//! one write that moves a quote or an invoice together with its site's and its customer's counters.
//!
//! Awaiting and overdue depend on the date, not on a change, so the counters are kept by date: a sent
//! quote counts under `quote_due#<valid until>`, an unpaid invoice under `invoice_due#<due on>`. A panel
//! reads the one counters item and sums the dates before (overdue) or from (awaiting) today.

use serde::{Deserialize, Serialize};
use time::Date;
use utoipa::ToSchema;

use super::{
    counted::Counted, counters::Counts, customers::stale, keys, sites::Site, Action, Cancelled, Entity, PrimaryKey,
    Table,
};
use crate::error::{ApiError, ApiResult};

/// One priced line. Amounts are in the currency's minor unit (pence, cents).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub description: String,
    /// How many, up to two decimals (hours may be fractional).
    pub quantity: f64,
    /// The price of one, in minor units.
    pub unit_price: i64,
}

impl Line {
    /// The line's amount in minor units, rounded half away from zero.
    pub fn amount(&self) -> i64 {
        (self.quantity * self.unit_price as f64).round() as i64
    }
}

/// Subtotal, tax and total of `lines` at `tax_rate` basis points (2000 is 20 %).
pub fn totals(lines: &[Line], tax_rate: u32) -> (i64, i64, i64) {
    let subtotal: i64 = lines.iter().map(Line::amount).sum();
    let tax = (subtotal as i128 * tax_rate as i128 + 5_000).div_euclid(10_000) as i64;
    (subtotal, tax, subtotal + tax)
}

/// How many counted under `prefix#<date>` fall before `today` and how many on or after it.
pub fn by_date(counts: &Counts, prefix: &str, today: Date) -> (i64, i64) {
    let today = today.to_string();
    let (mut before, mut from) = (0, 0);
    for (k, n) in counts {
        let Some(date) = k.strip_prefix(prefix).and_then(|r| r.strip_prefix('#')) else {
            continue;
        };
        if date.len() != 10 {
            continue;
        }
        if *date < *today.as_str() {
            before += n.max(&0);
        } else {
            from += n.max(&0);
        }
    }
    (before, from)
}

/// Amounts counted under `prefix#<currency>#<date>`, per currency: (before `today`, on or after it).
pub fn amounts_by_date(counts: &Counts, prefix: &str, today: Date) -> std::collections::BTreeMap<String, (i64, i64)> {
    let today = today.to_string();
    let mut out = std::collections::BTreeMap::<String, (i64, i64)>::new();
    for (k, n) in counts {
        let Some((currency, date)) = k
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('#'))
            .and_then(|r| r.split_once('#'))
        else {
            continue;
        };
        let entry = out.entry(currency.to_owned()).or_default();
        if date < today.as_str() {
            entry.0 += n;
        } else {
            entry.1 += n;
        }
    }
    out
}

/// A quote or invoice number, held for the business so no two documents share one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BillingNumber {
    /// `QUOTE` or `INVOICE`.
    pub kind: String,
    pub number: String,
    pub customer_id: String,
    pub document_id: String,
}

impl Entity for BillingNumber {
    const TYPE: &'static str = "billing_number";
    /// (kind, number)
    type Id<'a> = (&'a str, &'a str);

    fn key((kind, number): Self::Id<'_>) -> PrimaryKey {
        let k = keys::billing_number(kind, number);
        PrimaryKey::new(k.clone(), k)
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.kind, &self.number)
    }
}

/// A quote or an invoice: a counted record with a number of its own.
pub trait Billed: Counted {
    /// `QUOTE` or `INVOICE`: the namespace of its number.
    const NUMBER_KIND: &'static str;
    fn document_id(&self) -> &str;
    fn number(&self) -> &str;
}

impl Table {
    /// The actions that create (`before` none), change or delete (`after` none) a quote or invoice with
    /// its number and every counter it moves. The caller commits them (with an outbox item, where an
    /// email goes out) and explains a cancellation with [`billed_conflict`].
    pub fn billed_actions<E: Billed>(&self, before: Option<&E>, after: Option<&E>) -> ApiResult<Vec<Action>> {
        let mut actions = self.counted_actions(before, after)?;
        match (before, after) {
            (None, Some(a)) => actions.push(self.put_new(&BillingNumber {
                kind: E::NUMBER_KIND.into(),
                number: a.number().into(),
                customer_id: a.customer_id().into(),
                document_id: a.document_id().into(),
            })?),
            (Some(b), None) => actions.push(self.delete::<BillingNumber>((E::NUMBER_KIND, b.number()), None)?),
            _ => {}
        }
        Ok(actions)
    }

    /// Commits [`Table::billed_actions`] on their own.
    pub async fn save_billed<E: Billed>(&self, before: Option<&E>, after: Option<&E>) -> ApiResult<()> {
        let actions = self.billed_actions(before, after)?;
        self.transact_or(actions, billed_conflict::<E>).await
    }
}

/// Why a quote or invoice write was cancelled, as the caller should hear it.
pub fn billed_conflict<E: Billed>(c: Cancelled) -> ApiError {
    if c.failed(BillingNumber::TYPE) {
        ApiError::invalid("number", "is already used by another document")
    } else if c.failed(Site::TYPE) {
        ApiError::invalid("site_id", "is not a site of this customer")
    } else {
        stale()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_round_each_line_and_the_tax() {
        let lines = [
            Line {
                description: "Labour".into(),
                quantity: 1.5,
                unit_price: 4_999,
            },
            Line {
                description: "Parts".into(),
                quantity: 2.0,
                unit_price: 1_250,
            },
        ];
        // 7,498.5 rounds to 7,499; plus 2,500 is 9,999; 20 % is 1,999.8, so 2,000.
        assert_eq!(totals(&lines, 2_000), (9_999, 2_000, 11_999));
        assert_eq!(totals(&[], 2_000), (0, 0, 0));
    }

    #[test]
    fn dates_before_today_are_overdue_and_the_rest_awaiting() -> Result<(), time::error::ComponentRange> {
        let counts = Counts::from([
            ("invoice_due#2026-11-30".into(), 2),
            ("invoice_due#2026-12-02".into(), 1),
            ("invoice_due#2027-01-01".into(), 4),
            ("invoice_due#2026-10-01".into(), 0),
            ("quote_due#2026-01-01".into(), 9),
        ]);
        let today = Date::from_calendar_date(2026, time::Month::December, 2)?;
        assert_eq!(by_date(&counts, "invoice_due", today), (2, 5));
        Ok(())
    }
}
