//! Demo tickets: a few with conversations (contact notes, public staff notes, a staff email and an
//! internal note), and a year of history behind the dashboard. Tickets are written through
//! `Table::create_ticket`, the portal's own create: each takes the next number and adds its
//! contribution to the dashboard counters in the same transaction, computed from its final state, so
//! the counters are exactly what creating and later closing it would have left. Dates are relative to
//! now. A ticket is found again by its subject (and, for the history, the month it was opened in), so
//! a later run adds only the months that have begun since.

use serde_json::json;
use shared::{
    error::ApiError,
    pagination::PageParams,
    table::{
        contacts::{Actor, Contact},
        customers::Customer,
        tickets::{NoteKind, Priority, Rating, Ticket, TicketNote, TicketStatus, TicketType},
        Condition,
    },
    Context,
};
use time::{Duration, Month, OffsetDateTime, Time};

use super::{api::Api, People};
use crate::provision::BoxError;

/// The internal note on the air-conditioning ticket: staff only, never in any portal answer.
pub const INTERNAL_NOTE: &str =
    "INTERNAL: the compressor is out of warranty; quote the replacement as out-of-contract work.";
/// A ticket staff keep out of the portal.
pub const HIDDEN_SUBJECT: &str = "Contract renewal pricing review";
/// Bob's confidential ticket: Alice, who sees all of Acme's tickets, never sees this one.
pub const CONFIDENTIAL_SUBJECT: &str = "Workstation assessment after my back injury";

/// The demo's service levels (minutes): urgent answered in 1 hour and fixed in 8, down to low,
/// fixed within a week.
pub fn demo_sla() -> serde_json::Value {
    json!({ "targets": {
        "urgent": { "respond_minutes": 60, "resolve_minutes": 480 },
        "high": { "respond_minutes": 240, "resolve_minutes": 1440 },
        "normal": { "respond_minutes": 480, "resolve_minutes": 4320 },
        "low": { "respond_minutes": 1440, "resolve_minutes": 10080 },
    }})
}

/// A ULID for something that happened at `at`, so ids sort as the dates do.
fn id_at(at: OffsetDateTime) -> String {
    ulid::Ulid::from_datetime(at.into()).to_string()
}

#[derive(Clone, Copy)]
enum By {
    /// Raised by the contact in the portal.
    Portal,
    /// Logged by staff for the contact (a phone call), visible in the portal or not.
    Staff { visible: bool },
}

#[derive(Clone, Copy)]
enum Author {
    Contact,
    Staff,
}

struct Note {
    kind: NoteKind,
    author: Author,
    /// Time after the ticket was opened.
    after: Duration,
    body: &'static str,
}

struct Spec<'a> {
    customer: &'a Customer,
    about: &'a Contact,
    by: By,
    subject: String,
    description: String,
    ticket_type: TicketType,
    priority: Priority,
    status: TicketStatus,
    created_at: OffsetDateTime,
    closed_at: Option<OffsetDateTime>,
    /// History tickets are found again by subject and month, the others by subject alone.
    month: Option<(i32, Month)>,
    notes: Vec<Note>,
    confidential: bool,
}

