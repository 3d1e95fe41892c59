//! Request and response types of the tickets capability.

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    table::attachments::AttachmentView,
    table::contacts::{Actor, Contact},
    table::sla::SlaView,
    table::tickets::{NoteKind, Priority, Rating, Ticket, TicketNote, TicketScope, TicketStatus, TicketType},
    validate::{Checks, Validate, MAX_NAME},
};
use time::OffsetDateTime;
use utoipa::{IntoParams, ToSchema};

pub const MAX_DESCRIPTION: usize = 20_000;
pub const MAX_NOTE: usize = 20_000;

/// A row of the portal's ticket list (the CSV export has the same rows, without `id` and `raised_by_me`).
#[derive(Debug, Serialize, ToSchema)]
pub struct TicketRow {
    pub id: String,
    pub number: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub subject: String,
    pub contact: Option<String>,
    pub status: TicketStatus,
    #[serde(with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
    /// The caller raised this ticket, so `POST /portal/tickets/{id}/close` is theirs to use while it is open.
    pub raised_by_me: bool,
    /// Only its raiser and staff see it.
    pub confidential: bool,
}

impl TicketRow {
    /// The row as `contact_id` (the caller) sees it.
    pub fn new(t: Ticket, contact_id: &str) -> Self {
        let raised_by_me = raised_by(&t, contact_id);
        Self {
            id: t.id,
            number: t.number,
            created_at: t.created_at,
            subject: t.subject,
            contact: t.contact_name,
            status: t.status,
            closed_at: t.closed_at,
            raised_by_me,
            confidential: t.confidential,
        }
    }
}

/// Whether `contact_id` raised the ticket: the one rule behind `raised_by_me` and who may close it.
pub fn raised_by(t: &Ticket, contact_id: &str) -> bool {
    t.originator_contact_id.as_deref() == Some(contact_id)
}

/// One message of a ticket's conversation as the portal shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ConversationEntry {
    pub id: String,
    /// `contact` (a contact's note), `public` (a staff note) or `email` (an email staff sent).
    pub kind: NoteKind,
    pub author: String,
    pub body: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<TicketNote> for ConversationEntry {
    fn from(n: TicketNote) -> Self {
        Self {
            id: n.id,
            kind: n.kind,
            author: n.author_name,
            body: n.body,
            created_at: n.created_at,
        }
    }
}

/// `GET /portal/tickets/{id}`.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalTicket {
    pub id: String,
    pub number: u64,
    pub subject: String,
    pub description: String,
    pub contact: Option<String>,
    pub status: TicketStatus,
    #[serde(rename = "type")]
    pub ticket_type: TicketType,
    pub priority: Priority,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
    /// The caller raised this ticket, so `POST /portal/tickets/{id}/close` is theirs to use while it is open.
    pub raised_by_me: bool,
    /// The caller may change the subject and description (`PUT /portal/tickets/{id}`): they raised it and it is new.
    pub editable: bool,
    /// Until when the caller may reopen it (`POST /portal/tickets/{id}/reopen`): they closed it, recently.
    #[serde(with = "time::serde::rfc3339::option")]
    pub reopen_until: Option<OffsetDateTime>,
    /// The caller may rate it (`POST /portal/tickets/{id}/rating`): it is closed, about them, and not rated yet.
    pub ratable: bool,
    /// The satisfaction rating given, if any.
    pub rating: Option<RatingView>,
    /// Only its raiser and staff see it, even colleagues with the see-all grant; the raiser may change
    /// this (`PUT /portal/tickets/{id}/confidentiality`).
    pub confidential: bool,
    /// The response and resolution targets of its priority and whether they were met.
    pub sla: SlaView,
    /// Files on the ticket, oldest first (each opened through `…/attachments/{attachment_id}/link`).
    pub attachments: Vec<AttachmentView>,
    /// Oldest first. Internal notes are never here.
    pub conversation: Vec<ConversationEntry>,
}

/// A staff view: the ticket, its conversation and its internal notes.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffTicket {
    pub ticket: TicketResponse,
    pub conversation: Vec<TicketNoteResponse>,
    pub internal_notes: Vec<TicketNoteResponse>,
}

