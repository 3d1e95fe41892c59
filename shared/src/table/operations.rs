//! Jobs and workflows: what the back office feeds the portal, read-only there.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::{counted::Counted, counters::Counts, keys, Entity, PrimaryKey, QuerySpec, Versioned};

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
    /// Field service: the site, routine or reactive, and where the work stands.
    #[serde(default)]
    pub field: Option<FieldWork>,
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

    /// Every job by time of creation, for the staff reports.
    fn gsi3(&self) -> Option<(String, String)> {
        Some(keys::created(
            keys::report_kind::JOB,
            self.created_at,
            &self.customer_id,
            &self.id,
        ))
    }

    /// A site's field jobs, newest first (sparse).
    fn gsi1(&self) -> Option<(String, String)> {
        let f = self.field.as_ref()?;
        Some((keys::site_jobs(&self.customer_id, &f.site_id), keys::job(&self.id)))
    }

    /// Routine jobs by month due; reactive ones by month logged, then stage (sparse).
    fn gsi2(&self) -> Option<(String, String)> {
        let f = self.field.as_ref()?;
        Some(match f.kind {
            JobKind::Routine => (
                keys::routine_jobs(&self.customer_id),
                format!("{}#{}", f.due_month.as_deref().unwrap_or_default(), self.id),
            ),
            JobKind::Reactive => (
                keys::reactive_jobs(&self.customer_id),
                format!("{}#{}#{}", month_of(f.logged_on), f.stage.as_str(), self.id),
            ),
        })
    }
}

impl Versioned for Job {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}

impl Counted for Job {
    fn customer_id(&self) -> &str {
        &self.customer_id
    }
    fn site_id(&self) -> Option<&str> {
        self.field.as_ref().map(|f| f.site_id.as_str())
    }
    fn version(&self) -> u64 {
        self.version
    }
    fn site_contribution(&self) -> Counts {
        Counts::new()
    }

    /// Routine work counts under its month due: by outcome once performed, otherwise under the last day
    /// of its tolerance (missed after it, pending until then). Reactive work counts under its month
    /// logged and its stage.
    fn customer_contribution(&self) -> Counts {
        let Some(f) = &self.field else {
            return Counts::new();
        };
        let key = match (f.kind, f.due_month.as_deref()) {
            (JobKind::Reactive, _) => format!("reactive#{}#{}", month_of(f.logged_on), f.stage.as_str()),
            (JobKind::Routine, Some(due)) => match (f.performed_outcome(), f.grace_end()) {
                (Some(outcome), _) => format!("routine#{due}#{}", outcome.as_str()),
                (None, Some(end)) => format!("routine_open#{due}#{end}"),
                (None, None) => return Counts::new(),
            },
            (JobKind::Routine, None) => return Counts::new(),
        };
        Counts::from([(key, 1)])
    }
}

pub use crate::months::{month_bounds, month_of};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum JobKind {
    /// Planned maintenance, due in a month.
    Routine,
    /// A service call.
    Reactive,
}

/// Where field work stands, in the order it moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum JobStage {
    OnHold,
    Ready,
    InProgress,
    Performed,
    Complete,
}

impl JobStage {
    pub const ALL: [JobStage; 5] = [
        Self::OnHold,
        Self::Ready,
        Self::InProgress,
        Self::Performed,
        Self::Complete,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::OnHold => "on_hold",
            Self::Ready => "ready",
            Self::InProgress => "in_progress",
            Self::Performed => "performed",
            Self::Complete => "complete",
        }
    }

    /// The work was done.
    pub fn done(self) -> bool {
        matches!(self, Self::Performed | Self::Complete)
    }
}

/// How a month of routine work reads against its tolerance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoutineOutcome {
    /// Performed by the end of its month.
    OnTime,
    /// Performed after its month, within the tolerance.
    WithinTolerance,
    /// Performed after the tolerance.
    Late,
    /// Not performed, and the tolerance has passed.
    Missed,
    /// Not performed yet, and still within time.
    Pending,
}

impl RoutineOutcome {
    pub const ALL: [RoutineOutcome; 5] = [
        Self::OnTime,
        Self::WithinTolerance,
        Self::Late,
        Self::Missed,
        Self::Pending,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::OnTime => "on_time",
            Self::WithinTolerance => "within_tolerance",
            Self::Late => "late",
            Self::Missed => "missed",
            Self::Pending => "pending",
        }
    }
}

/// A job's field-service side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FieldWork {
    pub site_id: String,
    pub kind: JobKind,
    pub stage: JobStage,
    /// Routine work: the month it falls due, `YYYY-MM`.
    pub due_month: Option<String>,
    /// Routine work: days after its month within which doing it still counts as within tolerance.
    #[serde(default)]
    pub tolerance_days: u32,
    /// When the call came in (reactive) or the work was planned (routine).
    pub logged_on: Date,
    /// When the work was done (stage performed or complete).
    pub performed_on: Option<Date>,
}

