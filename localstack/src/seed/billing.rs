//! Acme's quotes in every state and a year of invoices (paid, overdue, due, void), plus one of each for
//! Globex. Quotes and invoices are found again by their numbers. Alice may authorise quotes; Bob may not.
//!
//! What can be made now goes through the staff routes. A quote that expired or was decided in the past
//! cannot be made that way (a quote is sent only before its last day, and decisions are the contacts'),
//! so those are written with the same storage call the routes use, which keeps the counters too.

use serde_json::{json, Value};
use shared::{
    table::{
        billing::Line,
        quotes::{Quote, QuoteDecision, QuoteKind, QuoteStatus},
    },
    Context,
};
use time::{Date, Duration, OffsetDateTime};

use super::{api::Api, People};
use crate::provision::BoxError;

const VAT: u32 = 2_000;

/// (number, site, title, lines as (description, quantity, unit price in pence))
type QuoteSpec = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, f64, i64)],
);

const SENT: [QuoteSpec; 2] = [
    (
        "Q-1001",
        "Acme House",
        "Replace discharged extinguisher",
        &[("CO2 extinguisher 2 kg", 1.0, 8_500), ("Labour (hours)", 0.5, 6_000)],
    ),
    (
        "Q-1002",
        "Riverside Offices",
        "Annual sprinkler inspection",
        &[("Sprinkler inspection", 1.0, 45_000), ("Flow test", 2.0, 7_500)],
    ),
];
const EXPIRED: QuoteSpec = (
    "Q-1003",
    "Stratford Training Centre",
    "Fire door glazing replacement",
    &[
        ("Fire-rated glazing panel", 2.0, 32_000),
        ("Labour (hours)", 3.0, 6_000),
    ],
);
const AUTHORISED: QuoteSpec = (
    "Q-1004",
    "Camden Depot",
    "Emergency lighting upgrade",
    &[("LED emergency luminaire", 12.0, 9_500), ("Labour (hours)", 6.0, 6_000)],
);
const DECLINED: QuoteSpec = (
    "Q-1005",
    "Canary Wharf Suite",
    "Additional hydrant test",
    &[("Hydrant flow test", 1.0, 22_000)],
);
const DRAFT: QuoteSpec = (
    "Q-1006",
    "Acme House",
    "Alarm panel replacement",
    &[
        ("Addressable alarm panel", 1.0, 240_000),
        ("Labour (hours)", 8.0, 6_000),
    ],
);
const GLOBEX_SENT: QuoteSpec = (
    "Q-2001",
    "Globex Tower",
    "Server room suppression service",
    &[("Gas suppression service", 1.0, 68_000)],
);

fn lines(spec: &QuoteSpec) -> Value {
    json!(spec
        .3
        .iter()
        .map(|(d, q, p)| json!({ "description": d, "quantity": q, "unit_price": p }))
        .collect::<Vec<_>>())
}

fn site_id(sites: &[Value], name: &str) -> Result<String, BoxError> {
    Ok(sites
        .iter()
        .find(|s| s["name"] == name)
        .and_then(|s| s["id"].as_str())
        .ok_or_else(|| format!("the demo site {name}"))?
        .to_owned())
}

/// A quote made through the staff routes, sent unless `draft`.
async fn quote(
    api: &Api,
    customer: &str,
    sites: &[Value],
    spec: &QuoteSpec,
    defects: Value,
    draft: bool,
    today: Date,
) -> Result<(), BoxError> {
    let uri = format!("/admin/customers/{customer}/quotes");
    let kind = if defects.as_array().is_some_and(|d| !d.is_empty()) {
        "defect"
    } else {
        "service"
    };
    let made = api
        .create(
            &uri,
            json!({
                "site_id": site_id(sites, spec.1)?, "number": spec.0, "kind": kind, "defect_ids": defects,
                "title": spec.2, "description": null, "lines": lines(spec), "tax_rate": VAT, "currency": "GBP",
                "valid_until": (today + Duration::days(if spec.0 == "Q-1002" { 14 } else { 30 })).to_string(),
            }),
        )
        .await?;
    if !draft {
        let id = made["id"].as_str().unwrap_or_default();
        let version = made["version"].as_u64().unwrap_or(1);
        api.staff_at("POST", &format!("{uri}/{id}/send"), version).await?;
    }
    Ok(())
}

