//! Every key of the single table is built here and nowhere else.
//!
//! | item | PK | SK | GSI1PK | GSI1SK |
//! |---|---|---|---|---|
//! | customer profile | `CUST#<id>` | `PROFILE` | `CUSTOMERS` or `CUSTOMERS#ARCHIVED` | `<name lowercased>#<id>` |
//! | contact | `CUST#<cid>` | `CONTACT#<id>` | `CUST#<cid>#CONTACTS` or `…#CONTACTS#ARCHIVED` | `<last first lowercased>#<id>` |
//! | contact reference | `CONTACT#<id>` | `REF` | — | — |

pub const PK: &str = "PK";
pub const SK: &str = "SK";
pub const GSI1: &str = "GSI1";
pub const GSI1PK: &str = "GSI1PK";
pub const GSI1SK: &str = "GSI1SK";
pub const ENTITY: &str = "entity";
pub const VERSION: &str = "version";
pub const TTL: &str = "ttl";

pub const PROFILE: &str = "PROFILE";
pub const REF: &str = "REF";
pub const CONTACT_PREFIX: &str = "CONTACT#";

pub fn customer(id: &str) -> String {
    format!("CUST#{id}")
}

pub fn contact(id: &str) -> String {
    format!("{CONTACT_PREFIX}{id}")
}

/// The partition of the "all customers" index, active or archived.
pub fn customers_index(archived: bool) -> String {
    if archived { "CUSTOMERS#ARCHIVED".into() } else { "CUSTOMERS".into() }
}

/// The partition of one customer's contacts in GSI1, active or archived.
pub fn contacts_index(customer_id: &str, archived: bool) -> String {
    let suffix = if archived { "#ARCHIVED" } else { "" };
    format!("CUST#{customer_id}#CONTACTS{suffix}")
}

/// A sort key that orders by a display name, case-insensitively, with the id as tie-breaker.
pub fn by_name(name: &str, id: &str) -> String {
    let folded: String = name.trim().to_lowercase().chars().take(100).collect();
    format!("{folded}#{id}")
}
