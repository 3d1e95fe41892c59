//! Search: a contact finds exactly what the portal's lists show them, the moment a change commits, and
//! nothing of another customer, an unpublished defect or a draft quote.

use e2e::{billing::quote_body, operations::job_body, problem, TestStack};
use reqwest::Method;
use serde_json::{json, Value};

async fn body(r: reqwest::Response) -> Value {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v
}

async fn put(t: &TestStack, path: &str, token: &str, version: u64, json: Value) -> Value {
    let r = t
        .request(Method::PUT, path, Some(token))
        .header("if-match", format!("\"{version}\""))
        .json(&json)
        .send()
        .await
        .expect("gateway answers");
    body(r).await
}

/// What a search finds, as `kind:title`, best first.
async fn found(t: &TestStack, token: &str, query: &str) -> Vec<String> {
    let page = body(t.get(&format!("/portal/search?{query}"), token).await).await;
    assert_eq!(page["partial"], false, "{query}");
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{}:{}", i["kind"].as_str().unwrap(), i["title"].as_str().unwrap()))
        .collect()
}

#[tokio::test]
async fn a_contact_finds_what_their_lists_show_and_nothing_else() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, _, token) = t.customer_with_portal_contact("Searchable Ltd").await;
    let (other, _, stranger) = t.customer_with_portal_contact("Hidden Ltd").await;
    let (cid, oid) = (customer["id"].as_str().unwrap(), other["id"].as_str().unwrap());
    let base = format!("/admin/customers/{cid}");

    let site = body(
        t.post(
            &format!("{base}/sites"),
            &staff,
            json!({ "name": "Riverside Depot", "address": { "line1": "4 Quay Street", "city": "Bristol" } }),
        )
        .await,
    )
    .await;
    let sid = site["id"].as_str().unwrap();
    let annex = body(
        t.post(&format!("{base}/sites"), &staff, json!({ "name": "Hilltop Annex" }))
            .await,
    )
    .await;
    let asset = body(
        t.post(
            &format!("{base}/sites/{sid}/assets"),
            &staff,
            json!({ "asset_type": "extinguisher", "identifier": "FE-0042", "location": "Boiler room" }),
        )
        .await,
    )
    .await;
    let defect = |description: &str, published: bool| {
        json!({ "site_id": sid, "asset_id": asset["id"], "severity": "critical", "description": description,
                "published": published })
    };
    let hidden = body(
        t.post(
            &format!("{base}/defects"),
            &staff,
            defect("Corroded valve under review", false),
        )
        .await,
    )
    .await;
    body(
        t.post(&format!("{base}/defects"), &staff, defect("Boiler flue cracked", true))
            .await,
    )
    .await;
    let mut draft = quote_body(sid, "Q-7001", 30);
    draft["title"] = json!("Replace boiler flue");
    let quote = body(t.post(&format!("{base}/quotes"), &staff, draft).await).await;
    let mut job = job_body("J-5150");
    job["description"] = json!("Annual boiler service");
    body(t.post(&format!("{base}/jobs"), &staff, job).await).await;
    // Another customer with the same words.
    let theirs = body(
        t.post(
            &format!("/admin/customers/{oid}/sites"),
            &staff,
            json!({ "name": "Boiler House Riverside" }),
        )
        .await,
    )
    .await;
    assert!(theirs["id"].is_string());

    // Prefixes of any word; every word must match; words of the title rank first.
    assert_eq!(
        found(&t, &token, "q=boil").await,
        [
            "defect:Boiler flue cracked",
            "job:Annual boiler service",
            "asset:FE-0042"
        ],
        "a prefix; the unpublished defect, the draft quote and the other company's site never"
    );
    assert_eq!(found(&t, &token, "q=river").await, ["site:Riverside Depot"]);
    assert_eq!(
        found(&t, &token, "q=quay+bris").await,
        ["site:Riverside Depot"],
        "the address too"
    );
    assert_eq!(found(&t, &token, "q=boiler+flue").await, ["defect:Boiler flue cracked"]);
    assert_eq!(found(&t, &token, "q=corroded").await, Vec::<String>::new());
    assert_eq!(
        found(&t, &token, "q=5150").await,
        ["job:Annual boiler service"],
        "by reference"
    );
    assert_eq!(found(&t, &stranger, "q=boil").await, ["site:Boiler House Riverside"]);

    // Filters: a kind, a site.
    assert_eq!(
        found(&t, &token, "q=boil&kind=job").await,
        ["job:Annual boiler service"]
    );
    let aid = annex["id"].as_str().unwrap();
    assert_eq!(
        found(&t, &token, &format!("q=boil&site_id={aid}")).await,
        Vec::<String>::new()
    );
    assert_eq!(found(&t, &token, &format!("q=boil&site_id={sid}")).await.len(), 2);

    // Each change shows at once: a sent quote, a published defect, a renamed site, a deleted defect.
    let qid = quote["id"].as_str().unwrap();
    let sent = t
        .request(Method::POST, &format!("{base}/quotes/{qid}/send"), Some(&staff))
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    body(sent).await;
    assert_eq!(
        found(&t, &token, "q=flue").await,
        ["defect:Boiler flue cracked", "quote:Replace boiler flue"]
    );
    let hid = hidden["id"].as_str().unwrap();
    let mut published = defect("Corroded valve under review", true);
    published["status"] = json!("open");
    put(&t, &format!("{base}/defects/{hid}"), &staff, 1, published).await;
    assert_eq!(
        found(&t, &token, "q=corroded").await,
        ["defect:Corroded valve under review"]
    );
    put(
        &t,
        &format!("{base}/sites/{sid}"),
        &staff,
        1,
        json!({ "name": "Harbourside Depot", "address": { "line1": "4 Quay Street", "city": "Bristol" } }),
    )
    .await;
    assert_eq!(
        found(&t, &token, "q=river").await,
        Vec::<String>::new(),
        "the old name is gone"
    );
    assert_eq!(found(&t, &token, "q=harbour").await, ["site:Harbourside Depot"]);
    let deleted = t
        .request(Method::DELETE, &format!("{base}/defects/{hid}"), Some(&staff))
        .header("if-match", "\"2\"")
        .send()
        .await
        .unwrap();
    assert!(deleted.status().is_success(), "{}", deleted.status());
    assert_eq!(found(&t, &token, "q=corroded").await, Vec::<String>::new());

    // A kind shows only while its module is on, and the search box only while search is.
    let modules = |list: Value| {
        t.request(Method::PUT, &format!("{base}/portal-modules"), Some(&staff))
            .json(&json!({ "modules": list }))
            .send()
    };
    assert!(modules(json!(["main_info", "jobs", "search"]))
        .await
        .unwrap()
        .status()
        .is_success());
    assert_eq!(found(&t, &token, "q=boil").await, ["job:Annual boiler service"]);
    assert!(modules(json!(["main_info", "jobs"]))
        .await
        .unwrap()
        .status()
        .is_success());
    assert_eq!(t.get("/portal/search?q=boil", &token).await.status(), 404);
    assert!(modules(json!(["main_info", "jobs", "search"]))
        .await
        .unwrap()
        .status()
        .is_success());

    // Bad input names the parameter.
    for (query, field) in [
        ("", "q"),
        ("limit=0", "limit"),
        ("q=a", "q"),
        ("q=%20-%20", "q"),
        ("q=boil&limit=0", "limit"),
        ("q=boil&limit=51", "limit"),
        ("q=boil&site_id=not%20an%20id", "site_id"),
    ] {
        let r = t.get(&format!("/portal/search?{query}"), &token).await;
        assert_eq!(r.status(), 400, "{query}");
        assert_eq!(problem(r).await["errors"][0]["field"], field, "{query}");
    }
    for query in ["q=boil&kind=planet", "q=boil&sort=name"] {
        let r = t.get(&format!("/portal/search?{query}"), &token).await;
        assert_eq!(r.status(), 400, "{query}");
    }
}
