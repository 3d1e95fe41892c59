//! Client groups: staff group customers (regional under national) and grant a contact a group; the
//! contact then views any of the group's customers, or the whole group at once (`/portal/group`).

use axum::{extract::State, http::StatusCode, Json};
use serde::{Deserialize, Serialize};
use shared::{
    error::{ApiError, ApiResult, FieldError},
    extract::{IfMatch, JsonBody, PathId},
    ids,
    openapi::Problems,
    pagination::{Page, PageParams},
    principal::{can, module, PortalRead, Staff},
    table::{
        billing::by_date,
        customers::{stale, Customer},
        groups::{ClientGroup, MAX_DEPTH, MAX_MEMBERS},
        sites::{field_counts_key, Severity},
        Condition,
    },
    validate::{Checks, Validate, MAX_NAME},
    Context,
};
use time::OffsetDateTime;
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupInput {
    pub name: String,
    /// The group it sits in (regional under national), at most three levels deep.
    pub parent_id: Option<String>,
    /// The customers it holds itself (up to 500).
    #[serde(default)]
    pub customer_ids: Vec<String>,
}

impl Validate for GroupInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("name", &self.name, MAX_NAME);
        if self.parent_id.as_deref().is_some_and(|p| !ids::is_valid(p)) {
            c.0.push(FieldError::new("parent_id", "is not a valid identifier"));
        }
        if self.customer_ids.len() > MAX_MEMBERS {
            c.0.push(FieldError::new(
                "customer_ids",
                format!("at most {MAX_MEMBERS} customers"),
            ));
        }
        for (i, id) in self.customer_ids.iter().enumerate() {
            if !ids::is_valid(id) {
                c.0.push(FieldError::new(
                    format!("customer_ids[{i}]"),
                    "is not a valid identifier",
                ));
            }
        }
    }
}

/// Checks that the customers exist and that the parent exists, is not the group itself or below it,
/// and leaves the tree at most [`MAX_DEPTH`] deep.
async fn checked(ctx: &Context, id: &str, input: &GroupInput) -> ApiResult<()> {
    let found: Vec<Customer> = ctx
        .table
        .get_many::<Customer>(input.customer_ids.iter().map(String::as_str))
        .await?;
    if let Some((i, _)) = input
        .customer_ids
        .iter()
        .enumerate()
        .find(|(_, c)| !found.iter().any(|f| &&f.id == c))
    {
        return Err(ApiError::invalid(format!("customer_ids[{i}]"), "is not a customer"));
    }
    let mut depth = 1;
    let mut next = input.parent_id.clone();
    while let Some(parent) = next {
        if parent == id {
            return Err(ApiError::invalid("parent_id", "a group cannot sit inside itself"));
        }
        let p = ctx
            .table
            .get::<ClientGroup>(&parent)
            .await?
            .ok_or_else(|| ApiError::invalid("parent_id", "is not a group"))?;
        depth += 1;
        if depth > MAX_DEPTH {
            return Err(ApiError::invalid(
                "parent_id",
                format!("groups nest at most {MAX_DEPTH} deep"),
            ));
        }
        next = p.parent_id;
    }
    if let Some(me) = ctx.table.get::<ClientGroup>(id).await? {
        let below = ctx.table.descendants(&me).await?;
        let levels_below = if below.is_empty() {
            0
        } else if below.iter().any(|g| g.parent_id.as_deref() != Some(id)) {
            2
        } else {
            1
        };
        if depth + levels_below > MAX_DEPTH {
            return Err(ApiError::invalid(
                "parent_id",
                format!("groups nest at most {MAX_DEPTH} deep"),
            ));
        }
    }
    Ok(())
}

fn apply(g: &mut ClientGroup, input: GroupInput) {
    g.name = input.name.trim().to_owned();
    g.parent_id = input.parent_id;
    let mut members = input.customer_ids;
    members.dedup();
    g.customer_ids = members;
    g.updated_at = OffsetDateTime::now_utc();
}

#[utoipa::path(get, path = "/admin/groups", tag = "staff", security(("staff" = [])), params(PageParams),
    responses((status = 200, body = Page<ClientGroup>), Problems))]
pub async fn list_groups(
    State(ctx): State<Context>,
    _s: Staff<can::ReadCustomers>,
    shared::extract::QueryParams(page): shared::extract::QueryParams<PageParams>,
) -> ApiResult<Json<Page<ClientGroup>>> {
    Ok(Json(
        ctx.table.query_page::<ClientGroup>(&ClientGroup::all(), &page).await?,
    ))
}

#[utoipa::path(post, path = "/admin/groups", tag = "staff", security(("staff" = [])),
    request_body = GroupInput, responses((status = 201, body = ClientGroup), Problems))]
pub async fn create_group(
    State(ctx): State<Context>,
    _s: Staff<can::WriteCustomers>,
    JsonBody(input): JsonBody<GroupInput>,
) -> ApiResult<(StatusCode, Json<ClientGroup>)> {
    let now = OffsetDateTime::now_utc();
    let mut group = ClientGroup {
        id: ids::new_id(),
        name: String::new(),
        parent_id: None,
        customer_ids: Vec::new(),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    checked(&ctx, &group.id, &input).await?;
    apply(&mut group, input);
    ctx.table
        .transact_or(vec![ctx.table.put_new(&group)?], |_| stale())
        .await?;
    Ok((StatusCode::CREATED, Json(group)))
}

#[utoipa::path(get, path = "/admin/groups/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Group id")), responses((status = 200, body = ClientGroup), Problems))]
pub async fn get_group(
    State(ctx): State<Context>,
    _s: Staff<can::ReadCustomers>,
    PathId(id): PathId,
) -> ApiResult<Json<ClientGroup>> {
    Ok(Json(
        ctx.table.get::<ClientGroup>(&id).await?.ok_or(ApiError::NotFound)?,
    ))
}

#[utoipa::path(put, path = "/admin/groups/{id}", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Group id"), ("If-Match" = String, Header, description = "The version read")),
    request_body = GroupInput, responses((status = 200, body = ClientGroup), Problems))]
