//! The workflows capability: the portal reads a customer's active workflows; staff write them.

pub mod model;
pub mod portal;
pub mod staff;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::portal_list),
    routes!(portal::portal_get),
    routes!(staff::staff_list, staff::staff_create),
    routes!(staff::staff_get, staff::staff_update),
}
