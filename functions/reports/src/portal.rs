//! `/portal/reports/…`: what a contact reads about their company's activity.

use axum::{extract::State, Json};
use shared::{
    error::ApiResult,
    openapi::Problems,
    principal::{module, Portal},
    Context,
};
use time::OffsetDateTime;

use crate::model::{dashboard, Dashboard};

/// Open tickets by status and priority, opened and closed per month over 12 months, mean resolution
/// time by priority: one read of counters kept in the ticket transactions. 404 unless the portal
/// settings enable the ticket dashboard module (off by default).
#[utoipa::path(get, path = "/portal/reports/tickets", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = Dashboard), Problems))]
pub async fn tickets_dashboard(
    State(ctx): State<Context>,
    Portal(who, _): Portal<module::TicketDashboard>,
) -> ApiResult<Json<Dashboard>> {
    let counters = ctx.table.dashboard(&who.customer_id).await?;
    Ok(Json(dashboard(&counters, OffsetDateTime::now_utc().date())))
}