impl Spec<'_> {
    fn is(&self, t: &Ticket) -> bool {
        t.subject == self.subject
            && self
                .month
                .is_none_or(|m| (t.created_at.year(), t.created_at.month()) == m)
    }

    fn ticket(&self, assignee: Option<String>) -> Ticket {
        let mut t = match self.by {
            By::Portal => Ticket::raised_by(
                self.about,
                &self.subject,
                &self.description,
                self.ticket_type,
                self.priority,
                assignee,
            ),
            By::Staff { visible } => Ticket {
                id: String::new(),
                number: 0,
                customer_id: self.customer.id.clone(),
                subject: self.subject.clone(),
                description: self.description.clone(),
                ticket_type: self.ticket_type,
                priority: self.priority,
                status: TicketStatus::New,
                visible_in_portal: visible,
                originator_contact_id: None,
                contact_id: Some(self.about.id.clone()),
                contact_name: Some(self.about.display_name()),
                assignee,
                created_at: self.created_at,
                updated_at: self.created_at,
                closed_at: None,
                data_sheet_id: None,
                subject_search: self.subject.to_lowercase(),
                closed_by_contact: None,
                rating: None,
                confidential: false,
                sla: Default::default(),
                attachments: Vec::new(),
                version: 1,
            },
        };
        t.id = id_at(self.created_at);
        t.confidential = self.confidential;
        // Staff answered with their first public note or email; a ticket staff logged, as they logged it.
        t.sla.responded_at = match self.by {
            By::Staff { .. } => Some(self.created_at),
            By::Portal => self
                .notes
                .iter()
                .filter(|n| matches!(n.kind, NoteKind::Public | NoteKind::Email))
                .map(|n| self.created_at + n.after)
                .min()
                // The year of history has no conversation: answered two hours in.
                .or(self.month.map(|_| self.created_at + Duration::hours(2))),
        };
        t.status = self.status;
        t.created_at = self.created_at;
        t.closed_at = self.closed_at;
        t.updated_at = self
            .closed_at
            .unwrap_or(self.created_at + self.notes.iter().map(|n| n.after).max().unwrap_or_default())
            .min(OffsetDateTime::now_utc());
        // About half the closed tickets carry their contact's rating (3 to 5), so the dashboard has an
        // average and some closed tickets still offer the rating form.
        if self.status.is_closed() && self.created_at.day().is_multiple_of(2) {
            t.rating = Some(Rating {
                score: 3 + self.created_at.day() / 2 % 3,
                comment: None,
                contact_id: self.about.id.clone(),
                at: t.updated_at,
            });
        }
        t
    }
}

/// A note by the contact the ticket is about.
fn from_contact(after: Duration, body: &'static str) -> Note {
    Note {
        kind: NoteKind::Contact,
        author: Author::Contact,
        after,
        body,
    }
}

/// A staff note the contact sees.
fn public(after: Duration, body: &'static str) -> Note {
    Note {
        kind: NoteKind::Public,
        author: Author::Staff,
        after,
        body,
    }
}

/// An email staff sent the contact (it joins the conversation).
fn email(after: Duration, body: &'static str) -> Note {
    Note {
        kind: NoteKind::Email,
        author: Author::Staff,
        after,
        body,
    }
}

/// A staff-only note.
fn internal(after: Duration, body: &'static str) -> Note {
    Note {
        kind: NoteKind::Internal,
        author: Author::Staff,
        after,
        body,
    }
}

