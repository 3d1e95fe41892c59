//! What staff would have made for the demo customer before a contact signs in: every portal module on, a data sheet template
//! assigned to it (and a draft the contact started), a job, an active workflow and a news item, so the
//! portal's by-id routes and writes measure their successful path. Made through the routes, in process.

use serde_json::{json, Value};

use super::events::{http_event, Callers, Dispatcher};
use crate::provision::BoxError;

async fn staff(d: &Dispatcher, callers: &Callers, method: &str, uri: &str, body: Value) -> Result<Value, BoxError> {
    let reply = d
        .call(&http_event(method, uri, Some(&body), callers.for_path(uri)))
        .await?;
    if !(200..300).contains(&reply.status) {
        return Err(format!("{method} {uri} answered {}: {}", reply.status, reply.body).into());
    }
    Ok(reply.body)
}

pub async fn make(d: &Dispatcher, callers: &Callers) -> Result<(), BoxError> {
    let cid = &callers.customer_id;
    // Every module on for the customer, so each portal route does its real work.
    staff(
        d,
        callers,
        "PUT",
        &format!("/admin/customers/{cid}/portal-modules"),
        json!({ "modules": shared::modules::Module::ALL }),
    )
    .await?;
    let template = staff(d, callers, "POST", "/admin/datasheet-templates", json!({
        "name": "Site survey",
        "description": "What we need to know before a visit",
        "layout_html": null,
        "fields": [{ "key": "site", "label": "Site name", "type": "text", "max_length": 40, "required": true, "help": null }]
    }))
    .await?;
    let template_id = template["id"].as_str().ok_or("template id")?;
    staff(
        d,
        callers,
        "PUT",
        &format!("/admin/customers/{cid}/portal-templates"),
        json!({ "template_ids": [template_id], "tickets_from_email": "sheets@biz.example" }),
    )
    .await?;
    // A draft the contact started, so the sheet routes read a real one.
    let draft = d
        .call(&http_event(
            "POST",
            "/portal/datasheets",
            Some(&json!({ "template_id": template_id })),
            Some(&callers.portal),
        ))
        .await?;
    if draft.status != 201 {
        return Err(format!("starting a draft answered {}: {}", draft.status, draft.body).into());
    }
    staff(
        d,
        callers,
        "POST",
        &format!("/admin/customers/{cid}/jobs"),
        json!({
            "reference": "J-100", "description": "Replace boiler pump", "job_type": "Repair", "taken_by": "Sam",
            "order_number": "PO-77", "booked_dates": ["2026-12-01"], "scheduled_at": "2026-12-01T09:00:00Z",
            "days_allocated": 1.0, "technicians": ["Tess"], "estimated_hours": 6.0, "actual_hours": null,
            "status": "booked", "finished_at": null, "closed_at": null
        }),
    )
    .await?;
    staff(
        d,
        callers,
        "POST",
        &format!("/admin/customers/{cid}/workflows"),
        json!({
            "workflow_type": "New site onboarding", "instigator": "Rita Relations", "active": true,
            "tasks": [{ "name": "Survey", "status": "done", "done_by": "Tess", "done_at": "2026-11-20T10:00:00Z" },
                      { "name": "Quote", "status": "in_progress", "done_by": null, "done_at": null }]
        }),
    )
    .await?;
    let site = staff(
        d,
        callers,
        "POST",
        &format!("/admin/customers/{cid}/sites"),
        json!({ "name": "Bench House", "latitude": 51.5, "longitude": -0.1 }),
    )
    .await?;
    let site_id = site["id"].as_str().unwrap_or_default();
    let asset = staff(
        d,
        callers,
        "POST",
        &format!("/admin/customers/{cid}/sites/{site_id}/assets"),
        json!({ "asset_type": "extinguisher", "identifier": "EXT-1", "contact_editable": ["location"] }),
    )
    .await?;
    staff(
        d,
        callers,
        "POST",
        &format!("/admin/customers/{cid}/defects"),
        json!({ "asset_id": asset["id"], "severity": "critical", "description": "Discharged", "published": true }),
    )
    .await?;
    staff(
        d,
        callers,
        "POST",
        "/admin/news",
        json!({
            "title": "Holiday hours", "body": "Closed on the 25th.", "audience": { "kind": "all" },
            "starts_at": "2026-01-01T00:00:00Z", "ends_at": null
        }),
    )
    .await?;
    Ok(())
}
