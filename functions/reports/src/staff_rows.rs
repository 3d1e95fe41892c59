//! What each kind of record shows in a staff report: its reference, title and status, the statuses
//! it can be filtered by, and the additional fields staff may ask for.

use serde::Serialize;
use shared::{
    error::ApiResult,
    table::{
        datasheets::{Sheet, SheetStatus},
        keys::report_kind,
        operations::{Job, JobStatus, TaskStatus, Workflow},
        quotes::{Quote, QuoteStatus},
        tickets::{Ticket, TicketStatus},
        Condition, Entity,
    },
};
use time::{format_description::well_known::Rfc3339, OffsetDateTime};

use crate::text::money;

/// A record staff report on, indexed in GSI3 by time of creation.
pub trait StaffRecord: Entity + Send {
    /// Its kind in GSI3 ([`report_kind`]).
    const KIND: &'static str;
    /// The statuses `status` may name.
    fn statuses() -> Vec<String>;
    /// The additional fields `fields` may name, in the order the columns come.
    const FIELDS: &'static [&'static str];

    fn customer(&self) -> &str;
    fn record_id(&self) -> &str;
    fn created(&self) -> OffsetDateTime;
    fn reference(&self) -> String;
    fn title(&self) -> String;
    fn status(&self) -> String;
    /// One of [`Self::FIELDS`], as text (empty when unset).
    fn field(&self, name: &str) -> String;

    /// The filter for one of [`Self::statuses`].
    fn status_is(status: &str) -> ApiResult<Condition> {
        Condition::eq("status", status)
    }
}

/// The customer, id and creation time every one of these records keeps under the same names.
macro_rules! same_identity {
    () => {
        fn customer(&self) -> &str {
            &self.customer_id
        }
        fn record_id(&self) -> &str {
            &self.id
        }
        fn created(&self) -> OffsetDateTime {
            self.created_at
        }
    };
}

/// A serde enum as the word it is written as.
fn word<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn words<T: Serialize>(all: &[T]) -> Vec<String> {
    all.iter().map(word).collect()
}

fn time(t: Option<OffsetDateTime>) -> String {
    t.and_then(|t| t.format(&Rfc3339).ok()).unwrap_or_default()
}

fn opt(v: Option<impl ToString>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

impl StaffRecord for Ticket {
    const KIND: &'static str = report_kind::TICKET;
    const FIELDS: &'static [&'static str] = &[
        "type",
        "priority",
        "contact",
        "assignee",
        "visible_in_portal",
        "closed_at",
        "updated_at",
        "description",
    ];

    fn statuses() -> Vec<String> {
        words(&TicketStatus::ALL)
    }
    same_identity!();
    fn reference(&self) -> String {
        format!("#{}", self.number)
    }
    fn title(&self) -> String {
        self.subject.clone()
    }
    fn status(&self) -> String {
        word(&self.status)
    }
    fn field(&self, name: &str) -> String {
        match name {
            "type" => word(&self.ticket_type),
            "priority" => word(&self.priority),
            "contact" => opt(self.contact_name.as_ref()),
            "assignee" => opt(self.assignee.as_ref()),
            "visible_in_portal" => self.visible_in_portal.to_string(),
            "closed_at" => time(self.closed_at),
            "updated_at" => time(Some(self.updated_at)),
            "description" => self.description.clone(),
            _ => String::new(),
        }
    }
}

impl StaffRecord for Job {
    const KIND: &'static str = report_kind::JOB;
    const FIELDS: &'static [&'static str] = &[
        "job_type",
        "kind",
        "taken_by",
        "order_number",
        "technicians",
        "scheduled_at",
        "estimated_hours",
        "actual_hours",
        "finished_at",
        "closed_at",
    ];

    fn statuses() -> Vec<String> {
        words(&[
            JobStatus::Booked,
            JobStatus::InProgress,
            JobStatus::OnHold,
            JobStatus::Finished,
            JobStatus::Closed,
        ])
    }
    same_identity!();
    fn reference(&self) -> String {
        self.reference.clone()
    }
    fn title(&self) -> String {
        self.description.clone()
    }
    fn status(&self) -> String {
        word(&self.status)
    }
    fn field(&self, name: &str) -> String {
        match name {
            "job_type" => self.job_type.clone(),
            "kind" => self.field.as_ref().map(|f| word(&f.kind)).unwrap_or_default(),
            "taken_by" => opt(self.taken_by.as_ref()),
            "order_number" => opt(self.order_number.as_ref()),
            "technicians" => self.technicians.join("; "),
            "scheduled_at" => time(self.scheduled_at),
            "estimated_hours" => opt(self.estimated_hours),
            "actual_hours" => opt(self.actual_hours),
            "finished_at" => time(self.finished_at),
            "closed_at" => time(self.closed_at),
            _ => String::new(),
        }
    }
}

