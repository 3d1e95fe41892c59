//! `/admin/customers/{id}/projects…`: the business keeps a customer's projects, their milestones and
//! tasks, answers comments and attaches documents.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    attachments::{announce, by_staff, complete, link, AttachmentUpload, NewAttachment},
    download::Link,
    error::{ApiError, ApiResult},
    extract::{IfMatch, JsonBody, PathId, PathIds, PathIds3, QueryParams},
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{can, Staff},
    table::{
        attachments::AttachmentView,
        customers::stale,
        projects::{Project, ProjectTask, MAX_TASKS},
        Condition,
    },
    Context,
};
use time::OffsetDateTime;

use crate::{
    model::{
        CommentInput, CommentView, ProjectDetail, ProjectInput, ProjectListParams, ProjectView, TaskInput, TaskView,
    },
    work,
};

#[utoipa::path(get, path = "/admin/customers/{id}/projects", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id"), ProjectListParams),
    responses((status = 200, body = Page<ProjectView>), Problems))]
pub async fn list_projects(
    State(ctx): State<Context>,
    _s: Staff<can::ReadProjects>,
    PathId(id): PathId,
    QueryParams(params): QueryParams<ProjectListParams>,
) -> ApiResult<Json<Page<ProjectView>>> {
    Ok(Json(work::list(&ctx, &id, params).await?))
}

#[utoipa::path(post, path = "/admin/customers/{id}/projects", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = ProjectInput,
    responses((status = 201, body = ProjectDetail), Problems))]
pub async fn create_project(
    State(ctx): State<Context>,
    _s: Staff<can::WriteProjects>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<ProjectInput>,
) -> ApiResult<(StatusCode, Json<ProjectDetail>)> {
    let mut project = Project::new(&id, OffsetDateTime::now_utc());
    input.apply(&mut project).map_err(|e| ApiError::Validation(vec![e]))?;
    ctx.table.put_new_for_customer(&id, &project).await?;
    Ok((StatusCode::CREATED, Json(work::detail(&ctx, (project, Vec::new())))))
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/projects/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id")),
    responses((status = 200, body = ProjectDetail), Problems))]
pub async fn get_project(
    State(ctx): State<Context>,
    _s: Staff<can::ReadProjects>,
    PathIds(cid, id): PathIds,
) -> ApiResult<Json<ProjectDetail>> {
    Ok(Json(work::detail(&ctx, work::whole(&ctx, &cid, &id).await?)))
}

/// Changes the project and its milestones (the whole list); completing or cancelling it closes it.
#[utoipa::path(put, path = "/admin/customers/{customer_id}/projects/{id}", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id"),
        ("If-Match" = String, Header, description = "The version read")),
    request_body = ProjectInput, responses((status = 200, body = ProjectDetail), Problems))]
pub async fn update_project(
    State(ctx): State<Context>,
    _s: Staff<can::WriteProjects>,
    PathIds(cid, id): PathIds,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<ProjectInput>,
) -> ApiResult<Json<ProjectDetail>> {
    let (before, tasks) = work::whole(&ctx, &cid, &id).await?;
    if before.version != v {
        return Err(stale());
    }
    let mut after = before.clone();
    input.apply(&mut after).map_err(|e| ApiError::Validation(vec![e]))?;
    after.version = v + 1;
    after.updated_at = OffsetDateTime::now_utc();
    let write = ctx.table.put_versioned(&after, v)?;
    ctx.table.transact_or(vec![write], |_| stale()).await?;
    Ok(Json(work::detail(&ctx, (after, tasks))))
}

/// Adds a task; 409 once the project holds 100.
#[utoipa::path(post, path = "/admin/customers/{customer_id}/projects/{id}/tasks", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id")),
    request_body = TaskInput, responses((status = 201, body = TaskView), Problems))]
