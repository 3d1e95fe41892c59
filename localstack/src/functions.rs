//! Every function of the portal, as the gateway mounts it and as the OpenAPI document lists it.
//! Adding a function means adding it here; the route and template tests then demand the rest.

use axum::Router;
use shared::Context;
use utoipa::openapi::OpenApi;

pub struct Function {
    pub name: &'static str,
    pub router: Router,
    pub openapi: OpenApi,
}

/// (name, OpenAPI document) of each function, without building any router; each document as the API
/// publishes it (unique operation ids, the problem schemas defined).
pub fn documents() -> Vec<(&'static str, OpenApi)> {
    let docs = [
        ("customers", customers::openapi()),
        ("access", access::openapi()),
        ("auth", auth::openapi()),
        ("tickets", tickets::openapi()),
        ("datasheets", datasheets::openapi()),
        ("settings", settings::openapi()),
        ("jobs", jobs::openapi()),
        ("workflows", workflows::openapi()),
        ("sites", sites::openapi()),
        ("billing", billing::openapi()),
        ("search", search::openapi()),
        ("reports", reports::openapi()),
        ("news", news::openapi()),
        ("knowledge", knowledge::openapi()),
        ("documents", documents::openapi()),
        ("projects", projects::openapi()),
    ];
    docs.into_iter()
        .map(|(name, doc)| (name, shared::openapi::publish(name, doc)))
        .collect()
}

pub async fn all(ctx: &Context) -> Result<Vec<Function>, shared::config::MissingSetting> {
    let mut out = Vec::new();
    for (name, openapi) in documents() {
        out.push(Function {
            name,
            router: router(name, ctx.clone()).await?,
            openapi,
        });
    }
    Ok(out)
}

async fn router(name: &str, ctx: Context) -> Result<Router, shared::config::MissingSetting> {
    Ok(match name {
        "customers" => customers::router(ctx),
        "access" => access::router(shared::context::WithPortalPool::admin(ctx)),
        "tickets" => tickets::router(ctx),
        "datasheets" => datasheets::router(ctx),
        "settings" => settings::router(ctx),
        "jobs" => jobs::router(ctx),
        "workflows" => workflows::router(ctx),
        "sites" => sites::router(ctx),
        "billing" => billing::router(ctx),
        "search" => search::router(ctx),
        "reports" => reports::router(ctx),
        "news" => news::router(ctx),
        "knowledge" => knowledge::router(ctx),
        "documents" => documents::router(ctx),
        "projects" => projects::router(ctx),
        "auth" => auth::router(shared::context::WithPortalPool::from_config(ctx).await?),
        _ => Router::new(),
    })
}

/// The whole API in one document, as served at `/openapi.json` and written to `infra/openapi.json`.
pub fn openapi_document() -> OpenApi {
    let mut docs = documents().into_iter().map(|(_, d)| d);
    let mut merged = docs.next().unwrap_or_default();
    for d in docs {
        merged.merge(d);
    }
    merged.info = utoipa::openapi::InfoBuilder::new()
        .title("Customer portal API")
        .version(env!("CARGO_PKG_VERSION"))
        .description(Some(
            "Self-service portal for the customers of a service business. Portal routes take an ID token of the \
             portal user pool, staff routes one of the staff pool. Errors are RFC 9457 problem documents.",
        ))
        .build();
    merged.servers = Some(vec![utoipa::openapi::ServerBuilder::new()
        .url("http://127.0.0.1:3000")
        .build()]);
    merged
}

/// Every (METHOD, path template) of every function.
pub fn routes() -> Vec<(String, String, &'static str)> {
    let mut out = Vec::new();
    for (name, doc) in documents() {
        for (path, item) in &doc.paths.paths {
            for (method, op) in [
                ("GET", &item.get),
                ("POST", &item.post),
                ("PUT", &item.put),
                ("PATCH", &item.patch),
                ("DELETE", &item.delete),
            ] {
                if op.is_some() {
                    out.push((method.to_owned(), path.clone(), name));
                }
            }
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    /// Merging keeps the first schema of a name: two functions naming different schemas alike would
    /// publish one of them for both.
    #[test]
    fn no_two_functions_publish_different_schemas_under_one_name() {
        let mut seen: HashMap<String, (&str, serde_json::Value)> = HashMap::new();
        for (function, doc) in super::documents() {
            let schemas = doc.components.map(|c| c.schemas).unwrap_or_default();
            for (name, schema) in schemas {
                let value = serde_json::to_value(&schema).expect("a schema serializes");
                match seen.get(&name) {
                    Some((first, earlier)) => assert!(
                        *earlier == value,
                        "schema `{name}` differs between {first} and {function}: rename one (`#[schema(as = …)]`)"
                    ),
                    None => {
                        seen.insert(name, (function, value));
                    }
                }
            }
        }
    }
}
