//! The customers capability end to end: the portal's `/portal/me` and contacts, the staff CRUD,
//! tenant isolation, pagination and every kind of bad input.

use e2e::{problem, TestStack};
use reqwest::Method;
use serde_json::{json, Value};

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|c| c["id"].as_str().expect("id").to_owned())
        .collect()
}

#[tokio::test]
async fn a_contact_sees_their_own_company_and_never_another() {
    let t = TestStack::start().await;
    let (acme, alice, alice_token) = t.customer_with_portal_contact("Acme Facilities").await;
    let (globex, _dan, dan_token) = t.customer_with_portal_contact("Globex Services").await;
    t.create_contact(globex["id"].as_str().unwrap(), "Secret", "Globexer")
        .await;

    let me: Value = t.get("/portal/me", &alice_token).await.json().await.unwrap();
    assert_eq!(me["company"]["name"], "Acme Facilities");
    assert_eq!(me["company"]["id"], acme["id"]);
    assert_eq!(me["contact"]["id"], alice["id"]);
    assert!(me["modules"].as_array().unwrap().contains(&json!("tickets")));
    assert!(
        !me["modules"].as_array().unwrap().contains(&json!("ticket_dashboard")),
        "the dashboard is off by default"
    );

    let alice_sees: Value = t.get("/portal/contacts", &alice_token).await.json().await.unwrap();
    let names: Vec<_> = alice_sees["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["last_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Acme"], "only Acme's contacts");
    assert!(
        alice_sees["items"][0].get("email").is_none(),
        "colleagues' emails are not listed"
    );

    let dan_sees: Value = t.get("/portal/contacts", &dan_token).await.json().await.unwrap();
    assert_eq!(dan_sees["items"].as_array().unwrap().len(), 2);
    assert!(!ids(&dan_sees).contains(&alice["id"].as_str().unwrap().to_owned()));
}

#[tokio::test]
async fn me_says_whether_staff_granted_all_company_tickets() {
    let t = TestStack::start().await;
    let (_, contact, token) = t.customer_with_portal_contact("Granted Co").await;
    let staff = t.staff_token("agent").await;
    let grant = format!("/admin/contacts/{}/ticket-visibility", contact["id"].as_str().unwrap());
    let sees_all = || async {
        t.get("/portal/me", &token).await.json::<Value>().await.unwrap()["contact"]["sees_all_tickets"].clone()
    };

    assert_eq!(sees_all().await, json!(false), "no grant by default");
    for on in [true, false, true] {
        let r = t
            .request(Method::PUT, &grant, Some(&staff))
            .json(&json!({ "see_all_tickets": on }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(sees_all().await, json!(on), "after PUT see_all_tickets={on}");
    }
}

#[tokio::test]
async fn me_shows_account_managers_by_the_contact_details_rules() {
    let t = TestStack::start().await;
    let (customer, contact, token) = t.customer_with_portal_contact("Initech").await;
    let staff = t.staff_token("supervisor").await;
    let id = customer["id"].as_str().unwrap();
    let body = json!({
        "name": "Initech",
        "address": { "line1": "4120 Freidrich Lane", "city": "Austin" },
        "main_contact_id": contact["id"],
        "sales_rep": { "name": "Sam", "email": "sam@biz.example", "mobile": "07700 900001" },
        "relationship_managers": [{ "name": "Rita", "email": "rita@biz.example", "phone": "020 1", "mobile": "07700 2" }]
    });
    let r = t
        .request(Method::PUT, &format!("/admin/customers/{id}"), Some(&staff))
        .header("If-Match", "\"1\"")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["etag"], "\"2\"");

    let me: Value = t.get("/portal/me", &token).await.json().await.unwrap();
    assert_eq!(me["company"]["address"]["city"], "Austin");
    assert_eq!(me["company"]["main_contact"]["id"], contact["id"]);
    let managers = me["account_managers"].as_array().unwrap();
    assert_eq!(managers[0]["role"], "sales_rep");
    assert_eq!(managers[0]["mobile"], "07700 900001");
    assert_eq!(managers[1]["role"], "relationship_manager");
    assert!(
        managers[1].get("mobile").is_none(),
        "a relationship manager's mobile stays internal"
    );
    assert_eq!(
        managers[1]["phone"], "+44 20 7946 0000",
        "other managers show the company phone"
    );
    assert_eq!(managers[1]["email"], "rita@biz.example");
}

#[tokio::test]
async fn a_contact_adds_a_colleague_but_cannot_change_anyone() {
    let t = TestStack::start().await;
    let (customer, contact, token) = t.customer_with_portal_contact("Hooli").await;
    let r = t
        .post(
            "/portal/contacts",
            &token,
            json!({ "first_name": "Gavin", "last_name": "Belson", "title": "CEO", "email": "GAVIN@hooli.example" }),
        )
        .await;
    assert_eq!(r.status(), 201);
    let gavin: Value = r.json().await.unwrap();
    let list: Value = t.get("/portal/contacts", &token).await.json().await.unwrap();
    assert!(ids(&list).contains(&gavin["id"].as_str().unwrap().to_owned()));

    let staff = t.staff_token("agent").await;
    let seen: Value = t
        .get(&format!("/admin/contacts/{}", gavin["id"].as_str().unwrap()), &staff)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen["customer_id"], customer["id"]);
    assert_eq!(seen["email"], "gavin@hooli.example");
    assert_eq!(seen["created_by"], json!({ "kind": "contact", "id": contact["id"] }));

    for method in [Method::PUT, Method::DELETE, Method::PATCH] {
        let r = t
            .request(method.clone(), "/portal/contacts", Some(&token))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 405, "{method} /portal/contacts");
        let r = t
            .request(
                method.clone(),
                &format!("/portal/contacts/{}", contact["id"].as_str().unwrap()),
                Some(&token),
            )
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "{method} /portal/contacts/id");
    }
}

