//! An entity knows its own keys; its fields are (de)serialized by serde_dynamo.
//!
//! Every read names the entity it reads and that entity's id (`table.get::<Job>((&customer_id, &id))`),
//! and the entity alone turns the id into a key: no caller pairs a partition key with a sort key.

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue;
use serde::{de::DeserializeOwned, Serialize};

use super::keys;
use crate::error::ApiError;

pub type Item = HashMap<String, AttributeValue>;

/// A primary key: partition and sort key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrimaryKey {
    pub pk: String,
    pub sk: String,
}

impl PrimaryKey {
    pub fn new(pk: impl Into<String>, sk: impl Into<String>) -> Self {
        Self {
            pk: pk.into(),
            sk: sk.into(),
        }
    }

    /// The key of a raw item (or of a key DynamoDB sent back).
    pub fn of(item: &Item) -> Option<Self> {
        let attr = |name: &str| item.get(name)?.as_s().ok().cloned();
        Some(Self {
            pk: attr(keys::PK)?,
            sk: attr(keys::SK)?,
        })
    }

    /// The key as DynamoDB takes it.
    pub fn item(&self) -> Item {
        HashMap::from([
            (keys::PK.into(), AttributeValue::S(self.pk.clone())),
            (keys::SK.into(), AttributeValue::S(self.sk.clone())),
        ])
    }
}

pub trait Entity: Serialize + DeserializeOwned {
    /// Written to the `entity` attribute of every item.
    const TYPE: &'static str;

    /// What names one item, for example `(customer_id, job_id)`.
    type Id<'a>;

    /// The primary key of the item `id` names: the one place this entity's key is written.
    fn key(id: Self::Id<'_>) -> PrimaryKey;

    /// This item's id.
    fn id(&self) -> Self::Id<'_>;

    /// The GSI1 key, where the entity is indexed there (sparse: `None` leaves the index).
    fn gsi1(&self) -> Option<(String, String)> {
        None
    }

    /// The GSI2 key, for the few entities indexed twice (see ACCESS-PATTERNS.md for why).
    fn gsi2(&self) -> Option<(String, String)> {
        None
    }

    /// The GSI3 key: records staff report on across customers, by time of creation.
    fn gsi3(&self) -> Option<(String, String)> {
        None
    }

    /// Epoch seconds after which the item is dead (DynamoDB TTL deletes lazily; readers check too).
    fn expires_at(&self) -> Option<i64> {
        None
    }

    fn primary_key(&self) -> PrimaryKey {
        Self::key(self.id())
    }

    fn to_item(&self) -> Result<Item, ApiError> {
        let mut item: Item = serde_dynamo::to_item(self).map_err(|e| {
            tracing::error!(entity = Self::TYPE, error = %e, "could not serialize item");
            ApiError::Internal
        })?;
        let key = self.primary_key();
        item.insert(keys::PK.into(), AttributeValue::S(key.pk));
        item.insert(keys::SK.into(), AttributeValue::S(key.sk));
        if let Some((pk, sk)) = self.gsi1() {
            item.insert(keys::GSI1PK.into(), AttributeValue::S(pk));
            item.insert(keys::GSI1SK.into(), AttributeValue::S(sk));
        }
        if let Some((pk, sk)) = self.gsi2() {
            item.insert(keys::GSI2PK.into(), AttributeValue::S(pk));
            item.insert(keys::GSI2SK.into(), AttributeValue::S(sk));
        }
        if let Some((pk, sk)) = self.gsi3() {
            item.insert(keys::GSI3PK.into(), AttributeValue::S(pk));
            item.insert(keys::GSI3SK.into(), AttributeValue::S(sk));
        }
        item.insert(keys::ENTITY.into(), AttributeValue::S(Self::TYPE.into()));
        if let Some(ttl) = self.expires_at() {
            item.insert(keys::TTL.into(), AttributeValue::N(ttl.to_string()));
        }
        Ok(item)
    }

    fn from_item(item: Item) -> Result<Self, ApiError> {
        serde_dynamo::from_item(item).map_err(|e| {
            tracing::error!(entity = Self::TYPE, error = %e, "could not deserialize item");
            ApiError::Internal
        })
    }

    /// Whether a raw item (from a batch read) is one of these.
    fn is(item: &Item) -> bool {
        item.get(keys::ENTITY).and_then(|v| v.as_s().ok()).map(String::as_str) == Some(Self::TYPE)
    }
}