/// The tickets a newcomer opens first: each with a conversation, open and closed, every type and priority.
fn featured<'a>(p: &'a People, now: OffsetDateTime) -> Vec<Spec<'a>> {
    let (h, d) = (Duration::hours, Duration::days);
    // (days ago, hour, minute): office hours, on an earlier day, so every note is in the past too.
    let at = |(days, hour, minute): (i64, u8, u8)| {
        let time = Time::from_hms(hour, minute, 0).unwrap_or(Time::MIDNIGHT);
        (now.date() - Duration::days(days)).with_time(time).assume_utc()
    };
    let spec = |customer,
                about,
                by,
                subject: &str,
                description: &str,
                ticket_type,
                priority,
                status,
                opened,
                closed: Option<(i64, u8, u8)>,
                notes| Spec {
        customer,
        about,
        by,
        subject: subject.into(),
        description: description.into(),
        ticket_type,
        priority,
        status,
        created_at: at(opened),
        closed_at: closed.map(at),
        month: None,
        notes,
        confidential: false,
    };
    use {Priority::*, TicketStatus::*, TicketType::*};
    vec![
        spec(&p.acme, &p.alice, By::Portal, "Air conditioning not cooling in the server room",
            "The AC unit in the ground-floor server room is blowing warm air since this morning. Room temperature is 29 °C and rising; we have opened the doors as a stop-gap.",
            Incident, Urgent, InProgress, (2, 9, 10), None, vec![
                public(h(1), "Thanks Alice. An engineer is on the way and should be with you by 14:00 today."),
                from_contact(h(2), "Great, reception knows to expect them. The room is at 30 °C now."),
                internal(h(4), INTERNAL_NOTE),
                email(h(6), "Hello Alice, our engineer found a failed compressor. A temporary portable unit is running in the server room and we have ordered the part; we will confirm the fitting date as soon as it ships."),
                from_contact(h(24), "The portable unit is keeping the room at 23 °C. Please let us know the fitting date."),
            ]),
        spec(&p.acme, &p.bob, By::Staff { visible: true }, "Flickering lights in reception",
            "Bob called: three ceiling panels in reception flicker on and off, worst in the afternoon.",
            Fault, Normal, WaitingOnCustomer, (6, 10, 5), None, vec![
                public(h(3), "We can replace the light drivers at 07:30, before reception opens. Which weekday morning suits you?"),
                email(d(2), "Hello Bob, a reminder that we are waiting for you to choose a morning for replacing the light drivers in reception."),
            ]),
        spec(&p.acme, &p.alice, By::Portal, "Quote for additional fire extinguishers",
            "Please quote for four 6 kg foam extinguishers and wall brackets for the new first-floor offices.",
            Request, Low, New, (1, 14, 30), None, vec![
                from_contact(h(1), "Sorry, make that five: the kitchenette needs one too."),
            ]),
        spec(&p.acme, &p.bob, By::Staff { visible: true }, "Lift out of service at Acme House",
            "The passenger lift stopped between floors 2 and 3 (nobody inside). Bob reported it by phone.",
            Incident, High, Closed, (20, 8, 15), Some((18, 16, 0)), vec![
                public(h(2), "Lift engineer attending within four hours; the lift is isolated meanwhile."),
                internal(h(5), "INTERNAL: the door interlock was replaced under the maintenance contract; no charge."),
                email(d(2), "Hello Bob, the lift is back in service after a door interlock replacement. The safety test passed."),
            ]),
        spec(&p.acme, &p.alice, By::Portal, "How do I add a colleague to the portal?",
            "Our new office manager needs to raise tickets too. How do we give them access?",
            Question, Low, Closed, (9, 11, 20), Some((8, 9, 30)), vec![
                public(h(3), "Add them under Contacts in the portal, then let us know and we will send them an invitation to sign in."),
                from_contact(h(4), "Done, thank you!"),
            ]),
        spec(&p.acme, &p.alice, By::Portal, "Water leak under the kitchen sink, 2nd floor",
            "There is water pooling under the sink in the second-floor kitchen. We have turned off the isolation valve.",
            Fault, High, Closed, (35, 7, 45), Some((34, 10, 30)), vec![
                public(h(2), "A plumber is booked for tomorrow at 09:00."),
                public(h(26), "The waste trap seal was replaced and the cabinet dried out. Closing this ticket; reply if it recurs."),
            ]),
        spec(&p.acme, &p.alice, By::Staff { visible: false }, HIDDEN_SUBJECT,
            "Internal: review pricing for Acme's renewal before the account review.",
            Request, Normal, New, (3, 15, 0), None, vec![]),
        spec(&p.globex, &p.dan, By::Portal, "Printer fleet service visit",
            "Please schedule the six-monthly service of our eight office printers.",
            Request, Normal, New, (3, 10, 0), None, vec![
                public(h(5), "We have pencilled in next Tuesday; we will confirm the time."),
            ]),
        spec(&p.globex, &p.dan, By::Portal, "VPN drops every afternoon",
            "Remote staff lose the VPN connection around 15:00 every day.",
            Incident, High, Closed, (15, 15, 20), Some((14, 11, 0)), vec![
                public(h(18), "The firewall's session table was full at peak time; we raised the limit. Please tell us if it happens again."),
            ]),
        Spec {
            confidential: true,
            ..spec(&p.acme, &p.bob, By::Portal, CONFIDENTIAL_SUBJECT,
                "My doctor recommends a sit-stand desk and a supportive chair. Please keep this between us and your team.",
                Request, Normal, InProgress, (4, 11, 30), None, vec![
                    public(h(2), "Thanks Bob. Our assessor can visit on Thursday morning; only you and our team see this ticket."),
                ])
        },
    ]
}

