//! Staff permissions and the built-in roles (Cognito groups of the staff pool) that carry them.

use serde::Serialize;
use utoipa::ToSchema;

/// One permission per staff capability.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, ToSchema)]
pub enum Permission {
    #[serde(rename = "customers.read")]
    CustomersRead,
    #[serde(rename = "customers.write")]
    CustomersWrite,
    #[serde(rename = "portal.manage_access")]
    PortalManageAccess,
    #[serde(rename = "tickets.read")]
    TicketsRead,
    #[serde(rename = "tickets.write")]
    TicketsWrite,
    #[serde(rename = "datasheets.read")]
    DatasheetsRead,
    #[serde(rename = "datasheets.write")]
    DatasheetsWrite,
    #[serde(rename = "settings.manage")]
    SettingsManage,
    /// Jobs and workflows, the back office's feed into the portal.
    #[serde(rename = "operations.read")]
    OperationsRead,
    #[serde(rename = "operations.write")]
    OperationsWrite,
    #[serde(rename = "news.manage")]
    NewsManage,
    #[serde(rename = "documents.read")]
    DocumentsRead,
    #[serde(rename = "documents.write")]
    DocumentsWrite,
    /// Sites, their assets and defects.
    #[serde(rename = "sites.read")]
    SitesRead,
    #[serde(rename = "sites.write")]
    SitesWrite,
    /// Quotes and invoices.
    #[serde(rename = "billing.read")]
    BillingRead,
    #[serde(rename = "billing.write")]
    BillingWrite,
    /// Projects, their tasks, comments and files.
    #[serde(rename = "projects.read")]
    ProjectsRead,
    #[serde(rename = "projects.write")]
    ProjectsWrite,
}

impl Permission {
    pub const ALL: [Permission; 19] = [
        Self::CustomersRead,
        Self::CustomersWrite,
        Self::PortalManageAccess,
        Self::TicketsRead,
        Self::TicketsWrite,
        Self::DatasheetsRead,
        Self::DatasheetsWrite,
        Self::SettingsManage,
        Self::OperationsRead,
        Self::OperationsWrite,
        Self::NewsManage,
        Self::DocumentsRead,
        Self::DocumentsWrite,
        Self::SitesRead,
        Self::SitesWrite,
        Self::BillingRead,
        Self::BillingWrite,
        Self::ProjectsRead,
        Self::ProjectsWrite,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::CustomersRead => "customers.read",
            Self::CustomersWrite => "customers.write",
            Self::PortalManageAccess => "portal.manage_access",
            Self::TicketsRead => "tickets.read",
            Self::TicketsWrite => "tickets.write",
            Self::DatasheetsRead => "datasheets.read",
            Self::DatasheetsWrite => "datasheets.write",
            Self::SettingsManage => "settings.manage",
            Self::OperationsRead => "operations.read",
            Self::OperationsWrite => "operations.write",
            Self::NewsManage => "news.manage",
            Self::DocumentsRead => "documents.read",
            Self::DocumentsWrite => "documents.write",
            Self::SitesRead => "sites.read",
            Self::SitesWrite => "sites.write",
            Self::BillingRead => "billing.read",
            Self::BillingWrite => "billing.write",
            Self::ProjectsRead => "projects.read",
            Self::ProjectsWrite => "projects.write",
        }
    }
}

pub const ROLE_SUPERVISOR: &str = "supervisor";
pub const ROLE_AGENT: &str = "agent";
pub const ROLE_VIEWER: &str = "viewer";
pub const BUILT_IN_ROLES: [&str; 3] = [ROLE_SUPERVISOR, ROLE_AGENT, ROLE_VIEWER];

/// Supervisors hold every permission; agents work with customers but do not manage portal access;
/// viewers only read.
pub fn role_grants(role: &str, permission: Permission) -> bool {
    match role {
        ROLE_SUPERVISOR => true,
        ROLE_AGENT => !matches!(permission, Permission::PortalManageAccess | Permission::SettingsManage),
        ROLE_VIEWER => matches!(
            permission,
            Permission::CustomersRead
                | Permission::TicketsRead
                | Permission::DatasheetsRead
                | Permission::OperationsRead
                | Permission::DocumentsRead
                | Permission::SitesRead
                | Permission::BillingRead
                | Permission::ProjectsRead
        ),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_supervisors_manage_portal_access() {
        assert!(role_grants(ROLE_SUPERVISOR, Permission::PortalManageAccess));
        assert!(!role_grants(ROLE_AGENT, Permission::PortalManageAccess));
        assert!(!role_grants(ROLE_VIEWER, Permission::CustomersWrite));
        assert!(role_grants(ROLE_VIEWER, Permission::CustomersRead));
        assert!(!role_grants("intruder", Permission::CustomersRead));
    }
}
