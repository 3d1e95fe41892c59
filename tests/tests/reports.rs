//! The monthly activity report: a known month seeded through the staff and portal APIs, its records
//! moved to the edges of the month through their own writes, and every figure compared with a recount
//! of the records in the business's time zone (Sydney, where a month starts at 13:00 or 14:00 UTC the
//! day before). The CSV carries the same figures, the PDF's text (read back with `pdftotext`) too, and
//! the PDF is rendered again only when the month's figures changed.

use std::process::Command;

use e2e::{
    activity::{recount, stored, Records},
    billing::sent_quote_and_invoice,
    datasheets,
    documents::shared_document_on,
    operations::job_body,
    problem, TestStack,
};
use reqwest::Method;
use serde_json::{json, Value};
use shared::{
    pagination::PageParams,
    table::{
        defects::{Defect, DefectStatus},
        documents::Document,
        invoices::{Invoice, InvoiceStatus},
        keys,
        operations::Job,
        quotes::{Quote, QuoteDecision, QuoteStatus},
        tickets::{Ticket, TicketStatus},
        QuerySpec,
    },
    zone::BusinessZone,
};
use time::{
    macros::{date, datetime},
    Duration, OffsetDateTime,
};

const ZONE: &str = "Australia/Sydney";

async fn body(r: reqwest::Response) -> Value {
    let (status, url) = (r.status(), r.url().path().to_owned());
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{url}: {status}: {v}");
    v
}

fn id(v: &Value) -> String {
    v["id"].as_str().expect("id").to_owned()
}

/// The figure `key` of the report: (count, amounts as "GBP 12000").
fn figure(report: &Value, key: &str) -> (i64, Vec<String>) {
    for s in report["sections"].as_array().unwrap() {
        for f in s["figures"].as_array().unwrap() {
            if f["key"] == key {
                let amounts = f["amounts"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|a| format!("{} {}", a["currency"].as_str().unwrap(), a["minor"]))
                    .collect();
                return (f["count"].as_i64().unwrap(), amounts);
            }
        }
    }
    panic!("no figure {key} in {report}")
}