impl StaffTicket {
    pub fn new(ticket: &Ticket, conversation: &[TicketNote], internal_notes: &[TicketNote]) -> Self {
        Self {
            ticket: ticket.into(),
            conversation: conversation.iter().map(Into::into).collect(),
            internal_notes: internal_notes.iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPortalTicket {
    pub subject: String,
    pub description: String,
    #[serde(rename = "type")]
    pub ticket_type: TicketType,
    pub priority: Priority,
    /// Only the caller and staff will see it, even colleagues with the see-all grant (default false).
    #[serde(default)]
    pub confidential: bool,
}

impl Validate for NewPortalTicket {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("subject", &self.subject, MAX_NAME);
        Checks(errors).required("description", &self.description, MAX_DESCRIPTION);
    }
}

/// A ticket as staff create or replace it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffTicketInput {
    pub subject: String,
    pub description: String,
    #[serde(rename = "type")]
    pub ticket_type: TicketType,
    pub priority: Priority,
    #[serde(default = "default_status")]
    pub status: TicketStatus,
    #[serde(default)]
    pub visible_in_portal: bool,
    /// A contact of this customer.
    pub contact_id: Option<String>,
    pub assignee: Option<String>,
}

fn default_status() -> TicketStatus {
    TicketStatus::New
}

impl Validate for StaffTicketInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("subject", &self.subject, MAX_NAME);
        c.required("description", &self.description, MAX_DESCRIPTION);
        c.optional("assignee", self.assignee.as_deref(), MAX_NAME);
        if let Some(id) = &self.contact_id {
            if !shared::ids::is_valid(id) {
                errors.push(FieldError::new("contact_id", "is not a valid identifier"));
            }
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewNote {
    pub body: String,
}

impl Validate for NewNote {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("body", &self.body, MAX_NOTE);
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StaffNote {
    pub body: String,
    /// Internal notes stay with staff; the others join the conversation the contact sees.
    pub internal: bool,
}

impl Validate for StaffNote {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("body", &self.body, MAX_NOTE);
    }
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerEmail {
    pub body: String,
}

impl Validate for CustomerEmail {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("body", &self.body, MAX_NOTE);
    }
}

/// `PUT /portal/tickets/{id}/confidentiality`.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Confidentiality {
    pub confidential: bool,
}

impl Validate for Confidentiality {
    fn validate(&self, _: &mut Vec<FieldError>) {}
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketVisibility {
    pub see_all_tickets: bool,
}

impl Validate for TicketVisibility {
    fn validate(&self, _: &mut Vec<FieldError>) {}
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StatusFilter {
    #[default]
    Open,
    Closed,
}

/// `GET /portal/tickets` (and `/export`) parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// `open` (default) or `closed`.
    #[serde(default)]
    #[param(inline)]
    pub status: StatusFilter,
    /// `mine`: only the tickets the caller raised. `all`: every portal-visible ticket of the company
    /// for a contact with the "see all company tickets" grant (but colleagues' confidential ones), the
    /// caller's own otherwise. Without it, the company's setting (`default_ticket_scope`, `all` unless
    /// staff chose `mine`).
    #[param(inline)]
    pub scope: Option<TicketScope>,
    /// Text the subject contains (case-insensitive).
    pub q: Option<String>,
    /// Items per page, 1 to 100 (default 25). For the export, the most rows it holds (default all, up to 5,000).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page (for the export, also its `X-Next-Cursor`): the tickets after it.
    pub cursor: Option<String>,
}

impl ListParams {
    pub fn page(&self) -> shared::pagination::PageParams {
        shared::pagination::PageParams {
            limit: self.limit,
            cursor: self.cursor.clone(),
        }
    }

