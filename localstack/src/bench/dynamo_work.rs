//! DynamoDB work per portal route: round trips and items read for one request, counted by an
//! interceptor on the SDK client, with the customer's partition grown from 10 to 100,000 tickets and from 10
//! to 5,000 sites (200,000 assets, 1,000,000 defects).

use serde_json::{json, Value};
use shared::{
    table::tickets::{Priority, Ticket, TicketStatus, TicketType},
    Context,
};

use super::{
    counting::{Counter, Work},
    events::{first_id, http_event, resolve, Callers, Dispatcher, Reply},
};
use crate::provision::BoxError;

/// Tickets in the customer's partition at each measurement.
pub const SIZES: [usize; 3] = [10, 1_000, 100_000];

pub struct RouteWork {
    pub method: &'static str,
    pub template: String,
    pub status: u16,
    /// One figure per partition size for reads; one figure (at the largest size) for writes.
    pub work: Vec<Work>,
}

struct Measured<'a> {
    dispatcher: Dispatcher,
    counter: Counter,
    callers: &'a Callers,
}

impl Measured<'_> {
    async fn call(
        &self,
        method: &str,
        uri: &str,
        body: Option<Value>,
        if_match: Option<u64>,
    ) -> Result<(Reply, Work), BoxError> {
        let path = uri.split('?').next().unwrap_or(uri);
        let mut event = http_event(method, uri, body.as_ref(), self.callers.for_path(path));
        if let Some(v) = if_match {
            event["headers"]["if-match"] = json!(format!("\"{v}\""));
        }
        self.counter.take();
        let reply = self.dispatcher.call(&event).await?;
        Ok((reply, self.counter.take()))
    }
}

pub async fn measure(ctx: &Context, callers: &Callers) -> Result<Vec<RouteWork>, BoxError> {
    let counter = Counter::default();
    let counted = counter.context(ctx);
    let m = Measured {
        dispatcher: Dispatcher::new(&counted).await?,
        counter,
        callers,
    };

    // The first tickets go in before path ids are chosen, so `/portal/tickets/{id}` reads a real ticket.
    let mut seeded = grow(ctx, callers, 0, SIZES[0]).await?;
    let mut reads: Vec<(String, String)> = Vec::new();
    for f in &m.dispatcher.functions {
        for (template, item) in &f.openapi.paths.paths {
            if item.get.is_some() && template.starts_with("/portal/") {
                reads.push((template.clone(), resolve(&m.dispatcher, callers, template).await));
            }
        }
    }
    reads.sort();

    let mut out: Vec<RouteWork> = reads
        .iter()
        .map(|(t, _)| RouteWork {
            method: "GET",
            template: t.clone(),
            status: 0,
            work: Vec::new(),
        })
        .collect();
    let mut sites = 0;
    for (size, site_count) in SIZES.into_iter().zip(super::field_scale::SITES) {
        seeded += grow(ctx, callers, seeded, size).await?;
        super::field_scale::grow(ctx, &callers.customer_id, sites, site_count).await?;
        sites = site_count;
        eprintln!("  DynamoDB work: {size} tickets and {site_count} sites in the partition");
        for (row, (_, uri)) in out.iter_mut().zip(&reads) {
            let (reply, work) = m.call("GET", uri, None, None).await?;
            row.status = reply.status;
            row.work.push(work);
        }
    }
    out.extend(writes(&m).await?);
    Ok(out)
}

/// Adds portal-visible tickets raised by the caller until the partition holds `size` of them.
async fn grow(ctx: &Context, callers: &Callers, seeded: usize, size: usize) -> Result<usize, BoxError> {
    let contact_id = callers
        .portal
        .get(shared::principal::CLAIM_CONTACT_ID)
        .cloned()
        .unwrap_or_default();
    let tickets = bulk_tickets(
        &callers.customer_id,
        &contact_id,
        1_000_000 + seeded as u64,
        size.saturating_sub(seeded),
    );
    ctx.table
        .put_many(&tickets)
        .await
        .map_err(|e| format!("seeding tickets: {e}"))?;
    Ok(tickets.len())
}

/// `count` open, portal-visible tickets raised by one contact, numbered from `first`: bulk data for the
/// benchmark and the tests, written with `Table::put_many`.
pub fn bulk_tickets(customer_id: &str, contact_id: &str, first: u64, count: usize) -> Vec<Ticket> {
    let now = time::OffsetDateTime::now_utc();
    (first..first + count as u64)
        .map(|number| Ticket {
            id: shared::ids::new_id(),
            number,
            customer_id: customer_id.to_owned(),
            subject: format!("Bulk ticket {number}"),
            description: "Written in bulk.".into(),
            ticket_type: TicketType::Request,
            priority: Priority::Low,
            status: TicketStatus::New,
            visible_in_portal: true,
            originator_contact_id: Some(contact_id.to_owned()),
            contact_id: Some(contact_id.to_owned()),
            contact_name: Some("Bulk Contact".into()),
            assignee: None,
            created_at: now,
            updated_at: now,
            closed_at: None,
            data_sheet_id: None,
            subject_search: format!("bulk ticket {number}"),
            closed_by_contact: None,
            rating: None,
            confidential: false,
            sla: Default::default(),
            attachments: Vec::new(),
            version: 1,
        })
        .collect()
}

