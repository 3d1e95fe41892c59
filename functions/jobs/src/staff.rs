//! Staff's job routes: the back office writes a customer's jobs.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{IfMatch, JsonBody, PathId, PathIds, QueryParams},
    ids,
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{can, Staff},
    table::{
        customers::{stale, Customer},
        operations::{Job, JobStatus},
        sites::Site,
        Entity,
    },
    Context,
};
use time::OffsetDateTime;

use crate::model::{JobInput, JobResponse};

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
    let now = OffsetDateTime::now_utc();
    j.field = i.field.map(|mut f| {
        if f.stage.done() && f.performed_on.is_none() {
            f.performed_on = Some(now.date());
        }
        f
    });
    j.updated_at = now;
}

/// Writes a job with the field-service counters it moves, checking its site (or its customer) in the
/// same transaction.
async fn save(ctx: &Context, before: Option<&Job>, after: &Job) -> ApiResult<()> {
    let actions = ctx.table.counted_actions(before, Some(after))?;
    ctx.table
        .transact_or(actions, |c| {
            if c.failed(Site::TYPE) {
                ApiError::invalid("field.site_id", "is not a site of this customer")
            } else if c.failed(Customer::TYPE) {
                ApiError::NotFound
            } else {
                stale()
            }
        })
        .await
}

#[utoipa::path(get, path = "/admin/customers/{id}/jobs", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), PageParams), responses((status = 200, body = Page<JobResponse>), Problems))]
pub async fn staff_list(
    State(ctx): State<Context>,
    _s: Staff<can::ReadOperations>,
    PathId(id): PathId,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<JobResponse>>> {
    Ok(Json(
        ctx.table
            .query_page::<Job>(&Job::of_customer(&id), &page)
            .await?
            .map(|j| JobResponse::from(&j)),
    ))
}

#[utoipa::path(post, path = "/admin/customers/{id}/jobs", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = JobInput, responses((status = 201, body = JobResponse), Problems))]
pub async fn staff_create(
    State(ctx): State<Context>,
    _s: Staff<can::WriteOperations>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<JobInput>,
) -> ApiResult<(StatusCode, Json<JobResponse>)> {
    let now = OffsetDateTime::now_utc();
    let mut job = Job {
        id: ids::new_id(),
        customer_id: id.clone(),
        reference: String::new(),
        description: String::new(),
        job_type: String::new(),
        taken_by: None,
        order_number: None,
        booked_dates: Vec::new(),
        scheduled_at: None,
        days_allocated: None,
        technicians: Vec::new(),
        estimated_hours: None,
        actual_hours: None,
        status: JobStatus::Booked,
        finished_at: None,
        closed_at: None,
        field: None,
        created_at: now,
        updated_at: now,
        version: 1,
    };
    apply(&mut job, input);
    save(&ctx, None, &job).await?;
    Ok((StatusCode::CREATED, Json(JobResponse::from(&job))))
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/jobs/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Job id")),
    responses((status = 200, body = JobResponse), Problems))]
pub async fn staff_get(
    State(ctx): State<Context>,
    _s: Staff<can::ReadOperations>,
    PathIds(cid, id): PathIds,
) -> ApiResult<Json<JobResponse>> {
    let job: Job = ctx.table.get::<Job>((&cid, &id)).await?.ok_or(ApiError::NotFound)?;
    Ok(Json(JobResponse::from(&job)))
}

#[utoipa::path(put, path = "/admin/customers/{customer_id}/jobs/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Job id"), ("If-Match" = String, Header, description = "The version read")),
    request_body = JobInput, responses((status = 200, body = JobResponse), Problems))]
pub async fn staff_update(
    State(ctx): State<Context>,
    _s: Staff<can::WriteOperations>,
    PathIds(cid, id): PathIds,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<JobInput>,
) -> ApiResult<Json<JobResponse>> {
    let before = ctx.table.get::<Job>((&cid, &id)).await?.ok_or(ApiError::NotFound)?;
    if before.version != v {
        return Err(stale());
    }
    let mut after = before.clone();
    apply(&mut after, input);
    after.version += 1;
    save(&ctx, Some(&before), &after).await?;
    Ok(Json(JobResponse::from(&after)))
}
