//! The settings capability: which modules the portal offers, globally and per customer, and the
//! ticket service levels.
//!
//! Staff routes only, so there is no `portal.rs`.

pub mod model;
pub mod staff;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(staff::get_global, staff::set_global),
    routes!(staff::get_sla, staff::set_sla),
    routes!(staff::get_customer, staff::set_customer, staff::clear_customer),
}
