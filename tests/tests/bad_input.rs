//! The bad-input battery: every operation of the OpenAPI document the gateway serves, sent garbage with
//! the right token (portal routes as the demo contact alice.acme, staff routes as the demo supervisor,
//! the public sign-in routes without one). Every answer must be a 4xx problem document (never a 2xx for
//! garbage, never a 5xx) and the table must be exactly as it was.
//!
//! - Every JSON body: trailing input after the document; arrays and scalars instead of the object; the
//!   wrong type in each field and control characters in each string (from the schema, and in the values
//!   of free-form objects); nesting 10,000 deep; 300 KiB; the wrong content type.
//! - Every path id: traversal, NUL, 5,000 characters, non-ASCII.
//! - Every list: `limit` out of range or not a number, broken cursors.
//!
//! Each fault is made on a body that is otherwise valid, on real objects of the demo data, so that the
//! fault is the only thing wrong; at the end every valid body is sent once and must pass validation
//! (the control). A JSON-body operation without an example here fails the battery.

use std::collections::{BTreeSet, HashMap};

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use e2e::{operations, Snapshot, TestStack};
use localstack::{
    cognito,
    seed::{self, datasheets::INSPECTION, demo_id},
};
use reqwest::Method;
use serde_json::{json, Value};
use tokio::task::JoinSet;

/// How a malformed body may be refused: 400 (not JSON), 413, 415 or 422 (a field named).
const INPUT: &[u16] = &[400, 413, 415, 422];

const CONTROL: &str = "a\u{0}b\u{1b}[2J";

fn changed(before: &Snapshot, after: &Snapshot) -> Vec<String> {
    before
        .keys()
        .chain(after.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|k| before.get(*k) != after.get(*k))
        .map(|(pk, sk)| format!("{pk} {sk}"))
        .collect()
}

/// One operation of the document.
struct Op {
    id: String,
    method: Method,
    path: String,
    path_params: Vec<String>,
    query_params: Vec<String>,
    if_match: bool,
    body_schema: Option<Value>,
}

fn operations_of(doc: &Value) -> Vec<Op> {
    let mut ops = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            let Ok(m) = method.to_uppercase().parse::<Method>() else {
                continue;
            };
            let params = op["parameters"].as_array().cloned().unwrap_or_default();
            let named = |place: &str| {
                params
                    .iter()
                    .filter(|p| p["in"] == place)
                    .filter_map(|p| p["name"].as_str().map(str::to_owned))
                    .collect::<Vec<_>>()
            };
            ops.push(Op {
                id: op["operationId"].as_str().expect("operationId").to_owned(),
                method: m,
                path: path.clone(),
                path_params: named("path"),
                query_params: named("query"),
                if_match: named("header").iter().any(|h| h.eq_ignore_ascii_case("if-match")),
                body_schema: op["requestBody"]["content"]["application/json"].get("schema").cloned(),
            });
        }
    }
    ops.sort_by(|a, b| (&a.path, a.method.as_str()).cmp(&(&b.path, b.method.as_str())));
    ops
}

/// The demo objects the valid requests name, by the path segment before their id, with their versions.
struct Fixtures {
    ids: HashMap<&'static str, String>,
    versions: HashMap<&'static str, u64>,
    alice: String,
    staff: String,
    carol: String,
    alice_id: String,
    templates: Vec<String>,
    template: Value,
    sheet_values: Value,
}

impl Fixtures {
    fn id(&self, segment: &str) -> &str {
        self.ids
            .get(segment)
            .unwrap_or_else(|| {
                panic!("the battery has no demo object for a path segment `{segment}`: add one to Fixtures")
            })
            .as_str()
    }

    fn token(&self, path: &str) -> Option<&str> {
        if path.starts_with("/portal/auth/") {
            None
        } else if path.starts_with("/portal/") {
            Some(&self.alice)
        } else {
            Some(&self.staff)
        }
    }
}

async fn get_json(t: &TestStack, path: &str, token: &str) -> (Value, Option<u64>) {
    let r = t.get(path, token).await;
    assert_eq!(r.status(), 200, "GET {path}");
    let etag = r
        .headers()
        .get("etag")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim_matches('"').parse().ok());
    let v: Value = r.json().await.expect("json");
    let nested = || v.as_object()?.values().find_map(|c| c["version"].as_u64());
    let version = etag.or_else(|| v["version"].as_u64()).or_else(nested);
    (v, version)
}

fn first_id(list: &Value) -> String {
    list["items"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("a demo object in {list}"))
        .to_owned()
}

