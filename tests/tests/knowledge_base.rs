//! The knowledge base: staff write articles for everyone or chosen customers; contacts see only the
//! published ones meant for them, by category and keyword, rendered and sanitised, and vote once.

use e2e::{problem, TestStack};
use reqwest::Method;
use serde_json::{json, Value};

async fn body(r: reqwest::Response) -> Value {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v
}

async fn write(
    t: &TestStack,
    staff: &str,
    title: &str,
    category: &str,
    status: &str,
    audience: Value,
    text: &str,
) -> Value {
    let r = t
        .post(
            "/admin/articles",
            staff,
            json!({ "title": title, "category": category, "status": status, "audience": audience, "body": text }),
        )
        .await;
    assert_eq!(r.status(), 201);
    // Within a second, lists order by id (a ULID, to the millisecond): keep each in its own millisecond.
    tokio::time::sleep(std::time::Duration::from_millis(3)).await;
    r.json().await.unwrap()
}

async fn put(t: &TestStack, staff: &str, article: &Value, change: Value) -> Value {
    let mut input = json!({ "title": article["title"], "category": article["category"], "status": article["status"],
        "audience": article["audience"], "body": article["body"] });
    for (k, v) in change.as_object().unwrap() {
        input[k] = v.clone();
    }
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/articles/{}", article["id"].as_str().unwrap()),
            Some(staff),
        )
        .header("If-Match", format!("\"{}\"", article["version"]))
        .json(&input)
        .send()
        .await
        .unwrap();
    body(r).await
}