#[tokio::test]
async fn contacts_page_with_opaque_cursors_that_stay_in_their_partition() {
    let t = TestStack::start().await;
    let (customer, _c, token) = t.customer_with_portal_contact("Pagers Inc").await;
    let (_other, _c2, other_token) = t.customer_with_portal_contact("Other Inc").await;
    let cid = customer["id"].as_str().unwrap();
    for (i, last) in ["Zed", "Young", "Xu", "Wells"].iter().enumerate() {
        t.create_contact(cid, &format!("N{i}"), last).await;
    }
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(c) => format!("/portal/contacts?limit=2&cursor={c}"),
            None => "/portal/contacts?limit=2".into(),
        };
        let page: Value = t.get(&path, &token).await.json().await.unwrap();
        pages += 1;
        let names: Vec<String> = page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["last_name"].as_str().unwrap().to_owned())
            .collect();
        assert!(names.len() <= 2);
        seen.extend(names);
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(
        seen,
        ["Pagers", "Wells", "Xu", "Young", "Zed"],
        "sorted by name, each once"
    );

    // Another customer's cursor, a forged one and a garbage one are all refused.
    let first: Value = t
        .get("/portal/contacts?limit=1", &other_token)
        .await
        .json()
        .await
        .unwrap();
    let foreign = first["next_cursor"].as_str().map(str::to_owned);
    let r = t
        .get(
            &format!(
                "/portal/contacts?limit=1&cursor={}",
                foreign.unwrap_or_else(|| "eyJQSyI6IngifQ".into())
            ),
            &token,
        )
        .await;
    assert_eq!(r.status(), 400);
    let p = problem(r).await;
    assert_eq!(p["errors"][0]["field"], "cursor");
    for bad in ["not-base64!", "eyJQSyI6IkNVU1QjWCJ9", "%00"] {
        assert_eq!(
            t.get(&format!("/portal/contacts?cursor={bad}"), &token).await.status(),
            400,
            "{bad}"
        );
    }
    for limit in ["0", "101", "-1", "ten"] {
        let r = t.get(&format!("/portal/contacts?limit={limit}"), &token).await;
        assert_eq!(r.status(), 400, "limit={limit}");
    }
}

#[tokio::test]
async fn staff_updates_are_optimistically_locked() {
    let t = TestStack::start().await;
    let staff = t.staff_token("agent").await;
    let customer = t.create_customer("Lockers Ltd").await;
    let id = customer["id"].as_str().unwrap();
    let (_foreign, foreign_contact, _) = t.customer_with_portal_contact("Foreign Ltd").await;
    let put = |version: Option<&'static str>, body: Value| {
        let mut r = t
            .request(Method::PUT, &format!("/admin/customers/{id}"), Some(&staff))
            .json(&body);
        if let Some(v) = version {
            r = r.header("If-Match", v);
        }
        r.send()
    };
    assert_eq!(put(None, json!({ "name": "X" })).await.unwrap().status(), 428);
    assert_eq!(
        put(Some("\"1\""), json!({ "name": "Renamed Ltd" }))
            .await
            .unwrap()
            .status(),
        200
    );
    let stale = put(Some("\"1\""), json!({ "name": "Lost Update" })).await.unwrap();
    assert_eq!(stale.status(), 409);
    assert_eq!(
        problem(stale).await["type"],
        "https://problems.customer-portal.dev/conflict"
    );
    let foreign_main = put(
        Some("\"2\""),
        json!({ "name": "Renamed Ltd", "main_contact_id": foreign_contact["id"] }),
    )
    .await
    .unwrap();
    assert_eq!(foreign_main.status(), 422, "a main contact must belong to the customer");
    let now: Value = t
        .get(&format!("/admin/customers/{id}"), &staff)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(now["name"], "Renamed Ltd");
    assert_eq!(now["version"], 2);
    assert!(now["main_contact_id"].is_null(), "the refused change wrote nothing");
}

