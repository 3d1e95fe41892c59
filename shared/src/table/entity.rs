//! An entity knows its own keys; its fields are (de)serialized by serde_dynamo.

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue;
use serde::{de::DeserializeOwned, Serialize};

use super::keys;
use crate::error::ApiError;

pub type Item = HashMap<String, AttributeValue>;

/// The primary key, and the GSI1 key where the entity is indexed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keys {
    pub pk: String,
    pub sk: String,
    pub gsi1: Option<(String, String)>,
}

pub trait Entity: Serialize + DeserializeOwned {
    /// Written to the `entity` attribute of every item.
    const TYPE: &'static str;

    fn keys(&self) -> Keys;

    /// The GSI2 key, for the few entities indexed twice (see ACCESS-PATTERNS.md for why).
    fn gsi2(&self) -> Option<(String, String)> {
        None
    }

    /// Epoch seconds after which the item is dead (DynamoDB TTL deletes lazily; readers check too).
    fn expires_at(&self) -> Option<i64> {
        None
    }

    fn to_item(&self) -> Result<Item, ApiError> {
        let mut item: Item = serde_dynamo::to_item(self).map_err(|e| {
            tracing::error!(entity = Self::TYPE, error = %e, "could not serialize item");
            ApiError::Internal
        })?;
        let k = self.keys();
        item.insert(keys::PK.into(), AttributeValue::S(k.pk));
        item.insert(keys::SK.into(), AttributeValue::S(k.sk));
        if let Some((pk, sk)) = k.gsi1 {
            item.insert(keys::GSI1PK.into(), AttributeValue::S(pk));
            item.insert(keys::GSI1SK.into(), AttributeValue::S(sk));
        }
        if let Some((pk, sk)) = self.gsi2() {
            item.insert(keys::GSI2PK.into(), AttributeValue::S(pk));
            item.insert(keys::GSI2SK.into(), AttributeValue::S(sk));
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
}

pub fn key(pk: String, sk: impl Into<String>) -> Item {
    HashMap::from([
        (keys::PK.into(), AttributeValue::S(pk)),
        (keys::SK.into(), AttributeValue::S(sk.into())),
    ])
}
