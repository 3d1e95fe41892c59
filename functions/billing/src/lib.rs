//! The billing capability: quotes the business sends and contacts authorise or decline, and invoices
//! with their PDFs. Every change moves its site's and customer's counters in the same transaction, so
//! the properties list, the activity panel and the spend panel each read one item.

pub mod model;
pub mod portal;
pub mod staff;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::list_quotes),
    routes!(portal::site_quotes),
    routes!(portal::get_quote),
    routes!(portal::authorise),
    routes!(portal::decline),
    routes!(portal::list_invoices),
    routes!(portal::site_invoices),
    routes!(portal::get_invoice),
    routes!(portal::invoice_pdf),
    routes!(portal::activity),
    routes!(portal::spend),
    routes!(staff::list_quotes, staff::create_quote),
    routes!(staff::get_quote, staff::update_quote, staff::delete_quote),
    routes!(staff::send_quote),
    routes!(staff::list_invoices, staff::create_invoice),
    routes!(staff::get_invoice, staff::update_invoice),
    routes!(staff::quote_authority),
}
