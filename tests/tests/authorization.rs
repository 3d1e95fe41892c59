//! The authorization matrix: every route of every function against every kind of caller that must be
//! refused. A route without an entry here fails the build of this matrix, so no route ships unguarded.

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use e2e::TestStack;
use localstack::functions;
use reqwest::Method;
use serde_json::{json, Value};
use shared::permissions::{role_grants, Permission, BUILT_IN_ROLES};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Access {
    /// Anyone; the function itself authenticates (sign-in routes). The status an empty JSON object with no
    /// session cookie gets: 422 where the body names the caller; refresh and sign-out read a browser's
    /// session cookie instead (no cookie: refresh is 401, sign-out clears nothing and answers 204); the
    /// unsubscribe link's token is its credential (no such token: 404).
    Public(u16),
    /// A portal contact's token; objects are the caller's customer's only.
    Portal,
    /// A staff token whose roles grant the permission.
    Staff(Permission),
}

use Access::*;
use Permission::*;

const MATRIX: &[(&str, &str, Access)] = &[
    ("GET", "/portal/me", Portal),
    ("GET", "/portal/articles", Portal),
    ("GET", "/portal/articles/categories", Portal),
    ("GET", "/portal/articles/{id}", Portal),
    ("POST", "/portal/articles/{id}/vote", Portal),
    ("GET", "/admin/articles", Staff(NewsManage)),
    ("POST", "/admin/articles", Staff(NewsManage)),
    ("GET", "/admin/articles/{id}", Staff(NewsManage)),
    ("PUT", "/admin/articles/{id}", Staff(NewsManage)),
    ("DELETE", "/admin/articles/{id}", Staff(NewsManage)),
    ("GET", "/portal/projects", Portal),
    ("GET", "/portal/projects/{id}", Portal),
    ("GET", "/portal/projects/{id}/comments", Portal),
    ("POST", "/portal/projects/{id}/comments", Portal),
    ("GET", "/portal/projects/{id}/tasks/{task_id}/comments", Portal),
    ("POST", "/portal/projects/{id}/tasks/{task_id}/comments", Portal),
    ("POST", "/portal/projects/{id}/files", Portal),
    ("POST", "/portal/projects/{id}/files/{file_id}/complete", Portal),
    ("GET", "/portal/projects/{id}/files/{file_id}/link", Portal),
    ("GET", "/admin/customers/{id}/projects", Staff(ProjectsRead)),
    ("POST", "/admin/customers/{id}/projects", Staff(ProjectsWrite)),
    (
        "GET",
        "/admin/customers/{customer_id}/projects/{id}",
        Staff(ProjectsRead),
    ),
    (
        "PUT",
        "/admin/customers/{customer_id}/projects/{id}",
        Staff(ProjectsWrite),
    ),
    (
        "POST",
        "/admin/customers/{customer_id}/projects/{id}/tasks",
        Staff(ProjectsWrite),
    ),
    (
        "PUT",
        "/admin/customers/{customer_id}/projects/{id}/tasks/{task_id}",
        Staff(ProjectsWrite),
    ),
    (
        "DELETE",
        "/admin/customers/{customer_id}/projects/{id}/tasks/{task_id}",
        Staff(ProjectsWrite),
    ),
    (
        "GET",
        "/admin/customers/{customer_id}/projects/{id}/comments",
        Staff(ProjectsRead),
    ),
    (
        "POST",
        "/admin/customers/{customer_id}/projects/{id}/comments",
        Staff(ProjectsWrite),
    ),
    (
        "GET",
        "/admin/customers/{customer_id}/projects/{id}/tasks/{task_id}/comments",
        Staff(ProjectsRead),
    ),
    (
        "POST",
        "/admin/customers/{customer_id}/projects/{id}/tasks/{task_id}/comments",
        Staff(ProjectsWrite),
    ),
    (
        "POST",
        "/admin/customers/{customer_id}/projects/{id}/files",
        Staff(ProjectsWrite),
    ),
    (
        "POST",
        "/admin/customers/{customer_id}/projects/{id}/files/{file_id}/complete",
        Staff(ProjectsWrite),
    ),
    (
        "GET",
        "/admin/customers/{customer_id}/projects/{id}/files/{file_id}/link",
        Staff(ProjectsRead),
    ),
    ("GET", "/portal/notifications", Portal),
    ("PUT", "/portal/notifications", Portal),
    ("GET", "/portal/contacts", Portal),
    ("POST", "/portal/contacts", Portal),
    ("GET", "/admin/customers", Staff(CustomersRead)),
    ("POST", "/admin/customers", Staff(CustomersWrite)),
    ("GET", "/admin/customers/{id}", Staff(CustomersRead)),
    ("PUT", "/admin/customers/{id}", Staff(CustomersWrite)),
    ("POST", "/admin/customers/{id}/archive", Staff(CustomersWrite)),
    ("POST", "/admin/customers/{id}/restore", Staff(CustomersWrite)),
    ("GET", "/admin/customers/{id}/contacts", Staff(CustomersRead)),
    ("POST", "/admin/customers/{id}/contacts", Staff(CustomersWrite)),
    ("GET", "/admin/contacts/{id}", Staff(CustomersRead)),
    ("PUT", "/admin/contacts/{id}", Staff(CustomersWrite)),
    ("POST", "/admin/contacts/{id}/archive", Staff(CustomersWrite)),
    ("POST", "/admin/contacts/{id}/restore", Staff(CustomersWrite)),
    ("GET", "/admin/contacts/{id}/portal-access", Staff(PortalManageAccess)),
    ("PUT", "/admin/contacts/{id}/portal-access", Staff(PortalManageAccess)),
    (
        "DELETE",
        "/admin/contacts/{id}/portal-access",
        Staff(PortalManageAccess),
    ),
    (
        "POST",
        "/admin/contacts/{id}/portal-access/invitation",
        Staff(PortalManageAccess),
    ),
    (
        "POST",
        "/admin/contacts/{id}/portal-access/password-reset",
        Staff(PortalManageAccess),
    ),
    (
        "GET",
        "/admin/contacts/{id}/portal-access/history",
        Staff(PortalManageAccess),
    ),
    ("POST", "/admin/portal-access/invitations", Staff(PortalManageAccess)),
    ("POST", "/portal/auth/login", Public(422)),
    ("POST", "/portal/auth/login/mfa", Public(422)),
    ("POST", "/portal/auth/refresh", Public(401)),
    ("POST", "/portal/auth/logout", Public(204)),
    ("POST", "/portal/auth/activate", Public(422)),
    ("POST", "/portal/auth/activate/totp", Public(422)),
    ("POST", "/portal/auth/password/forgot", Public(422)),
    ("POST", "/portal/auth/password/reset", Public(422)),
    ("POST", "/portal/auth/unsubscribe/{token}", Public(404)),
    ("POST", "/portal/account/password", Portal),
    ("GET", "/portal/tickets", Portal),
    ("POST", "/portal/tickets", Portal),
    ("GET", "/portal/tickets/export", Portal),
    ("GET", "/portal/tickets/{id}", Portal),
    ("POST", "/portal/tickets/{id}/notes", Portal),
    ("POST", "/portal/tickets/{id}/close", Portal),
    ("PUT", "/portal/tickets/{id}", Portal),
    ("POST", "/portal/tickets/{id}/reopen", Portal),
    ("POST", "/portal/tickets/{id}/rating", Portal),
    ("PUT", "/portal/tickets/{id}/confidentiality", Portal),
    ("POST", "/portal/tickets/{id}/attachments", Portal),
    (
        "POST",
        "/portal/tickets/{id}/attachments/{attachment_id}/complete",
        Portal,
    ),
    ("GET", "/portal/tickets/{id}/attachments/{attachment_id}/link", Portal),
    ("GET", "/portal/reports/tickets", Portal),
    ("GET", "/portal/reports/activity", Portal),
    ("GET", "/portal/reports/activity/csv", Portal),
    ("GET", "/portal/reports/activity/pdf", Portal),
    ("GET", "/portal/reports/routine", Portal),
    ("GET", "/portal/reports/routine/csv", Portal),
    ("GET", "/portal/reports/subscription", Portal),
    ("PUT", "/portal/reports/subscription", Portal),
    ("GET", "/portal/reports/mailed/{link}", Portal),
    ("GET", "/admin/reports/tickets", Staff(TicketsRead)),
    ("GET", "/admin/reports/tickets/csv", Staff(TicketsRead)),
    ("GET", "/admin/reports/jobs", Staff(OperationsRead)),
    ("GET", "/admin/reports/jobs/csv", Staff(OperationsRead)),
    ("GET", "/admin/reports/datasheets", Staff(DatasheetsRead)),
    ("GET", "/admin/reports/datasheets/csv", Staff(DatasheetsRead)),
    ("GET", "/admin/reports/workflows", Staff(OperationsRead)),
    ("GET", "/admin/reports/workflows/csv", Staff(OperationsRead)),
    ("GET", "/admin/reports/quotes", Staff(BillingRead)),
    ("GET", "/admin/reports/quotes/csv", Staff(BillingRead)),
    ("GET", "/admin/reports/customers", Staff(CustomersRead)),
    ("GET", "/admin/reports/customers/csv", Staff(CustomersRead)),
    ("GET", "/admin/reports/groups", Staff(CustomersRead)),
    ("GET", "/admin/customers/{id}/tickets", Staff(TicketsRead)),
    ("POST", "/admin/customers/{id}/tickets", Staff(TicketsWrite)),
    ("GET", "/admin/customers/{customer_id}/tickets/{id}", Staff(TicketsRead)),
    (
        "PUT",
        "/admin/customers/{customer_id}/tickets/{id}",
        Staff(TicketsWrite),
    ),
    (
        "POST",
        "/admin/customers/{customer_id}/tickets/{id}/notes",
        Staff(TicketsWrite),
    ),
    (
        "POST",
        "/admin/customers/{customer_id}/tickets/{id}/emails",
        Staff(TicketsWrite),
    ),
    ("PUT", "/admin/contacts/{id}/ticket-visibility", Staff(TicketsWrite)),
    (
        "POST",
        "/admin/customers/{customer_id}/tickets/{id}/attachments",
        Staff(TicketsWrite),
    ),
    (
        "POST",
        "/admin/customers/{customer_id}/tickets/{id}/attachments/{attachment_id}/complete",
        Staff(TicketsWrite),
    ),
    (
        "GET",
        "/admin/customers/{customer_id}/tickets/{id}/attachments/{attachment_id}/link",
        Staff(TicketsRead),
    ),
    ("GET", "/portal/datasheets", Portal),
    ("POST", "/portal/datasheets", Portal),
    ("GET", "/portal/datasheets/templates", Portal),
    ("GET", "/portal/datasheets/{id}", Portal),
    ("PUT", "/portal/datasheets/{id}", Portal),
    ("POST", "/portal/datasheets/{id}/submit", Portal),
    ("GET", "/admin/datasheet-templates", Staff(DatasheetsRead)),
    ("POST", "/admin/datasheet-templates", Staff(DatasheetsWrite)),
    ("GET", "/admin/datasheet-templates/{id}", Staff(DatasheetsRead)),
    ("PUT", "/admin/datasheet-templates/{id}", Staff(DatasheetsWrite)),
    ("GET", "/admin/customers/{id}/portal-templates", Staff(DatasheetsRead)),
    ("PUT", "/admin/customers/{id}/portal-templates", Staff(DatasheetsWrite)),
    ("GET", "/admin/customers/{id}/datasheets", Staff(DatasheetsRead)),
    ("GET", "/admin/customers/{id}/datasheets/export", Staff(DatasheetsRead)),
    (
        "GET",
        "/admin/customers/{customer_id}/datasheets/{id}",
        Staff(DatasheetsRead),
    ),
    (
        "POST",
        "/admin/customers/{customer_id}/datasheets/{id}/unlock",
        Staff(DatasheetsWrite),
    ),
    ("GET", "/admin/settings/portal", Staff(SettingsManage)),
    ("PUT", "/admin/settings/portal", Staff(SettingsManage)),
    ("GET", "/admin/settings/sla", Staff(SettingsManage)),
    ("PUT", "/admin/settings/sla", Staff(SettingsManage)),
    ("GET", "/admin/customers/{id}/portal-modules", Staff(SettingsManage)),
    ("PUT", "/admin/customers/{id}/portal-modules", Staff(SettingsManage)),
    ("DELETE", "/admin/customers/{id}/portal-modules", Staff(SettingsManage)),
    ("GET", "/portal/sites", Portal),
    ("GET", "/portal/sites/map", Portal),
    ("GET", "/portal/sites/{id}", Portal),
    ("GET", "/portal/sites/{id}/assets", Portal),
    ("GET", "/portal/sites/{id}/defects", Portal),
    ("GET", "/portal/sites/{id}/documents", Portal),
    ("GET", "/portal/defects", Portal),
    ("GET", "/portal/defects/summary", Portal),
    ("GET", "/portal/assets/{id}", Portal),
    ("PATCH", "/portal/assets/{id}", Portal),
    ("GET", "/admin/customers/{id}/sites", Staff(SitesRead)),
    ("POST", "/admin/customers/{id}/sites", Staff(SitesWrite)),
    ("GET", "/admin/customers/{customer_id}/sites/{id}", Staff(SitesRead)),
    ("PUT", "/admin/customers/{customer_id}/sites/{id}", Staff(SitesWrite)),
    (
        "GET",
        "/admin/customers/{customer_id}/sites/{id}/assets",
        Staff(SitesRead),
    ),
    (
        "POST",
        "/admin/customers/{customer_id}/sites/{id}/assets",
        Staff(SitesWrite),
    ),
    ("GET", "/admin/customers/{customer_id}/assets/{id}", Staff(SitesRead)),
    ("PUT", "/admin/customers/{customer_id}/assets/{id}", Staff(SitesWrite)),
    ("GET", "/admin/customers/{id}/defects", Staff(SitesRead)),
    ("POST", "/admin/customers/{id}/defects", Staff(SitesWrite)),
    ("POST", "/admin/customers/{id}/defects/publish", Staff(SitesWrite)),
    ("GET", "/admin/customers/{customer_id}/defects/{id}", Staff(SitesRead)),
    ("PUT", "/admin/customers/{customer_id}/defects/{id}", Staff(SitesWrite)),
    (
        "DELETE",
        "/admin/customers/{customer_id}/defects/{id}",
        Staff(SitesWrite),
    ),
    ("GET", "/portal/group", Portal),
    ("GET", "/admin/groups", Staff(CustomersRead)),
    ("POST", "/admin/groups", Staff(CustomersWrite)),
    ("GET", "/admin/groups/{id}", Staff(CustomersRead)),
    ("PUT", "/admin/groups/{id}", Staff(CustomersWrite)),
    ("PUT", "/admin/contacts/{id}/group-access", Staff(PortalManageAccess)),
    ("GET", "/portal/quotes", Portal),
    ("GET", "/portal/sites/{id}/quotes", Portal),
    ("GET", "/portal/quotes/{id}", Portal),
    ("POST", "/portal/quotes/{id}/authorise", Portal),
    ("POST", "/portal/quotes/{id}/decline", Portal),
    ("GET", "/portal/invoices", Portal),
    ("GET", "/portal/sites/{id}/invoices", Portal),
    ("GET", "/portal/invoices/{id}", Portal),
    ("GET", "/portal/invoices/{id}/pdf", Portal),
    ("GET", "/portal/activity", Portal),
    ("GET", "/portal/spend", Portal),
    ("GET", "/portal/search", Portal),
    ("GET", "/admin/customers/{id}/quotes", Staff(BillingRead)),
    ("POST", "/admin/customers/{id}/quotes", Staff(BillingWrite)),
    ("GET", "/admin/customers/{customer_id}/quotes/{id}", Staff(BillingRead)),
    ("PUT", "/admin/customers/{customer_id}/quotes/{id}", Staff(BillingWrite)),
    (
        "DELETE",
        "/admin/customers/{customer_id}/quotes/{id}",
        Staff(BillingWrite),
    ),
    (
        "POST",
        "/admin/customers/{customer_id}/quotes/{id}/send",
        Staff(BillingWrite),
    ),
    ("GET", "/admin/customers/{id}/invoices", Staff(BillingRead)),
    ("POST", "/admin/customers/{id}/invoices", Staff(BillingWrite)),
    (
        "GET",
        "/admin/customers/{customer_id}/invoices/{id}",
        Staff(BillingRead),
    ),
    (
        "PUT",
        "/admin/customers/{customer_id}/invoices/{id}",
        Staff(BillingWrite),
    ),
    ("PUT", "/admin/contacts/{id}/quote-authority", Staff(PortalManageAccess)),
    ("GET", "/admin/settings/asset-types", Staff(SitesRead)),
    ("PUT", "/admin/settings/asset-types", Staff(SitesWrite)),
    ("GET", "/portal/jobs", Portal),
    ("GET", "/portal/jobs/{id}", Portal),
    ("GET", "/portal/routine", Portal),
    ("GET", "/portal/routine/summary", Portal),
    ("GET", "/portal/service-calls", Portal),
    ("GET", "/portal/service-calls/summary", Portal),
    ("GET", "/portal/sites/{id}/jobs", Portal),
    ("GET", "/admin/customers/{id}/jobs", Staff(OperationsRead)),
    ("POST", "/admin/customers/{id}/jobs", Staff(OperationsWrite)),
    ("GET", "/admin/customers/{customer_id}/jobs/{id}", Staff(OperationsRead)),
    (
        "PUT",
        "/admin/customers/{customer_id}/jobs/{id}",
        Staff(OperationsWrite),
    ),
    ("GET", "/portal/workflows", Portal),
    ("GET", "/portal/workflows/{id}", Portal),
    ("GET", "/admin/customers/{id}/workflows", Staff(OperationsRead)),
    ("POST", "/admin/customers/{id}/workflows", Staff(OperationsWrite)),
    (
        "GET",
        "/admin/customers/{customer_id}/workflows/{id}",
        Staff(OperationsRead),
    ),
    (
        "PUT",
        "/admin/customers/{customer_id}/workflows/{id}",
        Staff(OperationsWrite),
    ),
    ("GET", "/portal/news", Portal),
    ("GET", "/portal/news/dismissed", Portal),
    ("POST", "/portal/news/{id}/dismiss", Portal),
    ("GET", "/admin/news", Staff(NewsManage)),
    ("POST", "/admin/news", Staff(NewsManage)),
    ("GET", "/admin/news/{id}", Staff(NewsManage)),
    ("PUT", "/admin/news/{id}", Staff(NewsManage)),
    ("DELETE", "/admin/news/{id}", Staff(NewsManage)),
    ("GET", "/portal/documents", Portal),
    ("GET", "/portal/documents/{id}/link", Portal),
    ("POST", "/portal/documents/uploads", Portal),
    ("POST", "/portal/documents/{id}/complete", Portal),
    ("GET", "/admin/customers/{id}/documents", Staff(DocumentsRead)),
    ("POST", "/admin/customers/{id}/documents", Staff(DocumentsWrite)),
    (
        "POST",
        "/admin/customers/{customer_id}/documents/{id}/complete",
        Staff(DocumentsWrite),
    ),
    (
        "PUT",
        "/admin/customers/{customer_id}/documents/{id}/visibility",
        Staff(DocumentsWrite),
    ),
    (
        "GET",
        "/admin/customers/{customer_id}/documents/{id}/link",
        Staff(DocumentsRead),
    ),
];

