//! `/portal/reports/…`: what a contact reads about their company's activity.

use std::collections::BTreeMap;

use axum::{
    extract::State,
    http::header,
    response::{IntoResponse, Response},
    Json,
};
use serde::Deserialize;
use shared::{
    error::{ApiError, ApiResult},
    extract::QueryParams,
    openapi::Problems,
    principal::{module, Portal, PortalRead},
    table::{
        activity::{sort_key, MonthActivity},
        counters::Counts,
        keys,
        operations::{month_bounds, month_of},
        PrimaryKey,
    },
    Context,
};
use time::{Date, OffsetDateTime};
use utoipa::IntoParams;

use crate::{
    activity::{build, ActivityReport, Inputs},
    delivery::{pdf_link, ReportLink},
    model::{dashboard, Dashboard},
};

/// Months the chart shows, this one included.
const TREND_MONTHS: usize = 6;

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

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MonthParams {
    /// `YYYY-MM`, in the business's time zone: from the company's first month with records to the
    /// current one (the default).
    pub month: Option<String>,
}

/// The month asked for, or 422 naming `month` for one that does not parse or has not begun.
fn checked_month(asked: Option<&str>, today: Date) -> ApiResult<String> {
    let current = month_of(today);
    let Some(asked) = asked else { return Ok(current) };
    let (first, _) = month_bounds(asked).ok_or_else(|| ApiError::invalid("month", "must be a month as YYYY-MM"))?;
    if first > today {
        return Err(ApiError::invalid(
            "month",
            format!("is in the future (the current month is {current})"),
        ));
    }
    Ok(month_of(first))
}

/// The `n` months up to `month`, oldest first.
fn months_up_to(month: &str, n: usize) -> Vec<String> {
    let (mut first, _) = month_bounds(month).expect("a checked month");
    let mut out = vec![month_of(first)];
    while out.len() < n {
        first = first
            .previous_day()
            .and_then(|d| d.replace_day(1).ok())
            .expect("an earlier month");
        out.push(month_of(first));
    }
    out.reverse();
    out
}

/// What one report reads: the month's counters, the first month with records, the earlier months'
/// totals for the chart and the sites' names, in parallel.
struct Read {
    month: String,
    today: Date,
    activity: MonthActivity,
    trend: Vec<(String, Counts)>,
    site_names: BTreeMap<String, String>,
}

async fn read(ctx: &Context, customer_id: &str, asked: Option<&str>) -> ApiResult<Read> {
    let today = ctx.table.zone.today();
    let month = checked_month(asked, today)?;
    let months = months_up_to(&month, TREND_MONTHS);
    let earlier: Vec<PrimaryKey> = months[..months.len() - 1]
        .iter()
        .map(|m| PrimaryKey::new(keys::customer(customer_id), sort_key(m, None)))
        .collect();
    let (activity, first, totals, sites) = tokio::try_join!(
        ctx.table.month_activity(customer_id, &month),
        ctx.table.first_activity_month(customer_id),
        ctx.table.counts_many(earlier),
        ctx.table.site_names(customer_id),
    )?;
    if let Some(first) = first.filter(|f| month < *f && month != month_of(today)) {
        return Err(ApiError::invalid(
            "month",
            format!("is before the company's first month with records ({first})"),
        ));
    }
    let mut trend: Vec<(String, Counts)> = months.iter().cloned().zip(totals).collect();
    trend.push((month.clone(), activity.total.clone()));
    Ok(Read {
        month,
        today,
        activity,
        trend,
        site_names: sites.0.into_iter().collect(),
    })
}

/// The report of the portal in view (a group contact viewing a member company gets that company's).
async fn report(ctx: &Context, who: PortalRead<module::Reports>, p: &MonthParams) -> ApiResult<ActivityReport> {
    let customer_id = who.0.customer_id.clone();
    // The month is checked inside the read, so a caller the access check refuses learns nothing from it.
    let (session, r) = who
        .check_during(ctx, read(ctx, &customer_id, p.month.as_deref()))
        .await?;
    Ok(build(&Inputs {
        customer_id: &customer_id,
        customer_name: &session.customer.name,
        business: ctx.config.business_name.as_deref().unwrap_or("Your service provider"),
        month: &r.month,
        time_zone: ctx.table.zone.name(),
        today: r.today,
        modules: &session.modules,
        activity: &r.activity,
        trend: &r.trend,
        site_names: &r.site_names,
    }))
}

/// The month's activity: tickets, routine work, service calls, defects, quotes, invoices, data sheets
/// and documents, each while its module is on, in totals and per site, with six months for the chart.
/// Read from counters the records' own transactions keep: one Query of the month, one item for the
/// first month, one batch for the chart and one row per site for the names. 422 for a month that
/// does not parse, has not begun, or comes before the company's first records.
#[utoipa::path(get, path = "/portal/reports/activity", tag = "portal", security(("portal" = [])),
    params(MonthParams), responses((status = 200, body = ActivityReport), Problems))]
pub async fn activity(
    State(ctx): State<Context>,
    who: PortalRead<module::Reports>,
    QueryParams(p): QueryParams<MonthParams>,
) -> ApiResult<Json<ActivityReport>> {
    Ok(Json(report(&ctx, who, &p).await?))
}

/// The same figures as CSV (spreadsheet-safe).
#[utoipa::path(get, path = "/portal/reports/activity/csv", tag = "portal", security(("portal" = [])),
    params(MonthParams), responses((status = 200, content_type = "text/csv", body = String), Problems))]
pub async fn activity_csv(
    State(ctx): State<Context>,
    who: PortalRead<module::Reports>,
    QueryParams(p): QueryParams<MonthParams>,
) -> ApiResult<Response> {
    let r = report(&ctx, who, &p).await?;
    let name = format!("attachment; filename=\"activity-{}.csv\"", r.month);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, name),
        ],
        crate::csv::render(&r),
    )
        .into_response())
}

/// A five-minute link to the same figures as a PDF, rendered and stored only when they changed since
/// the last time.
#[utoipa::path(get, path = "/portal/reports/activity/pdf", tag = "portal", security(("portal" = [])),
    params(MonthParams), responses((status = 200, body = ReportLink), Problems))]
pub async fn activity_pdf(
    State(ctx): State<Context>,
    who: PortalRead<module::Reports>,
    QueryParams(p): QueryParams<MonthParams>,
) -> ApiResult<Json<ReportLink>> {
    let r = report(&ctx, who, &p).await?;
    Ok(Json(pdf_link(&ctx, &r).await?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_are_checked_and_counted_back() {
        let today = date!(2026 - 12 - 02);
        assert_eq!(checked_month(None, today).unwrap(), "2026-12");
        assert_eq!(checked_month(Some("2026-11"), today).unwrap(), "2026-11");
        assert_eq!(checked_month(Some("2027-01"), today).unwrap_err().status(), 422);
        for bad in ["2026-13", "2026-1", "november", "2026-11-01", ""] {
            assert_eq!(checked_month(Some(bad), today).unwrap_err().status(), 422, "{bad}");
        }
        assert_eq!(months_up_to("2026-02", 4), ["2025-11", "2025-12", "2026-01", "2026-02"]);
    }
}
