//! Sites, assets and defects: what staff keep is what the portal shows, published defects only, with
//! counts that never drift from the records behind them.

use std::collections::BTreeMap;

use e2e::{problem, Lcg, TestStack};
use reqwest::Method;
use serde_json::{json, Value};
use shared::table::{
    assets::Asset,
    counters::{add, Counts},
    defects::{Defect, DefectStatus},
    sites::{field_counts_key, Severity, Site},
    Entity,
};
use time::{Duration, OffsetDateTime};

async fn body(r: reqwest::Response) -> Value {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v
}

fn site(name: &str, lat: f64, lng: f64) -> Value {
    json!({ "name": name, "address": { "city": "London" }, "latitude": lat, "longitude": lng })
}

async fn put(t: &TestStack, path: &str, token: &str, version: u64, body: Value) -> reqwest::Response {
    t.request(Method::PUT, path, Some(token))
        .header("if-match", format!("\"{version}\""))
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn contacts_see_their_sites_and_published_defects_only_with_counts_and_pins() {
    let t = TestStack::start().await;
    let staff = t.staff_token("agent").await;
    let (customer, _, token) = t.customer_with_portal_contact("Sited").await;
    let (_, _, stranger) = t.customer_with_portal_contact("Elsewhere").await;
    let cid = customer["id"].as_str().unwrap();
    let base = format!("/admin/customers/{cid}");

    let house = body(
        t.post(&format!("{base}/sites"), &staff, site("Acme House", 51.52, -0.09))
            .await,
    )
    .await;
    let depot = body(
        t.post(&format!("{base}/sites"), &staff, site("Bow Depot", 51.53, -0.02))
            .await,
    )
    .await;
    let house_id = house["id"].as_str().unwrap();
    let ext = body(
        t.post(
            &format!("{base}/sites/{house_id}/assets"),
            &staff,
            json!({ "asset_type": "extinguisher", "identifier": "EXT-1", "location": "Lobby", "contact_editable": ["location"] }),
        )
        .await,
    )
    .await;
    let defect = |severity: &str, published: bool, asset: Option<&Value>| {
        json!({ "site_id": house_id, "asset_id": asset.map(|a| a["id"].clone()), "severity": severity,
                "description": format!("{severity} {published}"), "published": published })
    };
    body(
        t.post(
            &format!("{base}/defects"),
            &staff,
            defect("critical", false, Some(&ext)),
        )
        .await,
    )
    .await;
    body(
        t.post(
            &format!("{base}/defects"),
            &staff,
            defect("non_critical", true, Some(&ext)),
        )
        .await,
    )
    .await;
    body(
        t.post(&format!("{base}/defects"), &staff, defect("information", true, None))
            .await,
    )
    .await;

    let sites = body(t.get("/portal/sites", &token).await).await;
    let names: Vec<&str> = sites["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Acme House", "Bow Depot"], "by name");
    let a = &sites["items"][0]["attention"];
    assert_eq!(
        a["open_defects"], 1,
        "the unpublished critical and the information defect do not count"
    );
    assert_eq!(a["worst_severity"], "non_critical");
    assert_eq!(a["by_severity"]["information"], 1);
    assert_eq!(a["by_severity"]["critical"], 0, "unpublished: invisible");
    assert_eq!(sites["items"][1]["attention"]["worst_severity"], Value::Null);

    let defects = body(t.get(&format!("/portal/sites/{house_id}/defects"), &token).await).await;
    let severities: Vec<&str> = defects["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["severity"].as_str().unwrap())
        .collect();
    assert_eq!(severities.len(), 2);
    assert!(!severities.contains(&"critical"), "never an unpublished defect");
    assert!(
        defects["items"][0].get("published").is_none(),
        "contacts are not told about publication"
    );

    let map = body(t.get("/portal/sites/map", &token).await).await;
    assert_eq!(map["type"], "FeatureCollection");
    let pin = map["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == house["id"])
        .unwrap()
        .clone();
    assert_eq!(
        pin["geometry"]["coordinates"],
        json!([-0.09, 51.52]),
        "GeoJSON order: longitude, latitude"
    );
    assert_eq!(pin["properties"]["worst_severity"], "non_critical");

    let asset = body(
        t.get(&format!("/portal/assets/{}", ext["id"].as_str().unwrap()), &token)
            .await,
    )
    .await;
    assert_eq!(asset["worst_severity"], "non_critical");

    let summary = body(t.get("/portal/defects/summary", &token).await).await;
    assert_eq!(summary["open_by_severity"]["non_critical"], 1);
    assert_eq!(summary["open_by_severity"]["critical"], 0);
    assert_eq!(summary["months"].as_array().unwrap().len(), 12);
    assert_eq!(
        summary["months"][11]["open"], 2,
        "both published defects were raised this month"
    );
    assert_eq!(
        summary["assets_by_type"],
        json!([{ "asset_type": "extinguisher", "by_worst": { "non_critical": 1 }, "total": 1 }])
    );

    // Publishing the critical one moves every count at once.
    let all = body(t.get(&format!("{base}/defects?severity=critical"), &staff).await).await;
    let critical = &all["items"][0];
    let mut changed = critical.clone();
    changed["published"] = json!(true);
    let changed_body = json!({ "site_id": changed["site_id"], "asset_id": changed["asset_id"], "severity": "critical",
        "description": changed["description"], "status": "open", "published": true });
    let v = critical["version"].as_u64().unwrap();
    body(
        put(
            &t,
            &format!("{base}/defects/{}", critical["id"].as_str().unwrap()),
            &staff,
            v,
            changed_body,
        )
        .await,
    )
    .await;
    let house_now = body(t.get(&format!("/portal/sites/{house_id}"), &token).await).await;
    assert_eq!(house_now["attention"]["worst_severity"], "critical");
    assert_eq!(house_now["attention"]["open_defects"], 2);

    // Another company's contact: every one of these is 404, as if it did not exist.
    for path in [
        format!("/portal/sites/{house_id}"),
        format!("/portal/sites/{house_id}/assets"),
        format!("/portal/sites/{house_id}/defects"),
        format!("/portal/assets/{}", ext["id"].as_str().unwrap()),
    ] {
        assert_eq!(t.get(&path, &stranger).await.status(), 404, "{path}");
    }
    let theirs = body(t.get("/portal/sites", &stranger).await).await;
    assert_eq!(theirs["items"], json!([]));
    let _ = depot;
}

#[tokio::test]
async fn contacts_edit_only_the_asset_fields_staff_opened() {
    let t = TestStack::start().await;
    let staff = t.staff_token("agent").await;
    let (customer, _, token) = t.customer_with_portal_contact("Editors").await;
    let cid = customer["id"].as_str().unwrap();
    let s = body(
        t.post(
            &format!("/admin/customers/{cid}/sites"),
            &staff,
            site("Edit House", 51.0, 0.0),
        )
        .await,
    )
    .await;
    let asset = body(
        t.post(
            &format!("/admin/customers/{cid}/sites/{}/assets", s["id"].as_str().unwrap()),
            &staff,
            json!({ "asset_type": "hydrant", "identifier": "HYD-9", "location": "Yard", "contact_editable": ["location", "notes"] }),
        )
        .await,
    )
    .await;
    let path = format!("/portal/assets/{}", asset["id"].as_str().unwrap());
    let patch = |version: u64, b: Value| {
        t.request(Method::PATCH, &path, Some(&token))
            .header("if-match", format!("\"{version}\""))
            .json(&b)
            .send()
    };
    let r = patch(1, json!({ "location": "North yard", "notes": "Behind the gate" }))
        .await
        .unwrap();
    let edited = body(r).await;
    assert_eq!(
        (edited["location"].as_str(), edited["notes"].as_str()),
        (Some("North yard"), Some("Behind the gate"))
    );
    assert_eq!(edited["identifier"], "HYD-9");

    let r = patch(2, json!({ "identifier": "HYD-10" })).await.unwrap();
    assert_eq!(r.status(), 422);
    assert_eq!(
        problem(r).await["errors"][0]["field"],
        "identifier",
        "a closed field is named"
    );
    let r = patch(1, json!({ "location": "Stale" })).await.unwrap();
    assert_eq!(r.status(), 409, "a stale version is refused");
    let r = patch(2, json!({ "asset_type": "extinguisher" })).await.unwrap();
    assert_eq!(
        r.status(),
        422,
        "fields a contact can never edit are unknown to the portal"
    );
    assert_eq!(problem(r).await["errors"][0]["field"], "asset_type");
    let r = patch(2, json!({ "notes": null })).await.unwrap();
    assert_eq!(body(r).await["notes"], Value::Null, "null clears an open field");
}

#[tokio::test]
async fn bulk_publishing_publishes_the_filtered_set_and_moves_the_counts() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, _, token) = t.customer_with_portal_contact("Bulk").await;
    let cid = customer["id"].as_str().unwrap();
    let s = body(
        t.post(
            &format!("/admin/customers/{cid}/sites"),
            &staff,
            site("Bulk House", 51.0, 0.0),
        )
        .await,
    )
    .await;
    for (severity, n) in [("critical", 3), ("recommendation", 2)] {
        for i in 0..n {
            let d = json!({ "site_id": s["id"], "severity": severity, "description": format!("{severity} {i}") });
            body(t.post(&format!("/admin/customers/{cid}/defects"), &staff, d).await).await;
        }
    }
    let published = body(
        t.post(
            &format!("/admin/customers/{cid}/defects/publish"),
            &staff,
            json!({ "published": true, "severity": "critical", "limit": 2 }),
        )
        .await,
    )
    .await;
    assert!(published["changed"].as_u64().unwrap() <= 2);
    let mut changed = published["changed"].as_u64().unwrap();
    let mut cursor = published["next_cursor"].clone();
    while let Some(c) = cursor.as_str() {
        let more = body(
            t.post(
                &format!("/admin/customers/{cid}/defects/publish"),
                &staff,
                json!({ "published": true, "severity": "critical", "limit": 2, "cursor": c }),
            )
            .await,
        )
        .await;
        changed += more["changed"].as_u64().unwrap();
        cursor = more["next_cursor"].clone();
    }
    assert_eq!(changed, 3, "every critical defect, none of the others");
    let sites = body(t.get("/portal/sites", &token).await).await;
    assert_eq!(sites["items"][0]["attention"]["by_severity"]["critical"], 3);
    assert_eq!(sites["items"][0]["attention"]["by_severity"]["recommendation"], 0);
    let visible = body(t.get("/portal/defects", &token).await).await;
    assert_eq!(visible["items"].as_array().unwrap().len(), 3);
}

