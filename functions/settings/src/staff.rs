//! `/admin/settings/portal` and `/admin/customers/{id}/portal-modules`. A change applies on the next
//! portal request: every portal route reads the effective set.

use axum::{extract::State, http::StatusCode, Json};
use shared::{
    error::{ApiError, ApiResult},
    extract::{JsonBody, PathId},
    modules::Module,
    openapi::Problems,
    principal::{can, Staff},
    table::{
        customers::stale,
        settings::{CustomerModules, PortalSettings},
        sla::SlaPolicy,
    },
    Context,
};

use crate::model::{Modules, ModulesInput, Sla, SlaInput, Source};

fn normalised(mut m: Vec<Module>) -> Vec<Module> {
    m.sort_by_key(|x| Module::ALL.iter().position(|a| a == x));
    m.dedup();
    m
}

#[utoipa::path(get, path = "/admin/settings/portal", tag = "staff", security(("staff" = [])),
    responses((status = 200, body = Modules), Problems))]
pub async fn get_global(State(ctx): State<Context>, _staff: Staff<can::ManageSettings>) -> ApiResult<Json<Modules>> {
    Ok(Json(Modules {
        modules: ctx.table.portal_settings().await?.modules,
        source: Source::Global,
    }))
}

/// The modules every customer's portal offers unless the customer has its own choice.
#[utoipa::path(put, path = "/admin/settings/portal", tag = "staff", security(("staff" = [])), request_body = ModulesInput,
    responses((status = 200, body = Modules), Problems))]
pub async fn set_global(
    State(ctx): State<Context>,
    _staff: Staff<can::ManageSettings>,
    JsonBody(input): JsonBody<ModulesInput>,
) -> ApiResult<Json<Modules>> {
    let before = ctx.table.portal_settings().await?;
    let after = PortalSettings {
        modules: normalised(input.modules),
        version: before.version + 1,
    };
    let write = if before.version == 0 {
        ctx.table.put_new(&after)?
    } else {
        ctx.table.put_versioned(&after, before.version)?
    };
    ctx.table.transact_or(vec![write], |_| stale()).await?;
    Ok(Json(Modules {
        modules: after.modules,
        source: Source::Global,
    }))
}

async fn customer_override(ctx: &Context, id: &str) -> ApiResult<Option<CustomerModules>> {
    ctx.table.customer(id).await?.ok_or(ApiError::NotFound)?;
    ctx.table.get::<CustomerModules>(id).await
}

/// The customer's modules in force.
#[utoipa::path(get, path = "/admin/customers/{id}/portal-modules", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), responses((status = 200, body = Modules), Problems))]
pub async fn get_customer(
    State(ctx): State<Context>,
    _staff: Staff<can::ManageSettings>,
    PathId(id): PathId,
) -> ApiResult<Json<Modules>> {
    Ok(Json(match customer_override(&ctx, &id).await? {
        Some(o) => Modules {
            modules: o.modules,
            source: Source::Customer,
        },
        None => Modules {
            modules: ctx.table.portal_settings().await?.modules,
            source: Source::Global,
        },
    }))
}

/// Gives the customer its own set of modules, replacing the global one for it.
#[utoipa::path(put, path = "/admin/customers/{id}/portal-modules", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), request_body = ModulesInput,
    responses((status = 200, body = Modules), Problems))]
pub async fn set_customer(
    State(ctx): State<Context>,
    _staff: Staff<can::ManageSettings>,
    PathId(id): PathId,
    JsonBody(input): JsonBody<ModulesInput>,
) -> ApiResult<Json<Modules>> {
    let before = customer_override(&ctx, &id).await?;
    let after = CustomerModules {
        customer_id: id.clone(),
        modules: normalised(input.modules),
        version: before.as_ref().map_or(1, |b| b.version + 1),
    };
    let write = match &before {
        Some(b) => ctx.table.put_versioned(&after, b.version)?,
        None => ctx.table.put_new(&after)?,
    };
    ctx.table.transact_or(vec![write], |_| stale()).await?;
    Ok(Json(Modules {
        modules: after.modules,
        source: Source::Customer,
    }))
}

/// Removes the customer's own choice: the global modules apply again.
#[utoipa::path(delete, path = "/admin/customers/{id}/portal-modules", tag = "staff", security(("staff" = [])),
    params(("id" = String, Path, description = "Customer id")), responses((status = 204), Problems))]
pub async fn clear_customer(
    State(ctx): State<Context>,
    _staff: Staff<can::ManageSettings>,
    PathId(id): PathId,
) -> ApiResult<StatusCode> {
    customer_override(&ctx, &id).await?;
    let delete = ctx.table.delete::<CustomerModules>(&id, None)?;
    ctx.table.transact_or(vec![delete], |_| stale()).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The response and resolution targets per ticket priority (none set: no targets).
#[utoipa::path(get, path = "/admin/settings/sla", tag = "staff", security(("staff" = [])),
    responses((status = 200, body = Sla), Problems))]
pub async fn get_sla(State(ctx): State<Context>, _staff: Staff<can::ManageSettings>) -> ApiResult<Json<Sla>> {
    Ok(Json(Sla {
        targets: ctx.table.sla_policy().await?.targets,
    }))
}

/// Sets the targets, in minutes from a ticket's creation. Tickets raised from now on take them, and so
/// does a ticket whose priority changes; the others keep the times they were given.
#[utoipa::path(put, path = "/admin/settings/sla", tag = "staff", security(("staff" = [])), request_body = SlaInput,
    responses((status = 200, body = Sla), Problems))]
pub async fn set_sla(
    State(ctx): State<Context>,
    _staff: Staff<can::ManageSettings>,
    JsonBody(input): JsonBody<SlaInput>,
) -> ApiResult<Json<Sla>> {
    let before = ctx.table.sla_policy().await?;
    let after = SlaPolicy {
        targets: input.targets,
        version: before.version + 1,
    };
    let write = if before.version == 0 {
        ctx.table.put_new(&after)?
    } else {
        ctx.table.put_versioned(&after, before.version)?
    };
    ctx.table.transact_or(vec![write], |_| stale()).await?;
    Ok(Json(Sla { targets: after.targets }))
}
