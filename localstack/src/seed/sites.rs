//! Acme's portfolio: a dozen London sites with their assets and a year of defects (published and not,
//! every severity, some resolved), made through the staff routes so every counter is kept as in
//! production. Globex gets two sites of its own. A site is found again by its name, an asset by its
//! identifier and a defect by its description.

use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};

use super::{api::Api, People};
use crate::provision::BoxError;

/// (name, street, postcode, latitude, longitude)
const ACME_SITES: [(&str, &str, &str, f64, f64); 12] = [
    ("Acme House", "1 Example Street", "EC1A 1AA", 51.5203, -0.0982),
    ("Riverside Offices", "22 Bankside", "SE1 9DT", 51.5076, -0.0994),
    ("Camden Depot", "5 Chalk Farm Road", "NW1 8AB", 51.5432, -0.1511),
    ("Canary Wharf Suite", "30 Cabot Square", "E14 4QQ", 51.5049, -0.0211),
    ("Shoreditch Studio", "88 Curtain Road", "EC2A 3AY", 51.5253, -0.0800),
    (
        "Kensington Showroom",
        "140 Kensington High Street",
        "W8 7RL",
        51.5010,
        -0.1931,
    ),
    ("Greenwich Warehouse", "9 Norman Road", "SE10 9QF", 51.4791, -0.0145),
    ("Hammersmith Clinic", "3 King Street", "W6 9HR", 51.4927, -0.2248),
    ("Islington Library Annex", "12 Upper Street", "N1 0PQ", 51.5362, -0.1033),
    ("Brixton Community Hall", "41 Acre Lane", "SW2 5SG", 51.4613, -0.1156),
    ("Stratford Training Centre", "7 Broadway", "E15 4BQ", 51.5416, -0.0022),
    ("Wimbledon Data Room", "60 The Broadway", "SW19 1RQ", 51.4214, -0.2064),
];

const GLOBEX_SITES: [(&str, &str, &str, f64, f64); 2] = [
    ("Globex Tower", "200 Bishopsgate", "EC2M 4NR", 51.5175, -0.0804),
    (
        "Globex Data Centre",
        "1 Slough Trading Estate",
        "SL1 4AX",
        51.5221,
        -0.6206,
    ),
];

/// The asset types each site carries, in turn: (type, identifier prefix, location).
const KINDS: [(&str, &str, &str); 5] = [
    ("extinguisher", "EXT", "Ground floor lobby"),
    ("exit_light", "EXL", "Stairwell B"),
    ("emergency_light", "EML", "Corridor 1"),
    ("fire_door", "FDR", "Plant room"),
    ("alarm_panel", "FAP", "Reception"),
];

/// (site index, asset index or none, severity, description, months ago raised, resolved, published)
type DefectSpec = (usize, Option<usize>, &'static str, &'static str, i64, bool, bool);

const DEFECTS: [DefectSpec; 22] = [
    (
        0,
        Some(0),
        "critical",
        "Extinguisher discharged and not replaced",
        0,
        false,
        true,
    ),
    (0, Some(1), "non_critical", "Exit sign lamp flickering", 1, false, true),
    (
        0,
        None,
        "non_conformance",
        "Fire evacuation plan out of date",
        2,
        false,
        true,
    ),
    (
        0,
        Some(3),
        "recommendation",
        "Consider a hold-open device on the plant room door",
        3,
        false,
        true,
    ),
    (
        1,
        Some(2),
        "critical",
        "Emergency light fails its 3-hour duration test",
        0,
        false,
        true,
    ),
    (
        1,
        Some(4),
        "information",
        "Alarm panel firmware one version behind",
        4,
        false,
        true,
    ),
    (
        1,
        Some(0),
        "non_critical",
        "Extinguisher signage missing",
        6,
        true,
        true,
    ),
    (
        2,
        Some(3),
        "non_conformance",
        "Fire door closer does not latch",
        1,
        false,
        true,
    ),
    (
        2,
        Some(1),
        "critical",
        "Exit light dead above the loading bay",
        8,
        true,
        true,
    ),
    (
        3,
        Some(2),
        "non_critical",
        "Emergency light diffuser cracked",
        2,
        false,
        true,
    ),
    (
        3,
        None,
        "information",
        "Access to the riser needs a key from security",
        5,
        false,
        true,
    ),
    (
        4,
        Some(0),
        "non_conformance",
        "Extinguisher service tag expired",
        3,
        false,
        true,
    ),
    (
        5,
        Some(4),
        "recommendation",
        "Add a repeater panel at the rear entrance",
        7,
        false,
        true,
    ),
    (
        6,
        Some(3),
        "critical",
        "Fire door wedged open in the warehouse",
        0,
        false,
        true,
    ),
    (
        6,
        Some(1),
        "non_critical",
        "Exit light obscured by racking",
        9,
        true,
        true,
    ),
    (
        7,
        Some(2),
        "non_critical",
        "Emergency light missing in the consulting room corridor",
        10,
        true,
        true,
    ),
    (
        8,
        Some(0),
        "information",
        "Extinguisher moved to a new bracket",
        11,
        true,
        true,
    ),
    (
        9,
        Some(4),
        "non_conformance",
        "Alarm zone chart not displayed",
        4,
        false,
        true,
    ),
    (10, Some(3), "critical", "Fire door glazing cracked", 1, false, false),
    (
        11,
        Some(1),
        "non_critical",
        "Exit light test switch broken",
        0,
        false,
        false,
    ),
    (
        11,
        None,
        "recommendation",
        "Review the data room's suppression system",
        6,
        false,
        false,
    ),
    (
        0,
        Some(2),
        "information",
        "Emergency light relabelled after rewiring",
        5,
        false,
        false,
    ),
];