/// Subjects, descriptions, types and priorities the year of history is drawn from.
const HISTORY: [(&str, &str, TicketType, Priority); 16] = [
    (
        "Blocked drain in the ground-floor toilets",
        "Water drains very slowly from both basins.",
        TicketType::Fault,
        Priority::High,
    ),
    (
        "PAT testing for new kitchen appliances",
        "Two new microwaves and a kettle need testing before use.",
        TicketType::Request,
        Priority::Low,
    ),
    (
        "Car park barrier not opening",
        "The barrier does not respond to fobs; staff cannot get in.",
        TicketType::Incident,
        Priority::Urgent,
    ),
    (
        "Replace stained ceiling tiles",
        "Six tiles in the meeting room are stained after last month's leak.",
        TicketType::Request,
        Priority::Normal,
    ),
    (
        "Heating too warm on the 3rd floor",
        "The thermostat reads 26 °C even at its lowest setting.",
        TicketType::Fault,
        Priority::Normal,
    ),
    (
        "Door access card not working",
        "The side entrance refuses every card since the weekend.",
        TicketType::Incident,
        Priority::High,
    ),
    (
        "Extra cleaning after the open day",
        "Please add an evening clean on Friday after our event.",
        TicketType::Request,
        Priority::Low,
    ),
    (
        "Emergency lighting test failed",
        "Two fittings on the stairwell failed the monthly test.",
        TicketType::Fault,
        Priority::Urgent,
    ),
    (
        "Window restrictor broken in meeting room 2",
        "The restrictor came away from the frame; the window opens fully.",
        TicketType::Fault,
        Priority::High,
    ),
    (
        "When is the next planned maintenance visit?",
        "We need to plan around it for the board meeting.",
        TicketType::Question,
        Priority::Low,
    ),
    (
        "Noisy extractor fan in the kitchen",
        "The fan rattles loudly at full speed.",
        TicketType::Fault,
        Priority::Normal,
    ),
    (
        "Graffiti on the rear wall",
        "Please arrange removal from the wall by the bins.",
        TicketType::Request,
        Priority::Low,
    ),
    (
        "Power lost to level 1 sockets",
        "All desk sockets on level 1 went off; lighting is fine.",
        TicketType::Incident,
        Priority::Urgent,
    ),
    (
        "Leaking radiator valve in office 4",
        "A slow drip from the valve onto the carpet.",
        TicketType::Fault,
        Priority::Normal,
    ),
    (
        "Query about the last call-out invoice",
        "The invoice shows two hours; the visit took one.",
        TicketType::Question,
        Priority::Normal,
    ),
    (
        "Pest control visit needed",
        "Signs of mice in the basement store.",
        TicketType::Request,
        Priority::High,
    ),
];

fn resolution_hours(p: Priority) -> i64 {
    match p {
        Priority::Urgent => 4,
        Priority::High => 14,
        Priority::Normal => 40,
        Priority::Low => 100,
    }
}

/// The first instant of the month `back` months before `now`'s.
fn month_start(now: OffsetDateTime, back: u32) -> OffsetDateTime {
    super::month_start(now.date(), back as i32)
        .with_time(Time::MIDNIGHT)
        .assume_utc()
}

