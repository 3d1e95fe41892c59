//! Quotes and invoices: drafts stay with staff, a sent quote is decided once by a contact staff trusted
//! with it, overdue follows the due date, and every counter behind the properties list and the panels
//! equals a recount of the records.

use std::collections::BTreeMap;

use e2e::{
    billing::{invoice_body, quote_body},
    emails_to, problem, Lcg, TestStack,
};
use reqwest::Method;
use serde_json::{json, Value};
use shared::table::{
    billing::{totals, Line},
    counters::Counts,
    invoices::{Invoice, InvoiceStatus},
    quotes::{Quote, QuoteKind, QuoteStatus},
    sites::{field_counts_key, Site},
};
use time::{Duration, OffsetDateTime};

async fn body(r: reqwest::Response) -> Value {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v
}

async fn new_site(t: &TestStack, staff: &str, cid: &str, name: &str) -> String {
    let site = body(
        t.post(
            &format!("/admin/customers/{cid}/sites"),
            staff,
            json!({ "name": name, "latitude": 51.5, "longitude": -0.1 }),
        )
        .await,
    )
    .await;
    site["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_sent_quote_is_decided_once_by_a_trusted_contact_and_the_business_hears_of_it() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, first, token) = t.customer_with_portal_contact("Quoted").await;
    let cid = customer["id"].as_str().unwrap();
    let second = t.create_contact(cid, "Sam", "Second").await;
    let token2 = t.contact_token(cid, second["id"].as_str().unwrap()).await;
    let (_, _, stranger) = t.customer_with_portal_contact("Unquoted").await;
    let site = new_site(&t, &staff, cid, "Quote House").await;
    let base = format!("/admin/customers/{cid}");
    let number = format!("Q-{}", ulid::Ulid::new());

    let draft = body(
        t.post(&format!("{base}/quotes"), &staff, quote_body(&site, &number, 30))
            .await,
    )
    .await;
    let id = draft["id"].as_str().unwrap().to_owned();
    assert_eq!(draft["total"], 12_000, "100.00 plus 20 % VAT");
    assert_eq!(draft["status"], "draft");
    let listed = body(t.get("/portal/quotes", &token).await).await;
    assert_eq!(listed["items"], json!([]), "drafts stay with staff");
    assert_eq!(t.get(&format!("/portal/quotes/{id}"), &token).await.status(), 404);
    let again = t
        .post(&format!("{base}/quotes"), &staff, quote_body(&site, &number, 30))
        .await;
    assert_eq!(again.status(), 422);
    assert_eq!(
        problem(again).await["errors"][0]["field"],
        "number",
        "numbers are unique"
    );

    body(
        t.send(Method::POST, &format!("{base}/quotes/{id}/send"), &staff, Some(1), None)
            .await,
    )
    .await;
    let quote = body(t.get(&format!("/portal/quotes/{id}"), &token).await).await;
    assert_eq!(quote["status"], "sent");
    assert_eq!(quote["can_decide"], false, "no authority yet");
    let sites = body(t.get("/portal/sites", &token).await).await;
    assert_eq!(sites["items"][0]["attention"]["quotes_awaiting"], 1);
    let activity = body(t.get("/portal/activity", &token).await).await;
    assert_eq!(activity["quotes_awaiting"], 1);
    assert_eq!(activity["quote_value"]["GBP"]["current"], 12_000);

    let decision = json!({ "name": "Pat Quoted", "order_number": "PO-1", "note": "Go ahead" });
    let refused = t
        .post(&format!("/portal/quotes/{id}/authorise"), &token, decision.clone())
        .await;
    assert_eq!(refused.status(), 403, "authorising needs the grant");
    for contact in [&first, &second] {
        let grant = t
            .send(
                Method::PUT,
                &format!("/admin/contacts/{}/quote-authority", contact["id"].as_str().unwrap()),
                &staff,
                None,
                Some(json!({ "authorise_quotes": true })),
            )
            .await;
        assert_eq!(body(grant).await["authorise_quotes"], true);
    }
    let quote = body(t.get(&format!("/portal/quotes/{id}"), &token).await).await;
    assert_eq!(quote["can_decide"], true);
    let blank = t
        .post(
            &format!("/portal/quotes/{id}/authorise"),
            &token,
            json!({ "name": " " }),
        )
        .await;
    assert_eq!(blank.status(), 422);
    assert_eq!(problem(blank).await["errors"][0]["field"], "name");
    assert_eq!(
        t.post(&format!("/portal/quotes/{id}/authorise"), &stranger, decision.clone())
            .await
            .status(),
        404,
        "another company's quote"
    );

    // Two contacts at once: one outcome.
    let (authorise, decline) = (
        format!("/portal/quotes/{id}/authorise"),
        format!("/portal/quotes/{id}/decline"),
    );
    let (a, b) = tokio::join!(
        t.post(&authorise, &token, decision.clone()),
        t.post(&decline, &token2, json!({ "name": "Sam Second", "note": "Too dear" })),
    );
    let mut statuses = [a.status().as_u16(), b.status().as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "exactly one decision wins");
    let decided = body(t.get(&format!("/portal/quotes/{id}"), &token).await).await;
    let outcome = decided["status"].as_str().unwrap().to_owned();
    assert!(outcome == "authorised" || outcome == "declined", "{decided}");
    assert_eq!(decided["can_decide"], false);
    assert!(decided["decision"]["name"].as_str().is_some());
    let late = t
        .post(
            &format!("/portal/quotes/{id}/decline"),
            &token,
            json!({ "name": "Pat" }),
        )
        .await;
    assert_eq!(late.status(), 409, "decided once, for good");
    let edit = t
        .send(
            Method::PUT,
            &format!("{base}/quotes/{id}"),
            &staff,
            Some(decided["version"].as_u64().unwrap()),
            Some(quote_body(&site, &number, 30)),
        )
        .await;
    assert_eq!(edit.status(), 409, "a decided quote cannot change");
    let listed = body(t.get(&format!("/portal/quotes?status={outcome}"), &token).await).await;
    assert_eq!(listed["items"][0]["id"], id.as_str());
    let sites = body(t.get("/portal/sites", &token).await).await;
    assert_eq!(sites["items"][0]["attention"]["quotes_awaiting"], 0);
    let activity = body(t.get("/portal/activity", &token).await).await;
    assert_eq!(activity["quotes_awaiting"], 0);

    let mails = emails_to("support@portal.example.com").await;
    let told: Vec<_> = mails.iter().filter(|(s, _)| s.contains(&number)).collect();
    assert_eq!(told.len(), 1, "one email to the business: {told:?}");
    assert!(told[0].0.contains(&outcome), "{:?}", told[0]);
}

#[tokio::test]
async fn a_quote_past_its_last_day_reads_expired_and_cannot_be_authorised() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, contact, token) = t.customer_with_portal_contact("Lapsed").await;
    let cid = customer["id"].as_str().unwrap();
    let site = new_site(&t, &staff, cid, "Lapsed House").await;
    let past = body(
        t.post(
            &format!("/admin/customers/{cid}/quotes"),
            &staff,
            quote_body(&site, &format!("Q-{}", ulid::Ulid::new()), -1),
        )
        .await,
    )
    .await;
    let id = past["id"].as_str().unwrap();
    let send_late = t
        .send(
            Method::POST,
            &format!("/admin/customers/{cid}/quotes/{id}/send"),
            &staff,
            Some(1),
            None,
        )
        .await;
    assert_eq!(send_late.status(), 422, "a quote is sent before its last day");

    // One sent 40 days ago and valid until yesterday, written as the route would have.
    let now = OffsetDateTime::now_utc();
    let lines = vec![Line {
        description: "Work".into(),
        quantity: 1.0,
        unit_price: 5_000,
    }];
    let (subtotal, tax, total) = totals(&lines, 0);
    let quote = Quote {
        id: shared::ids::new_id(),
        customer_id: cid.to_owned(),
        site_id: site.clone(),
        number: format!("Q-{}", ulid::Ulid::new()),
        kind: QuoteKind::Service,
        defect_ids: vec![],
        title: "Old offer".into(),
        description: None,
        lines,
        tax_rate: 0,
        currency: "GBP".into(),
        subtotal,
        tax,
        total,
        valid_until: now.date() - Duration::days(1),
        status: QuoteStatus::Sent,
        sent_at: Some(now - Duration::days(40)),
        decision: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    t.ctx.table.save_billed(None, Some(&quote)).await.unwrap();
    t.send(
        Method::PUT,
        &format!("/admin/contacts/{}/quote-authority", contact["id"].as_str().unwrap()),
        &staff,
        None,
        Some(json!({ "authorise_quotes": true })),
    )
    .await;
    let shown = body(t.get(&format!("/portal/quotes/{}", quote.id), &token).await).await;
    assert_eq!(shown["status"], "expired");
    assert_eq!(shown["can_decide"], false);
    let r = t
        .post(
            &format!("/portal/quotes/{}/authorise", quote.id),
            &token,
            json!({ "name": "Pat" }),
        )
        .await;
    assert_eq!(r.status(), 409);
    let activity = body(t.get("/portal/activity", &token).await).await;
    assert_eq!(
        (
            activity["quotes_awaiting"].as_i64(),
            activity["quotes_expired"].as_i64()
        ),
        (Some(0), Some(1))
    );
    let sites = body(t.get("/portal/sites", &token).await).await;
    assert_eq!(
        sites["items"][0]["attention"]["quotes_awaiting"], 0,
        "expired is not awaiting"
    );
}

