//! Jobs and workflows made through the staff API.

use serde_json::{json, Value};

use crate::TestStack;

pub fn job_body(reference: &str) -> Value {
    json!({
        "reference": reference, "description": "Replace boiler pump", "job_type": "Repair", "taken_by": "Sam",
        "order_number": "PO-77", "booked_dates": ["2026-12-01", "2026-12-02"], "scheduled_at": "2026-12-01T09:00:00Z",
        "days_allocated": 2.0, "technicians": ["Tess", "Tom"], "estimated_hours": 12.5, "actual_hours": null,
        "status": "booked", "finished_at": null, "closed_at": null
    })
}

pub fn workflow_body(active: bool) -> Value {
    json!({
        "workflow_type": "New site onboarding", "instigator": "Rita Relations", "active": active,
        "tasks": [
            { "name": "Survey", "status": "done", "done_by": "Tess", "done_at": "2026-11-20T10:00:00Z" },
            { "name": "Quote", "status": "in_progress", "done_by": null, "done_at": null },
            { "name": "Permit", "status": "blocked", "done_by": null, "done_at": null }
        ]
    })
}

/// A job and an active workflow for the customer: (job id, workflow id).
pub async fn job_and_workflow(t: &TestStack, customer_id: &str) -> (String, String) {
    let staff = t.staff_token("supervisor").await;
    let job: Value = t
        .post(&format!("/admin/customers/{customer_id}/jobs"), &staff, job_body("J-1"))
        .await
        .json()
        .await
        .expect("job");
    let wf: Value = t
        .post(
            &format!("/admin/customers/{customer_id}/workflows"),
            &staff,
            workflow_body(true),
        )
        .await
        .json()
        .await
        .expect("workflow");
    (
        job["id"].as_str().expect("job id").to_owned(),
        wf["id"].as_str().expect("workflow id").to_owned(),
    )
}

/// A news item shown now, to everyone or to one customer; returns its id.
pub async fn news(t: &TestStack, customer_id: Option<&str>) -> String {
    let staff = t.staff_token("supervisor").await;
    let audience = match customer_id {
        Some(c) => json!({ "kind": "customers", "customer_ids": [c] }),
        None => json!({ "kind": "all" }),
    };
    let body = json!({ "title": "Holiday hours", "body": "Closed on the 25th.", "audience": audience, "starts_at": "2026-01-01T00:00:00Z", "ends_at": null });
    let v: Value = t.post("/admin/news", &staff, body).await.json().await.expect("news");
    v["id"].as_str().expect("news id").to_owned()
}
