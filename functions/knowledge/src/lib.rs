//! The knowledge base: articles staff write in Markdown for everyone or chosen customers, which contacts
//! browse by category, search by keyword, read rendered and sanitised, and vote on.

pub mod markdown;
pub mod model;
pub mod portal;
pub mod staff;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::list_articles),
    routes!(portal::article_categories),
    routes!(portal::get_article),
    routes!(portal::vote_article),
    routes!(staff::list_articles, staff::create_article),
    routes!(staff::get_article, staff::update_article, staff::delete_article),
}
