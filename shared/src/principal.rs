//! Who is calling, read from the claims API Gateway's JWT authorizer verified and put in the request context.
//!
//! Handlers take tenant scope from here only: never from the path, query or body.

use std::collections::HashMap;

use axum::{extract::FromRequestParts, http::request::Parts};
use lambda_http::{request::RequestContext, RequestExt};

use crate::{
    error::{ApiError, ApiResult},
    permissions::Permission,
};

pub const CLAIM_CUSTOMER_ID: &str = "custom:customer_id";
pub const CLAIM_CONTACT_ID: &str = "custom:contact_id";
pub const CLAIM_USERNAME: &str = "cognito:username";
pub const CLAIM_GROUPS: &str = "cognito:groups";

/// A portal contact: the company whose portal they act in, and their own contact record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PortalPrincipal {
    /// The company whose portal this request acts in: the contact's own, or (through [`Portal`] and
    /// [`PortalRead`] only, checked against the contact's group grant) one of their group's.
    pub customer_id: String,
    /// The contact's own company, from the token.
    pub home_customer_id: String,
    pub contact_id: String,
    pub username: String,
}

/// The header a group contact names the customer they view with; it is checked against their grant on
/// every request, and a contact without a grant naming another customer gets 404.
pub const VIEW_HEADER: &str = "x-portal-customer";

impl PortalPrincipal {
    /// Whether this request views another customer of the contact's group.
    pub fn viewing_other(&self) -> bool {
        self.customer_id != self.home_customer_id
    }

    /// The token's principal, acting in the customer the view header names (checked later).
    async fn viewing(parts: &mut Parts) -> ApiResult<Self> {
        let mut who = Self::from_request_parts(parts, &()).await?;
        if let Some(v) = parts.headers.get(VIEW_HEADER) {
            let v = v
                .to_str()
                .map_err(|_| ApiError::bad_request(VIEW_HEADER, "is not a customer id"))?;
            if !crate::ids::is_valid(v) {
                return Err(ApiError::bad_request(VIEW_HEADER, "is not a customer id"));
            }
            who.customer_id = v.to_owned();
        }
        Ok(who)
    }
}

/// The token's principal with the customer the view header names, unchecked: for a route that checks the
/// grant itself ([`viewed_customer`]) because it is not one module's.
pub struct PortalViewer(pub PortalPrincipal);

impl<S: Send + Sync> FromRequestParts<S> for PortalViewer {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self(PortalPrincipal::viewing(parts).await?))
    }
}

/// A member of the business's staff with the roles (Cognito groups) the token carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StaffPrincipal {
    pub user_id: String,
    pub username: String,
    pub roles: Vec<String>,
}

impl StaffPrincipal {
    /// The member of staff as the author of a change.
    pub fn actor(&self) -> crate::table::contacts::Actor {
        crate::table::contacts::Actor::Staff {
            id: self.user_id.clone(),
            username: self.username.clone(),
        }
    }

    pub fn can(&self, permission: Permission) -> bool {
        self.roles
            .iter()
            .any(|r| crate::permissions::role_grants(r, permission))
    }

