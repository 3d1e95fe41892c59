//! News: audience, active window and dismissal.

use e2e::TestStack;
use serde_json::{json, Value};

fn titles(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n["title"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn contacts_see_their_audience_in_the_window_and_can_dismiss() {
    let t = TestStack::start().await;
    let staff = t.staff_token("agent").await;
    let (a, _, a_token) = t.customer_with_portal_contact("News A").await;
    let (_b, _, b_token) = t.customer_with_portal_contact("News B").await;
    let aid = a["id"].as_str().unwrap();
    let post = |title: &str, audience: Value, starts: &str, ends: Value| {
        t.post(
            "/admin/news",
            &staff,
            json!({ "title": title, "body": "b", "audience": audience, "starts_at": starts, "ends_at": ends }),
        )
    };
    assert_eq!(
        post(
            "Everyone",
            json!({ "kind": "all" }),
            "2026-01-01T00:00:00Z",
            Value::Null
        )
        .await
        .status(),
        201
    );
    let only_a: Value = post(
        "Only A",
        json!({ "kind": "customers", "customer_ids": [aid] }),
        "2026-01-02T00:00:00Z",
        Value::Null,
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(
        post(
            "Expired",
            json!({ "kind": "all" }),
            "2025-01-01T00:00:00Z",
            json!("2025-02-01T00:00:00Z")
        )
        .await
        .status(),
        201
    );
    assert_eq!(
        post("Future", json!({ "kind": "all" }), "2099-01-01T00:00:00Z", Value::Null)
            .await
            .status(),
        201
    );
    let bad = post(
        "Backwards",
        json!({ "kind": "all" }),
        "2026-02-01T00:00:00Z",
        json!("2026-01-01T00:00:00Z"),
    )
    .await;
    assert_eq!(bad.status(), 422);

    let a_news: Value = t.get("/portal/news", &a_token).await.json().await.unwrap();
    assert_eq!(
        titles(&a_news),
        ["Only A", "Everyone"],
        "newest first, in the window, for A's audience"
    );
    let b_news: Value = t.get("/portal/news", &b_token).await.json().await.unwrap();
    assert_eq!(titles(&b_news), ["Everyone"]);
    let only_a_id = only_a["id"].as_str().unwrap();
    assert_eq!(
        t.post(&format!("/portal/news/{only_a_id}/dismiss"), &b_token, json!({}))
            .await
            .status(),
        404,
        "not B's to dismiss"
    );

    assert_eq!(
        t.post(&format!("/portal/news/{only_a_id}/dismiss"), &a_token, json!({}))
            .await
            .status(),
        204
    );
    let a_news: Value = t.get("/portal/news", &a_token).await.json().await.unwrap();
    assert_eq!(titles(&a_news), ["Everyone"]);
    let dismissed: Value = t.get("/portal/news/dismissed", &a_token).await.json().await.unwrap();
    assert_eq!(
        titles(&dismissed),
        ["Only A"],
        "still reachable from the announcement icon"
    );
}
