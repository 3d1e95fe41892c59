//! The news capability: staff publish announcements; the portal shows each contact's company what is
//! current, minus what the contact dismissed. And the knowledge base (`articles_*`): articles staff
//! write in Markdown for everyone or chosen customers, which contacts browse, search and vote on.

pub mod articles_model;
pub mod articles_portal;
pub mod articles_staff;
pub mod markdown;
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
    routes!(articles_portal::list_articles),
    routes!(articles_portal::article_categories),
    routes!(articles_portal::get_article),
    routes!(articles_portal::vote_article),
    routes!(articles_staff::list_articles, articles_staff::create_article),
    routes!(articles_staff::get_article, articles_staff::update_article, articles_staff::delete_article),
}
