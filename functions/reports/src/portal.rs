//! `/portal/reports/…`: what a contact reads about their company's activity.

use std::collections::BTreeMap;

use axum::{
    extract::State,
    http::header,
    response::{IntoResponse, Response},
    Json,
};
use futures_util::future::try_join_all;
use serde::Deserialize;
use shared::{
    error::{ApiError, ApiResult},
    extract::QueryParams,
    modules::Module,
    months::{month_bounds, month_of},
    openapi::Problems,
    principal::{module, Portal, PortalRead, VIEW_HEADER},
    table::{
        activity::{sort_key, MonthActivity},
        counters::{add, Counts},
        customers::Customer,
        keys, PrimaryKey,
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
    /// `true`: the whole client group's report (the group staff granted the contact, asked from the
    /// contact's own portal): every company's figures summed and every company's sites; 404 without a grant.
    pub group: Option<bool>,
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

/// What one company's report reads: the month's counters, its first month with records, the earlier
/// months' totals for the chart and its sites' names, in parallel.
struct Read {
    activity: MonthActivity,
    first: Option<String>,
    trend: Vec<(String, Counts)>,
    site_names: BTreeMap<String, String>,
}

async fn read(ctx: &Context, customer_id: &str, month: &str) -> ApiResult<Read> {
    let months = shared::months::up_to(month, TREND_MONTHS);
    let earlier: Vec<PrimaryKey> = months[..months.len() - 1]
        .iter()
        .map(|m| PrimaryKey::new(keys::customer(customer_id), sort_key(m, None)))
        .collect();
    let (activity, first, totals, sites) = tokio::try_join!(
        ctx.table.month_activity(customer_id, month),
        ctx.table.first_activity_month(customer_id),
        ctx.table.counts_many(earlier),
        ctx.table.site_names(customer_id),
    )?;
    let mut trend: Vec<(String, Counts)> = months.iter().cloned().zip(totals).collect();
    trend.push((month.to_owned(), activity.total.clone()));
    Ok(Read {
        activity,
        first,
        trend,
        site_names: sites.0.into_iter().collect(),
    })
}

impl Read {
    /// The companies of a group as one: counters summed, each site named after its company too.
    fn merge(parts: Vec<(String, Read)>) -> Read {
        let mut out = Read {
            activity: MonthActivity::default(),
            first: None,
            trend: Vec::new(),
            site_names: BTreeMap::new(),
        };
        for (company, part) in parts {
            add(&mut out.activity.total, part.activity.total, 1);
            out.activity.sites.extend(part.activity.sites);
            out.first = match (out.first, part.first) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if out.trend.is_empty() {
                out.trend = part.trend.iter().map(|(m, _)| (m.clone(), Counts::new())).collect();
            }
            for ((_, into), (_, counts)) in out.trend.iter_mut().zip(part.trend) {
                add(into, counts, 1);
            }
            out.site_names.extend(
                part.site_names
                    .into_iter()
                    .map(|(id, name)| (id, format!("{company} – {name}"))),
            );
        }
        out
    }
}

/// 422 for a month before the first records (the current month is always allowed).
fn check_first(month: &str, first: Option<&str>, today: Date) -> ApiResult<()> {
    match first {
        Some(first) if month < first && month != month_of(today) => Err(ApiError::invalid(
            "month",
            format!("is before the first month with records ({first})"),
        )),
        _ => Ok(()),
    }
}

/// The companies of the caller's client group (archived ones left out), with what each reads.
async fn group_reads(ctx: &Context, group_id: &str, month: &str) -> ApiResult<(String, String, Read)> {
    let (group, members) = ctx.table.group_members(group_id).await?.ok_or(ApiError::NotFound)?;
    let mut parts = Vec::with_capacity(members.len());
    for chunk in members.chunks(10) {
        let found = ctx.table.get_many::<Customer>(chunk.iter().map(String::as_str)).await?;
        let live: Vec<&Customer> = chunk
            .iter()
            .filter_map(|id| found.iter().find(|c| &c.id == id && !c.archived))
            .collect();
        let reads = try_join_all(live.iter().map(|c| read(ctx, &c.id, month))).await?;
        parts.extend(live.iter().map(|c| c.name.clone()).zip(reads));
    }
    Ok((group.id, group.name, Read::merge(parts)))
}

/// The report of the portal in view (a group contact viewing a member company gets that company's), or
/// with `group=true` the whole client group's.
async fn report(ctx: &Context, who: PortalRead<module::Reports>, p: &MonthParams) -> ApiResult<ActivityReport> {
    let today = ctx.table.zone.today();
    let (id, name, month, modules, r) = if p.group == Some(true) {
        if who.0.viewing_other() {
            return Err(ApiError::bad_request(
                VIEW_HEADER,
                "the group's report is read from the contact's own portal",
            ));
        }
        let (session, month) = who
            .check_during(ctx, async { checked_month(p.month.as_deref(), today) })
            .await?;
        let group_id = session.contact.group_id.as_deref().ok_or(ApiError::NotFound)?;
        let (id, name, r) = group_reads(ctx, group_id, &month).await?;
        check_first(&month, r.first.as_deref(), today)?;
        (id, format!("{name} (group)"), month, session.modules, r)
    } else {
        let customer_id = who.0.customer_id.clone();
        // The month is checked inside the read, so a caller the access check refuses learns nothing from it.
        let read = async {
            let month = checked_month(p.month.as_deref(), today)?;
            let r = read(ctx, &customer_id, &month).await?;
            check_first(&month, r.first.as_deref(), today)?;
            Ok((month, r))
        };
        let (session, (month, r)) = who.check_during(ctx, read).await?;
        (customer_id, session.customer.name, month, session.modules, r)
    };
    Ok(assemble(ctx, &id, &name, &month, &modules, &r))
}

/// One company's report for a month, without a caller: what the monthly mailing renders.
pub async fn company_report(
    ctx: &Context,
    customer: &Customer,
    modules: &[Module],
    month: &str,
) -> ApiResult<ActivityReport> {
    let r = read(ctx, &customer.id, month).await?;
    Ok(assemble(ctx, &customer.id, &customer.name, month, modules, &r))
}

fn assemble(ctx: &Context, id: &str, name: &str, month: &str, modules: &[Module], r: &Read) -> ActivityReport {
    build(&Inputs {
        customer_id: id,
        customer_name: name,
        business: ctx.config.business_name.as_deref().unwrap_or("Your service provider"),
        month,
        time_zone: ctx.table.zone.name(),
        today: ctx.table.zone.today(),
        modules,
        activity: &r.activity,
        trend: &r.trend,
        site_names: &r.site_names,
    })
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
    }
}
