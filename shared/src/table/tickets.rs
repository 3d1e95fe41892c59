//! Tickets, their conversation and internal notes, the ticket-number counter and the dashboard counters.

use aws_sdk_dynamodb::types::{AttributeValue, TransactWriteItem, Update};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use super::{
    contacts::Actor,
    counters::{delta, Counts},
    customers::stale,
    keys, num, Action, Entity, PrimaryKey, QuerySpec, Table,
};
use crate::{
    error::{from_sdk, ApiError, ApiResult},
    pagination::{Page, PageParams},
};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    New,
    InProgress,
    WaitingOnCustomer,
    Closed,
}

impl TicketStatus {
    pub const ALL: [TicketStatus; 4] = [Self::New, Self::InProgress, Self::WaitingOnCustomer, Self::Closed];

    pub fn is_closed(self) -> bool {
        self == Self::Closed
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::InProgress => "in_progress",
            Self::WaitingOnCustomer => "waiting_on_customer",
            Self::Closed => "closed",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    Normal,
    High,
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 4] = [Self::Low, Self::Normal, Self::High, Self::Urgent];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Low => "low",
            Self::Normal => "normal",
            Self::High => "high",
            Self::Urgent => "urgent",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TicketType {
    Incident,
    Request,
    Question,
    Fault,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Ticket {
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
    /// The contact who closed it in the portal (they may reopen it for a while); none when staff closed it.
    #[serde(default)]
    pub closed_by_contact: Option<String>,
    /// The contact's satisfaction rating, given once after close.
    #[serde(default)]
    pub rating: Option<Rating>,
    /// Only the contact who raised it and staff see it, even colleagues with the see-all grant.
    #[serde(default)]
    pub confidential: bool,
    /// The response and resolution targets of its priority, and when staff first answered.
    #[serde(default)]
    pub sla: TicketSla,
    /// Files the contact or staff attached, oldest first.
    #[serde(default)]
    #[schema(ignore)]
    pub attachments: Vec<super::attachments::Attachment>,
    pub version: u64,
}

/// A ticket's service-level clock: the times its priority's targets set, and staff's first answer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TicketSla {
    /// When staff should first answer (a public note or an email), by the target at creation.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub respond_by: Option<OffsetDateTime>,
    /// When the ticket should be closed.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub resolve_by: Option<OffsetDateTime>,
    /// Staff's first public note or email (a ticket staff raised counts as answered when raised).
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub responded_at: Option<OffsetDateTime>,
}

/// Which tickets a contact with the see-all grant starts on; a setting of each customer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TicketScope {
    /// Only the tickets the caller raised.
    Mine,
    /// The company's portal-visible tickets (with the grant; the caller's own otherwise).
    #[default]
    All,
}

/// A contact's satisfaction with how a ticket was handled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Rating {
    /// 1 (very dissatisfied) to 5 (very satisfied).
    pub score: u8,
    pub comment: Option<String>,
    pub contact_id: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
}

impl Ticket {
    /// A new, numberless ticket a contact raises in the portal: visible to them, about them.
    pub fn raised_by(
        contact: &super::contacts::Contact,
        subject: &str,
        description: &str,
        ticket_type: TicketType,
        priority: Priority,
        assignee: Option<String>,
    ) -> Self {
        let now = OffsetDateTime::now_utc();
        Self {
            id: crate::ids::new_id(),
            number: 0,
            customer_id: contact.customer_id.clone(),
            subject: subject.trim().to_owned(),
            description: description.trim().to_owned(),
            ticket_type,
            priority,
            status: TicketStatus::New,
            visible_in_portal: true,
            originator_contact_id: Some(contact.id.clone()),
            contact_id: Some(contact.id.clone()),
            contact_name: Some(contact.display_name()),
            assignee,
            created_at: now,
            updated_at: now,
            closed_at: None,
            data_sheet_id: None,
            subject_search: subject.trim().to_lowercase(),
            closed_by_contact: None,
            rating: None,
            confidential: false,
            sla: TicketSla::default(),
            attachments: Vec::new(),
            version: 1,
        }
    }
}

impl Entity for Ticket {
    const TYPE: &'static str = "ticket";
    /// (customer id, ticket id)
    type Id<'a> = (&'a str, &'a str);