/// Acme's last twelve months (this one included): three to five tickets a month, raised by Alice or
/// logged for Bob and Carol, nearly all resolved in a time that depends on the priority; a few recent
/// ones still open.
fn history<'a>(p: &'a People, now: OffsetDateTime) -> Vec<Spec<'a>> {
    let mut out = Vec::new();
    for back in 0..12u32 {
        let start = month_start(now, back);
        let k = back as usize;
        let n = 3 + (k * 2 + 1) % 3;
        for i in 0..n {
            let (subject, description, ticket_type, priority) = HISTORY[(k * 5 + i * 3) % HISTORY.len()];
            let created_at = if back == 0 {
                // This month so far, evenly spread, so a run on the 1st still fills it.
                start + Duration::seconds((now - start).whole_seconds() * (i as i64 + 1) / (n as i64 + 1))
            } else {
                start
                    + Duration::days(1 + 6 * i as i64)
                    + Duration::hours(8 + ((k + i) % 9) as i64)
                    + Duration::minutes(((i * 17 + k * 7) % 60) as i64)
            };
            let spread = ((k * 5 + i * 11) % 7) as i64;
            let closed_at = created_at + Duration::minutes(resolution_hours(priority) * 60 * (6 + spread) / 8);
            let still_open =
                (back == 0 && i % 2 == 1) || (back == 1 && i == 0) || closed_at > now - Duration::minutes(10);
            let (about, by) = match (k + i) % 4 {
                0 | 2 => (&p.alice, By::Portal),
                1 => (&p.bob, By::Staff { visible: true }),
                _ => (&p.carol, By::Staff { visible: true }),
            };
            out.push(Spec {
                customer: &p.acme,
                about,
                by,
                subject: subject.into(),
                description: description.into(),
                ticket_type,
                priority,
                status: if still_open {
                    [
                        TicketStatus::New,
                        TicketStatus::InProgress,
                        TicketStatus::WaitingOnCustomer,
                    ][(k + i) % 3]
                } else {
                    TicketStatus::Closed
                },
                created_at,
                closed_at: (!still_open).then_some(closed_at),
                month: Some((start.year(), start.month())),
                notes: Vec::new(),
                confidential: false,
            });
        }
    }
    out
}

/// Every ticket of a customer (staff view).
async fn all_tickets(ctx: &Context, customer_id: &str) -> Result<Vec<Ticket>, BoxError> {
    let mut out = Vec::new();
    let mut page = PageParams {
        limit: Some(100),
        cursor: None,
    };
    for _ in 0..100 {
        let p = ctx.table.tickets(customer_id, &page).await?;
        out.extend(p.items);
        match p.next_cursor {
            Some(c) => page.cursor = Some(c),
            None => break,
        }
    }
    Ok(out)
}

/// Adds the notes the ticket does not have yet (by body), exactly as the staff and portal note routes
/// write them: the note with a check that the ticket exists, in one transaction.
async fn ensure_notes(
    ctx: &Context,
    t: &Ticket,
    notes: &[Note],
    about: &Contact,
    agent: &Actor,
    agent_name: &str,
) -> Result<(), BoxError> {
    if notes.is_empty() {
        return Ok(());
    }
    let mut have = ctx.table.ticket_notes(&t.customer_id, &t.id, false).await?;
    have.extend(ctx.table.ticket_notes(&t.customer_id, &t.id, true).await?);
    let now = OffsetDateTime::now_utc();
    for n in notes.iter().filter(|n| !have.iter().any(|h| h.body == n.body)) {
        let created_at = (t.created_at + n.after).min(now);
        let (author, author_name) = match n.author {
            Author::Contact => (Actor::Contact { id: about.id.clone() }, about.display_name()),
            Author::Staff => (agent.clone(), agent_name.to_owned()),
        };
        let record = TicketNote {
            id: id_at(created_at),
            ticket_id: t.id.clone(),
            customer_id: t.customer_id.clone(),
            kind: n.kind,
            body: n.body.into(),
            author,
            author_name,
            created_at,
        };
        let actions = vec![
            ctx.table
                .check::<Ticket>((&t.customer_id, &t.id), Condition::exists())?,
            ctx.table.put_new(&record)?,
        ];
        ctx.table.transact_or(actions, |_| ApiError::NotFound).await?;
    }
    Ok(())
}

