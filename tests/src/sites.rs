//! Sites, assets and defects made through the staff API.

use serde_json::{json, Value};

use crate::TestStack;

/// A site with an extinguisher (its location open to contacts) and a published critical defect on it:
/// (site id, asset id, defect id).
pub async fn site_asset_defect(t: &TestStack, customer_id: &str) -> (String, String, String) {
    let staff = t.staff_token("supervisor").await;
    let base = format!("/admin/customers/{customer_id}");
    let made = |r: reqwest::Response| async move {
        let status = r.status();
        let v: Value = r.json().await.expect("json");
        assert!(status.is_success(), "{status}: {v}");
        v["id"].as_str().expect("id").to_owned()
    };
    let site = made(
        t.post(
            &format!("{base}/sites"),
            &staff,
            json!({ "name": "Test House", "latitude": 51.5, "longitude": -0.1 }),
        )
        .await,
    )
    .await;
    let asset = made(
        t.post(
            &format!("{base}/sites/{site}/assets"),
            &staff,
            json!({ "asset_type": "extinguisher", "identifier": "EXT-1", "contact_editable": ["location"] }),
        )
        .await,
    )
    .await;
    let defect = made(
        t.post(
            &format!("{base}/defects"),
            &staff,
            json!({ "asset_id": asset, "severity": "critical", "description": "Discharged", "published": true }),
        )
        .await,
    )
    .await;
    (site, asset, defect)
}
