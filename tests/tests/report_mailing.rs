//! The monthly report by email: subscribing and unsubscribing, the mailing the scheduler runs on the
//! first of each month (each subscriber once per month, even when two runs race or SES fails in
//! between), and the link the email carries (behind sign-in, the recipient's only, expiring).

use e2e::{emails_to, problem, TestStack};
use reqwest::Method;
use serde_json::{json, Value};
use shared::{months, outbox::OutboxItem, pagination::PageParams, table::report_mail::MailedReportLink};
use time::OffsetDateTime;

async fn subscribe(t: &TestStack, token: &str, on: bool) -> Value {
    let r = t
        .request(Method::PUT, "/portal/reports/subscription", Some(token))
        .json(&json!({ "subscribed": on }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

/// The link in the report emails sent to `to` for `month`.
async fn mailed_links(to: &str, month: &str) -> Vec<String> {
    let subject = format!("activity report for {}", months::name(month));
    emails_to(to)
        .await
        .into_iter()
        .filter(|(s, _)| s.contains(&subject))
        .map(|(_, body)| {
            // The HTML part escapes `/` as `&#x2f;`.
            let at = body.find("mailed").unwrap_or_else(|| panic!("a link in {body}")) + "mailed".len();
            let rest = &body[at..];
            let rest = rest
                .strip_prefix('/')
                .or_else(|| rest.strip_prefix("&#x2f;"))
                .expect("the link's id");
            rest[..43].to_owned()
        })
        .collect()
}

#[tokio::test]
async fn subscribers_get_each_month_once_through_a_link_that_grants_nothing() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let mine = t.create_customer("Mailing Co").await;
    let other = t.create_customer("Elsewhere Ltd").await;
    let off = t.create_customer("Reports Off plc").await;
    let (mid, oid, fid) = (
        mine["id"].as_str().unwrap(),
        other["id"].as_str().unwrap(),
        off["id"].as_str().unwrap(),
    );
    let (ann, ann_t) = t.activated_contact(mid, "Ann", "Reader", "ann.reader").await;
    let (bob, bob_t) = t.activated_contact(mid, "Bob", "Quitter", "bob.quitter").await;
    let (cat, cat_t) = t.activated_contact(mid, "Cat", "Never", "cat.never").await;
    let (dan, dan_t) = t.activated_contact(oid, "Dan", "Other", "dan.other").await;
    let (eve, eve_t) = t.activated_contact(fid, "Eve", "Off", "eve.off").await;
    let token = |v: &Value| v["id_token"].as_str().unwrap().to_owned();
    let (ann_t, bob_t, cat_t, dan_t, eve_t) = (
        token(&ann_t),
        token(&bob_t),
        token(&cat_t),
        token(&dan_t),
        token(&eve_t),
    );

    // Subscribing is idempotent, unsubscribing too; the body is checked.
    let before: Value = t
        .get("/portal/reports/subscription", &ann_t)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(before["subscribed"], false);
    assert_eq!(before["email"], ann["email"]);
    let first = subscribe(&t, &ann_t, true).await;
    assert_eq!(first["subscribed"], true);
    assert_eq!(
        subscribe(&t, &ann_t, true).await["since"],
        first["since"],
        "subscribing twice keeps the first"
    );
    for tok in [&bob_t, &dan_t, &eve_t] {
        subscribe(&t, tok, true).await;
    }
    assert_eq!(subscribe(&t, &bob_t, false).await["subscribed"], false);
    assert_eq!(subscribe(&t, &bob_t, false).await["subscribed"], false);
    let r = t
        .request(Method::PUT, "/portal/reports/subscription", Some(&ann_t))
        .json(&json!({ "subscribed": "yes" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert_eq!(problem(r).await["errors"][0]["field"], "subscribed");
    // Eve's company turns the reports module off after she subscribed: she is not mailed.
    let r = t
        .request(
            Method::PUT,
            &format!("/admin/customers/{fid}/portal-modules"),
            Some(&staff),
        )
        .json(&json!({ "modules": ["main_info", "tickets"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(t.get("/portal/reports/subscription", &eve_t).await.status(), 404);

    // Two runs at once on the first of the month: Ann and Dan once each.
    let this_month = t.ctx.table.zone.month(OffsetDateTime::now_utc());
    let last_month = months::previous(&this_month).unwrap();
    let (a, b) = tokio::join!(
        scheduler::monthly_reports(&t.ctx, &this_month),
        scheduler::monthly_reports(&t.ctx, &this_month)
    );
    assert_eq!(
        a.unwrap().reports + b.unwrap().reports,
        2,
        "two subscribers who may read reports"
    );
    assert_eq!(
        scheduler::monthly_reports(&t.ctx, &this_month).await.unwrap().reports,
        0,
        "never again"
    );
    let links = mailed_links(ann["email"].as_str().unwrap(), &last_month).await;
    assert_eq!(links.len(), 1, "Ann's one email");
    assert_eq!(mailed_links(dan["email"].as_str().unwrap(), &last_month).await.len(), 1);
    for quiet in [&bob, &cat, &eve] {
        assert!(
            mailed_links(quiet["email"].as_str().unwrap(), &last_month)
                .await
                .is_empty(),
            "{}",
            quiet["email"]
        );
    }
    // The PDF was rendered once and stored under reports/.
    let bucket = shared::download::bucket(&t.ctx).unwrap();
    let stored = t
        .ctx
        .clients
        .s3()
        .list_objects_v2()
        .bucket(bucket)
        .prefix(format!("reports/activity/{mid}/{last_month}/"))
        .send()
        .await
        .unwrap();
    assert_eq!(stored.contents().len(), 1);

    // The link opens its month for Ann only, behind sign-in.
    let link = &links[0];
    let path = format!("/portal/reports/mailed/{link}");
    let r = t.get(&path, &ann_t).await;
    assert_eq!(r.status(), 200);
    let opened: Value = r.json().await.unwrap();
    assert_eq!(opened["month"], last_month.as_str());
    for (who, tok) in [("a colleague", &cat_t), ("another company's contact", &dan_t)] {
        assert_eq!(t.get(&path, tok).await.status(), 404, "{who}");
    }
    assert_eq!(t.request(Method::GET, &path, None).send().await.unwrap().status(), 401);
    assert_eq!(t.get("/portal/reports/mailed/not-a-link", &ann_t).await.status(), 404);
    // Once expired, it says so.
    let hash = shared::secrets::hash(link);
    let mut stored: MailedReportLink = t
        .ctx
        .table
        .get::<MailedReportLink>((mid, &hash))
        .await
        .unwrap()
        .unwrap();
    stored.expires_at = OffsetDateTime::now_utc() - time::Duration::minutes(1);
    t.ctx.table.put(&stored).await.unwrap();
    let r = t.get(&path, &ann_t).await;
    assert_eq!(r.status(), 410);
    assert!(problem(r).await["detail"].as_str().unwrap().contains("expired"));

    // SES failing in between: the month's emails wait in the outbox, a rerun queues nothing new, and
    // the drain sends each exactly once.
    let mut config = (*t.ctx.config).clone();
    config.sender_email = Some("portal@unverified.invalid".into());
    let broken = shared::Context::new(config, t.ctx.clients.clone());
    let earlier = months::previous(&last_month).unwrap();
    let failed = scheduler::monthly_reports(&broken, &last_month).await.unwrap();
    assert_eq!((failed.reports, failed.sent), (2, 0));
    assert_eq!(
        scheduler::monthly_reports(&broken, &last_month).await.unwrap().reports,
        0
    );
    assert!(mailed_links(ann["email"].as_str().unwrap(), &earlier).await.is_empty());
    let waiting = t
        .ctx
        .table
        .query_page::<OutboxItem>(
            &OutboxItem::waiting(),
            &PageParams {
                limit: Some(10),
                cursor: None,
            },
        )
        .await
        .unwrap();
    assert_eq!(waiting.items.len(), 2);
    assert_eq!(scheduler::drain_outbox(&t.ctx).await.unwrap().sent, 2);
    assert_eq!(scheduler::drain_outbox(&t.ctx).await.unwrap().sent, 0);
    assert_eq!(mailed_links(ann["email"].as_str().unwrap(), &earlier).await.len(), 1);
    assert_eq!(mailed_links(dan["email"].as_str().unwrap(), &earlier).await.len(), 1);
}
