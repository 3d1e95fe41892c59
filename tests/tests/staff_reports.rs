//! The staff reports: tickets, jobs, data sheets, workflows and quotes of every customer over a range
//! of days, from the time-keyed index (GSI3), with filters, additional fields, pages and CSV; the
//! customers report with support periods; and the group search its filter uses.

use std::collections::BTreeSet;

use e2e::{
    batch_put, billing::sent_quote_and_invoice, datasheets, operations::job_and_workflow, problem, sites, TestStack,
};
use reqwest::Method;
use serde_json::{json, Value};
use shared::table::tickets::{Ticket, TicketStatus};
use time::{macros::datetime, Duration, OffsetDateTime};

async fn ok(r: reqwest::Response) -> Value {
    let (status, url) = (r.status(), r.url().path().to_owned());
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{url}: {status}: {v}");
    v
}

/// Every row of a report, page by page, and the most items any page read.
async fn all_rows(t: &TestStack, staff: &str, path: &str, limit: usize) -> (Vec<Value>, usize) {
    let sep = if path.contains('?') { '&' } else { '?' };
    let (mut rows, mut cursor, mut most) = (Vec::new(), None::<String>, 0);
    for _ in 0..200 {
        let url = match &cursor {
            Some(c) => format!("{path}{sep}limit={limit}&cursor={c}"),
            None => format!("{path}{sep}limit={limit}"),
        };
        let r = t.get(&url, staff).await;
        let read: usize = r.headers()["x-items-read"].to_str().unwrap().parse().unwrap();
        most = most.max(read);
        let page = ok(r).await;
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= limit);
        rows.extend(items.iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return (rows, most),
        }
    }
    panic!("{path}: the pages never ended");
}

