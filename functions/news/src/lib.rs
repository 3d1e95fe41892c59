//! The news capability: staff publish announcements; the portal shows each contact's company what is
//! current, minus what the contact dismissed.

pub mod model;
pub mod portal;
pub mod staff;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::portal_list),
    routes!(portal::portal_dismissed),
    routes!(portal::portal_dismiss),
    routes!(staff::staff_list, staff::staff_create),
    routes!(staff::staff_get, staff::staff_update, staff::staff_delete),
}