    fn key((customer_id, id): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(keys::customer(customer_id), keys::ticket(id))
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.id)
    }

    /// Portal-visible tickets company-wide, open or closed (sparse); a confidential one in its raiser's
    /// own partition instead, so no company-wide list can ever read it.
    fn gsi1(&self) -> Option<(String, String)> {
        let closed = self.status.is_closed();
        if !self.visible_in_portal {
            return None;
        }
        let partition = match self.originator_contact_id.as_deref().filter(|_| self.confidential) {
            Some(raiser) => keys::confidential_tickets(&self.customer_id, raiser, closed),
            None => keys::visible_tickets(&self.customer_id, closed),
        };
        Some((partition, keys::ticket(&self.id)))
    }

    /// Every ticket by time of creation, for the staff reports.
    fn gsi3(&self) -> Option<(String, String)> {
        Some(keys::created(
            keys::report_kind::TICKET,
            self.created_at,
            &self.customer_id,
            &self.id,
        ))
    }

    /// A second sparse index because a visible ticket must be listable both company-wide (contacts with
    /// the grant) and per originating contact, each in O(page): one GSI partition cannot serve both.
    fn gsi2(&self) -> Option<(String, String)> {
        let originator = self
            .originator_contact_id
            .as_deref()
            .filter(|_| self.visible_in_portal)?;
        Some((
            keys::contact_tickets(originator, self.status.is_closed()),
            keys::ticket(&self.id),
        ))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Written by a contact in the portal.
    Contact,
    /// Written by staff for the customer to see.
    Public,
    /// An email staff sent to the customer contact.
    Email,
    /// Staff only; never in any portal response.
    Internal,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct TicketNote {
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

impl Entity for TicketNote {
    const TYPE: &'static str = "ticket_note";
    /// (customer id, ticket id, note id, internal): internal notes live under their own prefix, so no
    /// portal query can ever read them.
    type Id<'a> = (&'a str, &'a str, &'a str, bool);

    fn key((customer_id, ticket_id, id, internal): Self::Id<'_>) -> PrimaryKey {
        let sk = if internal {
            keys::ticket_internal(ticket_id, id)
        } else {
            keys::ticket_note(ticket_id, id)
        };
        PrimaryKey::new(keys::customer(customer_id), sk)
    }

    fn id(&self) -> Self::Id<'_> {
        (
            &self.customer_id,
            &self.ticket_id,
            &self.id,
            self.kind == NoteKind::Internal,
        )
    }
}

/// The first ticket number of a deployment.
pub const FIRST_NUMBER: u64 = 1001;

/// Why one attempt at creating a numbered ticket failed.
#[derive(Debug, thiserror::Error)]
pub enum CreateTicketError {
    /// A concurrent create took the number: read the counter again and retry.
    #[error("ticket number taken")]
    NumberTaken,
    #[error(transparent)]
    Api(#[from] ApiError),
}

/// The name of the counter's action in a create's transaction.
const COUNTER: &str = "counter";

fn counter_key() -> PrimaryKey {
    PrimaryKey::new(keys::counter("TICKETS"), keys::COUNTER)
}

fn dashboard_key(customer_id: &str) -> PrimaryKey {
    PrimaryKey::new(keys::customer(customer_id), keys::DASHBOARD)
}

/// A number read from the counter, and the counter value it was read at.
#[derive(Clone, Copy, Debug)]
pub struct TicketNumber {
    pub value: u64,
    current: Option<u64>,
}

/// What one ticket adds to its customer's dashboard counters; portal-invisible tickets add nothing.
pub fn dashboard_contribution(t: &Ticket) -> Counts {
    let mut c = Counts::new();
    if !t.visible_in_portal {
        return c;
    }
    let month = |d: OffsetDateTime| format!("{:04}_{:02}", d.year(), u8::from(d.month()));
    c.insert(format!("opened_{}", month(t.created_at)), 1);
    match (t.status.is_closed(), t.closed_at) {
        (true, Some(closed)) => {
            c.insert(format!("closed_{}", month(closed)), 1);
            c.insert(
                format!("res_sum_{}", t.priority.as_str()),
                (closed - t.created_at).whole_seconds().max(0),
            );
            c.insert(format!("res_n_{}", t.priority.as_str()), 1);
        }
        _ => {
            c.insert(format!("open_{}_{}", t.status.as_str(), t.priority.as_str()), 1);
        }
    }
    if let Some(r) = &t.rating {
        c.insert("rating_sum".into(), i64::from(r.score));
        c.insert("rating_n".into(), 1);
    }
    c
}

/// The counter changes from `before` to `after`, zero entries dropped.
pub fn dashboard_delta(before: Option<&Ticket>, after: &Ticket) -> Counts {
    delta(
        &before.map(dashboard_contribution).unwrap_or_default(),
        &dashboard_contribution(after),
    )
}

impl Table {
    fn dashboard_update(&self, customer_id: &str, delta: &Counts) -> ApiResult<Option<Action>> {
        self.add_counts("dashboard", dashboard_key(customer_id), "dashboard", delta)
    }

