//! The reports capability: what the portal reports about a company's activity, read from counters the
//! records' own transactions keep. The ticket dashboard, and the monthly activity report as figures,
//! CSV and PDF, and the routine activity report over a range of months.

pub mod activity;
pub mod csv;
pub mod delivery;
pub mod model;
pub mod pdf;
pub mod portal;
pub mod routine;
pub mod text;

use shared::Context;

shared::function_api! {
    state: Context,
    routes!(portal::tickets_dashboard),
    routes!(portal::activity),
    routes!(portal::activity_csv),
    routes!(portal::activity_pdf),
    routes!(routine::routine),
    routes!(routine::routine_csv),
}
