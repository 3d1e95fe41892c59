//! The jobs capability: the portal reads a customer's jobs; staff (the back office) write them.

use axum::{extract::State, http::StatusCode, Json, Router};
use serde::{Deserialize, Serialize};
use shared::{
    error::{ApiError, ApiResult, FieldError},
    extract::{IfMatch, JsonBody, PathId, PathIds, QueryParams},
    ids,
    openapi::{Problems, SecuritySchemes},
    pagination::{Page, PageParams},
    principal::{can, module, Portal, Staff},
    table::{
        keys,
        operations::{Job, JobStatus},
        QuerySpec,
    },
    validate::{Checks, Validate, MAX_NAME, MAX_TEXT},
    Context,
};
use time::{Date, OffsetDateTime};
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

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
        Self { id: j.id, reference: j.reference, booked_dates: j.booked_dates, closed_at: j.closed_at, description: j.description, status: j.status }
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
        for (field, v) in [("days_allocated", self.days_allocated), ("estimated_hours", self.estimated_hours), ("actual_hours", self.actual_hours)] {
            if v.is_some_and(|x| !x.is_finite() || !(0.0..=10_000.0).contains(&x)) {
                errors.push(FieldError::new(field, "must be between 0 and 10000"));
            }
        }
        if self.booked_dates.len() > 366 || self.technicians.len() > 50 {
            errors.push(FieldError::new("booked_dates", "too many entries"));
        }
    }
}

fn apply(j: &mut Job, i: JobInput) {
    j.reference = i.reference.trim().to_owned();
    j.description = i.description.trim().to_owned();
    j.job_type = i.job_type.trim().to_owned();
    j.taken_by = i.taken_by;
    j.order_number = i.order_number;
    j.booked_dates = i.booked_dates;
    j.scheduled_at = i.scheduled_at;
    j.days_allocated = i.days_allocated;
    j.technicians = i.technicians;
    j.estimated_hours = i.estimated_hours;
    j.actual_hours = i.actual_hours;
    j.status = i.status;
    j.finished_at = i.finished_at;
    j.closed_at = i.closed_at;
    j.updated_at = OffsetDateTime::now_utc();
}

fn newest(customer_id: &str) -> QuerySpec<'static> {
    let mut spec = QuerySpec::table(keys::customer(customer_id), keys::JOB_PREFIX);
    spec.newest_first = true;
    spec
}

/// The company's jobs, newest first: dates booked, job reference, closed date, description.
#[utoipa::path(get, path = "/portal/jobs", tag = "portal", security(("portal" = [])), params(PageParams),
    responses((status = 200, body = Page<JobSummary>), Problems))]
pub async fn portal_list(State(ctx): State<Context>, Portal(who, _): Portal<module::Jobs>, QueryParams(page): QueryParams<PageParams>) -> ApiResult<Json<Page<JobSummary>>> {
    Ok(Json(ctx.table.query_page::<Job>(&newest(&who.customer_id), &page).await?.map(JobSummary::from)))
}

/// A job in full: type, taken by, order number, days allocated, time and date, technicians, durations, status.
#[utoipa::path(get, path = "/portal/jobs/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Job id")), responses((status = 200, body = Job), Problems))]
pub async fn portal_get(State(ctx): State<Context>, Portal(who, _): Portal<module::Jobs>, PathId(id): PathId) -> ApiResult<Json<Job>> {
    let job: Job = ctx.table.get(keys::customer(&who.customer_id), keys::job(&id)).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(job))
}

#[utoipa::path(get, path = "/admin/customers/{id}/jobs", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), PageParams), responses((status = 200, body = Page<Job>), Problems))]
pub async fn staff_list(State(ctx): State<Context>, _s: Staff<can::ReadOperations>, PathId(id): PathId, QueryParams(page): QueryParams<PageParams>) -> ApiResult<Json<Page<Job>>> {
    Ok(Json(ctx.table.query_page(&newest(&id), &page).await?))
}

#[utoipa::path(post, path = "/admin/customers/{id}/jobs", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = JobInput, responses((status = 201, body = Job), Problems))]
pub async fn staff_create(State(ctx): State<Context>, _s: Staff<can::WriteOperations>, PathId(id): PathId, JsonBody(input): JsonBody<JobInput>) -> ApiResult<(StatusCode, Json<Job>)> {
    let now = OffsetDateTime::now_utc();
    let mut job = Job {
        id: ids::new_id(), customer_id: id.clone(), reference: String::new(), description: String::new(), job_type: String::new(),
        taken_by: None, order_number: None, booked_dates: Vec::new(), scheduled_at: None, days_allocated: None, technicians: Vec::new(),
        estimated_hours: None, actual_hours: None, status: JobStatus::Booked, finished_at: None, closed_at: None, created_at: now, updated_at: now, version: 1,
    };
    apply(&mut job, input);
    ctx.table.put_new_for_customer(&id, &job).await?;
    Ok((StatusCode::CREATED, Json(job)))
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/jobs/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Job id")),
    responses((status = 200, body = Job), Problems))]
pub async fn staff_get(State(ctx): State<Context>, _s: Staff<can::ReadOperations>, PathIds(cid, id): PathIds) -> ApiResult<Json<Job>> {
    Ok(Json(ctx.table.get(keys::customer(&cid), keys::job(&id)).await?.ok_or(ApiError::NotFound)?))
}

#[utoipa::path(put, path = "/admin/customers/{customer_id}/jobs/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Job id"), ("If-Match" = String, Header, description = "The version read")),
    request_body = JobInput, responses((status = 200, body = Job), Problems))]
pub async fn staff_update(State(ctx): State<Context>, _s: Staff<can::WriteOperations>, PathIds(cid, id): PathIds, IfMatch(v): IfMatch, JsonBody(input): JsonBody<JobInput>) -> ApiResult<Json<Job>> {
    Ok(Json(ctx.table.update_versioned::<Job>(keys::customer(&cid), keys::job(&id), v, |j| apply(j, input)).await?))
}

#[derive(OpenApi)]
#[openapi(modifiers(&SecuritySchemes))]
struct ApiDoc;

pub fn routes() -> OpenApiRouter<Context> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(portal_list))
        .routes(routes!(portal_get))
        .routes(routes!(staff_list, staff_create))
        .routes(routes!(staff_get, staff_update))
}

pub fn router(ctx: Context) -> Router {
    shared::http::router_from(routes(), ctx)
}

pub fn openapi() -> utoipa::openapi::OpenApi {
    routes().split_for_parts().1
}
