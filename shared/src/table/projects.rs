//! Projects: what staff run for a customer, with milestones and tasks, and the comments both sides
//! leave on a project or one of its tasks.
//!
//! A project item carries its milestones, its files and a summary of each task (progress, due date,
//! done), so the list shows progress and overdue tasks from the project alone; each task is its own item
//! in the project's collection, written in one transaction with the project whose summary it moves.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::{attachments::Attachment, contacts::Actor, keys, Entity, PrimaryKey, QuerySpec, Table, Versioned};
use crate::error::ApiResult;

/// The most tasks one project holds (its summary stays a few kilobytes).
pub const MAX_TASKS: usize = 100;
/// The most milestones one project holds.
pub const MAX_MILESTONES: usize = 20;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectStatus {
    #[default]
    Planned,
    Active,
    OnHold,
    Completed,
    Cancelled,
}

impl ProjectStatus {
    /// Completed and cancelled projects are closed: listed apart, no new comments or files.
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Completed | Self::Cancelled)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProjectTaskStatus {
    #[default]
    Todo,
    InProgress,
    Done,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Milestone {
    pub id: String,
    pub name: String,
    pub due_date: Option<Date>,
    pub done: bool,
}

/// What the project keeps of each task.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskSummary {
    pub progress: u8,
    pub due_date: Option<Date>,
    pub done: bool,
    pub milestone_id: Option<String>,
}

impl TaskSummary {
    pub fn overdue(&self, today: Date) -> bool {
        !self.done && self.due_date.is_some_and(|d| d < today)
    }