async fn fixtures(t: &TestStack) -> Fixtures {
    let sign_in = |pool, user: &'static str| {
        cognito::sign_in(
            t.ctx.clients.cognito(),
            pool,
            user,
            seed::DEMO_PASSWORD,
            cognito::EMULATOR_TOTP_SECRET,
        )
    };
    let alice = sign_in(&t.stack.portal, "alice.acme")
        .await
        .expect("alice signs in")
        .id_token;
    let staff = sign_in(&t.stack.staff, "supervisor")
        .await
        .expect("supervisor signs in")
        .id_token;
    let acme = demo_id("AC");
    let carol = demo_id("AC3");
    let mut ids = HashMap::from([("customers", acme.clone()), ("contacts", carol.clone())]);
    ids.insert("tickets", first_id(&get_json(t, "/portal/tickets", &alice).await.0));
    ids.insert(
        "datasheets",
        first_id(&get_json(t, "/portal/datasheets", &alice).await.0),
    );
    ids.insert(
        "documents",
        first_id(
            &get_json(t, &format!("/admin/customers/{acme}/documents"), &staff)
                .await
                .0,
        ),
    );
    ids.insert(
        "jobs",
        first_id(&get_json(t, &format!("/admin/customers/{acme}/jobs"), &staff).await.0),
    );
    ids.insert(
        "workflows",
        first_id(
            &get_json(t, &format!("/admin/customers/{acme}/workflows"), &staff)
                .await
                .0,
        ),
    );
    ids.insert("news", first_id(&get_json(t, "/admin/news", &staff).await.0));
    ids.insert("articles", first_id(&get_json(t, "/portal/articles", &alice).await.0));
    ids.insert("sites", first_id(&get_json(t, "/portal/sites", &alice).await.0));
    ids.insert(
        "assets",
        first_id(
            &get_json(t, &format!("/portal/sites/{}/assets", ids["sites"]), &alice)
                .await
                .0,
        ),
    );
    ids.insert(
        "defects",
        first_id(&get_json(t, &format!("/admin/customers/{acme}/defects"), &staff).await.0),
    );
    ids.insert("quotes", first_id(&get_json(t, "/portal/quotes", &alice).await.0));
    ids.insert("groups", first_id(&get_json(t, "/admin/groups", &staff).await.0));
    ids.insert("invoices", first_id(&get_json(t, "/portal/invoices", &alice).await.0));
    ids.insert("projects", first_id(&get_json(t, "/portal/projects", &alice).await.0));
    let project = get_json(t, &format!("/portal/projects/{}", ids["projects"]), &alice)
        .await
        .0;
    let task = project["tasks"][0].clone();
    ids.insert("tasks", task["id"].as_str().expect("a demo task").to_owned());
    // No such file: every fault in the path must be refused before it is looked for.
    ids.insert("files", demo_id("AC1"));
    let templates = get_json(t, "/admin/datasheet-templates", &staff).await.0;
    let templates: Vec<Value> = templates["items"].as_array().cloned().unwrap_or_default();
    let inspection = templates
        .iter()
        .find(|v| v["name"] == INSPECTION)
        .expect("the inspection template");
    ids.insert("datasheet-templates", inspection["id"].as_str().expect("id").to_owned());
    // A mailed report link of Alice's (the monthly mailing mints these; written directly here).
    let (link, hash) = shared::secrets::new_token();
    t.ctx
        .table
        .put(&shared::table::report_mail::MailedReportLink {
            hash,
            customer_id: acme.clone(),
            contact_id: demo_id("AC1"),
            month: shared::months::month_of(time::OffsetDateTime::now_utc().date()),
            expires_at: time::OffsetDateTime::now_utc() + time::Duration::days(1),
        })
        .await
        .expect("a mailed link");
    ids.insert("mailed", link);
    // An unsubscribe token of the right shape that no email carried: every fault must still be refused.
    ids.insert("unsubscribe", "A".repeat(43));
    // No such attachment: every fault in the path must be refused before it is looked for.
    ids.insert("attachments", demo_id("AC1"));

    let mut versions = HashMap::new();
    let detail = [
        ("customers", format!("/admin/customers/{acme}"), &staff),
        ("contacts", format!("/admin/contacts/{carol}"), &staff),
        (
            "tickets",
            format!("/admin/customers/{acme}/tickets/{}", ids["tickets"]),
            &staff,
        ),
        (
            "datasheets",
            format!("/portal/datasheets/{}", ids["datasheets"]),
            &alice,
        ),
        (
            "datasheet-templates",
            format!("/admin/datasheet-templates/{}", ids["datasheet-templates"]),
            &staff,
        ),
        ("jobs", format!("/admin/customers/{acme}/jobs/{}", ids["jobs"]), &staff),
        (
            "workflows",
            format!("/admin/customers/{acme}/workflows/{}", ids["workflows"]),
            &staff,
        ),
        ("news", format!("/admin/news/{}", ids["news"]), &staff),
        ("articles", format!("/admin/articles/{}", ids["articles"]), &staff),
        (
            "sites",
            format!("/admin/customers/{acme}/sites/{}", ids["sites"]),
            &staff,
        ),
        (
            "assets",
            format!("/admin/customers/{acme}/assets/{}", ids["assets"]),
            &staff,
        ),
        (
            "defects",
            format!("/admin/customers/{acme}/defects/{}", ids["defects"]),
            &staff,
        ),
        ("asset-types", "/admin/settings/asset-types".to_owned(), &staff),
        (
            "quotes",
            format!("/admin/customers/{acme}/quotes/{}", ids["quotes"]),
            &staff,
        ),
        (
            "invoices",
            format!("/admin/customers/{acme}/invoices/{}", ids["invoices"]),
            &staff,
        ),
        ("groups", format!("/admin/groups/{}", ids["groups"]), &staff),
        (
            "projects",
            format!("/admin/customers/{acme}/projects/{}", ids["projects"]),
            &staff,
        ),
    ];
    let mut bodies = HashMap::new();
    for (segment, path, token) in detail {
        let (v, version) = get_json(t, &path, token).await;
        versions.insert(segment, version.unwrap_or_else(|| panic!("a version for {path}")));
        bodies.insert(segment, v);
    }
    versions.insert("tasks", task["version"].as_u64().expect("a task version"));
    let template = &bodies["datasheet-templates"];
    let template = json!({ "name": template["name"], "description": template["description"], "fields": template["fields"], "layout_html": template["layout_html"] });
    let sheet_values = bodies["datasheets"]["sheet"]["values"].clone();
    assert!(
        sheet_values
            .as_object()
            .is_some_and(|v| v.values().any(Value::is_string)),
        "the demo draft has text values: {sheet_values}"
    );
    Fixtures {
        ids,
        versions,
        alice,
        staff,
        carol,
        alice_id: demo_id("AC1"),
        templates: templates
            .iter()
            .filter_map(|v| v["id"].as_str().map(str::to_owned))
            .collect(),
        template,
        sheet_values,
    }
}

