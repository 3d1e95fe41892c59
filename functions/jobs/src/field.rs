//! `/portal/routine…`, `/portal/service-calls…` and `/portal/sites/{id}/jobs`: field service as a
//! contact sees it. The panels read one counters item; the lists behind their numbers read a page of
//! an index keyed by month (and stage).

use axum::{extract::State, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{PathId, QueryParams},
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{module, PortalRead},
    table::{
        counters::{last_twelve_months, Counts},
        operations::{month_bounds, Job, JobStage, RoutineOutcome},
        sites::{field_counts_key, Site},
    },
    Context,
};
use time::{Date, OffsetDateTime};

use crate::model::{
    JobSummary, RoutineMonth, RoutinePanel, RoutineParams, ServiceCallMonth, ServiceCallParams, ServiceCallsPanel,
    YearParams,
};

fn month(m: Option<&str>) -> ApiResult<()> {
    match m {
        Some(v) if month_bounds(v).is_none() => Err(ApiError::bad_request("month", "a month as YYYY-MM")),
        _ => Ok(()),
    }
}

/// Routine work due in a month (or all of it, latest month first).
#[utoipa::path(get, path = "/portal/routine", tag = "portal", security(("portal" = [])), params(RoutineParams),
    responses((status = 200, body = Page<JobSummary>), Problems))]
pub async fn routine_list(
    State(ctx): State<Context>,
    who: PortalRead<module::Routine>,
    QueryParams(p): QueryParams<RoutineParams>,
) -> ApiResult<Json<Page<JobSummary>>> {
    let spec = Job::routine(&who.0.customer_id, p.month.as_deref());
    let page = PageParams {
        limit: p.limit,
        cursor: p.cursor,
    };
    // The month is checked inside the read, so a caller the access check refuses learns nothing from it.
    let read = async {
        month(p.month.as_deref())?;
        ctx.table.query_page::<Job>(&spec, &page).await
    };
    let (_, jobs) = who.check_during(&ctx, read).await?;
    Ok(Json(jobs.map(JobSummary::from)))
}

/// Service calls logged in a month, optionally in one stage (or all of them, latest month first).
#[utoipa::path(get, path = "/portal/service-calls", tag = "portal", security(("portal" = [])), params(ServiceCallParams),
    responses((status = 200, body = Page<JobSummary>), Problems))]
pub async fn service_calls(
    State(ctx): State<Context>,
    who: PortalRead<module::ServiceCalls>,
    QueryParams(p): QueryParams<ServiceCallParams>,
) -> ApiResult<Json<Page<JobSummary>>> {
    let spec = Job::reactive(&who.0.customer_id, p.month.as_deref(), p.stage);
    let page = PageParams {
        limit: p.limit,
        cursor: p.cursor,
    };
    let read = async {
        month(p.month.as_deref())?;
        if p.stage.is_some() && p.month.is_none() {
            return Err(ApiError::bad_request("stage", "a stage is listed within a month"));
        }
        ctx.table.query_page::<Job>(&spec, &page).await
    };
    let (_, jobs) = who.check_during(&ctx, read).await?;
    Ok(Json(jobs.map(JobSummary::from)))
}

/// A site's field jobs, newest first.
#[utoipa::path(get, path = "/portal/sites/{id}/jobs", tag = "portal", security(("portal" = [])),
    params(("id" = String, Path, description = "Site id"), PageParams), responses((status = 200, body = Page<JobSummary>), Problems))]
pub async fn site_jobs(
    State(ctx): State<Context>,
    who: PortalRead<module::Jobs>,
    PathId(id): PathId,
    QueryParams(page): QueryParams<PageParams>,
) -> ApiResult<Json<Page<JobSummary>>> {
    let customer_id = &who.0.customer_id;
    let spec = Job::on_site(customer_id, &id);
    let read = async {
        tokio::try_join!(
            ctx.table.get::<Site>((customer_id, &id)),
            ctx.table.query_page::<Job>(&spec, &page)
        )
    };
    let (_, (site, jobs)) = who.check_during(&ctx, read).await?;
    site.ok_or(ApiError::NotFound)?;
    Ok(Json(jobs.map(JobSummary::from)))
}

/// The routine activities panel, from one item: each month of a year by outcome.
#[utoipa::path(get, path = "/portal/routine/summary", tag = "portal", security(("portal" = [])), params(YearParams),
    responses((status = 200, body = RoutinePanel), Problems))]
pub async fn routine_summary(
    State(ctx): State<Context>,
    who: PortalRead<module::Routine>,
    QueryParams(p): QueryParams<YearParams>,
) -> ApiResult<Json<RoutinePanel>> {
    let today = OffsetDateTime::now_utc().date();
    let year = p.year.unwrap_or(today.year());
    if !(2000..=2100).contains(&year) {
        return Err(ApiError::bad_request("year", "between 2000 and 2100"));
    }
    let (_, counts) = who
        .check_during(&ctx, ctx.table.counts(field_counts_key(&who.0.customer_id)))
        .await?;
    Ok(Json(routine_panel(&counts, year, today)))
}

pub fn routine_panel(counts: &Counts, year: i32, today: Date) -> RoutinePanel {
    let today = today.to_string();
    let months = (1..=12)
        .map(|m| {
            let month = format!("{year:04}-{m:02}");
            let mut by_outcome: std::collections::BTreeMap<RoutineOutcome, i64> =
                RoutineOutcome::ALL.into_iter().map(|o| (o, 0)).collect();
            for o in [
                RoutineOutcome::OnTime,
                RoutineOutcome::WithinTolerance,
                RoutineOutcome::Late,
            ] {
                let n = counts
                    .get(&format!("routine#{month}#{}", o.as_str()))
                    .copied()
                    .unwrap_or(0);
                by_outcome.insert(o, n.max(0));
            }
            let open = format!("routine_open#{month}#");
            for (k, n) in counts.range(open.clone()..).take_while(|(k, _)| k.starts_with(&open)) {
                let end = &k[open.len()..];
                let outcome = if end < today.as_str() {
                    RoutineOutcome::Missed
                } else {
                    RoutineOutcome::Pending
                };
                *by_outcome.entry(outcome).or_insert(0) += n.max(&0);
            }
            RoutineMonth { month, by_outcome }
        })
        .collect();
    RoutinePanel { year, months }
}

/// The service calls panel, from one item: reactive jobs logged in each of the last 12 months, by stage.
#[utoipa::path(get, path = "/portal/service-calls/summary", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = ServiceCallsPanel), Problems))]
pub async fn service_calls_summary(
    State(ctx): State<Context>,
    who: PortalRead<module::ServiceCalls>,
) -> ApiResult<Json<ServiceCallsPanel>> {
    let (_, counts) = who
        .check_during(&ctx, ctx.table.counts(field_counts_key(&who.0.customer_id)))
        .await?;
    Ok(Json(service_calls_panel(&counts, OffsetDateTime::now_utc().date())))
}

pub fn service_calls_panel(counts: &Counts, today: Date) -> ServiceCallsPanel {
    let months = last_twelve_months(today)
        .into_iter()
        .map(|(year, m)| {
            let month = format!("{year:04}-{m:02}");
            let by_stage = JobStage::ALL
                .into_iter()
                .map(|s| {
                    let n = counts
                        .get(&format!("reactive#{month}#{}", s.as_str()))
                        .copied()
                        .unwrap_or(0);
                    (s, n.max(0))
                })
                .collect();
            ServiceCallMonth { month, by_stage }
        })
        .collect();
    ServiceCallsPanel { months }
}
