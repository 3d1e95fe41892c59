//! Tickets as a service: confidential tickets inside a shared company, each customer's default list,
//! the service levels per priority, and the emails to both sides with their one-click unsubscribe.

use e2e::{mails_to, problem, Mail, TestStack};
use reqwest::Method;
use serde_json::{json, Value};
use std::sync::Arc;

async fn body(r: reqwest::Response) -> Value {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v
}

async fn raise(t: &TestStack, token: &str, subject: &str, extra: Value) -> Value {
    let mut input = json!({ "subject": subject, "description": "It broke.", "type": "fault", "priority": "high" });
    for (k, v) in extra.as_object().cloned().unwrap_or_default() {
        input[k] = v;
    }
    let r = t.post("/portal/tickets", token, input).await;
    assert_eq!(r.status(), 201);
    r.json().await.unwrap()
}

async fn put(t: &TestStack, path: &str, token: &str, input: Value) -> reqwest::Response {
    t.request(Method::PUT, path, Some(token))
        .json(&input)
        .send()
        .await
        .unwrap()
}

fn ids(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Every id of a list, page by page (`limit` a page), each page's cursor taken from the last.
async fn every_page(t: &TestStack, token: &str, query: &str, limit: u32) -> Vec<String> {
    let mut all = Vec::new();
    let mut cursor: Option<String> = None;
    for _ in 0..50 {
        let mut path = format!("/portal/tickets?limit={limit}&{query}");
        if let Some(c) = &cursor {
            path.push_str(&format!("&cursor={c}"));
        }
        let page = body(t.get(&path, token).await).await;
        assert!(page["items"].as_array().unwrap().len() <= limit as usize);
        all.extend(ids(&page));
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => return all,
        }
    }
    panic!("the list never ended")
}