/// A valid body of each JSON operation, and the fields a control may still name in a 422 because the
/// state, not the shape, is wrong (a made-up invitation token, say).
fn example(op: &str, f: &Fixtures) -> (Value, &'static [&'static str]) {
    let contact = json!({ "first_name": "Vera", "last_name": "Valid", "title": "Site manager", "email": "vera.valid@acme.example", "phone": "+44 20 7946 0101", "mobile": "+44 7700 900101" });
    let customer = json!({
        "name": "Acme Facilities Ltd", "email": "office@acme.example", "phone": "+44 20 7946 0000", "website": "https://acme.example",
        "address": { "line1": "Acme House", "line2": "1 High Street", "city": "London", "region": null, "postcode": "N1 1AA", "country": "GB" },
        "sales_rep": { "name": "Sam Seller", "email": "sam.seller@portal.example.com", "phone": null, "mobile": "+44 7700 900900" },
        "relationship_managers": [{ "name": "Rita Relations", "email": "rita@portal.example.com", "phone": "+44 20 7946 0002", "mobile": null }],
        "support_start": "2026-01-01", "support_end": "2036-12-31", "main_contact_id": null
    });
    let staff_ticket = json!({ "subject": "Boiler noise", "description": "It rattles.", "type": "fault", "priority": "normal", "status": "new", "visible_in_portal": true, "contact_id": f.alice_id, "assignee": null });
    let news = json!({ "title": "Battery news", "body": "Nothing to see.", "audience": { "kind": "customers", "customer_ids": [f.id("customers")] }, "starts_at": "2026-01-01T00:00:00Z", "ends_at": null });
    let modules = json!({ "modules": shared::modules::Module::ALL });
    let token = "A".repeat(43);
    let none: &'static [&'static str] = &[];
    match op {
        "customers_staff_update_contact" | "customers_staff_create_contact" | "customers_portal_create_contact" => {
            (contact, none)
        }
        "customers_staff_create_customer" | "customers_staff_update_customer" => (customer, none),
        "access_staff_enable" => (json!({ "username": "carol.battery" }), none),
        "access_staff_bulk_invite" => (json!({ "contact_ids": [f.carol] }), none),
        "tickets_staff_visibility" => (json!({ "see_all_tickets": true }), none),
        "tickets_staff_create" | "tickets_staff_update" => (staff_ticket, none),
        "tickets_staff_email" => (json!({ "body": "We will visit on Monday." }), none),
        "tickets_staff_add_note" => (json!({ "body": "Parts ordered.", "internal": true }), none),
        "tickets_portal_create" => (
            json!({ "subject": "Door sticks", "description": "The back door sticks.", "type": "question", "priority": "low" }),
            none,
        ),
        "tickets_portal_add_note" => (json!({ "body": "Still broken." }), none),
        "tickets_portal_update" => (json!({ "subject": "Boiler noise", "description": "Louder now." }), none),
        "tickets_portal_rate" => (json!({ "score": 4, "comment": "Fixed fast." }), none),
        "tickets_portal_confidentiality" => (json!({ "confidential": true }), none),
        "projects_staff_create_project" | "projects_staff_update_project" => (
            json!({ "name": "Battery project", "description": "Phase two.", "status": "active", "start_date": "2026-01-05",
                "due_date": "2026-03-31", "manager": "Dana", "milestones": [{ "name": "Design", "due_date": "2026-02-01", "done": false }] }),
            // The demo project's milestones hold tasks, so leaving them out is refused by state, not shape.
            &["milestones"],
        ),
        "projects_staff_create_task" | "projects_staff_update_task" => (
            json!({ "title": "Battery task", "description": "Check the wiring.", "status": "in_progress", "progress": 40,
                "due_date": "2026-03-01", "assignee": "Sam" }),
            none,
        ),
        "projects_staff_add_comment"
        | "projects_staff_add_task_comment"
        | "projects_portal_add_comment"
        | "projects_portal_add_task_comment" => (json!({ "body": "Battery comment." }), none),
        "tickets_portal_announce"
        | "tickets_staff_announce"
        | "projects_portal_announce_file"
        | "projects_staff_announce_file" => (
            json!({ "name": "meter photo.png", "content_type": "image/png", "size": 2048 }),
            none,
        ),
        "customers_portal_set_notifications" => (json!({ "ticket_emails": true }), none),
        "settings_staff_set_sla" => (
            json!({ "targets": { "urgent": { "respond_minutes": 30, "resolve_minutes": 240 }, "high": { "respond_minutes": 60, "resolve_minutes": 480 } } }),
            none,
        ),
        "documents_staff_visibility" => (json!({ "visible_in_portal": true }), none),
        "documents_staff_upload" => (
            json!({ "folder": "Contracts/2026", "name": "battery.pdf", "content_type": "application/pdf", "size": 1024 }),
            none,
        ),
        "documents_portal_upload" => (
            json!({ "name": "battery.pdf", "content_type": "application/pdf", "size": 1024 }),
            none,
        ),
        "jobs_staff_create" | "jobs_staff_update" => (operations::job_body("J-BATTERY"), none),
        "workflows_staff_create" | "workflows_staff_update" => (operations::workflow_body(true), none),
        "settings_staff_set_customer" | "settings_staff_set_global" => (modules, none),
        "datasheets_staff_set_portal_templates" => (
            json!({ "template_ids": f.templates, "tickets_from_email": seed::datasheets::TICKETS_FROM }),
            none,
        ),
        "datasheets_staff_create_template" | "datasheets_staff_update_template" => (f.template.clone(), none),
        "datasheets_portal_create" => (json!({ "template_id": f.id("datasheet-templates") }), none),
        "datasheets_portal_save" => (json!({ "values": f.sheet_values }), none),
        "news_staff_create" | "news_staff_update" => (news, none),
        "knowledge_staff_create_article" | "knowledge_staff_update_article" => (
            json!({ "title": "Battery article", "body": "**Bold** text.", "category": "Battery", "status": "draft",
                "audience": { "kind": "customers", "customer_ids": [f.id("customers")] } }),
            none,
        ),
        "knowledge_portal_vote_article" => (json!({ "helpful": true }), none),
        "reports_portal_set_subscription" => (json!({ "subscribed": true }), none),
        "sites_staff_create_site" | "sites_staff_update_site" => (
            json!({ "name": "Battery House", "address": { "line1": "1 Test Road", "city": "London" }, "latitude": 51.5, "longitude": -0.1, "notes": "Ring twice." }),
            none,
        ),
        "sites_staff_create_asset" | "sites_staff_update_asset" => (
            json!({ "asset_type": "extinguisher", "identifier": "EXT-BATTERY", "location": "Lobby", "notes": null, "last_service": "2026-01-10", "next_service": "2026-07-10", "contact_editable": ["location"] }),
            none,
        ),
        "sites_staff_create_defect" | "sites_staff_update_defect" => (
            json!({ "asset_id": f.id("assets"), "severity": "non_critical", "description": "Battery defect", "status": "open", "published": false }),
            none,
        ),
        "sites_staff_bulk_publish" => (
            json!({ "published": false, "severity": "information", "limit": 10 }),
            none,
        ),
        "sites_staff_set_asset_types" => (
            json!({ "types": shared::table::assets::AssetTypes::defaults().types }),
            none,
        ),
        "sites_portal_edit_asset" => (json!({ "location": "Battery lobby" }), none),
        // Numbers are unique and never change: a control on a demo record may name `number`.
        "billing_staff_create_quote" | "billing_staff_update_quote" => {
            (e2e::billing::quote_body(f.id("sites"), "Q-BATTERY", 30), &["number"])
        }
        "billing_staff_create_invoice" | "billing_staff_update_invoice" => (
            e2e::billing::invoice_body(f.id("sites"), "INV-BATTERY", 5, 25),
            &["number"],
        ),
        "billing_portal_authorise" => (
            json!({ "name": "Alice Archer", "order_number": "PO-BATTERY", "note": "Go ahead." }),
            none,
        ),
        "billing_portal_decline" => (json!({ "name": "Alice Archer", "note": "Not now." }), none),
        "billing_staff_quote_authority" => (json!({ "authorise_quotes": true }), none),
        "customers_staff_create_group" | "customers_staff_update_group" => (
            json!({ "name": "Acme Group", "parent_id": null, "customer_ids": [f.id("customers")] }),
            none,
        ),
        "customers_staff_group_access" => (json!({ "group_id": f.id("groups") }), none),
        "auth_login" => (
            json!({ "username": "alice.acme", "password": "Not-The-Password-1" }),
            none,
        ),
        "auth_login_mfa" => (
            json!({ "username": "alice.acme", "session": "a-session", "code": "123456", "refresh_cookie": false }),
            none,
        ),
        "auth_refresh" | "auth_logout" => (
            json!({ "username": "alice.acme", "refresh_token": "a-refresh-token" }),
            none,
        ),
        "auth_forgot" => (json!({ "username": "alice.acme" }), none),
        "auth_activate" => (
            json!({ "token": token, "password": "Battery-Password-2026" }),
            &["token"],
        ),
        "auth_activate_totp" => (
            json!({ "token": token, "code": "123456", "refresh_cookie": false }),
            &["token"],
        ),
        "auth_reset" => (
            json!({ "token": token, "password": "Battery-Password-2026" }),
            &["token"],
        ),
        "auth_account_change_password" => (
            json!({ "current_password": "Not-The-Password-1", "new_password": "Battery-Password-2026", "code": "123456" }),
            &["current_password", "code"],
        ),
        other => panic!("the battery has no valid body for {other}: add one to example()"),
    }
}