/// A quote in a state only time or a contact brings about, written through the same storage call.
async fn past_quote(
    ctx: &Context,
    customer: &str,
    sites: &[Value],
    spec: &QuoteSpec,
    status: QuoteStatus,
    decision: Option<(&str, Option<&str>, &str)>,
    contact_id: &str,
) -> Result<(), BoxError> {
    let now = OffsetDateTime::now_utc();
    let lines: Vec<Line> = serde_json::from_value(lines(spec))?;
    let (subtotal, tax, total) = shared::table::billing::totals(&lines, VAT);
    let sent = now - Duration::days(40);
    let quote = Quote {
        id: shared::ids::new_id(),
        customer_id: customer.to_owned(),
        site_id: site_id(sites, spec.1)?,
        number: spec.0.to_owned(),
        kind: QuoteKind::Service,
        defect_ids: Vec::new(),
        title: spec.2.to_owned(),
        description: None,
        lines,
        tax_rate: VAT,
        currency: "GBP".into(),
        subtotal,
        tax,
        total,
        valid_until: (now - Duration::days(10)).date(),
        status,
        sent_at: Some(sent),
        decision: decision.map(|(name, order_number, note)| QuoteDecision {
            contact_id: contact_id.to_owned(),
            name: name.to_owned(),
            order_number: order_number.map(str::to_owned),
            note: Some(note.to_owned()),
            at: sent + Duration::days(12),
        }),
        created_at: sent,
        updated_at: sent + Duration::days(12),
        version: 1,
    };
    ctx.table.save_billed(None, Some(&quote)).await?;
    Ok(())
}

