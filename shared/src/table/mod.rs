//! The single table: one value owns the client and the table name; repositories build on it.

pub mod access;
pub mod contacts;
pub mod datasheets;
pub mod documents;
pub mod customers;
pub mod entity;
pub mod keys;
pub mod news;
pub mod operations;
pub mod settings;
pub mod tickets;

use std::collections::HashMap;

use aws_sdk_dynamodb::{
    operation::transact_write_items::TransactWriteItemsError,
    types::{AttributeValue, ConditionCheck, KeysAndAttributes, Put, TransactWriteItem},
    Client,
};

pub use entity::{key, Entity, Item, Keys};

use crate::{
    error::{from_sdk, ApiError, ApiResult},
    pagination::{decode_cursor, encode_cursor, Page, PageParams},
};

#[derive(Clone, Debug)]
pub struct Table {
    pub client: Client,
    pub name: String,
}

/// A Query over one partition of the table or of GSI1, optionally narrowed to a sort-key prefix.
#[derive(Clone, Debug)]
pub struct QuerySpec<'a> {
    pub index: Option<&'a str>,
    pub partition: String,
    pub sort_prefix: Option<&'a str>,
    /// Only sort keys below this value (for "everything due before now").
    pub sort_below: Option<String>,
    /// With `sort_below`: only sort keys from this value on (a range).
    pub sort_from: Option<String>,
    pub newest_first: bool,
    /// Keep only items whose attribute contains the text. DynamoDB reads `limit + 1` items and then
    /// filters, so a page may hold fewer matches; its cursor continues the search.
    pub contains: Option<(&'static str, String)>,
    /// Keep only items whose attributes equal these strings (same page semantics as `contains`).
    pub equals: Vec<(&'static str, String)>,
}

impl<'a> QuerySpec<'a> {
    pub fn table(partition: String, sort_prefix: &'a str) -> Self {
        Self { index: None, partition, sort_prefix: Some(sort_prefix), sort_below: None, sort_from: None, newest_first: false, contains: None, equals: Vec::new() }
    }

    pub fn gsi1(partition: String) -> Self {
        Self { index: Some(keys::GSI1), partition, sort_prefix: None, sort_below: None, sort_from: None, newest_first: false, contains: None, equals: Vec::new() }
    }

    pub fn gsi2(partition: String) -> Self {
        Self { index: Some(keys::GSI2), partition, sort_prefix: None, sort_below: None, sort_from: None, newest_first: false, contains: None, equals: Vec::new() }
    }

    fn attrs(&self) -> (&'static str, &'static str) {
        match self.index {
            Some(keys::GSI2) => (keys::GSI2PK, keys::GSI2SK),
            Some(_) => (keys::GSI1PK, keys::GSI1SK),
            None => (keys::PK, keys::SK),
        }
    }

    fn key_attrs(&self) -> Vec<&'static str> {
        match self.index {
            None => vec![keys::PK, keys::SK],
            Some(_) => {
                let (pk, sk) = self.attrs();
                vec![keys::PK, keys::SK, pk, sk]
            }
        }
    }
}

/// A transaction refused because a condition failed: which action (by index) and the item's old value.
#[derive(Debug)]
pub struct Cancelled {
    pub failed: Vec<(usize, Option<Item>)>,
}

