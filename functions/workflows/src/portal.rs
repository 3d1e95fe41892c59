//! The portal's workflow routes: a customer's active workflows, read only.

use axum::{extract::State, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{PathId, QueryParams},
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{module, PortalRead},
    table::operations::Workflow,
    Context,
};

use crate::model::{WorkflowResponse, WorkflowSummary};

/// The company's active workflows, newest first, each task with its coloured status.
#[utoipa::path(get, path = "/portal/workflows", tag = "portal", security(("portal" = [])), params(PageParams),
    responses((status = 200, body = Page<WorkflowSummary>), Problems))]
pub async fn portal_list(
    State(ctx): State<Context>,
    who: PortalRead<module::Workflows>,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<WorkflowSummary>>> {
    let spec = Workflow::active_of(&who.0.customer_id);
    let read = ctx.table.query_page::<Workflow>(&spec, &page);
    let (_, workflows) = who.check_during(&ctx, read).await?;
    Ok(Json(workflows.map(WorkflowSummary::from)))
}

/// A workflow's tasks: name, status, done by, time and date.
#[utoipa::path(get, path = "/portal/workflows/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Workflow id")), responses((status = 200, body = WorkflowResponse), Problems))]
pub async fn portal_get(
    State(ctx): State<Context>,
    who: PortalRead<module::Workflows>,
    PathId(id): PathId,
) -> ApiResult<Json<WorkflowResponse>> {
    let read = ctx.table.get::<Workflow>((&who.0.customer_id, &id));
    match who.check_during(&ctx, read).await?.1 {
        Some(w) if w.active => Ok(Json(WorkflowResponse::from(&w))),
        _ => Err(ApiError::NotFound),
    }
}
