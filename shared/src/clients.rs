//! SDK clients, built once per process from one `SdkConfig` (one HTTP client, one credentials source).
//!
//! Cold start is most of a Lambda function's latency budget, so this module does at init only what
//! the first request needs (measured by `localstack/bench.sh`, see the README):
//! - on Lambda (credentials and region in the environment) the configuration is built from those
//!   variables alone: no profile files, no credentials chain, no instance metadata probe;
//! - one HTTP client (`http_client.rs`) trusting the Mozilla roots compiled into the binary: no certificate
//!   is read or parsed, and its connector is made on the first request, not when a client is built;
//! - each service client is built on first use, and a function that never sends an email never builds one.

use std::sync::{Arc, OnceLock};

use aws_config::{environment::EnvironmentVariableCredentialsProvider, BehaviorVersion, Region, SdkConfig};
use aws_sdk_dynamodb::config::SharedCredentialsProvider;

#[derive(Clone, Debug)]
pub struct Clients {
    sdk: Arc<SdkConfig>,
    dynamodb: Arc<OnceLock<aws_sdk_dynamodb::Client>>,
    s3: Arc<OnceLock<aws_sdk_s3::Client>>,
    ses: Arc<OnceLock<aws_sdk_ses::Client>>,
    cognito: Arc<OnceLock<aws_sdk_cognitoidentityprovider::Client>>,
}

/// Loads the shared SDK configuration. `AWS_ENDPOINT_URL` (and `AWS_ENDPOINT_URL_<SERVICE>`) point the
/// same code at the local emulators.
pub async fn load_sdk_config() -> SdkConfig {
    match from_lambda_environment(var) {
        Some(sdk) => sdk,
        // A developer's machine: profiles, SSO and the rest of the default chain.
        None => {
            aws_config::defaults(BehaviorVersion::latest())
                .http_client(https_client())
                .load()
                .await
        }
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Lambda puts the execution role's credentials and the region in the environment; nothing else is consulted.
fn from_lambda_environment(var: impl Fn(&str) -> Option<String>) -> Option<SdkConfig> {
    var("AWS_ACCESS_KEY_ID")?;
    var("AWS_SECRET_ACCESS_KEY")?;
    let region = var("AWS_REGION").or_else(|| var("AWS_DEFAULT_REGION"))?;
    let mut builder = SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region))
        .credentials_provider(SharedCredentialsProvider::new(
            EnvironmentVariableCredentialsProvider::new(),
        ))
        .http_client(https_client());
    builder.set_endpoint_url(var("AWS_ENDPOINT_URL"));
    Some(builder.build())
}

fn https_client() -> crate::http_client::PortalHttpClient {
    crate::http_client::PortalHttpClient::default()
}

impl Clients {
    pub fn new(sdk: &SdkConfig) -> Self {
        Self {
            sdk: Arc::new(sdk.clone()),
            dynamodb: Arc::default(),
            s3: Arc::default(),
            ses: Arc::default(),
            cognito: Arc::default(),
        }
    }

    /// The same clients with this DynamoDB client instead (a test's unreachable endpoint, the benchmark's counter).
    pub fn with_dynamodb(self, client: aws_sdk_dynamodb::Client) -> Self {
        Self {
            dynamodb: Arc::new(OnceLock::from(client)),
            ..self
        }
    }

    /// The same clients with this SES client instead (a test's mocked client).
    pub fn with_ses(self, client: aws_sdk_ses::Client) -> Self {
        Self {
            ses: Arc::new(OnceLock::from(client)),
            ..self
        }
    }

    /// `AWS_ENDPOINT_URL_<SERVICE>`, else the configuration's own endpoint: `aws_config` applies the
    /// per-service variable itself, a configuration built by hand does not.
    fn endpoint(&self, service: &str) -> Option<String> {
        var(&format!("AWS_ENDPOINT_URL_{service}")).or_else(|| self.sdk.endpoint_url().map(str::to_owned))
    }

    pub fn dynamodb(&self) -> &aws_sdk_dynamodb::Client {
        self.dynamodb.get_or_init(|| {
            let mut conf = aws_sdk_dynamodb::config::Builder::from(&*self.sdk);
            conf.set_endpoint_url(self.endpoint("DYNAMODB"));
            aws_sdk_dynamodb::Client::from_conf(conf.build())
        })
    }

    pub fn s3(&self) -> &aws_sdk_s3::Client {
        self.s3.get_or_init(|| {
            let mut conf = aws_sdk_s3::config::Builder::from(&*self.sdk);
            let endpoint = self.endpoint("S3");
            // Emulators serve buckets on the path, not as virtual hosts.
            conf.set_force_path_style(Some(endpoint.is_some()));
            conf.set_endpoint_url(endpoint);
            aws_sdk_s3::Client::from_conf(conf.build())
        })
    }

    pub fn ses(&self) -> &aws_sdk_ses::Client {
        self.ses.get_or_init(|| {
            let mut conf = aws_sdk_ses::config::Builder::from(&*self.sdk);
            conf.set_endpoint_url(self.endpoint("SES"));
            aws_sdk_ses::Client::from_conf(conf.build())
        })
    }

    pub fn cognito(&self) -> &aws_sdk_cognitoidentityprovider::Client {
        self.cognito.get_or_init(|| {
            let mut conf = aws_sdk_cognitoidentityprovider::config::Builder::from(&*self.sdk);
            conf.set_endpoint_url(self.endpoint("COGNITO_IDENTITY_PROVIDER"));
            aws_sdk_cognitoidentityprovider::Client::from_conf(conf.build())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn on_lambda_the_configuration_is_the_environment_alone() {
        let lambda = [
            ("AWS_ACCESS_KEY_ID", "AKIA"),
            ("AWS_SECRET_ACCESS_KEY", "s"),
            ("AWS_SESSION_TOKEN", "t"),
            ("AWS_REGION", "eu-west-1"),
        ];
        let sdk = from_lambda_environment(env(&lambda));
        let Some(sdk) = sdk else {
            panic!("no configuration from the environment")
        };
        assert_eq!(sdk.region().map(|r| r.as_ref()), Some("eu-west-1"));
        assert!(sdk.credentials_provider().is_some());
        assert!(sdk.http_client().is_some(), "the portal's own HTTP client");
        assert_eq!(sdk.endpoint_url(), None);
    }

    #[test]
    fn without_credentials_or_region_in_the_environment_the_default_chain_is_used() {
        assert!(from_lambda_environment(env(&[("AWS_REGION", "eu-west-1")])).is_none());
        assert!(
            from_lambda_environment(env(&[("AWS_ACCESS_KEY_ID", "AKIA"), ("AWS_SECRET_ACCESS_KEY", "s")])).is_none()
        );
    }

    #[test]
    fn an_emulator_endpoint_comes_from_the_environment() {
        let local = [
            ("AWS_ACCESS_KEY_ID", "test"),
            ("AWS_SECRET_ACCESS_KEY", "test"),
            ("AWS_REGION", "eu-west-1"),
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
        ];
        let endpoint = from_lambda_environment(env(&local)).and_then(|sdk| sdk.endpoint_url().map(str::to_owned));
        assert_eq!(endpoint.as_deref(), Some("http://127.0.0.1:4566"));
    }
}
