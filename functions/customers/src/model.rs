//! Request and response types of the customers capability, with their validation.

use serde::{Deserialize, Serialize};
use shared::{
    error::FieldError,
    modules::Module,
    table::{
        contacts::{Actor, Contact, PortalStatus},
        customers::{AccountManager, Address, Customer},
        tickets::TicketScope,
    },
    validate::{Checks, Validate, MAX_NAME, MAX_TEXT},
};
use time::{Date, OffsetDateTime};
use utoipa::{IntoParams, ToSchema};

/// A contact as the portal shows colleagues: no email, no portal details.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalContact {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub title: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
}

impl From<Contact> for PortalContact {
    fn from(c: Contact) -> Self {
        Self {
            id: c.id,
            first_name: c.first_name,
            last_name: c.last_name,
            title: c.title,
            phone: c.phone,
            mobile: c.mobile,
        }
    }
}

/// The signed-in contact's own record.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyContact {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    pub username: String,
    /// Staff granted "see all company tickets": `GET /portal/tickets` lists the company's tickets
    /// unless `scope=mine`; without it the contact sees only the tickets they raised.
    pub sees_all_tickets: bool,
    /// Staff granted "authorise quotes": the contact may authorise and decline the company's quotes.
    pub authorises_quotes: bool,
    /// The ticket list the contact starts on: the setting of the company in view with the grant, `mine` without.
    pub ticket_scope: TicketScope,
    /// The contact turned ticket emails off (`PUT /portal/notifications`).
    pub ticket_emails_opt_out: bool,
}

/// `GET/PUT /portal/notifications`: the emails the signed-in contact receives.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Notifications {
    /// Emails when their tickets are raised, answered and closed, and staff's emails on them.
    pub ticket_emails: bool,
}

impl Validate for Notifications {
    fn validate(&self, _: &mut Vec<FieldError>) {}
}

/// The company's main information; read-only in the portal.
#[derive(Debug, Serialize, ToSchema)]
pub struct Company {
    pub id: String,
    pub name: String,
    pub address: Address,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    pub main_contact: Option<PortalContact>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ManagerRole {
    SalesRep,
    RelationshipManager,
}

/// Someone at the service business who looks after this customer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ManagerCard {
    pub role: ManagerRole,
    pub name: String,
    pub email: String,
    /// The sales rep's own mobile, only where one is on file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// The sales rep's direct line where known; otherwise the business's main number.
    pub phone: Option<String>,
}

/// Shown while the support contract ends within the notice period.
#[derive(Debug, Serialize, ToSchema)]
pub struct RenewalNotice {
    pub support_end: Date,
    pub days_left: i64,
}

/// `GET /portal/me`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub contact: MyContact,
    pub company: Company,
    pub account_managers: Vec<ManagerCard>,
    /// The modules of the portal in view (the viewed customer's when `viewing` is set).
    pub modules: Vec<Module>,
    /// Another customer of the contact's group whose portal this request views; absent in their own.
    pub viewing: Option<Viewing>,
    pub renewal_notice: Option<RenewalNotice>,
}

/// The customer of the contact's group whose portal is in view.
#[derive(Debug, Serialize, ToSchema)]
pub struct Viewing {
    pub id: String,
    pub name: String,
}

pub fn renewal_notice(customer: &Customer, today: Date, notice_days: i64) -> Option<RenewalNotice> {
    let end = customer.support_end?;
    let days_left = (end - today).whole_days();
    (0..=notice_days).contains(&days_left).then_some(RenewalNotice {
        support_end: end,
        days_left,
    })
}

/// The cards of a customer's account managers: the sales rep with mobile where present,
/// other managers with the company's phone (their own numbers stay internal); emails for all.
pub fn manager_cards(customer: &Customer, company_phone: Option<&str>) -> Vec<ManagerCard> {
    let mut cards = Vec::new();
    if let Some(rep) = &customer.sales_rep {
        cards.push(ManagerCard {
            role: ManagerRole::SalesRep,
            name: rep.name.clone(),
            email: rep.email.clone(),
            mobile: rep.mobile.clone(),
            phone: rep.phone.clone().or_else(|| company_phone.map(str::to_owned)),
        });
    }
    cards.extend(customer.relationship_managers.iter().map(|m| ManagerCard {
        role: ManagerRole::RelationshipManager,
        name: m.name.clone(),
        email: m.email.clone(),
        mobile: None,
        phone: company_phone.map(str::to_owned),
    }));
    cards
}

/// A new contact, from staff or from a portal contact adding a colleague.
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    pub first_name: String,
    pub last_name: String,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
}

