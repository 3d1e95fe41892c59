//! Service levels: the business's response and resolution targets per ticket priority, and how a
//! ticket stands against them.

use serde::{Deserialize, Serialize};
use time::{Duration, OffsetDateTime};
use utoipa::ToSchema;

use super::{
    keys,
    tickets::{Priority, Ticket},
    Entity, PrimaryKey, Table,
};
use crate::error::ApiResult;

/// The most minutes a target may be: a year.
pub const MAX_MINUTES: u32 = 525_600;

/// The targets of one priority, in calendar minutes from the ticket's creation; none means no target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaTarget {
    /// Minutes within which staff should first answer.
    pub respond_minutes: Option<u32>,
    /// Minutes within which the ticket should be closed.
    pub resolve_minutes: Option<u32>,
}

/// The targets of every priority.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SlaTargets {
    #[serde(default)]
    pub low: SlaTarget,
    #[serde(default)]
    pub normal: SlaTarget,
    #[serde(default)]
    pub high: SlaTarget,
    #[serde(default)]
    pub urgent: SlaTarget,
}

impl SlaTargets {
    pub fn of(&self, p: Priority) -> SlaTarget {
        match p {
            Priority::Low => self.low,
            Priority::Normal => self.normal,
            Priority::High => self.high,
            Priority::Urgent => self.urgent,
        }
    }

    /// Sets the ticket's due times from its creation and priority.
    pub fn apply(&self, t: &mut Ticket) {
        let target = self.of(t.priority);
        let after = |m: Option<u32>| m.map(|m| t.created_at + Duration::minutes(i64::from(m)));
        t.sla.respond_by = after(target.respond_minutes);
        t.sla.resolve_by = after(target.resolve_minutes);
    }
}

/// The business's service levels: one item per deployment.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct SlaPolicy {
    pub targets: SlaTargets,
    pub version: u64,
}

impl Entity for SlaPolicy {
    const TYPE: &'static str = "sla_policy";
    type Id<'a> = ();

    fn key((): ()) -> PrimaryKey {
        PrimaryKey::new(keys::SETTINGS, keys::SLA_SETTINGS)
    }

    fn id(&self) {}
}

/// How a ticket stands against one target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SlaState {
    /// Done in time.
    Met,
    /// Done, late.
    Missed,
    /// Not done; time remains.
    Pending,
    /// Not done; past due.
    Overdue,
}

/// One target on a ticket: when it falls due, when it was done, and the outcome.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct SlaClock {
    #[serde(with = "time::serde::rfc3339")]
    pub due: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    pub done_at: Option<OffsetDateTime>,
    pub state: SlaState,
}

impl SlaClock {
    fn new(due: Option<OffsetDateTime>, done_at: Option<OffsetDateTime>, now: OffsetDateTime) -> Option<Self> {
        let due = due?;
        let state = match done_at {
            Some(at) if at <= due => SlaState::Met,
            Some(_) => SlaState::Missed,
            None if now < due => SlaState::Pending,
            None => SlaState::Overdue,
        };
        Some(Self { due, done_at, state })
    }
}

/// A ticket's service levels as shown to contacts and staff; each absent without a target.
#[derive(Clone, Debug, PartialEq, Serialize, ToSchema)]
pub struct SlaView {
    /// Staff's first answer; closing a ticket answers it too.
    pub response: Option<SlaClock>,
    pub resolution: Option<SlaClock>,
}

impl SlaView {
    pub fn of(t: &Ticket, now: OffsetDateTime) -> Self {
        let closed = t.closed_at.filter(|_| t.status.is_closed());
        Self {
            response: SlaClock::new(t.sla.respond_by, t.sla.responded_at.or(closed), now),
            resolution: SlaClock::new(t.sla.resolve_by, closed, now),
        }
    }
}

impl Table {
    /// The service levels in force (none set: no targets).
    pub async fn sla_policy(&self) -> ApiResult<SlaPolicy> {
        Ok(self.get::<SlaPolicy>(()).await?.unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn each_clock_reads_met_missed_pending_or_overdue() {
        let due = Some(datetime!(2026-03-01 12:00 UTC));
        let before = datetime!(2026-03-01 11:00 UTC);
        let after = datetime!(2026-03-01 13:00 UTC);
        let state = |done, now| SlaClock::new(due, done, now).map(|c| c.state);
        assert_eq!(state(Some(before), after), Some(SlaState::Met));
        assert_eq!(state(due, after), Some(SlaState::Met), "on the minute is in time");
        assert_eq!(state(Some(after), after), Some(SlaState::Missed));
        assert_eq!(state(None, before), Some(SlaState::Pending));
        assert_eq!(state(None, after), Some(SlaState::Overdue));
        assert_eq!(SlaClock::new(None, None, after), None, "no target, no clock");
    }
}
