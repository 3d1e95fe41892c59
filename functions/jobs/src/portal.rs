//! The portal's job routes: a customer's jobs, read only.

use axum::{extract::State, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{PathId, QueryParams},
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{module, Portal},
    table::operations::Job,
    Context,
};

use crate::model::{JobResponse, JobSummary};

/// The company's jobs, newest first: dates booked, job reference, closed date, description.
#[utoipa::path(get, path = "/portal/jobs", tag = "portal", security(("portal" = [])), params(PageParams),
    responses((status = 200, body = Page<JobSummary>), Problems))]
pub async fn portal_list(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::Jobs>,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<JobSummary>>> {
    Ok(Json(
        ctx.table
            .query_page::<Job>(&Job::of_customer(&who.customer_id), &page)
            .await?
            .map(JobSummary::from),
    ))
}

/// A job in full: type, taken by, order number, days allocated, time and date, technicians, durations, status.
#[utoipa::path(get, path = "/portal/jobs/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Job id")), responses((status = 200, body = JobResponse), Problems))]
pub async fn portal_get(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::Jobs>,
    PathId(id): PathId,
) -> ApiResult<Json<JobResponse>> {
    let job: Job = ctx
        .table
        .get::<Job>((&who.customer_id, &id))
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(JobResponse::from(&job)))
}
