//! Two data sheet templates assigned to Acme (one with an HTML layout) and a draft Alice started, made
//! through the staff and portal routes. A template is found again by its name, the assignment is
//! widened only when it lacks ours, and the draft is Alice's sheet of the layout template.

use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};

use super::{api::Api, People};
use crate::provision::BoxError;

pub const SITE_ACCESS: &str = "Site access request";
pub const INSPECTION: &str = "Equipment inspection report";
/// Where submitted sheets are emailed (the business's ticket intake).
pub const TICKETS_FROM: &str = "datasheets@portal.example.com";

fn site_access() -> Value {
    json!({
        "name": SITE_ACCESS,
        "description": "Ask for contractors or visitors to be let onto one of your sites.",
        "layout_html": null,
        "fields": [
            { "key": "site", "label": "Site", "type": "single_choice", "options": ["Acme House", "Riverside Depot", "Northgate Warehouse"], "required": true, "help": null },
            { "key": "visit_date", "label": "Date of visit", "type": "date", "required": true, "help": null },
            { "key": "visitors", "label": "Number of visitors", "type": "number", "min": 1.0, "max": 20.0, "integer": true, "required": true, "help": "Including the person in charge" },
            { "key": "out_of_hours", "label": "Out of hours", "type": "yes_no", "required": false, "help": "Before 07:00, after 19:00 or at the weekend" },
            { "key": "ppe", "label": "Protective equipment needed", "type": "multiple_choice", "options": ["Hard hat", "High-visibility vest", "Safety boots", "Gloves"], "required": false, "help": null },
            { "key": "purpose", "label": "Purpose of the visit", "type": "multi_line_text", "max_length": 2000, "required": true, "help": null }
        ]
    })
}

/// The layout the portal renders the sheet in: plain markup with `{{ key }}` where each value goes.
pub const INSPECTION_LAYOUT: &str = r#"<article class="sheet">
  <header>
    <h1>Equipment inspection report</h1>
    <p>Acme Facilities Ltd &middot; planned maintenance record</p>
  </header>
  <section>
    <h2>Asset</h2>
    <table>
      <tr><th scope="row">Asset tag</th><td>{{ asset_tag }}</td></tr>
      <tr><th scope="row">Location</th><td>{{ location }}</td></tr>
      <tr><th scope="row">Inspection date</th><td>{{ inspection_date }}</td></tr>
      <tr><th scope="row">Running hours</th><td>{{ hours_run }}</td></tr>
    </table>
  </section>
  <section>
    <h2>Findings</h2>
    <table>
      <tr><th scope="row">Overall condition</th><td>{{ condition }}</td></tr>
      <tr><th scope="row">Checks carried out</th><td>{{ checks }}</td></tr>
      <tr><th scope="row">Remove from service</th><td>{{ remove_from_service }}</td></tr>
    </table>
    <h3>Defects and actions</h3>
    <p>{{ defects }}</p>
  </section>
  <footer>
    <p>Inspected by the site's facilities team. Unsafe equipment must be isolated and labelled at once.</p>
  </footer>
</article>"#;

fn inspection() -> Value {
    json!({
        "name": INSPECTION,
        "description": "Record the condition of a piece of equipment after an inspection.",
        "layout_html": INSPECTION_LAYOUT,
        "fields": [
            { "key": "asset_tag", "label": "Asset tag", "type": "text", "max_length": 20, "required": true, "help": "As printed on the asset label, e.g. AC-GEN-004" },
            { "key": "location", "label": "Location", "type": "text", "max_length": 100, "required": true, "help": null },
            { "key": "inspection_date", "label": "Inspection date", "type": "date", "required": true, "help": null },
            { "key": "hours_run", "label": "Running hours", "type": "number", "min": 0.0, "max": 100000.0, "integer": true, "required": false, "help": "From the hour meter, if it has one" },
            { "key": "condition", "label": "Overall condition", "type": "single_choice", "options": ["Good", "Fair", "Poor", "Unsafe"], "required": true, "help": null },
            { "key": "checks", "label": "Checks carried out", "type": "multiple_choice", "options": ["Visual inspection", "Electrical test", "Guards in place", "Labels legible"], "required": false, "help": null },
            { "key": "remove_from_service", "label": "Remove from service", "type": "yes_no", "required": false, "help": null },
            { "key": "defects", "label": "Defects and actions", "type": "multi_line_text", "max_length": 4000, "required": false, "help": null }
        ]
    })
}

pub async fn seed(api: &Api, people: &People) -> Result<(), BoxError> {
    let existing = api.all(None, "/admin/datasheet-templates").await?;
    let mut ids = Vec::new();
    for template in [site_access(), inspection()] {
        let found = existing.iter().find(|t| t["name"] == template["name"]).cloned();
        let t = match found {
            Some(t) => t,
            None => api.staff("POST", "/admin/datasheet-templates", template).await?,
        };
        ids.push(t["id"].as_str().ok_or("a template without an id")?.to_owned());
    }
    let uri = format!("/admin/customers/{}/portal-templates", people.acme.id);
    let assigned = api.staff_get(&uri).await?;
    let mut template_ids: Vec<String> = assigned["template_ids"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect();
    if ids.iter().any(|id| !template_ids.contains(id)) || assigned["tickets_from_email"].is_null() {
        template_ids.extend(
            ids.iter()
                .filter(|id| !template_ids.contains(id))
                .cloned()
                .collect::<Vec<_>>(),
        );
        let email = assigned["tickets_from_email"]
            .as_str()
            .unwrap_or(TICKETS_FROM)
            .to_owned();
        api.staff(
            "PUT",
            &uri,
            json!({ "template_ids": template_ids, "tickets_from_email": email }),
        )
        .await?;
    }
    // Alice's draft of the inspection report: started and saved in the portal, ready to submit.
    let alice = Api::contact(&people.alice);
    let inspection_id = &ids[1];
    let sheets = api.all(Some(&alice), "/portal/datasheets").await?;
    let started = sheets
        .iter()
        .any(|s| s["template_id"] == json!(inspection_id) && s["created_by"]["id"] == json!(people.alice.id));
    if !started {
        let view = api
            .call(
                &alice,
                "POST",
                "/portal/datasheets",
                Some(json!({ "template_id": inspection_id })),
                None,
            )
            .await?;
        let sheet_id = view["sheet"]["id"].as_str().ok_or("a sheet without an id")?;
        let version = view["sheet"]["version"].as_u64().ok_or("a sheet without a version")?;
        let yesterday = (OffsetDateTime::now_utc() - Duration::days(1)).date().to_string();
        let values = json!({
            "asset_tag": "AC-GEN-004",
            "location": "Basement plant room, Acme House",
            "inspection_date": yesterday,
            "hours_run": 1830,
            "condition": "Fair",
            "checks": ["Visual inspection", "Guards in place"],
            "remove_from_service": false,
            "defects": "Fan belt worn and slightly loose; replace at the next service."
        });
        api.call(
            &alice,
            "PUT",
            &format!("/portal/datasheets/{sheet_id}"),
            Some(json!({ "values": values })),
            Some(version),
        )
        .await?;
    }
    Ok(())
}