impl Validate for ContactInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("first_name", &self.first_name, MAX_NAME);
        c.required("last_name", &self.last_name, MAX_NAME);
        c.optional("title", self.title.as_deref(), MAX_NAME);
        c.email("email", self.email.as_deref());
        c.phone("phone", self.phone.as_deref());
        c.phone("mobile", self.mobile.as_deref());
    }
}

impl ContactInput {
    pub fn apply(self, contact: &mut Contact) {
        contact.first_name = self.first_name.trim().to_owned();
        contact.last_name = self.last_name.trim().to_owned();
        contact.title = clean(self.title);
        contact.email = clean(self.email).map(|e| e.to_lowercase());
        contact.phone = clean(self.phone);
        contact.mobile = clean(self.mobile);
    }
}

/// Blank optional strings are stored as absent.
pub fn clean(v: Option<String>) -> Option<String> {
    v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty())
}

pub const MAX_MANAGERS: usize = 10;

/// A customer's editable fields, for create and for update (with `If-Match`).
#[derive(Clone, Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerInput {
    pub name: String,
    #[serde(default)]
    pub address: Address,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// Must be an active contact of this customer (update only).
    pub main_contact_id: Option<String>,
    pub sales_rep: Option<AccountManager>,
    #[serde(default)]
    pub relationship_managers: Vec<AccountManager>,
    pub support_start: Option<Date>,
    pub support_end: Option<Date>,
    /// Which ticket list contacts with the see-all grant start on (`all` for a new customer);
    /// left as it is when absent.
    pub default_ticket_scope: Option<TicketScope>,
}

fn validate_manager(c: &mut Checks, prefix: &str, m: &AccountManager) {
    c.required(&format!("{prefix}.name"), &m.name, MAX_NAME);
    c.email(&format!("{prefix}.email"), Some(&m.email));
    c.phone(&format!("{prefix}.phone"), m.phone.as_deref());
    c.phone(&format!("{prefix}.mobile"), m.mobile.as_deref());
}

impl Validate for CustomerInput {
    fn validate(&self, errors: &mut Vec<FieldError>) {
        let mut c = Checks(errors);
        c.required("name", &self.name, MAX_NAME);
        c.address("address", &self.address);
        c.phone("phone", self.phone.as_deref());
        c.email("email", self.email.as_deref());
        c.optional("website", self.website.as_deref(), MAX_TEXT);
        if let Some(rep) = &self.sales_rep {
            validate_manager(&mut c, "sales_rep", rep);
        }
        if self.relationship_managers.len() > MAX_MANAGERS {
            c.0.push(FieldError::new(
                "relationship_managers",
                format!("at most {MAX_MANAGERS}"),
            ));
        }
        for (i, m) in self.relationship_managers.iter().enumerate() {
            validate_manager(&mut c, &format!("relationship_managers[{i}]"), m);
        }
        if let Some(id) = &self.main_contact_id {
            if !shared::ids::is_valid(id) {
                c.0.push(FieldError::new("main_contact_id", "is not a valid identifier"));
            }
        }
        if let (Some(start), Some(end)) = (self.support_start, self.support_end) {
            if end < start {
                c.0.push(FieldError::new("support_end", "must not be before support_start"));
            }
        }
    }
}

impl CustomerInput {
    pub fn apply(self, c: &mut Customer) {
        c.name = self.name.trim().to_owned();
        c.address = self.address.cleaned();
        c.phone = clean(self.phone);
        c.email = clean(self.email).map(|e| e.to_lowercase());
        c.website = clean(self.website);
        c.main_contact_id = self.main_contact_id.map(|id| id.to_ascii_uppercase());
        c.sales_rep = self.sales_rep;
        c.relationship_managers = self.relationship_managers;
        c.support_start = self.support_start;
        c.support_end = self.support_end;
        if let Some(scope) = self.default_ticket_scope {
            c.default_ticket_scope = scope;
        }
    }
}

/// `?archived=true` lists archived records instead of active ones.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    #[serde(default)]
    pub archived: bool,
    pub limit: Option<u32>,
    pub cursor: Option<String>,
}

