//! Request and response types of projects, their tasks and comments.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    ids,
    table::{
        attachments::AttachmentView,
        contacts::Actor,
        projects::{Milestone, Project, ProjectComment, ProjectStatus, ProjectTask, ProjectTaskStatus, MAX_MILESTONES},
    },
    validate::{Checks, Validate, MAX_NAME, MAX_TEXT},
};
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};

/// The longest project description and comment.
pub const MAX_BODY: usize = 5_000;

/// `?state=open|closed&limit=&cursor=` on the project lists.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ProjectListParams {
    /// Open (planned, active, on hold; the default) or closed (completed, cancelled).
    #[param(inline)]
    pub state: Option<ProjectState>,
    /// Items per page, 1 to 100 (default 25).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectState {
    #[default]
    Open,
    Closed,
}

/// A milestone as staff send it: with the id of one the project has, or without for a new one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MilestoneInput {
    pub id: Option<String>,
    pub name: String,
    pub due_date: Option<Date>,
    #[serde(default)]
    pub done: bool,
}

/// What staff send for a project. `milestones` is the whole list: one left out is removed (refused while
/// a task is in it).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProjectInput {
    pub name: String,
    pub description: Option<String>,
    #[serde(default)]
    pub status: ProjectStatus,
    pub start_date: Option<Date>,
    pub due_date: Option<Date>,
    /// Who runs it at the business, by name.
    pub manager: Option<String>,
    #[serde(default)]
    pub milestones: Vec<MilestoneInput>,
}

impl Validate for ProjectInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("name", &self.name, MAX_NAME);
        c.optional("description", self.description.as_deref(), MAX_BODY);
        c.optional("manager", self.manager.as_deref(), MAX_NAME);
        if let (Some(start), Some(due)) = (self.start_date, self.due_date) {
            if due < start {
                c.0.push(FieldError::new("due_date", "must not be before start_date"));
            }
        }
        if self.milestones.len() > MAX_MILESTONES {
            c.0.push(FieldError::new(
                "milestones",
                format!("at most {MAX_MILESTONES} milestones"),
            ));
        }
        let mut seen = HashSet::new();
        for (i, m) in self.milestones.iter().enumerate() {
            c.required(&format!("milestones[{i}].name"), &m.name, MAX_NAME);
            if let Some(id) = &m.id {
                if !seen.insert(id.as_str()) {
                    c.0.push(FieldError::new(format!("milestones[{i}].id"), "appears twice"));
                }
            }
        }
    }
}

impl ProjectInput {
    /// Applies the input to `p`; 422 naming the milestone when an id is not one of the project's, or a
    /// removed milestone still holds tasks.
    pub fn apply(self, p: &mut Project) -> Result<(), FieldError> {
        let mut milestones = Vec::with_capacity(self.milestones.len());
        for (i, m) in self.milestones.into_iter().enumerate() {
            let id = match m.id {
                Some(id) if p.milestones.iter().any(|x| x.id == id) => id,
                Some(_) => {
                    return Err(FieldError::new(
                        format!("milestones[{i}].id"),
                        "is not a milestone of this project",
                    ))
                }
                None => ids::new_id(),
            };
            milestones.push(Milestone {
                id,
                name: m.name.trim().to_owned(),
                due_date: m.due_date,
                done: m.done,
            });
        }
        if let Some(gone) = p
            .milestones
            .iter()
            .find(|old| !milestones.iter().any(|m| m.id == old.id) && p.tasks_in(&old.id) > 0)
        {
            return Err(FieldError::new(
                "milestones",
                format!("`{}` still holds tasks; move them first", gone.name),
            ));
        }
        p.name = self.name.trim().to_owned();
        p.description = trimmed(self.description);
        p.status = self.status;
        p.start_date = self.start_date;
        p.due_date = self.due_date;
        p.manager = trimmed(self.manager);
        p.milestones = milestones;
        Ok(())
    }
}

fn trimmed(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

/// What staff send for a task.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskInput {
    pub title: String,
    pub description: Option<String>,
    #[serde(default)]
    pub status: ProjectTaskStatus,
    /// Percent, 0 to 100; a done task is 100 whatever is sent.
    #[serde(default)]
    pub progress: u8,
    pub due_date: Option<Date>,
    /// One of the project's milestones.
    pub milestone_id: Option<String>,
    /// Who does it, by name.
    pub assignee: Option<String>,
}

impl Validate for TaskInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("title", &self.title, MAX_NAME);
        c.optional("description", self.description.as_deref(), MAX_TEXT);
        c.optional("assignee", self.assignee.as_deref(), MAX_NAME);
        if self.progress > 100 {
            c.0.push(FieldError::new("progress", "must be from 0 to 100"));
        }
    }
}