/// One request and what its answer must be.
struct Case {
    op: String,
    what: String,
    method: Method,
    path: String,
    token: Option<String>,
    if_match: Option<String>,
    content_type: Option<&'static str>,
    body: Option<Vec<u8>>,
    /// The statuses a refusal of this fault may have: an input error, never a conflict or a 404 that
    /// would mean the fault got past validation.
    statuses: &'static [u16],
    /// The parameter `errors[0].field` must name.
    field: Option<&'static str>,
}

struct Answer {
    status: u16,
    content_type: String,
    body: Value,
}

async fn send(t: &TestStack, case: &Case) -> Answer {
    let mut r = t.request(case.method.clone(), &case.path, case.token.as_deref());
    if let Some(v) = &case.if_match {
        r = r.header("if-match", v);
    }
    if let Some(ct) = case.content_type {
        r = r.header("content-type", ct);
    }
    if let Some(b) = &case.body {
        r = r.body(b.clone());
    }
    let r = r
        .send()
        .await
        .unwrap_or_else(|e| panic!("{} {}: {e}", case.op, case.what));
    let status = r.status().as_u16();
    let content_type = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = r.text().await.unwrap_or_default();
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text.chars().take(200).collect()));
    Answer {
        status,
        content_type,
        body,
    }
}