fn site_body((name, street, postcode, lat, lng): (&str, &str, &str, f64, f64)) -> Value {
    json!({
        "name": name,
        "address": { "line1": street, "city": "London", "postcode": postcode, "country": "United Kingdom" },
        "latitude": lat, "longitude": lng,
        "notes": format!("Keys with the {name} front desk."),
    })
}

/// The customer's sites by name, made where missing.
async fn sites(api: &Api, customer: &str, wanted: &[(&str, &str, &str, f64, f64)]) -> Result<Vec<Value>, BoxError> {
    let uri = format!("/admin/customers/{customer}/sites");
    let existing = api.all(None, &uri).await?;
    let mut out = Vec::new();
    for spec in wanted {
        match existing.iter().find(|s| s["name"] == spec.0) {
            Some(s) => out.push(s.clone()),
            None => out.push(api.create(&uri, site_body(*spec)).await?),
        }
    }
    Ok(out)
}

/// A site's assets in `KINDS` order, made where missing.
async fn assets(api: &Api, customer: &str, site: &Value, n: usize, today: time::Date) -> Result<Vec<Value>, BoxError> {
    let site_id = site["id"].as_str().unwrap_or_default();
    let uri = format!("/admin/customers/{customer}/sites/{site_id}/assets");
    let existing = api.all(None, &uri).await?;
    let mut out = Vec::new();
    for (i, (kind, prefix, location)) in KINDS.iter().enumerate() {
        let identifier = format!("{prefix}-{:03}", n * 10 + i + 1);
        match existing.iter().find(|a| a["identifier"] == identifier.as_str()) {
            Some(a) => out.push(a.clone()),
            None => {
                let body = json!({
                    "asset_type": kind, "identifier": identifier, "location": location,
                    "last_service": (today - Duration::days(120 + 7 * i as i64)).to_string(),
                    "next_service": (today + Duration::days(60 + 7 * i as i64)).to_string(),
                    "contact_editable": if i % 2 == 0 { json!(["location", "notes"]) } else { json!([]) },
                });
                out.push(api.create(&uri, body).await?);
            }
        }
    }
    Ok(out)
}

pub async fn seed(api: &Api, people: &People) -> Result<(), BoxError> {
    let now = OffsetDateTime::now_utc();
    let acme = people.acme.id.as_str();
    let acme_sites = sites(api, acme, &ACME_SITES).await?;
    let mut acme_assets = Vec::new();
    for (n, site) in acme_sites.iter().enumerate() {
        acme_assets.push(assets(api, acme, site, n, now.date()).await?);
    }
    let globex = people.globex.id.as_str();
    for (n, site) in sites(api, globex, &GLOBEX_SITES).await?.iter().enumerate() {
        assets(api, globex, site, 100 + n, now.date()).await?;
    }
    let defects_uri = format!("/admin/customers/{acme}/defects");
    let existing = api.all(None, &defects_uri).await?;
    for (site, asset, severity, description, months_ago, resolved, published) in DEFECTS {
        if existing.iter().any(|d| d["description"] == description) {
            continue;
        }
        let raised = now - Duration::days(30 * months_ago + 2);
        let body = json!({
            "site_id": acme_sites[site]["id"],
            "asset_id": asset.map(|a| acme_assets[site][a]["id"].clone()),
            "severity": severity,
            "description": description,
            "status": if resolved { "resolved" } else { "open" },
            "raised_at": raised.format(&time::format_description::well_known::Rfc3339)?,
            "published": published,
        });
        api.create(&defects_uri, body).await?;
    }
    Ok(())
}
