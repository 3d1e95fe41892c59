//! Request and response types of workflows.

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    table::operations::{TaskStatus, Workflow, WorkflowTask},
    validate::{Checks, Validate, MAX_NAME},
};
use time::OffsetDateTime;
use utoipa::ToSchema;
/// A task as the portal summary shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaskBadge {
    pub name: String,
    pub status: TaskStatus,
    /// `grey` (not started), `amber` (in progress), `green` (done), `red` (blocked).
    pub colour: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkflowSummary {
    pub id: String,
    pub workflow_type: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub instigator: String,
    pub tasks: Vec<TaskBadge>,
}

impl From<Workflow> for WorkflowSummary {
    fn from(w: Workflow) -> Self {
        Self {
            id: w.id,
            workflow_type: w.workflow_type,
            created_at: w.created_at,
            instigator: w.instigator,
            tasks: w
                .tasks
                .into_iter()
                .map(|t| TaskBadge {
                    colour: t.status.colour().into(),
                    name: t.name,
                    status: t.status,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowInput {
    pub workflow_type: String,
    pub instigator: String,
    pub active: bool,
    pub tasks: Vec<WorkflowTask>,
}

impl Validate for WorkflowInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("workflow_type", &self.workflow_type, MAX_NAME);
        c.required("instigator", &self.instigator, MAX_NAME);
        for (i, t) in self.tasks.iter().enumerate() {
            c.required(&format!("tasks[{i}].name"), &t.name, MAX_NAME);
            c.optional(&format!("tasks[{i}].done_by"), t.done_by.as_deref(), MAX_NAME);
        }
        if self.tasks.len() > 100 {
            errors.push(FieldError::new("tasks", "at most 100 tasks"));
        }
    }
}

// The response for a stored Workflow (the schema keeps its name).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Workflow)]
pub struct WorkflowResponse {
    pub id: String,
    pub customer_id: String,
    pub workflow_type: String,
    /// Who started the case.
    pub instigator: String,
    pub active: bool,
    pub tasks: Vec<WorkflowTask>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl From<&Workflow> for WorkflowResponse {
    fn from(e: &Workflow) -> Self {
        Self {
            id: e.id.clone(),
            customer_id: e.customer_id.clone(),
            workflow_type: e.workflow_type.clone(),
            instigator: e.instigator.clone(),
            active: e.active,
            tasks: e.tasks.clone(),
            created_at: e.created_at,
            updated_at: e.updated_at,
            version: e.version,
        }
    }
}
