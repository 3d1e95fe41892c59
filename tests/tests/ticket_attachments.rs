//! Ticket attachments: a presigned upload of exactly the announced type and size, checked before it joins
//! the ticket, and links signed only through a ticket the caller sees; an attachment id alone grants
//! nothing.

use e2e::{documents::put_bytes, problem, TestStack};
use reqwest::Method;
use serde_json::{json, Value};

async fn body(r: reqwest::Response) -> Value {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v
}

async fn raise(t: &TestStack, token: &str, subject: &str, confidential: bool) -> String {
    let r = t
        .post(
            "/portal/tickets",
            token,
            json!({ "subject": subject, "description": "See the photo.", "type": "fault", "priority": "normal", "confidential": confidential }),
        )
        .await;
    body(r).await["id"].as_str().unwrap().to_owned()
}

/// Announces, uploads and completes a file through `base` (a ticket's portal or staff path).
async fn attach(t: &TestStack, base: &str, token: &str, name: &str, content_type: &str, bytes: &[u8]) -> Value {
    let announced = body(
        t.post(
            &format!("{base}/attachments"),
            token,
            json!({ "name": name, "content_type": content_type, "size": bytes.len() }),
        )
        .await,
    )
    .await;
    assert_eq!(put_bytes(t, &announced, bytes).await, 200);
    let id = announced["attachment"]["id"].as_str().unwrap();
    body(
        t.post(&format!("{base}/attachments/{id}/complete"), token, json!({}))
            .await,
    )
    .await
}

