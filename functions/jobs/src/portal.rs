//! The portal's job routes: a customer's jobs, read only.

use axum::{extract::State, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{PathId, QueryParams},
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{module, PortalRead},
    table::operations::Job,
    Context,
};

use crate::model::{JobResponse, JobSummary};

/// The company's jobs, newest first: dates booked, job reference, closed date, description.
#[utoipa::path(get, path = "/portal/jobs", tag = "portal", security(("portal" = [])), params(PageParams),
    responses((status = 200, body = Page<JobSummary>), Problems))]
pub async fn portal_list(
    State(ctx): State<Context>,
    who: PortalRead<module::Jobs>,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<JobSummary>>> {
    let spec = Job::of_customer(&who.0.customer_id);
    let read = ctx.table.query_page::<Job>(&spec, &page);
    let (_, jobs) = who.check_during(&ctx, read).await?;
    Ok(Json(jobs.map(JobSummary::from)))
}

/// A job in full: type, taken by, order number, days allocated, time and date, technicians, durations, status.
#[utoipa::path(get, path = "/portal/jobs/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Job id")), responses((status = 200, body = JobResponse), Problems))]
pub async fn portal_get(
    State(ctx): State<Context>,
    who: PortalRead<module::Jobs>,
    PathId(id): PathId,
) -> ApiResult<Json<JobResponse>> {
    let read = ctx.table.get::<Job>((&who.0.customer_id, &id));
    let (_, job) = who.check_during(&ctx, read).await?;
    Ok(Json(JobResponse::from(&job.ok_or(ApiError::NotFound)?)))
}
