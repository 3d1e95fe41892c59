//! Client groups: a contact granted a group views each of its customers' portals (regional groups'
//! included) and the whole group, checked against the grant on every request; anyone else naming
//! another customer gets 404, exactly as for a customer that does not exist.

use e2e::{billing::sent_quote_and_invoice, problem, TestStack};
use reqwest::Method;
use serde_json::{json, Value};

async fn body(r: reqwest::Response) -> Value {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v
}

async fn viewing(
    t: &TestStack,
    method: Method,
    path: &str,
    token: &str,
    customer: &str,
    json: Option<Value>,
) -> reqwest::Response {
    let mut r = t
        .request(method, path, Some(token))
        .header("x-portal-customer", customer);
    if let Some(j) = json {
        r = r.json(&j);
    }
    r.send().await.expect("gateway answers")
}

async fn put(t: &TestStack, path: &str, token: &str, version: Option<u64>, json: Value) -> reqwest::Response {
    let mut r = t.request(Method::PUT, path, Some(token)).json(&json);
    if let Some(v) = version {
        r = r.header("if-match", format!("\"{v}\""));
    }
    r.send().await.expect("gateway answers")
}

#[tokio::test]
async fn a_group_contact_views_each_customer_of_the_group_and_no_other() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (home, contact, token) = t.customer_with_portal_contact("Head Office").await;
    let (_, _, outsider_token) = t.customer_with_portal_contact("Outsider Co").await;
    let region = t.create_customer("Regional Co").await;
    let elsewhere = t.create_customer("Elsewhere Co").await;
    let (hid, rid, eid) = (
        home["id"].as_str().unwrap(),
        region["id"].as_str().unwrap(),
        elsewhere["id"].as_str().unwrap(),
    );
    for (cid, name) in [(rid, "Regional Site"), (eid, "Elsewhere Site")] {
        body(
            t.post(
                &format!("/admin/customers/{cid}/sites"),
                &staff,
                json!({ "name": name }),
            )
            .await,
        )
        .await;
    }
    let site = body(
        t.post(
            &format!("/admin/customers/{rid}/sites"),
            &staff,
            json!({ "name": "Regional Annex" }),
        )
        .await,
    )
    .await;
    let (quote, _) = sent_quote_and_invoice(&t, rid, site["id"].as_str().unwrap()).await;

    let national = body(
        t.post(
            "/admin/groups",
            &staff,
            json!({ "name": "National", "customer_ids": [hid] }),
        )
        .await,
    )
    .await;
    let nid = national["id"].as_str().unwrap();
    let regional = body(
        t.post(
            "/admin/groups",
            &staff,
            json!({ "name": "Regional", "parent_id": nid, "customer_ids": [rid] }),
        )
        .await,
    )
    .await;
    let rgid = regional["id"].as_str().unwrap();
    let cycle = put(
        &t,
        &format!("/admin/groups/{nid}"),
        &staff,
        Some(1),
        json!({ "name": "National", "parent_id": rgid, "customer_ids": [hid] }),
    )
    .await;
    assert_eq!(cycle.status(), 422);
    assert_eq!(
        problem(cycle).await["errors"][0]["field"],
        "parent_id",
        "no group inside itself"
    );
    let unknown = t
        .post(
            "/admin/groups",
            &staff,
            json!({ "name": "Ghosts", "customer_ids": ["01JD0000000000000000000000"] }),
        )
        .await;
    assert_eq!(unknown.status(), 422);
    assert_eq!(problem(unknown).await["errors"][0]["field"], "customer_ids[0]");

    // No grant yet: another customer is as good as missing.
    assert_eq!(t.get("/portal/group", &token).await.status(), 404);
    assert_eq!(
        viewing(&t, Method::GET, "/portal/sites", &token, rid, None)
            .await
            .status(),
        404
    );

    let kid = contact["id"].as_str().unwrap();
    let granted = put(
        &t,
        &format!("/admin/contacts/{kid}/group-access"),
        &staff,
        None,
        json!({ "group_id": nid }),
    )
    .await;
    assert_eq!(body(granted).await["group_id"], nid);
    let group = body(t.get("/portal/group", &token).await).await;
    let names: Vec<&str> = group["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["Head Office", "Regional Co"],
        "the home company first, the regional group's included"
    );
    assert_eq!(group["customers"][0]["home"], true);
    assert_eq!(group["customers"][1]["quotes_awaiting"], 1);

    let sites = body(viewing(&t, Method::GET, "/portal/sites", &token, rid, None).await).await;
    let names: Vec<&str> = sites["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Regional Annex", "Regional Site"]);
    assert_eq!(
        viewing(&t, Method::GET, "/portal/sites", &token, eid, None)
            .await
            .status(),
        404,
        "a customer outside the group"
    );
    assert_eq!(
        viewing(&t, Method::GET, "/portal/sites", &outsider_token, rid, None)
            .await
            .status(),
        404,
        "a contact without the grant never names another customer"
    );
    let own = body(t.get("/portal/sites", &token).await).await;
    assert_eq!(own["items"], json!([]), "without the header: the contact's own company");

    // /portal/me names the portal in view and gives its modules; the contact and company stay their own.
    body(
        put(
            &t,
            &format!("/admin/customers/{rid}/portal-modules"),
            &staff,
            None,
            json!({ "modules": ["main_info", "tickets", "sites", "quotes"] }),
        )
        .await,
    )
    .await;
    let me = body(viewing(&t, Method::GET, "/portal/me", &token, rid, None).await).await;
    assert_eq!(me["viewing"], json!({ "id": rid, "name": "Regional Co" }));
    assert_eq!(me["company"]["id"], hid);
    assert_eq!(me["modules"], json!(["main_info", "tickets", "sites", "quotes"]));
    let own_me = body(t.get("/portal/me", &token).await).await;
    assert_eq!(own_me["viewing"], Value::Null);
    for (who, customer) in [(&token, eid), (&outsider_token, rid)] {
        assert_eq!(
            viewing(&t, Method::GET, "/portal/me", who, customer, None)
                .await
                .status(),
            404,
            "/portal/me outside the grant"
        );
    }

    // In another customer's portal: reads, and quote decisions for a contact trusted with them.
    let ticket = viewing(
        &t,
        Method::POST,
        "/portal/tickets",
        &token,
        rid,
        Some(json!({ "subject": "x", "description": "y", "type": "question", "priority": "low" })),
    )
    .await;
    assert_eq!(ticket.status(), 403, "tickets are raised in one's own portal");
    put(
        &t,
        &format!("/admin/contacts/{kid}/quote-authority"),
        &staff,
        None,
        json!({ "authorise_quotes": true }),
    )
    .await;
    let decided = viewing(
        &t,
        Method::POST,
        &format!("/portal/quotes/{quote}/authorise"),
        &token,
        rid,
        Some(json!({ "name": "Pat Head" })),
    )
    .await;
    assert_eq!(body(decided).await["status"], "authorised");

    // A bad header is refused with the header named; a withdrawn grant applies at once.
    let bad = viewing(&t, Method::GET, "/portal/sites", &token, "not-an-id", None).await;
    assert_eq!(bad.status(), 400);
    assert_eq!(problem(bad).await["errors"][0]["field"], "x-portal-customer");
    let moved = put(
        &t,
        &format!("/admin/groups/{rgid}"),
        &staff,
        Some(1),
        json!({ "name": "Regional", "parent_id": nid, "customer_ids": [] }),
    )
    .await;
    body(moved).await;
    assert_eq!(
        viewing(&t, Method::GET, "/portal/sites", &token, rid, None)
            .await
            .status(),
        404,
        "left the group"
    );
    put(
        &t,
        &format!("/admin/contacts/{kid}/group-access"),
        &staff,
        None,
        json!({ "group_id": null }),
    )
    .await;
    assert_eq!(t.get("/portal/group", &token).await.status(), 404, "grant withdrawn");
}
