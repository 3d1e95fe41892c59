//! The DynamoDB work behind the portal's reads, counted by the benchmark's interceptor on the SDK client:
//! every list is the session check plus one query, whatever the partition holds.

use std::collections::HashMap;

use e2e::TestStack;
use localstack::bench::{
    counting::Counter,
    dynamo_work::bulk_tickets,
    events::{http_event, Dispatcher},
};
use serde_json::json;

/// A customer with a portal contact, and a dispatcher whose DynamoDB client counts its work:
/// (customer id, contact id, counter, dispatcher, the contact's claims).
async fn counted_portal(t: &TestStack, name: &str) -> (String, String, Counter, Dispatcher, HashMap<String, String>) {
    let (customer, contact, _) = t.customer_with_portal_contact(name).await;
    let (cid, kid) = (
        customer["id"].as_str().unwrap().to_owned(),
        contact["id"].as_str().unwrap().to_owned(),
    );
    let counter = Counter::default();
    let d = Dispatcher::new(&counter.context(&t.ctx)).await.unwrap();
    let portal: HashMap<String, String> = [
        ("sub".to_owned(), format!("{cid}-contact")),
        ("cognito:username".to_owned(), name.to_lowercase().replace(' ', ".")),
        ("custom:customer_id".to_owned(), cid.clone()),
        ("custom:contact_id".to_owned(), kid.clone()),
    ]
    .into();
    (cid, kid, counter, d, portal)
}

#[tokio::test]
async fn every_portal_list_is_two_round_trips_and_a_page_of_items_among_two_thousand_tickets() {
    let t = TestStack::start().await;
    let (cid, kid, counter, d, portal) = counted_portal(&t, "Flat Co").await;
    let staff: HashMap<String, String> = [
        ("sub".to_owned(), "flat-co-staff".to_owned()),
        ("cognito:groups".to_owned(), "[supervisor]".to_owned()),
    ]
    .into();

    let modules = json!({ "modules": shared::modules::Module::ALL });
    let uri = format!("/admin/customers/{cid}/portal-modules");
    assert_eq!(
        d.call(&http_event("PUT", &uri, Some(&modules), Some(&staff)))
            .await
            .unwrap()
            .status,
        200
    );

    let mut tickets = bulk_tickets(&cid, &kid, 500_000, 2_000);
    // A third confidential: the company-wide list then merges two partitions.
    for ticket in tickets.iter_mut().step_by(3) {
        ticket.confidential = true;
    }
    t.ctx.table.put_many(&tickets).await.unwrap();

    for route in [
        "/portal/tickets",
        "/portal/tickets?limit=100",
        "/portal/tickets?status=closed",
        "/portal/tickets?scope=mine",
        "/portal/tickets?scope=all&status=closed",
        "/portal/contacts",
        "/portal/datasheets",
        "/portal/datasheets/templates",
        "/portal/documents",
        "/portal/jobs",
        "/portal/workflows",
        "/portal/reports/tickets",
    ] {
        session_and_one_read(&d, &counter, &portal, route).await;
    }

    // With the grant the company's list merges the company's partition and the caller's confidential
    // tickets (two reads of a page each, at once); `mine` stays the contact's own: one read.
    let grant = json!({ "see_all_tickets": true });
    let uri = format!("/admin/contacts/{kid}/ticket-visibility");
    assert_eq!(
        d.call(&http_event("PUT", &uri, Some(&grant), Some(&staff)))
            .await
            .unwrap()
            .status,
        200
    );
    for route in ["/portal/tickets", "/portal/tickets?scope=all&limit=100"] {
        session_and_reads(&d, &counter, &portal, route, 2).await;
    }
    for route in ["/portal/tickets?scope=mine", "/portal/tickets?scope=mine&status=closed"] {
        session_and_one_read(&d, &counter, &portal, route).await;
    }

    // The knowledge base among 600 published articles (everyone's and the company's): two reads of a
    // page, whatever the category or keyword.
    let now = time::OffsetDateTime::now_utc();
    let listings: Vec<shared::table::articles::ArticleListing> = (0..600)
        .map(|n| shared::table::articles::ArticleListing {
            audience: if n % 2 == 0 { "ALL".to_owned() } else { cid.clone() },
            article_id: shared::ids::new_id(),
            title: format!("Article {n}"),
            category: if n % 3 == 0 { "Heating" } else { "Fire" }.to_owned(),
            summary: "Text".into(),
            search_text: format!("article {n} text"),
            published_at: now - time::Duration::minutes(n),
            updated_at: now,
        })
        .collect();
    t.ctx.table.put_many(&listings).await.unwrap();
    for route in [
        "/portal/articles",
        "/portal/articles?limit=100",
        "/portal/articles?category=Heating",
        "/portal/articles?q=nothing-matches",
    ] {
        session_and_reads(&d, &counter, &portal, route, 2).await;
    }

    // A ticket by id: the session, the ticket, its conversation.
    let id = &tickets[7].id;
    counter.take();
    assert_eq!(
        d.call(&http_event(
            "GET",
            &format!("/portal/tickets/{id}"),
            None,
            Some(&portal)
        ))
        .await
        .unwrap()
        .status,
        200
    );
    assert_eq!(counter.take().round_trips, 3);
}