pub async fn create_task(
    State(ctx): State<Context>,
    _s: Staff<can::WriteProjects>,
    PathIds(cid, id): PathIds,
    JsonBody(input): JsonBody<TaskInput>,
) -> ApiResult<(StatusCode, Json<TaskView>)> {
    // Made on the first read of the project; a retry after another task's change keeps its id.
    let mut made: Option<ProjectTask> = None;
    let (project, task) = work::with_project(&ctx, &cid, &id, |p| {
        if p.tasks.len() >= MAX_TASKS {
            return Err(ApiError::Conflict(format!("a project holds at most {MAX_TASKS} tasks")));
        }
        let task = made.get_or_insert_with(|| ProjectTask::new(p, OffsetDateTime::now_utc()));
        input.apply(p, task).map_err(|e| ApiError::Validation(vec![e]))?;
        p.tasks.insert(task.id.clone(), task.summary());
        Ok((vec![ctx.table.put_new(&*task)?], task.clone()))
    })
    .await?;
    let view = TaskView::new(&task, !project.status.is_closed(), ctx.table.zone.today());
    Ok((StatusCode::CREATED, Json(view)))
}

/// Changes a task (its progress moves the project's in the same transaction).
#[utoipa::path(put, path = "/admin/customers/{customer_id}/projects/{id}/tasks/{task_id}", tag = "staff",
    security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id"),
        ("task_id" = String, Path, description = "Task id"), ("If-Match" = String, Header, description = "The task's version read")),
    request_body = TaskInput, responses((status = 200, body = TaskView), Problems))]
pub async fn update_task(
    State(ctx): State<Context>,
    _s: Staff<can::WriteProjects>,
    PathIds3(cid, id, task_id): PathIds3,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<TaskInput>,
) -> ApiResult<Json<TaskView>> {
    let before = ctx
        .table
        .get::<ProjectTask>((&cid, &id, &task_id))
        .await?
        .ok_or(ApiError::NotFound)?;
    if before.version != v {
        return Err(stale());
    }
    let (project, task) = work::with_project(&ctx, &cid, &id, |p| {
        let mut after = before.clone();
        input.apply(p, &mut after).map_err(|e| ApiError::Validation(vec![e]))?;
        after.version = v + 1;
        after.updated_at = OffsetDateTime::now_utc();
        p.tasks.insert(after.id.clone(), after.summary());
        Ok((vec![ctx.table.put_versioned(&after, v)?], after))
    })
    .await?;
    Ok(Json(TaskView::new(
        &task,
        !project.status.is_closed(),
        ctx.table.zone.today(),
    )))
}

/// Removes a task (its comments stay on the project).
#[utoipa::path(delete, path = "/admin/customers/{customer_id}/projects/{id}/tasks/{task_id}", tag = "staff",
    security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id"),
        ("task_id" = String, Path, description = "Task id"), ("If-Match" = String, Header, description = "The task's version read")),
    responses((status = 204), Problems))]
pub async fn delete_task(
    State(ctx): State<Context>,
    _s: Staff<can::WriteProjects>,
    PathIds3(cid, id, task_id): PathIds3,
    IfMatch(v): IfMatch,
) -> ApiResult<StatusCode> {
    work::with_project(&ctx, &cid, &id, |p| {
        if p.tasks.remove(&task_id).is_none() {
            return Err(ApiError::NotFound);
        }
        let delete = ctx
            .table
            .delete::<ProjectTask>((&cid, &id, &task_id), Some(Condition::at_version(v)))?;
        Ok((vec![delete], ()))
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/projects/{id}/comments", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id"), PageParams),
    responses((status = 200, body = Page<CommentView>), Problems))]
pub async fn list_comments(
    State(ctx): State<Context>,
    _s: Staff<can::ReadProjects>,
    PathIds(cid, id): PathIds,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<CommentView>>> {
    let project = work::project(&ctx, &cid, &id).await?;
    Ok(Json(work::comments(&ctx, &project, None, &page).await?))
}

#[utoipa::path(post, path = "/admin/customers/{customer_id}/projects/{id}/comments", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id")),
    request_body = CommentInput, responses((status = 201, body = CommentView), Problems))]
