//! `/portal/projects…`: a contact's view of their company's projects. Every contact of the company sees
//! them; they comment on a project or a task and attach documents to an open project.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    attachments::{announce, by_contact, complete, link, AttachmentUpload, NewAttachment},
    download::Link,
    error::ApiResult,
    extract::{JsonBody, PathId, PathIds, QueryParams},
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{module, Portal, PortalRead},
    table::{attachments::AttachmentView, contacts::Actor},
    Context,
};

use crate::{
    model::{CommentInput, CommentView, ProjectDetail, ProjectListParams, ProjectView},
    work,
};

/// The company's open (or closed) projects, soonest due first, each with its progress and what is late.
#[utoipa::path(get, path = "/portal/projects", tag = "portal", security(("portal" = [])), params(ProjectListParams),
    responses((status = 200, body = Page<ProjectView>), Problems))]
pub async fn list_projects(
    State(ctx): State<Context>,
    who: PortalRead<module::Projects>,
    QueryParams(params): QueryParams<ProjectListParams>,
) -> ApiResult<Json<Page<ProjectView>>> {
    let (_, page) = who
        .check_during(&ctx, work::list(&ctx, &who.0.customer_id, params))
        .await?;
    Ok(Json(page))
}

/// A project with its milestones, tasks and files.
#[utoipa::path(get, path = "/portal/projects/{id}", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Project id")), responses((status = 200, body = ProjectDetail), Problems))]
pub async fn get_project(
    State(ctx): State<Context>,
    who: PortalRead<module::Projects>,
    PathId(id): PathId,
) -> ApiResult<Json<ProjectDetail>> {
    let (_, whole) = who
        .check_during(&ctx, work::whole(&ctx, &who.0.customer_id, &id))
        .await?;
    Ok(Json(work::detail(&ctx, whole)))
}

/// Every comment on the project and its tasks, oldest first.
#[utoipa::path(get, path = "/portal/projects/{id}/comments", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Project id"), PageParams),
    responses((status = 200, body = Page<CommentView>), Problems))]
pub async fn list_comments(
    State(ctx): State<Context>,
    who: PortalRead<module::Projects>,
    PathId(id): PathId,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<CommentView>>> {
    let (_, project) = who
        .check_during(&ctx, work::project(&ctx, &who.0.customer_id, &id))
        .await?;
    Ok(Json(work::comments(&ctx, &project, None, &page).await?))
}

/// Comments on the project as a whole; 409 once it is closed.
#[utoipa::path(post, path = "/portal/projects/{id}/comments", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Project id")), request_body = CommentInput,
    responses((status = 201, body = CommentView), Problems))]
pub async fn add_comment(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Projects>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<CommentInput>,
) -> ApiResult<(StatusCode, Json<CommentView>)> {
    let project = work::project(&ctx, &who.customer_id, &id).await?;
    let c = &session.contact;
    let author = Actor::Contact { id: c.id.clone() };
    let view = work::comment(&ctx, &project, None, input, author, c.display_name()).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// The comments on one task, oldest first.
#[utoipa::path(get, path = "/portal/projects/{id}/tasks/{task_id}/comments", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Project id"), ("task_id" = String, Path, description = "Task id"), PageParams),
    responses((status = 200, body = Page<CommentView>), Problems))]
pub async fn list_task_comments(
    State(ctx): State<Context>,
    who: PortalRead<module::Projects>,
    PathIds(id, task_id): PathIds,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<CommentView>>> {
    let (_, project) = who
        .check_during(&ctx, work::project(&ctx, &who.0.customer_id, &id))
        .await?;
    Ok(Json(work::comments(&ctx, &project, Some(&task_id), &page).await?))
}

/// Comments on one task of an open project.
#[utoipa::path(post, path = "/portal/projects/{id}/tasks/{task_id}/comments", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Project id"), ("task_id" = String, Path, description = "Task id")),
    request_body = CommentInput, responses((status = 201, body = CommentView), Problems))]
pub async fn add_task_comment(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Projects>,
    PathIds(id, task_id): PathIds,
    JsonBody(input): JsonBody<CommentInput>,
) -> ApiResult<(StatusCode, Json<CommentView>)> {
    let project = work::project(&ctx, &who.customer_id, &id).await?;
    let c = &session.contact;
    let author = Actor::Contact { id: c.id.clone() };
    let view = work::comment(&ctx, &project, Some(&task_id), input, author, c.display_name()).await?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// Attaches a document to an open project: answers where to upload it, exactly the announced type and
/// size, within five minutes; then `…/complete`.
#[utoipa::path(post, path = "/portal/projects/{id}/files", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Project id")), request_body = NewAttachment,
    responses((status = 201, body = AttachmentUpload), Problems))]
pub async fn announce_file(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Projects>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<NewAttachment>,
) -> ApiResult<(StatusCode, Json<AttachmentUpload>)> {
    let project = work::project(&ctx, &who.customer_id, &id).await?;
    let c = session.contact;
    let author = Actor::Contact { id: c.id.clone() };
    let upload = announce(&ctx, &project, input, author, c.display_name()).await?;
    Ok((StatusCode::CREATED, Json(upload)))
}

/// Checks the caller's upload and adds it to the project's files; 422 naming `size` (and the file
/// removed) when it is not what was announced, 409 while nothing has arrived.
#[utoipa::path(post, path = "/portal/projects/{id}/files/{file_id}/complete", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Project id"), ("file_id" = String, Path, description = "File id")),
    responses((status = 200, body = AttachmentView), Problems))]
pub async fn complete_file(
    State(ctx): State<Context>,
    Portal(who, session): Portal<module::Projects>,
    PathIds(id, file_id): PathIds,
) -> ApiResult<Json<AttachmentView>> {
    let project = work::project(&ctx, &who.customer_id, &id).await?;
    let done = complete(&ctx, project, &file_id, by_contact(&session.contact.id)).await?;
    Ok(Json(AttachmentView::from(&done)))
}

/// A five-minute link to a file of the project (inline for types a browser displays).
#[utoipa::path(get, path = "/portal/projects/{id}/files/{file_id}/link", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Project id"), ("file_id" = String, Path, description = "File id")),
    responses((status = 200, body = Link), Problems))]
pub async fn file_link(
    State(ctx): State<Context>,
    who: PortalRead<module::Projects>,
    PathIds(id, file_id): PathIds,
) -> ApiResult<Json<Link>> {
    let (_, project) = who
        .check_during(&ctx, work::project(&ctx, &who.0.customer_id, &id))
        .await?;
    Ok(Json(link(&ctx, &project, &file_id).await?))
}
