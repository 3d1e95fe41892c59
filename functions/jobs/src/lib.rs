//! The jobs capability: the portal reads a customer's jobs, with field service (routine maintenance
//! and service calls on sites); staff (the back office) write them.

pub mod field;
pub mod model;
pub mod portal;
pub mod staff;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::portal_list),
    routes!(portal::portal_get),
    routes!(field::routine_list),
    routes!(field::routine_summary),
    routes!(field::service_calls),
    routes!(field::service_calls_summary),
    routes!(field::site_jobs),
    routes!(staff::staff_list, staff::staff_create),
    routes!(staff::staff_get, staff::staff_update),
}
