//! `/admin/reports/customers[/csv]`: customers with their support period (start, length, expiry), and
//! `/admin/reports/groups`: the customer-group search the reports' group filter uses.

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
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{can, Staff},
    table::{customers::Customer, groups::ClientGroup, keys, Condition, QuerySpec},
    Context,
};
use time::Date;
use utoipa::{IntoParams, ToSchema};

use crate::staff::group_customers;

/// The most rows one CSV holds.
const MAX_CSV_LINES: usize = 5_000;
/// The fewest characters a group search takes.
const MIN_SEARCH: usize = 3;
/// The most groups one search answers.
const MAX_GROUPS: u32 = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SupportState {
    /// No support period recorded.
    None,
    /// Starts later.
    Upcoming,
    Active,
    Expired,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CustomerParams {
    /// Only the customers of this group (its sub-groups' included).
    pub group_id: Option<String>,
    /// Only customers whose support is in this state (as of the business's today).
    pub support: Option<SupportState>,
    /// `true`: archived customers instead.
    pub archived: Option<bool>,
    /// Rows per page, 1 to 100 (default 25).
    pub limit: Option<u32>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CustomerFilters {
    /// Only the customers of this group (its sub-groups' included).
    pub group_id: Option<String>,
    /// Only customers whose support is in this state.
    pub support: Option<SupportState>,
    /// `true`: archived customers instead.
    pub archived: Option<bool>,
}

/// A customer and its support period.
#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerRow {
    pub id: String,
    pub name: String,
    pub support_start: Option<Date>,
    pub support_end: Option<Date>,
    /// The period's length in days, both ends counted.
    pub support_days: Option<i64>,
    /// Days from the business's today to the period's last day (negative once expired).
    pub expires_in_days: Option<i64>,
    pub support: SupportState,
}

fn row(c: Customer, today: Date) -> CustomerRow {
    let support = match (c.support_start, c.support_end) {
        (None, None) => SupportState::None,
        (Some(start), _) if start > today => SupportState::Upcoming,
        (_, Some(end)) if end < today => SupportState::Expired,
        _ => SupportState::Active,
    };
    CustomerRow {
        support_days: c
            .support_start
            .zip(c.support_end)
            .map(|(s, e)| (e - s).whole_days() + 1),
        expires_in_days: c.support_end.map(|e| (e - today).whole_days()),
        support_start: c.support_start,
        support_end: c.support_end,
        id: c.id,
        name: c.name,
        support,
    }
}

/// One page of customers by name, the group filter applied by DynamoDB and the support state here
/// (it depends on today): a page may come back short, its cursor continuing.
async fn customers_page(ctx: &Context, f: &CustomerFilters, page: &PageParams) -> ApiResult<Page<CustomerRow>> {
    let mut spec = QuerySpec::gsi1(keys::customers_index(f.archived == Some(true)));
    if let Some(group) = f.group_id.as_deref() {
        let members = group_customers(ctx, group).await?;
        spec.filter = Some(Condition::any(
            members
                .iter()
                .map(|c| Condition::eq("id", c))
                .collect::<ApiResult<Vec<_>>>()?,
        ));
    }
    let today = ctx.table.zone.today();
    let got = ctx.table.query_page::<Customer>(&spec, page).await?;
    let mut out = got.map(|c| row(c, today));
    if let Some(state) = f.support {
        out.items.retain(|r| r.support == state);
    }
    Ok(out)
}

/// Customers by name with their support period: its start, its length in days and its expiry (the
/// last day, and the days left from the business's today), filtered by `group_id`, `support` state
/// and `archived`. 422 naming `group_id` for a group that does not exist.
#[utoipa::path(get, path = "/admin/reports/customers", tag = "staff", security(("staff" = [])),
    params(CustomerParams), responses((status = 200, body = Page<CustomerRow>), Problems))]