#[tokio::test]
async fn invoices_fall_overdue_by_date_open_their_pdf_and_add_up_to_spend() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, _, token) = t.customer_with_portal_contact("Billed").await;
    let (other, _, stranger) = t.customer_with_portal_contact("Unbilled").await;
    let cid = customer["id"].as_str().unwrap();
    let site = new_site(&t, &staff, cid, "Billed House").await;
    let pdf = e2e::documents::shared_document(&t, cid, "INV-A.pdf", "application/pdf", b"%PDF-1.4").await;
    let foreign_pdf = e2e::documents::shared_document(
        &t,
        other["id"].as_str().unwrap(),
        "INV-X.pdf",
        "application/pdf",
        b"%PDF-1.4",
    )
    .await;
    let uri = format!("/admin/customers/{cid}/invoices");
    let unique = ulid::Ulid::new().to_string();
    let mut overdue = invoice_body(&site, &format!("INV-A-{unique}"), 40, -10);
    overdue["document_id"] = json!(pdf);
    let overdue = body(t.post(&uri, &staff, overdue).await).await;
    let due = body(
        t.post(&uri, &staff, invoice_body(&site, &format!("INV-B-{unique}"), 5, 10))
            .await,
    )
    .await;
    let mut paid = invoice_body(&site, &format!("INV-C-{unique}"), 62, -32);
    paid["status"] = json!("paid");
    let paid = body(t.post(&uri, &staff, paid).await).await;
    assert_eq!(
        paid["paid_on"],
        OffsetDateTime::now_utc().date().to_string(),
        "paid today unless told"
    );

    let mut foreign = invoice_body(&site, &format!("INV-D-{unique}"), 1, 1);
    foreign["document_id"] = json!(foreign_pdf);
    let r = t.post(&uri, &staff, foreign).await;
    assert_eq!(r.status(), 422);
    assert_eq!(problem(r).await["errors"][0]["field"], "document_id");
    let r = t
        .post(&uri, &staff, invoice_body(&site, &format!("INV-A-{unique}"), 1, 1))
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(problem(r).await["errors"][0]["field"], "number");

    let unpaid = body(t.get("/portal/invoices", &token).await).await;
    let seen: Vec<(&str, bool)> = unpaid["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap(), i["overdue"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        seen,
        [
            (overdue["id"].as_str().unwrap(), true),
            (due["id"].as_str().unwrap(), false)
        ],
        "earliest due first"
    );
    assert!(unpaid["items"][0].get("document_id").is_none(), "staff's detail");
    assert_eq!(unpaid["items"][0]["has_pdf"], true);
    let sites = body(t.get("/portal/sites", &token).await).await;
    assert_eq!(sites["items"][0]["attention"]["overdue_invoices"], 1);
    let site_list = body(
        t.get(&format!("/portal/sites/{site}/invoices?status=paid"), &token)
            .await,
    )
    .await;
    assert_eq!(site_list["items"][0]["id"], paid["id"]);
    let activity = body(t.get("/portal/activity", &token).await).await;
    assert_eq!(
        (activity["invoices_overdue"].as_i64(), activity["invoices_due"].as_i64()),
        (Some(1), Some(1))
    );
    assert_eq!(activity["owed"]["GBP"], json!({ "past": 12_000, "current": 12_000 }));
    let spend_total = |v: &Value| -> i64 {
        v["months"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|m| m["amounts"]["GBP"].as_i64())
            .sum()
    };
    let spend = body(t.get("/portal/spend", &token).await).await;
    assert_eq!(spend["months"].as_array().unwrap().len(), 12);
    assert_eq!(spend_total(&spend), 36_000, "three invoices of 120.00");

    let link = body(
        t.get(
            &format!("/portal/invoices/{}/pdf", overdue["id"].as_str().unwrap()),
            &token,
        )
        .await,
    )
    .await;
    assert!(link["url"].as_str().unwrap().contains("documents/"), "{link}");
    assert_eq!(
        t.get(&format!("/portal/invoices/{}/pdf", due["id"].as_str().unwrap()), &token)
            .await
            .status(),
        404
    );
    for path in ["", "/pdf"] {
        let r = t
            .get(
                &format!("/portal/invoices/{}{path}", overdue["id"].as_str().unwrap()),
                &stranger,
            )
            .await;
        assert_eq!(r.status(), 404, "another company's invoice{path}");
    }

    // Paid: no longer overdue, still spent. Void: neither, and final.
    let mut change = invoice_body(&site, overdue["number"].as_str().unwrap(), 40, -10);
    change["status"] = json!("paid");
    change["document_id"] = json!(pdf);
    let id = overdue["id"].as_str().unwrap();
    body(
        t.send(Method::PUT, &format!("{uri}/{id}"), &staff, Some(1), Some(change))
            .await,
    )
    .await;
    let mut void = invoice_body(&site, due["number"].as_str().unwrap(), 5, 10);
    void["status"] = json!("void");
    let due_id = due["id"].as_str().unwrap();
    body(
        t.send(
            Method::PUT,
            &format!("{uri}/{due_id}"),
            &staff,
            Some(1),
            Some(void.clone()),
        )
        .await,
    )
    .await;
    let r = t
        .send(Method::PUT, &format!("{uri}/{due_id}"), &staff, Some(2), Some(void))
        .await;
    assert_eq!(r.status(), 409, "void is final");
    let activity = body(t.get("/portal/activity", &token).await).await;
    assert_eq!(
        (activity["invoices_overdue"].as_i64(), activity["invoices_due"].as_i64()),
        (Some(0), Some(0))
    );
    assert_eq!(
        spend_total(&body(t.get("/portal/spend", &token).await).await),
        24_000,
        "the void one left"
    );
    let sites = body(t.get("/portal/sites", &token).await).await;
    assert_eq!(sites["items"][0]["attention"]["overdue_invoices"], 0);
}

