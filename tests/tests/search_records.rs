//! Search across tickets, documents, data sheets and knowledge base articles: each is found exactly where
//! its list shows it. Never a ticket the contact may not see (a colleague's without the grant, a
//! confidential one, one kept out of the portal), never an internal note, an unshared document, a draft
//! article or another customer's record; and a change is found the moment it commits.

use e2e::{datasheets, documents::shared_document, problem, TestStack};
use reqwest::Method;
use serde_json::{json, Value};

async fn body(r: reqwest::Response) -> Value {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v
}

async fn put(t: &TestStack, path: &str, token: &str, version: Option<u64>, json: Value) -> Value {
    body(t.send(Method::PUT, path, token, version, Some(json)).await).await
}

/// What a search finds, as `kind:title`, best first.
async fn found(t: &TestStack, token: &str, q: &str) -> Vec<String> {
    let page = body(t.get(&format!("/portal/search?q={q}&limit=50"), token).await).await;
    assert_eq!(page["partial"], false, "{q}");
    let mut out: Vec<String> = page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| format!("{}:{}", i["kind"].as_str().unwrap(), i["title"].as_str().unwrap()))
        .collect();
    out.sort();
    out
}

async fn raise(t: &TestStack, token: &str, subject: &str, description: &str, confidential: bool) -> Value {
    body(
        t.post(
            "/portal/tickets",
            token,
            json!({ "subject": subject, "description": description, "type": "incident", "priority": "normal",
                    "confidential": confidential }),
        )
        .await,
    )
    .await
}

#[tokio::test]
async fn tickets_are_found_only_by_those_their_lists_show_them_to_and_never_by_a_note() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, alice, alice_token) = t.customer_with_portal_contact("Quarry Ltd").await;
    let (_, _, stranger) = t.customer_with_portal_contact("Elsewhere Ltd").await;
    let cid = customer["id"].as_str().unwrap();
    let bob = t.create_contact(cid, "Bob", "Quarry").await;
    let bob_id = bob["id"].as_str().unwrap();
    let bob_token = t.contact_token(cid, bob_id).await;
    put(
        &t,
        &format!("/admin/contacts/{bob_id}/ticket-visibility"),
        &staff,
        None,
        json!({ "see_all_tickets": true }),
    )
    .await;

    let pump = raise(
        &t,
        &alice_token,
        "Flooded basement pump",
        "Water rising near the sump",
        false,
    )
    .await;
    raise(
        &t,
        &alice_token,
        "Flooded payroll office",
        "Please keep this between us",
        true,
    )
    .await;
    raise(&t, &bob_token, "Flooded car park", "Drain blocked", false).await;
    raise(&t, &stranger, "Flooded warehouse", "Elsewhere's flood", false).await;
    let hidden = body(
        t.post(
            &format!("/admin/customers/{cid}/tickets"),
            &staff,
            json!({ "subject": "Flooded server room", "description": "Staff only", "type": "incident",
                    "priority": "high", "visible_in_portal": false }),
        )
        .await,
    )
    .await;
    assert_eq!(hidden["visible_in_portal"], false);
    let pump_id = pump["id"].as_str().unwrap();
    let admin = format!("/admin/customers/{cid}/tickets/{pump_id}");
    let note = |body: &str, internal: bool| json!({ "body": body, "internal": internal });
    assert_eq!(
        t.post(
            &format!("{admin}/notes"),
            &staff,
            note("Zebracrossing slow payer", true)
        )
        .await
        .status(),
        201
    );
    assert_eq!(
        t.post(&format!("{admin}/notes"), &staff, note("Zebracrossing booked", false))
            .await
            .status(),
        201
    );

    // Alice: her own two, the confidential one included; not Bob's (she has no grant), not the hidden one.
    assert_eq!(
        found(&t, &alice_token, "flood").await,
        ["ticket:Flooded basement pump", "ticket:Flooded payroll office"]
    );
    // Bob, with the grant: the company's, but never Alice's confidential one.
    assert_eq!(
        found(&t, &bob_token, "flooded").await,
        ["ticket:Flooded basement pump", "ticket:Flooded car park"]
    );
    assert_eq!(found(&t, &stranger, "flooded").await, ["ticket:Flooded warehouse"]);
    // The description and the number find it; a note, internal or public, never does.
    assert_eq!(
        found(&t, &alice_token, "sum+wat").await,
        ["ticket:Flooded basement pump"]
    );
    let number = pump["number"].as_u64().unwrap();
    assert_eq!(
        found(&t, &alice_token, &number.to_string()).await,
        ["ticket:Flooded basement pump"]
    );
    for who in [&alice_token, &bob_token] {
        assert_eq!(found(&t, who, "zebracrossing").await, Vec::<String>::new());
        assert_eq!(found(&t, who, "server").await, Vec::<String>::new());
    }
    assert_eq!(
        found(&t, &alice_token, "flood&kind=document").await,
        Vec::<String>::new()
    );

    // Changes show at once: the raiser renames it, then makes it confidential; staff show the hidden one.
    let edited = put(
        &t,
        &format!("/portal/tickets/{pump_id}"),
        &alice_token,
        None,
        json!({ "subject": "Leaking basement pump", "description": "Water rising near the sump" }),
    )
    .await;
    assert_eq!(edited["subject"], "Leaking basement pump");
    assert_eq!(
        found(&t, &alice_token, "flooded").await,
        ["ticket:Flooded payroll office"]
    );
    assert_eq!(found(&t, &bob_token, "leak").await, ["ticket:Leaking basement pump"]);
    put(
        &t,
        &format!("/portal/tickets/{pump_id}/confidentiality"),
        &alice_token,
        None,
        json!({ "confidential": true }),
    )
    .await;
    assert_eq!(found(&t, &bob_token, "leak").await, Vec::<String>::new());
    assert_eq!(found(&t, &alice_token, "leak").await, ["ticket:Leaking basement pump"]);

    let hid = hidden["id"].as_str().unwrap();
    let shown = json!({ "subject": "Flooded server room", "description": "Staff only", "type": "incident",
                        "priority": "high", "visible_in_portal": true, "contact_id": alice["id"] });
    put(
        &t,
        &format!("/admin/customers/{cid}/tickets/{hid}"),
        &staff,
        Some(hidden["version"].as_u64().unwrap()),
        shown,
    )
    .await;
    assert_eq!(found(&t, &bob_token, "server").await, ["ticket:Flooded server room"]);
    assert_eq!(
        found(&t, &alice_token, "server").await,
        Vec::<String>::new(),
        "raised by staff: Alice has no grant"
    );
}

