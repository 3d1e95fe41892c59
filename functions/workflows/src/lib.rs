//! The workflows capability: the portal reads a customer's active workflows; staff write them.

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
        operations::{TaskStatus, Workflow, WorkflowTask},
        QuerySpec,
    },
    validate::{Checks, Validate, MAX_NAME},
    Context,
};
use time::OffsetDateTime;
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::{router::OpenApiRouter, routes};

/// A task as the portal summary shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaskBadge {
    pub name: String,
    pub status: TaskStatus,
    /// `grey` (not started), `amber` (in progress), `green` (done), `red` (blocked).
    pub colour: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkflowSummary {
    pub id: String,
    pub workflow_type: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub instigator: String,
    pub tasks: Vec<TaskBadge>,
}

impl From<Workflow> for WorkflowSummary {
    fn from(w: Workflow) -> Self {
        Self {
            id: w.id,
            workflow_type: w.workflow_type,
            created_at: w.created_at,
            instigator: w.instigator,
            tasks: w.tasks.into_iter().map(|t| TaskBadge { colour: t.status.colour().into(), name: t.name, status: t.status }).collect(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowInput {
    pub workflow_type: String,
    pub instigator: String,
    pub active: bool,
    pub tasks: Vec<WorkflowTask>,
}

impl Validate for WorkflowInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("workflow_type", &self.workflow_type, MAX_NAME);
        c.required("instigator", &self.instigator, MAX_NAME);
        for (i, t) in self.tasks.iter().enumerate() {
            c.required(&format!("tasks[{i}].name"), &t.name, MAX_NAME);
            c.optional(&format!("tasks[{i}].done_by"), t.done_by.as_deref(), MAX_NAME);
        }
        if self.tasks.len() > 100 {
            errors.push(FieldError::new("tasks", "at most 100 tasks"));
        }
    }
}

fn apply(w: &mut Workflow, i: WorkflowInput) {
    w.workflow_type = i.workflow_type.trim().to_owned();
    w.instigator = i.instigator.trim().to_owned();
    w.active = i.active;
    w.tasks = i.tasks;
    w.updated_at = OffsetDateTime::now_utc();
}

/// The company's active workflows, newest first, each task with its coloured status.
#[utoipa::path(get, path = "/portal/workflows", tag = "portal", security(("portal" = [])), params(PageParams),
    responses((status = 200, body = Page<WorkflowSummary>), Problems))]
pub async fn portal_list(State(ctx): State<Context>, Portal(who, _): Portal<module::Workflows>, QueryParams(page): QueryParams<PageParams>) -> ApiResult<Json<Page<WorkflowSummary>>> {
    let mut spec = QuerySpec::gsi1(keys::active_workflows(&who.customer_id));
    spec.newest_first = true;
    Ok(Json(ctx.table.query_page::<Workflow>(&spec, &page).await?.map(WorkflowSummary::from)))
}

/// A workflow's tasks: name, status, done by, time and date.
#[utoipa::path(get, path = "/portal/workflows/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Workflow id")), responses((status = 200, body = Workflow), Problems))]
pub async fn portal_get(State(ctx): State<Context>, Portal(who, _): Portal<module::Workflows>, PathId(id): PathId) -> ApiResult<Json<Workflow>> {
    match ctx.table.get::<Workflow>(keys::customer(&who.customer_id), keys::workflow(&id)).await? {
        Some(w) if w.active => Ok(Json(w)),
        _ => Err(ApiError::NotFound),
    }
}

#[utoipa::path(get, path = "/admin/customers/{id}/workflows", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), PageParams), responses((status = 200, body = Page<Workflow>), Problems))]
pub async fn staff_list(State(ctx): State<Context>, _s: Staff<can::ReadOperations>, PathId(id): PathId, QueryParams(page): QueryParams<PageParams>) -> ApiResult<Json<Page<Workflow>>> {
    let mut spec = QuerySpec::table(keys::customer(&id), keys::WORKFLOW_PREFIX);
    spec.newest_first = true;
    Ok(Json(ctx.table.query_page(&spec, &page).await?))
}

#[utoipa::path(post, path = "/admin/customers/{id}/workflows", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = WorkflowInput, responses((status = 201, body = Workflow), Problems))]
pub async fn staff_create(State(ctx): State<Context>, _s: Staff<can::WriteOperations>, PathId(id): PathId, JsonBody(input): JsonBody<WorkflowInput>) -> ApiResult<(StatusCode, Json<Workflow>)> {
    let now = OffsetDateTime::now_utc();
    let mut w = Workflow { id: ids::new_id(), customer_id: id.clone(), workflow_type: String::new(), instigator: String::new(), active: true, tasks: Vec::new(), created_at: now, updated_at: now, version: 1 };
    apply(&mut w, input);
    ctx.table.put_new_for_customer(&id, &w).await?;
    Ok((StatusCode::CREATED, Json(w)))
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/workflows/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Workflow id")),
    responses((status = 200, body = Workflow), Problems))]
pub async fn staff_get(State(ctx): State<Context>, _s: Staff<can::ReadOperations>, PathIds(cid, id): PathIds) -> ApiResult<Json<Workflow>> {
    Ok(Json(ctx.table.get(keys::customer(&cid), keys::workflow(&id)).await?.ok_or(ApiError::NotFound)?))
}

#[utoipa::path(put, path = "/admin/customers/{customer_id}/workflows/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Workflow id"), ("If-Match" = String, Header, description = "The version read")),
    request_body = WorkflowInput, responses((status = 200, body = Workflow), Problems))]
pub async fn staff_update(State(ctx): State<Context>, _s: Staff<can::WriteOperations>, PathIds(cid, id): PathIds, IfMatch(v): IfMatch, JsonBody(input): JsonBody<WorkflowInput>) -> ApiResult<Json<Workflow>> {
    Ok(Json(ctx.table.update_versioned::<Workflow>(keys::customer(&cid), keys::workflow(&id), v, |w| apply(w, input)).await?))
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
