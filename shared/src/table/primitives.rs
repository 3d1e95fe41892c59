//! Table primitives: reads, writes and the transaction actions repositories put together.

use std::collections::HashMap;

use aws_sdk_dynamodb::{
    operation::transact_write_items::TransactWriteItemsError,
    types::{AttributeValue, ConditionCheck, KeysAndAttributes, Put, TransactWriteItem},
};

use super::{customers, key, keys, Entity, Item, Table};
use crate::error::{from_sdk, ApiError, ApiResult};

/// A transaction refused because a condition failed: which action (by index) and the item's old value.
#[derive(Debug)]
pub struct Cancelled {
    pub failed: Vec<(usize, Option<Item>)>,
}

impl Table {
    pub async fn get<E: Entity>(&self, pk: String, sk: impl Into<String>) -> ApiResult<Option<E>> {
        let out = self
            .client
            .get_item()
            .table_name(&self.name)
            .set_key(Some(key(pk, sk)))
            .consistent_read(true)
            .send()
            .await
            .map_err(from_sdk)?;
        out.item.map(E::from_item).transpose()
    }

    /// An unconditional write, for seeding and one-off tooling; request paths use transactions with conditions.
    pub async fn put<E: Entity>(&self, entity: &E) -> ApiResult<()> {
        self.client
            .put_item()
            .table_name(&self.name)
            .set_item(Some(entity.to_item()?))
            .send()
            .await
            .map_err(from_sdk)?;
        Ok(())
    }

    /// Unconditional writes in bulk, for seeding, tests and benchmarks: 25 to a BatchWriteItem, 8 batches
    /// in flight, unprocessed items retried.
    pub async fn put_many<E: Entity>(&self, entities: &[E]) -> ApiResult<()> {
        use aws_sdk_dynamodb::types::{PutRequest, WriteRequest};
        let mut writes = tokio::task::JoinSet::new();
        for chunk in entities.chunks(25) {
            let mut batch = Vec::with_capacity(chunk.len());
            for e in chunk {
                let put = PutRequest::builder()
                    .set_item(Some(e.to_item()?))
                    .build()
                    .map_err(|_| ApiError::Internal)?;
                batch.push(WriteRequest::builder().put_request(put).build());
            }
            let (client, name) = (self.client.clone(), self.name.clone());
            writes.spawn(async move {
                let mut pending = Some(HashMap::from([(name, batch)]));
                while let Some(request) = pending.take() {
                    let out = client
                        .batch_write_item()
                        .set_request_items(Some(request))
                        .send()
                        .await
                        .map_err(from_sdk)?;
                    pending = out.unprocessed_items.filter(|u| u.values().any(|v| !v.is_empty()));
                }
                Ok::<_, ApiError>(())
            });
            if writes.len() >= 8 {
                writes
                    .join_next()
                    .await
                    .transpose()
                    .map_err(|_| ApiError::Internal)?
                    .transpose()?;
            }
        }
        for done in writes.join_all().await {
            done?;
        }
        Ok(())
    }

    /// Replaces an entity if it is still at `read_version`, after `change`; the version moves on by one.
    pub async fn update_versioned<E: Entity + Versioned>(
        &self,
        pk: String,
        sk: impl Into<String>,
        read_version: u64,
        change: impl FnOnce(&mut E),
    ) -> ApiResult<E> {
        let mut entity: E = self.get(pk, sk).await?.ok_or(ApiError::NotFound)?;
        if *entity.version_mut() != read_version {
            return Err(customers::stale());
        }
        change(&mut entity);
        *entity.version_mut() = read_version + 1;
        self.transact_or(vec![self.put_versioned(&entity, read_version)?], |_| customers::stale())
            .await?;
        Ok(entity)
    }

    /// Up to 100 items by key in one round trip, in no particular order. Keys not found are absent.
    pub async fn batch_get(&self, keys: Vec<Item>) -> ApiResult<Vec<Item>> {
        let mut pending = Some(
            KeysAndAttributes::builder()
                .set_keys(Some(keys))
                .consistent_read(true)
                .build()
                .map_err(|_| ApiError::Internal)?,
        );
        let mut found = Vec::new();
        // Unprocessed keys are retried a bounded number of times (throttling only).
        for _ in 0..5 {
            let Some(request) = pending.take() else { break };
            let out = self
                .client
                .batch_get_item()
                .request_items(&self.name, request)
                .send()
                .await
                .map_err(from_sdk)?;
            if let Some(mut responses) = out.responses {
                found.extend(responses.remove(&self.name).unwrap_or_default());
            }
            pending = out
                .unprocessed_keys
                .and_then(|mut u| u.remove(&self.name))
                .filter(|k| !k.keys.is_empty());
        }
        if pending.is_some() {
            return Err(ApiError::Unavailable);
        }
        Ok(found)
    }

    /// A Put that fails if the item exists.
    pub fn put_new<E: Entity>(&self, entity: &E) -> ApiResult<TransactWriteItem> {
        self.put_if(entity, "attribute_not_exists(PK)", HashMap::new())
    }

    /// A Put that replaces the item only if nobody changed it since it was read at `version`.
    pub fn put_versioned<E: Entity>(&self, entity: &E, read_version: u64) -> ApiResult<TransactWriteItem> {
        self.put_if(
            entity,
            "version = :read_version",
            HashMap::from([(":read_version".into(), num(read_version))]),
        )
    }

