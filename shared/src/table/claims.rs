//! Single-use claims: a value taken once for a while (a TOTP code for a user).

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue;

use super::{condition_met, keys, Table};
use crate::error::ApiResult;

impl Table {
    /// Claims a one-time value (a TOTP code for a user) for `ttl_secs`; false if it was claimed before.
    pub async fn claim_once(&self, pk: String, sk: String, ttl_secs: i64) -> ApiResult<bool> {
        let expires = time::OffsetDateTime::now_utc().unix_timestamp() + ttl_secs;
        let result = self
            .client
            .put_item()
            .table_name(&self.name)
            .set_item(Some(HashMap::from([
                (keys::PK.to_owned(), AttributeValue::S(pk)),
                (keys::SK.to_owned(), AttributeValue::S(sk)),
                (keys::ENTITY.to_owned(), AttributeValue::S("claim".into())),
                (keys::TTL.to_owned(), AttributeValue::N(expires.to_string())),
            ])))
            .condition_expression("attribute_not_exists(PK) OR #ttl < :now")
            .expression_attribute_names("#ttl", keys::TTL)
            .expression_attribute_values(
                ":now",
                AttributeValue::N(time::OffsetDateTime::now_utc().unix_timestamp().to_string()),
            )
            .send()
            .await;
        condition_met(result)
    }
}
