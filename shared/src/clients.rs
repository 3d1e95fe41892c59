//! SDK clients, built once per process from one `SdkConfig` (one HTTP client, one credentials chain).

use aws_config::{BehaviorVersion, SdkConfig};

#[derive(Clone, Debug)]
pub struct Clients {
    pub dynamodb: aws_sdk_dynamodb::Client,
    pub s3: aws_sdk_s3::Client,
    pub ses: aws_sdk_ses::Client,
    pub cognito: aws_sdk_cognitoidentityprovider::Client,
}

/// Loads the shared SDK configuration. `AWS_ENDPOINT_URL` (and the per-service variants) are honoured
/// by `aws_config` itself, which is how the same code talks to the local emulator.
pub async fn load_sdk_config() -> SdkConfig {
    aws_config::defaults(BehaviorVersion::latest()).load().await
}

impl Clients {
    pub fn new(sdk: &SdkConfig) -> Self {
        // Emulators serve buckets on the path, not as virtual hosts.
        let s3_conf = aws_sdk_s3::config::Builder::from(sdk)
            .force_path_style(sdk.endpoint_url().is_some())
            .build();
        Self {
            dynamodb: aws_sdk_dynamodb::Client::new(sdk),
            s3: aws_sdk_s3::Client::from_conf(s3_conf),
            ses: aws_sdk_ses::Client::new(sdk),
            cognito: aws_sdk_cognitoidentityprovider::Client::new(sdk),
        }
    }
}