pub async fn update_group(
    State(ctx): State<Context>,
    _s: Staff<can::WriteCustomers>,
    PathId(id): PathId,
    IfMatch(v): IfMatch,
    JsonBody(input): JsonBody<GroupInput>,
) -> ApiResult<Json<ClientGroup>> {
    ctx.table.get::<ClientGroup>(&id).await?.ok_or(ApiError::NotFound)?;
    checked(&ctx, &id, &input).await?;
    Ok(Json(
        ctx.table
            .update_versioned::<ClientGroup>(&id, v, |g| apply(g, input))
            .await?,
    ))
}

/// Staff grant a contact a client group (or withdraw it with `null`).
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupAccess {
    pub group_id: Option<String>,
}

impl Validate for GroupAccess {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        if self.group_id.as_deref().is_some_and(|g| !ids::is_valid(g)) {
            errors.push(FieldError::new("group_id", "is not a valid identifier"));
        }
    }
}

/// Grants a contact a client group: they may then view each of its customers' portals, and the whole
/// group. The grant is read on every request, so withdrawing it applies at once.
#[utoipa::path(put, path = "/admin/contacts/{id}/group-access", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Contact id")), request_body = GroupAccess,
    responses((status = 200, body = GroupAccess), Problems))]
pub async fn group_access(
    State(ctx): State<Context>,
    _s: Staff<can::ManagePortalAccess>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<GroupAccess>,
) -> ApiResult<Json<GroupAccess>> {
    let contact = ctx.table.contact_by_id(&id).await?.ok_or(ApiError::NotFound)?;
    if contact.group_id != input.group_id {
        let mut updated = contact.clone();
        updated.group_id = input.group_id.clone();
        updated.version += 1;
        updated.updated_at = OffsetDateTime::now_utc();
        let mut actions = vec![ctx.table.put_versioned(&updated, contact.version)?];
        if let Some(g) = &input.group_id {
            actions.push(ctx.table.check::<ClientGroup>(g, Condition::exists())?);
        }
        ctx.table
            .transact_or(actions, |c| {
                if c.failed(<ClientGroup as shared::table::Entity>::TYPE) {
                    ApiError::invalid("group_id", "is not a group")
                } else {
                    stale()
                }
            })
            .await?;
    }
    Ok(Json(input))
}

/// One customer of the group, with what needs attention there.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupCustomer {
    pub id: String,
    pub name: String,
    /// The contact's own company.
    pub home: bool,
    /// Open published defects that need attention (information and recommendations excluded).
    pub open_defects: i64,
    pub quotes_awaiting: i64,
    pub overdue_invoices: i64,
}

/// The whole group: its customers, each with its counts, read from one counters item per customer.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroupView {
    pub id: String,
    pub name: String,
    pub customers: Vec<GroupCustomer>,
}

/// The caller's client group, when staff granted one: every customer in it (child groups' included),
/// each with what needs attention. Send a customer's id in the `x-portal-customer` header to view its
/// portal; 404 without a grant.
#[utoipa::path(get, path = "/portal/group", tag = "portal", security(("portal" = [])),
    responses((status = 200, body = GroupView), Problems))]
pub async fn portal_group(State(ctx): State<Context>, who: PortalRead<module::MainInfo>) -> ApiResult<Json<GroupView>> {
    if who.0.viewing_other() {
        return Err(ApiError::bad_request(
            shared::principal::VIEW_HEADER,
            "the group is read from the contact's own portal",
        ));
    }
    let (session, ()) = who.check_during(&ctx, async { Ok(()) }).await?;
    let group_id = session.contact.group_id.as_deref().ok_or(ApiError::NotFound)?;
    let (group, members) = ctx.table.group_members(group_id).await?.ok_or(ApiError::NotFound)?;
    let mut customers = Vec::with_capacity(members.len());
    let today = OffsetDateTime::now_utc().date();
    for chunk in members.chunks(100) {
        let keys = chunk.iter().map(|c| field_counts_key(c)).collect();
        let (found, counts) = tokio::try_join!(
            ctx.table.get_many::<Customer>(chunk.iter().map(String::as_str)),
            ctx.table.counts_many(keys),
        )?;
        for (id, counts) in chunk.iter().zip(counts) {
            let Some(c) = found.iter().find(|c| &c.id == id && !c.archived) else {
                continue;
            };
            let open = |s: Severity| counts.get(&s.open_counter()).copied().unwrap_or(0).max(0);
            customers.push(GroupCustomer {
                id: c.id.clone(),
                name: c.name.clone(),
                home: c.id == who.0.home_customer_id,
                open_defects: Severity::ALL
                    .into_iter()
                    .filter(|s| s.needs_attention())
                    .map(open)
                    .sum(),
                quotes_awaiting: by_date(&counts, "quote_due", today).1,
                overdue_invoices: by_date(&counts, "invoice_due", today).0,
            });
        }
    }
    customers.sort_by(|a, b| b.home.cmp(&a.home).then_with(|| a.name.cmp(&b.name)));
    Ok(Json(GroupView {
        id: group.id,
        name: group.name,
        customers,
    }))
}
