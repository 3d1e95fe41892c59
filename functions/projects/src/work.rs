//! What the portal and staff routes share: reading a project whole, changing a project together with
//! the task whose summary it keeps, and the comments.

use shared::{
    error::{ApiError, ApiResult},
    ids,
    pagination::{Page, PageParams},
    table::{
        contacts::Actor,
        customers::stale,
        projects::{Project, ProjectComment, ProjectStatus, ProjectTask},
        Action, Condition,
    },
    Context,
};
use time::OffsetDateTime;

use crate::model::{CommentInput, CommentView, ProjectDetail, ProjectListParams, ProjectState, ProjectView};

/// One page of a customer's open or closed projects, soonest due first.
pub async fn list(ctx: &Context, customer_id: &str, params: ProjectListParams) -> ApiResult<Page<ProjectView>> {
    let closed = params.state.unwrap_or_default() == ProjectState::Closed;
    let page = PageParams {
        limit: params.limit,
        cursor: params.cursor,
    };
    let projects = ctx
        .table
        .query_page::<Project>(&Project::of_customer(customer_id, closed), &page)
        .await?;
    let today = ctx.table.zone.today();
    Ok(projects.map(|p| ProjectView::new(&p, today)))
}

/// A project and its tasks, or 404.
pub async fn whole(ctx: &Context, customer_id: &str, id: &str) -> ApiResult<(Project, Vec<ProjectTask>)> {
    ctx.table
        .project_with_tasks(customer_id, id)
        .await?
        .ok_or(ApiError::NotFound)
}

pub async fn project(ctx: &Context, customer_id: &str, id: &str) -> ApiResult<Project> {
    ctx.table
        .get::<Project>((customer_id, id))
        .await?
        .ok_or(ApiError::NotFound)
}

pub fn detail(ctx: &Context, (project, tasks): (Project, Vec<ProjectTask>)) -> ProjectDetail {
    ProjectDetail::new(&project, tasks, ctx.table.zone.today())
}

/// Changes a project's task summary: reads the project, lets `change` alter it and name the task's own
/// writes, then writes both in one transaction at the project's version. A concurrent change of the
/// same project (another task) is retried on a fresh read; any other failed condition is `explain`ed.
pub async fn with_project<T>(
    ctx: &Context,
    customer_id: &str,
    id: &str,
    mut change: impl FnMut(&mut Project) -> ApiResult<(Vec<Action>, T)>,
) -> ApiResult<(Project, T)> {
    for _ in 0..5 {
        let before = project(ctx, customer_id, id).await?;
        let mut after = before.clone();
        let (mut actions, out) = change(&mut after)?;
        after.version = before.version + 1;
        after.updated_at = OffsetDateTime::now_utc();
        actions.push(ctx.table.put_versioned(&after, before.version)?.named("project"));
        match ctx.table.transact(actions).await {
            Ok(()) => return Ok((after, out)),
            Err(Ok(c)) if c.failed("project") && c.failed.len() == 1 => continue,
            Err(Ok(_)) => return Err(stale()),
            Err(Err(e)) => return Err(e),
        }
    }
    Err(ApiError::Unavailable)
}

/// Adds a comment to an open project, or to one of its tasks; 404 for a task it does not have.
pub async fn comment(
    ctx: &Context,
    project: &Project,
    task_id: Option<&str>,
    input: CommentInput,
    author: Actor,
    author_name: String,
) -> ApiResult<CommentView> {
    if let Some(t) = task_id {
        if !project.tasks.contains_key(t) {
            return Err(ApiError::NotFound);
        }
    }
    if project.status.is_closed() {
        return Err(ApiError::Conflict("the project is closed".into()));
    }
    let c = ProjectComment {
        id: ids::new_id(),
        customer_id: project.customer_id.clone(),
        project_id: project.id.clone(),
        task_id: task_id.map(str::to_owned),
        body: input.body.trim().to_owned(),
        author,
        author_name,
        created_at: OffsetDateTime::now_utc(),
    };
    // The project must still be open: it may have closed since it was read.
    let open = Condition::exists()
        .and(Condition::ne("status", ProjectStatus::Completed)?)
        .and(Condition::ne("status", ProjectStatus::Cancelled)?);
    let actions = vec![
        ctx.table.check::<Project>((&project.customer_id, &project.id), open)?,
        ctx.table.put_new(&c)?,
    ];
    ctx.table
        .transact_or(actions, |_| ApiError::Conflict("the project is closed".into()))
        .await?;
    Ok(CommentView::from(c))
}

/// A page of comments: the whole project's (`task_id` none) or one task's, oldest first.
pub async fn comments(
    ctx: &Context,
    project: &Project,
    task_id: Option<&str>,
    page: &PageParams,
) -> ApiResult<Page<CommentView>> {
    let spec = match task_id {
        Some(t) if project.tasks.contains_key(t) => ProjectComment::of_task(&project.customer_id, t),
        Some(_) => return Err(ApiError::NotFound),
        None => ProjectComment::of_project(&project.customer_id, &project.id),
    };
    Ok(ctx
        .table
        .query_page::<ProjectComment>(&spec, page)
        .await?
        .map(CommentView::from))
}