    pub fn put_if<E: Entity>(
        &self,
        entity: &E,
        condition: &str,
        values: HashMap<String, AttributeValue>,
    ) -> ApiResult<TransactWriteItem> {
        let put = Put::builder()
            .table_name(&self.name)
            .set_item(Some(entity.to_item()?))
            .condition_expression(condition)
            .set_expression_attribute_values(if values.is_empty() { None } else { Some(values) })
            .return_values_on_condition_check_failure(
                aws_sdk_dynamodb::types::ReturnValuesOnConditionCheckFailure::AllOld,
            )
            .build()
            .map_err(|_| ApiError::Internal)?;
        Ok(TransactWriteItem::builder().put(put).build())
    }

    /// A Delete; with a condition when `condition` is given.
    pub fn delete(
        &self,
        pk: String,
        sk: impl Into<String>,
        condition: Option<&str>,
        values: HashMap<String, AttributeValue>,
    ) -> ApiResult<TransactWriteItem> {
        let delete = aws_sdk_dynamodb::types::Delete::builder()
            .table_name(&self.name)
            .set_key(Some(key(pk, sk)))
            .set_condition_expression(condition.map(str::to_owned))
            .set_expression_attribute_values(if values.is_empty() { None } else { Some(values) })
            .build()
            .map_err(|_| ApiError::Internal)?;
        Ok(TransactWriteItem::builder().delete(delete).build())
    }

    pub fn check(
        &self,
        pk: String,
        sk: impl Into<String>,
        condition: &str,
        values: HashMap<String, AttributeValue>,
    ) -> ApiResult<TransactWriteItem> {
        self.check_names(pk, sk, condition, HashMap::new(), values)
    }

    /// Writes a new item that belongs to a customer, in one transaction with a check that the customer
    /// exists: 404 for an unknown customer, never an orphan.
    pub async fn put_new_for_customer<E: Entity>(&self, customer_id: &str, entity: &E) -> ApiResult<()> {
        let actions = vec![
            self.check(
                keys::customer(customer_id),
                keys::PROFILE,
                "attribute_exists(PK)",
                HashMap::new(),
            )?,
            self.put_new(entity)?,
        ];
        self.transact_or(actions, |_| ApiError::NotFound).await
    }

    /// A ConditionCheck whose expression names attributes through `#placeholders` (reserved words).
    pub fn check_names(
        &self,
        pk: String,
        sk: impl Into<String>,
        condition: &str,
        names: HashMap<String, String>,
        values: HashMap<String, AttributeValue>,
    ) -> ApiResult<TransactWriteItem> {
        let check = ConditionCheck::builder()
            .table_name(&self.name)
            .set_key(Some(key(pk, sk)))
            .condition_expression(condition)
            .set_expression_attribute_names(if names.is_empty() { None } else { Some(names) })
            .set_expression_attribute_values(if values.is_empty() { None } else { Some(values) })
            .return_values_on_condition_check_failure(
                aws_sdk_dynamodb::types::ReturnValuesOnConditionCheckFailure::AllOld,
            )
            .build()
            .map_err(|_| ApiError::Internal)?;
        Ok(TransactWriteItem::builder().condition_check(check).build())
    }

    /// Runs the actions as one transaction; `explain` turns a failed condition into the caller's problem.
    pub async fn transact_or(
        &self,
        actions: Vec<TransactWriteItem>,
        explain: impl FnOnce(Cancelled) -> ApiError,
    ) -> ApiResult<()> {
        match self.transact(actions).await {
            Ok(()) => Ok(()),
            Err(Ok(cancelled)) => Err(explain(cancelled)),
            Err(Err(e)) => Err(e),
        }
    }

    /// Runs the actions as one transaction. A failed condition comes back as `Err(Ok(Cancelled))`
    /// for the repository to explain; anything else is already a problem.
    pub async fn transact(&self, actions: Vec<TransactWriteItem>) -> Result<(), Result<Cancelled, ApiError>> {
        let result = self
            .client
            .transact_write_items()
            .set_transact_items(Some(actions))
            .send()
            .await;
        match result {
            Ok(_) => Ok(()),
            Err(err) => {
                if let Some(TransactWriteItemsError::TransactionCanceledException(e)) = err.as_service_error() {
                    let reasons = e.cancellation_reasons();
                    let failed: Vec<_> = reasons
                        .iter()
                        .enumerate()
                        .filter(|(_, r)| r.code() == Some("ConditionalCheckFailed"))
                        .map(|(i, r)| (i, r.item().cloned()))
                        .collect();
                    if !failed.is_empty() {
                        return Err(Ok(Cancelled { failed }));
                    }
                    if reasons.iter().any(|r| r.code() == Some("TransactionConflict")) {
                        return Err(Err(ApiError::Conflict(
                            "another change to the same records was in progress; retry".into(),
                        )));
                    }
                }
                Err(Err(from_sdk(err)))
            }
        }
    }
}

/// An entity with an optimistic-lock `version`.
pub trait Versioned {
    fn version_mut(&mut self) -> &mut u64;
}

/// Whether a conditional write went through: a failed condition is an answer, not an error.
pub(crate) fn condition_met<O, E, R>(
    result: Result<O, aws_smithy_runtime_api::client::result::SdkError<E, R>>,
) -> ApiResult<bool>
where
    E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug,
{
    match result {
        Ok(_) => Ok(true),
        Err(e) if e.as_service_error().and_then(|s| s.code()) == Some("ConditionalCheckFailedException") => Ok(false),
        Err(e) => Err(from_sdk(e)),
    }
}

pub fn num(n: u64) -> AttributeValue {
    AttributeValue::N(n.to_string())
}

pub fn s(v: impl Into<String>) -> AttributeValue {
    AttributeValue::S(v.into())
}
