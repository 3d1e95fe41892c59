//! The routine activity report: the routine maintenance due over a range of months, each with its due
//! month, its last day within tolerance, when it was performed and how that reads, from the routine
//! work index (by month due), a page at a time, or the whole range as CSV.

use std::collections::BTreeMap;

use axum::{
    extract::State,
    http::header,
    response::{IntoResponse, Response},
    Json,
};
use serde::{Deserialize, Serialize};
use shared::{
    csv::line,
    error::{ApiError, ApiResult},
    extract::QueryParams,
    modules::Module,
    months::{self, month_bounds, month_of},
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{module, PortalRead},
    table::{
        keys,
        operations::{Job, RoutineOutcome},
        sites::Site,
        QuerySpec,
    },
    Context,
};
use time::Date;
use utoipa::{IntoParams, ToSchema};

/// The longest range one report covers.
const MAX_MONTHS: usize = 36;
/// The most lines one CSV holds.
const MAX_CSV_LINES: usize = 5_000;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RoutineReportParams {
    /// First month due, `YYYY-MM` (default: eleven months before `to`).
    pub from: Option<String>,
    /// Last month due, `YYYY-MM` (default: the current month); at most 36 months after `from`.
    pub to: Option<String>,
    /// Lines per page, 1 to 100 (default 25).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The CSV's range: the whole of it, not paged.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RoutineRangeParams {
    /// First month due, `YYYY-MM` (default: eleven months before `to`).
    pub from: Option<String>,
    /// Last month due, `YYYY-MM` (default: the current month); at most 36 months after `from`.
    pub to: Option<String>,
}

/// One piece of routine work.
#[derive(Debug, Serialize, ToSchema)]
pub struct RoutineLine {
    pub job_id: String,
    pub reference: String,
    pub description: String,
    pub site_id: String,
    pub site_name: String,
    /// `YYYY-MM`.
    pub due_month: String,
    /// The last day it counts as done within tolerance.
    pub last_day: Option<Date>,
    pub performed_on: Option<Date>,
    /// As of the business's today.
    pub outcome: Option<RoutineOutcome>,
}

/// The range asked for, or 422 naming the parameter at fault.
fn range(from: Option<&str>, to: Option<&str>, today: Date) -> ApiResult<(String, String)> {
    let parse = |field: &'static str, v: &str| {
        month_bounds(v)
            .map(|(first, _)| first)
            .ok_or_else(|| ApiError::invalid(field, "must be a month as YYYY-MM"))
    };
    let to = month_of(match to {
        Some(v) => parse("to", v)?,
        None => today,
    });
    // A year up to `to` by default; at most MAX_MONTHS.
    let from = match from {
        Some(v) => month_of(parse("from", v)?),
        None => months::up_to(&to, 12).into_iter().next().unwrap_or_else(|| to.clone()),
    };
    if from > to {
        return Err(ApiError::invalid("from", "must not come after `to`"));
    }
    if months::up_to(&to, MAX_MONTHS)
        .first()
        .is_some_and(|earliest| &from < earliest)
    {
        return Err(ApiError::invalid(
            "to",
            format!("must be within {MAX_MONTHS} months of `from`"),
        ));
    }
    Ok((from, to))
}

fn spec(customer_id: &str, from: &str, to: &str) -> QuerySpec {
    let mut spec = QuerySpec::gsi2(keys::routine_jobs(customer_id));
    spec.sort_from = Some(format!("{from}#"));
    // Sort keys are `<month due>#<job id>`: `~` sorts after every id character.
    spec.sort_below = Some(format!("{to}#~"));
    spec
}

/// The lines of a page of jobs, their sites' names read in one batch.
async fn lines(ctx: &Context, customer_id: &str, jobs: Vec<Job>, today: Date) -> ApiResult<Vec<RoutineLine>> {
    let mut site_ids: Vec<&str> = jobs
        .iter()
        .filter_map(|j| Some(j.field.as_ref()?.site_id.as_str()))
        .collect();
    site_ids.sort_unstable();
    site_ids.dedup();
    let names: BTreeMap<String, String> = ctx
        .table
        .get_many::<Site>(site_ids.into_iter().map(|s| (customer_id, s)))
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect();
    Ok(jobs
        .into_iter()
        .filter_map(|j| {
            let f = j.field?;
            Some(RoutineLine {
                site_name: names.get(&f.site_id).cloned().unwrap_or_default(),
                due_month: f.due_month.clone()?,
                last_day: f.grace_end(),
                performed_on: f.performed_on.filter(|_| f.stage.done()),
                outcome: f.outcome(today),
                site_id: f.site_id,
                job_id: j.id,
                reference: j.reference,
                description: j.description,
            })
        })
        .collect())
}