    /// Whether the list is the company's (true) or only the tickets the caller raised, with the
    /// company's `default` when the caller names no scope.
    pub fn whole_company(&self, me: &Contact, default: TicketScope) -> bool {
        me.see_all_tickets && self.scope.unwrap_or(default) == TicketScope::All
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(see_all_tickets: bool) -> Contact {
        let mut c = Contact::new(
            "01K0CONTACT".into(),
            "01K0CUSTOMER".into(),
            "Ann".into(),
            "Lee".into(),
            shared::table::contacts::Actor::System,
        );
        c.see_all_tickets = see_all_tickets;
        c
    }

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    fn params(query: &str) -> Result<ListParams, Box<dyn std::error::Error>> {
        Ok(axum::extract::Query::<ListParams>::try_from_uri(&format!("/?{query}").parse()?)?.0)
    }

    #[test]
    fn scope_limits_the_list_to_the_callers_own_tickets_unless_granted_and_asked() -> TestResult {
        let (plain, granted) = (contact(false), contact(true));
        for query in ["", "scope=all", "scope=mine", "status=closed&scope=mine"] {
            for default in [TicketScope::All, TicketScope::Mine] {
                assert!(
                    !params(query)?.whole_company(&plain, default),
                    "{query:?} without the grant"
                );
            }
        }
        assert!(
            params("")?.whole_company(&granted, TicketScope::All),
            "with the grant the company's list unless the company starts on mine"
        );
        assert!(!params("")?.whole_company(&granted, TicketScope::Mine));
        assert!(params("scope=all")?.whole_company(&granted, TicketScope::Mine));
        assert!(!params("scope=mine")?.whole_company(&granted, TicketScope::All));
        assert!(params("scope=everyone").is_err());
        Ok(())
    }
}

// The response for a stored ticket (the schema keeps its name).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Ticket)]
pub struct TicketResponse {
    pub id: String,
    /// Human-readable, unique in the deployment.
    pub number: u64,
    pub customer_id: String,
    pub subject: String,
    pub description: String,
    #[serde(rename = "type")]
    pub ticket_type: TicketType,
    pub priority: Priority,
    pub status: TicketStatus,
    pub visible_in_portal: bool,
    /// The contact who raised it in the portal, if one did.
    pub originator_contact_id: Option<String>,
    /// The customer contact the ticket is about (and whom emails go to).
    pub contact_id: Option<String>,
    pub contact_name: Option<String>,
    pub assignee: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub closed_at: Option<OffsetDateTime>,
    /// The data sheet whose submission raised this ticket.
    #[serde(default)]
    pub data_sheet_id: Option<String>,
    /// Lower-cased subject, for search.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schema(ignore)]
    pub subject_search: String,
    /// The contact's satisfaction rating, once given.
    pub rating: Option<Rating>,
    /// Only its raiser and staff see it.
    pub confidential: bool,
    /// The response and resolution targets of its priority and whether they were met.
    pub sla: SlaView,
    /// Files on the ticket, oldest first.
    pub attachments: Vec<AttachmentView>,
    pub version: u64,
}

impl From<&Ticket> for TicketResponse {
    fn from(e: &Ticket) -> Self {
        Self {
            id: e.id.clone(),
            number: e.number,
            customer_id: e.customer_id.clone(),
            subject: e.subject.clone(),
            description: e.description.clone(),
            ticket_type: e.ticket_type,
            priority: e.priority,
            status: e.status,
            visible_in_portal: e.visible_in_portal,
            originator_contact_id: e.originator_contact_id.clone(),
            contact_id: e.contact_id.clone(),
            contact_name: e.contact_name.clone(),
            assignee: e.assignee.clone(),
            created_at: e.created_at,
            updated_at: e.updated_at,
            closed_at: e.closed_at,
            data_sheet_id: e.data_sheet_id.clone(),
            subject_search: e.subject_search.clone(),
            rating: e.rating.clone(),
            confidential: e.confidential,
            sla: SlaView::of(e, OffsetDateTime::now_utc()),
            attachments: e.attachments.iter().map(AttachmentView::from).collect(),
            version: e.version,
        }
    }
}

// The response for a stored note (the schema keeps its name).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = TicketNote)]
pub struct TicketNoteResponse {
    pub id: String,
    pub ticket_id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schema(ignore)]
    pub customer_id: String,
    pub kind: NoteKind,
    pub body: String,
    pub author: Actor,
    pub author_name: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

impl From<&TicketNote> for TicketNoteResponse {
    fn from(e: &TicketNote) -> Self {
        Self {
            id: e.id.clone(),
            ticket_id: e.ticket_id.clone(),
            customer_id: e.customer_id.clone(),
            kind: e.kind,
            body: e.body.clone(),
            author: e.author.clone(),
            author_name: e.author_name.clone(),
            created_at: e.created_at,
        }
    }
}

/// A rating as the portal shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct RatingView {
    pub score: u8,
    pub comment: Option<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

/// `PUT /portal/tickets/{id}`: a new ticket's subject and description, changed by the contact who raised it.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TicketEdit {
    pub subject: String,
    pub description: String,
}

impl Validate for TicketEdit {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        Checks(errors).required("subject", &self.subject, MAX_NAME);
        Checks(errors).required("description", &self.description, MAX_DESCRIPTION);
    }
}

/// The most characters a rating's comment holds.
pub const MAX_RATING_COMMENT: usize = 2_000;

/// `POST /portal/tickets/{id}/rating`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewRating {
    /// 1 (very dissatisfied) to 5 (very satisfied).
    pub score: u8,
    pub comment: Option<String>,
}

impl Validate for NewRating {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        if !(1..=5).contains(&self.score) {
            errors.push(FieldError::new("score", "must be from 1 to 5"));
        }
        if let Some(c) = &self.comment {
            Checks(errors).optional("comment", Some(c.as_str()), MAX_RATING_COMMENT);
        }
    }
}
