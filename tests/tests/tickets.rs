//! Tickets end to end: the visibility rules, `scope=mine|all`, `raised_by_me`, the conversation without
//! internal notes, closing, numbering under concurrency, CSV export, the dashboard, and list pages that
//! read O(page) items.

use e2e::{emails_to, problem, TestStack};
use reqwest::Method;
use serde_json::{json, Value};
use shared::table::settings::PortalSettings;

async fn body(r: reqwest::Response) -> Value {
    r.json().await.expect("json")
}

fn numbers(page: &Value) -> Vec<u64> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["number"].as_u64().unwrap())
        .collect()
}

async fn raise(t: &TestStack, token: &str, subject: &str) -> Value {
    let r = t
        .post(
            "/portal/tickets",
            token,
            json!({ "subject": subject, "description": "It broke.", "type": "fault", "priority": "high" }),
        )
        .await;
    assert_eq!(r.status(), 201);
    body(r).await
}

#[tokio::test]
async fn contacts_see_only_what_the_rules_allow() {
    let t = TestStack::start().await;
    let staff = t.staff_token("agent").await;
    let (customer, _alice, alice_token) = t.customer_with_portal_contact("Visible Co").await;
    let cid = customer["id"].as_str().unwrap();
    let bob = t.create_contact(cid, "Bob", "Colleague").await;
    let bob_token = t.contact_token(cid, bob["id"].as_str().unwrap()).await;
    let (_, _, stranger_token) = t.customer_with_portal_contact("Stranger Co").await;

    let mine = raise(&t, &alice_token, "Boiler leaking").await;
    let mine_id = mine["id"].as_str().unwrap();
    assert!(mine["number"].as_u64().unwrap() > 1000);
    assert_eq!(mine["status"], "new");
    // Staff tickets: one visible about Bob, one hidden.
    let shown = body(t.post(&format!("/admin/customers/{cid}/tickets"), &staff, json!({ "subject": "Annual service", "description": "Booked", "type": "request", "priority": "normal", "visible_in_portal": true, "contact_id": bob["id"] })).await).await;
    let hidden = body(t.post(&format!("/admin/customers/{cid}/tickets"), &staff, json!({ "subject": "Credit check", "description": "Internal", "type": "question", "priority": "low", "visible_in_portal": false })).await).await;

    let alice_list = body(t.get("/portal/tickets", &alice_token).await).await;
    assert_eq!(
        numbers(&alice_list),
        [mine["number"].as_u64().unwrap()],
        "only what Alice raised"
    );
    let bob_list = body(t.get("/portal/tickets", &bob_token).await).await;
    assert!(
        bob_list["items"].as_array().unwrap().is_empty(),
        "without the grant, Bob sees none he did not raise"
    );
    assert_eq!(
        t.get(&format!("/portal/tickets/{mine_id}"), &bob_token).await.status(),
        404
    );
    assert_eq!(
        t.get(&format!("/portal/tickets/{mine_id}"), &stranger_token)
            .await
            .status(),
        404
    );
    assert_eq!(
        t.get(
            &format!("/portal/tickets/{}", hidden["id"].as_str().unwrap()),
            &alice_token
        )
        .await
        .status(),
        404
    );

    // The grant: every portal-visible ticket of the company, still not the hidden one.
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/contacts/{}/ticket-visibility", bob["id"].as_str().unwrap()),
            Some(&staff),
        )
        .json(&json!({ "see_all_tickets": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let bob_list = body(t.get("/portal/tickets", &bob_token).await).await;
    let mut seen = numbers(&bob_list);
    seen.sort();
    assert_eq!(
        seen,
        [mine["number"].as_u64().unwrap(), shown["number"].as_u64().unwrap()]
    );
    assert_eq!(
        t.get(&format!("/portal/tickets/{mine_id}"), &bob_token).await.status(),
        200
    );
    // Bob may read Alice's ticket but not close it.
    assert_eq!(
        t.post(&format!("/portal/tickets/{mine_id}/close"), &bob_token, json!({}))
            .await
            .status(),
        403
    );

    // Subject search.
    let found = body(t.get("/portal/tickets?q=BOILER", &bob_token).await).await;
    assert_eq!(numbers(&found), [mine["number"].as_u64().unwrap()]);
}

fn sorted_numbers(page: &Value) -> Vec<u64> {
    let mut n = numbers(page);
    n.sort();
    n
}

/// (number, raised_by_me) of each row, by number.
fn raised(page: &Value) -> Vec<(u64, bool)> {
    let mut rows: Vec<(u64, bool)> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["number"].as_u64().unwrap(), t["raised_by_me"].as_bool().unwrap()))
        .collect();
    rows.sort();
    rows
}

