//! A client group for Alice: "Acme Group" holds Acme itself and, through its regional group "Acme
//! North", a second customer (Acme Northern Ltd, with two sites of its own). Staff granted Alice the
//! group, so she may view either portal or the whole group; Globex stays outside it.

use serde_json::{json, Value};

use super::{api::Api, People};
use crate::provision::BoxError;

pub const NORTHERN: &str = "Acme Northern Ltd";
pub const GROUP: &str = "Acme Group";
pub const REGION: &str = "Acme North";

/// (name, street, city, postcode, latitude, longitude)
const SITES: [(&str, &str, &str, &str, f64, f64); 2] = [
    (
        "Northern Depot",
        "4 Trafford Way",
        "Manchester",
        "M17 1AA",
        53.4631,
        -2.2913,
    ),
    ("Leeds Office", "10 Park Row", "Leeds", "LS1 5HD", 53.7983, -1.5461),
];

async fn find_or_make(api: &Api, list: &str, field: &str, value: &str, body: Value) -> Result<Value, BoxError> {
    match api.all(None, list).await?.into_iter().find(|v| v[field] == value) {
        Some(found) => Ok(found),
        None => api.create(list, body).await,
    }
}

pub async fn seed(api: &Api, people: &People) -> Result<(), BoxError> {
    let northern = find_or_make(
        api,
        "/admin/customers",
        "name",
        NORTHERN,
        json!({ "name": NORTHERN, "email": "office@acme-northern.example", "phone": "+44 161 496 0000",
                "address": { "line1": "4 Trafford Way", "city": "Manchester", "postcode": "M17 1AA", "country": "United Kingdom" } }),
    )
    .await?;
    let nid = northern["id"].as_str().unwrap_or_default().to_owned();
    let sites_uri = format!("/admin/customers/{nid}/sites");
    let mut site_ids = Vec::new();
    for (name, street, city, postcode, lat, lng) in SITES {
        let site = find_or_make(
            api,
            &sites_uri,
            "name",
            name,
            json!({ "name": name, "address": { "line1": street, "city": city, "postcode": postcode, "country": "United Kingdom" },
                    "latitude": lat, "longitude": lng }),
        )
        .await?;
        site_ids.push(site["id"].as_str().unwrap_or_default().to_owned());
    }
    let defects_uri = format!("/admin/customers/{nid}/defects");
    if api.all(None, &defects_uri).await?.is_empty() {
        api.create(
            &defects_uri,
            json!({ "site_id": site_ids[0], "severity": "critical", "description": "Sprinkler valve seized", "published": true }),
        )
        .await?;
        api.create(
            &defects_uri,
            json!({ "site_id": site_ids[1], "severity": "non_conformance", "description": "Fire log book not kept", "published": true }),
        )
        .await?;
    }

    let group = find_or_make(
        api,
        "/admin/groups",
        "name",
        GROUP,
        json!({ "name": GROUP, "parent_id": null, "customer_ids": [people.acme.id] }),
    )
    .await?;
    find_or_make(
        api,
        "/admin/groups",
        "name",
        REGION,
        json!({ "name": REGION, "parent_id": group["id"], "customer_ids": [nid] }),
    )
    .await?;
    api.staff(
        "PUT",
        &format!("/admin/contacts/{}/group-access", people.alice.id),
        json!({ "group_id": group["id"] }),
    )
    .await?;
    Ok(())
}