#[tokio::test]
async fn documents_sheets_and_articles_are_found_as_their_lists_show_them() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, _, alice) = t.customer_with_portal_contact("Granite Ltd").await;
    let (other, _, stranger) = t.customer_with_portal_contact("Basalt Ltd").await;
    let (cid, oid) = (customer["id"].as_str().unwrap(), other["id"].as_str().unwrap());
    let bob = t.create_contact(cid, "Bob", "Granite").await;
    let bob_token = t.contact_token(cid, bob["id"].as_str().unwrap()).await;
    // A word only this test's template and articles hold.
    let tag = format!("kb{}", shared::ids::new_id().to_lowercase());

    // Documents: the shared one, never the one still unshared, nor another customer's.
    let warranty = shared_document(&t, cid, "Crusher warranty.pdf", "application/pdf", b"%PDF-1.4 w").await;
    shared_document(&t, oid, "Crusher warranty Basalt.pdf", "application/pdf", b"%PDF-1.4 b").await;
    let r = t
        .post(
            &format!("/admin/customers/{cid}/documents"),
            &staff,
            json!({ "folder": "Private", "name": "Crusher valuation.pdf", "content_type": "application/pdf", "size": 10 }),
        )
        .await;
    assert_eq!(r.status(), 201);
    assert_eq!(found(&t, &alice, "crusher").await, ["document:Crusher warranty.pdf"]);
    assert_eq!(
        found(&t, &stranger, "crusher").await,
        ["document:Crusher warranty Basalt.pdf"]
    );
    put(
        &t,
        &format!("/admin/customers/{cid}/documents/{warranty}/visibility"),
        &staff,
        None,
        json!({ "visible_in_portal": false }),
    )
    .await;
    assert_eq!(
        found(&t, &alice, "crusher").await,
        Vec::<String>::new(),
        "hidden again: gone at once"
    );

    // Data sheets: the company's, found by their answers as soon as they are saved.
    let template = datasheets::template(&t, &format!("Quarry survey {tag}")).await;
    let sheet = datasheets::draft(&t, cid, &template, &alice).await;
    assert_eq!(
        found(&t, &bob_token, &tag).await,
        [format!("data_sheet:Quarry survey {tag}")]
    );
    put(
        &t,
        &format!("/portal/datasheets/{sheet}"),
        &alice,
        Some(1),
        json!({ "values": { "site": "Northface pit", "floors": 2, "parking": true } }),
    )
    .await;
    assert_eq!(
        found(&t, &bob_token, "northface").await,
        [format!("data_sheet:Quarry survey {tag}")]
    );
    assert_eq!(found(&t, &stranger, "northface").await, Vec::<String>::new());

    // Articles: published ones for everyone or the company, never a draft or another customer's.
    let article = |title: &str, status: &str, audience: Value| {
        json!({ "title": title, "category": "Quarrying", "status": status, "audience": audience,
                "body": format!("Grease the **impeller** yearly. {tag}") })
    };
    let everyone = json!({ "kind": "all" });
    for a in [
        article("Conveyor care", "published", everyone.clone()),
        article("Conveyor recall", "draft", everyone.clone()),
        article(
            "Conveyor for Granite",
            "published",
            json!({ "kind": "customers", "customer_ids": [cid] }),
        ),
        article(
            "Conveyor for Basalt",
            "published",
            json!({ "kind": "customers", "customer_ids": [oid] }),
        ),
    ] {
        assert_eq!(t.post("/admin/articles", &staff, a).await.status(), 201);
    }
    let mine = ["article:Conveyor care", "article:Conveyor for Granite"];
    assert_eq!(found(&t, &alice, &format!("conv+{tag}")).await, mine);
    assert_eq!(
        found(&t, &alice, &format!("impel+{tag}")).await,
        mine,
        "the body's words, as prefixes"
    );
    assert_eq!(
        found(&t, &stranger, &format!("{tag}+conveyor")).await,
        ["article:Conveyor care", "article:Conveyor for Basalt"]
    );
    assert_eq!(found(&t, &alice, &format!("{tag}&kind=article")).await, mine);
    assert_eq!(found(&t, &alice, &format!("{tag}+recall")).await, Vec::<String>::new());
    // Each kind only while its module is on.
    let modules = json!({ "modules": ["main_info", "search", "documents"] });
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/customers/{cid}/portal-modules"),
            Some(&staff),
        )
        .json(&modules);
    assert!(r.send().await.unwrap().status().is_success());
    assert_eq!(found(&t, &alice, &tag).await, Vec::<String>::new());

    let bad = t.get("/portal/search?q=x&kind=articles", &alice).await;
    assert_eq!(bad.status(), 400);
    assert!(problem(bad).await.to_string().contains("kind"));
}