fn titles(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn contacts_read_only_published_articles_meant_for_them_sanitised_and_vote_once() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (acme, _, alice) = t.customer_with_portal_contact("Known Co").await;
    let (globex, _, dan) = t.customer_with_portal_contact("Other Known Co").await;
    let only = |c: &Value| json!({ "kind": "customers", "customer_ids": [c["id"]] });
    let all = json!({ "kind": "all" });

    let hostile =
        "# Boiler\n\n<script>alert('kb')</script>\n<img src=x onerror=\"alert(1)\">\n\n[Open](javascript:alert(2)) \
        <a href=\"https://example.com\" onclick=\"alert(3)\">ok</a>";
    let boiler = write(
        &t,
        &staff,
        "Resetting the boiler",
        "Heating",
        "published",
        all.clone(),
        hostile,
    )
    .await;
    let draft = write(&t, &staff, "Draft charges", "Billing", "draft", all.clone(), "Not yet.").await;
    let theirs = write(
        &t,
        &staff,
        "Known Co side gate",
        "Sites",
        "published",
        only(&acme),
        "Gate code in your pack.",
    )
    .await;
    let other = write(
        &t,
        &staff,
        "Other VPN",
        "IT",
        "published",
        only(&globex),
        "Install the client.",
    )
    .await;

    let list = body(t.get("/portal/articles", &alice).await).await;
    assert_eq!(
        titles(&list),
        ["Known Co side gate", "Resetting the boiler"],
        "newest first, never a draft or another's"
    );
    assert_eq!(
        titles(&body(t.get("/portal/articles", &dan).await).await),
        ["Other VPN", "Resetting the boiler"]
    );
    let cats = body(t.get("/portal/articles/categories", &alice).await).await;
    assert_eq!(
        cats,
        json!([{ "name": "Heating", "articles": 1 }, { "name": "Sites", "articles": 1 }])
    );
    assert_eq!(
        titles(&body(t.get("/portal/articles?category=Heating", &alice).await).await),
        ["Resetting the boiler"]
    );
    assert_eq!(
        titles(&body(t.get("/portal/articles?category=IT", &alice).await).await),
        Vec::<String>::new()
    );
    assert_eq!(
        titles(&body(t.get("/portal/articles?q=GATE", &alice).await).await),
        ["Known Co side gate"]
    );
    assert_eq!(
        titles(&body(t.get("/portal/articles?q=charges", &alice).await).await),
        Vec::<String>::new()
    );

    // A draft, another customer's article: 404 by id, as for none.
    for a in [&draft, &other] {
        let id = a["id"].as_str().unwrap();
        assert_eq!(t.get(&format!("/portal/articles/{id}"), &alice).await.status(), 404);
        let vote = t
            .post(
                &format!("/portal/articles/{id}/vote"),
                &alice,
                json!({ "helpful": true }),
            )
            .await;
        assert_eq!(vote.status(), 404);
    }

    // Rendered and sanitised: nothing stored runs.
    let bid = boiler["id"].as_str().unwrap();
    let read = body(t.get(&format!("/portal/articles/{bid}"), &alice).await).await;
    let html = read["body_html"].as_str().unwrap().to_lowercase();
    assert!(html.contains("<h1>boiler</h1>"), "{html}");
    for bad in ["<script", "onerror", "javascript:", "onclick"] {
        assert!(!html.contains(bad), "{bad} in {html}");
    }
    assert!(
        html.contains("href=\"https://example.com\""),
        "a safe link stays: {html}"
    );
    assert_eq!(read["my_vote"], Value::Null);

    // Once per contact; staff see the tallies.
    let voted = t
        .post(
            &format!("/portal/articles/{bid}/vote"),
            &alice,
            json!({ "helpful": true }),
        )
        .await;
    assert_eq!(body(voted).await, json!({ "helpful": true }));
    let again = t
        .post(
            &format!("/portal/articles/{bid}/vote"),
            &alice,
            json!({ "helpful": false }),
        )
        .await;
    assert_eq!(again.status(), 409);
    t.post(
        &format!("/portal/articles/{bid}/vote"),
        &dan,
        json!({ "helpful": false }),
    )
    .await;
    assert_eq!(
        body(t.get(&format!("/portal/articles/{bid}"), &alice).await).await["my_vote"],
        true
    );
    let tallies = body(t.get(&format!("/admin/articles/{bid}"), &staff).await).await;
    assert_eq!(
        (tallies["helpful"].as_i64(), tallies["not_helpful"].as_i64()),
        (Some(1), Some(1))
    );
    let bad = t
        .post(
            &format!("/portal/articles/{bid}/vote"),
            &alice,
            json!({ "helpful": "yes" }),
        )
        .await;
    assert_eq!(bad.status(), 422);

    // Withdrawn, moved to another audience, deleted: gone from every list at once.
    let withdrawn = put(&t, &staff, &boiler, json!({ "status": "draft" })).await;
    assert_eq!(
        titles(&body(t.get("/portal/articles", &alice).await).await),
        ["Known Co side gate"]
    );
    assert_eq!(t.get(&format!("/portal/articles/{bid}"), &alice).await.status(), 404);
    let cats = body(t.get("/portal/articles/categories", &alice).await).await;
    assert_eq!(cats, json!([{ "name": "Sites", "articles": 1 }]));
    let republished = put(&t, &staff, &withdrawn, json!({ "status": "published" })).await;
    assert_eq!(
        republished["published_at"], boiler["published_at"],
        "publication keeps its first date"
    );
    put(&t, &staff, &theirs, json!({ "audience": only(&globex) })).await;
    assert_eq!(
        titles(&body(t.get("/portal/articles", &alice).await).await),
        ["Resetting the boiler"]
    );
    assert_eq!(
        titles(&body(t.get("/portal/articles", &dan).await).await),
        ["Other VPN", "Known Co side gate", "Resetting the boiler"]
    );
    let r = t
        .request(Method::DELETE, &format!("/admin/articles/{bid}"), Some(&staff))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 204);
    assert!(titles(&body(t.get("/portal/articles", &alice).await).await).is_empty());
    assert_eq!(
        body(t.get("/portal/articles/categories", &alice).await).await,
        json!([])
    );

    // Bad input names the field.
    for (input, field) in [
        (
            json!({ "title": "", "category": "x", "status": "draft", "audience": all, "body": "b" }),
            "title",
        ),
        (
            json!({ "title": "t", "category": "", "status": "draft", "audience": all, "body": "b" }),
            "category",
        ),
        (
            json!({ "title": "t", "category": "x", "status": "draft", "audience": { "kind": "customers", "customer_ids": [] }, "body": "b" }),
            "audience.customer_ids",
        ),
    ] {
        let r = t.post("/admin/articles", &staff, input).await;
        assert_eq!(r.status(), 422, "{field}");
        assert_eq!(problem(r).await["errors"][0]["field"], field);
    }
    let r = t.get("/portal/articles?q=a", &alice).await;
    assert_eq!(r.status(), 400);
    assert_eq!(problem(r).await["errors"][0]["field"], "q");
}

#[tokio::test]
async fn a_contacts_list_merges_everyones_and_their_companys_articles_page_by_page() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (acme, _, alice) = t.customer_with_portal_contact("Paged Known Co").await;
    let mut expected = Vec::new();
    for i in 0..9 {
        let audience = if i % 3 == 0 {
            json!({ "kind": "customers", "customer_ids": [acme["id"]] })
        } else {
            json!({ "kind": "all" })
        };
        let a = write(
            &t,
            &staff,
            &format!("Article {i}"),
            if i % 2 == 0 { "Even" } else { "Odd" },
            "published",
            audience,
            "Text",
        )
        .await;
        expected.push(a["title"].as_str().unwrap().to_owned());
    }
    expected.reverse();
    for limit in [1, 2, 4, 25] {
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        loop {
            let mut path = format!("/portal/articles?limit={limit}");
            if let Some(c) = &cursor {
                path.push_str(&format!("&cursor={c}"));
            }
            let page = body(t.get(&path, &alice).await).await;
            seen.extend(titles(&page));
            match page["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
        }
        assert_eq!(seen, expected, "limit {limit}");
    }
    let even = body(t.get("/portal/articles?category=Even&limit=2", &alice).await).await;
    assert_eq!(titles(&even), ["Article 8", "Article 6"]);
    let forged = t
        .get("/portal/articles?cursor=eyJiZWZvcmUiOiJUSUNLRVQjMSJ9", &alice)
        .await;
    assert_eq!(forged.status(), 400);
}
