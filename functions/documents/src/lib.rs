//! The documents capability: staff share files with a customer's contacts, contacts send files to
//! the business. Uploads and downloads go straight between the browser and S3 through presigned
//! requests; the function only signs and records.

pub mod model;
pub mod portal;
pub mod staff;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::portal_tree),
    routes!(portal::portal_link),
    routes!(portal::portal_upload),
    routes!(portal::portal_complete),
    routes!(staff::staff_list, staff::staff_upload),
    routes!(staff::staff_complete),
    routes!(staff::staff_visibility),
    routes!(staff::staff_link),
}