#[tokio::test]
async fn archiving_hides_contacts_and_locks_out_the_customer() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, contact, token) = t.customer_with_portal_contact("Archivers").await;
    let cid = customer["id"].as_str().unwrap();
    let other = t.create_contact(cid, "Old", "Timer").await;
    let oid = other["id"].as_str().unwrap();

    assert_eq!(
        t.post(&format!("/admin/contacts/{oid}/archive"), &staff, json!({}))
            .await
            .status(),
        200
    );
    let list: Value = t.get("/portal/contacts", &token).await.json().await.unwrap();
    assert_eq!(ids(&list), [contact["id"].as_str().unwrap()]);
    let archived: Value = t
        .get(&format!("/admin/customers/{cid}/contacts?archived=true"), &staff)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ids(&archived), [oid]);
    assert_eq!(
        t.post(&format!("/admin/contacts/{oid}/restore"), &staff, json!({}))
            .await
            .status(),
        200
    );
    let list: Value = t.get("/portal/contacts", &token).await.json().await.unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 2);

    assert_eq!(
        t.post(&format!("/admin/customers/{cid}/archive"), &staff, json!({}))
            .await
            .status(),
        200
    );
    assert_eq!(t.get("/portal/me", &token).await.status(), 403);
    let r = t
        .post(
            &format!("/admin/customers/{cid}/contacts"),
            &staff,
            json!({ "first_name": "New", "last_name": "Hire" }),
        )
        .await;
    assert_eq!(r.status(), 409, "no contacts are added to an archived customer");
    let active: Value = t.get("/admin/customers", &staff).await.json().await.unwrap();
    assert!(!ids(&active).contains(&cid.to_owned()));
    let gone: Value = t
        .get("/admin/customers?archived=true", &staff)
        .await
        .json()
        .await
        .unwrap();
    assert!(ids(&gone).contains(&cid.to_owned()));
}

#[tokio::test]
async fn bad_input_gets_a_problem_naming_the_field_and_writes_nothing() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Validators").await;
    let cid = customer["id"].as_str().unwrap();
    let path = format!("/admin/customers/{cid}/contacts");
    let send_raw = |body: Vec<u8>, ct: &'static str| {
        t.request(Method::POST, &path, Some(&staff))
            .header("content-type", ct)
            .body(body)
            .send()
    };

    let r = send_raw(b"{\"first_name\": ".to_vec(), "application/json")
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        problem(r).await["type"],
        "https://problems.customer-portal.dev/bad-request"
    );

    let cases: Vec<(Value, &str)> = vec![
        (json!({ "last_name": "X" }), "first_name"),
        (json!({ "first_name": 7, "last_name": "X" }), "first_name"),
        (json!({ "first_name": "A", "last_name": "X", "is_admin": true }), "."),
        (json!({ "first_name": "A".repeat(201), "last_name": "X" }), "first_name"),
        (json!({ "first_name": "A", "last_name": "X", "email": "nope" }), "email"),
        (
            json!({ "first_name": "A", "last_name": "X", "phone": "call me" }),
            "phone",
        ),
        (json!({ "first_name": "  ", "last_name": "X" }), "first_name"),
        (json!({ "first_name": "A\u{0000}", "last_name": "X" }), "first_name"),
        (json!([1, 2]), "."),
    ];
    for (body, field) in cases {
        let r = t.post(&path, &staff, body.clone()).await;
        assert_eq!(r.status(), 422, "{body}");
        let p = problem(r).await;
        assert_eq!(p["type"], "https://problems.customer-portal.dev/validation");
        if field != "." {
            assert!(
                p["errors"].as_array().unwrap().iter().any(|e| e["field"] == field),
                "{body} names {field}: {p}"
            );
        }
    }

    let big = format!("{{\"first_name\":\"{}\",\"last_name\":\"X\"}}", "a".repeat(300 * 1024));
    assert_eq!(
        send_raw(big.into_bytes(), "application/json").await.unwrap().status(),
        413
    );
    assert_eq!(
        send_raw(b"first_name=A".to_vec(), "application/x-www-form-urlencoded")
            .await
            .unwrap()
            .status(),
        415
    );
    assert_eq!(t.get("/admin/customers/not-an-id", &staff).await.status(), 400);
    assert_eq!(
        t.get("/admin/customers/01JD0000000000000000000000", &staff)
            .await
            .status(),
        404
    );
    assert_eq!(t.get("/admin/customers?archived=maybe", &staff).await.status(), 400);

    let list: Value = t
        .get(&format!("/admin/customers/{cid}/contacts"), &staff)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(list["items"].as_array().unwrap().len(), 0, "nothing was written");
}

#[tokio::test]
async fn an_unreachable_backend_is_a_503_problem_not_a_crash() {
    use tower::ServiceExt;
    // A function whose table lives at an address where nothing listens.
    let sdk = e2e::sdk_config().await;
    let clients = shared::clients::Clients::new(&sdk).with_dynamodb(aws_sdk_dynamodb::Client::from_conf(
        aws_sdk_dynamodb::config::Builder::from(&sdk)
            .endpoint_url("http://127.0.0.1:9")
            .build(),
    ));
    let config = shared::config::Config {
        table_name: "nowhere".into(),
        ..Default::default()
    };
    let ctx = shared::Context::new(config, clients);
    let event = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../events/portal-me.json")).unwrap();
    let request = lambda_http::request::from_str(&event).unwrap();
    let response = customers::router(ctx).oneshot(request).await.unwrap();
    assert_eq!(response.status(), 503);
    assert_eq!(response.headers()["content-type"], "application/problem+json");
}
