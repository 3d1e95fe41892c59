//! What each function binary is given to serve: every GET route it owns (path ids resolved against
//! the demo data), the auth function's public sign-in routes, the scheduler's three jobs.

use serde_json::{json, Value};

use super::events::{http_event, resolve, Callers, Dispatcher};

pub struct Workload {
    pub function: &'static str,
    /// One invocation of each route, in order; the first is the cold-start request.
    pub events: Vec<Value>,
}

pub const SCHEDULED_JOBS: [&str; 4] = [
    "expire-invitations",
    "drain-outbox",
    "support-notices",
    "monthly-reports",
];

pub async fn workloads(dispatcher: &Dispatcher, callers: &Callers) -> Vec<Workload> {
    let mut out = Vec::new();
    for f in &dispatcher.functions {
        let mut events = Vec::new();
        let mut templates: Vec<&String> = f
            .openapi
            .paths
            .paths
            .iter()
            .filter(|(_, item)| item.get.is_some())
            .map(|(t, _)| t)
            .collect();
        // Portal routes first: the cold-start request is what a contact's first click costs.
        templates.sort_by_key(|t| (!t.starts_with("/portal/"), t.len(), (*t).clone()));
        for template in templates {
            let uri = resolve(dispatcher, callers, template).await;
            events.push(http_event("GET", &uri, None, callers.for_path(&uri)));
        }
        if f.name == "auth" {
            // Unknown usernames: no email is queued and no Cognito user is touched, but the throttle is.
            events.push(http_event(
                "POST",
                "/portal/auth/login",
                Some(&json!({ "username": "bench.nobody", "password": "Not-The-Password-1" })),
                None,
            ));
            events.push(http_event(
                "POST",
                "/portal/auth/password/forgot",
                Some(&json!({ "username": "bench.nobody" })),
                None,
            ));
        }
        out.push(Workload {
            function: f.name,
            events,
        });
    }
    let jobs = SCHEDULED_JOBS
        .iter()
        .filter_map(|job| std::fs::read_to_string(format!("events/scheduled-{job}.json")).ok())
        .filter_map(|s| serde_json::from_str(&s).ok())
        .collect();
    out.push(Workload {
        function: "scheduler",
        events: jobs,
    });
    out.sort_by_key(|w| w.function);
    out
}
