//! The scheduled jobs: invitation expiry (idempotent, safe to run twice at once) and the outbox drain
//! (an email that fails is sent on the next run).

use e2e::{emails_to, last_token, TestStack};
use reqwest::Method;
use serde_json::{json, Value};
use shared::{
    outbox::{self, Delivery, OutboxTask},
    secrets,
    table::access::AccessToken,
};
use time::OffsetDateTime;

async fn invited(t: &TestStack, name: &str) -> (Value, String) {
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer(name).await;
    let contact = t.create_contact(customer["id"].as_str().unwrap(), "Ivy", name).await;
    let id = contact["id"].as_str().unwrap();
    t.request(
        Method::PUT,
        &format!("/admin/contacts/{id}/portal-access"),
        Some(&staff),
    )
    .json(&json!({}))
    .send()
    .await
    .unwrap();
    let r = t
        .post(
            &format!("/admin/contacts/{id}/portal-access/invitation"),
            &staff,
            json!({}),
        )
        .await;
    assert_eq!(r.status(), 202);
    let token = last_token(contact["email"].as_str().unwrap()).await;
    (contact, token)
}

#[tokio::test]
async fn expired_invitations_are_marked_once_even_when_two_runs_race() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (contact, token) = invited(&t, "Expiry").await;
    let (_fresh, fresh_token) = invited(&t, "Fresh").await;
    // Age the first invitation past its expiry.
    let mut record: AccessToken = t
        .ctx
        .table
        .get::<AccessToken>(&secrets::hash(&token))
        .await
        .unwrap()
        .unwrap();
    record.expires_at = OffsetDateTime::now_utc().unix_timestamp() - 60;
    t.ctx.table.put(&record).await.unwrap();

    let fixture = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../events/scheduled-expire-invitations.json"
    ))
    .unwrap();
    let event: Value = serde_json::from_str(&fixture).unwrap();
    let (a, b) = tokio::join!(scheduler::handle(&t.ctx, &event), scheduler::handle(&t.ctx, &event));
    assert_eq!(a.unwrap().expired + b.unwrap().expired, 1, "exactly one run expires it");
    assert_eq!(
        scheduler::expire_invitations(&t.ctx, OffsetDateTime::now_utc())
            .await
            .unwrap(),
        0,
        "a third run finds nothing"
    );

    let id = contact["id"].as_str().unwrap();
    let access: Value = t
        .get(&format!("/admin/contacts/{id}/portal-access"), &staff)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(access["status"], "expired");
    let history: Value = t
        .get(&format!("/admin/contacts/{id}/portal-access/history"), &staff)
        .await
        .json()
        .await
        .unwrap();
    let expired = history["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "invitation_expired")
        .count();
    assert_eq!(expired, 1);
    let r = t
        .request(Method::POST, "/portal/auth/activate", None)
        .json(&json!({ "token": token, "password": "Correct-Horse-42" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422, "an expired link is refused");
    let r = t
        .request(Method::POST, "/portal/auth/activate", None)
        .json(&json!({ "token": fresh_token, "password": "Correct-Horse-42" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "an invitation still in date is untouched");
    // Staff can invite again after expiry.
    assert_eq!(
        t.post(
            &format!("/admin/contacts/{id}/portal-access/invitation"),
            &staff,
            json!({})
        )
        .await
        .status(),
        202
    );
}

#[tokio::test]
async fn an_email_that_fails_is_sent_by_the_next_drain() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Outboxers").await;
    let contact = t
        .create_contact(customer["id"].as_str().unwrap(), "Olly", "Outbox")
        .await;
    let id = contact["id"].as_str().unwrap();
    let email = contact["email"].as_str().unwrap();
    t.request(
        Method::PUT,
        &format!("/admin/contacts/{id}/portal-access"),
        Some(&staff),
    )
    .json(&json!({}))
    .send()
    .await
    .unwrap();

    // A function whose sender SES refuses (an unverified domain): the commit holds, the email waits.
    let mut config = (*t.ctx.config).clone();
    config.sender_email = Some("portal@unverified.invalid".into());
    let broken = shared::Context::new(config, t.ctx.clients.clone());
    let current = t
        .ctx
        .table
        .contact(customer["id"].as_str().unwrap(), id)
        .await
        .unwrap()
        .unwrap();
    let mut invited = current.clone();
    invited.portal_status = shared::table::contacts::PortalStatus::Invited;
    invited.version += 1;
    let actions = vec![t.ctx.table.put_versioned(&invited, current.version).unwrap()];
    let task = OutboxTask::Invitation {
        customer_id: current.customer_id.clone(),
        contact_id: current.id.clone(),
    };
    let delivery = outbox::commit_and_deliver(&broken, actions, task, |_| shared::ApiError::Internal)
        .await
        .unwrap();
    assert_eq!(delivery, Delivery::Queued);
    assert!(emails_to(email).await.is_empty(), "nothing was sent");
    let report = scheduler::drain_outbox(&broken).await.unwrap();
    assert_eq!((report.sent, report.failed), (0, 1), "still failing, still kept");

    let fixture = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../events/scheduled-drain-outbox.json"
    ))
    .unwrap();
    let report = scheduler::handle(&t.ctx, &serde_json::from_str(&fixture).unwrap())
        .await
        .unwrap();
    assert_eq!(report.sent, 1);
    assert_eq!(emails_to(email).await.len(), 1, "sent exactly once");
    assert_eq!(
        scheduler::drain_outbox(&t.ctx).await.unwrap().sent,
        0,
        "and never again"
    );
    let token = last_token(email).await;
    let r = t
        .request(Method::POST, "/portal/auth/activate", None)
        .json(&json!({ "token": token, "password": "Correct-Horse-42" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "the drained email's link works");
}

#[tokio::test]
async fn renewal_notices_go_once_per_contact_per_contract_even_when_two_runs_race() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let today = OffsetDateTime::now_utc().date();
    let ending = t.create_customer("Ending Soon").await;
    let later = t.create_customer("Ending Later").await;
    let eid = ending["id"].as_str().unwrap();
    let lid = later["id"].as_str().unwrap();
    for (id, days) in [(eid, 30), (lid, 100)] {
        let end = today + time::Duration::days(days);
        let r = t
            .request(Method::PUT, &format!("/admin/customers/{id}"), Some(&staff))
            .header("If-Match", "\"1\"")
            .json(&json!({ "name": "Renamed", "support_start": "2020-01-01", "support_end": end.to_string() }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    let (first, first_tokens) = t.activated_contact(eid, "Una", "One", "una.one").await;
    let (second, _) = t.activated_contact(eid, "Tom", "Two", "tom.two").await;
    let no_access = t.create_contact(eid, "Nia", "None").await;
    let (elsewhere, _) = t.activated_contact(lid, "Leo", "Later", "leo.later").await;

    let fixture = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../events/scheduled-support-notices.json"
    ))
    .unwrap();
    let event: Value = serde_json::from_str(&fixture).unwrap();
    let (a, b) = tokio::join!(scheduler::handle(&t.ctx, &event), scheduler::handle(&t.ctx, &event));
    assert_eq!(
        a.unwrap().notices + b.unwrap().notices,
        2,
        "two active contacts, one notice each"
    );
    assert_eq!(
        scheduler::handle(&t.ctx, &event).await.unwrap().notices,
        0,
        "a later run sends nothing new"
    );
    for c in [&first, &second] {
        let mails = emails_to(c["email"].as_str().unwrap()).await;
        let notices = mails
            .iter()
            .filter(|(s, _)| s.contains("support contract ends"))
            .count();
        assert_eq!(notices, 1, "{}", c["email"]);
    }
    assert!(emails_to(no_access["email"].as_str().unwrap()).await.is_empty());
    assert!(!emails_to(elsewhere["email"].as_str().unwrap())
        .await
        .iter()
        .any(|(s, _)| s.contains("support contract")));

    let me: Value = t
        .get("/portal/me", first_tokens["id_token"].as_str().unwrap())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(me["renewal_notice"]["days_left"], 30);
}