#[test]
fn every_route_has_an_entry_and_every_entry_a_route() {
    let routes: Vec<(String, String)> = functions::routes().into_iter().map(|(m, p, _)| (m, p)).collect();
    for (method, path) in &routes {
        assert!(
            MATRIX.iter().any(|(m, p, _)| m == method && p == path),
            "{method} {path} has no entry in the authorization matrix"
        );
    }
    for (method, path, _) in MATRIX {
        assert!(
            routes.iter().any(|(m, p)| m == method && p == path),
            "{method} {path} is in the matrix but not served"
        );
    }
}

fn venv_python() -> String {
    let venv = std::env::var("PORTAL_VENV").unwrap_or_else(|_| format!("{}/../.venv", env!("CARGO_MANIFEST_DIR")));
    format!("{venv}/bin/python")
}

fn mint(kind: &str, claims: &Value) -> String {
    let script = format!("{}/mint_token.py", env!("CARGO_MANIFEST_DIR"));
    let out = std::process::Command::new(venv_python())
        .args([script.as_str(), kind, &claims.to_string()])
        .output()
        .expect("the project virtualenv's python (localstack/test.sh creates it)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8").trim().to_owned()
}

fn claims_of(token: &str) -> Value {
    let payload = token.split('.').nth(1).expect("a JWT");
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).expect("base64url")).expect("json")
}