    /// Reads the ticket-number counter: the number a create would take now.
    pub async fn next_ticket_number(&self) -> ApiResult<TicketNumber> {
        let current = self
            .client
            .get_item()
            .table_name(&self.name)
            .set_key(Some(counter_key().item()))
            .consistent_read(true)
            .send()
            .await
            .map_err(from_sdk)?
            .item
            .and_then(|i| i.get("value")?.as_n().ok()?.parse::<u64>().ok());
        Ok(TicketNumber {
            value: current.unwrap_or(FIRST_NUMBER - 1) + 1,
            current,
        })
    }

    /// One attempt at creating `ticket` with `number`: the counter moves on only if nobody took the number
    /// meanwhile, and the ticket, its dashboard counts and `extra` (an outbox item, a sheet) are written
    /// in the same transaction. A lost race answers [`CreateTicketError::NumberTaken`].
    pub async fn create_ticket_numbered(
        &self,
        ticket: &Ticket,
        number: TicketNumber,
        extra: Vec<Action>,
    ) -> Result<(), CreateTicketError> {
        let condition = if number.current.is_some() {
            "#v = :current"
        } else {
            "attribute_not_exists(#v)"
        };
        let mut bump = Update::builder()
            .table_name(&self.name)
            .set_key(Some(counter_key().item()))
            .update_expression("SET #v = :next, entity = :entity")
            .condition_expression(condition)
            .expression_attribute_names("#v", "value")
            .expression_attribute_values(":next", num(number.value))
            .expression_attribute_values(":entity", AttributeValue::S("counter".into()));
        if let Some(c) = number.current {
            bump = bump.expression_attribute_values(":current", num(c));
        }
        let bump = bump.build().map_err(|_| ApiError::Internal)?;
        let mut actions = vec![
            Action::new(COUNTER, TransactWriteItem::builder().update(bump).build()),
            self.put_new(ticket)?,
        ];
        actions.extend(self.dashboard_update(&ticket.customer_id, &dashboard_delta(None, ticket))?);
        actions.extend(self.activity_actions(None, Some(ticket))?);
        actions.extend(self.search_actions(None, Some(ticket))?);
        actions.extend(extra);
        match self.transact(actions).await {
            Ok(()) => Ok(()),
            Err(Ok(c)) if c.failed(COUNTER) => Err(CreateTicketError::NumberTaken),
            Err(Ok(_)) => {
                Err(ApiError::Conflict("the ticket could not be created: a related record changed".into()).into())
            }
            // A transaction conflict here is another create taking the counter at the same moment.
            Err(Err(ApiError::Conflict(_))) => Err(CreateTicketError::NumberTaken),
            Err(Err(e)) => Err(e.into()),
        }
    }

    /// Creates a ticket with the next free number and the service levels of its priority, retrying when
    /// a concurrent create took the number. `extra`
    /// gives what to write in the same transaction, for the number the attempt takes.
    pub async fn create_ticket(
        &self,
        ticket: &mut Ticket,
        mut extra: impl FnMut(u64) -> ApiResult<Vec<Action>>,
    ) -> ApiResult<()> {
        self.sla_policy().await?.targets.apply(ticket);
        for _ in 0..20 {
            let number = self.next_ticket_number().await?;
            ticket.number = number.value;
            match self.create_ticket_numbered(ticket, number, extra(number.value)?).await {
                Err(CreateTicketError::NumberTaken) => continue,
                Err(CreateTicketError::Api(e)) => return Err(e),
                Ok(()) => return Ok(()),
            }
        }
        Err(ApiError::Unavailable)
    }

    /// Replaces a ticket read at `before.version`, adjusting the dashboard, the activity and the search
    /// index in the same transaction.
    pub async fn save_ticket(&self, before: &Ticket, after: &Ticket, extra: Vec<Action>) -> ApiResult<()> {
        let mut actions = vec![self.put_versioned(after, before.version)?];
        actions.extend(self.dashboard_update(&after.customer_id, &dashboard_delta(Some(before), after))?);
        actions.extend(self.activity_actions(Some(before), Some(after))?);
        actions.extend(self.search_actions(Some(before), Some(after))?);
        actions.extend(extra);
        self.transact_or(actions, |_| stale()).await
    }

    pub async fn ticket(&self, customer_id: &str, id: &str) -> ApiResult<Option<Ticket>> {
        self.get::<Ticket>((customer_id, id)).await
    }

