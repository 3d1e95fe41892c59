//! Quotes and invoices made through the staff API.

use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};

use crate::TestStack;

/// A quote body for `site_id` worth 120.00 with VAT, valid for `days` more days.
pub fn quote_body(site_id: &str, number: &str, days: i64) -> Value {
    let valid = (OffsetDateTime::now_utc().date() + Duration::days(days)).to_string();
    json!({ "site_id": site_id, "number": number, "kind": "service", "title": format!("Quote {number}"),
            "lines": [{ "description": "Service", "quantity": 1, "unit_price": 10_000 }],
            "tax_rate": 2_000, "currency": "GBP", "valid_until": valid })
}

/// An invoice body for `site_id` worth 120.00 with VAT, issued and due relative to today.
pub fn invoice_body(site_id: &str, number: &str, issued_days_ago: i64, due_in_days: i64) -> Value {
    let today = OffsetDateTime::now_utc().date();
    json!({ "site_id": site_id, "number": number, "issued_on": (today - Duration::days(issued_days_ago)).to_string(),
            "due_on": (today + Duration::days(due_in_days)).to_string(),
            "lines": [{ "description": "Maintenance", "quantity": 1, "unit_price": 10_000 }],
            "tax_rate": 2_000, "currency": "GBP" })
}

async fn made(r: reqwest::Response) -> Value {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v
}

/// A sent quote and an unpaid invoice on `site_id`: (quote id, invoice id). Numbers are unique per call.
pub async fn sent_quote_and_invoice(t: &TestStack, customer_id: &str, site_id: &str) -> (String, String) {
    let staff = t.staff_token("supervisor").await;
    let base = format!("/admin/customers/{customer_id}");
    let unique = ulid::Ulid::new().to_string();
    let quote = made(
        t.post(
            &format!("{base}/quotes"),
            &staff,
            quote_body(site_id, &format!("Q-{unique}"), 30),
        )
        .await,
    )
    .await;
    let id = quote["id"].as_str().expect("id").to_owned();
    let sent = t
        .request(reqwest::Method::POST, &format!("{base}/quotes/{id}/send"), Some(&staff))
        .header("if-match", "\"1\"")
        .send()
        .await
        .expect("send");
    made(sent).await;
    let invoice = made(
        t.post(
            &format!("{base}/invoices"),
            &staff,
            invoice_body(site_id, &format!("INV-{unique}"), 5, 25),
        )
        .await,
    )
    .await;
    (id, invoice["id"].as_str().expect("id").to_owned())
}
