//! Portal modules: the global setting, per-customer overrides, `/portal/me` showing the effective set,
//! and every route of a disabled module answering 404 from the next request on.

use e2e::TestStack;
use reqwest::Method;
use serde_json::{json, Value};

async fn modules_of(t: &TestStack, token: &str) -> Vec<String> {
    let me: Value = t.get("/portal/me", token).await.json().await.unwrap();
    me["modules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn disabled_modules_vanish_from_me_and_their_routes_answer_404() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (a, _, a_token) = t.customer_with_portal_contact("Module A").await;
    let (_b, _, b_token) = t.customer_with_portal_contact("Module B").await;
    let aid = a["id"].as_str().unwrap();

    let defaults = modules_of(&t, &a_token).await;
    assert!(defaults.contains(&"tickets".to_owned()) && !defaults.contains(&"ticket_dashboard".to_owned()));
    assert_eq!(t.get("/portal/reports/tickets", &a_token).await.status(), 404);

    let put = |path: String, body: Value| t.request(Method::PUT, &path, Some(&staff)).json(&body).send();
    let r = put(
        "/admin/settings/portal".into(),
        json!({ "modules": ["tickets", "main_info", "contacts", "ticket_dashboard", "tickets"] }),
    )
    .await
    .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.json::<Value>().await.unwrap()["modules"],
        json!(["main_info", "contacts", "tickets", "ticket_dashboard"])
    );
    assert_eq!(
        modules_of(&t, &b_token).await,
        ["main_info", "contacts", "tickets", "ticket_dashboard"]
    );
    assert_eq!(
        t.get("/portal/reports/tickets", &b_token).await.status(),
        200,
        "on at the next request"
    );
    assert_eq!(
        t.get("/portal/datasheets", &b_token).await.status(),
        404,
        "data sheets are off globally now"
    );

    // Customer A gets its own set: only main info and data sheets.
    let r = put(
        format!("/admin/customers/{aid}/portal-modules"),
        json!({ "modules": ["main_info", "data_sheets"] }),
    )
    .await
    .unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["source"], "customer");
    assert_eq!(modules_of(&t, &a_token).await, ["main_info", "data_sheets"]);
    for path in [
        "/portal/tickets",
        "/portal/contacts",
        "/portal/tickets/export",
        "/portal/reports/tickets",
    ] {
        let r = t.get(path, &a_token).await;
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(r.headers()["content-type"], "application/problem+json");
    }
    let create = t
        .post(
            "/portal/tickets",
            &a_token,
            json!({ "subject": "x", "description": "y", "type": "question", "priority": "low" }),
        )
        .await;
    assert_eq!(create.status(), 404, "writes too");
    assert_eq!(t.get("/portal/datasheets", &a_token).await.status(), 200);
    assert_eq!(
        t.get("/portal/tickets", &b_token).await.status(),
        200,
        "B keeps the global set"
    );

    let r = t
        .request(
            Method::DELETE,
            &format!("/admin/customers/{aid}/portal-modules"),
            Some(&staff),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert_eq!(
        modules_of(&t, &a_token).await,
        ["main_info", "contacts", "tickets", "ticket_dashboard"]
    );
    let unknown = put("/admin/settings/portal".into(), json!({ "modules": ["teleport"] }))
        .await
        .unwrap();
    assert_eq!(unknown.status(), 422);
}