#[tokio::test]
async fn the_sites_panels_and_lists_read_a_page_or_one_item_among_thousands_of_defects() {
    use shared::table::{
        defects::{Defect, DefectStatus},
        sites::{Severity, Site},
    };
    let t = TestStack::start().await;
    let (cid, _, counter, d, portal) = counted_portal(&t, "Flat Sites").await;

    // 300 sites and 3,000 published defects, written straight to the table: this measures reads only.
    let now = time::OffsetDateTime::now_utc();
    let sites: Vec<Site> = (0..300)
        .map(|n| Site {
            id: shared::ids::new_id(),
            customer_id: cid.clone(),
            name: format!("Site {n:03}"),
            address: Default::default(),
            latitude: Some(51.0),
            longitude: Some(0.0),
            notes: None,
            created_at: now,
            updated_at: now,
            version: 1,
        })
        .collect();
    t.ctx.table.put_many(&sites).await.unwrap();
    let defects: Vec<Defect> = (0..3_000)
        .map(|n| Defect {
            id: shared::ids::new_id(),
            customer_id: cid.clone(),
            site_id: sites[n % 3].id.clone(),
            asset_id: None,
            severity: Severity::ALL[n % 5],
            description: format!("defect {n}"),
            status: if n % 4 == 0 {
                DefectStatus::Resolved
            } else {
                DefectStatus::Open
            },
            raised_at: now,
            resolved_at: None,
            published: true,
            created_at: now,
            updated_at: now,
            version: 1,
        })
        .collect();
    t.ctx.table.put_many(&defects).await.unwrap();

    let site = &sites[0].id;
    for (route, round_trips, most) in [
        ("/portal/defects/summary".to_owned(), 2, 4 + 1),
        ("/portal/defects".to_owned(), 2, 4 + 26),
        ("/portal/defects?status=resolved&limit=100".to_owned(), 2, 4 + 101),
        // The page of sites, then its counters in one BatchGetItem.
        ("/portal/sites".to_owned(), 3, 4 + 26 + 25),
        ("/portal/sites?limit=100".to_owned(), 3, 4 + 101 + 100),
        // The session and the site with its first query at once, then nothing more.
        (format!("/portal/sites/{site}"), 3, 4 + 2),
        (format!("/portal/sites/{site}/defects"), 3, 4 + 1 + 26),
    ] {
        counter.take();
        let reply = d.call(&http_event("GET", &route, None, Some(&portal))).await.unwrap();
        let work = counter.take();
        assert_eq!(reply.status, 200, "{route}: {}", reply.body);
        assert_eq!(work.round_trips, round_trips, "{route}");
        assert!(work.items_read <= most, "{route} read {} items", work.items_read);
    }
}

