//! The reports capability: what the portal reports about a company's activity, read from counters the
//! records' own transactions keep. Today the ticket dashboard; the monthly activity report, its
//! scheduled delivery and the staff reports follow.

pub mod model;
pub mod portal;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::tickets_dashboard),
}
