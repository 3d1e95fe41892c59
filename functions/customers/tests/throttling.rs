//! What the emulators cannot produce: a DynamoDB table that throttles every attempt. The mocked client
//! keeps the SDK's default retry policy (standard, three attempts; its back-off sleeps return at once),
//! and the route answers 503 `unavailable` once the retries are spent.

use aws_sdk_dynamodb::{
    config::{AsyncSleep, Sleep},
    error::ErrorMetadata,
    operation::batch_get_item::BatchGetItemError,
    types::error::{ProvisionedThroughputExceededException, ThrottlingException},
};
use aws_smithy_mocks::{mock, mock_client, RuleMode};
use http_body_util::BodyExt;
use serde_json::Value;
use shared::{clients::Clients, config::Config, Context};
use tower::ServiceExt;

/// The SDK's standard retry policy: the first attempt and two retries.
const STANDARD_ATTEMPTS: usize = 3;

/// Back-off without waiting: the attempts are the policy's, the test takes no time.
#[derive(Debug)]
struct NoWait;

impl AsyncSleep for NoWait {
    fn sleep(&self, _: std::time::Duration) -> Sleep {
        Sleep::new(std::future::ready(()))
    }
}

fn throughput_exceeded() -> BatchGetItemError {
    let code = "ProvisionedThroughputExceededException";
    BatchGetItemError::ProvisionedThroughputExceededException(
        ProvisionedThroughputExceededException::builder()
            .message("rate exceeded")
            .meta(ErrorMetadata::builder().code(code).build())
            .build(),
    )
}

fn throttling() -> BatchGetItemError {
    let code = "ThrottlingException";
    BatchGetItemError::ThrottlingException(
        ThrottlingException::builder()
            .message("rate exceeded")
            .meta(ErrorMetadata::builder().code(code).build())
            .build(),
    )
}

/// `GET /portal/me` (the `portal-me` fixture) against a table whose every BatchGetItem answers `error`:
/// the status, the problem document and how many attempts the SDK made.
async fn portal_me_throttled_with(error: fn() -> BatchGetItemError) -> (u16, Value, usize) {
    let throttled = mock!(aws_sdk_dynamodb::Client::batch_get_item).then_error(error);
    let dynamodb = mock_client!(aws_sdk_dynamodb, RuleMode::MatchAny, [&throttled], |c| c
        .sleep_impl(NoWait));
    let sdk = aws_config::SdkConfig::builder()
        .behavior_version(aws_config::BehaviorVersion::latest())
        .build();
    let config = Config {
        table_name: "portal".into(),
        ..Config::default()
    };
    let router = customers::router(Context::new(config, Clients::new(&sdk).with_dynamodb(dynamodb)));

    let path = format!("{}/../../events/portal-me.json", env!("CARGO_MANIFEST_DIR"));
    let fixture = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let request = lambda_http::request::from_str(&fixture).expect("a valid API Gateway v2 event");
    let response = router.oneshot(request).await.expect("infallible");
    let status = response.status().as_u16();
    let body = response.into_body().collect().await.expect("body").to_bytes();
    (
        status,
        serde_json::from_slice(&body).unwrap_or(Value::Null),
        throttled.num_calls(),
    )
}

#[tokio::test]
async fn a_table_throttled_on_every_attempt_answers_503_unavailable_after_the_sdk_retries() {
    for (name, error) in [
        (
            "ProvisionedThroughputExceededException",
            throughput_exceeded as fn() -> _,
        ),
        ("ThrottlingException", throttling),
    ] {
        let (status, problem, attempts) = portal_me_throttled_with(error).await;
        assert_eq!(status, 503, "{name}: {problem}");
        assert_eq!(
            problem["type"], "https://problems.customer-portal.dev/unavailable",
            "{name}"
        );
        assert_eq!(problem["status"], 503, "{name}");
        assert_eq!(
            attempts, STANDARD_ATTEMPTS,
            "{name}: the SDK retried before the route gave up"
        );
    }
}
