//! The baseline the cold-start benchmark divides by: the smallest useful `lambda_runtime` function.

use lambda_runtime::{service_fn, LambdaEvent};
use serde_json::{json, Value};

#[tokio::main]
async fn main() -> Result<(), lambda_runtime::Error> {
    lambda_runtime::run(service_fn(|event: LambdaEvent<Value>| async move {
        Ok::<_, lambda_runtime::Error>(
            json!({ "statusCode": 200, "body": "hello", "request": event.context.request_id }),
        )
    }))
    .await
}