/// The range checked inside the read, so a caller the access check refuses learns nothing from it; 404
/// while the routine module is off.
async fn checked<T>(
    ctx: &Context,
    who: PortalRead<module::Reports>,
    (from, to): (Option<&str>, Option<&str>),
    read: impl AsyncFnOnce(String, String) -> ApiResult<T>,
) -> ApiResult<(String, T)> {
    let customer_id = who.0.customer_id.clone();
    let today = ctx.table.zone.today();
    let work = async {
        let (from, to) = range(from, to, today)?;
        read(from, to).await
    };
    let (session, out) = who.check_during(ctx, work).await?;
    if !session.modules.contains(&Module::Routine) {
        return Err(ApiError::NotFound);
    }
    Ok((customer_id, out))
}

/// Routine maintenance due from `from` to `to`, oldest month first: due month, last day within
/// tolerance, date performed and outcome (on time, within tolerance, late, missed, pending), with the
/// site's name. Modules `reports` and `routine`.
#[utoipa::path(get, path = "/portal/reports/routine", tag = "portal", security(("portal" = [])),
    params(RoutineReportParams), responses((status = 200, body = Page<RoutineLine>), Problems))]
pub async fn routine(
    State(ctx): State<Context>,
    who: PortalRead<module::Reports>,
    QueryParams(p): QueryParams<RoutineReportParams>,
) -> ApiResult<Json<Page<RoutineLine>>> {
    let customer_id = who.0.customer_id.clone();
    let today = ctx.table.zone.today();
    let page = PageParams {
        limit: p.limit,
        cursor: p.cursor.clone(),
    };
    let (_, jobs) = checked(&ctx, who, (p.from.as_deref(), p.to.as_deref()), async |from, to| {
        ctx.table
            .query_page::<Job>(&spec(&customer_id, &from, &to), &page)
            .await
    })
    .await?;
    let next_cursor = jobs.next_cursor.clone();
    Ok(Json(Page {
        items: lines(&ctx, &customer_id, jobs.items, today).await?,
        next_cursor,
        items_read: jobs.items_read,
    }))
}

/// The same range as CSV, every line (at most 5,000).
#[utoipa::path(get, path = "/portal/reports/routine/csv", tag = "portal", security(("portal" = [])),
    params(RoutineRangeParams), responses((status = 200, content_type = "text/csv", body = String), Problems))]
pub async fn routine_csv(
    State(ctx): State<Context>,
    who: PortalRead<module::Reports>,
    QueryParams(p): QueryParams<RoutineRangeParams>,
) -> ApiResult<Response> {
    let customer_id = who.0.customer_id.clone();
    let today = ctx.table.zone.today();
    let (_, (from, to, jobs)) = checked(&ctx, who, (p.from.as_deref(), p.to.as_deref()), async |from, to| {
        let spec = spec(&customer_id, &from, &to);
        let mut page = PageParams {
            limit: Some(100),
            cursor: None,
        };
        let mut jobs = Vec::new();
        loop {
            let got = ctx.table.query_page::<Job>(&spec, &page).await?;
            jobs.extend(got.items);
            match got.next_cursor {
                Some(c) if jobs.len() < MAX_CSV_LINES => page.cursor = Some(c),
                _ => break,
            }
        }
        jobs.truncate(MAX_CSV_LINES);
        Ok((from, to, jobs))
    })
    .await?;
    let mut csv = line([
        "due_month",
        "last_day",
        "performed_on",
        "outcome",
        "reference",
        "site",
        "description",
    ]);
    for l in lines(&ctx, &customer_id, jobs, today).await? {
        let day = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        csv.push_str(&line([
            l.due_month.as_str(),
            &day(l.last_day),
            &day(l.performed_on),
            l.outcome.map(RoutineOutcome::as_str).unwrap_or_default(),
            &l.reference,
            &l.site_name,
            &l.description,
        ]));
    }
    let name = format!("attachment; filename=\"routine-{from}-to-{to}.csv\"");
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, name),
        ],
        csv,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_range_defaults_to_a_year_and_names_what_is_wrong() {
        let today = date!(2026 - 12 - 02);
        assert_eq!(range(None, None, today).unwrap(), ("2026-01".into(), "2026-12".into()));
        assert_eq!(
            range(Some("2026-03"), Some("2026-05"), today).unwrap(),
            ("2026-03".into(), "2026-05".into())
        );
        let field = |e: ApiError| match e {
            ApiError::Validation(errors) => errors[0].field.clone(),
            _ => String::new(),
        };
        assert_eq!(
            field(range(Some("2026-06"), Some("2026-05"), today).unwrap_err()),
            "from"
        );
        assert_eq!(field(range(Some("March"), None, today).unwrap_err()), "from");
        assert_eq!(field(range(Some("2023-01"), Some("2026-01"), today).unwrap_err()), "to");
    }
}
