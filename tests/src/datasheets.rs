//! Data sheet fixtures made through the staff and portal APIs.

use serde_json::{json, Value};

use crate::TestStack;

/// A template covering every field type; returns its id.
pub async fn template(t: &TestStack, name: &str) -> String {
    let staff = t.staff_token("supervisor").await;
    let body = json!({
        "name": name,
        "description": "What we need to know before a site visit",
        "layout_html": null,
        "fields": [
            { "key": "site", "label": "Site name", "type": "text", "max_length": 40, "required": true, "help": "As on the contract" },
            { "key": "access", "label": "Access notes", "type": "multi_line_text", "max_length": null, "required": false, "help": null },
            { "key": "floors", "label": "Floors", "type": "number", "min": 1.0, "max": 50.0, "integer": true, "required": true, "help": null },
            { "key": "visit", "label": "Preferred date", "type": "date", "required": false, "help": null },
            { "key": "parking", "label": "Parking on site", "type": "yes_no", "required": true, "help": null },
            { "key": "risk", "label": "Risk level", "type": "single_choice", "options": ["low", "medium", "high"], "required": false, "help": null },
            { "key": "kit", "label": "Equipment", "type": "multiple_choice", "options": ["ladder", "scaffold", "lift"], "required": false, "help": null }
        ]
    });
    let r = t.post("/admin/datasheet-templates", &staff, body).await;
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert_eq!(status, 201, "create template: {v}");
    v["id"].as_str().expect("id").to_owned()
}

/// Assigns the template to the customer (with a tickets-from address) and starts a draft as the contact.
pub async fn draft(t: &TestStack, customer_id: &str, template_id: &str, contact_token: &str) -> String {
    let staff = t.staff_token("supervisor").await;
    let r = t
        .request(reqwest::Method::PUT, &format!("/admin/customers/{customer_id}/portal-templates"), Some(&staff))
        .json(&json!({ "template_ids": [template_id], "tickets_from_email": format!("sheets-{}@biz.example", customer_id.to_lowercase()) }))
        .send()
        .await
        .expect("assign");
    assert_eq!(r.status(), 200, "assign templates");
    let r = t
        .post(
            "/portal/datasheets",
            contact_token,
            json!({ "template_id": template_id }),
        )
        .await;
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert_eq!(status, 201, "create sheet: {v}");
    v["sheet"]["id"].as_str().expect("id").to_owned()
}
