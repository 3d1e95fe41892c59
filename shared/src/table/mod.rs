//! The single table: one value owns the client and the table name; repositories build on it.
//!
//! - `entity`: what every stored type says about itself (its key, its indexes);
//! - `condition`: typed conditions on writes;
//! - `primitives`: reads, writes and transactions of named actions;
//! - `query`: one page of a partition ([`QuerySpec`]);
//! - `rate`: fixed-window rate-limit counters;
//! - `claims`: single-use values (a TOTP code used once);
//! - the outbox's leases live with the outbox, in [`crate::outbox`].

pub mod access;
pub mod activity;
mod activity_recount;
mod activity_sources;
pub mod articles;
pub mod assets;
pub mod attachments;
pub mod billing;
pub mod condition;
pub mod contacts;
pub mod counted;
pub mod counters;
pub mod customers;
pub mod datasheets;
pub mod defects;
pub mod documents;
pub mod entity;
pub mod groups;
pub mod invoices;
pub mod keys;
mod merged;
pub mod news;
pub mod notices;
pub mod operations;
pub mod projects;
pub mod quotes;
pub mod report_mail;
pub mod search;
mod search_docs;
mod search_reindex;
pub mod settings;
pub mod sites;
pub mod sla;
pub mod tickets;
pub mod unsubscribe;

mod claims;
pub use activity_recount::Recount;
pub use claims::Claim;
pub use search_reindex::Reindexed;
mod primitives;
mod query;
mod rate;

use aws_sdk_dynamodb::Client;

pub use condition::Condition;
pub use entity::{Entity, Item, PrimaryKey};
pub(crate) use primitives::condition_met;
pub(crate) use primitives::num;
pub use primitives::{Action, Cancelled, Versioned};
pub use query::QuerySpec;

#[derive(Clone, Debug)]
pub struct Table {
    pub client: Client,
    pub name: String,
    /// The calendar the activity counters are kept in.
    pub zone: crate::zone::BusinessZone,
}

impl Table {
    pub fn new(client: Client, name: String) -> Self {
        Self {
            client,
            name,
            zone: crate::zone::BusinessZone::default(),
        }
    }

    /// The same table, counting activity in the business's time zone.
    pub fn with_zone(mut self, zone: crate::zone::BusinessZone) -> Self {
        self.zone = zone;
        self
    }
}