impl Table {
    pub fn new(client: Client, name: String) -> Self {
        Self { client, name }
    }

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
                let put = PutRequest::builder().set_item(Some(e.to_item()?)).build().map_err(|_| ApiError::Internal)?;
                batch.push(WriteRequest::builder().put_request(put).build());
            }
            let (client, name) = (self.client.clone(), self.name.clone());
            writes.spawn(async move {
                let mut pending = Some(HashMap::from([(name, batch)]));
                while let Some(request) = pending.take() {
                    let out = client.batch_write_item().set_request_items(Some(request)).send().await.map_err(from_sdk)?;
                    pending = out.unprocessed_items.filter(|u| u.values().any(|v| !v.is_empty()));
                }
                Ok::<_, ApiError>(())
            });
            if writes.len() >= 8 {
                writes.join_next().await.transpose().map_err(|_| ApiError::Internal)?.transpose()?;
            }
        }
        for done in writes.join_all().await {
            done?;
        }
        Ok(())
    }

    /// The hits counted so far in the current window for each key, in one round trip.
    pub async fn window_hits(&self, keys_: &[String], window_secs: i64) -> ApiResult<Vec<u64>> {
        let window = (time::OffsetDateTime::now_utc().unix_timestamp() / window_secs).to_string();
        let items = self.batch_get(keys_.iter().map(|k| entity::key(keys::rate(k), window.clone())).collect()).await?;
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
            .set_key(Some(entity::key(keys::rate(key), window.to_string())))
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
            .and_then(|a| a.get("hits").and_then(|v| v.as_n().ok()).and_then(|n| n.parse::<u64>().ok()))
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
            .set_key(Some(entity::key(keys::rate(key), window.to_string())))
            .update_expression("ADD hits :minus")
            .condition_expression("attribute_exists(PK)")
            .expression_attribute_values(":minus", AttributeValue::N("-1".into()))
            .send()
            .await;
        condition_met(result).map(|_| ())
    }

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
            .expression_attribute_values(":now", AttributeValue::N(time::OffsetDateTime::now_utc().unix_timestamp().to_string()))
            .send()
            .await;
        condition_met(result)
    }

    /// Replaces an entity if it is still at `read_version`, after `change`; the version moves on by one.
    pub async fn update_versioned<E: Entity + Versioned>(&self, pk: String, sk: impl Into<String>, read_version: u64, change: impl FnOnce(&mut E)) -> ApiResult<E> {
        let mut entity: E = self.get(pk, sk).await?.ok_or(ApiError::NotFound)?;
        if *entity.version_mut() != read_version {
            return Err(customers::stale());
        }
        change(&mut entity);
        *entity.version_mut() = read_version + 1;
        self.transact_or(vec![self.put_versioned(&entity, read_version)?], |_| customers::stale()).await?;
        Ok(entity)
    }

    /// Up to 100 items by key in one round trip, in no particular order. Keys not found are absent.
    pub async fn batch_get(&self, keys: Vec<Item>) -> ApiResult<Vec<Item>> {
        let mut pending = Some(KeysAndAttributes::builder().set_keys(Some(keys)).consistent_read(true).build().map_err(
            |_| ApiError::Internal,
        )?);
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
            pending = out.unprocessed_keys.and_then(|mut u| u.remove(&self.name)).filter(|k| !k.keys.is_empty());
        }
        if pending.is_some() {
            return Err(ApiError::Unavailable);
        }
        Ok(found)
    }

    /// One page: reads at most `limit + 1` items, the extra one only to learn whether a next page exists.
    pub async fn query_page<E: Entity>(&self, spec: &QuerySpec<'_>, params: &PageParams) -> ApiResult<Page<E>> {
        let limit = params.limit()?;
        let (pk_attr, sk_attr) = spec.attrs();
        let key_attrs = spec.key_attrs();
        let start = params
            .cursor
            .as_deref()
            .map(|c| decode_cursor(c, &key_attrs, pk_attr, &spec.partition, sk_attr, spec.sort_prefix))
            .transpose()?;
        let mut q = self
            .client
            .query()
            .table_name(&self.name)
            .set_index_name(spec.index.map(str::to_owned))
            .expression_attribute_names("#pk", pk_attr)
            .expression_attribute_values(":pk", AttributeValue::S(spec.partition.clone()))
            .scan_index_forward(!spec.newest_first)
            .limit(limit as i32 + 1)
            .set_exclusive_start_key(start);
        q = match (spec.sort_prefix, &spec.sort_below) {
            (_, Some(upper)) if spec.sort_from.is_some() => q
                .key_condition_expression("#pk = :pk AND #sk BETWEEN :lower AND :upper")
                .expression_attribute_names("#sk", sk_attr)
                .expression_attribute_values(":lower", AttributeValue::S(spec.sort_from.clone().unwrap_or_default()))
                .expression_attribute_values(":upper", AttributeValue::S(upper.clone())),
            (_, Some(upper)) => q
                .key_condition_expression("#pk = :pk AND #sk < :upper")
                .expression_attribute_names("#sk", sk_attr)
                .expression_attribute_values(":upper", AttributeValue::S(upper.clone())),
            (Some(prefix), None) => q
                .key_condition_expression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expression_attribute_names("#sk", sk_attr)
                .expression_attribute_values(":prefix", AttributeValue::S(prefix.to_owned())),
            (None, None) => q.key_condition_expression("#pk = :pk"),
        };
        let mut filters = Vec::new();
        if let Some((attr, needle)) = &spec.contains {
            filters.push("contains(#filter, :needle)".to_owned());
            q = q
                .expression_attribute_names("#filter", *attr)
                .expression_attribute_values(":needle", AttributeValue::S(needle.clone()));
        }
        for (i, (attr, value)) in spec.equals.iter().enumerate() {
            filters.push(format!("#eq{i} = :eq{i}"));
            q = q
                .expression_attribute_names(format!("#eq{i}"), *attr)
                .expression_attribute_values(format!(":eq{i}"), AttributeValue::S(value.clone()));
        }
        if !filters.is_empty() {
            q = q.filter_expression(filters.join(" AND "));
        }
        let out = q.send().await.map_err(from_sdk)?;
        let last_evaluated = out.last_evaluated_key.clone();
        let mut raw = out.items.unwrap_or_default();
        let items_read = usize::try_from(out.scanned_count).unwrap_or(raw.len()).max(raw.len());
        let next_cursor = if raw.len() > limit as usize {
            raw.truncate(limit as usize);
            raw.last().map(|last| {
                let k: Item = key_attrs.iter().filter_map(|a| last.get(*a).map(|v| ((*a).to_owned(), v.clone()))).collect();
                encode_cursor(&k)
            })
        } else if spec.contains.is_some() || !spec.equals.is_empty() {
            last_evaluated.as_ref().map(encode_cursor)
        } else {
            None
        };
        let items = raw.into_iter().map(E::from_item).collect::<ApiResult<Vec<_>>>()?;
        Ok(Page { items, next_cursor, items_read })
    }

    /// A Put that fails if the item exists.
    pub fn put_new<E: Entity>(&self, entity: &E) -> ApiResult<TransactWriteItem> {
        self.put_if(entity, "attribute_not_exists(PK)", HashMap::new())
    }

    /// A Put that replaces the item only if nobody changed it since it was read at `version`.
    pub fn put_versioned<E: Entity>(&self, entity: &E, read_version: u64) -> ApiResult<TransactWriteItem> {
        self.put_if(entity, "version = :read_version", HashMap::from([(":read_version".into(), num(read_version))]))
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
    pub fn delete(&self, pk: String, sk: impl Into<String>, condition: Option<&str>, values: HashMap<String, AttributeValue>) -> ApiResult<TransactWriteItem> {
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
            self.check(keys::customer(customer_id), keys::PROFILE, "attribute_exists(PK)", HashMap::new())?,
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
        let result = self.client.transact_write_items().set_transact_items(Some(actions)).send().await;
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
pub(crate) fn condition_met<O, E, R>(result: Result<O, aws_smithy_runtime_api::client::result::SdkError<E, R>>) -> ApiResult<bool>
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