/// What is wrong with the answer to a bad request, if anything.
fn judge(case: &Case, a: &Answer) -> Option<String> {
    let problem = a.content_type == "application/problem+json"
        && a.body["status"] == a.status
        && a.body["type"]
            .as_str()
            .is_some_and(|t| t.starts_with("https://problems.customer-portal.dev/"));
    let wrong = if !(400..500).contains(&a.status) {
        Some(format!("answered {}", a.status))
    } else if !problem {
        Some(format!(
            "answered {} {} without a problem document",
            a.status, a.content_type
        ))
    } else if !case.statuses.contains(&a.status) {
        Some(format!("answered {} instead of {:?}", a.status, case.statuses))
    } else if case.field.is_some_and(|f| a.body["errors"][0]["field"] != f) {
        Some(format!(
            "named {} instead of {}",
            a.body["errors"][0]["field"],
            case.field.unwrap_or_default()
        ))
    } else {
        None
    };
    wrong.map(|w| {
        format!(
            "{} {}: {} {}: {}",
            case.op,
            case.what,
            w,
            a.body["title"].as_str().unwrap_or_default(),
            a.body["detail"].as_str().unwrap_or_default()
        )
    })
}

// ----- the schema walk -----

#[derive(Clone)]
enum Seg {
    Key(String),
    Index(usize),
}

fn show(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if s.is_empty() => s.push_str(k),
            Seg::Key(k) => s.push_str(&format!(".{k}")),
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

fn with(body: &Value, path: &[Seg], new: Value) -> Value {
    let mut out = body.clone();
    let mut at = &mut out;
    for (n, seg) in path.iter().enumerate() {
        let last = n + 1 == path.len();
        at = match seg {
            Seg::Key(k) => {
                let obj = at.as_object_mut().expect("an object on the way");
                if last {
                    obj.insert(k.clone(), new);
                    return out;
                }
                obj.get_mut(k).expect("the example has the field")
            }
            Seg::Index(i) => {
                let arr = at.as_array_mut().expect("an array on the way");
                if last {
                    arr[*i] = new;
                    return out;
                }
                &mut arr[*i]
            }
        };
    }
    out
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"]
        .as_str()
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
    {
        Some(name) => resolve(doc, &doc["components"]["schemas"][name]),
        None => schema,
    }
}

/// The properties an object schema gives `example`: its own, every `allOf` member's, and those of the
/// `oneOf`/`anyOf` members `example` matches (a data-sheet field's kind, a news item's audience).
fn properties<'a>(
    doc: &'a Value,
    schema: &'a Value,
    example: &serde_json::Map<String, Value>,
    out: &mut Vec<(&'a str, &'a Value)>,
) {
    let schema = resolve(doc, schema);
    if let Some(props) = schema["properties"].as_object() {
        for (k, v) in props {
            if !out.iter().any(|(n, _)| n == k) {
                out.push((k, v));
            }
        }
    }
    for s in schema["allOf"].as_array().into_iter().flatten() {
        properties(doc, s, example, out);
    }
    for combined in ["oneOf", "anyOf"] {
        let members: Vec<&Value> = schema[combined].as_array().into_iter().flatten().collect();
        let matching: Vec<&Value> = members.iter().copied().filter(|m| matches(doc, m, example)).collect();
        for s in if matching.is_empty() { members } else { matching } {
            properties(doc, s, example, out);
        }
    }
}

