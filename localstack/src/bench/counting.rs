//! An SDK interceptor that counts DynamoDB round trips (every attempt that got a response) and the
//! items each response carried or scanned, so the benchmark can report the work behind every route.

use std::sync::{
    atomic::{AtomicUsize, Ordering},
    Arc,
};

use aws_sdk_dynamodb::operation::{
    batch_get_item::BatchGetItemOutput, get_item::GetItemOutput, query::QueryOutput, scan::ScanOutput,
    transact_get_items::TransactGetItemsOutput,
};
use aws_smithy_runtime_api::{
    box_error::BoxError,
    client::{
        interceptors::{context::AfterDeserializationInterceptorContextRef, Intercept},
        runtime_components::RuntimeComponents,
    },
};
use aws_smithy_types::config_bag::ConfigBag;

#[derive(Clone, Debug, Default)]
pub struct Counter {
    round_trips: Arc<AtomicUsize>,
    items_read: Arc<AtomicUsize>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Work {
    pub round_trips: usize,
    pub items_read: usize,
}

impl Counter {
    /// The work counted since the last call, and a fresh start.
    pub fn take(&self) -> Work {
        Work {
            round_trips: self.round_trips.swap(0, Ordering::SeqCst),
            items_read: self.items_read.swap(0, Ordering::SeqCst),
        }
    }

    /// The same context, its DynamoDB client counted by this counter.
    pub fn context(&self, ctx: &shared::Context) -> shared::Context {
        shared::Context::new(
            (*ctx.config).clone(),
            ctx.clients.clone().with_dynamodb(self.client(ctx.clients.dynamodb())),
        )
    }

    /// A DynamoDB client like `base`, with this counter attached.
    pub fn client(&self, base: &aws_sdk_dynamodb::Client) -> aws_sdk_dynamodb::Client {
        let conf = base.config().to_builder().interceptor(self.clone()).build();
        aws_sdk_dynamodb::Client::from_conf(conf)
    }
}

/// Items a read returned, or for queries and scans the items DynamoDB examined (what is billed).
fn items_in(output: &aws_smithy_runtime_api::client::interceptors::context::Output) -> usize {
    if let Some(o) = output.downcast_ref::<GetItemOutput>() {
        usize::from(o.item.is_some())
    } else if let Some(o) = output.downcast_ref::<QueryOutput>() {
        usize::try_from(o.scanned_count)
            .unwrap_or(0)
            .max(o.items.as_ref().map_or(0, Vec::len))
    } else if let Some(o) = output.downcast_ref::<BatchGetItemOutput>() {
        o.responses.as_ref().map_or(0, |r| r.values().map(Vec::len).sum())
    } else if let Some(o) = output.downcast_ref::<TransactGetItemsOutput>() {
        o.responses
            .as_ref()
            .map_or(0, |r| r.iter().filter(|i| i.item.is_some()).count())
    } else if let Some(o) = output.downcast_ref::<ScanOutput>() {
        usize::try_from(o.scanned_count).unwrap_or(0)
    } else {
        0
    }
}

impl Intercept for Counter {
    fn name(&self) -> &'static str {
        "CountDynamoDbWork"
    }

    fn read_after_deserialization(
        &self,
        context: &AfterDeserializationInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        self.round_trips.fetch_add(1, Ordering::SeqCst);
        if let Ok(output) = context.output_or_error() {
            self.items_read.fetch_add(items_in(output), Ordering::SeqCst);
        }
        Ok(())
    }
}
