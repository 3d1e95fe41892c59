//! Request and response types of jobs.

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    table::operations::{Job, JobStatus},
    validate::{Checks, Validate, MAX_NAME, MAX_TEXT},
};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;
/// A row of the portal's job list.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobSummary {
    pub id: String,
    pub reference: String,
    pub booked_dates: Vec<Date>,
    #[serde(with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
    pub description: String,
    pub status: JobStatus,
}

impl From<Job> for JobSummary {
    fn from(j: Job) -> Self {
        Self {
            id: j.id,
            reference: j.reference,
            booked_dates: j.booked_dates,
            closed_at: j.closed_at,
            description: j.description,
            status: j.status,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JobInput {
    pub reference: String,
    pub description: String,
    pub job_type: String,
    pub taken_by: Option<String>,
    pub order_number: Option<String>,
    #[serde(default)]
    pub booked_dates: Vec<Date>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub scheduled_at: Option<OffsetDateTime>,
    pub days_allocated: Option<f64>,
    #[serde(default)]
    pub technicians: Vec<String>,
    pub estimated_hours: Option<f64>,
    pub actual_hours: Option<f64>,
    pub status: JobStatus,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub finished_at: Option<OffsetDateTime>,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
}

impl Validate for JobInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("reference", &self.reference, 64);
        c.required("description", &self.description, MAX_TEXT);
        c.required("job_type", &self.job_type, MAX_NAME);
        c.optional("taken_by", self.taken_by.as_deref(), MAX_NAME);
        c.optional("order_number", self.order_number.as_deref(), 64);
        for (i, t) in self.technicians.iter().enumerate() {
            c.required(&format!("technicians[{i}]"), t, MAX_NAME);
        }
        for (field, v) in [
            ("days_allocated", self.days_allocated),
            ("estimated_hours", self.estimated_hours),
            ("actual_hours", self.actual_hours),
        ] {
            if v.is_some_and(|x| !x.is_finite() || !(0.0..=10_000.0).contains(&x)) {
                errors.push(FieldError::new(field, "must be between 0 and 10000"));
            }
        }
        if self.booked_dates.len() > 366 || self.technicians.len() > 50 {
            errors.push(FieldError::new("booked_dates", "too many entries"));
        }
    }
}

// The response for a stored Job (the schema keeps its name).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Job)]
pub struct JobResponse {
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

impl From<&Job> for JobResponse {
    fn from(e: &Job) -> Self {
        Self {
            id: e.id.clone(),
            customer_id: e.customer_id.clone(),
            reference: e.reference.clone(),
            description: e.description.clone(),
            job_type: e.job_type.clone(),
            taken_by: e.taken_by.clone(),
            order_number: e.order_number.clone(),
            booked_dates: e.booked_dates.clone(),
            scheduled_at: e.scheduled_at,
            days_allocated: e.days_allocated,
            technicians: e.technicians.clone(),
            estimated_hours: e.estimated_hours,
            actual_hours: e.actual_hours,
            status: e.status,
            finished_at: e.finished_at,
            closed_at: e.closed_at,
            created_at: e.created_at,
            updated_at: e.updated_at,
            version: e.version,
        }
    }
}