/// Whether an object member of a `oneOf` describes `example`: an object, its required properties present,
/// its single-valued enums (tags) equal.
fn matches(doc: &Value, member: &Value, example: &serde_json::Map<String, Value>) -> bool {
    let member = resolve(doc, member);
    if types(doc, member).is_some_and(|t| !t.contains("object")) {
        return false;
    }
    let required = member["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .all(|k| example.contains_key(k));
    let tags = member["properties"].as_object().into_iter().flatten().all(|(k, p)| {
        match (p["enum"].as_array(), example.get(k)) {
            (Some(values), Some(v)) => values.contains(v),
            _ => true,
        }
    });
    required && tags
}

/// The JSON types a schema allows (`integer` counts as `number`); `None` when it allows anything.
fn types(doc: &Value, schema: &Value) -> Option<BTreeSet<String>> {
    let schema = resolve(doc, schema);
    let norm = |t: &str| {
        if t == "integer" {
            "number".to_owned()
        } else {
            t.to_owned()
        }
    };
    match &schema["type"] {
        Value::String(t) => return Some([norm(t)].into()),
        Value::Array(ts) => return Some(ts.iter().filter_map(Value::as_str).map(norm).collect()),
        _ => {}
    }
    if let Some(values) = schema["enum"].as_array() {
        return Some(values.iter().map(json_type).collect());
    }
    for combined in ["oneOf", "anyOf", "allOf"] {
        if let Some(list) = schema[combined].as_array() {
            let mut all = BTreeSet::new();
            for s in list {
                all.extend(types(doc, s)?);
            }
            return Some(all);
        }
    }
    None
}

fn json_type(v: &Value) -> String {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
    .to_owned()
}

/// A value of a type outside `allowed`.
fn wrong_value(allowed: &BTreeSet<String>) -> Option<Value> {
    [
        json!(12345),
        json!("not the right type"),
        json!(true),
        json!([1]),
        json!({ "x": 1 }),
    ]
    .into_iter()
    .find(|v| !allowed.contains(&json_type(v)))
}

/// (where, body) for each field of `schema` at `path` in `body`: the wrong type, and control characters
/// in every string; then the same inside nested objects and arrays.
fn field_faults(doc: &Value, schema: &Value, body: &Value, path: &[Seg], out: &mut Vec<(String, Value)>) {
    let here = path.iter().try_fold(body, |v, seg| match seg {
        Seg::Key(k) => v.get(k),
        Seg::Index(i) => v.get(i),
    });
    let Some(Value::Object(current)) = here else { return };
    let at = |more: Seg| path.iter().cloned().chain([more]).collect::<Vec<Seg>>();
    let mut props = Vec::new();
    properties(doc, schema, current, &mut props);
    if props.is_empty() {
        // A free-form object (a data sheet's values): each value gets another type and control characters.
        for (k, v) in current {
            let at = at(Seg::Key(k.clone()));
            if let Some(w) = wrong_value(&[json_type(v), "null".to_owned()].into()) {
                out.push((format!("wrong type at {}", show(&at)), with(body, &at, w)));
            }
            if v.is_string() {
                out.push((
                    format!("control characters at {}", show(&at)),
                    with(body, &at, json!(CONTROL)),
                ));
            }
        }
        return;
    }
    let mut leaf = |at: &[Seg], allowed: Option<BTreeSet<String>>| {
        if let Some(w) = allowed.as_ref().and_then(wrong_value) {
            out.push((format!("wrong type at {}", show(at)), with(body, at, w)));
        }
        if allowed.as_ref().is_some_and(|a| a.contains("string")) {
            out.push((
                format!("control characters at {}", show(at)),
                with(body, at, json!(CONTROL)),
            ));
        }
    };
    let mut inner = Vec::new();
    for (name, prop) in props {
        let at = at(Seg::Key(name.to_owned()));
        leaf(&at, types(doc, prop));
        let prop = resolve(doc, prop);
        match current.get(name) {
            Some(Value::Object(_)) => inner.push((prop, at)),
            Some(Value::Array(items)) => {
                let item_schema = resolve(doc, &prop["items"]);
                for (i, item) in items.iter().enumerate() {
                    let at_item: Vec<Seg> = at.iter().cloned().chain([Seg::Index(i)]).collect();
                    if item.is_object() {
                        inner.push((item_schema, at_item));
                    } else if i == 0 {
                        leaf(&at_item, types(doc, item_schema));
                    }
                }
            }
            _ => {}
        }
    }
    for (schema, at) in inner {
        field_faults(doc, schema, body, &at, out);
    }
}

/// The example's values in a JSON array: the order of `required` (the declaration order), then the rest.
fn positional(doc: &Value, schema: &Value, example: &Value) -> Option<Value> {
    let schema = resolve(doc, schema);
    let object = example.as_object()?;
    let mut order: Vec<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    order.extend(
        object
            .keys()
            .map(String::as_str)
            .filter(|k| !order.contains(k))
            .collect::<Vec<_>>(),
    );
    Some(Value::Array(
        order.iter().filter_map(|k| object.get(*k).cloned()).collect(),
    ))
}

fn nested(depth: usize) -> Vec<u8> {
    let mut v = "[".repeat(depth).into_bytes();
    v.extend("]".repeat(depth).into_bytes());
    v
}

fn nested_in_field(field: &str, depth: usize) -> Vec<u8> {
    format!("{{\"{field}\":{}1{}}}", "{\"a\":".repeat(depth), "}".repeat(depth + 1)).into_bytes()
}

/// The first string field of the example, to make a body of 300 KiB.
fn padded(body: &Value) -> Option<Value> {
    let (k, _) = body.as_object()?.iter().find(|(_, v)| v.is_string())?;
    Some(with(body, &[Seg::Key(k.clone())], json!("x".repeat(300 * 1024))))
}

/// Whether the path with `param` replaced by `..` is, once the dot segment is resolved, a route of its own.
fn resolves_to_another_route(doc: &Value, op: &Op, param: &str) -> bool {
    let segments: Vec<&str> = op.path.split('/').collect();
    let Some(at) = segments.iter().position(|s| *s == format!("{{{param}}}")) else {
        return false;
    };
    let resolved: Vec<&str> = segments
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != at && *i + 1 != at)
        .map(|(_, s)| *s)
        .collect();
    doc["paths"][resolved.join("/")]
        .get(op.method.as_str().to_lowercase())
        .is_some()
}

