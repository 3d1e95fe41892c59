//! `/admin/reports/{tickets,jobs,datasheets,workflows,quotes}[/csv]`: records of every customer created
//! over a range of days, filtered by status, customer or customer group, with additional fields, paged
//! as JSON or whole as CSV.
//!
//! Read from GSI3, where each of these records sits under its kind and UTC month of creation, sorted
//! by the second of creation: a page walks the month partitions the range covers, and a request reads
//! at most [`MAX_QUERIES`] Queries of at most `limit + 1` items each, however many records the
//! customers hold. A filter is applied by DynamoDB to what those Queries read, so a selective filter
//! can return a short page with a cursor that continues the walk.

use std::collections::BTreeMap;

use axum::{
    extract::State,
    http::{header, HeaderMap},
    response::{IntoResponse, Response},
    Json,
};
use serde::{Deserialize, Serialize};
use shared::{
    csv::line,
    error::{ApiError, ApiResult},
    extract::QueryParams,
    ids,
    months::{self, month_of},
    openapi::Problems,
    pagination::{items_read_header, Page, PageParams},
    principal::{can, Staff},
    table::{
        customers::Customer,
        datasheets::Sheet,
        groups::MAX_MEMBERS,
        keys,
        operations::{Job, Workflow},
        quotes::Quote,
        tickets::Ticket,
        Condition, QuerySpec,
    },
    Context,
};
use time::{format_description::well_known::Rfc3339, Date, Duration, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};

use crate::staff_rows::StaffRecord;

/// The most Queries one page makes.
const MAX_QUERIES: usize = 6;
/// The most lines one CSV holds.
const MAX_CSV_LINES: usize = 5_000;
/// The longest range, in days.
const MAX_DAYS: i64 = 3 * 366;

/// What the report covers.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RecordFilters {
    /// First day of creation, `YYYY-MM-DD` in the business's time zone (default: 29 days before `to`).
    pub from: Option<String>,
    /// Last day of creation (default: today); at most three years after `from`.
    pub to: Option<String>,
    /// Only records in this status (each report names its statuses in a 422 for any other).
    pub status: Option<String>,
    /// Only this customer's records.
    pub customer_id: Option<String>,
    /// Only the records of this customer group's customers (its sub-groups' included).
    pub group_id: Option<String>,
    /// Additional columns, comma-separated (each report names those it offers in a 422 for any other).
    pub fields: Option<String>,
}

/// [`RecordFilters`] and a page.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct RecordParams {
    /// First day of creation, `YYYY-MM-DD` in the business's time zone (default: 29 days before `to`).
    pub from: Option<String>,
    /// Last day of creation (default: today); at most three years after `from`.
    pub to: Option<String>,
    /// Only records in this status.
    pub status: Option<String>,
    /// Only this customer's records.
    pub customer_id: Option<String>,
    /// Only the records of this customer group's customers (its sub-groups' included).
    pub group_id: Option<String>,
    /// Additional columns, comma-separated.
    pub fields: Option<String>,
    /// Rows per page, 1 to 100 (default 25).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl RecordParams {
    fn split(self) -> (RecordFilters, PageParams) {
        (
            RecordFilters {
                from: self.from,
                to: self.to,
                status: self.status,
                customer_id: self.customer_id,
                group_id: self.group_id,
                fields: self.fields,
            },
            PageParams {
                limit: self.limit,
                cursor: self.cursor,
            },
        )
    }
}

/// One record in a staff report.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecordRow {
    pub id: String,
    pub customer_id: String,
    pub customer_name: String,
    /// The ticket's number, the job's reference, the data sheet's ticket number, the workflow's id or
    /// the quote's number.
    pub reference: String,
    /// The ticket's subject, the job's description, the data sheet's template, the workflow's type or
    /// the quote's title.
    pub title: String,
    pub status: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    /// The additional fields asked for, by name.
    pub fields: BTreeMap<String, String>,
}

