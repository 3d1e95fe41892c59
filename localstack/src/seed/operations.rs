//! Jobs and workflows, made through the staff routes (the back office's feed). A job is found again by
//! its reference and a workflow by its type.

use serde_json::{json, Value};
use time::{Date, Duration, OffsetDateTime, Time};

use super::{api::Api, People};
use crate::provision::BoxError;

fn at(day: Date, hour: u8) -> String {
    let t = day
        .with_time(Time::from_hms(hour, 0, 0).unwrap_or(Time::MIDNIGHT))
        .assume_utc();
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Acme's jobs, oldest first (the portal lists them newest first): one closed, one finished, one under
/// way, one booked and one on hold. Globex gets one of its own.
fn jobs(today: Date) -> Vec<(bool, Value)> {
    let d = |n: i64| today + Duration::days(n);
    vec![
        (
            true,
            json!({
                "reference": "J-24017", "description": "Annual gas safety inspection of all boilers and appliances", "job_type": "Inspection",
                "taken_by": "Sam Seller", "order_number": "PO-5521", "booked_dates": [d(-42).to_string()], "scheduled_at": at(d(-42), 8),
                "days_allocated": 1.0, "technicians": ["Tess Turner"], "estimated_hours": 6.0, "actual_hours": 5.5,
                "status": "closed", "finished_at": at(d(-42), 15), "closed_at": at(d(-40), 10)
            }),
        ),
        (
            true,
            json!({
                "reference": "J-24031", "description": "Replace the boiler circulation pump in the basement plant room", "job_type": "Repair",
                "taken_by": "Rita Relations", "order_number": "PO-5590", "booked_dates": [d(-9).to_string()], "scheduled_at": at(d(-9), 9),
                "days_allocated": 0.5, "technicians": ["Tess Turner", "Omar Okafor"], "estimated_hours": 4.0, "actual_hours": 4.5,
                "status": "finished", "finished_at": at(d(-9), 14), "closed_at": null
            }),
        ),
        (
            true,
            json!({
                "reference": "J-24044", "description": "Quarterly fire alarm and emergency lighting test, all floors", "job_type": "Planned maintenance",
                "taken_by": "Sam Seller", "order_number": "PO-5602", "booked_dates": [d(-1).to_string(), d(0).to_string()], "scheduled_at": at(d(-1), 7),
                "days_allocated": 2.0, "technicians": ["Priya Patel"], "estimated_hours": 12.0, "actual_hours": null,
                "status": "in_progress", "finished_at": null, "closed_at": null
            }),
        ),
        (
            true,
            json!({
                "reference": "J-24052", "description": "Install four EV charging points in the staff car park", "job_type": "Installation",
                "taken_by": "Sam Seller", "order_number": "PO-5640", "booked_dates": [d(10).to_string(), d(11).to_string(), d(12).to_string()], "scheduled_at": at(d(10), 8),
                "days_allocated": 3.0, "technicians": ["Omar Okafor", "Lee Lambert"], "estimated_hours": 22.0, "actual_hours": null,
                "status": "booked", "finished_at": null, "closed_at": null
            }),
        ),
        (
            true,
            json!({
                "reference": "J-24058", "description": "Clear and repair the roof gutters over the loading bay", "job_type": "Repair",
                "taken_by": "Rita Relations", "order_number": null, "booked_dates": [], "scheduled_at": null,
                "days_allocated": 1.0, "technicians": [], "estimated_hours": 5.0, "actual_hours": null,
                "status": "on_hold", "finished_at": null, "closed_at": null
            }),
        ),
        (
            false,
            json!({
                "reference": "G-1107", "description": "Swap the UPS batteries in the Globex server room", "job_type": "Maintenance",
                "taken_by": "Sam Seller", "order_number": "GX-881", "booked_dates": [d(5).to_string()], "scheduled_at": at(d(5), 18),
                "days_allocated": 0.5, "technicians": ["Priya Patel"], "estimated_hours": 3.0, "actual_hours": null,
                "status": "booked", "finished_at": null, "closed_at": null
            }),
        ),
    ]
}

fn task(name: &str, status: &str, done: Option<(&str, OffsetDateTime)>) -> Value {
    let when = done.map(|(_, t)| {
        t.format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    });
    json!({ "name": name, "status": status, "done_by": done.map(|(who, _)| who), "done_at": when })
}

/// Acme's workflows: three active with tasks in every status, two finished ones the portal must not show.
fn workflows(now: OffsetDateTime) -> Vec<Value> {
    let ago = |days: i64| now - Duration::days(days);
    vec![
        json!({ "workflow_type": "Legionella risk assessment 2025", "instigator": "Rita Relations", "active": false, "tasks": [
            task("Water system survey", "done", Some(("Tess Turner", ago(300)))),
            task("Written scheme issued", "done", Some(("Rita Relations", ago(290)))),
        ]}),
        json!({ "workflow_type": "Office move, 3rd floor", "instigator": "Alice Archer", "active": false, "tasks": [
            task("Furniture removal", "done", Some(("Omar Okafor", ago(120)))),
            task("Data cabling", "done", Some(("Lee Lambert", ago(118)))),
            task("Deep clean", "done", Some(("Cleaning team", ago(117)))),
        ]}),
        json!({ "workflow_type": "Asbestos survey follow-up", "instigator": "Sam Seller", "active": true, "tasks": [
            task("Sample collection", "done", Some(("Priya Patel", ago(12)))),
            task("Laboratory analysis", "blocked", None),
            task("Survey report to customer", "not_started", None),
        ]}),
        json!({ "workflow_type": "Annual contract renewal", "instigator": "Rita Relations", "active": true, "tasks": [
            task("Review of last year's call-outs", "done", Some(("Rita Relations", ago(6)))),
            task("Renewal quote", "in_progress", None),
            task("Customer approval", "not_started", None),
        ]}),
        json!({ "workflow_type": "New site onboarding: Riverside Depot", "instigator": "Alice Archer", "active": true, "tasks": [
            task("Site survey", "done", Some(("Tess Turner", ago(4)))),
            task("Risk assessment", "done", Some(("Priya Patel", ago(3)))),
            task("Maintenance quote", "in_progress", None),
            task("Access cards for engineers", "blocked", None),
            task("Contract signed", "not_started", None),
        ]}),
    ]
}

pub async fn seed(api: &Api, people: &People) -> Result<(), BoxError> {
    let now = OffsetDateTime::now_utc();
    let (acme, globex) = (&people.acme.id, &people.globex.id);
    let mut references = Vec::new();
    for c in [acme, globex] {
        references.extend(
            api.all(None, &format!("/admin/customers/{c}/jobs"))
                .await?
                .into_iter()
                .map(|j| j["reference"].clone()),
        );
    }
    for (for_acme, job) in jobs(now.date()) {
        if !references.contains(&job["reference"]) {
            let customer = if for_acme { acme } else { globex };
            api.create(&format!("/admin/customers/{customer}/jobs"), job).await?;
        }
    }
    let uri = format!("/admin/customers/{acme}/workflows");
    let types: Vec<Value> = api
        .all(None, &uri)
        .await?
        .into_iter()
        .map(|w| w["workflow_type"].clone())
        .collect();
    for w in workflows(now) {
        if !types.contains(&w["workflow_type"]) {
            api.create(&uri, w).await?;
        }
    }
    Ok(())
}
