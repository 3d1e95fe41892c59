//! Projects: staff keep a customer's projects with milestones and tasks; contacts see their company's,
//! with what is late worked out for today, comment on a project or a task and attach documents; the
//! project's progress moves in the same transaction as its tasks.

use e2e::{documents::put_bytes, problem, TestStack};
use reqwest::Method;
use serde_json::{json, Value};
use time::Duration;

async fn body(r: reqwest::Response) -> Value {
    let status = r.status();
    let v: Value = r.json().await.expect("json");
    assert!(status.is_success(), "{status}: {v}");
    v
}

/// The business's today plus `offset` days.
fn day(t: &TestStack, offset: i64) -> String {
    (t.ctx.table.zone.today() + Duration::days(offset)).to_string()
}

async fn task(t: &TestStack, base: &str, token: &str, b: Value) -> Value {
    body(
        t.send(Method::POST, &format!("{base}/tasks"), token, None, Some(b))
            .await,
    )
    .await
}

#[tokio::test]
async fn staff_run_projects_and_contacts_follow_what_is_late() {
    let t = TestStack::start().await;
    let agent = t.staff_token("agent").await;
    let viewer = t.staff_token("viewer").await;
    let (customer, _alice, alice) = t.customer_with_portal_contact("Project Co").await;
    let cid = customer["id"].as_str().unwrap();
    let (other, _, stranger) = t.customer_with_portal_contact("Other Co").await;

    // A project with two milestones, due yesterday: overdue.
    let created = body(
        t.send(Method::POST,
            &format!("/admin/customers/{cid}/projects"),
            &agent,
            None,
            Some(json!({
                "name": "Fire panel upgrade", "description": "Replace the panels in both blocks.", "status": "active",
                "start_date": day(&t, -30), "due_date": day(&t, -1), "manager": "Dana",
                "milestones": [{ "name": "Survey", "due_date": day(&t, -20), "done": true }, { "name": "Install", "due_date": day(&t, -2) }],
            })),
        )
        .await,
    )
    .await;
    let pid = created["id"].as_str().unwrap().to_owned();
    let base = format!("/admin/customers/{cid}/projects/{pid}");
    let install = created["milestones"][1]["id"].as_str().unwrap().to_owned();
    assert_eq!(created["milestones"][1]["overdue"], true);
    assert_eq!(
        created["milestones"][0]["overdue"], false,
        "done milestones are never late"
    );

    // Tasks: one done, one overdue, one due today, one later; progress is their mean.
    task(
        &t,
        &base,
        &agent,
        json!({ "title": "Survey block A", "status": "done", "progress": 10 }),
    )
    .await;
    let late = task(&t, &base, &agent, json!({ "title": "Order panels", "status": "in_progress", "progress": 50, "due_date": day(&t, -3), "milestone_id": install })).await;
    let today = task(
        &t,
        &base,
        &agent,
        json!({ "title": "Book electrician", "due_date": day(&t, 0), "assignee": "Sam" }),
    )
    .await;
    task(
        &t,
        &base,
        &agent,
        json!({ "title": "Commission", "due_date": day(&t, 10) }),
    )
    .await;
    assert_eq!(late["overdue"], true);
    assert_eq!(today["due_today"], true);

    let list = body(t.get("/portal/projects", &alice).await).await;
    let row = &list["items"][0];
    assert_eq!(row["name"], "Fire panel upgrade");
    assert_eq!(row["overdue"], true);
    assert_eq!(row["progress"], (100 + 50) / 4);
    assert_eq!(
        (row["task_count"].as_u64(), row["tasks_done"].as_u64()),
        (Some(4), Some(1))
    );
    assert_eq!(row["overdue_tasks"], 1);
    assert_eq!(row["tasks_due_today"], 1);
    assert_eq!(row["milestones"][1]["task_count"], 1);

    // The detail: tasks by due date, undated last.
    let detail = body(t.get(&format!("/portal/projects/{pid}"), &alice).await).await;
    let titles: Vec<&str> = detail["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Order panels", "Book electrician", "Commission", "Survey block A"]
    );
    assert_eq!(
        detail["tasks"][3]["progress"], 100,
        "a done task is complete whatever was sent"
    );

    // Finishing the late task moves the project in the same write; a stale version is refused.
    let lid = late["id"].as_str().unwrap();
    let task_path = format!("{base}/tasks/{lid}");
    let done = json!({ "title": "Order panels", "status": "done", "milestone_id": install });
    assert_eq!(
        t.send(Method::PUT, &task_path, &agent, Some(9), Some(done.clone()))
            .await
            .status(),
        409
    );
    body(t.send(Method::PUT, &task_path, &agent, Some(1), Some(done)).await).await;
    let row = body(t.get("/portal/projects", &alice).await).await["items"][0].clone();
    assert_eq!(
        (row["overdue_tasks"].as_u64(), row["progress"].as_u64()),
        (Some(0), Some(50))
    );

    // A milestone that still holds a task cannot be dropped; an unknown milestone is named.
    let v = body(t.get(&base, &agent).await).await["version"].as_u64().unwrap();
    let dropped = json!({ "name": "Fire panel upgrade", "status": "active", "milestones": [] });
    let p = problem(t.send(Method::PUT, &base, &agent, Some(v), Some(dropped)).await).await;
    assert_eq!(p["status"], 422);
    assert_eq!(p["errors"][0]["field"], "milestones");
    let p = problem(
        t.send(
            Method::POST,
            &format!("{base}/tasks"),
            &agent,
            None,
            Some(json!({ "title": "x", "milestone_id": "01ARZ3NDEKTSV4RRFFQ69G5FAV" })),
        )
        .await,
    )
    .await;
    assert_eq!(p["errors"][0]["field"], "milestone_id");

    // Deleting a task takes it out of the project's progress.
    let tid = today["id"].as_str().unwrap();
    let r = t
        .send(Method::DELETE, &format!("{base}/tasks/{tid}"), &agent, Some(1), None)
        .await;
    assert_eq!(r.status(), 204);
    let row = body(t.get("/portal/projects", &alice).await).await["items"][0].clone();
    assert_eq!(
        (row["task_count"].as_u64(), row["tasks_due_today"].as_u64()),
        (Some(3), Some(0))
    );

    // Another customer sees none of it; viewers read but do not write.
    assert_eq!(
        body(t.get("/portal/projects", &stranger).await).await["items"],
        json!([])
    );
    assert_eq!(t.get(&format!("/portal/projects/{pid}"), &stranger).await.status(), 404);
    let oid = other["id"].as_str().unwrap();
    assert_eq!(
        t.get(&format!("/admin/customers/{oid}/projects/{pid}"), &agent)
            .await
            .status(),
        404
    );
    assert_eq!(t.get(&base, &viewer).await.status(), 200);
    assert_eq!(
        t.post(&format!("{base}/comments"), &viewer, json!({ "body": "hi" }))
            .await
            .status(),
        403
    );

    // Completing it moves it to the closed list; a closed project is never overdue.
    let v = body(t.get(&base, &agent).await).await["version"].as_u64().unwrap();
    let survey = body(t.get(&base, &agent).await).await["milestones"][0]["id"].clone();
    let complete = json!({ "name": "Fire panel upgrade", "status": "completed", "due_date": day(&t, -1),
        "milestones": [{ "id": survey, "name": "Survey", "done": true }, { "id": install, "name": "Install", "done": true }] });
    body(t.send(Method::PUT, &base, &agent, Some(v), Some(complete)).await).await;
    assert_eq!(body(t.get("/portal/projects", &alice).await).await["items"], json!([]));
    let closed = body(t.get("/portal/projects?state=closed", &alice).await).await;
    assert_eq!(closed["items"][0]["overdue"], false);
    assert_eq!(closed["items"][0]["overdue_tasks"], 0);
}