/// A small deterministic generator, so a failure can be replayed.
#[tokio::test]
async fn counters_never_drift_under_hundreds_of_random_changes() {
    let t = TestStack::start().await;
    let customer = t.create_customer("Drift").await;
    let cid = customer["id"].as_str().unwrap().to_owned();
    let table = &t.ctx.table;
    let now = OffsetDateTime::now_utc();
    let mut sites = Vec::new();
    for n in 0..3 {
        let s = Site {
            id: shared::ids::new_id(),
            customer_id: cid.clone(),
            name: format!("Site {n}"),
            address: Default::default(),
            latitude: None,
            longitude: None,
            notes: None,
            created_at: now,
            updated_at: now,
            version: 1,
        };
        table.put_new_for_customer(&cid, &s).await.unwrap();
        sites.push(s.id);
    }
    let mut assets: Vec<(String, String)> = Vec::new();
    for n in 0..6 {
        let a = Asset {
            id: shared::ids::new_id(),
            customer_id: cid.clone(),
            site_id: sites[n % 3].clone(),
            asset_type: ["extinguisher", "hydrant"][n % 2].into(),
            identifier: format!("A{n}"),
            location: None,
            notes: None,
            last_service: None,
            next_service: None,
            contact_editable: Vec::new(),
            open_defects: Default::default(),
            created_at: now,
            updated_at: now,
            version: 1,
        };
        table.create_asset(&a).await.unwrap();
        assets.push((a.id, a.site_id));
    }

    let mut rng = Lcg(0x5eed);
    let mut live: Vec<Defect> = Vec::new();
    for step in 0..300 {
        let op = if live.is_empty() { 0 } else { rng.next(10) };
        match op {
            // Raise one (a quarter on the site itself).
            0..=3 => {
                let (asset_id, site_id) = if rng.next(4) == 0 {
                    (None, sites[rng.next(3)].clone())
                } else {
                    let (a, s) = assets[rng.next(assets.len())].clone();
                    (Some(a), s)
                };
                let d = Defect {
                    id: shared::ids::new_id(),
                    customer_id: cid.clone(),
                    site_id,
                    asset_id,
                    severity: Severity::ALL[rng.next(5)],
                    description: format!("step {step}"),
                    status: if rng.next(3) == 0 {
                        DefectStatus::Resolved
                    } else {
                        DefectStatus::Open
                    },
                    raised_at: now - Duration::days(rng.next(400) as i64),
                    resolved_at: None,
                    published: rng.next(2) == 0,
                    created_at: now,
                    updated_at: now,
                    version: 1,
                };
                table.save_defect(None, Some(&d)).await.unwrap();
                live.push(d);
            }
            // Delete one.
            4 => {
                let d = live.swap_remove(rng.next(live.len()));
                table.save_defect(Some(&d), None).await.unwrap();
            }
            // Publish or withdraw, resolve or reopen, change severity, or move to another asset.
            _ => {
                let i = rng.next(live.len());
                let before = live[i].clone();
                let mut after = before.clone();
                match op {
                    5 => after.published = !after.published,
                    6 => {
                        after.status = match after.status {
                            DefectStatus::Open => DefectStatus::Resolved,
                            DefectStatus::Resolved => DefectStatus::Open,
                        }
                    }
                    7 => after.severity = Severity::ALL[rng.next(5)],
                    _ => {
                        let (a, s) = assets[rng.next(assets.len())].clone();
                        after.asset_id = Some(a);
                        after.site_id = s;
                    }
                }
                after.version += 1;
                table.save_defect(Some(&before), Some(&after)).await.unwrap();
                live[i] = after;
            }
        }
    }

    // Recount from the records and compare with every stored aggregate.
    let mut per_site: BTreeMap<String, Counts> = BTreeMap::new();
    let mut customer_counts = Counts::new();
    let mut per_asset: BTreeMap<String, Counts> = BTreeMap::new();
    for d in &live {
        add(per_site.entry(d.site_id.clone()).or_default(), d.site_contribution(), 1);
        add(&mut customer_counts, d.customer_contribution(), 1);
        if let (Some(a), true) = (&d.asset_id, d.published && d.status == DefectStatus::Open) {
            *per_asset
                .entry(a.clone())
                .or_default()
                .entry(d.severity.as_str().into())
                .or_insert(0) += 1;
        }
    }
    for (asset_id, _) in &assets {
        let stored: Asset = table.get::<Asset>((&cid, asset_id)).await.unwrap().unwrap();
        let expected = per_asset.remove(asset_id).unwrap_or_default();
        assert_eq!(stored.open_defects, expected, "asset {asset_id}");
        add(&mut customer_counts, stored.contribution(), 1);
    }
    let nonzero = |c: Counts| {
        c.into_iter()
            .filter(|(k, v)| *v != 0 && k != "version")
            .collect::<Counts>()
    };
    for s in &sites {
        let stored = nonzero(table.counts(Site::counts_key(&cid, s)).await.unwrap());
        assert_eq!(stored, nonzero(per_site.remove(s).unwrap_or_default()), "site {s}");
    }
    let stored = nonzero(table.counts(field_counts_key(&cid)).await.unwrap());
    assert_eq!(stored, nonzero(customer_counts), "customer counts");
    assert!(live.iter().all(|d| Defect::key(d.id()).pk.starts_with("CUST#")));
}

