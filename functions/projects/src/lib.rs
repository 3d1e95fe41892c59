//! The projects capability: staff run projects for a customer, with milestones, tasks, due dates and
//! progress; the customer's contacts follow them, comment on a project or a task, and attach documents.

pub mod model;
pub mod portal;
pub mod staff;
mod work;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::list_projects),
    routes!(portal::get_project),
    routes!(portal::list_comments, portal::add_comment),
    routes!(portal::list_task_comments, portal::add_task_comment),
    routes!(portal::announce_file),
    routes!(portal::complete_file),
    routes!(portal::file_link),
    routes!(staff::list_projects, staff::create_project),
    routes!(staff::get_project, staff::update_project),
    routes!(staff::create_task),
    routes!(staff::update_task, staff::delete_task),
    routes!(staff::list_comments, staff::add_comment),
    routes!(staff::list_task_comments, staff::add_task_comment),
    routes!(staff::announce_file),
    routes!(staff::complete_file),
    routes!(staff::file_link),
}