/// (number, site, months ago issued, pence before VAT, status, has a PDF)
type InvoiceSpec = (&'static str, &'static str, i64, i64, &'static str, bool);

const INVOICES: [InvoiceSpec; 14] = [
    ("INV-1101", "Acme House", 11, 98_000, "paid", false),
    ("INV-1102", "Riverside Offices", 10, 45_500, "paid", false),
    ("INV-1103", "Camden Depot", 9, 120_000, "paid", false),
    ("INV-1104", "Canary Wharf Suite", 8, 38_000, "paid", false),
    ("INV-1105", "Shoreditch Studio", 7, 76_000, "paid", false),
    ("INV-1106", "Kensington Showroom", 6, 54_000, "paid", false),
    ("INV-1107", "Greenwich Warehouse", 5, 143_000, "paid", false),
    ("INV-1108", "Hammersmith Clinic", 4, 61_000, "paid", false),
    ("INV-1109", "Islington Library Annex", 3, 47_500, "paid", false),
    ("INV-1110", "Brixton Community Hall", 2, 88_000, "paid", false),
    ("INV-1111", "Acme House", 2, 125_000, "unpaid", true),
    ("INV-1112", "Riverside Offices", 1, 36_000, "unpaid", true),
    ("INV-1113", "Camden Depot", 0, 52_000, "unpaid", false),
    ("INV-1114", "Stratford Training Centre", 1, 19_000, "void", false),
];

async fn invoice(
    api: &Api,
    customer: &str,
    sites: &[Value],
    spec: &InvoiceSpec,
    document_id: Option<String>,
    today: Date,
) -> Result<(), BoxError> {
    let (number, site, months_ago, pence, status, _) = *spec;
    // INV-1111 and INV-1112 fall overdue (due 20 and 5 days ago); INV-1113 is due in 20 days.
    let (issued, due) = match number {
        "INV-1111" => (today - Duration::days(50), today - Duration::days(20)),
        "INV-1112" => (today - Duration::days(35), today - Duration::days(5)),
        "INV-1113" => (today - Duration::days(10), today + Duration::days(20)),
        _ => {
            let issued = today - Duration::days(30 * months_ago + 3);
            (issued, issued + Duration::days(30))
        }
    };
    let paid_on = (status == "paid").then(|| (due - Duration::days(4)).to_string());
    api.create(
        &format!("/admin/customers/{customer}/invoices"),
        json!({
            "site_id": site_id(sites, site)?, "number": number, "quote_id": null,
            "issued_on": issued.to_string(), "due_on": due.to_string(),
            "lines": [{ "description": "Planned fire safety maintenance", "quantity": 1, "unit_price": pence }],
            "tax_rate": VAT, "currency": "GBP", "status": status, "paid_on": paid_on, "document_id": document_id,
        }),
    )
    .await?;
    Ok(())
}

async fn numbers(api: &Api, customer: &str) -> Result<Vec<String>, BoxError> {
    let mut out: Vec<String> = api
        .all(None, &format!("/admin/customers/{customer}/quotes"))
        .await?
        .iter()
        .filter_map(|q| q["number"].as_str().map(str::to_owned))
        .collect();
    for status in ["unpaid", "paid", "void"] {
        for i in api
            .all(None, &format!("/admin/customers/{customer}/invoices?status={status}"))
            .await?
        {
            out.extend(i["number"].as_str().map(str::to_owned));
        }
    }
    Ok(out)
}

pub async fn seed(ctx: &Context, api: &Api, people: &People) -> Result<(), BoxError> {
    let today = OffsetDateTime::now_utc().date();
    let acme = people.acme.id.as_str();
    let globex = people.globex.id.as_str();
    api.staff(
        "PUT",
        &format!("/admin/contacts/{}/quote-authority", people.alice.id),
        json!({ "authorise_quotes": true }),
    )
    .await?;
    api.staff(
        "PUT",
        &format!("/admin/contacts/{}/quote-authority", people.dan.id),
        json!({ "authorise_quotes": true }),
    )
    .await?;

    let acme_sites = api.all(None, &format!("/admin/customers/{acme}/sites")).await?;
    let globex_sites = api.all(None, &format!("/admin/customers/{globex}/sites")).await?;
    let made = numbers(api, acme).await?;
    let absent = |n: &str| !made.iter().any(|m| m == n);

    let defects = api.all(None, &format!("/admin/customers/{acme}/defects")).await?;
    let extinguisher: Vec<Value> = defects
        .iter()
        .filter(|d| d["description"] == "Extinguisher discharged and not replaced")
        .map(|d| d["id"].clone())
        .collect();
    for spec in &SENT {
        if absent(spec.0) {
            let named = if spec.0 == "Q-1001" {
                json!(extinguisher)
            } else {
                json!([])
            };
            quote(api, acme, &acme_sites, spec, named, false, today).await?;
        }
    }
    if absent(DRAFT.0) {
        quote(api, acme, &acme_sites, &DRAFT, json!([]), true, today).await?;
    }
    let alice = people.alice.id.as_str();
    if absent(EXPIRED.0) {
        past_quote(ctx, acme, &acme_sites, &EXPIRED, QuoteStatus::Sent, None, alice).await?;
    }
    if absent(AUTHORISED.0) {
        let decision = Some(("Alice Archer", Some("PO-7781"), "Please book for a weekend."));
        past_quote(
            ctx,
            acme,
            &acme_sites,
            &AUTHORISED,
            QuoteStatus::Authorised,
            decision,
            alice,
        )
        .await?;
    }
    if absent(DECLINED.0) {
        let decision = Some(("Alice Archer", None, "Tested last quarter already."));
        past_quote(
            ctx,
            acme,
            &acme_sites,
            &DECLINED,
            QuoteStatus::Declined,
            decision,
            alice,
        )
        .await?;
    }

    let documents = api.all(None, &format!("/admin/customers/{acme}/documents")).await?;
    for spec in &INVOICES {
        if !absent(spec.0) {
            continue;
        }
        let pdf = format!("{}.pdf", spec.0);
        let document_id = documents
            .iter()
            .find(|d| spec.5 && d["name"] == pdf.as_str() && d["folder"] == "Invoices")
            .and_then(|d| d["id"].as_str().map(str::to_owned));
        invoice(api, acme, &acme_sites, spec, document_id, today).await?;
    }

    let made = numbers(api, globex).await?;
    if !made.iter().any(|m| m == GLOBEX_SENT.0) {
        quote(api, globex, &globex_sites, &GLOBEX_SENT, json!([]), false, today).await?;
    }
    if !made.iter().any(|m| m == "INV-2001") {
        let spec = ("INV-2001", "Globex Tower", 1, 64_000, "unpaid", false);
        invoice(api, globex, &globex_sites, &spec, None, today).await?;
    }
    Ok(())
}