#[tokio::test]
async fn a_site_lists_the_documents_staff_filed_under_it_once_shared() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, _, token) = t.customer_with_portal_contact("Filed").await;
    let (_, _, stranger) = t.customer_with_portal_contact("Unfiled").await;
    let cid = customer["id"].as_str().unwrap();
    let sites_uri = format!("/admin/customers/{cid}/sites");
    let here = body(t.post(&sites_uri, &staff, site("Here House", 51.0, 0.0)).await).await;
    let there = body(t.post(&sites_uri, &staff, site("There House", 51.0, 0.0)).await).await;
    let here_id = here["id"].as_str().unwrap();
    let id =
        e2e::documents::shared_document_on(&t, cid, Some(here_id), "Plan.pdf", "application/pdf", b"%PDF-1.4").await;
    e2e::documents::shared_document(&t, cid, "Company.pdf", "application/pdf", b"%PDF-1.4").await;

    let docs = body(t.get(&format!("/portal/sites/{here_id}/documents"), &token).await).await;
    assert_eq!(docs.as_array().unwrap().len(), 1, "{docs}");
    assert_eq!(docs[0]["id"], id.as_str());
    assert_eq!(docs[0]["name"], "Plan.pdf");
    let link = body(t.get(&format!("/portal/documents/{id}/link"), &token).await).await;
    assert!(link["url"].as_str().is_some(), "it opens like any shared document");
    let there_docs = body(
        t.get(
            &format!("/portal/sites/{}/documents", there["id"].as_str().unwrap()),
            &token,
        )
        .await,
    )
    .await;
    assert_eq!(there_docs, json!([]));
    assert_eq!(
        t.get(&format!("/portal/sites/{here_id}/documents"), &stranger)
            .await
            .status(),
        404,
        "another company's site"
    );

    // Another customer's site, or a contact naming a site: refused with the field named.
    let r = t
        .post(
            &format!("/admin/customers/{cid}/documents"),
            &staff,
            json!({ "name": "x.pdf", "content_type": "application/pdf", "size": 3, "site_id": "01JD0000000000000000000000" }),
        )
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(problem(r).await["errors"][0]["field"], "site_id");
    let r = t
        .post(
            "/portal/documents/uploads",
            &token,
            json!({ "name": "x.pdf", "content_type": "application/pdf", "size": 3, "site_id": here_id }),
        )
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(problem(r).await["errors"][0]["field"], "site_id");
}
