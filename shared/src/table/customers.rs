//! Customers: the company profile and the index of all customers.

use serde::{Deserialize, Serialize};
use time::{Date, OffsetDateTime};
use utoipa::ToSchema;

use super::{keys, Entity, PrimaryKey, QuerySpec, Table};
use crate::{
    error::{ApiError, ApiResult},
    pagination::{Page, PageParams},
};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Address {
    pub line1: Option<String>,
    pub line2: Option<String>,
    pub city: Option<String>,
    pub region: Option<String>,
    pub postcode: Option<String>,
    pub country: Option<String>,
}

impl Address {
    /// Each line trimmed, blank lines dropped.
    pub fn cleaned(self) -> Self {
        let clean = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        Self {
            line1: clean(self.line1),
            line2: clean(self.line2),
            city: clean(self.city),
            region: clean(self.region),
            postcode: clean(self.postcode),
            country: clean(self.country),
        }
    }
}

/// A member of staff who looks after the customer, as shown to its contacts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccountManager {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub mobile: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Customer {
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
    #[serde(default)]
    pub default_ticket_scope: super::tickets::TicketScope,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    /// Optimistic lock: send back the version you read when you update.
    pub version: u64,
}

impl Customer {
    /// A new, active customer with nothing but a name; version 1.
    pub fn new(id: String, name: String) -> Self {
        let now = OffsetDateTime::now_utc();
        Self {
            id,
            name,
            address: Address::default(),
            phone: None,
            email: None,
            website: None,
            main_contact_id: None,
            sales_rep: None,
            relationship_managers: Vec::new(),
            support_start: None,
            support_end: None,
            archived: false,
            default_ticket_scope: Default::default(),
            created_at: now,
            updated_at: now,
            version: 1,
        }
    }
}

impl Entity for Customer {
    const TYPE: &'static str = "customer";

    type Id<'a> = &'a str;

    fn key(id: &str) -> PrimaryKey {
        PrimaryKey::new(keys::customer(id), keys::PROFILE)
    }

    fn id(&self) -> &str {
        &self.id
    }

    fn gsi1(&self) -> Option<(String, String)> {
        Some((
            keys::customers_index(self.archived),
            keys::by_name(&self.name, &self.id),
        ))
    }

    /// Active customers by the end of their support contract, for the renewal notices.
    fn gsi2(&self) -> Option<(String, String)> {
        let end = self.support_end.filter(|_| !self.archived)?;
        Some((keys::SUPPORT_ENDS.into(), format!("{end}#{}", self.id)))
    }
}

impl Customer {
    /// Active customers whose support ends from `from` to `until`, soonest first.
    pub fn support_ending(from: Date, until: Date) -> QuerySpec {
        let mut spec = QuerySpec::gsi2(keys::SUPPORT_ENDS.into());
        spec.sort_from = Some(from.to_string());
        spec.sort_below = Some(format!("{until}#~"));
        spec
    }
}

impl Table {
    pub async fn customer(&self, id: &str) -> ApiResult<Option<Customer>> {
        self.get::<Customer>(id).await
    }

    pub async fn create_customer(&self, customer: &Customer) -> ApiResult<()> {
        let put = self.put_new(customer)?;
        self.transact_or(vec![put], |_| ApiError::Conflict("the customer already exists".into()))
            .await
    }

    pub async fn customers(&self, archived: bool, page: &PageParams) -> ApiResult<Page<Customer>> {
        self.query_page(&QuerySpec::gsi1(keys::customers_index(archived)), page)
            .await
    }
}

pub fn stale() -> ApiError {
    ApiError::Conflict("the record was changed by someone else since you read it; reload and try again".into())
}
