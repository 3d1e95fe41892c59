//! Rate limits: hits counted in fixed windows that end by themselves.

use aws_sdk_dynamodb::types::AttributeValue;

use super::{condition_met, keys, PrimaryKey, Table};
use crate::error::{from_sdk, ApiResult};

impl Table {
    /// The hits counted so far in the current window for each key, in one round trip.
    pub async fn window_hits(&self, keys_: &[String], window_secs: i64) -> ApiResult<Vec<u64>> {
        let window = (time::OffsetDateTime::now_utc().unix_timestamp() / window_secs).to_string();
        let items = self
            .batch_get(
                keys_
                    .iter()
                    .map(|k| PrimaryKey::new(keys::rate(k), window.clone()))
                    .collect(),
            )
            .await?;
        Ok(keys_
            .iter()
            .map(|k| {
                let pk = keys::rate(k);
                items
                    .iter()
                    .find(|i| i.get(keys::PK).and_then(|v| v.as_s().ok()) == Some(&pk))
                    .and_then(|i| i.get("hits")?.as_n().ok()?.parse().ok())
                    .unwrap_or(0)
            })
            .collect())
    }

    /// Counts one hit in the current fixed window of `window_secs` for `key`; false once over `limit`.
    /// Windows end by themselves, so nobody is locked out for longer than one window.
    pub async fn hit(&self, key: &str, window_secs: i64, limit: u64) -> ApiResult<bool> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        let window = now / window_secs;
        let out = self
            .client
            .update_item()
            .table_name(&self.name)
            .set_key(Some(PrimaryKey::new(keys::rate(key), window.to_string()).item()))
            .update_expression("ADD hits :one SET #ttl = :ttl, entity = :entity")
            .expression_attribute_names("#ttl", keys::TTL)
            .expression_attribute_values(":one", AttributeValue::N("1".into()))
            .expression_attribute_values(":ttl", AttributeValue::N(((window + 2) * window_secs).to_string()))
            .expression_attribute_values(":entity", AttributeValue::S("rate".into()))
            .return_values(aws_sdk_dynamodb::types::ReturnValue::UpdatedNew)
            .send()
            .await
            .map_err(from_sdk)?;
        let hits = out
            .attributes
            .and_then(|a| {
                a.get("hits")
                    .and_then(|v| v.as_n().ok())
                    .and_then(|n| n.parse::<u64>().ok())
            })
            .unwrap_or(0);
        Ok(hits <= limit)
    }

    /// Gives one hit back in the current window (an attempt that turned out to succeed).
    pub async fn unhit(&self, key: &str, window_secs: i64) -> ApiResult<()> {
        let window = time::OffsetDateTime::now_utc().unix_timestamp() / window_secs;
        let result = self
            .client
            .update_item()
            .table_name(&self.name)
            .set_key(Some(PrimaryKey::new(keys::rate(key), window.to_string()).item()))
            .update_expression("ADD hits :minus")
            .condition_expression("attribute_exists(PK)")
            .expression_attribute_values(":minus", AttributeValue::N("-1".into()))
            .send()
            .await;
        condition_met(result).map(|_| ())
    }
}