/// A checked request: the range as instants, the months it spans, the filter and the columns.
struct Plan {
    from: Date,
    to: Date,
    start: i64,
    /// The last second of the range.
    end: i64,
    months: Vec<String>,
    filter: Option<Condition>,
    fields: Vec<&'static str>,
}

fn day(field: &'static str, v: &str) -> ApiResult<Date> {
    Date::parse(v, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| ApiError::invalid(field, "must be a date as YYYY-MM-DD"))
}

async fn plan<R: StaffRecord>(ctx: &Context, f: &RecordFilters) -> ApiResult<Plan> {
    let zone = &ctx.table.zone;
    let to =
        f.to.as_deref()
            .map(|v| day("to", v))
            .transpose()?
            .unwrap_or_else(|| zone.today());
    let from = match f.from.as_deref() {
        Some(v) => day("from", v)?,
        None => to - Duration::days(29),
    };
    if from > to {
        return Err(ApiError::invalid("from", "must not come after `to`"));
    }
    if (to - from).whole_days() > MAX_DAYS {
        return Err(ApiError::invalid("to", "must be within three years of `from`"));
    }
    let fields = match f.fields.as_deref().filter(|s| !s.trim().is_empty()) {
        None => Vec::new(),
        Some(list) => list
            .split(',')
            .map(|name| {
                R::FIELDS
                    .iter()
                    .copied()
                    .find(|f| *f == name.trim())
                    .ok_or_else(|| ApiError::invalid("fields", format!("may name {}", R::FIELDS.join(", "))))
            })
            .collect::<ApiResult<Vec<_>>>()?,
    };
    let mut filter: Option<Condition> = None;
    let mut and = |c: Condition| {
        filter = Some(match filter.take() {
            Some(f) => f.and(c),
            None => c,
        })
    };
    if let Some(status) = f.status.as_deref() {
        let statuses = R::statuses();
        if !statuses.iter().any(|s| s == status) {
            return Err(ApiError::invalid(
                "status",
                format!("must be one of {}", statuses.join(", ")),
            ));
        }
        and(R::status_is(status)?);
    }
    if let Some(id) = f.customer_id.as_deref() {
        if !ids::is_valid(id) {
            return Err(ApiError::invalid("customer_id", "is not a customer id"));
        }
        and(Condition::eq("customer_id", id)?);
    }
    if let Some(id) = f.group_id.as_deref() {
        let members = group_customers(ctx, id).await?;
        and(Condition::any(
            members
                .iter()
                .map(|c| Condition::eq("customer_id", c))
                .collect::<ApiResult<Vec<_>>>()?,
        ));
    }
    let start = zone.start_of(from);
    let end = zone.start_of(to + Duration::days(1)) - Duration::seconds(1);
    let utc_month = |t: OffsetDateTime| month_of(t.to_offset(time::UtcOffset::UTC).date());
    let (first, last) = (utc_month(start), utc_month(end));
    let mut spanned = vec![first];
    while let Some(next) = spanned.last().and_then(|m| months::next(m)).filter(|m| *m <= last) {
        spanned.push(next);
    }
    Ok(Plan {
        from,
        to,
        start: start.unix_timestamp(),
        end: end.unix_timestamp(),
        months: spanned,
        filter,
        fields,
    })
}

/// The customers of a group and its sub-groups: 422 naming `group_id` for one that does not exist or
/// names more customers than one filter holds.
pub async fn group_customers(ctx: &Context, group_id: &str) -> ApiResult<Vec<String>> {
    let unknown = || ApiError::invalid("group_id", "is not a customer group");
    if !ids::is_valid(group_id) {
        return Err(unknown());
    }
    let (_, members) = ctx.table.group_members(group_id).await?.ok_or_else(unknown)?;
    if members.len() > MAX_MEMBERS {
        return Err(ApiError::invalid(
            "group_id",
            format!("holds more than {MAX_MEMBERS} customers; report on a sub-group"),
        ));
    }
    if members.is_empty() {
        return Err(ApiError::invalid("group_id", "holds no customers"));
    }
    Ok(members)
}

