//! Field service on jobs: routine work read by its tolerance, service calls by stage, each panel from
//! its counters and each number's list from an index, with the counters equal to a recount.

use e2e::{operations::job_body, problem, Lcg, TestStack};
use reqwest::Method;
use serde_json::{json, Value};
use shared::table::{
    counted::Counted,
    counters::{add, Counts},
    operations::{month_of, FieldWork, Job, JobKind, JobStage, JobStatus},
    sites::field_counts_key,
};
use time::{Duration, OffsetDateTime};

async fn body(r: reqwest::Response) -> Value {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v
}

fn field_job(reference: &str, field: Value) -> Value {
    let mut job = job_body(reference);
    job["field"] = field;
    job
}

#[tokio::test]
async fn routine_work_reads_by_tolerance_and_service_calls_by_stage() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let (customer, _, token) = t.customer_with_portal_contact("Serviced").await;
    let (other, _, stranger) = t.customer_with_portal_contact("Unserviced").await;
    let cid = customer["id"].as_str().unwrap();
    let sites = format!("/admin/customers/{cid}/sites");
    let site = body(t.post(&sites, &staff, json!({ "name": "Serviced House" })).await).await;
    let site = site["id"].as_str().unwrap().to_owned();
    let foreign_site = body(
        t.post(
            &format!("/admin/customers/{}/sites", other["id"].as_str().unwrap()),
            &staff,
            json!({ "name": "Elsewhere" }),
        )
        .await,
    )
    .await;
    let jobs = format!("/admin/customers/{cid}/jobs");
    let today = OffsetDateTime::now_utc().date();
    // Two months back, so its tolerance of 14 days has passed whatever today is.
    let back2 = month_of(today - Duration::days(62));
    let this = month_of(today);
    let routine = |due: &str, stage: &str, performed: Option<String>| {
        json!({ "site_id": site, "kind": "routine", "stage": stage, "due_month": due, "tolerance_days": 14,
                "logged_on": (today - Duration::days(120)).to_string(), "performed_on": performed })
    };
    let (first_of_back2, _) = shared::table::operations::month_bounds(&back2).unwrap();
    for (n, (due, stage, performed)) in [
        (back2.as_str(), "complete", Some(first_of_back2 + Duration::days(3))),
        (back2.as_str(), "complete", Some(first_of_back2 + Duration::days(40))),
        (back2.as_str(), "ready", None),
        (this.as_str(), "ready", None),
    ]
    .into_iter()
    .enumerate()
    {
        let r = t
            .post(
                &jobs,
                &staff,
                field_job(&format!("R-{n}"), routine(due, stage, performed.map(|d| d.to_string()))),
            )
            .await;
        body(r).await;
    }
    let call = |stage: &str| {
        json!({ "site_id": site, "kind": "reactive", "stage": stage, "due_month": null, "tolerance_days": 0,
                "logged_on": today.to_string(), "performed_on": null })
    };
    let on_hold = body(t.post(&jobs, &staff, field_job("S-1", call("on_hold"))).await).await;
    body(t.post(&jobs, &staff, field_job("S-2", call("in_progress"))).await).await;
    body(t.post(&jobs, &staff, field_job("S-3", call("in_progress"))).await).await;

    let panel = body(
        t.get(
            &format!("/portal/routine/summary?year={}", first_of_back2.year()),
            &token,
        )
        .await,
    )
    .await;
    let month = panel["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == back2.as_str())
        .unwrap()
        .clone();
    let by = &month["by_outcome"];
    // Performed on day 4: on time; on day 41 of a month of 28 to 31 days: within tolerance or late
    // depending on the month's length, so only the sum is fixed.
    assert_eq!(by["on_time"], 1, "{month}");
    assert_eq!(
        by["within_tolerance"].as_i64().unwrap() + by["late"].as_i64().unwrap(),
        1
    );
    assert_eq!(by["missed"], 1);
    let now = body(t.get("/portal/routine/summary", &token).await).await;
    let current = now["months"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["month"] == this.as_str())
        .unwrap()
        .clone();
    assert_eq!(current["by_outcome"]["pending"], 1, "{current}");

    let calls = body(t.get("/portal/service-calls/summary", &token).await).await;
    let months = calls["months"].as_array().unwrap();
    assert_eq!(months.len(), 12);
    let latest = &months[11];
    assert_eq!(latest["month"], this.as_str());
    assert_eq!(
        (
            latest["by_stage"]["on_hold"].as_i64(),
            latest["by_stage"]["in_progress"].as_i64()
        ),
        (Some(1), Some(2))
    );
    let listed = body(
        t.get(&format!("/portal/service-calls?month={this}&stage=in_progress"), &token)
            .await,
    )
    .await;
    let refs: Vec<&str> = listed["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["reference"].as_str().unwrap())
        .collect();
    assert_eq!(refs.len(), 2, "the list behind the number: {refs:?}");
    assert!(refs.iter().all(|r| r.starts_with("S-")));
    let due = body(t.get(&format!("/portal/routine?month={back2}"), &token).await).await;
    assert_eq!(due["items"].as_array().unwrap().len(), 3);
    let outcomes: Vec<&str> = due["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["field"]["outcome"].as_str().unwrap())
        .collect();
    assert!(
        outcomes.contains(&"on_time") && outcomes.contains(&"missed"),
        "{outcomes:?}"
    );
    let on_site = body(t.get(&format!("/portal/sites/{site}/jobs?limit=100"), &token).await).await;
    assert_eq!(on_site["items"].as_array().unwrap().len(), 7);

    // A call moves on: the panel follows in the same transaction.
    let id = on_hold["id"].as_str().unwrap();
    let moved = t
        .request(Method::PUT, &format!("{jobs}/{id}"), Some(&staff))
        .header("if-match", "\"1\"")
        .json(&field_job("S-1", call("performed")))
        .send()
        .await
        .unwrap();
    let moved = body(moved).await;
    assert_eq!(
        moved["field"]["performed_on"],
        today.to_string(),
        "performed today unless told"
    );
    let calls = body(t.get("/portal/service-calls/summary", &token).await).await;
    let latest = &calls["months"][11]["by_stage"];
    assert_eq!(
        (latest["on_hold"].as_i64(), latest["performed"].as_i64()),
        (Some(0), Some(1))
    );

    // Refused, with the field named: routine work without a month, another customer's site, a bad month.
    let r = t
        .post(&jobs, &staff, field_job("R-X", routine("", "ready", None)))
        .await;
    assert_eq!(r.status(), 422);
    assert_eq!(problem(r).await["errors"][0]["field"], "field.due_month");
    let mut elsewhere = call("ready");
    elsewhere["site_id"] = foreign_site["id"].clone();
    let r = t.post(&jobs, &staff, field_job("S-X", elsewhere)).await;
    assert_eq!(r.status(), 422);
    assert_eq!(problem(r).await["errors"][0]["field"], "field.site_id");
    let r = t.get("/portal/service-calls?month=2026-13", &token).await;
    assert_eq!(r.status(), 400);
    assert_eq!(problem(r).await["errors"][0]["field"], "month");
    assert_eq!(
        t.get(&format!("/portal/sites/{site}/jobs"), &stranger).await.status(),
        404
    );
    let theirs = body(t.get(&format!("/portal/service-calls?month={this}"), &stranger).await).await;
    assert_eq!(theirs["items"], json!([]), "another company's calls never show");
}

#[tokio::test]
async fn job_counters_equal_a_recount_after_random_changes() {
    let t = TestStack::start().await;
    let staff = t.staff_token("supervisor").await;
    let customer = t.create_customer("Job Ledger").await;
    let cid = customer["id"].as_str().unwrap().to_owned();
    let mut sites = Vec::new();
    for n in 0..2 {
        let s = body(
            t.post(
                &format!("/admin/customers/{cid}/sites"),
                &staff,
                json!({ "name": format!("Site {n}") }),
            )
            .await,
        )
        .await;
        sites.push(s["id"].as_str().unwrap().to_owned());
    }
    let table = &t.ctx.table;
    let now = OffsetDateTime::now_utc();
    let mut rng = Lcg(0x70b5);
    let mut live: Vec<Job> = Vec::new();
    let field = |rng: &mut Lcg| {
        let kind = [JobKind::Routine, JobKind::Reactive][rng.next(2)];
        let stage = JobStage::ALL[rng.next(5)];
        let logged_on = now.date() - Duration::days(rng.next(300) as i64);
        FieldWork {
            site_id: sites[rng.next(2)].clone(),
            kind,
            stage,
            due_month: (kind == JobKind::Routine).then(|| month_of(logged_on + Duration::days(rng.next(60) as i64))),
            tolerance_days: rng.next(20) as u32,
            logged_on,
            performed_on: stage.done().then(|| logged_on + Duration::days(rng.next(90) as i64)),
        }
    };
    for step in 0..150 {
        if live.is_empty() || rng.next(3) == 0 {
            let job = Job {
                id: shared::ids::new_id(),
                customer_id: cid.clone(),
                reference: format!("J-{step}"),
                description: "x".into(),
                job_type: "x".into(),
                taken_by: None,
                order_number: None,
                booked_dates: vec![],
                scheduled_at: None,
                days_allocated: None,
                technicians: vec![],
                estimated_hours: None,
                actual_hours: None,
                status: JobStatus::Booked,
                finished_at: None,
                closed_at: None,
                field: (rng.next(5) > 0).then(|| field(&mut rng)),
                created_at: now,
                updated_at: now,
                version: 1,
            };
            table
                .transact(table.counted_actions(None, Some(&job)).unwrap())
                .await
                .unwrap();
            live.push(job);
        } else {
            let at = rng.next(live.len());
            let before = live[at].clone();
            let mut after = before.clone();
            after.field = (rng.next(6) > 0).then(|| field(&mut rng));
            after.version += 1;
            table
                .transact(table.counted_actions(Some(&before), Some(&after)).unwrap())
                .await
                .unwrap();
            live[at] = after;
        }
    }
    let mut expected = Counts::new();
    for j in &live {
        add(&mut expected, j.customer_contribution(), 1);
    }
    let jobs_only = |c: Counts| -> Counts {
        c.into_iter()
            .filter(|(k, v)| *v != 0 && (k.starts_with("routine") || k.starts_with("reactive#")))
            .collect()
    };
    // The recount by hand: one count per field job under its month and stage or outcome.
    let field_jobs = live.iter().filter(|j| j.field.is_some()).count() as i64;
    assert_eq!(jobs_only(expected.clone()).values().sum::<i64>(), field_jobs);
    let stored = jobs_only(table.counts(field_counts_key(&cid)).await.unwrap());
    assert_eq!(stored, jobs_only(expected));
    let records = e2e::activity::Records {
        jobs: live.clone(),
        ..Default::default()
    };
    assert_eq!(
        e2e::activity::stored(&t, &cid).await,
        e2e::activity::recount(&table.zone, &records),
        "activity by month and site"
    );
}
