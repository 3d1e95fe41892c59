//! The tickets capability: the portal's heart, with visibility rules that never leak.

pub mod attachments;
pub mod model;
pub mod portal;
pub mod staff;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::list, portal::create),
    routes!(portal::export),
    routes!(portal::get, portal::update),
    routes!(portal::reopen),
    routes!(portal::confidentiality),
    routes!(portal::rate),
    routes!(portal::add_note),
    routes!(portal::close),
    routes!(attachments::portal_announce),
    routes!(attachments::portal_complete),
    routes!(attachments::portal_link),
    routes!(attachments::staff_announce),
    routes!(attachments::staff_complete),
    routes!(attachments::staff_link),
    routes!(staff::list, staff::create),
    routes!(staff::get, staff::update),
    routes!(staff::add_note),
    routes!(staff::email),
    routes!(staff::visibility),
}
