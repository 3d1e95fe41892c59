//! The portal's modules and which are on by default.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Module {
    MainInfo,
    Contacts,
    Tickets,
    TicketDashboard,
    Jobs,
    Workflows,
    DataSheets,
    Documents,
    News,
    /// Sites, their assets and published defects, and the properties list.
    Sites,
    /// The map of the sites, coloured by their worst open defect.
    SiteMap,
    /// The defects panel: open defects by severity, a year of defects raised, assets by type.
    DefectAnalytics,
    /// Quotes to authorise or decline, across the portfolio and per site.
    Quotes,
    /// Invoices, their PDFs and which are overdue.
    Invoices,
    /// The activity panel: outstanding quotes and invoices across the portfolio.
    Activity,
    /// The spend panel: invoiced amounts per month.
    Spend,
    /// The routine activities panel: a year of routine maintenance by tolerance.
    Routine,
    /// The service calls panel: 12 months of reactive jobs by stage.
    ServiceCalls,
    /// One search box across the sites, assets, defects, quotes, invoices and jobs the portal shows.
    Search,
    /// The monthly activity report: figures, CSV and PDF.
    Reports,
    /// The knowledge base: articles by category, keyword search, "was this helpful?".
    KnowledgeBase,
    /// Projects: milestones, tasks and progress, comments and documents.
    Projects,
}

impl Module {
    pub const ALL: [Module; 22] = [
        Self::MainInfo,
        Self::Contacts,
        Self::Tickets,
        Self::TicketDashboard,
        Self::Jobs,
        Self::Workflows,
        Self::DataSheets,
        Self::Documents,
        Self::News,
        Self::Sites,
        Self::SiteMap,
        Self::DefectAnalytics,
        Self::Quotes,
        Self::Invoices,
        Self::Activity,
        Self::Spend,
        Self::Routine,
        Self::ServiceCalls,
        Self::Search,
        Self::Reports,
        Self::KnowledgeBase,
        Self::Projects,
    ];

    /// Everything but the ticket dashboard, which staff switch on deliberately.
    pub fn default_enabled() -> Vec<Module> {
        Self::ALL.into_iter().filter(|m| *m != Self::TicketDashboard).collect()
    }
}
