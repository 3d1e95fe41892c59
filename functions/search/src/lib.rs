//! The search capability: one search box across the sites, assets, published defects, quotes, invoices and
//! jobs a contact sees, read from the index the records' own transactions keep (`shared::table::search`).

pub mod model;
pub mod portal;
pub mod rank;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::search),
}