pub async fn add_comment(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::WriteProjects>,
    PathIds(cid, id): PathIds,
    JsonBody(input): JsonBody<CommentInput>,
) -> ApiResult<(StatusCode, Json<CommentView>)> {
    let project = work::project(&ctx, &cid, &id).await?;
    let view = work::comment(&ctx, &project, None, input, who.actor(), who.username.clone()).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

#[utoipa::path(get, path = "/admin/customers/{customer_id}/projects/{id}/tasks/{task_id}/comments", tag = "staff",
    security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id"),
        ("task_id" = String, Path, description = "Task id"), PageParams),
    responses((status = 200, body = Page<CommentView>), Problems))]
pub async fn list_task_comments(
    State(ctx): State<Context>,
    _s: Staff<can::ReadProjects>,
    PathIds3(cid, id, task_id): PathIds3,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<CommentView>>> {
    let project = work::project(&ctx, &cid, &id).await?;
    Ok(Json(work::comments(&ctx, &project, Some(&task_id), &page).await?))
}

#[utoipa::path(post, path = "/admin/customers/{customer_id}/projects/{id}/tasks/{task_id}/comments", tag = "staff",
    security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id"),
        ("task_id" = String, Path, description = "Task id")),
    request_body = CommentInput, responses((status = 201, body = CommentView), Problems))]
pub async fn add_task_comment(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::WriteProjects>,
    PathIds3(cid, id, task_id): PathIds3,
    JsonBody(input): JsonBody<CommentInput>,
) -> ApiResult<(StatusCode, Json<CommentView>)> {
    let project = work::project(&ctx, &cid, &id).await?;
    let view = work::comment(&ctx, &project, Some(&task_id), input, who.actor(), who.username.clone()).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// Attaches a document to an open project (the customer's contacts see it on the project).
#[utoipa::path(post, path = "/admin/customers/{customer_id}/projects/{id}/files", tag = "staff", security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id")),
    request_body = NewAttachment, responses((status = 201, body = AttachmentUpload), Problems))]
pub async fn announce_file(
    State(ctx): State<Context>,
    Staff(who, _): Staff<can::WriteProjects>,
    PathIds(cid, id): PathIds,
    JsonBody(input): JsonBody<NewAttachment>,
) -> ApiResult<(StatusCode, Json<AttachmentUpload>)> {
    let project = work::project(&ctx, &cid, &id).await?;
    let upload = announce(&ctx, &project, input, who.actor(), who.username.clone()).await?;
    Ok((StatusCode::CREATED, Json(upload)))
}

/// Checks a staff upload and adds it to the project.
#[utoipa::path(post, path = "/admin/customers/{customer_id}/projects/{id}/files/{file_id}/complete", tag = "staff",
    security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id"),
        ("file_id" = String, Path, description = "File id")),
    responses((status = 200, body = AttachmentView), Problems))]
pub async fn complete_file(
    State(ctx): State<Context>,
    _s: Staff<can::WriteProjects>,
    PathIds3(cid, id, file_id): PathIds3,
) -> ApiResult<Json<AttachmentView>> {
    let project = work::project(&ctx, &cid, &id).await?;
    let done = complete(&ctx, project, &file_id, by_staff).await?;
    Ok(Json(AttachmentView::from(&done)))
}

/// A five-minute link to a file of the project.
#[utoipa::path(get, path = "/admin/customers/{customer_id}/projects/{id}/files/{file_id}/link", tag = "staff",
    security(("staff" = [])),
    params(("customer_id" = String, Path, description = "Customer id"), ("id" = String, Path, description = "Project id"),
        ("file_id" = String, Path, description = "File id")),
    responses((status = 200, body = Link), Problems))]
pub async fn file_link(
    State(ctx): State<Context>,
    _s: Staff<can::ReadProjects>,
    PathIds3(cid, id, file_id): PathIds3,
) -> ApiResult<Json<Link>> {
    let project = work::project(&ctx, &cid, &id).await?;
    Ok(Json(link(&ctx, &project, &file_id).await?))
}