impl StaffRecord for Sheet {
    const KIND: &'static str = report_kind::SHEET;
    const FIELDS: &'static [&'static str] = &["created_by", "submitted_at", "submitted_by", "ticket_number"];

    fn statuses() -> Vec<String> {
        words(&[SheetStatus::Draft, SheetStatus::Submitted])
    }
    same_identity!();
    fn reference(&self) -> String {
        self.ticket_number.map(|n| format!("#{n}")).unwrap_or_default()
    }
    fn title(&self) -> String {
        self.template_name.clone()
    }
    fn status(&self) -> String {
        word(&self.status)
    }
    fn field(&self, name: &str) -> String {
        match name {
            "created_by" => self.created_by_name.clone(),
            "submitted_at" => time(self.submitted_at),
            "submitted_by" => opt(self.submitted_by.as_ref()),
            "ticket_number" => opt(self.ticket_number),
            _ => String::new(),
        }
    }
}

impl StaffRecord for Workflow {
    const KIND: &'static str = report_kind::WORKFLOW;
    const FIELDS: &'static [&'static str] = &["instigator", "tasks", "tasks_done", "updated_at"];

    fn statuses() -> Vec<String> {
        vec!["active".into(), "inactive".into()]
    }
    same_identity!();
    fn reference(&self) -> String {
        self.id.clone()
    }
    fn title(&self) -> String {
        self.workflow_type.clone()
    }
    fn status(&self) -> String {
        if self.active { "active" } else { "inactive" }.into()
    }
    fn field(&self, name: &str) -> String {
        match name {
            "instigator" => self.instigator.clone(),
            "tasks" => self.tasks.len().to_string(),
            "tasks_done" => self
                .tasks
                .iter()
                .filter(|t| t.status == TaskStatus::Done)
                .count()
                .to_string(),
            "updated_at" => time(Some(self.updated_at)),
            _ => String::new(),
        }
    }
    /// A workflow is active or not; it has no status of its own.
    fn status_is(status: &str) -> ApiResult<Condition> {
        Condition::eq("active", status == "active")
    }
}

impl StaffRecord for Quote {
    const KIND: &'static str = report_kind::QUOTE;
    const FIELDS: &'static [&'static str] = &[
        "total",
        "kind",
        "valid_until",
        "sent_at",
        "decided_by",
        "decided_at",
        "order_number",
        "description",
    ];

    fn statuses() -> Vec<String> {
        words(&[
            QuoteStatus::Draft,
            QuoteStatus::Sent,
            QuoteStatus::Authorised,
            QuoteStatus::Declined,
        ])
    }
    same_identity!();
    fn reference(&self) -> String {
        self.number.clone()
    }
    fn title(&self) -> String {
        self.title.clone()
    }
    fn status(&self) -> String {
        word(&self.status)
    }
    fn field(&self, name: &str) -> String {
        let decision = self.decision.as_ref();
        match name {
            "total" => money(&self.currency, self.total),
            "kind" => word(&self.kind),
            "valid_until" => self.valid_until.to_string(),
            "sent_at" => time(self.sent_at),
            "decided_by" => opt(decision.map(|d| &d.name)),
            "decided_at" => time(decision.map(|d| d.at)),
            "order_number" => opt(decision.and_then(|d| d.order_number.as_ref())),
            "description" => opt(self.description.as_ref()),
            _ => String::new(),
        }
    }
}