/// The Query of one month's partition within the range.
fn spec<R: StaffRecord>(plan: &Plan, month: &str) -> QuerySpec {
    let mut spec = QuerySpec::gsi3(keys::created_in(R::KIND, month));
    spec.sort_from = Some(format!("{:012}#", plan.start));
    // `~` sorts after every id character.
    spec.sort_below = Some(format!("{:012}#~", plan.end));
    spec.filter = plan.filter.clone();
    spec
}

/// A cursor: the month the walk is in, then DynamoDB's position within it (empty at its start).
fn cursor(month: &str, inner: Option<&str>) -> String {
    format!("{month}.{}", inner.unwrap_or_default())
}

fn parse_cursor<'a>(plan: &Plan, c: &'a str) -> ApiResult<(usize, Option<&'a str>)> {
    let invalid = || ApiError::bad_request("cursor", "is not a cursor this report issued");
    let (month, inner) = c.split_once('.').ok_or_else(invalid)?;
    let at = plan.months.iter().position(|m| m == month).ok_or_else(invalid)?;
    Ok((at, Some(inner).filter(|i| !i.is_empty())))
}

/// One page of records: the months walked in order until the page is full or the Queries are spent.
async fn page<R: StaffRecord>(ctx: &Context, plan: &Plan, params: &PageParams) -> ApiResult<Page<R>> {
    let limit = params.limit()? as usize;
    let (mut at, mut inner) = match params.cursor.as_deref() {
        Some(c) => {
            let (at, inner) = parse_cursor(plan, c)?;
            (at, inner.map(str::to_owned))
        }
        None => (0, None),
    };
    let mut items = Vec::new();
    let mut items_read = 0;
    for _ in 0..MAX_QUERIES {
        let want = PageParams {
            limit: Some((limit - items.len()) as u32),
            cursor: inner.take(),
        };
        let got = ctx
            .table
            .query_page::<R>(&spec::<R>(plan, &plan.months[at]), &want)
            .await?;
        items_read += got.items_read;
        items.extend(got.items);
        match got.next_cursor {
            Some(c) => inner = Some(c),
            None if at + 1 < plan.months.len() => at += 1,
            None => {
                return Ok(Page {
                    items,
                    next_cursor: None,
                    items_read,
                })
            }
        }
        if items.len() >= limit {
            break;
        }
    }
    Ok(Page {
        items,
        next_cursor: Some(cursor(&plan.months[at], inner.as_deref())),
        items_read,
    })
}

/// The rows of records, their customers' names read in batches.
async fn rows<R: StaffRecord>(ctx: &Context, plan: &Plan, records: Vec<R>) -> ApiResult<Vec<RecordRow>> {
    let mut ids: Vec<&str> = records.iter().map(StaffRecord::customer).collect();
    ids.sort_unstable();
    ids.dedup();
    let mut names = BTreeMap::new();
    for chunk in ids.chunks(100) {
        for c in ctx.table.get_many::<Customer>(chunk.iter().copied()).await? {
            names.insert(c.id, c.name);
        }
    }
    Ok(records
        .iter()
        .map(|r| RecordRow {
            id: r.record_id().to_owned(),
            customer_id: r.customer().to_owned(),
            customer_name: names.get(r.customer()).cloned().unwrap_or_default(),
            reference: r.reference(),
            title: r.title(),
            status: r.status(),
            created_at: r.created(),
            fields: plan.fields.iter().map(|f| ((*f).to_owned(), r.field(f))).collect(),
        })
        .collect())
}

