//! The HTTP client every SDK client shares: hyper 1 over rustls (aws-lc), as the SDK's default client, but
//! trusting the Mozilla roots compiled in (`webpki-roots`) as they are, with nothing parsed at start-up.
//!
//! Why not the SDK's own client: it builds its connector when each service client is constructed, and its
//! TLS setup reads and parses every root certificate in PEM form (the system's, or any given to it). That
//! was the largest single cost of a function's init (`perf`, see README "Performance"). Here the TLS
//! configuration is a few static references, built once, on the first request. It speaks HTTP/1.1 and
//! ignores proxy variables: Lambda reaches AWS directly or through VPC endpoints.

use std::{
    sync::{Arc, OnceLock},
    time::Duration,
};

use aws_smithy_runtime_api::{
    client::{
        http::{HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpConnector},
        orchestrator::HttpRequest,
        result::ConnectorError,
        runtime_components::RuntimeComponents,
    },
    http::Response,
};
use aws_smithy_types::body::SdkBody;
use hyper_util::{
    client::legacy::{connect::HttpConnector as TcpConnector, Client},
    rt::TokioExecutor,
};

type Https = hyper_rustls::HttpsConnector<TcpConnector>;

/// A connector made for one (connect timeout, read timeout) pair.
type PooledConnector = (Option<Duration>, Option<Duration>, SharedHttpConnector);

/// One connection pool per (connect timeout, read timeout) the SDK asks for; in practice one.
#[derive(Clone, Debug, Default)]
pub struct PortalHttpClient {
    connectors: Arc<std::sync::Mutex<Vec<PooledConnector>>>,
}

#[derive(Clone, Debug)]
struct Connector {
    /// None only if the TLS provider refused its own default protocol versions; every call then fails.
    client: Option<Client<Https, SdkBody>>,
    read_timeout: Option<Duration>,
}

fn tls_config() -> Option<rustls::ClientConfig> {
    static CONFIG: OnceLock<Option<rustls::ClientConfig>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let roots = rustls::RootCertStore {
                roots: webpki_roots::TLS_SERVER_ROOTS.to_vec(),
            };
            let builder =
                rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::aws_lc_rs::default_provider()))
                    .with_safe_default_protocol_versions()
                    .map_err(|e| tracing::error!(error = %e, "no TLS configuration"))
                    .ok()?;
            Some(builder.with_root_certificates(roots).with_no_client_auth())
        })
        .clone()
}

impl Connector {
    fn new(settings: &HttpConnectorSettings) -> Self {
        let client = tls_config().map(|tls| {
            let mut tcp = TcpConnector::new();
            tcp.enforce_http(false);
            tcp.set_nodelay(true);
            tcp.set_connect_timeout(settings.connect_timeout());
            let https = hyper_rustls::HttpsConnectorBuilder::new()
                .with_tls_config(tls)
                .https_or_http()
                .enable_http1()
                .wrap_connector(tcp);
            Client::builder(TokioExecutor::new())
                .pool_idle_timeout(Duration::from_secs(90))
                .build(https)
        });
        Self {
            client,
            read_timeout: settings.read_timeout(),
        }
    }
}

impl HttpConnector for Connector {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let (client, read_timeout) = (self.client.clone(), self.read_timeout);
        HttpConnectorFuture::new(async move {
            let client = client.ok_or_else(|| ConnectorError::other("no TLS configuration".into(), None))?;
            let request = request.try_into_http1x().map_err(|e| ConnectorError::user(e.into()))?;
            let sent = client.request(request);
            let response = match read_timeout {
                Some(limit) => tokio::time::timeout(limit, sent)
                    .await
                    .map_err(|e| ConnectorError::timeout(e.into()))?,
                None => sent.await,
            }
            .map_err(|e| {
                if e.is_connect() {
                    ConnectorError::io(e.into())
                } else {
                    ConnectorError::other(e.into(), None)
                }
            })?;
            let response = response.map(SdkBody::from_body_1_x);
            Response::try_from(response).map_err(|e| ConnectorError::other(e.into(), None))
        })
    }
}

impl HttpClient for PortalHttpClient {
    fn http_connector(&self, settings: &HttpConnectorSettings, _components: &RuntimeComponents) -> SharedHttpConnector {
        let key = (settings.connect_timeout(), settings.read_timeout());
        let mut connectors = self.connectors.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, _, c)) = connectors.iter().find(|(c, r, _)| (*c, *r) == key) {
            return c.clone();
        }
        let connector = SharedHttpConnector::new(Connector::new(settings));
        connectors.push((key.0, key.1, connector.clone()));
        connector
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type TestResult = Result<(), Box<dyn std::error::Error + Send + Sync>>;

    fn get(uri: &str) -> Result<HttpRequest, Box<dyn std::error::Error + Send + Sync>> {
        Ok(HttpRequest::try_from(
            http::Request::builder().uri(uri).body(SdkBody::empty())?,
        )?)
    }

    #[tokio::test]
    async fn a_refused_connection_is_an_io_error_the_sdk_retries() -> TestResult {
        let settings = HttpConnectorSettings::builder()
            .connect_timeout(Duration::from_secs(1))
            .build();
        let answer = Connector::new(&settings).call(get("http://127.0.0.1:9/")?).await;
        assert!(
            answer.as_ref().is_err_and(|e| e.is_io()),
            "nothing listens on port 9: {answer:?}"
        );
        Ok(())
    }

    #[tokio::test]
    async fn a_slow_answer_is_a_timeout() -> TestResult {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        // Accepts and then says nothing.
        let _server = tokio::spawn(async move {
            let _socket = listener.accept().await;
            tokio::time::sleep(Duration::from_secs(5)).await;
        });
        let settings = HttpConnectorSettings::builder()
            .read_timeout(Duration::from_millis(100))
            .build();
        let answer = Connector::new(&settings).call(get(&format!("http://{addr}/"))?).await;
        assert!(answer.as_ref().is_err_and(|e| e.is_timeout()), "no answer: {answer:?}");
        Ok(())
    }

    #[test]
    fn one_connector_serves_every_client_with_the_same_settings() -> TestResult {
        let client = PortalHttpClient::default();
        let settings = HttpConnectorSettings::builder().build();
        let components =
            aws_smithy_runtime_api::client::runtime_components::RuntimeComponentsBuilder::for_tests().build()?;
        let (a, b) = (
            client.http_connector(&settings, &components),
            client.http_connector(&settings, &components),
        );
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        assert_eq!(client.connectors.lock().map(|c| c.len()).unwrap_or_default(), 1);
        Ok(())
    }
}