fn ids(rows: &[Value]) -> Vec<String> {
    rows.iter().map(|r| r["id"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn staff_reports_read_the_range_across_customers_with_filters_pages_and_csv() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (a, b, c) = (
        t.create_customer("Alpha Hotels").await,
        t.create_customer("Beta Hotels").await,
        t.create_customer("Gamma Offices").await,
    );
    let (aid, bid, cid) = (
        a["id"].as_str().unwrap().to_owned(),
        b["id"].as_str().unwrap().to_owned(),
        c["id"].as_str().unwrap().to_owned(),
    );
    let group = ok(t
        .post(
            "/admin/groups",
            &staff,
            json!({ "name": "Hotel Group", "customer_ids": [aid, bid] }),
        )
        .await)
    .await;
    let gid = group["id"].as_str().unwrap().to_owned();

    // One ticket through the API (indexed as it is written), then 120 more across three months and
    // three customers written straight to the table, two of them on the range's edges.
    let made = ok(t
        .post(
            &format!("/admin/customers/{aid}/tickets"),
            &staff,
            json!({ "subject": "Lift stuck", "description": "Between floors.", "type": "fault", "priority": "high", "status": "new", "visible_in_portal": true, "contact_id": null, "assignee": "sam" }),
        )
        .await)
    .await;
    let template = t
        .ctx
        .table
        .ticket(&aid, made["id"].as_str().unwrap())
        .await
        .unwrap()
        .unwrap();
    let owners = [&aid, &bid, &cid];
    let start = datetime!(2026-09-01 00:00:00 UTC);
    let mut fixtures: Vec<Ticket> = (0..120)
        .map(|i| {
            let mut t = template.clone();
            t.id = ulid::Ulid::new().to_string();
            t.number = 1000 + i as u64;
            t.customer_id = owners[i % 3].clone();
            t.created_at = start + Duration::hours(18 * i as i64);
            t.status = if i % 4 == 0 {
                TicketStatus::Closed
            } else {
                TicketStatus::New
            };
            t.subject = format!("Fixture {i}");
            t
        })
        .collect();
    for (n, at) in [
        (1, datetime!(2026-10-01 00:00:00 UTC)),
        (2, datetime!(2026-10-31 23:59:59 UTC)),
        (3, datetime!(2026-11-01 00:00:00 UTC)),
        (4, datetime!(2026-09-30 23:59:59 UTC)),
    ] {
        let mut t = template.clone();
        t.id = ulid::Ulid::new().to_string();
        t.number = 2000 + n;
        t.customer_id = cid.clone();
        t.created_at = at;
        fixtures.push(t);
    }
    batch_put(&t, &fixtures).await;
    let october = |f: &&Ticket| {
        f.created_at >= datetime!(2026-10-01 00:00:00 UTC) && f.created_at < datetime!(2026-11-01 00:00:00 UTC)
    };
    let mut expected: Vec<&Ticket> = fixtures.iter().filter(october).collect();
    expected.sort_by_key(|f| (f.created_at, f.customer_id.clone(), f.id.clone()));

    // October: every ticket created in it, oldest first, a page at a time, each page reading O(page).
    let base = "/admin/reports/tickets?from=2026-10-01&to=2026-10-31";
    let (rows, most) = all_rows(&t, &staff, base, 7).await;
    assert_eq!(ids(&rows), expected.iter().map(|f| f.id.clone()).collect::<Vec<_>>());
    assert!(most <= 6 * 8, "a page read {most} items");
    assert_eq!(
        rows[0]["created_at"], "2026-10-01T00:00:00Z",
        "the first second of the range"
    );
    assert_eq!(
        rows.last().unwrap()["reference"],
        "#2002",
        "the last second of the range"
    );
    assert_eq!(rows[0]["status"], serde_json::to_value(expected[0].status).unwrap());

    // Filters: status, customer, group; and additional fields.
    let (closed, _) = all_rows(&t, &staff, &format!("{base}&status=closed"), 5).await;
    let want: BTreeSet<String> = expected
        .iter()
        .filter(|f| f.status == TicketStatus::Closed)
        .map(|f| f.id.clone())
        .collect();
    assert_eq!(ids(&closed).into_iter().collect::<BTreeSet<_>>(), want);
    assert!(!want.is_empty());
    let (gamma, _) = all_rows(&t, &staff, &format!("{base}&customer_id={cid}"), 10).await;
    assert_eq!(gamma.len(), expected.iter().filter(|f| f.customer_id == cid).count());
    assert!(gamma.iter().all(|r| r["customer_id"] == cid.as_str()));
    let (hotels, _) = all_rows(&t, &staff, &format!("{base}&group_id={gid}"), 10).await;
    assert_eq!(hotels.len(), expected.iter().filter(|f| f.customer_id != cid).count());
    assert!(hotels
        .iter()
        .all(|r| r["customer_name"].as_str().unwrap().contains("Hotels")));
    let (with_fields, _) = all_rows(&t, &staff, &format!("{base}&fields=priority,assignee"), 50).await;
    assert_eq!(
        with_fields[0]["fields"],
        json!({ "priority": "high", "assignee": "sam" })
    );

    // CSV: the same rows, the fields as columns.
    let r = t
        .get(
            "/admin/reports/tickets/csv?from=2026-10-01&to=2026-10-31&fields=priority",
            &staff,
        )
        .await;
    assert_eq!(r.status(), 200);
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("tickets-2026-10-01-to-2026-10-31.csv"));
    let csv = r.text().await.unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "created_at,customer,reference,title,status,priority"
    );
    assert_eq!(lines.count(), expected.len());

    // The default range (the last 30 days) holds the ticket made through the API today.
    let (recent, _) = all_rows(&t, &staff, "/admin/reports/tickets", 100).await;
    assert_eq!(ids(&recent).last(), made["id"].as_str().map(str::to_owned).as_ref());

    // Bad input names the parameter.
    for (query, field, status) in [
        ("status=lost", "status", 422),
        ("fields=priority,colour", "fields", 422),
        ("from=2026-13-01", "from", 422),
        ("from=2026-11-01&to=2026-10-01", "from", 422),
        ("from=2020-01-01&to=2026-10-01", "to", 422),
        ("group_id=01J00000000000000000000000", "group_id", 422),
        ("customer_id=nope", "customer_id", 422),
        ("cursor=2031-01.abc", "cursor", 400),
        ("limit=0", "limit", 400),
    ] {
        let r = t.get(&format!("/admin/reports/tickets?{query}"), &staff).await;
        assert_eq!(r.status(), status, "{query}");
        assert_eq!(problem(r).await["errors"][0]["field"], field, "{query}");
    }

    // The other records: made through the API, found in their reports with their fields.
    let (job, workflow) = job_and_workflow(&t, &aid).await;
    let jobs = ok(t.get("/admin/reports/jobs?fields=job_type&status=booked", &staff).await).await;
    assert_eq!(ids(jobs["items"].as_array().unwrap()), [job]);
    let workflows = ok(t
        .get("/admin/reports/workflows?status=active&fields=tasks", &staff)
        .await)
    .await;
    assert_eq!(ids(workflows["items"].as_array().unwrap()), [workflow]);
    let inactive = ok(t.get("/admin/reports/workflows?status=inactive", &staff).await).await;
    assert!(inactive["items"].as_array().unwrap().is_empty());
    let (site, _, _) = sites::site_asset_defect(&t, &bid).await;
    let (quote, _) = sent_quote_and_invoice(&t, &bid, &site).await;
    let quotes = ok(t
        .get(&format!("/admin/reports/quotes?group_id={gid}&fields=total"), &staff)
        .await)
    .await;
    let quotes = quotes["items"].as_array().unwrap();
    assert_eq!(ids(quotes), [quote]);
    assert_eq!(quotes[0]["customer_name"], "Beta Hotels");
    assert!(quotes[0]["fields"]["total"].as_str().unwrap().contains('.'));
    let (_, contact) = t.activated_contact(&aid, "Dee", "Sheets", "dee.sheets").await;
    let form = datasheets::template(&t, "Site survey").await;
    let sheet = datasheets::draft(&t, &aid, &form, contact["id_token"].as_str().unwrap()).await;
    let sheets = ok(t
        .get("/admin/reports/datasheets?status=draft&fields=created_by", &staff)
        .await)
    .await;
    let sheets = sheets["items"].as_array().unwrap();
    assert_eq!(ids(sheets), [sheet]);
    assert_eq!(sheets[0]["title"], "Site survey");
    let r = t.get("/admin/reports/datasheets/csv?status=draft", &staff).await;
    assert_eq!(r.text().await.unwrap().lines().count(), 2);
}