impl FieldWork {
    /// The last day routine work may be done within tolerance.
    pub fn grace_end(&self) -> Option<Date> {
        let (_, last) = month_bounds(self.due_month.as_deref()?)?;
        last.checked_add(time::Duration::days(self.tolerance_days.into()))
    }

    /// The outcome of routine work already performed.
    pub fn performed_outcome(&self) -> Option<RoutineOutcome> {
        let done = self.performed_on.filter(|_| self.stage.done())?;
        let (_, last) = month_bounds(self.due_month.as_deref()?)?;
        Some(if done <= last {
            RoutineOutcome::OnTime
        } else if Some(done) <= self.grace_end() {
            RoutineOutcome::WithinTolerance
        } else {
            RoutineOutcome::Late
        })
    }

    /// How routine work reads today; none for reactive work.
    pub fn outcome(&self, today: Date) -> Option<RoutineOutcome> {
        if self.kind != JobKind::Routine {
            return None;
        }
        self.performed_outcome().or_else(|| {
            let end = self.grace_end()?;
            Some(if end < today {
                RoutineOutcome::Missed
            } else {
                RoutineOutcome::Pending
            })
        })
    }
}

impl Job {
    /// A customer's jobs, newest first (ids are ULIDs).
    pub fn of_customer(customer_id: &str) -> QuerySpec {
        QuerySpec::table(keys::customer(customer_id), keys::JOB_PREFIX).newest_first()
    }

    /// A site's field jobs, newest first.
    pub fn on_site(customer_id: &str, site_id: &str) -> QuerySpec {
        QuerySpec::gsi1(keys::site_jobs(customer_id, site_id)).newest_first()
    }

    /// Routine jobs due in `month` (`YYYY-MM`), or all of them latest month first.
    pub fn routine(customer_id: &str, month: Option<&str>) -> QuerySpec {
        let mut spec = QuerySpec::gsi2(keys::routine_jobs(customer_id)).newest_first();
        spec.sort_prefix = month.map(|m| format!("{m}#"));
        spec
    }

    /// Service calls logged in `month`, optionally in one stage, or all of them latest month first.
    pub fn reactive(customer_id: &str, month: Option<&str>, stage: Option<JobStage>) -> QuerySpec {
        let mut spec = QuerySpec::gsi2(keys::reactive_jobs(customer_id)).newest_first();
        spec.sort_prefix = match (month, stage) {
            (Some(m), Some(s)) => Some(format!("{m}#{}#", s.as_str())),
            (Some(m), None) => Some(format!("{m}#")),
            _ => None,
        };
        spec
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

    /// Every workflow by time of creation, for the staff reports.
    fn gsi3(&self) -> Option<(String, String)> {
        Some(keys::created(
            keys::report_kind::WORKFLOW,
            self.created_at,
            &self.customer_id,
            &self.id,
        ))
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

impl Versioned for Workflow {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    fn routine(due: &str, tolerance_days: u32, performed_on: Option<Date>) -> FieldWork {
        FieldWork {
            site_id: "S1".into(),
            kind: JobKind::Routine,
            stage: if performed_on.is_some() {
                JobStage::Complete
            } else {
                JobStage::Ready
            },
            due_month: Some(due.into()),
            tolerance_days,
            logged_on: date!(2026 - 01 - 01),
            performed_on,
        }
    }

    #[test]
    fn a_month_of_routine_work_reads_by_its_tolerance() {
        let today = date!(2026 - 03 - 10);
        let cases = [
            (
                routine("2026-02", 14, Some(date!(2026 - 02 - 28))),
                RoutineOutcome::OnTime,
            ),
            (
                routine("2026-02", 14, Some(date!(2026 - 03 - 14))),
                RoutineOutcome::WithinTolerance,
            ),
            (
                routine("2026-02", 14, Some(date!(2026 - 03 - 15))),
                RoutineOutcome::Late,
            ),
            (routine("2026-01", 14, None), RoutineOutcome::Missed),
            (routine("2026-02", 14, None), RoutineOutcome::Pending),
            (routine("2026-02", 0, None), RoutineOutcome::Missed),
        ];
        for (work, expected) in cases {
            assert_eq!(work.outcome(today), Some(expected), "{work:?}");
        }
        assert_eq!(month_bounds("2024-02").map(|b| b.1), Some(date!(2024 - 02 - 29)));
        assert_eq!(month_bounds("2026-13"), None);
        assert_eq!(month_bounds("26-01"), None);
    }
}
