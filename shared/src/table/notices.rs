//! Renewal notices already queued: one per contact and contract end date.

use serde::{Deserialize, Serialize};

use super::{keys, Entity, PrimaryKey};

/// Marks a renewal notice as queued for a contact and a contract end date.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct SupportNotice {
    pub customer_id: String,
    pub contact_id: String,
    /// The contract end date the notice is about (`YYYY-MM-DD`).
    pub support_end: String,
}

impl Entity for SupportNotice {
    const TYPE: &'static str = "support_notice";
    /// (customer id, contact id, contract end date)
    type Id<'a> = (&'a str, &'a str, &'a str);

    fn key((customer_id, contact_id, support_end): Self::Id<'_>) -> PrimaryKey {
        PrimaryKey::new(
            keys::customer(customer_id),
            keys::support_notice(contact_id, support_end),
        )
    }

    fn id(&self) -> Self::Id<'_> {
        (&self.customer_id, &self.contact_id, &self.support_end)
    }
}