/// The ticket numbers of a CSV export, by number; checks the header is unchanged.
async fn csv_numbers(t: &TestStack, path: &str, token: &str) -> Vec<u64> {
    let r = t.get(path, token).await;
    assert_eq!(r.status(), 200, "{path}");
    let csv = r.text().await.unwrap();
    let mut lines = csv.trim_end().split("\r\n");
    assert_eq!(
        lines.next(),
        Some("number,date_added,subject,contact,status,date_closed"),
        "{path}: the columns do not change"
    );
    let mut n: Vec<u64> = lines.map(|l| l.split(',').next().unwrap().parse().unwrap()).collect();
    n.sort();
    n
}

#[tokio::test]
async fn scope_mine_or_all_and_raised_by_me_follow_the_grant() {
    let t = TestStack::start().await;
    let staff = t.staff_token("agent").await;
    let (customer, _alice, alice_token) = t.customer_with_portal_contact("Scoped Co").await;
    let cid = customer["id"].as_str().unwrap();
    let bob = t.create_contact(cid, "Bob", "Scoped").await;
    let bob_id = bob["id"].as_str().unwrap();
    let bob_token = t.contact_token(cid, bob_id).await;

    let a = raise(&t, &alice_token, "Alice's boiler").await;
    let b = raise(&t, &bob_token, "Bob's printer").await;
    assert_eq!(b["raised_by_me"], true, "the created ticket is the caller's");
    // A visible staff ticket about Bob: he did not raise it, so it is not his to close.
    let s = body(t.post(&format!("/admin/customers/{cid}/tickets"), &staff, json!({ "subject": "Staff visit", "description": "Booked", "type": "request", "priority": "normal", "visible_in_portal": true, "contact_id": bob_id })).await).await;
    let (na, nb, ns) = (
        a["number"].as_u64().unwrap(),
        b["number"].as_u64().unwrap(),
        s["number"].as_u64().unwrap(),
    );
    let (a_id, b_id, s_id) = (
        a["id"].as_str().unwrap(),
        b["id"].as_str().unwrap(),
        s["id"].as_str().unwrap(),
    );

    // Without the grant every scope is the contact's own tickets, and each row is theirs.
    for path in [
        "/portal/tickets",
        "/portal/tickets?scope=mine",
        "/portal/tickets?scope=all",
    ] {
        assert_eq!(
            raised(&body(t.get(path, &bob_token).await).await),
            [(nb, true)],
            "Bob without the grant: {path}"
        );
        assert_eq!(
            raised(&body(t.get(path, &alice_token).await).await),
            [(na, true)],
            "Alice: {path}"
        );
    }
    for path in [
        "/portal/tickets/export",
        "/portal/tickets/export?scope=mine",
        "/portal/tickets/export?scope=all",
    ] {
        assert_eq!(
            csv_numbers(&t, path, &bob_token).await,
            [nb],
            "Bob without the grant: {path}"
        );
    }

    // With the grant: the company's tickets by default and with `all`, his own with `mine`.
    let grant = |on: bool| {
        t.request(
            Method::PUT,
            &format!("/admin/contacts/{bob_id}/ticket-visibility"),
            Some(&staff),
        )
        .json(&json!({ "see_all_tickets": on }))
        .send()
    };
    assert_eq!(grant(true).await.unwrap().status(), 200);
    for path in [
        "/portal/tickets",
        "/portal/tickets?scope=all",
        "/portal/tickets?status=open&scope=all&limit=10",
    ] {
        assert_eq!(
            raised(&body(t.get(path, &bob_token).await).await),
            [(na, false), (nb, true), (ns, false)],
            "Bob with the grant: {path}"
        );
    }
    assert_eq!(
        raised(&body(t.get("/portal/tickets?scope=mine", &bob_token).await).await),
        [(nb, true)]
    );
    assert_eq!(
        numbers(&body(t.get("/portal/tickets?scope=mine&q=printer", &bob_token).await).await),
        [nb],
        "search within mine"
    );
    assert!(
        body(t.get("/portal/tickets?scope=mine&q=boiler", &bob_token).await).await["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        csv_numbers(&t, "/portal/tickets/export", &bob_token).await,
        [na, nb, ns]
    );
    assert_eq!(
        csv_numbers(&t, "/portal/tickets/export?scope=all", &bob_token).await,
        [na, nb, ns]
    );
    assert_eq!(
        csv_numbers(&t, "/portal/tickets/export?scope=mine", &bob_token).await,
        [nb]
    );

    // The detail says whose ticket it is, and close agrees with it.
    for (id, mine) in [(a_id, false), (b_id, true), (s_id, false)] {
        let d = body(t.get(&format!("/portal/tickets/{id}"), &bob_token).await).await;
        assert_eq!(d["raised_by_me"], mine, "{}", d["subject"]);
        let closing = t
            .post(&format!("/portal/tickets/{id}/close"), &bob_token, json!({}))
            .await;
        assert_eq!(closing.status(), if mine { 200 } else { 403 }, "{}", d["subject"]);
        if mine {
            assert_eq!(body(closing).await["raised_by_me"], true);
        }
    }
    assert_eq!(
        body(t.get(&format!("/portal/tickets/{a_id}"), &alice_token).await).await["raised_by_me"],
        true
    );
    let closed = body(t.get("/portal/tickets?status=closed&scope=mine", &bob_token).await).await;
    assert_eq!(raised(&closed), [(nb, true)]);
    assert_eq!(
        sorted_numbers(&body(t.get("/portal/tickets", &bob_token).await).await),
        [na, ns],
        "Bob's own is closed now"
    );
    assert!(
        body(t.get("/portal/tickets?scope=mine", &bob_token).await).await["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // A cursor belongs to its scope's list.
    let first = body(t.get("/portal/tickets?limit=1", &bob_token).await).await;
    let cursor = first["next_cursor"].as_str().unwrap();
    let r = t
        .get(
            &format!("/portal/tickets?scope=mine&limit=1&cursor={cursor}"),
            &bob_token,
        )
        .await;
    assert_eq!(r.status(), 400);
    assert_eq!(problem(r).await["errors"][0]["field"], "cursor");

    // Withdrawn: back to his own.
    assert_eq!(grant(false).await.unwrap().status(), 200);
    assert!(
        body(t.get("/portal/tickets?scope=all", &bob_token).await).await["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        csv_numbers(&t, "/portal/tickets/export?status=closed&scope=all", &bob_token).await,
        [nb]
    );

    // A bad value is a 400 naming the parameter, on the list and the export alike.
    for path in [
        "/portal/tickets?scope=everyone",
        "/portal/tickets/export?scope=MINE",
        "/portal/tickets?scope=",
    ] {
        let r = t.get(path, &bob_token).await;
        assert_eq!(r.status(), 400, "{path}");
        let p = problem(r).await;
        assert_eq!(p["type"], "https://problems.customer-portal.dev/bad-request");
        assert_eq!(p["errors"][0]["field"], "scope", "{path}: {p}");
    }
}

#[tokio::test]
async fn the_conversation_never_carries_internal_notes() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, contact, token) = t.customer_with_portal_contact("Chatty Co").await;
    let cid = customer["id"].as_str().unwrap();
    let ticket = raise(&t, &token, "Printer jam").await;
    let id = ticket["id"].as_str().unwrap();
    let admin = format!("/admin/customers/{cid}/tickets/{id}");

    assert_eq!(
        t.post(
            &format!("/portal/tickets/{id}/notes"),
            &token,
            json!({ "body": "Still jammed" })
        )
        .await
        .status(),
        201
    );
    assert_eq!(
        t.post(
            &format!("{admin}/notes"),
            &staff,
            json!({ "body": "SECRET-INTERNAL customer is slow payer", "internal": true })
        )
        .await
        .status(),
        201
    );
    assert_eq!(
        t.post(
            &format!("{admin}/notes"),
            &staff,
            json!({ "body": "Engineer booked for Tuesday", "internal": false })
        )
        .await
        .status(),
        201
    );
    let r = t
        .post(
            &format!("{admin}/emails"),
            &staff,
            json!({ "body": "Please confirm access on Tuesday." }),
        )
        .await;
    assert_eq!(r.status(), 202);
    let mails = emails_to(contact["email"].as_str().unwrap()).await;
    let staff_emails: Vec<_> = mails.iter().filter(|(s, _)| s.starts_with("Re: ticket")).collect();
    assert_eq!(staff_emails.len(), 1, "the email went to the ticket's contact");
    assert!(staff_emails[0].1.contains("Please confirm access on Tuesday."));
    assert!(
        mails.iter().all(|(_, b)| !b.contains("SECRET-INTERNAL")),
        "no internal note is mailed"
    );

    let detail = t.get(&format!("/portal/tickets/{id}"), &token).await;
    let text = detail.text().await.unwrap();
    assert!(!text.contains("SECRET-INTERNAL"), "no internal note in any field");
    let detail: Value = serde_json::from_str(&text).unwrap();
    let kinds: Vec<&str> = detail["conversation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["contact", "public", "email"], "oldest first");
    for path in ["/portal/tickets", "/portal/tickets/export"] {
        let all = t.get(path, &token).await.text().await.unwrap();
        assert!(!all.contains("SECRET-INTERNAL"), "{path}");
    }
    let staff_view = body(t.get(&admin, &staff).await).await;
    assert_eq!(staff_view["internal_notes"].as_array().unwrap().len(), 1);

    // Closing: the originator may; notes are then refused.
    let closed = body(t.post(&format!("/portal/tickets/{id}/close"), &token, json!({})).await).await;
    assert_eq!(closed["status"], "closed");
    assert!(closed["closed_at"].is_string());
    let refused = t
        .post(
            &format!("/portal/tickets/{id}/notes"),
            &token,
            json!({ "body": "One more thing" }),
        )
        .await;
    assert_eq!(refused.status(), 409);
    assert_eq!(
        problem(refused).await["type"],
        "https://problems.customer-portal.dev/conflict"
    );
    let open = body(t.get("/portal/tickets", &token).await).await;
    assert!(open["items"].as_array().unwrap().is_empty());
    let closed_list = body(t.get("/portal/tickets?status=closed", &token).await).await;
    assert_eq!(closed_list["items"][0]["id"], id);
}

#[tokio::test]
async fn concurrent_creates_get_distinct_numbers_and_the_business_is_told() {
    let t = TestStack::start().await;
    let (_, _, token) = t.customer_with_portal_contact("Busy Co").await;
    let mut creates = tokio::task::JoinSet::new();
    for i in 0..10 {
        let (t, token) = (t.clone(), token.clone());
        creates.spawn(async move {
            raise(&t, &token, &format!("Ticket {i}")).await["number"]
                .as_u64()
                .unwrap()
        });
    }
    let mut numbers = creates.join_all().await;
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 10, "ten distinct numbers: {numbers:?}");
    let told = emails_to("support@portal.example.com").await;
    assert!(
        told.iter().filter(|(s, _)| s.contains("Busy Co")).count() >= 10,
        "each new ticket was notified"
    );
}

#[tokio::test]
async fn csv_export_and_the_dashboard_after_a_known_series() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, _, token) = t.customer_with_portal_contact("Counted Co").await;
    let cid = customer["id"].as_str().unwrap();
    assert_eq!(
        t.get("/portal/reports/tickets", &token).await.status(),
        404,
        "the dashboard is off by default"
    );
    let mut settings = PortalSettings::default();
    settings.modules.push(shared::modules::Module::TicketDashboard);
    t.ctx.table.put(&settings).await.unwrap();

    let a = raise(&t, &token, "Alpha, with \"quotes\"").await;
    raise(&t, &token, "=SUM(A1)").await;
    let c = raise(&t, &token, "Gamma").await;
    t.post(
        &format!("/portal/tickets/{}/close", a["id"].as_str().unwrap()),
        &token,
        json!({}),
    )
    .await;
    // Staff move Gamma to in progress at normal priority; a hidden staff ticket counts for nothing.
    let gamma = format!("/admin/customers/{cid}/tickets/{}", c["id"].as_str().unwrap());
    let r = t.request(Method::PUT, &gamma, Some(&staff)).header("If-Match", "\"1\"").json(&json!({ "subject": "Gamma", "description": "d", "type": "fault", "priority": "normal", "status": "in_progress", "visible_in_portal": true, "contact_id": null })).send().await.unwrap();
    assert_eq!(r.status(), 200);
    t.post(
        &format!("/admin/customers/{cid}/tickets"),
        &staff,
        json!({ "subject": "Hidden", "description": "d", "type": "request", "priority": "urgent" }),
    )
    .await;

    let d = body(t.get("/portal/reports/tickets", &token).await).await;
    let open: Vec<(String, String, i64)> = d["open"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["status"].as_str().unwrap().into(),
                o["priority"].as_str().unwrap().into(),
                o["count"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        open,
        [
            ("new".to_string(), "high".to_string(), 1),
            ("in_progress".to_string(), "normal".to_string(), 1)
        ]
    );
    let this_month = d["months"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (this_month["opened"].as_i64(), this_month["closed"].as_i64()),
        (Some(3), Some(1))
    );
    let high = d["mean_resolution_hours"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["priority"] == "high")
        .unwrap()
        .clone();
    assert_eq!(high["tickets"], 1);
    assert!(high["mean_hours"].as_f64().unwrap() >= 0.0);

    let r = t.get("/portal/tickets/export?status=open", &token).await;
    assert_eq!(r.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(r.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("attachment"));
    let csv = r.text().await.unwrap();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines[0], "number,date_added,subject,contact,status,date_closed");
    assert_eq!(lines.len(), 3, "two open tickets: {csv}");
    assert!(csv.contains("'=SUM(A1)"), "formulas are neutralised");
    let closed = t
        .get("/portal/tickets/export?status=closed", &token)
        .await
        .text()
        .await
        .unwrap();
    assert!(closed.contains("\"Alpha, with \"\"quotes\"\"\""));
}

#[tokio::test]
async fn a_first_page_reads_page_size_plus_one_items_among_ten_thousand() {
    let t = TestStack::start().await;
    let (customer, contact, token) = t.customer_with_portal_contact("Huge Co").await;
    let cid = customer["id"].as_str().unwrap().to_owned();
    let kid = contact["id"].as_str().unwrap().to_owned();
    // 10,000 portal-visible tickets raised by the contact, written straight to the table in batches.
    let tickets = localstack::bench::dynamo_work::bulk_tickets(&cid, &kid, 100_000, 10_000);
    e2e::batch_put(&t, &tickets).await;

    for limit in [10, 25, 100] {
        let r = t.get(&format!("/portal/tickets?limit={limit}"), &token).await;
        let read: usize = r.headers()["x-items-read"].to_str().unwrap().parse().unwrap();
        let page = body(r).await;
        assert_eq!(page["items"].as_array().unwrap().len(), limit);
        assert!(read <= limit + 1, "read {read} items for a page of {limit}");
        assert!(page["next_cursor"].is_string());
    }
}

/// Every item of the stack's table, counted.
async fn items_in_table(t: &TestStack) -> i32 {
    let out = t
        .ctx
        .table
        .client
        .scan()
        .table_name(&t.ctx.table.name)
        .select(aws_sdk_dynamodb::types::Select::Count)
        .send()
        .await
        .unwrap();
    assert!(out.last_evaluated_key.is_none(), "one page of a test stack");
    out.count
}

#[tokio::test]
async fn trailing_input_after_the_json_document_is_a_bad_request_and_writes_nothing() {
    let t = TestStack::start().await;
    let (_, _, token) = t.customer_with_portal_contact("Trailing Co").await;
    let raw = |path: &'static str, token: Option<&str>, body: &'static str| {
        t.request(Method::POST, path, token)
            .header("content-type", "application/json")
            .body(body)
            .send()
    };
    let before = items_in_table(&t).await;

    let r = raw(
        "/portal/tickets",
        Some(&token),
        r#"{"subject":"s","description":"d","type":"question","priority":"low"}this is not JSON"#,
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 400);
    let p = problem(r).await;
    assert_eq!(p["type"], "https://problems.customer-portal.dev/bad-request");
    assert_eq!(p["errors"][0]["field"], "body");
    let r = raw("/portal/auth/password/forgot", None, r#"{"username":"x"}<<garbage>>"#)
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        problem(r).await["type"],
        "https://problems.customer-portal.dev/bad-request"
    );
    let r = raw(
        "/portal/tickets",
        Some(&token),
        r#"{"subject":"s","description":"d","type":"question","priority":"low"}{"subject":"again"}"#,
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 400, "a second document is trailing input too");
    assert_eq!(
        items_in_table(&t).await,
        before,
        "nothing was written, not even a throttle count"
    );
    assert!(
        numbers(&body(t.get("/portal/tickets", &token).await).await).is_empty(),
        "no ticket was raised"
    );

    let r = raw(
        "/portal/tickets",
        Some(&token),
        "{\"subject\":\"s\",\"description\":\"d\",\"type\":\"question\",\"priority\":\"low\"}\r\n",
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 201, "whitespace after the document is still fine");
}

/// The numbers of an export's rows in order, and its `X-Next-Cursor`.
async fn export_page(t: &TestStack, path: &str, token: &str) -> (Vec<u64>, Option<String>) {
    let r = t.get(path, token).await;
    assert_eq!(r.status(), 200, "{path}");
    let next = r.headers().get("x-next-cursor").map(|v| v.to_str().unwrap().to_owned());
    let csv = r.text().await.unwrap();
    let mut lines = csv.trim_end().split("\r\n");
    assert_eq!(
        lines.next(),
        Some("number,date_added,subject,contact,status,date_closed"),
        "{path}: the columns do not change"
    );
    (
        lines.map(|l| l.split(',').next().unwrap().parse().unwrap()).collect(),
        next,
    )
}

#[tokio::test]
async fn the_export_pages_with_limit_and_cursor_like_the_list() {
    let t = TestStack::start().await;
    let (_, _, token) = t.customer_with_portal_contact("Paged Export Co").await;
    let mut all = Vec::new();
    for n in 0..5 {
        all.push(
            raise(&t, &token, &format!("Export {n}")).await["number"]
                .as_u64()
                .unwrap(),
        );
    }
    all.reverse();

    // Without parameters: every row, newest first, and nothing says more remain.
    assert_eq!(
        export_page(&t, "/portal/tickets/export", &token).await,
        (all.clone(), None)
    );
    // limit caps the rows; X-Next-Cursor continues where it stopped, until the last row.
    let (first, next) = export_page(&t, "/portal/tickets/export?limit=2", &token).await;
    assert_eq!(first, all[..2]);
    let (second, next) = export_page(
        &t,
        &format!("/portal/tickets/export?limit=2&cursor={}", next.expect("more rows")),
        &token,
    )
    .await;
    assert_eq!(second, all[2..4]);
    let (third, next) = export_page(
        &t,
        &format!("/portal/tickets/export?limit=2&cursor={}", next.expect("more rows")),
        &token,
    )
    .await;
    assert_eq!((third, next), (all[4..].to_vec(), None));
    // The list's cursor works for the export: the rest of the tickets after the list's first page.
    let page = body(t.get("/portal/tickets?limit=3", &token).await).await;
    let cursor = page["next_cursor"].as_str().unwrap();
    assert_eq!(
        export_page(&t, &format!("/portal/tickets/export?cursor={cursor}"), &token).await,
        (all[3..].to_vec(), None)
    );

    // Bad values are refused as the list refuses them, naming the parameter.
    for (query, field) in [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=-1", "limit"),
        ("limit=abc", "limit"),
        ("cursor=garbage", "cursor"),
        ("cursor=e30", "cursor"),
    ] {
        for path in ["/portal/tickets", "/portal/tickets/export"] {
            let r = t.get(&format!("{path}?{query}"), &token).await;
            assert_eq!(r.status(), 400, "{path}?{query}");
            let p = problem(r).await;
            assert_eq!(
                (p["type"].as_str(), p["errors"][0]["field"].as_str()),
                (Some("https://problems.customer-portal.dev/bad-request"), Some(field)),
                "{path}?{query}"
            );
        }
    }
}

#[tokio::test]
async fn a_contact_edits_a_new_ticket_reopens_one_they_closed_for_a_while_and_rates_it_once() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, alice, token) = t.customer_with_portal_contact("Edit Co").await;
    let cid = customer["id"].as_str().unwrap();
    let bob = t.create_contact(cid, "Bob", "Colleague").await;
    let bob_id = bob["id"].as_str().unwrap();
    let bob_token = t.contact_token(cid, bob_id).await;
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/contacts/{bob_id}/ticket-visibility"),
            Some(&staff),
        )
        .json(&json!({ "see_all_tickets": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let send =
        |method: Method, path: String, who: &str, body: Value| t.request(method, &path, Some(who)).json(&body).send();

    // Edit while new: the subject and description change; a colleague may not; an empty subject is named.
    let ticket = raise(&t, &token, "Boiler noise").await;
    let id = ticket["id"].as_str().unwrap().to_owned();
    assert_eq!(
        (ticket["editable"].as_bool(), ticket["ratable"].as_bool()),
        (Some(true), Some(false))
    );
    let path = format!("/portal/tickets/{id}");
    let edit = json!({ "subject": "Boiler banging", "description": "Loud bangs at night." });
    let r = send(Method::PUT, path.clone(), &token, edit.clone()).await.unwrap();
    assert_eq!(r.status(), 200);
    let edited = body(r).await;
    assert_eq!(
        (edited["subject"].as_str(), edited["description"].as_str()),
        (Some("Boiler banging"), Some("Loud bangs at night."))
    );
    let r = send(
        Method::PUT,
        path.clone(),
        &token,
        json!({ "subject": " ", "description": "x" }),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 422);
    assert_eq!(problem(r).await["errors"][0]["field"], "subject");
    assert_eq!(
        send(Method::PUT, path.clone(), &bob_token, edit.clone())
            .await
            .unwrap()
            .status(),
        403
    );
    let list = body(t.get("/portal/tickets?search=banging", &token).await).await;
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        1,
        "the search follows the new subject"
    );

    // Once staff take it up it is theirs: a note, not an edit.
    let staff_path = format!("/admin/customers/{cid}/tickets/{id}");
    let current = body(t.get(&staff_path, &staff).await).await;
    let version = current["ticket"]["version"].as_u64().unwrap();
    let r = t
        .request(Method::PUT, &staff_path, Some(&staff))
        .header("If-Match", format!("\"{version}\""))
        .json(&json!({ "subject": "Boiler banging", "description": "Loud bangs at night.", "type": "fault", "priority": "high", "status": "in_progress", "visible_in_portal": true, "contact_id": alice["id"], "assignee": null }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = send(Method::PUT, path.clone(), &token, edit).await.unwrap();
    assert_eq!(r.status(), 409);

    // Closed by the contact: rated once (1 to 5), reopened within the business's days.
    let closed = body(
        send(Method::POST, format!("{path}/close"), &token, json!({}))
            .await
            .unwrap(),
    )
    .await;
    assert!(closed["reopen_until"].is_string());
    assert_eq!(closed["ratable"], true);
    let r = send(Method::POST, format!("{path}/rating"), &token, json!({ "score": 6 }))
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert_eq!(problem(r).await["errors"][0]["field"], "score");
    let r = send(
        Method::POST,
        format!("{path}/rating"),
        &bob_token,
        json!({ "score": 1 }),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 403, "a colleague who neither raised it nor is its contact");
    let rated = body(
        send(
            Method::POST,
            format!("{path}/rating"),
            &token,
            json!({ "score": 4, "comment": "Quick fix" }),
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(
        (rated["rating"]["score"].as_u64(), rated["ratable"].as_bool()),
        (Some(4), Some(false))
    );
    let r = send(Method::POST, format!("{path}/rating"), &token, json!({ "score": 5 }))
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
    let seen = body(t.get(&staff_path, &staff).await).await;
    assert_eq!(seen["ticket"]["rating"]["comment"], "Quick fix", "staff see the rating");
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/customers/{cid}/portal-modules"),
            Some(&staff),
        )
        .json(&json!({ "modules": ["main_info", "tickets", "ticket_dashboard"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let dashboard = body(t.get("/portal/reports/tickets", &token).await).await;
    assert_eq!(dashboard["satisfaction"], json!({ "ratings": 1, "average": 4.0 }));

    let reopened = body(
        send(Method::POST, format!("{path}/reopen"), &token, json!({}))
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(
        (reopened["status"].as_str(), reopened["reopen_until"].is_null()),
        (Some("new"), true)
    );
    assert_eq!(reopened["rating"]["score"], 4, "the rating stays");
    assert_eq!(
        send(Method::POST, format!("{path}/reopen"), &token, json!({}))
            .await
            .unwrap()
            .status(),
        409
    );

    // Closed too long ago, or closed by staff: not reopened.
    body(
        send(Method::POST, format!("{path}/close"), &token, json!({}))
            .await
            .unwrap(),
    )
    .await;
    let mut stored = t.ctx.table.ticket(cid, &id).await.unwrap().unwrap();
    stored.closed_at = stored.closed_at.map(|c| c - time::Duration::days(8));
    t.ctx.table.put(&stored).await.unwrap();
    let r = send(Method::POST, format!("{path}/reopen"), &token, json!({}))
        .await
        .unwrap();
    assert_eq!(r.status(), 409);
    assert!(problem(r).await["detail"].as_str().unwrap().contains("within 7 days"));
    let other = raise(&t, &token, "Tap dripping").await;
    let other_path = format!("/admin/customers/{cid}/tickets/{}", other["id"].as_str().unwrap());
    let r = t
        .request(Method::PUT, &other_path, Some(&staff))
        .header("If-Match", "\"1\"")
        .json(&json!({ "subject": "Tap dripping", "description": "It broke.", "type": "fault", "priority": "high", "status": "closed", "visible_in_portal": true, "contact_id": alice["id"], "assignee": null }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let r = send(
        Method::POST,
        format!("/portal/tickets/{}/reopen", other["id"].as_str().unwrap()),
        &token,
        json!({}),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 409);
    let staff_closed = body(
        t.get(&format!("/portal/tickets/{}", other["id"].as_str().unwrap()), &token)
            .await,
    )
    .await;
    assert_eq!(
        (
            staff_closed["reopen_until"].is_null(),
            staff_closed["ratable"].as_bool()
        ),
        (true, Some(true))
    );
}