pub async fn seed(ctx: &Context, api: &Api, people: &People, agent_sub: &str) -> Result<(), BoxError> {
    // The business's service levels, so each ticket shows its response and resolution times.
    if api.staff_get("/admin/settings/sla").await? != demo_sla() {
        api.staff("PUT", "/admin/settings/sla", demo_sla()).await?;
    }
    // Alice sees all of Acme's portal tickets (Bob's and Carol's too), as staff grant it.
    api.staff(
        "PUT",
        &format!("/admin/contacts/{}/ticket-visibility", people.alice.id),
        json!({ "see_all_tickets": true }),
    )
    .await?;
    // Staff notes are the demo agent's, named as the staff routes name their author: by username.
    let agent = Actor::Staff {
        id: agent_sub.to_owned(),
        username: "agent".into(),
    };
    let now = OffsetDateTime::now_utc();
    let mut specs = featured(people, now);
    specs.extend(history(people, now));
    // Oldest first, so ticket numbers rise with the dates.
    specs.sort_by_key(|s| s.created_at);
    let mut existing = Vec::new();
    for c in [&people.acme, &people.globex] {
        existing.extend(all_tickets(ctx, &c.id).await?);
    }
    for spec in &specs {
        let ticket = match existing
            .iter()
            .find(|t| t.customer_id == spec.customer.id && spec.is(t))
        {
            Some(t) => t.clone(),
            None => {
                let mut t = spec.ticket(ctx.config.default_assignee.clone());
                ctx.table.create_ticket(&mut t, |_| Ok(Vec::new())).await?;
                existing.push(t.clone());
                t
            }
        };
        ensure_notes(ctx, &ticket, &spec.notes, spec.about, &agent, "agent").await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn months_count_back_across_the_new_year() {
        let now = datetime!(2026-02-10 12:00 UTC);
        assert_eq!(month_start(now, 0), datetime!(2026-02-01 0:00 UTC));
        assert_eq!(month_start(now, 2), datetime!(2025-12-01 0:00 UTC));
        assert_eq!(month_start(now, 11), datetime!(2025-03-01 0:00 UTC));
    }

    fn people() -> People {
        let customer = |tag: &str| Customer::new(super::super::demo_id(tag), tag.into());
        let contact = |tag: &str, c: &str| {
            Contact::new(
                super::super::demo_id(tag),
                super::super::demo_id(c),
                tag.into(),
                "Demo".into(),
                Actor::System,
            )
        };
        People {
            acme: customer("AC"),
            globex: customer("GX"),
            alice: contact("AC1", "AC"),
            bob: contact("AC2", "AC"),
            carol: contact("AC3", "AC"),
            dan: contact("GX1", "GX"),
            erin: contact("GX2", "GX"),
        }
    }

    #[test]
    fn history_fills_twelve_months_with_the_past_only() {
        let p = people();
        // Mid-month, and seconds into a new year (this month barely begun).
        for now in [datetime!(2026-06-17 15:00 UTC), datetime!(2027-01-01 0:00:30 UTC)] {
            let specs = history(&p, now);
            let mut months: Vec<_> = specs.iter().filter_map(|s| s.month).collect();
            months.dedup();
            assert_eq!(months.len(), 12, "{now}");
            for s in &specs {
                assert!(s.created_at < now, "{} opened in the future at {now}", s.subject);
                assert_eq!(
                    Some((s.created_at.year(), s.created_at.month())),
                    s.month,
                    "{} is found again by its month",
                    s.subject
                );
                if let Some(closed) = s.closed_at {
                    assert!(
                        s.created_at < closed && closed <= now,
                        "{} closed at {closed}",
                        s.subject
                    );
                    assert_eq!(s.status, TicketStatus::Closed);
                }
                let same_month = specs
                    .iter()
                    .filter(|o| o.month == s.month && o.subject == s.subject)
                    .count();
                assert_eq!(same_month, 1, "{} twice in one month", s.subject);
            }
            assert!(specs.iter().any(|s| s.closed_at.is_none()), "a few stay open");
        }
    }

    #[test]
    fn featured_conversations_happen_in_order_and_in_the_past() {
        let p = people();
        let now = datetime!(2027-01-01 0:00:30 UTC);
        for s in featured(&p, now) {
            let last = s
                .notes
                .iter()
                .map(|n| s.created_at + n.after)
                .max()
                .unwrap_or(s.created_at);
            assert!(last < now, "{}: a note after now", s.subject);
            if let Some(closed) = s.closed_at {
                assert!(
                    s.created_at < closed && last <= closed,
                    "{}: notes after closing",
                    s.subject
                );
            }
            let afters: Vec<_> = s.notes.iter().map(|n| n.after).collect();
            assert!(
                afters.windows(2).all(|w| w[0] < w[1]),
                "{}: notes out of order",
                s.subject
            );
        }
    }
}
