//! Documents: presigned upload, hidden until shared, the folder tree, presigned links that return the
//! bytes with the right disposition, contacts' uploads, and other customers' documents answering 404.

use e2e::{
    documents::{put_bytes, shared_document},
    TestStack,
};
use reqwest::Method;
use serde_json::{json, Value};

async fn body(r: reqwest::Response) -> Value {
    r.json().await.expect("json")
}

#[tokio::test]
async fn upload_hide_share_list_and_fetch() {
    let t = TestStack::start().await;
    let staff = t.staff_token("agent").await;
    let (customer, _, token) = t.customer_with_portal_contact("Docs Ltd").await;
    let (_other, _, other_token) = t.customer_with_portal_contact("Other Docs").await;
    let cid = customer["id"].as_str().unwrap();

    let bytes = b"%PDF-1.4 service report".to_vec();
    let ticket = body(t.post(&format!("/admin/customers/{cid}/documents"), &staff, json!({ "folder": "Reports/2026", "name": "Service report.pdf", "content_type": "application/pdf", "size": bytes.len() })).await).await;
    assert!(
        ticket["upload"]["url"]
            .as_str()
            .unwrap()
            .contains(&format!("documents/{cid}/")),
        "the key never comes from the file name"
    );
    assert!(!ticket["upload"]["url"].as_str().unwrap().contains("Service"));
    assert_eq!(put_bytes(&t, &ticket, &bytes).await, 200);
    let id = ticket["document"]["id"].as_str().unwrap();
    assert_eq!(
        t.post(
            &format!("/admin/customers/{cid}/documents/{id}/complete"),
            &staff,
            json!({})
        )
        .await
        .status(),
        200
    );

    let tree = body(t.get("/portal/documents", &token).await).await;
    assert!(tree["folders"].as_array().unwrap().is_empty(), "hidden until shared");
    assert_eq!(
        t.get(&format!("/portal/documents/{id}/link"), &token).await.status(),
        404
    );
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/customers/{cid}/documents/{id}/visibility"),
            Some(&staff),
        )
        .json(&json!({ "visible_in_portal": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let other_doc = shared_document(
        &t,
        cid,
        "Prices, \"2026\" é.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        b"PK-sheet",
    )
    .await;

    let tree = body(t.get("/portal/documents", &token).await).await;
    let names: Vec<String> = tree["folders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names, ["Contracts", "Reports"]);
    let report = &tree["folders"][1]["folders"][0]["documents"][0];
    assert_eq!(report["name"], "Service report.pdf");
    assert_eq!(report["size"], bytes.len());

    let link = body(t.get(&format!("/portal/documents/{id}/link"), &token).await).await;
    assert_eq!(link["disposition"], "inline");
    let fetched = t.http.get(link["url"].as_str().unwrap()).send().await.unwrap();
    assert!(fetched.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("inline"));
    assert_eq!(fetched.headers()["content-type"], "application/pdf");
    assert_eq!(fetched.bytes().await.unwrap().to_vec(), bytes);

    let link = body(t.get(&format!("/portal/documents/{other_doc}/link"), &token).await).await;
    assert_eq!(link["disposition"], "attachment");
    let fetched = t.http.get(link["url"].as_str().unwrap()).send().await.unwrap();
    let cd = fetched.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(cd.starts_with("attachment; filename=\"Prices, _2026_ _.xlsx\""), "{cd}");
    assert!(
        cd.contains("filename*=UTF-8''Prices%2C%20%222026%22%20%C3%A9.xlsx"),
        "{cd}"
    );

    assert_eq!(
        t.get(&format!("/portal/documents/{id}/link"), &other_token)
            .await
            .status(),
        404,
        "another customer's document"
    );
}

#[tokio::test]
async fn contacts_upload_to_their_company_and_mismatched_uploads_are_rejected() {
    let t = TestStack::start().await;
    let staff = t.staff_token("agent").await;
    let (customer, _, token) = t.customer_with_portal_contact("Uploaders").await;
    let cid = customer["id"].as_str().unwrap();
    let bad = t
        .post(
            "/portal/documents/uploads",
            &token,
            json!({ "name": "x.exe", "content_type": "application/x-msdownload", "size": 10 }),
        )
        .await;
    assert_eq!(bad.status(), 422, "types are limited");
    let big = t
        .post(
            "/portal/documents/uploads",
            &token,
            json!({ "name": "x.pdf", "content_type": "application/pdf", "size": 60 * 1024 * 1024 }),
        )
        .await;
    assert_eq!(big.status(), 422, "sizes are limited");
    let traversal = t
        .post(
            "/portal/documents/uploads",
            &token,
            json!({ "name": "../../etc/passwd", "content_type": "text/plain", "size": 4 }),
        )
        .await;
    assert_eq!(traversal.status(), 422);

    let ticket = body(
        t.post(
            "/portal/documents/uploads",
            &token,
            json!({ "name": "meter.jpg", "content_type": "image/jpeg", "size": 5 }),
        )
        .await,
    )
    .await;
    assert_eq!(put_bytes(&t, &ticket, b"JFIF!").await, 200);
    let id = ticket["document"]["id"].as_str().unwrap();
    assert_eq!(
        body(
            t.post(&format!("/portal/documents/{id}/complete"), &token, json!({}))
                .await
        )
        .await["status"],
        "available"
    );
    let staff_list = body(t.get(&format!("/admin/customers/{cid}/documents"), &staff).await).await;
    assert_eq!(staff_list["items"][0]["folder"], "Uploads");
    assert_eq!(staff_list["items"][0]["uploaded_by"]["kind"], "contact");

    // Announced 5 bytes, sent 7: removed and refused.
    let ticket = body(
        t.post(
            "/portal/documents/uploads",
            &token,
            json!({ "name": "short.txt", "content_type": "text/plain", "size": 5 }),
        )
        .await,
    )
    .await;
    let mut headers = ticket.clone();
    headers["upload"]["headers"]
        .as_object_mut()
        .unwrap()
        .retain(|k, _| !k.eq_ignore_ascii_case("content-length"));
    put_bytes(&t, &headers, b"1234567").await;
    let id = ticket["document"]["id"].as_str().unwrap();
    assert_eq!(
        t.post(&format!("/portal/documents/{id}/complete"), &token, json!({}))
            .await
            .status(),
        422
    );
    let tree = body(t.get("/portal/documents", &token).await).await;
    let uploads: Vec<&str> = tree["folders"][0]["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(uploads, ["meter.jpg"], "the rejected upload is not listed");
}
