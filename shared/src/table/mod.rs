//! The single table: one value owns the client and the table name; repositories build on it.
//!
//! - `primitives`: reads, writes and transactions (the actions repositories put together);
//! - `query`: one page of a partition ([`QuerySpec`]);
//! - `rate`: fixed-window rate-limit counters;
//! - `claims`: single-use values (a TOTP code used once);
//! - the outbox's leases live with the outbox, in [`crate::outbox`].

pub mod access;
pub mod contacts;
pub mod customers;
pub mod datasheets;
pub mod documents;
pub mod entity;
pub mod keys;
pub mod news;
pub mod operations;
pub mod settings;
pub mod tickets;

mod claims;
mod primitives;
mod query;
mod rate;

use aws_sdk_dynamodb::Client;

pub use entity::{key, Entity, Item, Keys};
pub(crate) use primitives::condition_met;
pub use primitives::{num, s, Cancelled, Versioned};
pub use query::QuerySpec;

#[derive(Clone, Debug)]
pub struct Table {
    pub client: Client,
    pub name: String,
}

impl Table {
    pub fn new(client: Client, name: String) -> Self {
        Self { client, name }
    }
}
