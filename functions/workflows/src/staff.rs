//! Staff's workflow routes: the back office writes a customer's workflows.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{IfMatch, JsonBody, PathId, PathIds, QueryParams},
    ids,
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{can, Staff},
    table::operations::Workflow,
    Context,
};
use time::OffsetDateTime;

use crate::model::{WorkflowInput, WorkflowResponse};

fn apply(w: &mut Workflow, i: WorkflowInput) {
    w.workflow_type = i.workflow_type.trim().to_owned();
    w.instigator = i.instigator.trim().to_owned();
    w.active = i.active;
    w.tasks = i.tasks;
    w.updated_at = OffsetDateTime::now_utc();
}

#[utoipa::path(get, path = "/admin/customers/{id}/workflows", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), PageParams), responses((status = 200, body = Page<WorkflowResponse>), Problems))]
pub async fn staff_list(
    State(ctx): State<Context>,
    _s: Staff<can::ReadOperations>,
    PathId(id): PathId,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<WorkflowResponse>>> {
    let spec = Workflow::of_customer(&id);
    Ok(Json(
        ctx.table
            .query_page::<Workflow>(&spec, &page)
            .await?
            .map(|w| WorkflowResponse::from(&w)),
    ))
}

#[utoipa::path(post, path = "/admin/customers/{id}/workflows", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = WorkflowInput, responses((status = 201, body = WorkflowResponse), Problems))]
pub async fn staff_create(
    State(ctx): State<Context>,
    _s: Staff<can::WriteOperations>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<WorkflowInput>,
) -> ApiResult<(StatusCode, Json<WorkflowResponse>)> {
    let now = OffsetDateTime::now_utc();
    let mut w = Workflow {
        id: ids::new_id(),
        customer_id: id.clone(),
        workflow_type: String::new(),
        instigator: String::new(),
        active: true,
        tasks: Vec::new(),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    apply(&mut w, input);
    ctx.table.put_new_for_customer(&id, &w).await?;
    Ok((StatusCode::CREATED, Json(WorkflowResponse::from(&w))))
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/workflows/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Workflow id")),
    responses((status = 200, body = WorkflowResponse), Problems))]
pub async fn staff_get(
    State(ctx): State<Context>,
    _s: Staff<can::ReadOperations>,
    PathIds(cid, id): PathIds,
) -> ApiResult<Json<WorkflowResponse>> {
    let w: Workflow = ctx
        .table
        .get::<Workflow>((&cid, &id))
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(Json(WorkflowResponse::from(&w)))
}

#[utoipa::path(put, path = "/admin/customers/{customer_id}/workflows/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Workflow id"), ("If-Match" = String, Header, description = "The version read")),
    request_body = WorkflowInput, responses((status = 200, body = WorkflowResponse), Problems))]
pub async fn staff_update(
    State(ctx): State<Context>,
    _s: Staff<can::WriteOperations>,
    PathIds(cid, id): PathIds,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<WorkflowInput>,
) -> ApiResult<Json<WorkflowResponse>> {
    Ok(Json(WorkflowResponse::from(
        &ctx.table
            .update_versioned::<Workflow>((&cid, &id), v, |w| apply(w, input))
            .await?,
    )))
}