    /// A customer's tickets, newest first (staff).
    pub async fn tickets(&self, customer_id: &str, page: &PageParams) -> ApiResult<Page<Ticket>> {
        let spec = QuerySpec::table(keys::customer(customer_id), keys::TICKET_PREFIX).newest_first();
        self.query_page(&spec, page).await
    }

    /// Portal-visible tickets, newest first, open or closed: the ones `contact` raised (`whole_company`
    /// false), or the company's non-confidential tickets merged with `contact`'s own confidential ones.
    pub async fn visible_tickets(
        &self,
        customer_id: &str,
        contact: &str,
        whole_company: bool,
        closed: bool,
        search: Option<String>,
        page: &PageParams,
    ) -> ApiResult<Page<Ticket>> {
        let contains = search.map(|s| ("subject_search", s.to_lowercase()));
        if !whole_company {
            let mut spec = QuerySpec::gsi2(keys::contact_tickets(contact, closed)).newest_first();
            spec.contains = contains;
            return self.query_page(&spec, page).await;
        }
        let streams = [
            keys::visible_tickets(customer_id, closed),
            keys::confidential_tickets(customer_id, contact, closed),
        ]
        .map(|partition| {
            let mut spec = QuerySpec::gsi1(partition).newest_first();
            spec.contains = contains.clone();
            spec
        });
        super::merged::newest_first_page(self, &streams, keys::TICKET_PREFIX, page, |t: &Ticket| {
            keys::ticket(&t.id)
        })
        .await
    }

    /// The conversation (no internal notes), oldest first; or the internal notes.
    pub async fn ticket_notes(&self, customer_id: &str, ticket_id: &str, internal: bool) -> ApiResult<Vec<TicketNote>> {
        let prefix = if internal {
            keys::ticket_internal_prefix(ticket_id)
        } else {
            keys::ticket_notes_prefix(ticket_id)
        };
        let spec = QuerySpec::table(keys::customer(customer_id), prefix);
        let mut notes = Vec::new();
        let mut page = PageParams {
            limit: Some(100),
            cursor: None,
        };
        loop {
            let p = self.query_page::<TicketNote>(&spec, &page).await?;
            notes.extend(p.items);
            match p.next_cursor {
                Some(c) if notes.len() < 1000 => page.cursor = Some(c),
                _ => return Ok(notes),
            }
        }
    }

    /// The raw dashboard counters of a customer (one GetItem).
    pub async fn dashboard(&self, customer_id: &str) -> ApiResult<Counts> {
        self.counts(dashboard_key(customer_id)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn ticket(status: TicketStatus, visible: bool) -> Ticket {
        Ticket {
            id: "T".into(),
            number: 1,
            customer_id: "C".into(),
            subject: "s".into(),
            description: "d".into(),
            ticket_type: TicketType::Incident,
            priority: Priority::High,
            status,
            visible_in_portal: visible,
            originator_contact_id: None,
            contact_id: None,
            contact_name: None,
            assignee: None,
            created_at: datetime!(2026-03-01 10:00 UTC),
            updated_at: datetime!(2026-03-01 10:00 UTC),
            closed_at: None,
            data_sheet_id: None,
            subject_search: String::new(),
            closed_by_contact: None,
            rating: None,
            confidential: false,
            sla: TicketSla::default(),
            attachments: Vec::new(),
            version: 1,
        }
    }

    #[test]
    fn closing_moves_a_ticket_from_open_to_resolved() {
        let open = ticket(TicketStatus::New, true);
        let mut closed = open.clone();
        closed.status = TicketStatus::Closed;
        closed.closed_at = Some(datetime!(2026-04-01 10:00 UTC));
        let d = dashboard_delta(Some(&open), &closed);
        assert_eq!(d.get("open_new_high"), Some(&-1));
        assert_eq!(d.get("closed_2026_04"), Some(&1));
        assert_eq!(d.get("res_sum_high"), Some(&(31 * 86_400)));
        assert_eq!(d.get("res_n_high"), Some(&1));
        assert!(!d.contains_key("opened_2026_03"), "the opening month is unchanged");
    }

    #[test]
    fn hidden_tickets_count_for_nothing() {
        assert!(dashboard_delta(None, &ticket(TicketStatus::New, false)).is_empty());
        let hidden = ticket(TicketStatus::New, false);
        let shown = ticket(TicketStatus::New, true);
        assert_eq!(dashboard_delta(Some(&shown), &hidden).get("open_new_high"), Some(&-1));
    }
}