#[tokio::test]
async fn the_customers_report_shows_support_periods_and_groups_are_searched_by_name() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let today = OffsetDateTime::now_utc().date();
    let mut made = Vec::new();
    for (name, period) in [
        (
            "North Depot",
            Some((today - Duration::days(100), today + Duration::days(265))),
        ),
        (
            "South Depot",
            Some((today - Duration::days(400), today - Duration::days(35))),
        ),
        ("West Depot", None),
    ] {
        let c = t.create_customer(name).await;
        let id = c["id"].as_str().unwrap().to_owned();
        if let Some((start, end)) = period {
            let r = t
                .request(Method::PUT, &format!("/admin/customers/{id}"), Some(&staff))
                .header("If-Match", "\"1\"")
                .json(&json!({ "name": name, "support_start": start.to_string(), "support_end": end.to_string() }))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
        }
        made.push(id);
    }
    let group = ok(t
        .post(
            "/admin/groups",
            &staff,
            json!({ "name": "Depots North", "customer_ids": [made[0]] }),
        )
        .await)
    .await;
    ok(t.post(
        "/admin/groups",
        &staff,
        json!({ "name": "Depots South", "parent_id": group["id"], "customer_ids": [made[1]] }),
    )
    .await)
    .await;

    let report = ok(t.get("/admin/reports/customers?limit=100", &staff).await).await;
    let row = |name: &str| {
        report["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name}"))
            .clone()
    };
    let north = row("North Depot");
    assert_eq!(north["support"], "active");
    assert_eq!(north["support_days"], 366);
    assert_eq!(north["expires_in_days"], 265);
    let south = row("South Depot");
    assert_eq!(
        (south["support"].as_str(), south["expires_in_days"].as_i64()),
        (Some("expired"), Some(-35))
    );
    assert_eq!(row("West Depot")["support"], "none");
    let expired = ok(t.get("/admin/reports/customers?support=expired", &staff).await).await;
    assert_eq!(ids(expired["items"].as_array().unwrap()), [made[1].clone()]);
    let gid = group["id"].as_str().unwrap();
    let grouped = ok(t.get(&format!("/admin/reports/customers?group_id={gid}"), &staff).await).await;
    assert_eq!(
        ids(grouped["items"].as_array().unwrap())
            .into_iter()
            .collect::<BTreeSet<_>>(),
        made[..2].iter().cloned().collect::<BTreeSet<_>>(),
        "the group's own customer and its sub-group's"
    );
    let csv = t
        .get("/admin/reports/customers/csv?support=active", &staff)
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(
        csv.lines().next(),
        Some("name,support_start,support_days,support_end,expires_in_days,support")
    );
    assert!(csv.contains("North Depot,") && !csv.contains("South Depot"), "{csv}");

    // Group search: from three characters, case-insensitive, with each group's number of customers.
    let r = t.get("/admin/reports/groups?q=de", &staff).await;
    assert_eq!(r.status(), 422);
    assert_eq!(problem(r).await["errors"][0]["field"], "q");
    let hits = ok(t.get("/admin/reports/groups?q=DEP", &staff).await).await;
    let counts: Vec<(String, i64)> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["name"].as_str().unwrap().to_owned(), h["customers"].as_i64().unwrap()))
        .collect();
    assert_eq!(counts, [("Depots North".to_owned(), 2), ("Depots South".to_owned(), 1)]);
    assert!(ok(t.get("/admin/reports/groups?q=xyz", &staff).await)
        .await
        .as_array()
        .unwrap()
        .is_empty());
    let r = t.get("/admin/reports/customers?support=lapsed", &staff).await;
    assert_eq!(problem(r).await["errors"][0]["field"], "support");
}
