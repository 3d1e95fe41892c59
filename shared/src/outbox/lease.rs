//! Leases on outbox items, so two drains never send one item twice at once; release and deletion.

use aws_sdk_dynamodb::types::AttributeValue;

use crate::{
    error::{from_sdk, ApiResult},
    table::{condition_met, key, keys, Table},
};

impl Table {
    /// Takes the outbox item for `seconds` if nobody holds it; false if it is gone or leased.
    pub async fn lease_outbox(&self, id: &str, seconds: i64) -> ApiResult<bool> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let result = self
            .client
            .update_item()
            .table_name(&self.name)
            .set_key(Some(key(keys::outbox(id), keys::OUTBOX)))
            .update_expression("SET lease_until = :until")
            .condition_expression("attribute_exists(PK) AND (attribute_not_exists(lease_until) OR lease_until < :now)")
            .expression_attribute_values(":until", AttributeValue::N((now + seconds).to_string()))
            .expression_attribute_values(":now", AttributeValue::N(now.to_string()))
            .send()
            .await;
        condition_met(result)
    }

    pub async fn release_outbox(&self, id: &str) -> ApiResult<()> {
        let result = self
            .client
            .update_item()
            .table_name(&self.name)
            .set_key(Some(key(keys::outbox(id), keys::OUTBOX)))
            .update_expression("REMOVE lease_until ADD attempts :one")
            .condition_expression("attribute_exists(PK)")
            .expression_attribute_values(":one", AttributeValue::N("1".into()))
            .send()
            .await;
        condition_met(result).map(|_| ())
    }

    /// Deletes a delivered (or pointless) outbox item.
    pub async fn delete_outbox(&self, id: &str) -> ApiResult<()> {
        self.client
            .delete_item()
            .table_name(&self.name)
            .set_key(Some(key(keys::outbox(id), keys::OUTBOX)))
            .send()
            .await
            .map_err(from_sdk)?;
        Ok(())
    }
}
