//! Data sheets end to end: assigned templates, drafts with optimistic locking, validation, submission
//! that raises exactly one ticket and one email, even under 20 concurrent submits or a failing SES.

use e2e::{datasheets, emails_to, problem, TestStack};
use reqwest::Method;
use serde_json::{json, Value};

async fn body(r: reqwest::Response) -> Value {
    r.json().await.expect("json")
}

fn complete() -> Value {
    json!({ "site": "Head office", "floors": 4, "parking": true, "risk": "low", "kit": ["ladder", "lift"], "visit": "2026-12-01", "access": "Ring the bell,\nthen wait" })
}

#[tokio::test]
async fn a_sheet_from_draft_to_ticket() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, _, token) = t.customer_with_portal_contact("Sheets Ltd").await;
    let cid = customer["id"].as_str().unwrap();
    let template = datasheets::template(&t, "Site survey").await;

    // Not assigned yet: it cannot be used.
    let r = t
        .post("/portal/datasheets", &token, json!({ "template_id": template }))
        .await;
    assert_eq!(r.status(), 422);
    assert!(body(t.get("/portal/datasheets/templates", &token).await)
        .await
        .as_array()
        .unwrap()
        .is_empty());
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/customers/{cid}/portal-templates"),
            Some(&staff),
        )
        .json(&json!({ "template_ids": [template] }))
        .send()
        .await
        .unwrap();
    assert_eq!(
        problem(r).await["errors"][0]["field"],
        "tickets_from_email",
        "the address is mandatory"
    );

    let id = datasheets::draft(&t, cid, &template, &token).await;
    let available = body(t.get("/portal/datasheets/templates", &token).await).await;
    assert_eq!(available[0]["name"], "Site survey");
    let path = format!("/portal/datasheets/{id}");
    let save = |version: u64, values: Value| {
        t.request(Method::PUT, &path, Some(&token))
            .header("If-Match", format!("\"{version}\""))
            .json(&json!({ "values": values }))
            .send()
    };

    let r = save(1, json!({ "site": "Head office" })).await.unwrap();
    assert_eq!(r.status(), 200, "a partial draft saves");
    assert_eq!(body(r).await["sheet"]["version"], 2);
    assert_eq!(
        save(1, json!({ "site": "Lost" })).await.unwrap().status(),
        409,
        "a stale save is refused"
    );
    let r = save(2, json!({ "site": "Head office", "floors": 99, "colour": "red" }))
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let fields: Vec<String> = problem(r).await["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["values.colour", "values.floors"]);

    let r = t.post(&format!("{path}/submit"), &token, json!({})).await;
    assert_eq!(r.status(), 422, "required fields are missing");
    let fields: Vec<String> = problem(r).await["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["values.floors", "values.parking"]);

    // Staff change the template meanwhile: the draft keeps the version it began with.
    let mut changed = body(t.get(&format!("/admin/datasheet-templates/{template}"), &staff).await).await;
    changed["fields"].as_array_mut().unwrap().push(json!({ "key": "budget", "label": "Budget", "type": "number", "min": 0.0, "max": null, "integer": false, "required": true, "help": null }));
    let update = json!({ "name": changed["name"], "description": changed["description"], "fields": changed["fields"], "layout_html": null });
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/datasheet-templates/{template}"),
            Some(&staff),
        )
        .header("If-Match", "\"1\"")
        .json(&update)
        .send()
        .await
        .unwrap();
    assert_eq!(body(r).await["version"], 2);

    assert_eq!(save(2, complete()).await.unwrap().status(), 200);
    let submitted = body(t.post(&format!("{path}/submit"), &token, json!({})).await).await;
    assert_eq!(submitted["sheet"]["status"], "submitted");
    assert_eq!(submitted["template"]["version"], 1);
    let number = submitted["sheet"]["ticket_number"].as_u64().unwrap();
    let ticket_id = submitted["sheet"]["ticket_id"].as_str().unwrap();

    let tickets = body(t.get("/portal/tickets", &token).await).await;
    assert_eq!(tickets["items"].as_array().unwrap().len(), 1);
    assert_eq!(tickets["items"][0]["number"], number);
    assert_eq!(tickets["items"][0]["subject"], "Data sheet: Site survey");
    let ticket = body(
        t.get(&format!("/admin/customers/{cid}/tickets/{ticket_id}"), &staff)
            .await,
    )
    .await;
    assert_eq!(ticket["ticket"]["data_sheet_id"], id.as_str(), "linked both ways");
    assert!(ticket["ticket"]["description"].as_str().unwrap().contains("Floors: 4"));

    let to = format!("sheets-{}@biz.example", cid.to_lowercase());
    let mails = emails_to(&to).await;
    assert_eq!(mails.len(), 1, "one email to the tickets-from address");
    assert!(mails[0].1.contains("Head office"));

    assert_eq!(
        save(3, complete()).await.unwrap().status(),
        409,
        "a submitted sheet is locked"
    );
    let again = body(t.post(&format!("{path}/submit"), &token, json!({})).await).await;
    assert_eq!(
        again["sheet"]["ticket_number"], number,
        "a second submit answers the same"
    );
    assert_eq!(
        body(t.get("/portal/tickets", &token).await).await["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Staff: filter, export, unlock for correction.
    let listed = body(
        t.get(&format!("/admin/customers/{cid}/datasheets?status=submitted"), &staff)
            .await,
    )
    .await;
    assert_eq!(listed["items"].as_array().unwrap().len(), 1);
    let csv = t
        .get(
            &format!("/admin/customers/{cid}/datasheets/export?template_id={template}"),
            &staff,
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.lines().next().unwrap().contains("Site name"));
    assert!(csv.contains("\"Ring the bell,\nthen wait\""));
    let unlocked = body(
        t.post(
            &format!("/admin/customers/{cid}/datasheets/{id}/unlock"),
            &staff,
            json!({}),
        )
        .await,
    )
    .await;
    assert_eq!(unlocked["status"], "draft");
    let version = unlocked["version"].as_u64().unwrap();
    assert_eq!(
        save(version, complete()).await.unwrap().status(),
        200,
        "the contact can correct it"
    );
}

#[tokio::test]
async fn twenty_concurrent_submits_make_exactly_one_ticket() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, _, token) = t.customer_with_portal_contact("Racing Sheets").await;
    let cid = customer["id"].as_str().unwrap().to_owned();
    let template = datasheets::template(&t, "Race").await;
    let id = datasheets::draft(&t, &cid, &template, &token).await;
    let r = t
        .request(Method::PUT, &format!("/portal/datasheets/{id}"), Some(&token))
        .header("If-Match", "\"1\"")
        .json(&json!({ "values": complete() }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);

    let mut submits = tokio::task::JoinSet::new();
    for _ in 0..20 {
        let (t, token, id) = (t.clone(), token.clone(), id.clone());
        submits.spawn(async move {
            let r = t
                .post(&format!("/portal/datasheets/{id}/submit"), &token, json!({}))
                .await;
            let status = r.status().as_u16();
            (status, r.json::<Value>().await.unwrap_or(Value::Null))
        });
    }
    let results = submits.join_all().await;
    let numbers: std::collections::BTreeSet<u64> = results
        .iter()
        .filter(|(s, _)| *s == 200)
        .filter_map(|(_, b)| b["sheet"]["ticket_number"].as_u64())
        .collect();
    assert!(results.iter().all(|(s, _)| *s == 200 || *s == 409), "{results:?}");
    assert_eq!(numbers.len(), 1, "every success reports the one ticket");
    let tickets = body(t.get(&format!("/admin/customers/{cid}/tickets"), &staff).await).await;
    assert_eq!(tickets["items"].as_array().unwrap().len(), 1, "exactly one ticket");
    let to = format!("sheets-{}@biz.example", cid.to_lowercase());
    assert_eq!(emails_to(&to).await.len(), 1, "and one email");
}

#[tokio::test]
async fn an_email_ses_refuses_is_sent_by_the_next_drain_and_only_once() {
    // Functions (and t.ctx) whose sender SES refuses; a context with a verified sender drains later.
    let t = TestStack::start_with(|c| c.sender_email = Some("portal@unverified.invalid".into())).await;
    let (customer, _, token) = t.customer_with_portal_contact("Flaky Mail").await;
    let cid = customer["id"].as_str().unwrap();
    let template = datasheets::template(&t, "Flaky").await;
    let id = datasheets::draft(&t, cid, &template, &token).await;
    t.request(Method::PUT, &format!("/portal/datasheets/{id}"), Some(&token))
        .header("If-Match", "\"1\"")
        .json(&json!({ "values": complete() }))
        .send()
        .await
        .unwrap();
    let submitted = t
        .post(&format!("/portal/datasheets/{id}/submit"), &token, json!({}))
        .await;
    assert_eq!(
        submitted.status(),
        200,
        "the submission holds although the email failed"
    );
    let to = format!("sheets-{}@biz.example", cid.to_lowercase());
    assert!(emails_to(&to).await.is_empty());

    let failing = scheduler::drain_outbox(&t.ctx).await.unwrap();
    assert_eq!(
        (failing.sent, failing.failed),
        (0, 1),
        "SES still refuses: kept, not lost"
    );
    let mut fixed = (*t.ctx.config).clone();
    fixed.sender_email = Some("portal@portal.example.com".into());
    let good = shared::Context::new(fixed, t.ctx.clients.clone());
    let (a, b) = tokio::join!(scheduler::drain_outbox(&good), scheduler::drain_outbox(&good));
    assert_eq!(a.unwrap().sent + b.unwrap().sent, 1, "two drains at once send it once");
    assert_eq!(scheduler::drain_outbox(&good).await.unwrap().sent, 0);
    assert_eq!(emails_to(&to).await.len(), 1);
}

#[tokio::test]
async fn control_characters_in_values_are_refused_on_save_and_on_submit() {
    let t = TestStack::start().await;
    let (customer, _, token) = t.customer_with_portal_contact("Control Co").await;
    let cid = customer["id"].as_str().unwrap();
    let template = datasheets::template(&t, "Control survey").await;
    let id = datasheets::draft(&t, cid, &template, &token).await;
    let path = format!("/portal/datasheets/{id}");
    let fields_of = |p: &Value| {
        p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };

    // A draft save: every text value, single or in a list, is refused with the field named.
    let values = json!({ "site": "a\u{0000}b\u{001b}[2J", "access": "Ring\u{0007}", "risk": "low", "kit": ["ladder", "lift\u{0000}"] });
    let r = t
        .request(Method::PUT, &path, Some(&token))
        .header("If-Match", "\"1\"")
        .json(&json!({ "values": values }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let p = problem(r).await;
    assert_eq!(fields_of(&p), ["values.site", "values.access", "values.kit"]);
    assert_eq!(p["errors"][0]["message"], "must not contain control characters");
    let sheet = body(t.get(&path, &token).await).await;
    assert_eq!(
        (
            sheet["sheet"]["version"].as_u64(),
            sheet["sheet"]["values"].as_object().map(|v| v.len())
        ),
        (Some(1), Some(0)),
        "nothing was saved"
    );

    // A draft that holds them already (saved before this rule) is refused at submission: no ticket.
    let mut stored = t
        .ctx
        .table
        .get::<shared::table::datasheets::Sheet>((cid, &id))
        .await
        .unwrap()
        .unwrap();
    stored.values = serde_json::from_value(json!({ "site": "a\u{0000}b", "floors": 4, "parking": true })).unwrap();
    t.ctx.table.put(&stored).await.unwrap();
    let r = t.post(&format!("{path}/submit"), &token, json!({})).await;
    assert_eq!(r.status(), 422);
    assert_eq!(fields_of(&problem(r).await), ["values.site"]);
    assert!(
        body(t.get("/portal/tickets", &token).await).await["items"]
            .as_array()
            .unwrap()
            .is_empty(),
        "no ticket was raised"
    );
}

#[tokio::test]
async fn control_characters_in_choice_options_are_refused() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let template = datasheets::template(&t, "Control survey").await;
    let fields_of = |p: &Value| {
        p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let mut template_body = json!({ "name": "Options", "description": null, "layout_html": null, "fields": [
        { "key": "colour", "label": "Colour", "type": "single_choice", "options": ["red", "a\u{0000}b"], "required": false, "help": null },
        { "key": "extras", "label": "Extras", "type": "multiple_choice", "options": ["\u{001b}[2J", "none"], "required": false, "help": null }
    ] });
    let r = t
        .post("/admin/datasheet-templates", &staff, template_body.clone())
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(
        fields_of(&problem(r).await),
        ["fields[0].options[1]", "fields[1].options[0]"]
    );
    template_body["name"] = json!("Control survey");
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/datasheet-templates/{template}"),
            Some(&staff),
        )
        .header("If-Match", "\"1\"")
        .json(&template_body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert_eq!(
        fields_of(&problem(r).await),
        ["fields[0].options[1]", "fields[1].options[0]"]
    );
    assert_eq!(
        body(t.get(&format!("/admin/datasheet-templates/{template}"), &staff).await).await["version"],
        1,
        "the template is unchanged"
    );
}