#[tokio::test]
async fn contacts_comment_and_attach_documents_reached_only_through_the_project() {
    let t = TestStack::start().await;
    let agent = t.staff_token("agent").await;
    let (customer, _alice, alice) = t.customer_with_portal_contact("Comment Co").await;
    let cid = customer["id"].as_str().unwrap();
    let bob = t.create_contact(cid, "Bob", "Colleague").await;
    let bob_token = t.contact_token(cid, bob["id"].as_str().unwrap()).await;
    let (_, _, stranger) = t.customer_with_portal_contact("Stranger Co").await;

    let admin_list = format!("/admin/customers/{cid}/projects");
    let p = body(t.post(&admin_list, &agent, json!({ "name": "Office move" })).await).await;
    let pid = p["id"].as_str().unwrap().to_owned();
    let base = format!("{admin_list}/{pid}");
    let portal = format!("/portal/projects/{pid}");
    let tk = task(&t, &base, &agent, json!({ "title": "Pack the server room" })).await;
    let tid = tk["id"].as_str().unwrap().to_owned();

    // Comments on the project and on a task: the project shows both in time order, the task its own.
    body(
        t.post(
            &format!("{portal}/comments"),
            &alice,
            json!({ "body": "When do we start?" }),
        )
        .await,
    )
    .await;
    body(
        t.post(
            &format!("{portal}/tasks/{tid}/comments"),
            &bob_token,
            json!({ "body": "Cables labelled." }),
        )
        .await,
    )
    .await;
    body(
        t.post(&format!("{base}/comments"), &agent, json!({ "body": "Monday." }))
            .await,
    )
    .await;
    let all = body(t.get(&format!("{portal}/comments"), &alice).await).await;
    let bodies: Vec<&str> = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["body"].as_str().unwrap())
        .collect();
    assert_eq!(bodies, ["When do we start?", "Cables labelled.", "Monday."]);
    assert_eq!(all["items"][1]["task_id"], tid.as_str());
    assert_eq!(all["items"][2]["by_staff"], true);
    assert_eq!(all["items"][1]["author_name"], "Bob Colleague");
    let on_task = body(t.get(&format!("{base}/tasks/{tid}/comments"), &agent).await).await;
    assert_eq!(on_task["items"].as_array().unwrap().len(), 1);

    // Bad comments and strangers.
    let bad = problem(
        t.post(&format!("{portal}/comments"), &alice, json!({ "body": "  " }))
            .await,
    )
    .await;
    assert_eq!(
        (bad["status"].as_u64(), bad["errors"][0]["field"].as_str()),
        (Some(422), Some("body"))
    );
    assert_eq!(
        t.post(&format!("{portal}/comments"), &stranger, json!({ "body": "hi" }))
            .await
            .status(),
        404
    );
    assert_eq!(t.get(&format!("{portal}/comments"), &stranger).await.status(), 404);
    let unknown_task = format!("{portal}/tasks/01ARZ3NDEKTSV4RRFFQ69G5FAV/comments");
    assert_eq!(
        t.post(&unknown_task, &alice, json!({ "body": "hi" })).await.status(),
        404
    );

    // A document: announced, uploaded, checked, then on the project; its link only through the project.
    let bytes = b"%PDF-1.4 floor plan".to_vec();
    let announced = body(
        t.post(
            &format!("{portal}/files"),
            &alice,
            json!({ "name": "plan.pdf", "content_type": "application/pdf", "size": bytes.len() }),
        )
        .await,
    )
    .await;
    assert_eq!(put_bytes(&t, &announced, &bytes).await, 200);
    let fid = announced["attachment"]["id"].as_str().unwrap().to_owned();
    assert_eq!(
        t.post(&format!("{portal}/files/{fid}/complete"), &bob_token, json!({}))
            .await
            .status(),
        404,
        "only who announced it completes it"
    );
    body(
        t.post(&format!("{portal}/files/{fid}/complete"), &alice, json!({}))
            .await,
    )
    .await;
    let detail = body(t.get(&portal, &bob_token).await).await;
    assert_eq!(detail["files"][0]["name"], "plan.pdf");
    assert_eq!(detail["file_count"], 1);
    let link = body(t.get(&format!("{portal}/files/{fid}/link"), &bob_token).await).await;
    let fetched = t.http.get(link["url"].as_str().unwrap()).send().await.unwrap();
    assert_eq!(fetched.bytes().await.unwrap().to_vec(), bytes);
    assert_eq!(
        t.get(&format!("{portal}/files/{fid}/link"), &stranger).await.status(),
        404
    );
    let other = body(t.post(&admin_list, &agent, json!({ "name": "Other" })).await).await;
    let other_link = format!("/portal/projects/{}/files/{fid}/link", other["id"].as_str().unwrap());
    assert_eq!(
        t.get(&other_link, &alice).await.status(),
        404,
        "a file id on another project grants nothing"
    );
    assert_eq!(
        t.get(&format!("/portal/tickets/{pid}/attachments/{fid}/link"), &alice)
            .await
            .status(),
        404
    );
    let bad = problem(
        t.post(
            &format!("{portal}/files"),
            &alice,
            json!({ "name": "x.exe", "content_type": "application/x-msdownload", "size": 3 }),
        )
        .await,
    )
    .await;
    assert_eq!(bad["errors"][0]["field"], "content_type");

    // Once cancelled, no more comments or files; what is there stays readable.
    let v = body(t.get(&base, &agent).await).await["version"].as_u64().unwrap();
    body(
        t.send(
            Method::PUT,
            &base,
            &agent,
            Some(v),
            Some(json!({ "name": "Office move", "status": "cancelled" })),
        )
        .await,
    )
    .await;
    assert_eq!(
        t.post(&format!("{portal}/comments"), &alice, json!({ "body": "late" }))
            .await
            .status(),
        409
    );
    let files = t
        .post(
            &format!("{portal}/files"),
            &alice,
            json!({ "name": "b.pdf", "content_type": "application/pdf", "size": 3 }),
        )
        .await;
    assert_eq!(files.status(), 409);
    assert_eq!(
        body(t.get(&format!("{portal}/comments"), &alice).await).await["items"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}