/// The same token with one claim changed and the signature left as it was.
fn tampered(token: &str, claim: &str, value: &str) -> String {
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let mut claims = claims_of(token);
    claims[claim] = json!(value);
    parts[1] = URL_SAFE_NO_PAD.encode(claims.to_string());
    parts.join(".")
}

#[tokio::test]
async fn every_route_refuses_every_caller_it_must() {
    let t = TestStack::start().await;
    let (customer, contact, portal) = t.customer_with_portal_contact("Matrix Corp").await;
    let (other_customer, _, other_portal) = t.customer_with_portal_contact("Other Corp").await;
    let supervisor = t.staff_token("supervisor").await;
    let mut staff_by_role = vec![(String::new(), t.staff_token("").await)];
    for role in BUILT_IN_ROLES {
        staff_by_role.push((role.to_owned(), t.staff_token(role).await));
    }

    let mut expired_claims = claims_of(&portal);
    expired_claims["exp"] = json!(1_700_000_000);
    expired_claims["iat"] = json!(1_699_990_000);
    let expired = mint("emulator", &expired_claims);
    let forged = mint("forged", &claims_of(&portal));
    let forged_tenant = tampered(&portal, "custom:customer_id", other_customer["id"].as_str().unwrap());

    // A ticket of each customer, visible in the portal and raised by its contact.
    let raise = |token: String| {
        let t = &t;
        async move {
            let r = t
                .post(
                    "/portal/tickets",
                    &token,
                    json!({ "subject": "Matrix", "description": "d", "type": "incident", "priority": "low" }),
                )
                .await;
            assert_eq!(r.status(), 201);
            r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
        }
    };
    let own_ticket = raise(portal.clone()).await;
    let foreign_ticket = raise(other_portal.clone()).await;
    // A data sheet of each customer, from one template assigned to both.
    let sheet_template = e2e::datasheets::template(&t, "Matrix sheet").await;
    let own_sheet = e2e::datasheets::draft(&t, customer["id"].as_str().unwrap(), &sheet_template, &portal).await;
    let foreign_sheet = e2e::datasheets::draft(
        &t,
        other_customer["id"].as_str().unwrap(),
        &sheet_template,
        &other_portal,
    )
    .await;
    let (own_job, own_workflow) = e2e::operations::job_and_workflow(&t, customer["id"].as_str().unwrap()).await;
    let (foreign_job, foreign_workflow) =
        e2e::operations::job_and_workflow(&t, other_customer["id"].as_str().unwrap()).await;
    let own_news = e2e::operations::news(&t, Some(customer["id"].as_str().unwrap())).await;
    let foreign_news = e2e::operations::news(&t, Some(other_customer["id"].as_str().unwrap())).await;
    let own_doc = e2e::documents::shared_document(
        &t,
        customer["id"].as_str().unwrap(),
        "a.pdf",
        "application/pdf",
        b"%PDF-1.4",
    )
    .await;
    let foreign_doc = e2e::documents::shared_document(
        &t,
        other_customer["id"].as_str().unwrap(),
        "b.pdf",
        "application/pdf",
        b"%PDF-1.4",
    )
    .await;

    // An article published to each customer only.
    let article_for = |customer: Value| {
        let (t, supervisor) = (&t, supervisor.clone());
        async move {
            let r = t
                .post(
                    "/admin/articles",
                    &supervisor,
                    json!({ "title": "Matrix", "category": "Matrix", "status": "published", "body": "b",
                        "audience": { "kind": "customers", "customer_ids": [customer["id"]] } }),
                )
                .await;
            assert_eq!(r.status(), 201);
            r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
        }
    };
    let own_article = article_for(customer.clone()).await;
    let foreign_article = article_for(other_customer.clone()).await;
    // A project of each customer.
    let project_for = |customer: Value| {
        let (t, supervisor) = (&t, supervisor.clone());
        async move {
            let path = format!("/admin/customers/{}/projects", customer["id"].as_str().unwrap());
            let r = t.post(&path, &supervisor, json!({ "name": "Matrix" })).await;
            assert_eq!(r.status(), 201);
            r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
        }
    };
    let own_project = project_for(customer.clone()).await;
    let foreign_project = project_for(other_customer.clone()).await;
    let (own_site, own_asset, own_defect) = e2e::sites::site_asset_defect(&t, customer["id"].as_str().unwrap()).await;
    let (foreign_site, foreign_asset, _) =
        e2e::sites::site_asset_defect(&t, other_customer["id"].as_str().unwrap()).await;
    let (own_quote, own_invoice) =
        e2e::billing::sent_quote_and_invoice(&t, customer["id"].as_str().unwrap(), &own_site).await;
    let (foreign_quote, foreign_invoice) =
        e2e::billing::sent_quote_and_invoice(&t, other_customer["id"].as_str().unwrap(), &foreign_site).await;

    // Staff routes act on a contact of their own: revoking or archiving the signed-in one would end
    // its portal session for the rest of the matrix.
    let staff_target = t
        .create_contact(customer["id"].as_str().unwrap(), "Staff", "Target")
        .await;
    let _ = &contact;

    for (method, template, access) in MATRIX {
        let id = if template.starts_with("/admin/contacts/") {
            staff_target["id"].as_str().unwrap().to_owned()
        } else if template.contains("tickets/{id}") {
            own_ticket.clone()
        } else if template.contains("datasheets/{id}") {
            own_sheet.clone()
        } else if template.contains("documents/{id}") {
            own_doc.clone()
        } else if template.contains("news/{id}") {
            own_news.clone()
        } else if template.contains("articles/{id}") {
            own_article.clone()
        } else if template.contains("projects/{id}") {
            own_project.clone()
        } else if template.contains("jobs/{id}") {
            own_job.clone()
        } else if template.contains("sites/{id}") {
            own_site.clone()
        } else if template.contains("quotes/{id}") {
            own_quote.clone()
        } else if template.contains("invoices/{id}") {
            own_invoice.clone()
        } else if template.contains("assets/{id}") {
            own_asset.clone()
        } else if template.contains("defects/{id}") {
            own_defect.clone()
        } else if template.contains("workflows/{id}") {
            own_workflow.clone()
        } else if template.contains("datasheet-templates/{id}") {
            sheet_template.clone()
        } else {
            customer["id"].as_str().unwrap().to_owned()
        };
        let path = template
            .replace("{customer_id}", customer["id"].as_str().unwrap())
            .replace("{id}", &id);
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let send = |token: Option<String>| {
            let mut r = t.request(method.clone(), &path, token.as_deref());
            if method == Method::POST || method == Method::PUT || method == Method::PATCH {
                r = r.json(&json!({})).header("If-Match", "\"1\"");
            }
            async move { r.send().await.expect("gateway answers").status().as_u16() }
        };
        let route = format!("{method} {template}");

        if let Public(status) = access {
            // No authorizer: the function itself refuses (or, for sign-out, does nothing), not the gateway.
            assert_eq!(
                send(None).await,
                *status,
                "{route} is public and judges the request itself"
            );
            continue;
        }
        assert_eq!(send(None).await, 401, "{route} without a token");
        assert_eq!(send(Some("garbage".into())).await, 401, "{route} with garbage");
        let (own, foreign_pool_token) = match access {
            Portal => (portal.clone(), supervisor.clone()),
            Staff(_) => (supervisor.clone(), portal.clone()),
            Public(_) => unreachable!(),
        };
        assert_eq!(
            send(Some(foreign_pool_token)).await,
            401,
            "{route} with the other pool's token"
        );
        if *access == Portal {
            assert_eq!(send(Some(expired.clone())).await, 401, "{route} with an expired token");
            assert_eq!(
                send(Some(forged.clone())).await,
                401,
                "{route} with a token signed by another key"
            );
            assert_eq!(
                send(Some(forged_tenant.clone())).await,
                401,
                "{route} with a tampered tenant claim"
            );
            if template.contains("{id}") {
                // Another customer's object answers exactly as a missing one.
                let foreign = if template.starts_with("/portal/tickets/") {
                    &foreign_ticket
                } else if template.starts_with("/portal/datasheets/") {
                    &foreign_sheet
                } else if template.starts_with("/portal/documents/") {
                    &foreign_doc
                } else if template.starts_with("/portal/news/") {
                    &foreign_news
                } else if template.starts_with("/portal/articles/") {
                    &foreign_article
                } else if template.starts_with("/portal/projects/") {
                    &foreign_project
                } else if template.starts_with("/portal/jobs/") {
                    &foreign_job
                } else if template.starts_with("/portal/workflows/") {
                    &foreign_workflow
                } else if template.starts_with("/portal/sites/") {
                    &foreign_site
                } else if template.starts_with("/portal/assets/") {
                    &foreign_asset
                } else if template.starts_with("/portal/quotes/") {
                    &foreign_quote
                } else if template.starts_with("/portal/invoices/") {
                    &foreign_invoice
                } else {
                    panic!("{route}: add its other-customer object to this matrix")
                };
                // A nested id of a foreign object is any well-formed id: the object before it refuses first.
                let foreign_path = template
                    .replace("{id}", foreign)
                    .replace("{attachment_id}", foreign)
                    .replace("{task_id}", foreign)
                    .replace("{file_id}", foreign);
                let mut r = t.request(method.clone(), &foreign_path, Some(&portal));
                if method == Method::POST || method == Method::PUT || method == Method::PATCH {
                    let body = if template.contains("datasheets") {
                        json!({ "values": {} })
                    } else if template.contains("assets") {
                        json!({ "location": "x" })
                    } else if template.contains("quotes") {
                        json!({ "name": "x" })
                    } else if template.ends_with("/rating") {
                        json!({ "score": 3 })
                    } else if template.ends_with("/vote") {
                        json!({ "helpful": true })
                    } else if template.ends_with("/confidentiality") {
                        json!({ "confidential": true })
                    } else if template.ends_with("/attachments") || template.ends_with("/files") {
                        json!({ "name": "a.pdf", "content_type": "application/pdf", "size": 10 })
                    } else if *template == "/portal/tickets/{id}" {
                        json!({ "subject": "x", "description": "x" })
                    } else {
                        json!({ "body": "x" })
                    };
                    r = r.json(&body).header("If-Match", "\"1\"");
                }
                assert_eq!(
                    r.send().await.unwrap().status(),
                    404,
                    "{route} with another customer's ticket"
                );
            }
        }
        if let Staff(permission) = access {
            for (role, token) in &staff_by_role {
                let status = send(Some(token.clone())).await;
                if role_grants(role, *permission) {
                    assert!(
                        status != 401 && status != 403,
                        "{route} refused role {role:?} that holds {permission:?}: {status}"
                    );
                } else {
                    assert_eq!(status, 403, "{route} let role {role:?} through without {permission:?}");
                }
            }
        }
        let status = send(Some(own)).await;
        assert!(
            status != 401 && status != 403,
            "{route} refused its own kind of caller: {status}"
        );
    }
}
