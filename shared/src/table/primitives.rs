//! Table primitives: reads, writes and the transaction actions repositories put together.

use std::{borrow::Cow, collections::HashMap};

use aws_sdk_dynamodb::{
    operation::transact_write_items::TransactWriteItemsError,
    types::{
        AttributeValue, ConditionCheck, Delete, KeysAndAttributes, Put, ReturnValuesOnConditionCheckFailure,
        TransactWriteItem,
    },
};

use super::{customers, customers::Customer, keys, Condition, Entity, Item, PrimaryKey, Table};
use crate::error::{from_sdk, ApiError, ApiResult};

/// One action of a transaction, named so that a cancellation says which one failed.
#[derive(Clone, Debug)]
pub struct Action {
    pub name: Cow<'static, str>,
    pub item: TransactWriteItem,
}

impl Action {
    pub(crate) fn new(name: &'static str, item: TransactWriteItem) -> Self {
        Self {
            name: Cow::Borrowed(name),
            item,
        }
    }

    /// Renames the action (two actions on the same kind of entity need telling apart).
    pub fn named(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.name = name.into();
        self
    }
}

/// A transaction refused because conditions failed: the failed actions by name, with the item's old value.
#[derive(Debug)]
pub struct Cancelled {
    pub failed: Vec<(Cow<'static, str>, Option<Item>)>,
}

impl Cancelled {
    /// Whether the action of this name failed.
    pub fn failed(&self, name: &str) -> bool {
        self.failed.iter().any(|(n, _)| n == name)
    }

    /// The old item of the failed action of this name, when it failed and the item existed.
    pub fn old(&self, name: &str) -> Option<&Item> {
        self.failed
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, i)| i.as_ref())
    }
}

impl Table {
    /// A Query of the table's partition `pk` for the sort keys that begin with `prefix` (add a limit,
    /// a start key, then send).
    pub fn query_prefix(
        &self,
        pk: String,
        prefix: String,
    ) -> aws_sdk_dynamodb::operation::query::builders::QueryFluentBuilder {
        self.client
            .query()
            .table_name(&self.name)
            .key_condition_expression("#pk = :pk AND begins_with(#sk, :prefix)")
            .expression_attribute_names("#pk", keys::PK)
            .expression_attribute_names("#sk", keys::SK)
            .expression_attribute_values(":pk", AttributeValue::S(pk))
            .expression_attribute_values(":prefix", AttributeValue::S(prefix))
    }

