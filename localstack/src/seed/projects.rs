//! Projects through the staff and portal routes: Acme has one running late with an overdue task and one
//! due today, one past its own due date, one planned and one completed; Globex has one of its own. Dates
//! are relative to the day of seeding. A project is found again by name.

use serde_json::{json, Value};
use time::{Date, Duration};

use super::{api::Api, People};
use crate::provision::BoxError;

pub const GLOBEX_PROJECT: &str = "Globex data centre cabling";

/// A demo task: (title, status, progress, due in days from today, milestone index, assignee).
type TaskPlan = (
    &'static str,
    &'static str,
    u8,
    Option<i64>,
    Option<usize>,
    Option<&'static str>,
);

struct Plan {
    project: Value,
    tasks: Vec<TaskPlan>,
    /// (task index or none for the project, by the contact (else staff), body)
    comments: Vec<(Option<usize>, bool, &'static str)>,
}

fn plans(today: Date) -> Vec<(bool, Plan)> {
    let d = |n: i64| json!((today + Duration::days(n)).to_string());
    vec![
        (
            true,
            Plan {
                project: json!({ "name": "Fire panel replacement, Acme House", "status": "active", "manager": "Dana Walsh",
                    "description": "Replace the fire alarm panels in both blocks and commission the new system.",
                    "start_date": d(-40), "due_date": d(20),
                    "milestones": [{ "name": "Survey", "due_date": d(-30), "done": true },
                        { "name": "Installation", "due_date": d(5) }, { "name": "Handover", "due_date": d(20) }] }),
                tasks: vec![
                    ("Survey both blocks", "done", 100, Some(-32), Some(0), Some("Sam Patel")),
                    ("Order panels", "done", 100, Some(-20), Some(1), Some("Dana Walsh")),
                    (
                        "Remove the old panels",
                        "in_progress",
                        60,
                        Some(-2),
                        Some(1),
                        Some("Sam Patel"),
                    ),
                    ("Book the electrician", "todo", 0, Some(0), Some(1), Some("Dana Walsh")),
                    ("Commission and test", "todo", 0, Some(15), Some(2), Some("Sam Patel")),
                    ("Train the site team", "todo", 0, None, Some(2), None),
                ],
                comments: vec![
                    (
                        None,
                        true,
                        "Can the work in block B start after 10am? Reception is busy before then.",
                    ),
                    (None, false, "Yes, we will start block B at 10:30 each day."),
                    (
                        Some(2),
                        false,
                        "The old panel in block A is wired into the lift; we need one more day.",
                    ),
                ],
            },
        ),
        (
            true,
            Plan {
                project: json!({ "name": "LED lighting upgrade", "status": "active", "manager": "Sam Patel",
                    "description": "Swap the office fluorescent fittings for LED panels.", "start_date": d(-60), "due_date": d(-3),
                    "milestones": [] }),
                tasks: vec![
                    ("Audit the fittings", "done", 100, Some(-50), None, Some("Sam Patel")),
                    (
                        "Replace the lobby lights",
                        "in_progress",
                        70,
                        Some(4),
                        None,
                        Some("Sam Patel"),
                    ),
                ],
                comments: vec![(
                    None,
                    false,
                    "The last panels arrive on Thursday; we are a few days behind.",
                )],
            },
        ),
        (
            true,
            Plan {
                project: json!({ "name": "Boiler room refurbishment", "status": "planned", "manager": "Dana Walsh",
                    "start_date": d(14), "due_date": d(60), "milestones": [{ "name": "Quote approved", "due_date": d(7) }] }),
                tasks: vec![("Approve the quote", "todo", 0, Some(7), Some(0), None)],
                comments: vec![],
            },
        ),
        (
            true,
            Plan {
                project: json!({ "name": "Annual compliance review", "status": "completed", "manager": "Dana Walsh",
                    "start_date": d(-120), "due_date": d(-90), "milestones": [] }),
                tasks: vec![
                    ("Collect the certificates", "done", 100, Some(-110), None, None),
                    ("Write the report", "done", 100, Some(-95), None, None),
                ],
                comments: vec![],
            },
        ),
        (
            false,
            Plan {
                project: json!({ "name": GLOBEX_PROJECT, "status": "active", "due_date": d(30), "milestones": [] }),
                tasks: vec![("Label the racks", "todo", 0, Some(10), None, None)],
                comments: vec![],
            },
        ),
    ]
}

/// `today` in the business's time zone.
pub async fn seed(api: &Api, people: &People, today: Date) -> Result<(), BoxError> {
    for (acme, plan) in plans(today) {
        let (customer, contact) = if acme {
            (&people.acme, &people.alice)
        } else {
            (&people.globex, &people.dan)
        };
        let list = format!("/admin/customers/{}/projects", customer.id);
        let mut names = Vec::new();
        for state in ["open", "closed"] {
            for p in api.all(None, &format!("{list}?state={state}")).await? {
                names.push(p["name"].clone());
            }
        }
        if names.contains(&plan.project["name"]) {
            continue;
        }
        // Created open, given its tasks and comments, then closed if the plan says so.
        let mut opening = plan.project.clone();
        let status = opening["status"].clone();
        if status == "completed" {
            opening["status"] = json!("active");
        }
        let created = api.create(&list, opening).await?;
        let base = format!("{list}/{}", created["id"].as_str().unwrap_or_default());
        let mut task_ids = Vec::new();
        for (title, task_status, progress, due, milestone, assignee) in &plan.tasks {
            let body = json!({ "title": title, "status": task_status, "progress": progress,
                "due_date": due.map(|n| (today + Duration::days(n)).to_string()),
                "milestone_id": milestone.map(|i| created["milestones"][i]["id"].clone()), "assignee": assignee });
            let task = api.create(&format!("{base}/tasks"), body).await?;
            task_ids.push(task["id"].as_str().unwrap_or_default().to_owned());
        }
        for (task, by_contact, body) in &plan.comments {
            let at = match task {
                Some(i) => format!(
                    "/projects/{}/tasks/{}/comments",
                    created["id"].as_str().unwrap_or_default(),
                    task_ids[*i]
                ),
                None => format!("/projects/{}/comments", created["id"].as_str().unwrap_or_default()),
            };
            if *by_contact {
                let claims = Api::contact(contact);
                api.call(
                    &claims,
                    "POST",
                    &format!("/portal{at}"),
                    Some(json!({ "body": body })),
                    None,
                )
                .await?;
            } else {
                api.staff(
                    "POST",
                    &format!("/admin/customers/{}{at}", customer.id),
                    json!({ "body": body }),
                )
                .await?;
            }
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
        }
        if status == "completed" {
            let current = api.staff_get(&base).await?;
            let mut closing = plan.project.clone();
            closing["milestones"] = current["milestones"].clone();
            for m in closing["milestones"].as_array_mut().into_iter().flatten() {
                if let Some(o) = m.as_object_mut() {
                    o.retain(|k, _| ["id", "name", "due_date", "done"].contains(&k.as_str()));
                }
            }
            let version = current["version"].as_u64().unwrap_or(1);
            api.staff_put(&base, closing, version).await?;
        }
    }
    Ok(())
}