async fn grant_all(t: &TestStack, staff: &str, contact_id: &str) {
    let r = put(
        t,
        &format!("/admin/contacts/{contact_id}/ticket-visibility"),
        staff,
        json!({ "see_all_tickets": true }),
    )
    .await;
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn a_confidential_ticket_is_its_raisers_and_staffs_only_even_against_the_grant() {
    let t = TestStack::start().await;
    let staff = t.staff_token("agent").await;
    let (customer, alice, alice_token) = t.customer_with_portal_contact("Private Co").await;
    let cid = customer["id"].as_str().unwrap();
    let bob = t.create_contact(cid, "Bob", "Colleague").await;
    let bob_id = bob["id"].as_str().unwrap();
    let bob_token = t.contact_token(cid, bob_id).await;
    grant_all(&t, &staff, alice["id"].as_str().unwrap()).await;
    grant_all(&t, &staff, bob_id).await;

    // Interleaved: shared and confidential tickets of Alice, and Bob's own.
    let mut alice_all = Vec::new();
    let mut secret = Vec::new();
    let mut bob_sees = Vec::new();
    for i in 0..7 {
        let confidential = i % 2 == 0;
        let tk = raise(
            &t,
            &alice_token,
            &format!("Alice {i}"),
            json!({ "confidential": confidential }),
        )
        .await;
        assert_eq!(tk["confidential"], confidential);
        let id = tk["id"].as_str().unwrap().to_owned();
        if confidential {
            secret.push(id.clone());
        } else {
            bob_sees.push(id.clone());
        }
        alice_all.push(id);
        let own = raise(&t, &bob_token, &format!("Bob {i}"), json!({})).await;
        let own = own["id"].as_str().unwrap().to_owned();
        alice_all.push(own.clone());
        bob_sees.push(own);
    }
    alice_all.reverse();
    bob_sees.reverse();

    // Alice's company list merges her confidential tickets in, newest first, once each, at any page size.
    for limit in [1, 2, 3, 25] {
        assert_eq!(
            every_page(&t, &alice_token, "scope=all", limit).await,
            alice_all,
            "limit {limit}"
        );
        assert_eq!(
            every_page(&t, &bob_token, "scope=all", limit).await,
            bob_sees,
            "limit {limit}"
        );
    }
    let search = body(t.get("/portal/tickets?q=alice&limit=2", &bob_token).await).await;
    assert!(ids(&search).iter().all(|id| !secret.contains(id)));
    for id in &secret {
        assert_eq!(t.get(&format!("/portal/tickets/{id}"), &bob_token).await.status(), 404);
        let note = t
            .post(
                &format!("/portal/tickets/{id}/notes"),
                &bob_token,
                json!({ "body": "Me too" }),
            )
            .await;
        assert_eq!(note.status(), 404, "not even by writing to it");
    }
    let export = t.get("/portal/tickets/export", &bob_token).await.text().await.unwrap();
    assert!(!export.contains("Alice 0") && export.contains("Alice 1"), "{export}");

    // Staff see it, marked.
    let staff_view = body(
        t.get(&format!("/admin/customers/{cid}/tickets/{}", secret[0]), &staff)
            .await,
    )
    .await;
    assert_eq!(staff_view["ticket"]["confidential"], true);

    // Only the raiser changes it; shared again, Bob sees it.
    let path = format!("/portal/tickets/{}/confidentiality", secret[0]);
    let bob_try = put(
        &t,
        &format!("/portal/tickets/{}/confidentiality", bob_sees[1]),
        &alice_token,
        json!({ "confidential": true }),
    )
    .await;
    assert_eq!(bob_try.status(), 403, "Alice cannot hide Bob's ticket");
    let shared = body(put(&t, &path, &alice_token, json!({ "confidential": false })).await).await;
    assert_eq!(shared["confidential"], false);
    assert_eq!(
        t.get(&format!("/portal/tickets/{}", secret[0]), &bob_token)
            .await
            .status(),
        200
    );
    let hidden = body(put(&t, &path, &alice_token, json!({ "confidential": true })).await).await;
    assert_eq!(hidden["confidential"], true);
    assert_eq!(
        t.get(&format!("/portal/tickets/{}", secret[0]), &bob_token)
            .await
            .status(),
        404
    );
    let bad = put(&t, &path, &alice_token, json!({ "confidential": "yes" })).await;
    assert_eq!(bad.status(), 422);
    assert!(problem(bad).await.to_string().contains("confidential"));

    // A forged cursor is refused, not followed.
    let forged = t
        .get("/portal/tickets?cursor=eyJiZWZvcmUiOiJRVU9URSMxIn0", &bob_token)
        .await;
    assert_eq!(forged.status(), 400);

    // Closed, it moves to the closed lists with the same rule.
    let closed = body(
        t.post(&format!("/portal/tickets/{}/close", secret[1]), &alice_token, json!({}))
            .await,
    )
    .await;
    assert_eq!(closed["status"], "closed");
    let alice_closed = every_page(&t, &alice_token, "status=closed", 5).await;
    assert_eq!(alice_closed, [secret[1].clone()]);
    assert!(every_page(&t, &bob_token, "status=closed", 5).await.is_empty());
}

#[tokio::test]
async fn each_customer_sets_the_list_its_granted_contacts_start_on() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, alice, alice_token) = t.customer_with_portal_contact("Scoped Co").await;
    let cid = customer["id"].as_str().unwrap();
    let bob = t.create_contact(cid, "Bob", "Colleague").await;
    let bob_token = t.contact_token(cid, bob["id"].as_str().unwrap()).await;
    grant_all(&t, &staff, alice["id"].as_str().unwrap()).await;
    let own = raise(&t, &alice_token, "Mine", json!({})).await;
    let theirs = raise(&t, &bob_token, "Bob's", json!({})).await;

    let me = body(t.get("/portal/me", &alice_token).await).await;
    assert_eq!(me["contact"]["ticket_scope"], "all", "a new customer starts on all");
    assert_eq!(ids(&body(t.get("/portal/tickets", &alice_token).await).await).len(), 2);

    let profile = body(t.get(&format!("/admin/customers/{cid}"), &staff).await).await;
    assert_eq!(profile["default_ticket_scope"], "all");
    let r = t
        .request(Method::PUT, &format!("/admin/customers/{cid}"), Some(&staff))
        .header("If-Match", format!("\"{}\"", profile["version"]))
        .json(&json!({ "name": "Scoped Co", "default_ticket_scope": "mine" }))
        .send()
        .await
        .unwrap();
    let updated = body(r).await;
    assert_eq!(updated["default_ticket_scope"], "mine");

    let me = body(t.get("/portal/me", &alice_token).await).await;
    assert_eq!(me["contact"]["ticket_scope"], "mine");
    assert_eq!(
        ids(&body(t.get("/portal/tickets", &alice_token).await).await),
        [own["id"].as_str().unwrap()]
    );
    let all = ids(&body(t.get("/portal/tickets?scope=all", &alice_token).await).await);
    assert_eq!(
        all,
        [theirs["id"].as_str().unwrap(), own["id"].as_str().unwrap()],
        "asking for all still works"
    );
    let bob_me = body(t.get("/portal/me", &bob_token).await).await;
    assert_eq!(
        bob_me["contact"]["ticket_scope"], "mine",
        "without the grant always mine"
    );

    // An update that leaves the setting out keeps it.
    let r = t
        .request(Method::PUT, &format!("/admin/customers/{cid}"), Some(&staff))
        .header("If-Match", format!("\"{}\"", updated["version"]))
        .json(&json!({ "name": "Scoped Company" }))
        .send()
        .await
        .unwrap();
    assert_eq!(body(r).await["default_ticket_scope"], "mine");
    let bad = t
        .request(Method::PUT, &format!("/admin/customers/{cid}"), Some(&staff))
        .header("If-Match", "\"3\"")
        .json(&json!({ "name": "Scoped Co", "default_ticket_scope": "everyone" }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    assert!(problem(bad).await.to_string().contains("default_ticket_scope"));
}

fn minutes_between(from: &Value, to: &Value) -> i64 {
    let parse = |v: &Value| {
        time::OffsetDateTime::parse(v.as_str().unwrap(), &time::format_description::well_known::Rfc3339).unwrap()
    };
    (parse(to) - parse(from)).whole_minutes()
}

#[tokio::test]
async fn each_priority_has_its_service_levels_and_each_ticket_shows_whether_they_were_met() {
    let t = TestStack::start().await;
    let supervisor = t.staff_token("supervisor").await;
    let (customer, _, token) = t.customer_with_portal_contact("Timed Co").await;
    let cid = customer["id"].as_str().unwrap();

    let none = raise(&t, &token, "Before any target", json!({})).await;
    assert_eq!(none["sla"], json!({ "response": null, "resolution": null }));
    assert_eq!(
        body(t.get("/admin/settings/sla", &supervisor).await).await["targets"]["high"]["respond_minutes"],
        Value::Null
    );

    let targets = json!({ "targets": {
        "urgent": { "respond_minutes": 30, "resolve_minutes": 240 },
        "high": { "respond_minutes": 60, "resolve_minutes": 480 },
        "low": { "resolve_minutes": 10080 },
    }});
    let set = body(put(&t, "/admin/settings/sla", &supervisor, targets).await).await;
    assert_eq!(set["targets"]["urgent"]["respond_minutes"], 30);
    assert_eq!(body(t.get("/admin/settings/sla", &supervisor).await).await, set);
    let agent = t.staff_token("agent").await;
    assert_eq!(t.get("/admin/settings/sla", &agent).await.status(), 403);

    for (input, field) in [
        (
            json!({ "targets": { "high": { "respond_minutes": 0 } } }),
            "targets.high.respond_minutes",
        ),
        (
            json!({ "targets": { "low": { "resolve_minutes": 600000 } } }),
            "targets.low.resolve_minutes",
        ),
        (
            json!({ "targets": { "urgent": { "respond_minutes": 90, "resolve_minutes": 60 } } }),
            "targets.urgent.respond_minutes",
        ),
    ] {
        let r = put(&t, "/admin/settings/sla", &supervisor, input).await;
        assert_eq!(r.status(), 422);
        assert!(problem(r).await.to_string().contains(field), "{field}");
    }
    let r = put(
        &t,
        "/admin/settings/sla",
        &supervisor,
        json!({ "targets": { "critical": {} } }),
    )
    .await;
    assert_eq!(r.status(), 422);
    assert_eq!(
        body(t.get("/admin/settings/sla", &supervisor).await).await,
        set,
        "a refused change changes nothing"
    );

    // A high ticket: answer due in an hour, resolution in eight.
    let tk = raise(&t, &token, "Timed", json!({})).await;
    let id = tk["id"].as_str().unwrap();
    assert_eq!(minutes_between(&tk["created_at"], &tk["sla"]["response"]["due"]), 60);
    assert_eq!(minutes_between(&tk["created_at"], &tk["sla"]["resolution"]["due"]), 480);
    assert_eq!(tk["sla"]["response"]["state"], "pending");
    assert_eq!(tk["sla"]["response"]["done_at"], Value::Null);

    // An internal note is no answer; a public one is.
    let admin = format!("/admin/customers/{cid}/tickets/{id}");
    let internal = t
        .post(
            &format!("{admin}/notes"),
            &agent,
            json!({ "body": "Looking", "internal": true }),
        )
        .await;
    assert_eq!(internal.status(), 201);
    let seen = body(t.get(&format!("/portal/tickets/{id}"), &token).await).await;
    assert_eq!(seen["sla"]["response"]["state"], "pending");
    let public = t
        .post(
            &format!("{admin}/notes"),
            &agent,
            json!({ "body": "On it", "internal": false }),
        )
        .await;
    assert_eq!(public.status(), 201);
    let answered = body(t.get(&format!("/portal/tickets/{id}"), &token).await).await;
    assert_eq!(answered["sla"]["response"]["state"], "met");
    let first = answered["sla"]["response"]["done_at"].clone();
    assert!(first.is_string());
    let again = t
        .post(
            &format!("{admin}/notes"),
            &agent,
            json!({ "body": "Still on it", "internal": false }),
        )
        .await;
    assert_eq!(again.status(), 201);
    let later = body(t.get(&format!("/portal/tickets/{id}"), &token).await).await;
    assert_eq!(later["sla"]["response"]["done_at"], first, "the first answer counts");

    // A new priority takes its targets from the ticket's creation.
    let staff_ticket = body(t.get(&admin, &agent).await).await["ticket"].clone();
    let r = t
        .request(Method::PUT, &admin, Some(&agent))
        .header("If-Match", format!("\"{}\"", staff_ticket["version"]))
        .json(
            &json!({ "subject": "Timed", "description": "It broke.", "type": "fault", "priority": "urgent",
            "status": "in_progress", "visible_in_portal": true, "contact_id": staff_ticket["contact_id"] }),
        )
        .send()
        .await
        .unwrap();
    let urgent = body(r).await;
    assert_eq!(
        minutes_between(&urgent["created_at"], &urgent["sla"]["resolution"]["due"]),
        240
    );
    assert_eq!(urgent["sla"]["response"]["state"], "met");

    // Closing resolves it, in time.
    let closed = body(t.post(&format!("/portal/tickets/{id}/close"), &token, json!({})).await).await;
    assert_eq!(closed["sla"]["resolution"]["state"], "met");
    assert_eq!(closed["sla"]["resolution"]["done_at"], closed["closed_at"]);

    // Past due and unanswered: overdue; answered late: missed.
    let late = raise(&t, &token, "Late", json!({ "priority": "urgent" })).await;
    let lid = late["id"].as_str().unwrap();
    let mut stored = t.ctx.table.ticket(cid, lid).await.unwrap().unwrap();
    let past = time::OffsetDateTime::now_utc() - time::Duration::hours(5);
    stored.created_at = past;
    shared::table::sla::SlaTargets {
        urgent: shared::table::sla::SlaTarget {
            respond_minutes: Some(30),
            resolve_minutes: Some(240),
        },
        ..Default::default()
    }
    .apply(&mut stored);
    t.ctx.table.put(&stored).await.unwrap();
    let overdue = body(t.get(&format!("/portal/tickets/{lid}"), &token).await).await;
    assert_eq!(overdue["sla"]["response"]["state"], "overdue");
    assert_eq!(overdue["sla"]["resolution"]["state"], "overdue");
    let r = t
        .post(
            &format!("/admin/customers/{cid}/tickets/{lid}/notes"),
            &agent,
            json!({ "body": "Sorry", "internal": false }),
        )
        .await;
    assert_eq!(r.status(), 201);
    let missed = body(t.get(&format!("/admin/customers/{cid}/tickets/{lid}"), &agent).await).await;
    assert_eq!(missed["ticket"]["sla"]["response"]["state"], "missed");
    assert_eq!(missed["ticket"]["sla"]["resolution"]["state"], "overdue");
    // A low ticket has a resolution target and no response target.
    let low = raise(&t, &token, "Low", json!({ "priority": "low" })).await;
    assert_eq!(low["sla"]["response"], Value::Null);
    assert_eq!(low["sla"]["resolution"]["state"], "pending");
}

/// The path of an address in an email, to call it on this test's gateway.
fn path_of(address: &str) -> String {
    let at = address.find("/portal/").expect("a portal address");
    address[at..].trim_end_matches('>').to_owned()
}

async fn wait_for(to: &str, subject_has: &str, count: usize) -> Vec<Mail> {
    wait_for_body(to, subject_has, "", count).await
}

/// As [`wait_for`], counting only emails whose body has `body_has`: the business's address is shared by
/// every test's stack, and ticket numbers start again in each.
async fn wait_for_body(to: &str, subject_has: &str, body_has: &str, count: usize) -> Vec<Mail> {
    for _ in 0..50 {
        let found: Vec<Mail> = mails_to(to)
            .await
            .into_iter()
            .filter(|m| m.subject.contains(subject_has) && m.body.contains(body_has))
            .collect();
        if found.len() >= count {
            return found;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no {count} email(s) to {to} about {subject_has:?}")
}

async fn unsubscribe(t: &Arc<TestStack>, mail: &Mail) -> reqwest::Response {
    let header = mail.list_unsubscribe.as_deref().expect("a List-Unsubscribe header");
    assert!(header.starts_with("<http") && header.ends_with('>'), "{header}");
    assert_eq!(
        mail.list_unsubscribe_post.as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    // As a mail provider does it: a form post, no sign-in.
    t.request(Method::POST, &path_of(header), None)
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn both_sides_are_emailed_and_a_contact_unsubscribes_in_one_click() {
    let t = TestStack::start().await;
    let agent = t.staff_token("agent").await;
    let (customer, contact, token) = t.customer_with_portal_contact("Mailed Co").await;
    let cid = customer["id"].as_str().unwrap();
    let address = contact["email"].as_str().unwrap().to_owned();
    let owner = "support@portal.example.com";

    let tk = raise(&t, &token, "Heating off", json!({})).await;
    let (id, number) = (tk["id"].as_str().unwrap(), tk["number"].as_u64().unwrap());
    let received = wait_for(&address, &format!("Ticket #{number} received"), 1).await;
    assert!(received[0].body.contains("Heating off"));
    let text = received[0].text.clone().unwrap_or_default();
    assert!(
        text.contains(&format!("/tickets/{id}")),
        "it links to the ticket: {text}"
    );
    let told = wait_for(owner, &format!("New portal ticket #{number} from Mailed Co"), 1).await;
    assert!(told[0].body.contains("It broke."));
    assert!(
        told[0].list_unsubscribe.is_none(),
        "the business's own notices are no mailing"
    );

    // A comment goes to the other side.
    let admin = format!("/admin/customers/{cid}/tickets/{id}");
    t.post(
        &format!("{admin}/notes"),
        &agent,
        json!({ "body": "Engineer booked", "internal": false }),
    )
    .await;
    let reply = wait_for(&address, &format!("New reply on ticket #{number}"), 1).await;
    assert!(reply[0].body.contains("Engineer booked"));
    t.post(
        &format!("{admin}/notes"),
        &agent,
        json!({ "body": "SECRET-INTERNAL", "internal": true }),
    )
    .await;
    t.post(
        &format!("/portal/tickets/{id}/notes"),
        &token,
        json!({ "body": "Thanks, Tuesday works" }),
    )
    .await;
    let to_owner = wait_for_body(owner, &format!("New reply on ticket #{number}"), "Tuesday works", 1).await;
    assert!(to_owner[0].body.contains("Tuesday works"));
    assert!(
        mails_to(&address)
            .await
            .iter()
            .chain(mails_to(owner).await.iter())
            .all(|m| !m.body.contains("SECRET-INTERNAL")),
        "no internal note is ever mailed"
    );
    assert_eq!(
        mails_to(&address)
            .await
            .iter()
            .filter(|m| m.subject.contains(&format!("#{number}")))
            .count(),
        2,
        "the contact is not told of their own note"
    );

    // One click: the contact's ticket emails stop; the link works once.
    let r = unsubscribe(&t, &reply[0]).await;
    assert_eq!(r.status(), 200);
    assert_eq!(body(r).await["topic"], "tickets");
    assert_eq!(unsubscribe(&t, &reply[0]).await.status(), 404, "used once");
    assert_eq!(
        body(t.get("/portal/notifications", &token).await).await["ticket_emails"],
        false
    );
    let staff_contact = body(
        t.get(&format!("/admin/contacts/{}", contact["id"].as_str().unwrap()), &agent)
            .await,
    )
    .await;
    assert_eq!(staff_contact["ticket_emails_opt_out"], true, "staff see the choice");
    let before = mails_to(&address).await.len();
    t.post(
        &format!("{admin}/notes"),
        &agent,
        json!({ "body": "Parts ordered", "internal": false }),
    )
    .await;
    let email = t
        .post(&format!("{admin}/emails"), &agent, json!({ "body": "Please call us" }))
        .await;
    assert_eq!(email.status(), 422, "staff are told the contact opted out");
    assert!(problem(email).await.to_string().contains("opted out"));
    let closed = t.post(&format!("/portal/tickets/{id}/close"), &token, json!({})).await;
    assert_eq!(closed.status(), 200);
    wait_for(owner, &format!("Ticket #{number} closed"), 1).await;
    assert_eq!(mails_to(&address).await.len(), before, "nothing more to the contact");

    // Turned back on in the portal: the next ticket mails them again, with a fresh link.
    let on = body(put(&t, "/portal/notifications", &token, json!({ "ticket_emails": true })).await).await;
    assert_eq!(on["ticket_emails"], true);
    let bad = put(&t, "/portal/notifications", &token, json!({ "ticket_emails": "no" })).await;
    assert_eq!(bad.status(), 422);
    let next = raise(&t, &token, "Lights out", json!({})).await;
    let mail = wait_for(&address, &format!("Ticket #{} received", next["number"]), 1).await;
    assert_ne!(
        mail[0].list_unsubscribe, reply[0].list_unsubscribe,
        "every email its own link"
    );
    assert!(
        mail[0].text.as_deref().unwrap_or_default().contains("/unsubscribe/"),
        "and a page a person can open"
    );

    // Unknown, malformed and expired links are all 404; a GET changes nothing.
    for path in [
        "/portal/auth/unsubscribe/short",
        "/portal/auth/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ] {
        let r = t.request(Method::POST, path, None).send().await.unwrap();
        assert_eq!(r.status(), 404, "{path}");
        assert_eq!(r.headers()["content-type"], "application/problem+json");
    }
    let link = path_of(mail[0].list_unsubscribe.as_deref().unwrap());
    let get = t.request(Method::GET, &link, None).send().await.unwrap();
    assert_ne!(get.status(), 200);
    assert_eq!(
        body(t.get("/portal/notifications", &token).await).await["ticket_emails"],
        true
    );
    let token_part = link.rsplit('/').next().unwrap();
    let hash = shared::secrets::hash(token_part);
    let mut stored = t
        .ctx
        .table
        .get::<shared::table::unsubscribe::UnsubscribeLink>(&hash)
        .await
        .unwrap()
        .expect("only the hash is stored, under the hash");
    stored.expires_at = time::OffsetDateTime::now_utc() - time::Duration::seconds(1);
    t.ctx.table.put(&stored).await.unwrap();
    let expired = t.request(Method::POST, &link, None).send().await.unwrap();
    assert_eq!(expired.status(), 404);
    assert_eq!(
        body(t.get("/portal/notifications", &token).await).await["ticket_emails"],
        true
    );
}

#[tokio::test]
async fn staff_raising_a_ticket_tell_its_contact_and_owner_and_the_assignee_is_the_owner() {
    let t = TestStack::start().await;
    let agent = t.staff_token("agent").await;
    let (customer, contact, _) = t.customer_with_portal_contact("Raised Co").await;
    let cid = customer["id"].as_str().unwrap();
    let address = contact["email"].as_str().unwrap().to_owned();
    let assignee = format!("tech-{}@biz.example", &cid[cid.len() - 6..].to_lowercase());
    let r = t
        .post(
            &format!("/admin/customers/{cid}/tickets"),
            &agent,
            json!({ "subject": "Annual service", "description": "Booked for May", "type": "request", "priority": "normal",
                "visible_in_portal": true, "contact_id": contact["id"], "assignee": assignee }),
        )
        .await;
    let tk = body(r).await;
    let number = tk["number"].as_u64().unwrap();
    assert_eq!(tk["sla"]["response"], Value::Null, "no targets set here");
    wait_for(&address, &format!("Ticket #{number} received"), 1).await;
    let owner = wait_for(&assignee, &format!("ticket #{number}"), 1).await;
    assert!(owner[0].body.contains("Booked for May"));

    // A ticket hidden from the portal is never mailed to the contact.
    let hidden = body(
        t.post(
            &format!("/admin/customers/{cid}/tickets"),
            &agent,
            json!({ "subject": "Credit check", "description": "Internal", "type": "question", "priority": "low",
                "visible_in_portal": false, "contact_id": contact["id"] }),
        )
        .await,
    )
    .await;
    wait_for(
        "support@portal.example.com",
        &format!("ticket #{}", hidden["number"]),
        1,
    )
    .await;
    assert!(mails_to(&address)
        .await
        .iter()
        .all(|m| !m.subject.contains(&format!("#{}", hidden["number"]))));
}
