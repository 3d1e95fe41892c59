//! Jobs and workflows: what the back office feeds the portal, read-only there.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::{keys, Entity, PrimaryKey, QuerySpec, Versioned};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    Booked,
    InProgress,
    OnHold,
    Finished,
    Closed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Job {
    pub id: String,
    pub customer_id: String,
    /// The business's own job reference.
    pub reference: String,
    pub description: String,
    pub job_type: String,
    pub taken_by: Option<String>,
    pub order_number: Option<String>,
    pub booked_dates: Vec<Date>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub scheduled_at: Option<OffsetDateTime>,
    pub days_allocated: Option<f64>,
    pub technicians: Vec<String>,
    pub estimated_hours: Option<f64>,
    pub actual_hours: Option<f64>,
    pub status: JobStatus,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub finished_at: Option<OffsetDateTime>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Entity for Job {
    const TYPE: &'static str = "job";

    /// (customer id, job id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::job(id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.id)
    }
}

impl Job {
    /// A customer's jobs, newest first (ids are ULIDs).
    pub fn of_customer(customer_id: &str) -> QuerySpec {
        QuerySpec::table(keys::customer(customer_id), keys::JOB_PREFIX).newest_first()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    NotStarted,
    InProgress,
    Done,
    Blocked,
}

impl TaskStatus {
    /// The colour the portal shows a task in.
    pub fn colour(self) -> &'static str {
        match self {
            Self::NotStarted => "grey",
            Self::InProgress => "amber",
            Self::Done => "green",
            Self::Blocked => "red",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowTask {
    pub name: String,
    pub status: TaskStatus,
    pub done_by: Option<String>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub done_at: Option<OffsetDateTime>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Workflow {
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

impl Entity for Workflow {
    const TYPE: &'static str = "workflow";

    /// (customer id, workflow id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::workflow(id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.id)
    }

    /// Active workflows only (sparse: inactive ones leave the index).
    fn gsi1(&self) -> Option<(String, String)> {
        self.active
            .then(|| (keys::active_workflows(&self.customer_id), keys::workflow(&self.id)))
    }
}

impl Workflow {
    /// A customer's workflows, active or not, newest first.
    pub fn of_customer(customer_id: &str) -> QuerySpec {
        QuerySpec::table(keys::customer(customer_id), keys::WORKFLOW_PREFIX).newest_first()
    }

    /// A customer's active workflows, newest first.
    pub fn active_of(customer_id: &str) -> QuerySpec {
        QuerySpec::gsi1(keys::active_workflows(customer_id)).newest_first()
    }
}

impl Versioned for Job {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}

impl Versioned for Workflow {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}
