//! Leases on outbox items, so two drains never send one item twice at once; release and deletion.

use aws_sdk_dynamodb::types::AttributeValue;

use super::OutboxItem;
use crate::{
    error::{from_sdk, ApiResult},
    table::{condition_met, Condition, Entity, Table},
};

impl Table {
    /// Takes the outbox item for `seconds` if nobody holds it; false if it is gone or leased.
    pub async fn lease_outbox(&self, id: &str, seconds: i64) -> ApiResult<bool> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let free = Condition::any([Condition::missing("lease_until"), Condition::lt("lease_until", now)?]);
        let c = Condition::exists().and(free).render();
        let result = self
            .client
            .update_item()
            .table_name(&self.name)
            .set_key(Some(OutboxItem::key(id).item()))
            .update_expression("SET lease_until = :until")
            .condition_expression(c.expression.clone())
            .set_expression_attribute_names(c.names())
            .set_expression_attribute_values(c.values())
            .expression_attribute_values(":until", AttributeValue::N((now + seconds).to_string()))
            .send()
            .await;
        condition_met(result)
    }

    pub async fn release_outbox(&self, id: &str) -> ApiResult<()> {
        let c = Condition::exists().render();
        let result = self
            .client
            .update_item()
            .table_name(&self.name)
            .set_key(Some(OutboxItem::key(id).item()))
            .update_expression("REMOVE lease_until ADD attempts :one")
            .condition_expression(c.expression.clone())
            .set_expression_attribute_names(c.names())
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
            .set_key(Some(OutboxItem::key(id).item()))
            .send()
            .await
            .map_err(from_sdk)?;
        Ok(())
    }
}