/// The largest `limit` the operation documents (100 unless its parameter says otherwise).
fn limit_maximum(doc: &Value, op: &Op) -> u64 {
    doc["paths"][&op.path][op.method.as_str().to_lowercase()]["parameters"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == "limit"))
        .and_then(|p| p["schema"]["maximum"].as_u64())
        .unwrap_or(u64::from(shared::pagination::MAX_LIMIT))
}

fn cases_for(doc: &Value, op: &Op, f: &Fixtures) -> Vec<Case> {
    let token = f.token(&op.path).map(str::to_owned);
    let segment_of = |param: &str| {
        let marker = format!("/{{{param}}}");
        let before = &op.path[..op.path.find(&marker).expect("the parameter is in the path")];
        before.rsplit('/').next().unwrap_or_default().to_owned()
    };
    let path_with = |bad: Option<(&str, &str)>| {
        let mut p = op.path.clone();
        for param in &op.path_params {
            let value = match bad {
                Some((name, v)) if name == param => v.to_owned(),
                _ => f.id(&segment_of(param)).to_owned(),
            };
            p = p.replace(&format!("{{{param}}}"), &value);
        }
        p
    };
    let last_segment = op.path_params.last().map(|p| segment_of(p));
    let if_match = op.if_match.then(|| {
        format!(
            "\"{}\"",
            last_segment
                .as_deref()
                .or_else(|| op.path.rsplit('/').next())
                .and_then(|s| f.versions.get(s))
                .copied()
                .unwrap_or_else(|| panic!("a version for {}", op.id))
        )
    });
    let example = op.body_schema.as_ref().map(|_| example(&op.id, f).0);
    let example_bytes = example.as_ref().map(|e| serde_json::to_vec(e).expect("json"));
    let case = |what: String,
                path: String,
                content_type: Option<&'static str>,
                body: Option<Vec<u8>>,
                statuses: &'static [u16],
                field: Option<&'static str>| Case {
        op: op.id.clone(),
        what,
        method: op.method.clone(),
        path,
        token: token.clone(),
        if_match: if_match.clone(),
        content_type: content_type.or(body.as_ref().map(|_| "application/json")),
        body,
        statuses,
        field,
    };
    let mut cases = Vec::new();
    let valid_path = path_with(None);

    if let (Some(schema), Some(example), Some(bytes)) = (&op.body_schema, &example, &example_bytes) {
        let json_case = |what: String, body: Vec<u8>, statuses: &'static [u16]| {
            case(
                what,
                valid_path.clone(),
                Some("application/json"),
                Some(body),
                statuses,
                None,
            )
        };
        for trailing in [&b"this is not JSON"[..], b"{}", b"\x00", b",", b"]"] {
            let mut b = bytes.clone();
            b.extend_from_slice(trailing);
            cases.push(json_case(
                format!("trailing {:?}", String::from_utf8_lossy(trailing)),
                b,
                &[400],
            ));
        }
        for (what, other) in [
            ("[]", json!([])),
            ("[example]", json!([example])),
            ("a string", json!("a string")),
            ("42", json!(42)),
            ("true", json!(true)),
            ("null", Value::Null),
        ] {
            cases.push(json_case(
                format!("{what} instead of an object"),
                serde_json::to_vec(&other).expect("json"),
                INPUT,
            ));
        }
        if let Some(array) = positional(doc, schema, example) {
            cases.push(json_case(
                "the fields as an array".into(),
                serde_json::to_vec(&array).expect("json"),
                INPUT,
            ));
        }
        let mut faults = Vec::new();
        field_faults(doc, schema, example, &[], &mut faults);
        for (what, body) in faults {
            cases.push(json_case(what, serde_json::to_vec(&body).expect("json"), INPUT));
        }
        cases.push(json_case("nesting 10,000 deep".into(), nested(10_000), INPUT));
        if let Some((first, _)) = example.as_object().and_then(|o| o.iter().next()) {
            cases.push(json_case(
                format!("nesting 10,000 deep in {first}"),
                nested_in_field(first, 10_000),
                INPUT,
            ));
        }
        if let Some(big) = padded(example) {
            cases.push(json_case(
                "300 KiB".into(),
                serde_json::to_vec(&big).expect("json"),
                &[413],
            ));
        }
        for ct in [
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/jsonx",
        ] {
            cases.push(case(
                format!("content type {ct}"),
                valid_path.clone(),
                Some(ct),
                Some(bytes.clone()),
                &[415],
                None,
            ));
        }
        let mut no_type = case(
            "no content type".into(),
            valid_path.clone(),
            None,
            Some(bytes.clone()),
            &[415],
            None,
        );
        no_type.content_type = None;
        cases.push(no_type);
    }

    let long = "A".repeat(5_000);
    for param in &op.path_params {
        for (what, bad) in [
            ("traversal", "..%2F..%2Fadmin"),
            ("dot segments", "%2E%2E"),
            ("NUL", "%00"),
            ("NUL in an id", "01JD0000000000000000000%00AC"),
            ("5,000 characters", long.as_str()),
            ("non-ASCII", "%C3%A9t%C3%A9"),
            ("non-ASCII id", "01JD000000000000000000%C3%9CAC"),
        ] {
            if what == "dot segments" && resolves_to_another_route(doc, op, param) {
                // `/a/b/../c` is `/a/c`, for the URL parser before it is sent: that is another route.
                continue;
            }
            cases.push(case(
                format!("{what} in {{{param}}}"),
                path_with(Some((param, bad))),
                None,
                example_bytes.clone(),
                &[400, 404],
                None,
            ));
        }
    }

    if op.query_params.iter().any(|q| q == "limit") {
        let over = (limit_maximum(doc, op) + 1).to_string();
        for limit in ["0", over.as_str(), "-1", "abc", "1.5", "99999999999", "%00"] {
            cases.push(case(
                format!("limit={limit}"),
                format!("{valid_path}?limit={limit}"),
                None,
                None,
                &[400],
                Some("limit"),
            ));
        }
        let foreign = URL_SAFE_NO_PAD
            .encode(br#"{"PK":"CUST#01JD0000000000000000000000GX","SK":"TICKET#01JD0000000000000000000000GX"}"#);
        let empty = URL_SAFE_NO_PAD.encode(b"{}");
        let not_json = URL_SAFE_NO_PAD.encode(b"not json");
        let long_cursor = "A".repeat(2_000);
        for (what, cursor) in [
            ("garbage", "garbage!"),
            ("empty object", empty.as_str()),
            ("not JSON", not_json.as_str()),
            ("another partition", foreign.as_str()),
            ("2,000 characters", long_cursor.as_str()),
            ("NUL", "%00"),
        ] {
            cases.push(case(
                format!("cursor {what}"),
                format!("{valid_path}?cursor={cursor}"),
                None,
                None,
                &[400],
                Some("cursor"),
            ));
        }
    }
    cases
}

