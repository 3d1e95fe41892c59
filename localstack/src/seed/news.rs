//! News through the staff route: three items for everyone (or for Acme) and one for Globex only. An item
//! is found again by its title. They start in the past and never end, so they stay active.

use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};

use super::{api::Api, People};
use crate::provision::BoxError;

pub const GLOBEX_ONLY: &str = "Globex: new out-of-hours support number";

/// Oldest first: the portal lists the newest first.
fn items(p: &People, now: OffsetDateTime) -> Vec<Value> {
    let ago = |days: i64| {
        (now - Duration::days(days))
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default()
    };
    let all = json!({ "kind": "all" });
    vec![
        json!({ "title": "New: follow your jobs online", "audience": all, "starts_at": ago(20), "ends_at": null,
            "body": "The portal now lists your jobs with their booked dates, technicians and status, and your open workflows task by task." }),
        json!({ "title": "Holiday opening hours", "audience": all, "starts_at": ago(5), "ends_at": null,
            "body": "The service desk is closed on public holidays. Urgent faults are still attended 24/7: raise a ticket marked urgent or call the emergency line." }),
        json!({ "title": "Planned maintenance at Acme House on Saturday", "audience": { "kind": "customers", "customer_ids": [p.acme.id] }, "starts_at": ago(1), "ends_at": null,
            "body": "Power to the lifts will be off from 08:00 to 12:00 while we service the main switchboard. Please use the stairs." }),
        json!({ "title": GLOBEX_ONLY, "audience": { "kind": "customers", "customer_ids": [p.globex.id] }, "starts_at": ago(2), "ends_at": null,
            "body": "From next month Globex's out-of-hours calls go to +44 161 496 0299." }),
    ]
}

pub async fn seed(api: &Api, people: &People) -> Result<(), BoxError> {
    let titles: Vec<Value> = api
        .all(None, "/admin/news")
        .await?
        .into_iter()
        .map(|n| n["title"].clone())
        .collect();
    for item in items(people, OffsetDateTime::now_utc()) {
        if !titles.contains(&item["title"]) {
            api.create("/admin/news", item).await?;
        }
    }
    Ok(())
}
