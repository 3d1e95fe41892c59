//! The reports capability: what the portal reports about a company's activity, read from counters the
//! records' own transactions keep. The ticket dashboard, and the monthly activity report as figures,
//! CSV and PDF, the routine activity report over a range of months, and the monthly report by email
//! (subscriptions, the mailing the scheduler runs, and the links the emails carry); for staff, reports
//! of tickets, jobs, data sheets, workflows and quotes across customers, and the customers report.

pub mod activity;
pub mod csv;
pub mod delivery;
pub mod mailing;
pub mod model;
pub mod pdf;
pub mod portal;
pub mod routine;
pub mod staff;
pub mod staff_customers;
pub mod staff_rows;
pub mod subscription;
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
    routes!(subscription::subscription, subscription::set_subscription),
    routes!(subscription::mailed),
    routes!(staff::tickets),
    routes!(staff::tickets_csv),
    routes!(staff::jobs),
    routes!(staff::jobs_csv),
    routes!(staff::datasheets),
    routes!(staff::datasheets_csv),
    routes!(staff::workflows),
    routes!(staff::workflows_csv),
    routes!(staff::quotes),
    routes!(staff::quotes_csv),
    routes!(staff_customers::customers),
    routes!(staff_customers::customers_csv),
    routes!(staff_customers::groups),
}