async fn run(t: &std::sync::Arc<TestStack>, cases: Vec<Case>) -> Vec<String> {
    let mut set = JoinSet::new();
    for case in cases {
        let t = t.clone();
        set.spawn(async move {
            let answer = send(&t, &case).await;
            judge(&case, &answer)
        });
    }
    let mut failures = Vec::new();
    while let Some(r) = set.join_next().await {
        if let Some(f) = r.expect("case ran") {
            failures.push(f);
        }
    }
    failures.sort();
    failures
}

#[tokio::test]
async fn every_operation_refuses_bad_input_with_a_problem_and_writes_nothing() {
    let started = std::time::Instant::now();
    let t = TestStack::start().await;
    seed::seed(&t.ctx, &t.stack).await.expect("seed");
    let f = fixtures(&t).await;
    let doc: Value = t
        .http
        .get(format!("{}/openapi.json", t.base))
        .send()
        .await
        .expect("document")
        .json()
        .await
        .expect("json");
    let ops = operations_of(&doc);
    assert!(ops.len() > 80, "every operation of the document: {}", ops.len());

    let mut before = t.snapshot().await;
    let mut failures = Vec::new();
    let mut sent = 0;
    for op in &ops {
        let cases = cases_for(&doc, op, &f);
        if cases.is_empty() {
            continue;
        }
        sent += cases.len();
        failures.extend(run(&t, cases).await);
        let after = t.snapshot().await;
        let written = changed(&before, &after);
        if !written.is_empty() {
            failures.push(format!("{}: bad input wrote {written:?}", op.id));
            before = after;
        }
    }
    eprintln!(
        "bad-input battery: {} operations, {sent} bad requests, {:?}",
        ops.len(),
        started.elapsed()
    );
    assert!(sent > 1000, "the battery sent {sent} requests");
    assert!(
        failures.is_empty(),
        "{} of {sent} bad requests were not refused properly:\n{}",
        failures.len(),
        failures.join("\n")
    );

    // The control: each valid body on its own passes validation, so every fault above was the only one.
    let mut controls = Vec::new();
    for op in ops.iter().filter(|o| o.body_schema.is_some()) {
        // The wrong-content-type case is the valid request in all but its content type.
        let mut case = cases_for(&doc, op, &f)
            .into_iter()
            .find(|c| c.what.starts_with("content type"))
            .expect("a JSON case");
        case.content_type = Some("application/json");
        case.body = Some(serde_json::to_vec(&example(&op.id, &f).0).expect("json"));
        let answer = send(&t, &case).await;
        let allowed = example(&op.id, &f).1;
        let refused_shape = matches!(answer.status, 400 | 413 | 415)
            || answer.status >= 500
            || (answer.status == 422
                && answer.body["errors"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .any(|e| !allowed.contains(&e["field"].as_str().unwrap_or_default())));
        if refused_shape {
            controls.push(format!(
                "{}: the valid example answered {} {}",
                op.id, answer.status, answer.body
            ));
        }
    }
    assert!(controls.is_empty(), "valid examples refused:\n{}", controls.join("\n"));
}