#[tokio::test]
async fn a_reindex_adds_the_postings_records_lack_and_removes_those_no_record_has() {
    let t = TestStack::start().await;
    let (customer, _, token) = t.customer_with_portal_contact("Reindex Co").await;
    let cid = customer["id"].as_str().unwrap();
    let raised = raise(&t, &token, "Boiler pressure low", "Gauge reads 0.5 bar.", false).await;
    let ticket = t
        .ctx
        .table
        .ticket(cid, raised["id"].as_str().unwrap())
        .await
        .unwrap()
        .expect("the ticket");
    // A ticket written before search existed (no postings), and postings of a ticket that is gone.
    let legacy = shared::table::tickets::Ticket {
        id: shared::ids::new_id(),
        number: ticket.number + 1000,
        subject: "Legacy chiller fault".into(),
        subject_search: "legacy chiller fault".into(),
        ..ticket.clone()
    };
    t.ctx.table.put(&legacy).await.unwrap();
    let phantom = shared::table::tickets::Ticket {
        id: shared::ids::new_id(),
        subject: "Phantom generator".into(),
        ..ticket.clone()
    };
    t.ctx
        .table
        .put_many(&shared::table::search::postings(&phantom))
        .await
        .unwrap();
    assert!(found(&t, &token, "chiller").await.is_empty());
    assert_eq!(found(&t, &token, "phantom").await.len(), 1);

    let report = scheduler::handle(&t.ctx, &json!({ "job": "reindex-search" }))
        .await
        .unwrap();
    assert_eq!(report.reindexed, 1);
    let chiller = found(&t, &token, "chiller").await;
    assert!(
        chiller.len() == 1 && chiller[0].contains("Legacy chiller fault"),
        "{chiller:?}"
    );
    assert!(found(&t, &token, "phantom").await.is_empty());
    assert_eq!(found(&t, &token, "boiler").await.len(), 1, "what was right stays");

    // A second run finds nothing to do.
    let again = t.ctx.table.reindex_search(cid).await.unwrap();
    assert_eq!((again.records, again.written, again.removed), (2, 0, 0));
}