async fn json_report<R: StaffRecord>(ctx: &Context, p: RecordParams) -> ApiResult<(HeaderMap, Json<Page<RecordRow>>)> {
    let (filters, page_params) = p.split();
    page_params.limit()?;
    let plan = plan::<R>(ctx, &filters).await?;
    let records = page::<R>(ctx, &plan, &page_params).await?;
    Ok((
        items_read_header(records.items_read),
        Json(Page {
            items: rows(ctx, &plan, records.items).await?,
            next_cursor: records.next_cursor,
            items_read: records.items_read,
        }),
    ))
}

async fn csv_report<R: StaffRecord>(ctx: &Context, name: &str, f: RecordFilters) -> ApiResult<Response> {
    let plan = plan::<R>(ctx, &f).await?;
    let mut params = PageParams {
        limit: Some(100),
        cursor: None,
    };
    let mut records = Vec::new();
    loop {
        let got = page::<R>(ctx, &plan, &params).await?;
        records.extend(got.items);
        match got.next_cursor {
            Some(c) if records.len() < MAX_CSV_LINES => params.cursor = Some(c),
            _ => break,
        }
    }
    records.truncate(MAX_CSV_LINES);
    let mut head = vec!["created_at", "customer", "reference", "title", "status"];
    head.extend(plan.fields.iter().copied());
    let mut csv = line(head);
    for r in rows(ctx, &plan, records).await? {
        let created = r.created_at.format(&Rfc3339).unwrap_or_default();
        let mut cells = vec![created, r.customer_name, r.reference, r.title, r.status];
        cells.extend(
            plan.fields
                .iter()
                .map(|f| r.fields.get(*f).cloned().unwrap_or_default()),
        );
        csv.push_str(&line(cells.iter().map(String::as_str)));
    }
    let disposition = format!("attachment; filename=\"{name}-{}-to-{}.csv\"", plan.from, plan.to);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        csv,
    )
        .into_response())
}

/// The JSON and CSV routes of one report.
macro_rules! report_routes {
    ($json:ident, $csv:ident, $record:ty, $permission:ty, $name:literal, $what:literal) => {
        #[doc = concat!("The ", $what, " of every customer created over a range of days (oldest first), filtered by `status`, `customer_id` or `group_id`, with the additional `fields` asked for; a page reads at most six Queries of GSI3 whatever the customers hold, and a selective filter may return a short page whose cursor continues. 422 naming the parameter at fault.")]
        #[utoipa::path(get, path = concat!("/admin/reports/", $name), tag = "staff", security(("staff" = [])),
            params(RecordParams), responses((status = 200, body = Page<RecordRow>, headers(("X-Items-Read" = u64))), Problems))]
        pub async fn $json(
            State(ctx): State<Context>,
            _s: Staff<$permission>,
            QueryParams(p): QueryParams<RecordParams>,
        ) -> ApiResult<(HeaderMap, Json<Page<RecordRow>>)> {
            json_report::<$record>(&ctx, p).await
        }

        #[doc = concat!("The same report of ", $what, " as CSV, every row (at most 5,000; spreadsheet-safe).")]
        #[utoipa::path(get, path = concat!("/admin/reports/", $name, "/csv"), tag = "staff", security(("staff" = [])),
            params(RecordFilters), responses((status = 200, content_type = "text/csv", body = String), Problems))]
        pub async fn $csv(
            State(ctx): State<Context>,
            _s: Staff<$permission>,
            QueryParams(f): QueryParams<RecordFilters>,
        ) -> ApiResult<Response> {
            csv_report::<$record>(&ctx, $name, f).await
        }
    };
}

report_routes!(tickets, tickets_csv, Ticket, can::ReadTickets, "tickets", "tickets");
report_routes!(jobs, jobs_csv, Job, can::ReadOperations, "jobs", "jobs");
report_routes!(
    datasheets,
    datasheets_csv,
    Sheet,
    can::ReadDatasheets,
    "datasheets",
    "data sheets"
);
report_routes!(
    workflows,
    workflows_csv,
    Workflow,
    can::ReadOperations,
    "workflows",
    "workflows"
);
report_routes!(quotes, quotes_csv, Quote, can::ReadBilling, "quotes", "quotes");