    pub fn due_today(&self, today: Date) -> bool {
        !self.done && self.due_date == Some(today)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    pub customer_id: String,
    pub name: String,
    pub description: Option<String>,
    pub status: ProjectStatus,
    pub start_date: Option<Date>,
    pub due_date: Option<Date>,
    /// Who runs it at the business, by name.
    pub manager: Option<String>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Each task's summary, by task id.
    #[serde(default)]
    pub tasks: BTreeMap<String, TaskSummary>,
    /// Documents staff or contacts attached, oldest first.
    #[serde(default)]
    pub files: Vec<Attachment>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Entity for Project {
    const TYPE: &'static str = "project";
    /// (customer id, project id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::project(id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.id)
    }

    /// A customer's open or closed projects, soonest due first (undated last).
    fn gsi1(&self) -> Option<(String, String)> {
        Some((
            keys::customer_projects(&self.customer_id, self.status.is_closed()),
            keys::by_due_date(self.due_date, &self.id),
        ))
    }
}

impl Versioned for Project {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}

impl Project {
    /// A new, empty project of the customer, planned, without a name yet.
    pub fn new(customer_id: &str, now: OffsetDateTime) -> Self {
        Self {
            id: crate::ids::new_id(),
            customer_id: customer_id.to_owned(),
            name: String::new(),
            description: None,
            status: ProjectStatus::default(),
            start_date: None,
            due_date: None,
            manager: None,
            milestones: Vec::new(),
            tasks: BTreeMap::new(),
            files: Vec::new(),
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }

    /// A customer's open (or closed) projects, soonest due first.
    pub fn of_customer(customer_id: &str, closed: bool) -> QuerySpec {
        QuerySpec::gsi1(keys::customer_projects(customer_id, closed))
    }

    /// The mean progress of the tasks, in percent (a completed project without tasks is 100).
    pub fn progress(&self) -> u8 {
        if self.tasks.is_empty() {
            return if self.status == ProjectStatus::Completed {
                100
            } else {
                0
            };
        }
        let sum: u32 = self.tasks.values().map(|t| u32::from(t.progress)).sum();
        (sum / self.tasks.len() as u32) as u8
    }

    /// Past its due date and not closed.
    pub fn overdue(&self, today: Date) -> bool {
        !self.status.is_closed() && self.due_date.is_some_and(|d| d < today)
    }

    pub fn tasks_done(&self) -> usize {
        self.tasks.values().filter(|t| t.done).count()
    }

    /// Open tasks past their due date (none once the project is closed).
    pub fn overdue_tasks(&self, today: Date) -> usize {
        if self.status.is_closed() {
            return 0;
        }
        self.tasks.values().filter(|t| t.overdue(today)).count()
    }

    /// Open tasks due today (none once the project is closed).
    pub fn tasks_due_today(&self, today: Date) -> usize {
        if self.status.is_closed() {
            return 0;
        }
        self.tasks.values().filter(|t| t.due_today(today)).count()
    }

    /// How many tasks are in the milestone.
    pub fn tasks_in(&self, milestone_id: &str) -> usize {
        self.tasks
            .values()
            .filter(|t| t.milestone_id.as_deref() == Some(milestone_id))
            .count()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectTask {
    pub id: String,
    pub customer_id: String,
    pub project_id: String,
    pub title: String,
    pub description: Option<String>,
    pub status: ProjectTaskStatus,
    /// Percent, 100 once done.
    pub progress: u8,
    pub due_date: Option<Date>,
    pub milestone_id: Option<String>,
    /// Who does it, by name.
    pub assignee: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl Entity for ProjectTask {
    const TYPE: &'static str = "project_task";
    /// (customer id, project id, task id)
    type Id<'a> = (&'a str, &'a str, &'a str);

    fn key((customer_id, project_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::project_task(project_id, id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.project_id, &self.id)
    }
}

impl Versioned for ProjectTask {
    fn version_mut(&mut self) -> &mut u64 {
        &mut self.version
    }
}

impl ProjectTask {
    /// A new task of the project, to do, without a title yet.
    pub fn new(project: &Project, now: OffsetDateTime) -> Self {
        Self {
            id: crate::ids::new_id(),
            customer_id: project.customer_id.clone(),
            project_id: project.id.clone(),
            title: String::new(),
            description: None,
            status: ProjectTaskStatus::default(),
            progress: 0,
            due_date: None,
            milestone_id: None,
            assignee: None,
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }

    /// The tasks of a project, in creation order.
    pub fn of_project(customer_id: &str, project_id: &str) -> QuerySpec {
        QuerySpec::table(keys::customer(customer_id), keys::project_tasks_prefix(project_id))
    }

    pub fn summary(&self) -> TaskSummary {
        TaskSummary {
            progress: self.progress,
            due_date: self.due_date,
            done: self.status == ProjectTaskStatus::Done,
            milestone_id: self.milestone_id.clone(),
        }
    }
}

/// A comment on a project, or on one of its tasks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectComment {
    pub id: String,
    pub customer_id: String,
    pub project_id: String,
    pub task_id: Option<String>,
    pub body: String,
    pub author: Actor,
    pub author_name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl Entity for ProjectComment {
    const TYPE: &'static str = "project_comment";
    /// (customer id, project id, comment id)
    type Id<'a> = (&'a str, &'a str, &'a str);

    fn key((customer_id, project_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::project_comment(project_id, id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.project_id, &self.id)
    }

    /// A task's comments, in time order (the project's collection holds all of them in time order).
    fn gsi1(&self) -> Option<(String, String)> {
        let task = self.task_id.as_deref()?;
        Some((keys::task_comments(&self.customer_id, task), self.id.clone()))
    }
}

impl ProjectComment {
    /// Every comment of a project (on it or on its tasks), oldest first.
    pub fn of_project(customer_id: &str, project_id: &str) -> QuerySpec {
        QuerySpec::table(keys::customer(customer_id), keys::project_comments_prefix(project_id))
    }

    /// The comments of one task, oldest first.
    pub fn of_task(customer_id: &str, task_id: &str) -> QuerySpec {
        QuerySpec::gsi1(keys::task_comments(customer_id, task_id))
    }
}

impl Table {
    /// A project and all its tasks (at most [`MAX_TASKS`]), in one Query of the project's collection.
    pub async fn project_with_tasks(
        &self,
        customer_id: &str,
        project_id: &str,
    ) -> ApiResult<Option<(Project, Vec<ProjectTask>)>> {
        let mut project = None;
        let mut tasks = Vec::new();
        let mut start = None;
        loop {
            // One page holds the whole collection (at most 100 tasks of a few kilobytes); a second only
            // if DynamoDB's 1 MB page were ever reached.
            let out = self
                .query_prefix(keys::customer(customer_id), keys::project(project_id))
                .consistent_read(true)
                .set_exclusive_start_key(start)
                .send()
                .await
                .map_err(crate::error::from_sdk)?;
            for item in out.items.unwrap_or_default() {
                match item.get(keys::ENTITY).and_then(|v| v.as_s().ok()).map(String::as_str) {
                    Some(Project::TYPE) => project = Some(Project::from_item(item)?),
                    Some(ProjectTask::TYPE) => tasks.push(ProjectTask::from_item(item)?),
                    _ => {}
                }
            }
            start = out.last_evaluated_key;
            if start.is_none() {
                return Ok(project.map(|p| (p, tasks)));
            }
        }
    }
}