    /// 403 unless one of the caller's roles grants `permission`.
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        if self.can(permission) {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

fn claims(parts: &Parts) -> Option<&HashMap<String, String>> {
    match parts.extensions.request_context_ref()? {
        RequestContext::ApiGatewayV2(ctx) => Some(&ctx.authorizer.as_ref()?.jwt.as_ref()?.claims),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

fn claim<'a>(claims: &'a HashMap<String, String>, name: &str) -> Option<&'a str> {
    claims.get(name).map(String::as_str).filter(|v| !v.is_empty())
}

/// API Gateway renders array claims as `[a b c]`; a JSON array is accepted too.
pub fn parse_list_claim(value: &str) -> Vec<String> {
    let v = value.trim();
    if let Ok(list) = serde_json::from_str::<Vec<String>>(v) {
        return list;
    }
    v.trim_start_matches('[')
        .trim_end_matches(']')
        .split([' ', ','])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl<S: Send + Sync> FromRequestParts<S> for PortalPrincipal {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let claims = claims(parts).ok_or(ApiError::Unauthorized)?;
        // A staff token carries no customer: it is not a portal identity.
        match (
            claim(claims, CLAIM_CUSTOMER_ID),
            claim(claims, CLAIM_CONTACT_ID),
            claim(claims, CLAIM_USERNAME),
        ) {
            (Some(customer), Some(contact), Some(username)) => Ok(Self {
                customer_id: customer.to_owned(),
                home_customer_id: customer.to_owned(),
                contact_id: contact.to_owned(),
                username: username.to_owned(),
            }),
            _ => Err(ApiError::Forbidden),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for StaffPrincipal {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let claims = claims(parts).ok_or(ApiError::Unauthorized)?;
        if claim(claims, CLAIM_CUSTOMER_ID).is_some() {
            return Err(ApiError::Forbidden);
        }
        let user_id = claim(claims, "sub").ok_or(ApiError::Unauthorized)?;
        Ok(Self {
            user_id: user_id.to_owned(),
            username: claim(claims, CLAIM_USERNAME).unwrap_or(user_id).to_owned(),
            roles: claim(claims, CLAIM_GROUPS).map(parse_list_claim).unwrap_or_default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_claims_in_gateway_and_json_form() {
        assert_eq!(parse_list_claim("[supervisor agent]"), vec!["supervisor", "agent"]);
        assert_eq!(parse_list_claim(r#"["viewer"]"#), vec!["viewer"]);
        assert!(parse_list_claim("[]").is_empty());
    }
}

/// A permission as a type, so the check runs as an extractor, before the body is even read:
/// a caller without the permission learns nothing about what a valid request would be.
pub trait Requires: Send + Sync {
    const PERMISSION: Permission;
}

/// A staff caller holding `P`'s permission; anyone else is refused with 403.
pub struct Staff<P: Requires>(pub StaffPrincipal, pub std::marker::PhantomData<P>);

impl<S: Send + Sync, P: Requires> FromRequestParts<S> for Staff<P> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let who = StaffPrincipal::from_request_parts(parts, state).await?;
        who.require(P::PERMISSION)?;
        Ok(Self(who, std::marker::PhantomData))
    }
}

/// The permission markers for [`Staff`].
pub mod can {
    use super::{Permission, Requires};

    macro_rules! marker {
        ($($name:ident => $permission:ident),* $(,)?) => {$(
            pub struct $name;
            impl Requires for $name {
                const PERMISSION: Permission = Permission::$permission;
            }
        )*};
    }

    marker! {
        ReadCustomers => CustomersRead,
        WriteCustomers => CustomersWrite,
        ManagePortalAccess => PortalManageAccess,
        ReadTickets => TicketsRead,
        WriteTickets => TicketsWrite,
        ReadDatasheets => DatasheetsRead,
        WriteDatasheets => DatasheetsWrite,
        ManageSettings => SettingsManage,
        ReadOperations => OperationsRead,
        WriteOperations => OperationsWrite,
        ManageNews => NewsManage,
        ReadDocuments => DocumentsRead,
        WriteDocuments => DocumentsWrite,
        ReadSites => SitesRead,
        WriteSites => SitesWrite,
        ReadBilling => BillingRead,
        WriteBilling => BillingWrite,
        ReadProjects => ProjectsRead,
        WriteProjects => ProjectsWrite,
    }
}

/// A module as a type, for [`Portal`].
pub trait PortalModule: Send + Sync {
    const MODULE: crate::modules::Module;
}

/// A portal contact calling a route of module `M`: 403 unless the contact may use the portal now (see
/// [`crate::table::contacts::portal_refusal`]), 404 when the customer's portal does not offer the module, exactly
/// as for a route that does not exist. Read on every request (one BatchGetItem), so changes apply at once;
/// what it read comes with it, so a handler never reads the caller's company or contact record again.
pub struct Portal<M: PortalModule>(pub PortalPrincipal, pub Session<M>);

/// The caller's company and contact record, as the access check found them on this request.
pub struct Session<M> {
    pub customer: crate::table::customers::Customer,
    pub contact: crate::table::contacts::Contact,
    /// The modules the portal in view offers.
    pub modules: Vec<crate::modules::Module>,
    module: std::marker::PhantomData<M>,
}

impl<M: PortalModule> FromRequestParts<crate::Context> for Portal<M> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, ctx: &crate::Context) -> Result<Self, Self::Rejection> {
        let who = PortalPrincipal::viewing(parts).await?;
        let session = Session::check(ctx, &who).await?;
        // In another customer's portal a group contact reads, decides quotes and edits open asset
        // fields; everything else they write in their own company's portal.
        if who.viewing_other()
            && !matches!(
                M::MODULE,
                crate::modules::Module::Quotes | crate::modules::Module::Sites
            )
        {
            return Err(ApiError::Forbidden);
        }
        Ok(Self(who, session))
    }
}

impl<M: PortalModule> Session<M> {
    /// Every portal request's access check, in one round trip (settings, modules, company, contact).
    async fn check(ctx: &crate::Context, who: &PortalPrincipal) -> ApiResult<Self> {
        let session = ctx
            .table
            .portal_session(&who.home_customer_id, Some(&who.contact_id))
            .await?;
        // A revoked, archived or out-of-contract contact's token dies here, not only at its expiry.
        let (Some(customer), Some(contact)) = (session.customer, session.contact) else {
            return Err(ApiError::Forbidden);
        };
        if crate::table::contacts::portal_refusal(&customer, &contact, time::OffsetDateTime::now_utc().date()).is_some()
        {
            return Err(ApiError::Forbidden);
        }
        let (customer, modules) = if who.viewing_other() {
            viewed_customer(ctx, who, &contact).await?
        } else {
            (customer, session.modules)
        };
        if !modules.contains(&M::MODULE) {
            return Err(ApiError::NotFound);
        }
        Ok(Self {
            customer,
            contact,
            modules,
            module: std::marker::PhantomData,
        })
    }
}

/// The customer a group contact views, with its modules, when their grant covers it: otherwise 404,
/// exactly as for a customer that does not exist. `contact` is the caller's own record, read this request.
pub async fn viewed_customer(
    ctx: &crate::Context,
    who: &PortalPrincipal,
    contact: &crate::table::contacts::Contact,
) -> ApiResult<(crate::table::customers::Customer, Vec<crate::modules::Module>)> {
    let group = contact.group_id.as_deref().ok_or(ApiError::NotFound)?;
    let (viewed, members) = tokio::try_join!(
        ctx.table.portal_session(&who.customer_id, Some(&who.contact_id)),
        ctx.table.group_members(group),
    )?;
    let (_, members) = members.ok_or(ApiError::NotFound)?;
    match viewed.customer {
        Some(c) if members.contains(&c.id) && !c.archived => Ok((c, viewed.modules)),
        _ => Err(ApiError::NotFound),
    }
}

/// The caller of a portal read whose first query needs nothing from the session but the token's tenant:
/// the same check as [`Portal`], run by the handler at the same time as that query
/// ([`PortalRead::check_during`]), which saves a round trip. The check decides the answer: when it
/// refuses, the read's result (or error) is thrown away unseen.
pub struct PortalRead<M: PortalModule>(pub PortalPrincipal, std::marker::PhantomData<M>);

impl<M: PortalModule> FromRequestParts<crate::Context> for PortalRead<M> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _ctx: &crate::Context) -> Result<Self, Self::Rejection> {
        Ok(Self(PortalPrincipal::viewing(parts).await?, std::marker::PhantomData))
    }
}

impl<M: PortalModule> PortalRead<M> {
    /// Runs the access check and `read` together; the check's refusal wins over anything `read` returns.
    pub async fn check_during<T>(
        &self,
        ctx: &crate::Context,
        read: impl std::future::Future<Output = ApiResult<T>>,
    ) -> ApiResult<(Session<M>, T)> {
        let (session, value) = tokio::join!(Session::check(ctx, &self.0), read);
        let session = session?;
        Ok((session, value?))
    }
}

/// The module markers for [`Portal`].
pub mod module {
    use super::PortalModule;
    use crate::modules::Module;

    macro_rules! marker {
        ($($name:ident),* $(,)?) => {$(
            pub struct $name;
            impl PortalModule for $name {
                const MODULE: Module = Module::$name;
            }
        )*};
    }

    marker!(
        MainInfo,
        Contacts,
        Tickets,
        TicketDashboard,
        Jobs,
        Workflows,
        DataSheets,
        Documents,
        News,
        Sites,
        SiteMap,
        DefectAnalytics,
        Quotes,
        Invoices,
        Activity,
        Spend,
        Routine,
        ServiceCalls,
        Search,
        Reports,
        KnowledgeBase,
        Projects
    );
}