fn site_row(report: &Value, name: &str) -> Vec<i64> {
    report["sites"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no row for {name}"))["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect()
}

/// The PDF behind a report link, as text (`pdftotext -layout`).
async fn pdf_text(t: &TestStack, link: &Value) -> String {
    let r = t.http.get(link["url"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["content-type"], "application/pdf");
    let bytes = r.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let dir = std::env::temp_dir().join(format!("report-{}", ulid::Ulid::new()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("report.pdf");
    std::fs::write(&pdf, &bytes).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (Debian's poppler-utils; the test command installs it)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // The first page renders as an image too (the README's picture comes from the same command).
    let png = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile"])
        .arg(&pdf)
        .arg(dir.join("page"))
        .status()
        .expect("pdftoppm");
    assert!(png.success() && dir.join("page.png").exists());
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn a_known_month_reports_a_recount_of_its_records_in_the_business_zone() {
    let t = TestStack::start_with(|c| c.time_zone = BusinessZone::named(ZONE).unwrap()).await;
    let table = &t.ctx.table;
    let zone = table.zone.clone();
    let staff = t.staff_token("supervisor").await;
    let (customer, _contact, token) = t.customer_with_portal_contact("Harbour Holdings").await;
    let cid = id(&customer);
    let base = format!("/admin/customers/{cid}");
    let mut sites = Vec::new();
    for name in ["Alpha House", "Beta Works", "Quiet Place"] {
        sites.push(id(&body(
            t.post(&format!("{base}/sites"), &staff, json!({ "name": name })).await,
        )
        .await));
    }
    let (alpha, beta) = (sites[0].clone(), sites[1].clone());

    // October 2026 in Sydney runs from 14:00 UTC on 30 September (AEST) to 12:59:59 UTC on 31 October (AEDT).
    let first = datetime!(2026-09-30 14:00:00 UTC);
    let last = datetime!(2026-10-31 12:59:59 UTC);
    let (just_before, just_after) = (first - Duration::seconds(1), last + Duration::seconds(1));
    assert_eq!(
        [first, last, just_before, just_after].map(|at| zone.month(at)),
        ["2026-10", "2026-10", "2026-09", "2026-11"]
    );
    let mut records = Records::default();
    let all = PageParams {
        limit: Some(100),
        cursor: None,
    };

    // Tickets, backdated through the ticket's own write: opened on the first second and closed on the
    // last; opened a second before; opened a second after (October in UTC, November in Sydney); one
    // staff keep out of the portal; and one in June, the company's first month.
    let ticket = |visible: bool| {
        let t = &t;
        let staff = &staff;
        let base = &base;
        async move {
            let v = body(t.post(&format!("{base}/tickets"), staff, json!({ "subject": "Leak", "description": "Drip", "type": "fault", "priority": "normal", "visible_in_portal": visible })).await).await;
            t.ctx
                .table
                .ticket(v["customer_id"].as_str().unwrap(), &id(&v))
                .await
                .unwrap()
                .unwrap()
        }
    };
    for (visible, opened, closed) in [
        (true, first, Some(last)),
        (true, just_before, None),
        (true, just_after, None),
        (false, first, None),
        (true, datetime!(2026-06-10 03:00:00 UTC), None),
    ] {
        let before: Ticket = ticket(visible).await;
        let mut after = before.clone();
        after.created_at = opened;
        if let Some(at) = closed {
            after.status = TicketStatus::Closed;
            after.closed_at = Some(at);
        }
        after.version += 1;
        table.save_ticket(&before, &after, vec![]).await.unwrap();
        records.tickets.push(after);
    }

    // Quotes and invoices: a quote sent on the first second and authorised on the last (Alpha); one sent
    // the second before and declined in October (Beta). Invoices: paid late (Alpha), issued on the last
    // day and due in November (Beta), issued in September and overdue since 10 October (Beta), and a void one.
    let (q1, i1) = sent_quote_and_invoice(&t, &cid, &alpha).await;
    let (q2, i2) = sent_quote_and_invoice(&t, &cid, &beta).await;
    let (_, i3) = sent_quote_and_invoice(&t, &cid, &beta).await;
    let (_, i4) = sent_quote_and_invoice(&t, &cid, &beta).await;
    for (qid, sent, status, decided) in [
        (&q1, first, QuoteStatus::Authorised, last),
        (
            &q2,
            just_before,
            QuoteStatus::Declined,
            datetime!(2026-10-10 00:00:00 UTC),
        ),
    ] {
        let before: Quote = table.get::<Quote>((&cid, qid.as_str())).await.unwrap().unwrap();
        let mut after = before.clone();
        after.sent_at = Some(sent);
        after.status = status;
        after.decision = Some(QuoteDecision {
            contact_id: "C".into(),
            name: "Ann Lee".into(),
            order_number: None,
            note: None,
            at: decided,
        });
        after.version += 1;
        table.save_billed(Some(&before), Some(&after)).await.unwrap();
        records.quotes.push(after);
    }
    let mut all_quotes = Vec::new();
    for (iid, issued, due, status, paid) in [
        (
            &i1,
            date!(2026 - 10 - 01),
            date!(2026 - 10 - 15),
            InvoiceStatus::Paid,
            Some(date!(2026 - 10 - 20)),
        ),
        (
            &i2,
            date!(2026 - 10 - 31),
            date!(2026 - 11 - 30),
            InvoiceStatus::Unpaid,
            None,
        ),
        (
            &i3,
            date!(2026 - 09 - 15),
            date!(2026 - 10 - 10),
            InvoiceStatus::Unpaid,
            None,
        ),
        (
            &i4,
            date!(2026 - 10 - 05),
            date!(2026 - 10 - 20),
            InvoiceStatus::Void,
            None,
        ),
    ] {
        let before: Invoice = table.get::<Invoice>((&cid, iid.as_str())).await.unwrap().unwrap();
        let mut after = before.clone();
        (after.issued_on, after.due_on, after.status, after.paid_on) = (issued, due, status, paid);
        after.version += 1;
        table.save_billed(Some(&before), Some(&after)).await.unwrap();
        records.invoices.push(after);
    }
    // The other quotes the helper sent today count in this month.
    for q in table
        .query_page::<Quote>(&Quote::of_customer(&cid), &all)
        .await
        .unwrap()
        .items
    {
        if q.id != q1 && q.id != q2 {
            all_quotes.push(q);
        }
    }
    records.quotes.extend(all_quotes);

    // Field work, by the dates staff give: routine due in October done on time (Alpha) and not done
    // (Beta, missed once its month ended); a service call logged on 31 October (Beta); one on 1 November.
    let jobs = format!("{base}/jobs");
    let field = |site: &str, kind: &str, stage: &str, due: Option<&str>, logged: &str, performed: Option<&str>| {
        let mut job = job_body(&format!("J-{}", ulid::Ulid::new()));
        job["field"] = json!({ "site_id": site, "kind": kind, "stage": stage, "due_month": due, "tolerance_days": 0,
                                 "logged_on": logged, "performed_on": performed });
        job
    };
    for job in [
        field(
            &alpha,
            "routine",
            "complete",
            Some("2026-10"),
            "2026-09-01",
            Some("2026-10-20"),
        ),
        field(&beta, "routine", "ready", Some("2026-10"), "2026-09-01", None),
        field(&beta, "reactive", "in_progress", None, "2026-10-31", None),
        field(&alpha, "reactive", "ready", None, "2026-11-01", None),
    ] {
        let v = body(t.post(&jobs, &staff, job).await).await;
        records
            .jobs
            .push(table.get::<Job>((&cid, id(&v).as_str())).await.unwrap().unwrap());
    }

    // Defects: critical raised mid-October and resolved a second after it ended (Alpha); non-critical
    // raised on the first second and resolved on the last (Beta); one staff have not published.
    for (site, severity, published, raised, resolved) in [
        (
            &alpha,
            "critical",
            true,
            datetime!(2026-10-15 00:00:00 UTC),
            Some(just_after),
        ),
        (&beta, "non_critical", true, first, Some(last)),
        (&beta, "critical", false, first, None),
    ] {
        let v = body(
            t.post(
                &format!("{base}/defects"),
                &staff,
                json!({ "site_id": site, "severity": severity, "description": "Crack", "published": published }),
            )
            .await,
        )
        .await;
        let before: Defect = table.get::<Defect>((&cid, id(&v).as_str())).await.unwrap().unwrap();
        let mut after = before.clone();
        after.raised_at = raised;
        if let Some(at) = resolved {
            after.status = DefectStatus::Resolved;
            after.resolved_at = Some(at);
        }
        after.version += 1;
        table.save_defect(Some(&before), Some(&after)).await.unwrap();
        records.defects.push(after);
    }

    // A data sheet submitted in the portal.
    let template = datasheets::template(&t, "Site survey").await;
    let sheet = datasheets::draft(&t, &cid, &template, &token).await;
    let path = format!("/portal/datasheets/{sheet}");
    let r = t
        .request(Method::PUT, &path, Some(&token))
        .header("If-Match", "\"1\"")
        .json(&json!({ "values": { "site": "Head office", "floors": 4, "parking": true } }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    body(t.post(&format!("{path}/submit"), &token, json!({})).await).await;
    // The submission raised a ticket, which counts it: moved to the last second of October.
    for before in table
        .query_page::<Ticket>(&QuerySpec::table(keys::customer(&cid), keys::TICKET_PREFIX), &all)
        .await
        .unwrap()
        .items
    {
        if before.data_sheet_id.as_deref() == Some(sheet.as_str()) {
            let mut after = before.clone();
            after.created_at = last;
            after.version += 1;
            table.save_ticket(&before, &after, vec![]).await.unwrap();
            records.tickets.push(after);
        }
    }

    // A document shared with the portal on Alpha, its sharing moved to the first second.
    let doc = shared_document_on(&t, &cid, Some(&alpha), "Survey.pdf", "application/pdf", b"%PDF-1.4 x").await;
    let before: Document = table.get::<Document>((&cid, doc.as_str())).await.unwrap().unwrap();
    assert!(before.shared_at.is_some(), "sharing stamps the document");
    let mut after = before.clone();
    after.shared_at = Some(first);
    after.version += 1;
    let mut actions = vec![table.put_versioned(&after, before.version).unwrap()];
    actions.extend(table.activity_actions(Some(&before), Some(&after)).unwrap());
    table.transact(actions).await.unwrap();
    records.documents.push(after);

    // What the records' own writes left in the counters is exactly the recount, month by month and site by site.
    let kept = stored(&t, &cid).await;
    assert_eq!(kept, recount(&zone, &records));

    // A change of the business's zone: the recount moves every figure to the new zone's months (the
    // records on October's edges change month in UTC), and back; a recount with nothing to move writes nothing.
    let in_zone = |zone: BusinessZone| {
        let mut config = (*t.ctx.config).clone();
        config.time_zone = zone;
        shared::Context::new(config, t.ctx.clients.clone())
    };
    let utc = in_zone(BusinessZone::default());
    let moved = utc.table.recount_activity(&cid).await.unwrap();
    assert!(moved.records >= records.tickets.len() && moved.changed > 0, "{moved:?}");
    let in_utc = stored(&t, &cid).await;
    assert_eq!(in_utc, recount(&BusinessZone::default(), &records));
    assert_ne!(in_utc, kept, "the edges moved month");
    let back = in_zone(zone.clone()).table.recount_activity(&cid).await.unwrap();
    assert!(back.changed > 0);
    assert_eq!(stored(&t, &cid).await, kept);
    assert_eq!(
        in_zone(zone.clone())
            .table
            .recount_activity(&cid)
            .await
            .unwrap()
            .changed,
        0
    );
    assert!(kept.contains_key("2026-06") && kept.contains_key("2026-11"));

    // The report of October.
    let october = body(t.get("/portal/reports/activity?month=2026-10", &token).await).await;
    assert_eq!(october["month"], "2026-10");
    assert_eq!(october["time_zone"], ZONE);
    assert_eq!(october["customer_name"], "Harbour Holdings");
    assert_eq!(october["empty"], false);
    let expect = [
        ("tickets_opened", 2, vec![]),
        ("tickets_closed", 1, vec![]),
        ("routine_due", 2, vec![]),
        ("routine_on_time", 1, vec![]),
        ("routine_missed", 1, vec![]),
        ("routine_pending", 0, vec![]),
        ("service_calls_logged", 1, vec![]),
        ("service_calls_in_progress", 1, vec![]),
        ("defects_raised", 2, vec![]),
        ("defects_raised_critical", 1, vec![]),
        ("defects_raised_non_critical", 1, vec![]),
        ("defects_resolved", 1, vec![]),
        ("defects_resolved_non_critical", 1, vec![]),
        ("defects_resolved_critical", 0, vec![]),
        ("quotes_sent", 1, vec![]),
        ("quotes_authorised", 1, vec![]),
        ("quotes_declined", 1, vec![]),
        ("invoices_issued", 2, vec!["GBP 24000"]),
        ("invoices_paid", 1, vec!["GBP 12000"]),
        ("invoices_overdue", 2, vec!["GBP 24000"]),
        ("data_sheets_submitted", 1, vec![]),
        ("documents_shared", 1, vec![]),
    ];
    for (key, count, amounts) in expect {
        let amounts: Vec<String> = amounts.into_iter().map(str::to_owned).collect();
        assert_eq!(figure(&october, key), (count, amounts), "{key}");
    }
    let columns: Vec<&str> = october["site_columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        columns,
        [
            "routine_done",
            "routine_missed",
            "service_calls_logged",
            "defects_raised",
            "defects_resolved",
            "quotes_sent",
            "invoices_issued",
            "invoices_overdue",
            "documents_shared"
        ]
    );
    assert_eq!(site_row(&october, "Alpha House"), [1, 0, 0, 1, 0, 1, 1, 1, 1]);
    assert_eq!(site_row(&october, "Beta Works"), [0, 1, 1, 1, 1, 0, 1, 1, 0]);
    assert_eq!(october["quiet_sites"], 1, "Quiet Place had nothing");
    assert_eq!(
        october["trend"]["months"],
        json!(["2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"])
    );
    let opened = october["trend"]["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "tickets_opened")
        .unwrap();
    assert_eq!(opened["values"], json!([0, 1, 0, 0, 1, 2]));

    // The months either side hold what the edges pushed out of October.
    let september = body(t.get("/portal/reports/activity?month=2026-09", &token).await).await;
    assert_eq!(figure(&september, "tickets_opened").0, 1);
    assert_eq!(figure(&september, "quotes_sent").0, 1);
    assert_eq!(figure(&september, "invoices_issued").0, 1);
    let november = body(t.get("/portal/reports/activity?month=2026-11", &token).await).await;
    assert_eq!(
        figure(&november, "tickets_opened").0,
        1,
        "a second after October ends, in Sydney"
    );
    assert_eq!(figure(&november, "defects_resolved_critical").0, 1);
    assert_eq!(figure(&november, "service_calls_logged").0, 1);

    // A month with nothing in it is a report saying so; a month before the first records, one not yet
    // begun, or one that does not parse is refused, naming the month.
    let august = body(t.get("/portal/reports/activity?month=2026-08", &token).await).await;
    assert_eq!(august["empty"], true);
    let next = OffsetDateTime::now_utc().date() + Duration::days(40);
    let future = format!("{:04}-{:02}", next.year(), u8::from(next.month()));
    for month in ["2026-05", future.as_str(), "2026-13", "Oct-2026", "2026-1"] {
        let r = t.get(&format!("/portal/reports/activity?month={month}"), &token).await;
        assert_eq!(r.status(), 422, "{month}");
        assert_eq!(problem(r).await["errors"][0]["field"], "month", "{month}");
    }
    let current = body(t.get("/portal/reports/activity", &token).await).await;
    assert_eq!(
        current["month"],
        zone.month(OffsetDateTime::now_utc()),
        "the current month by default"
    );

    // The CSV: the same figures, one line each (amounts per currency), then the site table.
    let r = t.get("/portal/reports/activity/csv?month=2026-10", &token).await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let csv = r.text().await.unwrap();
    for line in [
        "Tickets,Opened,tickets_opened,2,,",
        "Invoices,Issued,invoices_issued,2,GBP,240.00",
        "Invoices,Due this month and overdue,invoices_overdue,2,GBP,240.00",
        &format!("Alpha House,{alpha},1,0,0,1,0,1,1,1,1"),
    ] {
        assert!(csv.lines().any(|l| l == line), "{line} in\n{csv}");
    }

    // The PDF: rendered once, its text the same figures; asked again, the stored one is handed out.
    let link = body(t.get("/portal/reports/activity/pdf?month=2026-10", &token).await).await;
    assert_eq!(link["rendered"], true);
    let text = pdf_text(&t, &link).await;
    for words in [
        "Monthly activity report",
        "Harbour Holdings",
        "October 2026",
        ZONE,
        "Alpha House",
        "Beta Works",
        "GBP 240.00",
        "GBP 120.00",
        "Page 1 of",
        "1 other site had no activity this month.",
        "Six months at a glance",
        "Routine maintenance due this month",
    ] {
        assert!(text.contains(words), "{words} in\n{text}");
    }
    let again = body(t.get("/portal/reports/activity/pdf?month=2026-10", &token).await).await;
    assert_eq!(again["rendered"], false, "nothing changed: not rendered again");
    let empty = body(t.get("/portal/reports/activity/pdf?month=2026-08", &token).await).await;
    assert!(pdf_text(&t, &empty).await.contains("Nothing happened in August 2026."));

    // The routine activity report over October: what was due, its last day, when it was done and how
    // that reads; the CSV holds the same lines. A range backwards is refused naming `from`.
    let routine = body(t.get("/portal/reports/routine?from=2026-10&to=2026-10", &token).await).await;
    let mut lines: Vec<(String, String, String)> = routine["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["site_name"].as_str().unwrap().to_owned(),
                l["performed_on"].as_str().unwrap_or("-").to_owned(),
                l["outcome"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    lines.sort();
    assert_eq!(
        lines,
        [
            ("Alpha House".to_owned(), "2026-10-20".to_owned(), "on_time".to_owned()),
            ("Beta Works".to_owned(), "-".to_owned(), "missed".to_owned()),
        ]
    );
    let r = t
        .get("/portal/reports/routine/csv?from=2026-09&to=2026-11", &token)
        .await;
    assert_eq!(r.status(), 200);
    let csv = r.text().await.unwrap();
    assert!(
        csv.lines()
            .any(|l| l.starts_with("2026-10,2026-10-31,2026-10-20,on_time,")),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), 3, "a heading and the two lines: {csv}");
    let r = t.get("/portal/reports/routine?from=2026-11&to=2026-10", &token).await;
    assert_eq!(r.status(), 422);
    assert_eq!(problem(r).await["errors"][0]["field"], "from");

    // A change to October: the next request renders again, and the figure moves.
    let before = records.defects[0].clone();
    let mut after = before.clone();
    after.resolved_at = Some(last);
    after.version += 1;
    table.save_defect(Some(&before), Some(&after)).await.unwrap();
    let changed = body(t.get("/portal/reports/activity/pdf?month=2026-10", &token).await).await;
    assert_eq!(changed["rendered"], true);
    let october = body(t.get("/portal/reports/activity?month=2026-10", &token).await).await;
    assert_eq!(figure(&october, "defects_resolved").0, 2);

    // Another company's contact reads their own (empty) report, never this one; viewing this company
    // without a grant answers 404; with the reports module off the routes answer 404.
    let (_, _, other) = t.customer_with_portal_contact("Elsewhere Ltd").await;
    let theirs = body(t.get("/portal/reports/activity?month=2026-10", &other).await).await;
    assert_eq!(theirs["customer_name"], "Elsewhere Ltd");
    assert!(!theirs.to_string().contains("Alpha House"));
    let r = t
        .request(Method::GET, "/portal/reports/activity?month=2026-10", Some(&other))
        .header("x-portal-customer", &cid)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    let r = t
        .request(Method::PUT, &format!("{base}/portal-modules"), Some(&staff))
        .json(&json!({ "modules": ["main_info", "tickets"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    for path in [
        "/portal/reports/activity",
        "/portal/reports/activity/csv",
        "/portal/reports/activity/pdf",
        "/portal/reports/routine",
    ] {
        assert_eq!(t.get(path, &token).await.status(), 404, "{path}");
    }
}

#[tokio::test]
async fn a_group_contact_gets_the_whole_groups_report_and_each_companys_own() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (home, contact, token) = t.customer_with_portal_contact("Group Home Ltd").await;
    let (hid, kid) = (id(&home), id(&contact));
    let regional = t.create_customer("Group Regional Ltd").await;
    let rid = id(&regional);
    for (cid, name) in [(&hid, "Home Depot"), (&rid, "Regional Yard")] {
        let site = id(&body(
            t.post(
                &format!("/admin/customers/{cid}/sites"),
                &staff,
                json!({ "name": name }),
            )
            .await,
        )
        .await);
        sent_quote_and_invoice(&t, cid, &site).await;
    }
    let (_, _, stranger) = t.customer_with_portal_contact("Not Grouped Ltd").await;

    // Without a grant there is no group report.
    assert_eq!(t.get("/portal/reports/activity?group=true", &token).await.status(), 404);
    let group = body(
        t.post(
            "/admin/groups",
            &staff,
            json!({ "name": "National", "customer_ids": [hid, rid] }),
        )
        .await,
    )
    .await;
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/contacts/{kid}/group-access"),
            Some(&staff),
        )
        .json(&json!({ "group_id": group["id"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    // The whole group: both companies' figures summed, every company's sites named after it.
    let whole = body(t.get("/portal/reports/activity?group=true", &token).await).await;
    assert_eq!(whole["customer_name"], "National (group)");
    assert_eq!(figure(&whole, "quotes_sent").0, 2);
    // The helper's invoices were issued five days ago: that month holds both.
    let issued = OffsetDateTime::now_utc().date() - Duration::days(5);
    let uri = format!(
        "/portal/reports/activity?group=true&month={:04}-{:02}",
        issued.year(),
        u8::from(issued.month())
    );
    let then = body(t.get(&uri, &token).await).await;
    assert_eq!(figure(&then, "invoices_issued"), (2, vec!["GBP 24000".to_owned()]));
    let names: Vec<&str> = whole["sites"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Group Home Ltd – Home Depot", "Group Regional Ltd – Regional Yard"]
    );
    let link = body(t.get("/portal/reports/activity/pdf?group=true", &token).await).await;
    let text = pdf_text(&t, &link).await;
    assert!(
        text.contains("National (group)") && text.contains("Regional Yard"),
        "{text}"
    );

    // Each company alone: its own, and the member viewed through the header.
    let own = body(t.get("/portal/reports/activity", &token).await).await;
    assert_eq!(
        (own["customer_name"].as_str(), figure(&own, "quotes_sent").0),
        (Some("Group Home Ltd"), 1)
    );
    let r = t
        .request(Method::GET, "/portal/reports/activity", Some(&token))
        .header("x-portal-customer", &rid)
        .send()
        .await
        .unwrap();
    let viewed = body(r).await;
    assert_eq!(viewed["customer_name"], "Group Regional Ltd");
    assert_eq!(figure(&viewed, "quotes_sent").0, 1);
    // The group's report comes from the contact's own portal; a stranger has no group.
    let r = t
        .request(Method::GET, "/portal/reports/activity?group=true", Some(&token))
        .header("x-portal-customer", &rid)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(problem(r).await["errors"][0]["field"], "x-portal-customer");
    assert_eq!(
        t.get("/portal/reports/activity?group=true", &stranger).await.status(),
        404
    );
}