impl ListParams {
    pub fn page(&self) -> shared::pagination::PageParams {
        shared::pagination::PageParams {
            limit: self.limit,
            cursor: self.cursor.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn customer() -> Customer {
        let mut c = Customer::new("C".into(), "Acme".into());
        c.sales_rep = Some(AccountManager {
            name: "Sam".into(),
            email: "sam@biz.example".into(),
            phone: None,
            mobile: Some("07700 900001".into()),
        });
        c.relationship_managers = vec![AccountManager {
            name: "Rita".into(),
            email: "rita@biz.example".into(),
            phone: Some("020 7946 0001".into()),
            mobile: Some("07700 900002".into()),
        }];
        c
    }

    #[test]
    fn managers_show_the_sales_rep_mobile_and_the_company_phone_for_others() {
        let cards = manager_cards(&customer(), Some("0800 000 000"));
        assert_eq!(cards[0].mobile.as_deref(), Some("07700 900001"));
        assert_eq!(cards[0].phone.as_deref(), Some("0800 000 000"));
        assert_eq!(cards[1].mobile, None, "a relationship manager's mobile stays internal");
        assert_eq!(cards[1].phone.as_deref(), Some("0800 000 000"));
        assert_eq!(cards[1].email, "rita@biz.example");
    }

    #[test]
    fn customer_input_names_each_bad_field() -> Result<(), serde_json::Error> {
        let input: CustomerInput = serde_json::from_value(serde_json::json!({
            "name": "",
            "email": "nope",
            "relationship_managers": [{"name": "R", "email": "bad"}],
            "support_start": "2026-05-01",
            "support_end": "2026-01-01",
        }))?;
        let mut errors = Vec::new();
        input.validate(&mut errors);
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["name", "email", "relationship_managers[0].email", "support_end"]
        );
        Ok(())
    }
}

// The response for a stored customer (the schema keeps its name).
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Customer)]
pub struct CustomerResponse {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub address: Address,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    /// One of this customer's contacts.
    pub main_contact_id: Option<String>,
    pub sales_rep: Option<AccountManager>,
    #[serde(default)]
    pub relationship_managers: Vec<AccountManager>,
    /// First and last day of the support contract; contacts may sign in only inside it.
    pub support_start: Option<Date>,
    pub support_end: Option<Date>,
    #[serde(default)]
    pub archived: bool,
    /// Which ticket list contacts with the see-all grant start on.
    pub default_ticket_scope: TicketScope,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// Optimistic lock: send back the version you read when you update.
    pub version: u64,
}

impl From<&Customer> for CustomerResponse {
    fn from(e: &Customer) -> Self {
        Self {
            id: e.id.clone(),
            name: e.name.clone(),
            address: e.address.clone(),
            phone: e.phone.clone(),
            email: e.email.clone(),
            website: e.website.clone(),
            main_contact_id: e.main_contact_id.clone(),
            sales_rep: e.sales_rep.clone(),
            relationship_managers: e.relationship_managers.clone(),
            support_start: e.support_start,
            support_end: e.support_end,
            archived: e.archived,
            default_ticket_scope: e.default_ticket_scope,
            created_at: e.created_at,
            updated_at: e.updated_at,
            version: e.version,
        }
    }
}

// The response for a stored contact (the schema keeps its name): the pending token's hash is stored,
// never shown, so it is not here at all.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = Contact)]
pub struct ContactResponse {
    pub id: String,
    pub customer_id: String,
    pub first_name: String,
    pub last_name: String,
    pub title: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub mobile: Option<String>,
    #[serde(default)]
    pub archived: bool,
    /// The portal username; chosen or generated by staff, never changed by the contact.
    pub portal_username: Option<String>,
    #[serde(default)]
    pub portal_status: PortalStatus,
    /// When the pending invitation expires.
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub portal_invited_until: Option<OffsetDateTime>,
    /// Granted by staff: the contact sees every portal-visible ticket of the company.
    #[serde(default)]
    pub see_all_tickets: bool,
    /// Granted by staff: the contact may authorise and decline the company's quotes.
    #[serde(default)]
    pub authorise_quotes: bool,
    /// The contact asked for no ticket emails (their choice; staff cannot change it).
    pub ticket_emails_opt_out: bool,
    pub created_by: Actor,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub version: u64,
}

impl From<&Contact> for ContactResponse {
    fn from(e: &Contact) -> Self {
        Self {
            id: e.id.clone(),
            customer_id: e.customer_id.clone(),
            first_name: e.first_name.clone(),
            last_name: e.last_name.clone(),
            title: e.title.clone(),
            email: e.email.clone(),
            phone: e.phone.clone(),
            mobile: e.mobile.clone(),
            archived: e.archived,
            portal_username: e.portal_username.clone(),
            portal_status: e.portal_status,
            portal_invited_until: e.portal_invited_until,
            see_all_tickets: e.see_all_tickets,
            authorise_quotes: e.authorise_quotes,
            ticket_emails_opt_out: e.ticket_emails_opt_out,
            created_by: e.created_by.clone(),
            created_at: e.created_at,
            updated_at: e.updated_at,
            version: e.version,
        }
    }
}
