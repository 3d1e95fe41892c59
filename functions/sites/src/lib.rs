//! The sites capability: a customer's properties, the assets on them and the defects found there.
//! Staff keep them and decide which defects the customer sees; contacts read them, and edit the asset
//! fields staff opened to them.

pub mod model;
pub mod portal;
pub mod staff;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::list_sites),
    routes!(portal::site_map),
    routes!(portal::get_site),
    routes!(portal::site_assets),
    routes!(portal::site_defects),
    routes!(portal::site_documents),
    routes!(portal::list_defects),
    routes!(portal::defects_summary),
    routes!(portal::get_asset, portal::edit_asset),
    routes!(staff::list_sites, staff::create_site),
    routes!(staff::get_site, staff::update_site),
    routes!(staff::get_asset_types, staff::set_asset_types),
    routes!(staff::list_assets, staff::create_asset),
    routes!(staff::get_asset, staff::update_asset),
    routes!(staff::list_defects, staff::create_defect),
    routes!(staff::get_defect, staff::update_defect, staff::delete_defect),
    routes!(staff::bulk_publish),
}