/// The id a create answered with; a fresh one (answering 404) when it refused, so the rest still runs.
fn id_or_fresh(v: &Value) -> String {
    v.as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| ulid::Ulid::new().to_string())
}

/// One request of each portal write, in the order a contact would make them, with real bodies.
async fn writes(m: &Measured<'_>) -> Result<Vec<RouteWork>, BoxError> {
    let mut out = Vec::new();
    let verbose = std::env::var_os("BENCH_VERBOSE").is_some();
    let mut record = |method: &'static str, template: &str, (reply, work): (Reply, Work)| -> Value {
        if verbose && reply.status >= 400 {
            eprintln!("  {method} {template}: {} {}", reply.status, reply.body);
        }
        out.push(RouteWork {
            method,
            template: template.to_owned(),
            status: reply.status,
            work: vec![work],
        });
        reply.body
    };
    let unique = ulid::Ulid::new().to_string().to_lowercase();

    let ticket = record("POST", "/portal/tickets", m.call("POST", "/portal/tickets", Some(json!({ "subject": "Benchmark: boiler pressure low", "description": "Raised by the benchmark.", "type": "fault", "priority": "normal" })), None).await?);
    let t = id_or_fresh(&ticket["id"]);
    record(
        "POST",
        "/portal/tickets/{id}/notes",
        m.call(
            "POST",
            &format!("/portal/tickets/{t}/notes"),
            Some(json!({ "body": "Still low this morning." })),
            None,
        )
        .await?,
    );
    record(
        "POST",
        "/portal/tickets/{id}/close",
        m.call("POST", &format!("/portal/tickets/{t}/close"), None, None)
            .await?,
    );
    record("POST", "/portal/contacts", m.call("POST", "/portal/contacts", Some(json!({ "first_name": "Bench", "last_name": format!("Colleague {unique}"), "email": format!("bench.{unique}@example.com") })), None).await?);

    let templates = m.dispatcher.get(m.callers, "/portal/datasheets/templates").await?;
    let template_id = first_id(&templates.body).unwrap_or_else(|| ulid::Ulid::new().to_string());
    let sheet = record(
        "POST",
        "/portal/datasheets",
        m.call(
            "POST",
            "/portal/datasheets",
            Some(json!({ "template_id": template_id })),
            None,
        )
        .await?,
    );
    let s = id_or_fresh(&sheet["sheet"]["id"]);
    let version = sheet["sheet"]["version"].as_u64().unwrap_or(1);
    record(
        "PUT",
        "/portal/datasheets/{id}",
        m.call(
            "PUT",
            &format!("/portal/datasheets/{s}"),
            Some(json!({ "values": { "site": "Head office" } })),
            Some(version),
        )
        .await?,
    );
    record(
        "POST",
        "/portal/datasheets/{id}/submit",
        m.call("POST", &format!("/portal/datasheets/{s}/submit"), None, None)
            .await?,
    );

    let upload = record(
        "POST",
        "/portal/documents/uploads",
        m.call(
            "POST",
            "/portal/documents/uploads",
            Some(json!({ "name": "meter-reading.txt", "content_type": "text/plain", "size": 5 })),
            None,
        )
        .await?,
    );
    let d = id_or_fresh(&upload["document"]["id"]);
    if let Some(url) = upload["upload"]["url"].as_str() {
        let mut put = reqwest::Client::new().put(url).body("12345");
        for (name, value) in upload["upload"]["headers"].as_object().into_iter().flatten() {
            put = put.header(name.as_str(), value.as_str().unwrap_or_default());
        }
        put.send().await?;
    }
    record(
        "POST",
        "/portal/documents/{id}/complete",
        m.call("POST", &format!("/portal/documents/{d}/complete"), None, None)
            .await?,
    );

    let news = m.dispatcher.get(m.callers, "/portal/news").await?;
    let n = first_id(&news.body).unwrap_or_else(|| ulid::Ulid::new().to_string());
    record(
        "POST",
        "/portal/news/{id}/dismiss",
        m.call("POST", &format!("/portal/news/{n}/dismiss"), None, None).await?,
    );

    // The public routes, refused as a stranger's guesses are: what an attacker costs.
    // A name of its own: the cold-start runs have already used up the throttle of the workloads' stranger.
    let stranger = format!("bench.stranger.{unique}");
    let stranger = stranger.as_str();
    for (template, body) in [
        (
            "/portal/auth/login",
            json!({ "username": stranger, "password": "Not-The-Password-1" }),
        ),
        (
            "/portal/auth/login/mfa",
            json!({ "username": stranger, "session": "not-a-session", "code": "123456" }),
        ),
        (
            "/portal/auth/refresh",
            json!({ "username": stranger, "refresh_token": "not-a-token" }),
        ),
        (
            "/portal/auth/logout",
            json!({ "username": stranger, "refresh_token": "not-a-token" }),
        ),
        (
            "/portal/auth/activate",
            json!({ "token": "not-a-token", "password": "Another-Password-2026" }),
        ),
        (
            "/portal/auth/activate/totp",
            json!({ "token": "not-a-token", "code": "123456" }),
        ),
        ("/portal/auth/password/forgot", json!({ "username": stranger })),
        (
            "/portal/auth/password/reset",
            json!({ "token": "not-a-token", "password": "Another-Password-2026" }),
        ),
    ] {
        record("POST", template, m.call("POST", template, Some(body), None).await?);
    }
    Ok(out)
}