pub async fn customers(
    State(ctx): State<Context>,
    _s: Staff<can::ReadCustomers>,
    QueryParams(p): QueryParams<CustomerParams>,
) -> ApiResult<Json<Page<CustomerRow>>> {
    let page = PageParams {
        limit: p.limit,
        cursor: p.cursor,
    };
    page.limit()?;
    let f = CustomerFilters {
        group_id: p.group_id,
        support: p.support,
        archived: p.archived,
    };
    Ok(Json(customers_page(&ctx, &f, &page).await?))
}

/// The same report as CSV, every row (at most 5,000).
#[utoipa::path(get, path = "/admin/reports/customers/csv", tag = "staff", security(("staff" = [])),
    params(CustomerFilters), responses((status = 200, content_type = "text/csv", body = String), Problems))]
pub async fn customers_csv(
    State(ctx): State<Context>,
    _s: Staff<can::ReadCustomers>,
    QueryParams(f): QueryParams<CustomerFilters>,
) -> ApiResult<Response> {
    let mut page = PageParams {
        limit: Some(100),
        cursor: None,
    };
    let mut csv = line([
        "name",
        "support_start",
        "support_days",
        "support_end",
        "expires_in_days",
        "support",
    ]);
    let mut lines = 0;
    loop {
        let got = customers_page(&ctx, &f, &page).await?;
        for r in got.items {
            let text = |v: Option<String>| v.unwrap_or_default();
            csv.push_str(&line([
                r.name,
                text(r.support_start.map(|d| d.to_string())),
                text(r.support_days.map(|d| d.to_string())),
                text(r.support_end.map(|d| d.to_string())),
                text(r.expires_in_days.map(|d| d.to_string())),
                serde_json::to_value(r.support)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default(),
            ]));
            lines += 1;
        }
        match got.next_cursor {
            Some(c) if lines < MAX_CSV_LINES => page.cursor = Some(c),
            _ => break,
        }
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"customers.csv\"".to_owned(),
            ),
        ],
        csv,
    )
        .into_response())
}

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct GroupSearch {
    /// The start of the group's name, at least three characters (case-insensitive).
    pub q: String,
}

/// A customer group found by name, with its number of customers.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupHit {
    pub id: String,
    pub name: String,
    pub parent_id: Option<String>,
    /// Its customers, its sub-groups' included.
    pub customers: usize,
}

/// Customer groups whose name starts with `q` (at least three characters; 422 naming `q` otherwise),
/// at most 20 by name, each with its number of customers: what the reports' group filter offers.
#[utoipa::path(get, path = "/admin/reports/groups", tag = "staff", security(("staff" = [])),
    params(GroupSearch), responses((status = 200, body = Vec<GroupHit>), Problems))]
pub async fn groups(
    State(ctx): State<Context>,
    _s: Staff<can::ReadCustomers>,
    QueryParams(s): QueryParams<GroupSearch>,
) -> ApiResult<Json<Vec<GroupHit>>> {
    let q = s.q.trim().to_lowercase();
    if q.chars().count() < MIN_SEARCH {
        return Err(ApiError::invalid(
            "q",
            format!("needs at least {MIN_SEARCH} characters"),
        ));
    }
    let mut spec = ClientGroup::all();
    spec.sort_prefix = Some(q);
    let found = ctx
        .table
        .query_page::<ClientGroup>(
            &spec,
            &PageParams {
                limit: Some(MAX_GROUPS),
                cursor: None,
            },
        )
        .await?;
    let counts = futures_util::future::try_join_all(found.items.iter().map(|g| ctx.table.group_members(&g.id))).await?;
    Ok(Json(
        found
            .items
            .into_iter()
            .zip(counts)
            .map(|(g, members)| GroupHit {
                customers: members.map(|(_, m)| m.len()).unwrap_or(0),
                id: g.id,
                name: g.name,
                parent_id: g.parent_id,
            })
            .collect(),
    ))
}