#[tokio::test]
async fn billing_and_field_service_read_a_page_or_one_item_among_hundreds() {
    use shared::table::{
        billing::Line,
        invoices::{Invoice, InvoiceStatus},
        operations::{FieldWork, Job, JobKind, JobStage, JobStatus},
        quotes::{Quote, QuoteKind, QuoteStatus},
        sites::Site,
    };
    let t = TestStack::start().await;
    let (cid, _, counter, d, portal) = counted_portal(&t, "Flat Billing").await;

    // Written straight to the table: this measures reads only.
    let now = time::OffsetDateTime::now_utc();
    let site = Site {
        id: shared::ids::new_id(),
        customer_id: cid.clone(),
        name: "Billed".into(),
        address: Default::default(),
        latitude: None,
        longitude: None,
        notes: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    t.ctx.table.put_many(std::slice::from_ref(&site)).await.unwrap();
    let line = Line {
        description: "x".into(),
        quantity: 1.0,
        unit_price: 100,
    };
    let quotes: Vec<Quote> = (0..300)
        .map(|n| Quote {
            id: shared::ids::new_id(),
            customer_id: cid.clone(),
            site_id: site.id.clone(),
            number: format!("Q-{n}"),
            kind: QuoteKind::Service,
            defect_ids: vec![],
            title: "t".into(),
            description: None,
            lines: vec![line.clone()],
            tax_rate: 0,
            currency: "GBP".into(),
            subtotal: 100,
            tax: 0,
            total: 100,
            valid_until: now.date(),
            status: [QuoteStatus::Sent, QuoteStatus::Authorised, QuoteStatus::Declined][n % 3],
            sent_at: Some(now),
            decision: None,
            created_at: now,
            updated_at: now,
            version: 1,
        })
        .collect();
    t.ctx.table.put_many(&quotes).await.unwrap();
    let invoices: Vec<Invoice> = (0..600)
        .map(|n| Invoice {
            id: shared::ids::new_id(),
            customer_id: cid.clone(),
            site_id: site.id.clone(),
            number: format!("I-{n}"),
            quote_id: None,
            issued_on: now.date(),
            due_on: now.date(),
            lines: vec![line.clone()],
            tax_rate: 0,
            currency: "GBP".into(),
            subtotal: 100,
            tax: 0,
            total: 100,
            status: [InvoiceStatus::Unpaid, InvoiceStatus::Paid][n % 2],
            paid_on: None,
            document_id: None,
            created_at: now,
            updated_at: now,
            version: 1,
        })
        .collect();
    t.ctx.table.put_many(&invoices).await.unwrap();
    let month = shared::table::operations::month_of(now.date());
    let jobs: Vec<Job> = (0..400)
        .map(|n| Job {
            id: shared::ids::new_id(),
            customer_id: cid.clone(),
            reference: format!("F-{n}"),
            description: "x".into(),
            job_type: "x".into(),
            taken_by: None,
            order_number: None,
            booked_dates: vec![],
            scheduled_at: None,
            days_allocated: None,
            technicians: vec![],
            estimated_hours: None,
            actual_hours: None,
            status: JobStatus::Booked,
            finished_at: None,
            closed_at: None,
            field: Some(FieldWork {
                site_id: site.id.clone(),
                kind: [JobKind::Routine, JobKind::Reactive][n % 2],
                stage: JobStage::ALL[n % 5],
                due_month: (n % 2 == 0).then(|| month.clone()),
                tolerance_days: 7,
                logged_on: now.date(),
                performed_on: None,
            }),
            created_at: now,
            updated_at: now,
            version: 1,
        })
        .collect();
    t.ctx.table.put_many(&jobs).await.unwrap();

    for route in [
        "/portal/quotes",
        "/portal/quotes?status=declined&limit=100",
        "/portal/invoices",
        "/portal/invoices?status=paid&limit=100",
        &format!("/portal/routine?month={month}"),
        &format!("/portal/service-calls?month={month}&stage=ready&limit=100"),
    ] {
        session_and_one_read(&d, &counter, &portal, route).await;
    }
    let s = &site.id;
    for (route, round_trips, most) in [
        ("/portal/activity".to_owned(), 2, 4 + 1),
        ("/portal/spend".to_owned(), 2, 4 + 1),
        ("/portal/routine/summary".to_owned(), 2, 4 + 1),
        ("/portal/service-calls/summary".to_owned(), 2, 4 + 1),
        (format!("/portal/sites/{s}/jobs"), 3, 4 + 1 + 26),
        (format!("/portal/quotes/{}", quotes[0].id), 2, 4 + 1),
        (format!("/portal/invoices/{}", invoices[0].id), 2, 4 + 1),
        // The session, the site and the page at once.
        (format!("/portal/sites/{s}/quotes"), 3, 4 + 1 + 26),
        (format!("/portal/sites/{s}/invoices?status=paid"), 3, 4 + 1 + 26),
    ] {
        counter.take();
        let reply = d.call(&http_event("GET", &route, None, Some(&portal))).await.unwrap();
        let work = counter.take();
        assert_eq!(reply.status, 200, "{route}: {}", reply.body);
        assert_eq!(work.round_trips, round_trips, "{route}");
        assert!(work.items_read <= most, "{route} read {} items", work.items_read);
    }
}

/// `route` answers 200 after the session check (at most 4 items) and one read of at most limit + 1 items.
async fn session_and_one_read(d: &Dispatcher, counter: &Counter, portal: &HashMap<String, String>, route: &str) {
    session_and_reads(d, counter, portal, route, 1).await;
}

/// The session check and `reads` queries of at most a page (`limit + 1` items) each.
async fn session_and_reads(
    d: &Dispatcher,
    counter: &Counter,
    portal: &HashMap<String, String>,
    route: &str,
    reads: usize,
) {
    counter.take();
    let reply = d.call(&http_event("GET", route, None, Some(portal))).await.unwrap();
    let work = counter.take();
    assert_eq!(reply.status, 200, "{route}: {}", reply.body);
    assert_eq!(
        work.round_trips,
        1 + reads,
        "{route}: the session check and {reads} read(s)"
    );
    let limit = route.split("limit=").nth(1).map_or(25, |l| l.parse().unwrap());
    assert!(
        work.items_read <= 4 + reads * (limit + 1),
        "{route} read {} items",
        work.items_read
    );
    if let Some(items) = reply.body["items"].as_array() {
        assert_eq!(items.len().min(limit), items.len(), "{route}: at most a page");
    }
}

#[tokio::test]
async fn a_search_is_the_session_and_one_bounded_query_per_word_among_hundreds_of_matches() {
    use shared::table::sites::Site;
    let t = TestStack::start().await;
    let (cid, _, counter, d, portal) = counted_portal(&t, "Flat Search").await;
    let now = time::OffsetDateTime::now_utc();
    // Only the index is written: a search reads nothing else.
    for n in 0..600 {
        let site = Site {
            id: shared::ids::new_id(),
            customer_id: cid.clone(),
            name: format!("Boiler House {n}"),
            address: Default::default(),
            latitude: None,
            longitude: None,
            notes: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        let actions = t.ctx.table.search_actions(None, Some(&site)).unwrap();
        t.ctx.table.transact(actions).await.unwrap();
    }
    for (route, words, found, partial) in [
        ("/portal/search?q=boil", 1, 20, true),
        ("/portal/search?q=boiler+house+417&limit=50", 3, 1, false),
    ] {
        counter.take();
        let reply = d.call(&http_event("GET", route, None, Some(&portal))).await.unwrap();
        let work = counter.take();
        assert_eq!(reply.status, 200, "{route}: {}", reply.body);
        let body = &reply.body;
        assert_eq!(body["items"].as_array().unwrap().len(), found, "{route}");
        assert_eq!(body["partial"], partial, "{route}");
        // The session, a Query per word, and one filtered Query each of everyone's and the company's
        // knowledge base listings (articles are found through them, not the index; none here).
        assert_eq!(
            work.round_trips,
            1 + words + 2,
            "{route}: the session, a Query per word, the articles"
        );
        assert!(
            work.items_read <= 4 + search::portal::POSTINGS_READ + words,
            "{route} read {} items",
            work.items_read
        );
    }
}

#[tokio::test]
async fn the_activity_report_reads_the_months_counters_and_a_row_per_site_never_the_events() {
    use shared::table::{
        defects::{Defect, DefectStatus},
        sites::{Severity, Site},
    };
    let t = TestStack::start().await;
    let (cid, _, counter, d, portal) = counted_portal(&t, "Flat Report").await;
    let now = time::OffsetDateTime::now_utc();
    let sites: Vec<Site> = (0..20)
        .map(|n| Site {
            id: shared::ids::new_id(),
            customer_id: cid.clone(),
            name: format!("Report House {n}"),
            address: Default::default(),
            latitude: None,
            longitude: None,
            notes: None,
            created_at: now,
            updated_at: now,
            version: 1,
        })
        .collect();
    t.ctx.table.put_many(&sites).await.unwrap();
    // 300 defects raised this month, each through its own write (which keeps the month's counters).
    for n in 0..300 {
        let defect = Defect {
            id: shared::ids::new_id(),
            customer_id: cid.clone(),
            site_id: sites[n % sites.len()].id.clone(),
            asset_id: None,
            severity: Severity::ALL[n % Severity::ALL.len()],
            description: "Crack".into(),
            status: DefectStatus::Open,
            raised_at: now,
            resolved_at: None,
            published: true,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        t.ctx.table.save_defect(None, Some(&defect)).await.unwrap();
    }
    counter.take();
    let reply = d
        .call(&http_event("GET", "/portal/reports/activity", None, Some(&portal)))
        .await
        .unwrap();
    let work = counter.take();
    assert_eq!(reply.status, 200, "{}", reply.body);
    let raised = reply.body["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["figures"].as_array().unwrap())
        .find(|f| f["key"] == "defects_raised")
        .unwrap()["count"]
        .clone();
    assert_eq!(raised, 300);
    // The session check, then in parallel: the month's Query, the first month, the chart's batch, the names.
    assert_eq!(work.round_trips, 5, "{work:?}");
    // The session's 3 items, the month's total and 20 site rows, 1 first month, 5 earlier totals (none
    // exist yet) and 20 site names: never the 300 defects.
    assert!(work.items_read <= 3 + 21 + 1 + 5 + 20, "{work:?}");
}

#[tokio::test]
async fn a_staff_report_page_reads_at_most_six_queries_of_a_page_among_two_thousand_tickets() {
    let t = TestStack::start().await;
    let (cid, kid, counter, d, _) = counted_portal(&t, "Flat Staff Report").await;
    let staff: HashMap<String, String> = [
        ("sub".to_owned(), "flat-report-staff".to_owned()),
        ("cognito:groups".to_owned(), "[viewer]".to_owned()),
    ]
    .into();
    let now = time::OffsetDateTime::now_utc();
    let mut tickets = bulk_tickets(&cid, &kid, 700_000, 2_000);
    for (i, ticket) in tickets.iter_mut().enumerate() {
        ticket.created_at = now - time::Duration::hours(i as i64);
    }
    t.ctx.table.put_many(&tickets).await.unwrap();
    let from = (now - time::Duration::days(90)).date();
    for (route, rows) in [
        (format!("/admin/reports/tickets?from={from}"), 25),
        (
            format!("/admin/reports/tickets?from={from}&limit=100&fields=priority"),
            100,
        ),
        // Nothing matches: the page walks its six Queries and hands back a cursor.
        (format!("/admin/reports/tickets?from={from}&status=closed"), 0),
    ] {
        counter.take();
        let reply = d.call(&http_event("GET", &route, None, Some(&staff))).await.unwrap();
        let work = counter.take();
        assert_eq!(reply.status, 200, "{route}: {}", reply.body);
        assert_eq!(reply.body["items"].as_array().unwrap().len(), rows, "{route}");
        let limit = if rows == 100 { 100 } else { 25 };
        // At most six Queries of limit + 1, and one batch of the page's customers.
        assert!(work.round_trips <= 7, "{route}: {work:?}");
        assert!(work.items_read <= 6 * (limit + 1) + 1, "{route}: {work:?}");
    }
}

#[tokio::test]
async fn projects_read_a_page_or_one_collection_among_hundreds_of_projects_and_comments() {
    use shared::table::{
        contacts::Actor,
        projects::{Project, ProjectComment, ProjectStatus, ProjectTask, ProjectTaskStatus},
    };
    let t = TestStack::start().await;
    let (cid, kid, counter, d, portal) = counted_portal(&t, "Project Work Co").await;
    let now = time::OffsetDateTime::now_utc();
    let today = t.ctx.table.zone.today();
    let project = |n: i64| Project {
        name: format!("Project {n}"),
        status: if n % 4 == 0 {
            ProjectStatus::Completed
        } else {
            ProjectStatus::Active
        },
        due_date: Some(today + time::Duration::days(n - 150)),
        ..Project::new(&cid, now)
    };
    let mut projects: Vec<Project> = (0..300).map(project).collect();
    // One project with the most tasks it may hold and 300 comments, a third on one task.
    let big = &mut projects[1];
    let tasks: Vec<ProjectTask> = (0..shared::table::projects::MAX_TASKS)
        .map(|n| ProjectTask {
            title: format!("Task {n}"),
            description: Some("Details of the task.".into()),
            status: ProjectTaskStatus::InProgress,
            progress: 50,
            due_date: Some(today + time::Duration::days(n as i64 - 50)),
            ..ProjectTask::new(big, now)
        })
        .collect();
    for task in &tasks {
        big.tasks.insert(task.id.clone(), task.summary());
    }
    let (pid, tid) = (big.id.clone(), tasks[0].id.clone());
    let comments: Vec<ProjectComment> = (0..300)
        .map(|n| ProjectComment {
            id: shared::ids::new_id(),
            customer_id: cid.clone(),
            project_id: pid.clone(),
            task_id: (n % 3 == 0).then(|| tid.clone()),
            body: format!("Comment {n}"),
            author: Actor::Contact { id: kid.clone() },
            author_name: "Pat".into(),
            created_at: now,
        })
        .collect();
    t.ctx.table.put_many(&projects).await.unwrap();
    t.ctx.table.put_many(&tasks).await.unwrap();
    t.ctx.table.put_many(&comments).await.unwrap();

    for route in [
        "/portal/projects",
        "/portal/projects?limit=100",
        "/portal/projects?state=closed",
    ] {
        session_and_one_read(&d, &counter, &portal, route).await;
    }
    // The project, its milestones and every task: one Query of its collection.
    counter.take();
    let reply = d
        .call(&http_event(
            "GET",
            &format!("/portal/projects/{pid}"),
            None,
            Some(&portal),
        ))
        .await
        .unwrap();
    let work = counter.take();
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body["tasks"].as_array().unwrap().len(), tasks.len());
    assert_eq!(reply.body["overdue_tasks"], 50);
    assert_eq!(work.round_trips, 2, "the session and one Query: {work:?}");
    assert!(work.items_read <= 4 + 1 + tasks.len(), "{work:?}");
    // Comments: the project (to check it is the caller's) and a page.
    for route in [
        format!("/portal/projects/{pid}/comments"),
        format!("/portal/projects/{pid}/comments?limit=100"),
        format!("/portal/projects/{pid}/tasks/{tid}/comments"),
    ] {
        session_and_reads(&d, &counter, &portal, &route, 2).await;
    }
}
