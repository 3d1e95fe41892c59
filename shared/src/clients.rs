//! SDK clients, built once per process from one `SdkConfig` (one HTTP client, one credentials source).
//!
//! Cold start is most of a Lambda function's latency budget, so this module does at init only what
//! the first request needs (measured by `localstack/bench.sh`, see the README):
//! - on Lambda (credentials and region in the environment) the configuration is built from those
//!   variables alone: no profile files, no credentials chain, no instance metadata probe;
//! - TLS trusts the Mozilla roots compiled into the binary, so no certificate directory is read;
//! - each service client is built on first use, and a function that never sends an email never builds one.

use std::sync::{Arc, LazyLock, OnceLock};

use aws_config::{environment::EnvironmentVariableCredentialsProvider, BehaviorVersion, Region, SdkConfig};
use aws_sdk_dynamodb::config::SharedCredentialsProvider;
use aws_smithy_http_client::{
    proxy::ProxyConfig,
    tls::{self, rustls_provider::CryptoMode, TlsContext, TrustStore},
    Builder, ConnectorBuilder,
};

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
    match from_lambda_environment() {
        Some(sdk) => sdk,
        // A developer's machine: profiles, SSO and the rest of the default chain.
        None => aws_config::defaults(BehaviorVersion::latest()).http_client(https_client()).load().await,
    }
}

fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Lambda puts the execution role's credentials and the region in the environment; nothing else is consulted.
fn from_lambda_environment() -> Option<SdkConfig> {
    var("AWS_ACCESS_KEY_ID")?;
    var("AWS_SECRET_ACCESS_KEY")?;
    let region = var("AWS_REGION").or_else(|| var("AWS_DEFAULT_REGION"))?;
    let mut builder = SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region))
        .credentials_provider(SharedCredentialsProvider::new(EnvironmentVariableCredentialsProvider::new()))
        .http_client(https_client());
    builder.set_endpoint_url(var("AWS_ENDPOINT_URL"));
    Some(builder.build())
}

/// The Mozilla root certificates compiled in (`webpki-root-certs`), in the PEM form the SDK's TLS context takes.
static TRUSTED_ROOTS: LazyLock<TlsContext> = LazyLock::new(|| {
    use base64::Engine;
    let mut store = TrustStore::empty();
    for cert in webpki_root_certs::TLS_SERVER_ROOT_CERTS {
        let body = base64::engine::general_purpose::STANDARD.encode(cert.as_ref());
        store.add_pem_certificate(format!("-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----\n"));
    }
    TlsContext::builder().with_trust_store(store).build().unwrap_or_default()
});

/// The SDK's default client (hyper 1, rustls with aws-lc, proxy settings from the environment) with the
/// compiled-in roots. Its connector is built on the first request, not here.
fn https_client() -> aws_smithy_runtime_api::client::http::SharedHttpClient {
    Builder::new().build_with_connector_fn(|settings, components| {
        let mut connector = ConnectorBuilder::default()
            .tls_provider(tls::Provider::Rustls(CryptoMode::AwsLc))
            .tls_context(TRUSTED_ROOTS.clone());
        connector.set_connector_settings(settings.cloned());
        if let Some(components) = components {
            connector.set_sleep_impl(components.sleep_impl());
        }
        connector.set_proxy_config(Some(ProxyConfig::from_env()));
        connector.build()
    })
}

/// `AWS_ENDPOINT_URL_<SERVICE>`, which `aws_config` honours but a configuration built by hand must apply itself.
fn service_endpoint(service: &str) -> Option<String> {
    var(&format!("AWS_ENDPOINT_URL_{service}"))
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
        Self { dynamodb: Arc::new(OnceLock::from(client)), ..self }
    }

    pub fn dynamodb(&self) -> &aws_sdk_dynamodb::Client {
        self.dynamodb.get_or_init(|| {
            let mut conf = aws_sdk_dynamodb::config::Builder::from(&*self.sdk);
            conf.set_endpoint_url(service_endpoint("DYNAMODB").or_else(|| self.sdk.endpoint_url().map(str::to_owned)));
            aws_sdk_dynamodb::Client::from_conf(conf.build())
        })
    }

    pub fn s3(&self) -> &aws_sdk_s3::Client {
        self.s3.get_or_init(|| {
            let mut conf = aws_sdk_s3::config::Builder::from(&*self.sdk);
            let endpoint = service_endpoint("S3").or_else(|| self.sdk.endpoint_url().map(str::to_owned));
            // Emulators serve buckets on the path, not as virtual hosts.
            conf.set_force_path_style(Some(endpoint.is_some()));
            conf.set_endpoint_url(endpoint);
            aws_sdk_s3::Client::from_conf(conf.build())
        })
    }

    pub fn ses(&self) -> &aws_sdk_ses::Client {
        self.ses.get_or_init(|| {
            let mut conf = aws_sdk_ses::config::Builder::from(&*self.sdk);
            conf.set_endpoint_url(service_endpoint("SES").or_else(|| self.sdk.endpoint_url().map(str::to_owned)));
            aws_sdk_ses::Client::from_conf(conf.build())
        })
    }

    pub fn cognito(&self) -> &aws_sdk_cognitoidentityprovider::Client {
        self.cognito.get_or_init(|| {
            let mut conf = aws_sdk_cognitoidentityprovider::config::Builder::from(&*self.sdk);
            conf.set_endpoint_url(
                service_endpoint("COGNITO_IDENTITY_PROVIDER").or_else(|| self.sdk.endpoint_url().map(str::to_owned)),
            );
            aws_sdk_cognitoidentityprovider::Client::from_conf(conf.build())
        })
    }
}