    pub async fn get<E: Entity>(&self, id: E::Id<'_>) -> ApiResult<Option<E>> {
        let out = self
            .client
            .get_item()
            .table_name(&self.name)
            .set_key(Some(E::key(id).item()))
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
    pub async fn update_versioned<E: Entity + Versioned + Clone>(
        &self,
        id: E::Id<'_>,
        read_version: u64,
        change: impl FnOnce(&mut E),
    ) -> ApiResult<E> {
        self.update_versioned_with(id, read_version, change, |_, _| Ok(Vec::new()))
            .await
    }

    /// [`Table::update_versioned`], with the actions `more` derives from the entity before and after the
    /// change (its search postings, say) in the same transaction.
    pub async fn update_versioned_with<E: Entity + Versioned + Clone>(
        &self,
        id: E::Id<'_>,
        read_version: u64,
        change: impl FnOnce(&mut E),
        more: impl FnOnce(&E, &E) -> ApiResult<Vec<Action>>,
    ) -> ApiResult<E> {
        let mut before: E = self.get(id).await?.ok_or(ApiError::NotFound)?;
        if *before.version_mut() != read_version {
            return Err(customers::stale());
        }
        let mut entity = before.clone();
        change(&mut entity);
        *entity.version_mut() = read_version + 1;
        let mut actions = vec![self.put_versioned(&entity, read_version)?];
        actions.extend(more(&before, &entity)?);
        self.transact_or(actions, |_| customers::stale()).await?;
        Ok(entity)
    }

    /// Up to 100 items by key in one round trip, in no particular order. Keys not found are absent.
    pub async fn batch_get(&self, keys: Vec<PrimaryKey>) -> ApiResult<Vec<Item>> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let mut pending = Some(
            KeysAndAttributes::builder()
                .set_keys(Some(keys.iter().map(PrimaryKey::item).collect()))
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

    /// The entities `ids` name, in one round trip (up to 100), in no particular order; missing ones are absent.
    pub async fn get_many<'a, E: Entity + 'a>(&self, ids: impl IntoIterator<Item = E::Id<'a>>) -> ApiResult<Vec<E>> {
        let keys = ids.into_iter().map(E::key).collect();
        self.batch_get(keys)
            .await?
            .into_iter()
            .filter(E::is)
            .map(E::from_item)
            .collect()
    }

    /// A Put that fails if the item exists.
    pub fn put_new<E: Entity>(&self, entity: &E) -> ApiResult<Action> {
        self.put_if(entity, Condition::not_exists())
    }

    /// A Put that replaces the item only if nobody changed it since it was read at `version`.
    pub fn put_versioned<E: Entity>(&self, entity: &E, read_version: u64) -> ApiResult<Action> {
        self.put_if(entity, Condition::at_version(read_version))
    }

    /// A Put without a condition (for an item another action of the transaction guards), named after
    /// the entity.
    pub fn put_unconditional<E: Entity>(&self, entity: &E) -> ApiResult<Action> {
        let put = Put::builder()
            .table_name(&self.name)
            .set_item(Some(entity.to_item()?))
            .build()
            .map_err(|_| ApiError::Internal)?;
        Ok(Action::new(E::TYPE, TransactWriteItem::builder().put(put).build()))
    }

    /// A Put under a condition, named after the entity.
    pub fn put_if<E: Entity>(&self, entity: &E, condition: Condition) -> ApiResult<Action> {
        let c = condition.render();
        let put = Put::builder()
            .table_name(&self.name)
            .set_item(Some(entity.to_item()?))
            .condition_expression(c.expression.clone())
            .set_expression_attribute_names(c.names())
            .set_expression_attribute_values(c.values())
            .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
            .build()
            .map_err(|_| ApiError::Internal)?;
        Ok(Action::new(E::TYPE, TransactWriteItem::builder().put(put).build()))
    }

    /// A Delete of the item `id` names; under a condition when one is given.
    pub fn delete<E: Entity>(&self, id: E::Id<'_>, condition: Option<Condition>) -> ApiResult<Action> {
        let c = condition.map(|c| c.render()).unwrap_or_default();
        let delete = Delete::builder()
            .table_name(&self.name)
            .set_key(Some(E::key(id).item()))
            .set_condition_expression((!c.expression.is_empty()).then(|| c.expression.clone()))
            .set_expression_attribute_names(c.names())
            .set_expression_attribute_values(c.values())
            .build()
            .map_err(|_| ApiError::Internal)?;
        Ok(Action::new(
            E::TYPE,
            TransactWriteItem::builder().delete(delete).build(),
        ))
    }

    /// A ConditionCheck on the item `id` names, named after the entity.
    pub fn check<E: Entity>(&self, id: E::Id<'_>, condition: Condition) -> ApiResult<Action> {
        let c = condition.render();
        let check = ConditionCheck::builder()
            .table_name(&self.name)
            .set_key(Some(E::key(id).item()))
            .condition_expression(c.expression.clone())
            .set_expression_attribute_names(c.names())
            .set_expression_attribute_values(c.values())
            .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
            .build()
            .map_err(|_| ApiError::Internal)?;
        Ok(Action::new(
            E::TYPE,
            TransactWriteItem::builder().condition_check(check).build(),
        ))
    }

    /// Writes a new item that belongs to a customer, in one transaction with a check that the customer
    /// exists: 404 for an unknown customer, never an orphan.
    pub async fn put_new_for_customer<E: Entity>(&self, customer_id: &str, entity: &E) -> ApiResult<()> {
        self.put_new_for_customer_with(customer_id, entity, Vec::new()).await
    }

    /// [`Table::put_new_for_customer`], with `more` actions (the entity's search postings, say) in the same
    /// transaction.
    pub async fn put_new_for_customer_with<E: Entity>(
        &self,
        customer_id: &str,
        entity: &E,
        more: Vec<Action>,
    ) -> ApiResult<()> {
        let mut actions = vec![
            self.check::<Customer>(customer_id, Condition::exists())?,
            self.put_new(entity)?,
        ];
        actions.extend(more);
        self.transact_or(actions, |_| ApiError::NotFound).await
    }

    /// Runs the actions as one transaction; `explain` turns a failed condition into the caller's problem.
    pub async fn transact_or(
        &self,
        actions: Vec<Action>,
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
    pub async fn transact(&self, actions: Vec<Action>) -> Result<(), Result<Cancelled, ApiError>> {
        let mut names = Vec::with_capacity(actions.len());
        let mut items = Vec::with_capacity(actions.len());
        for a in actions {
            names.push(a.name);
            items.push(a.item);
        }
        let result = self
            .client
            .transact_write_items()
            .set_transact_items(Some(items))
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
                        .map(|(i, r)| (names.get(i).cloned().unwrap_or_default(), r.item().cloned()))
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

pub(crate) fn num(n: u64) -> AttributeValue {
    AttributeValue::N(n.to_string())
}
