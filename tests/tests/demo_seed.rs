//! The demo seed: every portal module has something for alice.acme, Dan (Globex) sees only Globex's,
//! and a second run changes nothing at all.

use e2e::TestStack;
use localstack::{
    cognito,
    seed::{self, articles, datasheets, documents, news, tickets},
};
use serde_json::Value;

async fn token(t: &TestStack, username: &str) -> String {
    cognito::sign_in(
        t.ctx.clients.cognito(),
        &t.stack.portal,
        username,
        seed::DEMO_PASSWORD,
        cognito::EMULATOR_TOTP_SECRET,
    )
    .await
    .expect("sign in")
    .id_token
}

async fn get(t: &TestStack, path: &str, token: &str) -> Value {
    let r = t.get(path, token).await;
    assert_eq!(r.status(), 200, "GET {path}");
    r.json().await.expect("json")
}

fn items(v: &Value) -> Vec<Value> {
    v["items"].as_array().cloned().unwrap_or_default()
}

fn strings(list: &[Value], field: &str) -> Vec<String> {
    list.iter()
        .map(|v| v[field].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The documents of a folder tree with their folder paths.
fn walk(folder: &Value, out: &mut Vec<(String, Value)>) {
    for d in folder["documents"].as_array().into_iter().flatten() {
        out.push((folder["path"].as_str().unwrap_or_default().to_owned(), d.clone()));
    }
    for f in folder["folders"].as_array().into_iter().flatten() {
        walk(f, out);
    }
}

#[tokio::test]
async fn the_demo_fills_every_module_for_alice_and_seeding_again_changes_nothing() {
    let t = TestStack::start().await;
    seed::seed(&t.ctx, &t.stack).await.expect("seed");
    let first = t.snapshot().await;
    seed::seed(&t.ctx, &t.stack).await.expect("seed again");
    let second = t.snapshot().await;
    let changed: Vec<_> = first
        .keys()
        .chain(second.keys())
        .filter(|k| first.get(*k) != second.get(*k))
        .collect();
    assert!(changed.is_empty(), "a second seed changed or added {changed:?}");
    assert!(
        first.len() > 100,
        "the demo is more than a handful of items: {}",
        first.len()
    );

    let alice = token(&t, "alice.acme").await;
    let dan = token(&t, "dan.globex").await;

    // The renewal notice, and every module on for Acme (the dashboard included).
    let me = get(&t, "/portal/me", &alice).await;
    let days_left = me["renewal_notice"]["days_left"].as_i64().expect("a renewal notice");
    assert!((0..=60).contains(&days_left), "{days_left}");
    assert_eq!(
        me["modules"].as_array().map(Vec::len),
        Some(shared::modules::Module::ALL.len()),
        "{}",
        me["modules"]
    );
    assert!(
        get(&t, "/portal/me", &dan).await["renewal_notice"].is_null(),
        "Globex's contract is not ending"
    );

    // Tickets: open and closed, Alice's and Bob's, a conversation without the internal note.
    let open = items(&get(&t, "/portal/tickets?status=open&limit=100", &alice).await);
    let closed = items(&get(&t, "/portal/tickets?status=closed&limit=100", &alice).await);
    assert!(
        open.len() >= 5 && closed.len() >= 20,
        "{} open, {} closed",
        open.len(),
        closed.len()
    );
    let contacts = strings(&[open.clone(), closed.clone()].concat(), "contact");
    for who in ["Alice Archer", "Bob Baker"] {
        assert!(contacts.iter().any(|c| c == who), "{who} among {contacts:?}");
    }
    let subjects = strings(&[open.clone(), closed.clone()].concat(), "subject");
    assert!(
        !subjects.iter().any(|s| s == tickets::HIDDEN_SUBJECT),
        "a ticket staff keep out of the portal"
    );
    assert!(
        !subjects.iter().any(|s| s == tickets::CONFIDENTIAL_SUBJECT),
        "Bob's confidential ticket, though Alice sees all of Acme's"
    );
    let aircon = open
        .iter()
        .find(|t| t["subject"] == "Air conditioning not cooling in the server room")
        .expect("the featured ticket");
    let detail = get(
        &t,
        &format!("/portal/tickets/{}", aircon["id"].as_str().unwrap_or_default()),
        &alice,
    )
    .await;
    let kinds = strings(detail["conversation"].as_array().expect("conversation"), "kind");
    for kind in ["contact", "public", "email"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    assert!(!kinds.iter().any(|k| k == "internal"));
    assert_eq!(
        detail["sla"]["response"]["state"], "met",
        "answered within the urgent hour"
    );
    assert!(detail["sla"]["resolution"]["due"].is_string());
    assert!(
        !detail.to_string().contains("INTERNAL"),
        "the internal note never shows: {detail}"
    );
    let numbers: Vec<u64> = closed.iter().filter_map(|t| t["number"].as_u64()).collect();
    assert!(
        numbers.windows(2).all(|w| w[0] > w[1]),
        "newest first, numbered in date order: {numbers:?}"
    );

    // The dashboard: twelve months, each with tickets opened, and resolution times for every priority.
    let dashboard = get(&t, "/portal/reports/tickets", &alice).await;
    let months = dashboard["months"].as_array().expect("months");
    assert_eq!(months.len(), 12);
    assert!(months.iter().all(|m| m["opened"].as_i64() > Some(0)), "{months:?}");
    assert!(
        months.iter().filter(|m| m["closed"].as_i64() > Some(0)).count() >= 11,
        "{months:?}"
    );
    assert!(!dashboard["open"].as_array().expect("open").is_empty());
    assert!(
        dashboard["mean_resolution_hours"]
            .as_array()
            .expect("resolution")
            .iter()
            .all(|r| r["mean_hours"].as_f64().is_some_and(|h| h > 0.0)),
        "{dashboard}"
    );
    // Ratings on about half the closed tickets, 3 to 5.
    let satisfaction = &dashboard["satisfaction"];
    assert!(satisfaction["ratings"].as_i64().unwrap_or(0) > 0, "{dashboard}");
    assert!(
        satisfaction["average"]
            .as_f64()
            .is_some_and(|a| (3.0..=5.0).contains(&a)),
        "{dashboard}"
    );

    // Jobs and workflows (the inactive ones absent), with every task colour.
    let jobs = items(&get(&t, "/portal/jobs?limit=100", &alice).await);
    let jobs: Vec<Value> = jobs.into_iter().filter(|j| j["field"].is_null()).collect();
    assert_eq!(
        strings(&jobs, "reference"),
        ["J-24058", "J-24052", "J-24044", "J-24031", "J-24017"]
    );
    let job = get(
        &t,
        &format!("/portal/jobs/{}", jobs[1]["id"].as_str().unwrap_or_default()),
        &alice,
    )
    .await;
    assert_eq!(job["technicians"].as_array().map(Vec::len), Some(2));
    let workflows = items(&get(&t, "/portal/workflows", &alice).await);
    let types = strings(&workflows, "workflow_type");
    assert_eq!(
        types,
        [
            "New site onboarding: Riverside Depot",
            "Annual contract renewal",
            "Asbestos survey follow-up"
        ]
    );
    let colours: Vec<String> = workflows
        .iter()
        .flat_map(|w| strings(w["tasks"].as_array().expect("tasks"), "colour"))
        .collect();
    for c in ["green", "amber", "red", "grey"] {
        assert!(colours.iter().any(|x| x == c), "{c} in {colours:?}");
    }

    // Two templates, one with a layout, and Alice's draft.
    let templates = get(&t, "/portal/datasheets/templates", &alice).await;
    assert_eq!(
        strings(templates.as_array().expect("templates"), "name"),
        [datasheets::INSPECTION, datasheets::SITE_ACCESS]
    );
    let sheets = items(&get(&t, "/portal/datasheets", &alice).await);
    assert_eq!(sheets.len(), 1);
    assert_eq!(
        (sheets[0]["status"].as_str(), sheets[0]["template_name"].as_str()),
        (Some("draft"), Some(datasheets::INSPECTION))
    );
    let sheet = get(
        &t,
        &format!("/portal/datasheets/{}", sheets[0]["id"].as_str().unwrap_or_default()),
        &alice,
    )
    .await;
    assert!(sheet["template"]["layout_html"]
        .as_str()
        .is_some_and(|l| l.contains("{{ asset_tag }}")));
    assert_eq!(sheet["sheet"]["values"]["asset_tag"], "AC-GEN-004");

    // Documents in nested folders; the hidden one absent; a link returns the PDF's bytes.
    let tree = get(&t, "/portal/documents", &alice).await;
    let mut docs = Vec::new();
    walk(&tree, &mut docs);
    let placed: Vec<(String, String)> = docs
        .iter()
        .map(|(p, d)| (p.clone(), d["name"].as_str().unwrap_or_default().to_owned()))
        .collect();
    assert_eq!(
        placed,
        [
            ("Certificates".to_owned(), "Fire safety certificate.png".to_owned()),
            ("Contracts/2026".to_owned(), documents::AGREEMENT.to_owned()),
            ("Reports/Monthly".to_owned(), "Maintenance log.csv".to_owned()),
            ("Sites/Acme House".to_owned(), "Fire risk assessment.pdf".to_owned()),
        ]
    );
    let (_, pdf) = docs
        .iter()
        .find(|(_, d)| d["name"] == documents::AGREEMENT)
        .expect("the agreement");
    let link = get(
        &t,
        &format!("/portal/documents/{}/link", pdf["id"].as_str().unwrap_or_default()),
        &alice,
    )
    .await;
    let fetched = t
        .http
        .get(link["url"].as_str().expect("url"))
        .send()
        .await
        .expect("S3 answers");
    assert_eq!(fetched.headers()["content-type"], "application/pdf");
    let bytes = fetched.bytes().await.expect("bytes").to_vec();
    let expected = documents::documents()
        .into_iter()
        .find(|d| d.name == documents::AGREEMENT)
        .expect("demo document")
        .bytes;
    assert!(bytes.starts_with(b"%PDF-") && bytes == expected);

    // News: three for Alice, none of them Globex's; Dan sees Globex's item.
    let alice_news = get(&t, "/portal/news", &alice).await;
    let alice_titles = strings(alice_news.as_array().expect("news"), "title");
    assert_eq!(alice_titles.len(), 3, "{alice_titles:?}");
    assert!(!alice_titles.iter().any(|n| n == news::GLOBEX_ONLY));
    let dan_news = get(&t, "/portal/news", &dan).await;
    assert!(strings(dan_news.as_array().expect("news"), "title")
        .iter()
        .any(|n| n == news::GLOBEX_ONLY));

    // The knowledge base: Alice sees everyone's and Acme's published articles, never Globex's or a draft.
    let alice_articles = strings(&items(&get(&t, "/portal/articles?limit=100", &alice).await), "title");
    assert_eq!(alice_articles.len(), 5, "{alice_articles:?}");
    assert!(alice_articles.iter().any(|a| a == "Acme House: out-of-hours access"));
    assert!(!alice_articles
        .iter()
        .any(|a| a == articles::GLOBEX_ARTICLE || a == articles::DRAFT_ARTICLE));
    let dan_articles = strings(&items(&get(&t, "/portal/articles?limit=100", &dan).await), "title");
    assert!(dan_articles.iter().any(|a| a == articles::GLOBEX_ARTICLE));
    assert!(!dan_articles.iter().any(|a| a.starts_with("Acme")));

    // Dan has tickets and a document of Globex's own, and never Acme's.
    let dan_tickets = [
        items(&get(&t, "/portal/tickets?status=open", &dan).await),
        items(&get(&t, "/portal/tickets?status=closed", &dan).await),
    ]
    .concat();
    assert_eq!(dan_tickets.len(), 2);
    assert!(dan_tickets.iter().all(|t| t["contact"] == "Dan Diaz"));
    let mut dan_docs = Vec::new();
    walk(&get(&t, "/portal/documents", &dan).await, &mut dan_docs);
    assert_eq!(
        dan_docs.iter().map(|(_, d)| d["name"].clone()).collect::<Vec<_>>(),
        ["Globex support contract.pdf"]
    );
    assert_eq!(
        t.get(
            &format!("/portal/tickets/{}", aircon["id"].as_str().unwrap_or_default()),
            &dan
        )
        .await
        .status(),
        404
    );
    assert_eq!(
        t.get(
            &format!("/portal/documents/{}/link", pdf["id"].as_str().unwrap_or_default()),
            &dan
        )
        .await
        .status(),
        404
    );
    assert!(items(&get(&t, "/portal/jobs", &dan).await)
        .iter()
        .all(|j| j["reference"] == "G-1107"));

    // Search finds the demo's field records for each company, and never the other's.
    let found = get(&t, "/portal/search?q=globex", &alice).await;
    assert_eq!(items(&found), Vec::<Value>::new(), "Globex's sites are not Alice's");
    let found = items(&get(&t, "/portal/search?q=acme+house", &alice).await);
    assert_eq!(found[0]["title"], "Acme House");
    let kinds = strings(&items(&get(&t, "/portal/search?q=ext&limit=50", &alice).await), "kind");
    assert!(kinds.iter().any(|k| k == "asset"), "the extinguishers: {kinds:?}");
    let found = items(&get(&t, "/portal/search?q=globex", &dan).await);
    let titles = strings(&found, "title");
    assert!(titles.iter().any(|t| t == "Globex Tower"), "{titles:?}");
    // ... and the help articles, tickets and documents each one's lists show: never Bob's confidential
    // ticket to Alice (who holds the see-all grant), nor Globex's article to her.
    let found = items(&get(&t, "/portal/search?q=boiler&kind=article", &alice).await);
    assert_eq!(strings(&found, "title"), ["Resetting a tripped boiler"]);
    let found = items(&get(&t, "/portal/search?q=vpn", &alice).await);
    assert_eq!(found, Vec::<Value>::new(), "Globex's article is not Alice's");
    let found = items(&get(&t, "/portal/search?q=vpn", &dan).await);
    assert_eq!(
        strings(&found, "title"),
        ["VPN drops every afternoon", articles::GLOBEX_ARTICLE]
    );
    assert_eq!(strings(&found, "kind"), ["ticket", "article"]);
    let found = items(&get(&t, "/portal/search?q=workstation+assessment", &alice).await);
    assert_eq!(found, Vec::<Value>::new(), "Bob's confidential ticket");
    let found = items(&get(&t, "/portal/search?q=leak+sink", &alice).await);
    assert_eq!(
        strings(&found, "title"),
        ["Water leak under the kitchen sink, 2nd floor"]
    );

    // The monthly activity report: last month's has Acme's invoices and routine work on Acme's sites, and
    // nothing of Globex's; its PDF is a link.
    let today = time::OffsetDateTime::now_utc().date();
    let last = today.replace_day(1).unwrap() - time::Duration::days(1);
    let month = format!("{:04}-{:02}", last.year(), u8::from(last.month()));
    let report = get(&t, &format!("/portal/reports/activity?month={month}"), &alice).await;
    assert_eq!(report["empty"], false, "{report}");
    let sections = strings(report["sections"].as_array().unwrap(), "key");
    assert!(
        sections.iter().any(|k| k == "invoices") && sections.iter().any(|k| k == "routine"),
        "{sections:?}"
    );
    assert!(
        !report["sites"].as_array().unwrap().is_empty(),
        "a row per site with activity"
    );
    assert!(!report.to_string().contains("Globex"), "{report}");
    let link = get(&t, &format!("/portal/reports/activity/pdf?month={month}"), &alice).await;
    assert!(link["url"].as_str().unwrap().contains("reports/activity/"), "{link}");

    // Sites: Acme's dozen with pins of every colour but none left unpublished; Globex's two for Dan.
    let sites = items(&get(&t, "/portal/sites?limit=100", &alice).await);
    assert_eq!(sites.len(), 12);
    let worst = strings(
        &sites.iter().map(|s| s["attention"].clone()).collect::<Vec<_>>(),
        "worst_severity",
    );
    for severity in ["critical", "non_critical", "non_conformance"] {
        assert!(worst.iter().any(|w| w == severity), "{severity} among {worst:?}");
    }
    let map = get(&t, "/portal/sites/map", &alice).await;
    assert_eq!(map["features"].as_array().map(Vec::len), Some(12));
    let summary = get(&t, "/portal/defects/summary", &alice).await;
    assert!(summary["open_by_severity"]["critical"].as_i64() >= Some(2), "{summary}");
    assert!(
        summary["assets_by_type"].as_array().is_some_and(|a| a.len() >= 5),
        "{summary}"
    );
    let open = items(&get(&t, "/portal/defects?limit=100", &alice).await);
    assert!(
        !open.iter().any(|d| d["description"] == "Fire door glazing cracked"),
        "an unpublished defect never shows"
    );
    let house = sites.iter().find(|s| s["name"] == "Acme House").expect("Acme House");
    let filed = get(
        &t,
        &format!("/portal/sites/{}/documents", house["id"].as_str().unwrap_or_default()),
        &alice,
    )
    .await;
    assert_eq!(
        strings(filed.as_array().expect("documents"), "name"),
        ["Fire risk assessment.pdf"]
    );
    let dan_sites = items(&get(&t, "/portal/sites", &dan).await);
    assert_eq!(strings(&dan_sites, "name"), ["Globex Data Centre", "Globex Tower"]);

    // Quotes in every state but the draft, invoices overdue, due, paid and void; Globex's own for Dan.
    let mut states = Vec::new();
    for status in ["sent", "authorised", "declined"] {
        let listed = items(&get(&t, &format!("/portal/quotes?status={status}"), &alice).await);
        states.extend(strings(&listed, "status"));
        assert!(
            !strings(&listed, "number").contains(&"Q-1006".to_owned()),
            "the draft never shows"
        );
    }
    states.sort();
    assert_eq!(states, ["authorised", "declined", "expired", "sent", "sent"]);
    let unpaid = items(&get(&t, "/portal/invoices", &alice).await);
    assert_eq!(strings(&unpaid, "number"), ["INV-1111", "INV-1112", "INV-1113"]);
    assert_eq!(
        unpaid.iter().map(|i| i["overdue"].as_bool()).collect::<Vec<_>>(),
        [Some(true), Some(true), Some(false)]
    );
    let activity = get(&t, "/portal/activity", &alice).await;
    assert_eq!(
        (
            activity["quotes_awaiting"].as_i64(),
            activity["invoices_overdue"].as_i64()
        ),
        (Some(2), Some(2))
    );
    let spend = get(&t, "/portal/spend", &alice).await;
    let months_spent = spend["months"].as_array().map_or(0, |m| {
        m.iter().filter(|m| m["amounts"]["GBP"].as_i64() > Some(0)).count()
    });
    assert!(months_spent >= 10, "a year of spend: {spend}");
    assert_eq!(
        strings(&items(&get(&t, "/portal/quotes", &dan).await), "number"),
        ["Q-2001"]
    );
    assert_eq!(
        strings(&items(&get(&t, "/portal/invoices", &dan).await), "number"),
        ["INV-2001"]
    );

    // A year of routine work with every outcome, and service calls in every stage.
    let mut outcomes = std::collections::BTreeSet::new();
    let this_year = time::OffsetDateTime::now_utc().year();
    for year in [this_year - 1, this_year] {
        let panel = get(&t, &format!("/portal/routine/summary?year={year}"), &alice).await;
        for m in panel["months"].as_array().into_iter().flatten() {
            for (outcome, n) in m["by_outcome"].as_object().into_iter().flatten() {
                if n.as_i64() > Some(0) {
                    outcomes.insert(outcome.clone());
                }
            }
        }
    }
    assert_eq!(outcomes.len(), 5, "every outcome: {outcomes:?}");
    let calls = get(&t, "/portal/service-calls/summary", &alice).await;
    let mut stages = std::collections::BTreeSet::new();
    for m in calls["months"].as_array().into_iter().flatten() {
        for (stage, n) in m["by_stage"].as_object().into_iter().flatten() {
            if n.as_i64() > Some(0) {
                stages.insert(stage.clone());
            }
        }
    }
    assert_eq!(stages.len(), 5, "every stage: {stages:?}");

    // Alice's client group: Acme and, through its regional group, Acme Northern; never Globex.
    let group = get(&t, "/portal/group", &alice).await;
    let members = group["customers"].as_array().cloned().unwrap_or_default();
    assert_eq!(strings(&members, "name"), ["Acme Facilities Ltd", "Acme Northern Ltd"]);
    let northern = members[1]["id"].as_str().unwrap_or_default().to_owned();
    let r = t
        .request(reqwest::Method::GET, "/portal/sites", Some(&alice))
        .header("x-portal-customer", &northern)
        .send()
        .await
        .expect("gateway");
    let sites: Value = r.json().await.expect("json");
    assert_eq!(strings(&items(&sites), "name"), ["Leeds Office", "Northern Depot"]);
    let globex = t
        .request(reqwest::Method::GET, "/portal/sites", Some(&alice))
        .header("x-portal-customer", localstack::seed::demo_id("GX"))
        .send()
        .await
        .expect("gateway");
    assert_eq!(globex.status(), 404, "Globex is outside Alice's group");
}
