//! Jobs and workflows: what staff write is what the portal shows, read-only.

use e2e::{
    operations::{job_body, workflow_body},
    TestStack,
};
use reqwest::Method;
use serde_json::{json, Value};

async fn body(r: reqwest::Response) -> Value {
    r.json().await.expect("json")
}

#[tokio::test]
async fn jobs_match_what_staff_wrote_and_refuse_portal_writes() {
    let t = TestStack::start().await;
    let staff = t.staff_token("agent").await;
    let (customer, _, token) = t.customer_with_portal_contact("Jobbers").await;
    let cid = customer["id"].as_str().unwrap();
    let first = body(
        t.post(&format!("/admin/customers/{cid}/jobs"), &staff, job_body("J-100"))
            .await,
    )
    .await;
    let second = body(
        t.post(&format!("/admin/customers/{cid}/jobs"), &staff, job_body("J-101"))
            .await,
    )
    .await;

    let list = body(t.get("/portal/jobs", &token).await).await;
    let refs: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["reference"].as_str().unwrap())
        .collect();
    assert_eq!(refs, ["J-101", "J-100"], "newest first");
    let row = &list["items"][1];
    assert_eq!(row["booked_dates"], json!(["2026-12-01", "2026-12-02"]));
    assert_eq!(row["description"], "Replace boiler pump");
    assert!(row["closed_at"].is_null());

    let id = first["id"].as_str().unwrap();
    let mut update = job_body("J-100");
    update["status"] = json!("closed");
    update["actual_hours"] = json!(11.0);
    update["closed_at"] = json!("2026-12-02T17:00:00Z");
    let r = t
        .request(Method::PUT, &format!("/admin/customers/{cid}/jobs/{id}"), Some(&staff))
        .header("If-Match", "\"1\"")
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let detail = body(t.get(&format!("/portal/jobs/{id}"), &token).await).await;
    for field in [
        "reference",
        "job_type",
        "taken_by",
        "order_number",
        "days_allocated",
        "technicians",
        "estimated_hours",
        "actual_hours",
        "status",
        "scheduled_at",
    ] {
        assert_eq!(detail[field], update[field], "{field}");
    }
    assert_eq!(detail["closed_at"], "2026-12-02T17:00:00Z");

    for (method, path) in [
        (Method::POST, "/portal/jobs".to_owned()),
        (Method::PUT, format!("/portal/jobs/{id}")),
        (
            Method::DELETE,
            format!("/portal/jobs/{}", second["id"].as_str().unwrap()),
        ),
    ] {
        let r = t
            .request(method.clone(), &path, Some(&token))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 405, "{method} {path}");
    }
    let bad = t
        .post(
            &format!("/admin/customers/{cid}/jobs"),
            &staff,
            json!({ "reference": "", "description": "d", "job_type": "t", "status": "booked", "days_allocated": -1.0 }),
        )
        .await;
    assert_eq!(bad.status(), 422);
}

#[tokio::test]
async fn only_active_workflows_show_with_coloured_tasks() {
    let t = TestStack::start().await;
    let staff = t.staff_token("agent").await;
    let (customer, _, token) = t.customer_with_portal_contact("Flowers").await;
    let cid = customer["id"].as_str().unwrap();
    let active = body(
        t.post(
            &format!("/admin/customers/{cid}/workflows"),
            &staff,
            workflow_body(true),
        )
        .await,
    )
    .await;
    t.post(
        &format!("/admin/customers/{cid}/workflows"),
        &staff,
        workflow_body(false),
    )
    .await;

    let list = body(t.get("/portal/workflows", &token).await).await;
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "inactive workflows are not listed");
    assert_eq!(items[0]["instigator"], "Rita Relations");
    let colours: Vec<&str> = items[0]["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["colour"].as_str().unwrap())
        .collect();
    assert_eq!(colours, ["green", "amber", "red"]);

    let id = active["id"].as_str().unwrap();
    let detail = body(t.get(&format!("/portal/workflows/{id}"), &token).await).await;
    assert_eq!(detail["tasks"][0]["done_by"], "Tess");
    assert_eq!(detail["tasks"][0]["done_at"], "2026-11-20T10:00:00Z");

    let r = t
        .request(
            Method::PUT,
            &format!("/admin/customers/{cid}/workflows/{id}"),
            Some(&staff),
        )
        .header("If-Match", "\"1\"")
        .json(&workflow_body(false))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        body(t.get("/portal/workflows", &token).await).await["items"]
            .as_array()
            .unwrap()
            .is_empty(),
        "a finished workflow leaves the list"
    );
    assert_eq!(
        t.request(Method::PUT, &format!("/portal/workflows/{id}"), Some(&token))
            .json(&json!({}))
            .send()
            .await
            .unwrap()
            .status(),
        405
    );
}
