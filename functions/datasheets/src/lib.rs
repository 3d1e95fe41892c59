//! The datasheets capability: templates, drafts, and submission that creates a ticket atomically.

pub mod model;
pub mod portal;
pub mod staff;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::list, portal::create),
    routes!(portal::templates),
    routes!(portal::get, portal::save),
    routes!(portal::submit),
    routes!(staff::list_templates, staff::create_template),
    routes!(staff::get_template, staff::update_template),
    routes!(staff::get_portal_templates, staff::set_portal_templates),
    routes!(staff::list_sheets),
    routes!(staff::export),
    routes!(staff::get_sheet),
    routes!(staff::unlock),
}
