//! A year of field service for Acme: routine maintenance due every month on four sites (done on time,
//! within tolerance, late, missed, and pending this month) and service calls in every stage. Made
//! through the staff routes, found again by reference.

use serde_json::{json, Value};
use time::{Date, Duration, OffsetDateTime};

use super::{api::Api, People};
use crate::provision::BoxError;

const ROUTINE_SITES: [&str; 4] = [
    "Acme House",
    "Riverside Offices",
    "Camden Depot",
    "Stratford Training Centre",
];
const TOLERANCE_DAYS: i64 = 14;

const CALLS: [&str; 6] = [
    "Fire door not closing fully",
    "Emergency light fault in stairwell",
    "Alarm panel showing a fault",
    "Sprinkler head leaking",
    "Extinguisher missing from its bracket",
    "Exit sign damaged",
];

fn status_of(stage: &str) -> &'static str {
    match stage {
        "complete" => "closed",
        "performed" => "finished",
        "in_progress" => "in_progress",
        "on_hold" => "on_hold",
        _ => "booked",
    }
}

fn job(reference: String, description: &str, job_type: &str, stage: &str, field: Value) -> Value {
    json!({
        "reference": reference, "description": description, "job_type": job_type, "taken_by": "Sam Seller",
        "order_number": null, "booked_dates": [], "scheduled_at": null, "days_allocated": null, "technicians": ["Tess Turner"],
        "estimated_hours": 1.0, "actual_hours": null, "status": status_of(stage), "finished_at": null, "closed_at": null,
        "field": field,
    })
}

/// Routine work: (reference, body). Month `back` months ago on site `s`.
fn routine(today: Date, site_ids: &[String]) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for back in (0..12).rev() {
        let start = super::month_start(today, back);
        let end = super::month_start(today, back - 1) - Duration::days(1);
        let month = format!("{:04}-{:02}", start.year(), u8::from(start.month()));
        for (s, site) in site_ids.iter().enumerate() {
            // Mostly on time; a few within tolerance, one late and one missed; this month partly pending.
            let performed = match (back, s) {
                (0, 0) => Some(today.min(start + Duration::days(1))),
                (0, _) => None,
                (3, 1) | (7, 2) | (9, 0) => Some(end + Duration::days(6)),
                (5, 3) => Some(end + Duration::days(TOLERANCE_DAYS + 9)),
                (2, 2) => None,
                _ => Some(start + Duration::days(9 + s as i64)),
            };
            let stage = match performed {
                Some(_) if back == 0 => "performed",
                Some(_) => "complete",
                None if back == 0 => "ready",
                None => "on_hold",
            };
            let reference = format!("R-{}{:02}-{}", start.year() % 100, u8::from(start.month()), s + 1);
            let field = json!({
                "site_id": site, "kind": "routine", "stage": stage, "due_month": month, "tolerance_days": TOLERANCE_DAYS,
                "logged_on": (start - Duration::days(20)).to_string(), "performed_on": performed.map(|d| d.to_string()),
            });
            out.push((
                reference.clone(),
                job(
                    reference,
                    "Monthly fire safety checks",
                    "Routine maintenance",
                    stage,
                    field,
                ),
            ));
        }
    }
    out
}

/// Service calls: two or three a month, older ones complete, recent ones in every stage.
fn reactive(today: Date, site_ids: &[String]) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for back in (0..12).rev() {
        let start = super::month_start(today, back);
        for n in 0..(2 + (back % 2) as usize) {
            let logged = (start + Duration::days(3 + 7 * n as i64)).min(today);
            let stage = match (back, n) {
                (0, 0) => "on_hold",
                (0, 1) => "ready",
                (1, 0) => "in_progress",
                (1, 1) => "performed",
                (2, 0) => "performed",
                _ => "complete",
            };
            let performed = matches!(stage, "performed" | "complete").then(|| (logged + Duration::days(2)).min(today));
            let site = &site_ids[(back as usize * 3 + n) % site_ids.len()];
            let reference = format!("S-{}{:02}-{}", start.year() % 100, u8::from(start.month()), n + 1);
            let call = CALLS[(back as usize + n) % CALLS.len()];
            let field = json!({
                "site_id": site, "kind": "reactive", "stage": stage, "due_month": null, "tolerance_days": 0,
                "logged_on": logged.to_string(), "performed_on": performed.map(|d| d.to_string()),
            });
            out.push((reference.clone(), job(reference, call, "Service call", stage, field)));
        }
    }
    out
}

pub async fn seed(api: &Api, people: &People) -> Result<(), BoxError> {
    let today = OffsetDateTime::now_utc().date();
    let acme = people.acme.id.as_str();
    let sites = api.all(None, &format!("/admin/customers/{acme}/sites")).await?;
    let id_of = |name: &str| -> Result<String, BoxError> {
        Ok(sites
            .iter()
            .find(|s| s["name"] == name)
            .and_then(|s| s["id"].as_str())
            .ok_or_else(|| format!("the demo site {name}"))?
            .to_owned())
    };
    let routine_sites = ROUTINE_SITES.iter().map(|n| id_of(n)).collect::<Result<Vec<_>, _>>()?;
    let all_sites: Vec<String> = sites
        .iter()
        .filter_map(|s| s["id"].as_str().map(str::to_owned))
        .collect();
    let uri = format!("/admin/customers/{acme}/jobs");
    let existing: Vec<Value> = api
        .all(None, &uri)
        .await?
        .into_iter()
        .map(|j| j["reference"].clone())
        .collect();
    let mut wanted = routine(today, &routine_sites);
    wanted.extend(reactive(today, &all_sites));
    for (reference, body) in wanted {
        if !existing.contains(&json!(reference)) {
            api.create(&uri, body).await?;
        }
    }
    Ok(())
}