/// The counters as recounted from the records alone.
fn recount(quotes: &[Quote], invoices: &[Invoice]) -> (BTreeMap<String, Counts>, Counts) {
    let mut sites: BTreeMap<String, Counts> = BTreeMap::new();
    let mut customer = Counts::new();
    let bump = |c: &mut Counts, k: String, n: i64| *c.entry(k).or_insert(0) += n;
    for q in quotes.iter().filter(|q| q.status == QuoteStatus::Sent) {
        bump(
            sites.entry(q.site_id.clone()).or_default(),
            format!("quote_due#{}", q.valid_until),
            1,
        );
        bump(&mut customer, format!("quote_due#{}", q.valid_until), 1);
        bump(
            &mut customer,
            format!("quote_value#{}#{}", q.currency, q.valid_until),
            q.total,
        );
    }
    for i in invoices {
        if i.status == InvoiceStatus::Unpaid {
            bump(
                sites.entry(i.site_id.clone()).or_default(),
                format!("invoice_due#{}", i.due_on),
                1,
            );
            bump(&mut customer, format!("invoice_due#{}", i.due_on), 1);
            bump(
                &mut customer,
                format!("invoice_owed#{}#{}", i.currency, i.due_on),
                i.total,
            );
        }
        if i.status != InvoiceStatus::Void {
            let month = format!("{:04}-{:02}", i.issued_on.year(), u8::from(i.issued_on.month()));
            bump(&mut customer, format!("invoiced#{}#{month}", i.currency), i.total);
        }
    }
    (sites, customer)
}

