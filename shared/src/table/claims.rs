//! Single-use claims: a value taken once for a while (a TOTP code for a user, a token being spent).

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue;

use super::{condition_met, keys, Condition, PrimaryKey, Table};
use crate::error::{from_sdk, ApiResult};

/// What can be claimed.
#[derive(Clone, Copy, Debug)]
pub enum Claim<'a> {
    /// A TOTP code accepted for a user, so it is never accepted again while it is valid.
    CodeUsed { username: &'a str, code: &'a str },
    /// A reset token being spent: one request at a time per token.
    TokenInUse { hash: &'a str },
}

impl Claim<'_> {
    fn key(self) -> PrimaryKey {
        match self {
            Claim::CodeUsed { username, code } => PrimaryKey::new(keys::used_code(username), code),
            Claim::TokenInUse { hash } => PrimaryKey::new(keys::token(hash), "IN_USE"),
        }
    }
}

impl Table {
    /// Claims `claim` for `ttl_secs`; false if it was claimed before and the claim has not expired.
    pub async fn claim_once(&self, claim: Claim<'_>, ttl_secs: i64) -> ApiResult<bool> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let PrimaryKey { pk, sk } = claim.key();
        let c = Condition::any([Condition::not_exists(), Condition::lt(keys::TTL, now)?]).render();
        let result = self
            .client
            .put_item()
            .table_name(&self.name)
            .set_item(Some(HashMap::from([
                (keys::PK.to_owned(), AttributeValue::S(pk)),
                (keys::SK.to_owned(), AttributeValue::S(sk)),
                (keys::ENTITY.to_owned(), AttributeValue::S("claim".into())),
                (keys::TTL.to_owned(), AttributeValue::N((now + ttl_secs).to_string())),
            ])))
            .condition_expression(c.expression.clone())
            .set_expression_attribute_names(c.names())
            .set_expression_attribute_values(c.values())
            .send()
            .await;
        condition_met(result)
    }

    /// Gives a claim back (the work it guarded failed and may be tried again).
    pub async fn release(&self, claim: Claim<'_>) -> ApiResult<()> {
        self.client
            .delete_item()
            .table_name(&self.name)
            .set_key(Some(claim.key().item()))
            .send()
            .await
            .map_err(from_sdk)?;
        Ok(())
    }
}
