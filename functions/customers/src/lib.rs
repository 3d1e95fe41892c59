//! The customers capability: main info and contacts, for the portal and for staff.

pub mod groups;
pub mod model;
pub mod portal;
pub mod staff;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::me),
    routes!(portal::notifications, portal::set_notifications),
    routes!(groups::portal_group),
    routes!(groups::list_groups, groups::create_group),
    routes!(groups::get_group, groups::update_group),
    routes!(groups::group_access),
    routes!(portal::list_contacts, portal::create_contact),
    routes!(staff::list_customers, staff::create_customer),
    routes!(staff::get_customer, staff::update_customer),
    routes!(staff::archive_customer),
    routes!(staff::restore_customer),
    routes!(staff::list_contacts, staff::create_contact),
    routes!(staff::get_contact, staff::update_contact),
    routes!(staff::archive_contact),
    routes!(staff::restore_contact),
}