impl TaskInput {
    /// Applies the input to `t`; 422 naming `milestone_id` when it is not one of the project's. Borrowed,
    /// so a write retried on a fresh read of the project checks the milestone against that read.
    pub fn apply(&self, project: &Project, t: &mut ProjectTask) -> Result<(), FieldError> {
        if let Some(m) = &self.milestone_id {
            if !project.milestones.iter().any(|x| &x.id == m) {
                return Err(FieldError::new("milestone_id", "is not a milestone of this project"));
            }
        }
        t.title = self.title.trim().to_owned();
        t.description = trimmed(self.description.clone());
        t.status = self.status;
        t.progress = if self.status == ProjectTaskStatus::Done {
            100
        } else {
            self.progress
        };
        t.due_date = self.due_date;
        t.milestone_id = self.milestone_id.clone();
        t.assignee = trimmed(self.assignee.clone());
        Ok(())
    }
}

/// `POST …/comments`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentInput {
    pub body: String,
}

impl Validate for CommentInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("body", &self.body, MAX_BODY);
    }
}

/// A milestone as shown, with whether it is late.
#[derive(Debug, Serialize, ToSchema)]
pub struct MilestoneView {
    pub id: String,
    pub name: String,
    pub due_date: Option<Date>,
    pub done: bool,
    /// Not done and past its due date.
    pub overdue: bool,
    pub task_count: usize,
}

/// A project as the lists show it: progress and what is late, from the project item alone.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectView {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub status: ProjectStatus,
    pub start_date: Option<Date>,
    pub due_date: Option<Date>,
    pub manager: Option<String>,
    /// The mean progress of its tasks, in percent.
    pub progress: u8,
    pub task_count: usize,
    pub tasks_done: usize,
    /// Open and past its due date.
    pub overdue: bool,
    /// Open tasks past their due date.
    pub overdue_tasks: usize,
    /// Open tasks due today.
    pub tasks_due_today: usize,
    pub milestones: Vec<MilestoneView>,
    pub file_count: usize,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// Send back in `If-Match` to change it (staff).
    pub version: u64,
}

impl ProjectView {
    pub fn new(p: &Project, today: Date) -> Self {
        Self {
            id: p.id.clone(),
            name: p.name.clone(),
            description: p.description.clone(),
            status: p.status,
            start_date: p.start_date,
            due_date: p.due_date,
            manager: p.manager.clone(),
            progress: p.progress(),
            task_count: p.tasks.len(),
            tasks_done: p.tasks_done(),
            overdue: p.overdue(today),
            overdue_tasks: p.overdue_tasks(today),
            tasks_due_today: p.tasks_due_today(today),
            milestones: p
                .milestones
                .iter()
                .map(|m| MilestoneView {
                    id: m.id.clone(),
                    name: m.name.clone(),
                    due_date: m.due_date,
                    done: m.done,
                    overdue: !m.done && !p.status.is_closed() && m.due_date.is_some_and(|d| d < today),
                    task_count: p.tasks_in(&m.id),
                })
                .collect(),
            file_count: p.files.len(),
            updated_at: p.updated_at,
            version: p.version,
        }
    }
}

/// A task as shown.
#[derive(Debug, Serialize, ToSchema)]
pub struct TaskView {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub status: ProjectTaskStatus,
    pub progress: u8,
    pub due_date: Option<Date>,
    pub milestone_id: Option<String>,
    pub assignee: Option<String>,
    /// Not done and past its due date (while the project is open).
    pub overdue: bool,
    /// Not done and due today (while the project is open).
    pub due_today: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// Send back in `If-Match` to change it (staff).
    pub version: u64,
}

impl TaskView {
    pub fn new(t: &ProjectTask, project_open: bool, today: Date) -> Self {
        let s = t.summary();
        Self {
            id: t.id.clone(),
            title: t.title.clone(),
            description: t.description.clone(),
            status: t.status,
            progress: t.progress,
            due_date: t.due_date,
            milestone_id: t.milestone_id.clone(),
            assignee: t.assignee.clone(),
            overdue: project_open && s.overdue(today),
            due_today: project_open && s.due_today(today),
            updated_at: t.updated_at,
            version: t.version,
        }
    }
}

/// A project with its tasks (by due date, undated last) and files.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProjectDetail {
    #[serde(flatten)]
    pub project: ProjectView,
    pub tasks: Vec<TaskView>,
    pub files: Vec<AttachmentView>,
}

impl ProjectDetail {
    pub fn new(p: &Project, mut tasks: Vec<ProjectTask>, today: Date) -> Self {
        tasks.sort_by(|a, b| (a.due_date.is_none(), a.due_date, &a.id).cmp(&(b.due_date.is_none(), b.due_date, &b.id)));
        let open = !p.status.is_closed();
        Self {
            project: ProjectView::new(p, today),
            tasks: tasks.iter().map(|t| TaskView::new(t, open, today)).collect(),
            files: p.files.iter().map(AttachmentView::from).collect(),
        }
    }
}

/// A comment as shown: who wrote it by name, and whether they are staff.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommentView {
    pub id: String,
    /// The task it is on; none for the project itself.
    pub task_id: Option<String>,
    pub body: String,
    pub author_name: String,
    pub by_staff: bool,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<ProjectComment> for CommentView {
    fn from(c: ProjectComment) -> Self {
        Self {
            id: c.id,
            task_id: c.task_id,
            body: c.body,
            author_name: c.author_name,
            by_staff: matches!(c.author, Actor::Staff { .. }),
            created_at: c.created_at,
        }
    }
}
