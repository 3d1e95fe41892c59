//! Documents uploaded through the staff API and a presigned PUT, then shared to the portal.

use serde_json::{json, Value};

use crate::TestStack;

/// Uploads the bytes with the presigned request the API hands out.
pub async fn put_bytes(t: &TestStack, ticket: &Value, bytes: &[u8]) -> u16 {
    let upload = &ticket["upload"];
    let mut r = t.http.put(upload["url"].as_str().expect("url")).body(bytes.to_vec());
    for (k, v) in upload["headers"].as_object().expect("headers") {
        r = r.header(k.as_str(), v.as_str().expect("header value"));
    }
    r.send().await.expect("S3 answers").status().as_u16()
}

/// A document of the customer, uploaded, completed and shared; returns its id.
pub async fn shared_document(t: &TestStack, customer_id: &str, name: &str, content_type: &str, bytes: &[u8]) -> String {
    shared_document_on(t, customer_id, None, name, content_type, bytes).await
}

/// The same, filed under one of the customer's sites when `site_id` is given.
pub async fn shared_document_on(
    t: &TestStack,
    customer_id: &str,
    site_id: Option<&str>,
    name: &str,
    content_type: &str,
    bytes: &[u8],
) -> String {
    let staff = t.staff_token("supervisor").await;
    let r = t
        .post(
            &format!("/admin/customers/{customer_id}/documents"),
            &staff,
            json!({ "folder": "Contracts/2026", "name": name, "content_type": content_type, "size": bytes.len(), "site_id": site_id }),
        )
        .await;
    assert_eq!(r.status(), 201);
    let ticket: Value = r.json().await.expect("json");
    assert_eq!(put_bytes(t, &ticket, bytes).await, 200);
    let id = ticket["document"]["id"].as_str().expect("id").to_owned();
    let r = t
        .post(
            &format!("/admin/customers/{customer_id}/documents/{id}/complete"),
            &staff,
            json!({}),
        )
        .await;
    assert_eq!(r.status(), 200, "complete");
    let r = t
        .request(
            reqwest::Method::PUT,
            &format!("/admin/customers/{customer_id}/documents/{id}/visibility"),
            Some(&staff),
        )
        .json(&json!({ "visible_in_portal": true }))
        .send()
        .await
        .expect("share");
    assert_eq!(r.status(), 200, "share");
    id
}