#[tokio::test]
async fn billing_counters_equal_a_recount_after_hundreds_of_random_changes() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Ledger").await;
    let cid = customer["id"].as_str().unwrap().to_owned();
    let mut sites = Vec::new();
    for n in 0..3 {
        sites.push(new_site(&t, &staff, &cid, &format!("Ledger {n}")).await);
    }
    let table = &t.ctx.table;
    let now = OffsetDateTime::now_utc();
    let today = now.date();
    let mut rng = Lcg(0xb111);
    let (mut quotes, mut invoices): (Vec<Quote>, Vec<Invoice>) = (Vec::new(), Vec::new());
    let line = |rng: &mut Lcg| Line {
        description: "x".into(),
        quantity: 1.0 + rng.next(3) as f64,
        unit_price: 100 * (1 + rng.next(50) as i64),
    };
    for step in 0..300 {
        match rng.next(8) {
            0 | 1 => {
                let lines = vec![line(&mut rng)];
                let (subtotal, tax, total) = totals(&lines, 2_000);
                let status = [
                    QuoteStatus::Draft,
                    QuoteStatus::Sent,
                    QuoteStatus::Sent,
                    QuoteStatus::Authorised,
                ][rng.next(4)];
                let q = Quote {
                    id: shared::ids::new_id(),
                    customer_id: cid.clone(),
                    site_id: sites[rng.next(3)].clone(),
                    number: format!("Q-{step}-{}", ulid::Ulid::new()),
                    kind: QuoteKind::Service,
                    defect_ids: vec![],
                    title: "t".into(),
                    description: None,
                    lines,
                    tax_rate: 2_000,
                    currency: ["GBP", "EUR"][rng.next(2)].into(),
                    subtotal,
                    tax,
                    total,
                    valid_until: today + Duration::days(rng.next(20) as i64 - 10),
                    status,
                    sent_at: (status != QuoteStatus::Draft).then_some(now),
                    decision: None,
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                table.save_billed(None, Some(&q)).await.unwrap();
                quotes.push(q);
            }
            2 | 3 => {
                let lines = vec![line(&mut rng)];
                let (subtotal, tax, total) = totals(&lines, 2_000);
                let issued_on = today - Duration::days(rng.next(400) as i64);
                let i = Invoice {
                    id: shared::ids::new_id(),
                    customer_id: cid.clone(),
                    site_id: sites[rng.next(3)].clone(),
                    number: format!("I-{step}-{}", ulid::Ulid::new()),
                    quote_id: None,
                    issued_on,
                    due_on: issued_on + Duration::days(rng.next(60) as i64),
                    lines,
                    tax_rate: 2_000,
                    currency: "GBP".into(),
                    subtotal,
                    tax,
                    total,
                    status: InvoiceStatus::Unpaid,
                    paid_on: None,
                    document_id: None,
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                table.save_billed(None, Some(&i)).await.unwrap();
                invoices.push(i);
            }
            4 | 5 if !quotes.is_empty() => {
                let at = rng.next(quotes.len());
                let before = quotes[at].clone();
                let mut after = before.clone();
                match rng.next(4) {
                    0 => {
                        after.status = [QuoteStatus::Sent, QuoteStatus::Authorised, QuoteStatus::Declined][rng.next(3)]
                    }
                    1 => after.site_id = sites[rng.next(3)].clone(),
                    2 => after.valid_until = today + Duration::days(rng.next(20) as i64 - 10),
                    _ => {
                        table.save_billed::<Quote>(Some(&before), None).await.unwrap();
                        quotes.swap_remove(at);
                        continue;
                    }
                }
                after.version += 1;
                table.save_billed(Some(&before), Some(&after)).await.unwrap();
                quotes[at] = after;
            }
            _ if !invoices.is_empty() => {
                let at = rng.next(invoices.len());
                let before = invoices[at].clone();
                let mut after = before.clone();
                match rng.next(4) {
                    0 => after.status = [InvoiceStatus::Unpaid, InvoiceStatus::Paid, InvoiceStatus::Void][rng.next(3)],
                    1 => after.site_id = sites[rng.next(3)].clone(),
                    2 => after.due_on = after.issued_on + Duration::days(rng.next(60) as i64),
                    _ => {
                        after.lines = vec![line(&mut rng)];
                        (after.subtotal, after.tax, after.total) = totals(&after.lines, 2_000);
                    }
                }
                after.version += 1;
                table.save_billed(Some(&before), Some(&after)).await.unwrap();
                invoices[at] = after;
            }
            _ => {}
        }
    }
    let (mut per_site, customer_counts) = recount(&quotes, &invoices);
    let billing = |c: Counts| -> Counts {
        c.into_iter()
            .filter(|(k, v)| *v != 0 && ["quote_", "invoice_", "invoiced#"].iter().any(|p| k.starts_with(p)))
            .collect()
    };
    for s in &sites {
        let stored = billing(table.counts(Site::counts_key(&cid, s)).await.unwrap());
        assert_eq!(stored, billing(per_site.remove(s).unwrap_or_default()), "site {s}");
    }
    let stored = billing(table.counts(field_counts_key(&cid)).await.unwrap());
    assert_eq!(stored, billing(customer_counts), "customer counts");
    // The months' activity, per month and per site, equals the report's recount of the same records.
    let records = e2e::activity::Records {
        quotes: quotes.clone(),
        invoices: invoices.clone(),
        ..Default::default()
    };
    let activity = e2e::activity::stored(&t, &cid).await;
    assert!(activity.len() > 10, "the walk touched many months: {}", activity.len());
    assert_eq!(activity, e2e::activity::recount(&table.zone, &records), "activity");
    assert!(quotes.len() + invoices.len() > 50, "the walk made records");
}