async fn fetch(t: &TestStack, link: &Value) -> Vec<u8> {
    let r = t.http.get(link["url"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(r.status(), 200);
    r.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn files_join_the_ticket_and_are_reached_only_through_a_ticket_the_caller_sees() {
    let t = TestStack::start().await;
    let agent = t.staff_token("agent").await;
    let (customer, _alice, alice) = t.customer_with_portal_contact("Attach Co").await;
    let cid = customer["id"].as_str().unwrap();
    let bob = t.create_contact(cid, "Bob", "Colleague").await;
    let bob_token = t.contact_token(cid, bob["id"].as_str().unwrap()).await;
    let (_, _, stranger) = t.customer_with_portal_contact("Stranger Co").await;

    let id = raise(&t, &alice, "Meter cupboard", false).await;
    let portal = format!("/portal/tickets/{id}");
    let photo = b"\x89PNG fake image bytes".to_vec();
    let file = attach(&t, &portal, &alice, "meter.png", "image/png", &photo).await;
    assert_eq!(file["name"], "meter.png");
    assert_eq!(file["size"], photo.len());
    assert!(file.get("author").is_none(), "who uploaded is shown by name only");
    let fid = file["id"].as_str().unwrap().to_owned();

    // Staff see it on the ticket and add their own; the contact sees both, oldest first.
    let admin = format!("/admin/customers/{cid}/tickets/{id}");
    let staff_view = body(t.get(&admin, &agent).await).await;
    assert_eq!(staff_view["ticket"]["attachments"][0]["id"], fid.as_str());
    let report = attach(
        &t,
        &admin,
        &agent,
        "report 1.pdf",
        "application/pdf",
        b"%PDF-1.4 report",
    )
    .await;
    let detail = body(t.get(&portal, &alice).await).await;
    let names: Vec<&str> = detail["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["meter.png", "report 1.pdf"]);
    assert_eq!(
        detail["attachments"][1]["author_name"], "staff-agent",
        "staff by username"
    );

    // Links: inline for an image, the exact bytes; staff's link too.
    let link = body(t.get(&format!("{portal}/attachments/{fid}/link"), &alice).await).await;
    assert_eq!(link["disposition"], "inline");
    assert_eq!(fetch(&t, &link).await, photo);
    let staff_link = body(
        t.get(
            &format!("{admin}/attachments/{}/link", report["id"].as_str().unwrap()),
            &agent,
        )
        .await,
    )
    .await;
    assert_eq!(fetch(&t, &staff_link).await, b"%PDF-1.4 report");

    // Nobody else: a colleague without the grant, another company, another ticket's path, a document route.
    assert_eq!(
        t.get(&format!("{portal}/attachments/{fid}/link"), &bob_token)
            .await
            .status(),
        404
    );
    assert_eq!(
        t.get(&format!("{portal}/attachments/{fid}/link"), &stranger)
            .await
            .status(),
        404
    );
    let other = raise(&t, &alice, "Another", false).await;
    assert_eq!(
        t.get(&format!("/portal/tickets/{other}/attachments/{fid}/link"), &alice)
            .await
            .status(),
        404,
        "an attachment id on another ticket grants nothing"
    );
    assert_eq!(
        t.get(&format!("/portal/documents/{fid}/link"), &alice).await.status(),
        404
    );
    let tree = t.get("/portal/documents", &bob_token).await.text().await.unwrap();
    assert!(!tree.contains("meter.png"), "attachments are not documents");

    // With the grant Bob sees the ticket and its files, but not those of a confidential ticket.
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/contacts/{}/ticket-visibility", bob["id"].as_str().unwrap()),
            Some(&agent),
        )
        .json(&json!({ "see_all_tickets": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(
        t.get(&format!("{portal}/attachments/{fid}/link"), &bob_token)
            .await
            .status(),
        200
    );
    let secret = raise(&t, &alice, "Private", true).await;
    let secret_file = attach(
        &t,
        &format!("/portal/tickets/{secret}"),
        &alice,
        "note.txt",
        "text/plain",
        b"private",
    )
    .await;
    let sid = secret_file["id"].as_str().unwrap();
    assert_eq!(
        t.get(&format!("/portal/tickets/{secret}/attachments/{sid}/link"), &bob_token)
            .await
            .status(),
        404
    );

    // Only the uploader completes their upload; a repeat answers the same file.
    let announced = body(
        t.post(
            &format!("{portal}/attachments"),
            &alice,
            json!({ "name": "b.txt", "content_type": "text/plain", "size": 3 }),
        )
        .await,
    )
    .await;
    let aid = announced["attachment"]["id"].as_str().unwrap();
    let early = t
        .post(&format!("{portal}/attachments/{aid}/complete"), &alice, json!({}))
        .await;
    assert_eq!(early.status(), 409, "nothing uploaded yet");
    assert_eq!(put_bytes(&t, &announced, b"abc").await, 200);
    assert_eq!(
        t.post(&format!("{portal}/attachments/{aid}/complete"), &bob_token, json!({}))
            .await
            .status(),
        404
    );
    let done = body(
        t.post(&format!("{portal}/attachments/{aid}/complete"), &alice, json!({}))
            .await,
    )
    .await;
    let again = body(
        t.post(&format!("{portal}/attachments/{aid}/complete"), &alice, json!({}))
            .await,
    )
    .await;
    assert_eq!(done, again);
    assert_eq!(
        body(t.get(&portal, &alice).await).await["attachments"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[tokio::test]
async fn a_file_that_is_not_what_was_announced_is_refused_and_bad_input_is_named() {
    let t = TestStack::start().await;
    let (_, _, token) = t.customer_with_portal_contact("Careful Co").await;
    let id = raise(&t, &token, "Leak", false).await;
    let base = format!("/portal/tickets/{id}/attachments");

    for (input, field) in [
        (
            json!({ "name": "x.exe", "content_type": "application/x-msdownload", "size": 10 }),
            "content_type",
        ),
        (
            json!({ "name": "big.pdf", "content_type": "application/pdf", "size": 26 * 1024 * 1024 }),
            "size",
        ),
        (
            json!({ "name": "empty.pdf", "content_type": "application/pdf", "size": 0 }),
            "size",
        ),
        (
            json!({ "name": "../../etc/passwd", "content_type": "text/plain", "size": 10 }),
            "name",
        ),
        (json!({ "name": "", "content_type": "text/plain", "size": 10 }), "name"),
    ] {
        let r = t.post(&base, &token, input).await;
        assert_eq!(r.status(), 422, "{field}");
        assert_eq!(problem(r).await["errors"][0]["field"], field);
    }

    // Announced 10 bytes, sent 5: refused, removed, never on the ticket.
    let announced = body(
        t.post(
            &base,
            &token,
            json!({ "name": "short.txt", "content_type": "text/plain", "size": 10 }),
        )
        .await,
    )
    .await;
    let mut upload = announced.clone();
    upload["upload"]["headers"]["content-length"] = json!("5");
    let sent = put_bytes(&t, &upload, b"12345").await;
    let aid = announced["attachment"]["id"].as_str().unwrap();
    let r = t.post(&format!("{base}/{aid}/complete"), &token, json!({})).await;
    if sent == 200 {
        assert_eq!(r.status(), 422);
        assert_eq!(problem(r).await["errors"][0]["field"], "size");
    } else {
        assert_eq!(r.status(), 409, "the signed PUT refused other bytes");
    }
    assert!(
        body(t.get(&format!("/portal/tickets/{id}"), &token).await).await["attachments"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // A closed ticket takes no more files.
    assert_eq!(
        t.post(&format!("/portal/tickets/{id}/close"), &token, json!({}))
            .await
            .status(),
        200
    );
    let r = t
        .post(
            &base,
            &token,
            json!({ "name": "late.txt", "content_type": "text/plain", "size": 3 }),
        )
        .await;
    assert_eq!(r.status(), 409);
}
