//! Request and response types of jobs.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    table::operations::{month_bounds, FieldWork, Job, JobKind, JobStage, JobStatus, RoutineOutcome},
    validate::{Checks, Validate, MAX_NAME, MAX_TEXT},
};
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};

/// A job's field-service side as shown, with how routine work reads today.
#[derive(Debug, Serialize, ToSchema)]
pub struct FieldView {
    pub site_id: String,
    pub kind: JobKind,
    pub stage: JobStage,
    pub due_month: Option<String>,
    pub tolerance_days: u32,
    pub logged_on: Date,
    pub performed_on: Option<Date>,
    /// Routine work: on time, within tolerance, late, missed or pending.
    pub outcome: Option<RoutineOutcome>,
}

impl From<&FieldWork> for FieldView {
    fn from(f: &FieldWork) -> Self {
        Self {
            outcome: f.outcome(OffsetDateTime::now_utc().date()),
            site_id: f.site_id.clone(),
            kind: f.kind,
            stage: f.stage,
            due_month: f.due_month.clone(),
            tolerance_days: f.tolerance_days,
            logged_on: f.logged_on,
            performed_on: f.performed_on,
        }
    }
}

/// Checks the field-service side of a job.
fn check_field(errors: &mut Vec<FieldError>, f: &FieldWork) {
    if !shared::ids::is_valid(&f.site_id) {
        errors.push(FieldError::new("field.site_id", "is not a valid identifier"));
    }
    match (f.kind, f.due_month.as_deref()) {
        (JobKind::Routine, None) => errors.push(FieldError::new("field.due_month", "routine work has a month due")),
        (JobKind::Routine, Some(m)) if month_bounds(m).is_none() => {
            errors.push(FieldError::new("field.due_month", "a month as YYYY-MM"))
        }
        (JobKind::Reactive, Some(_)) => {
            errors.push(FieldError::new("field.due_month", "only routine work has a month due"))
        }
        _ => {}
    }
    if f.tolerance_days > 366 {
        errors.push(FieldError::new("field.tolerance_days", "at most 366 days"));
    }
    match (f.stage.done(), f.performed_on) {
        (false, Some(_)) => errors.push(FieldError::new(
            "field.performed_on",
            "only work performed or complete has a date performed",
        )),
        (_, Some(p)) if p < f.logged_on => {
            errors.push(FieldError::new("field.performed_on", "must not be before logged_on"))
        }
        _ => {}
    }
}
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
    pub field: Option<FieldView>,
}

impl From<Job> for JobSummary {
    fn from(j: Job) -> Self {
        Self {
            field: j.field.as_ref().map(FieldView::from),
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
    /// Field service: the site, routine or reactive, and the stage. When `performed_on` is left out of
    /// work performed or complete, today is taken.
    pub field: Option<FieldWork>,
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
        if let Some(f) = &self.field {
            check_field(errors, f);
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
    pub field: Option<FieldView>,
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
            field: e.field.as_ref().map(FieldView::from),
            created_at: e.created_at,
            updated_at: e.updated_at,
            version: e.version,
        }
    }
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RoutineParams {
    /// Routine work due in this month, `YYYY-MM`; all of it, latest month first, when absent.
    pub month: Option<String>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ServiceCallParams {
    /// Service calls logged in this month, `YYYY-MM`; all of them, latest month first, when absent.
    pub month: Option<String>,
    /// Only those in this stage (needs `month`).
    #[param(inline)]
    pub stage: Option<JobStage>,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct YearParams {
    /// The calendar year, this one by default.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

/// The routine activities panel: each month of a year by outcome.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoutinePanel {
    pub year: i32,
    pub months: Vec<RoutineMonth>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RoutineMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// Jobs due that month by outcome, every outcome present.
    pub by_outcome: BTreeMap<RoutineOutcome, i64>,
}

/// The service calls panel: 12 months of reactive jobs by stage.
#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceCallsPanel {
    pub months: Vec<ServiceCallMonth>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceCallMonth {
    /// `YYYY-MM`.
    pub month: String,
    /// Calls logged that month by stage, every stage present.
    pub by_stage: BTreeMap<JobStage, i64>,
}
