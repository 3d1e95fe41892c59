//! The end-to-end harness: each test provisions its own stack (table, bucket, pools, named with a fresh
//! suffix) on the emulator and starts the local gateway on a free port, then talks to it over HTTP.

pub mod activity;
pub mod billing;
pub mod datasheets;
pub mod documents;
pub mod operations;
pub mod sites;

use std::{collections::HashMap, sync::Arc};

use aws_config::SdkConfig;
use localstack::{
    cognito::{self, ensure_user, UserSpec},
    definitions::StackNames,
    gateway,
    provision::{provision, Stack},
};
use reqwest::{Method, RequestBuilder, Response};
use serde_json::{json, Value};
use shared::{clients::Clients, Context};
use tokio::sync::Mutex;

pub const PASSWORD: &str = "Test-Password-2026";

pub fn endpoint() -> String {
    std::env::var("AWS_ENDPOINT_URL").unwrap_or_else(|_| "http://127.0.0.1:4566".into())
}

/// SDK configuration for the local emulators, built exactly as a function builds it on Lambda (region and
/// credentials from the environment, the portal's own HTTP client): localstack/test.sh sets the emulators'
/// endpoints and fake credentials, so nothing ambient is used.
pub async fn sdk_config() -> SdkConfig {
    for required in [
        "AWS_ENDPOINT_URL",
        "AWS_ENDPOINT_URL_DYNAMODB",
        "AWS_ACCESS_KEY_ID",
        "AWS_REGION",
    ] {
        assert!(
            std::env::var(required).is_ok(),
            "run the tests with localstack/test.sh (it points them at the emulators): {required} is not set"
        );
    }
    shared::clients::load_sdk_config().await
}

pub struct TestStack {
    pub stack: Stack,
    pub ctx: Context,
    pub base: String,
    pub http: reqwest::Client,
    staff_tokens: Mutex<HashMap<String, String>>,
}

impl TestStack {
    pub async fn start() -> Arc<Self> {
        Self::start_with(|_| {}).await
    }

    /// A stack whose functions run with a changed configuration (a sender SES refuses, say).
    pub async fn start_with(change: impl FnOnce(&mut shared::config::Config)) -> Arc<Self> {
        Self::start_full(change, gateway::web::dist_dir()).await
    }

    /// A stack whose gateway serves the web app from `dist`.
    pub async fn start_serving(dist: std::path::PathBuf) -> Arc<Self> {
        Self::start_full(|_| {}, dist).await
    }

    async fn start_full(change: impl FnOnce(&mut shared::config::Config), dist: std::path::PathBuf) -> Arc<Self> {
        let endpoint = endpoint();
        let sdk = sdk_config().await;
        let suffix = ulid::Ulid::new().to_string().to_lowercase();
        let stack = provision(&sdk, StackNames::with_suffix(&suffix), "http://127.0.0.1:3000")
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "cannot provision on the emulator at {endpoint} ({e}); start it with localstack/emulator.sh start"
                )
            });
        let mut config = stack.config("http://127.0.0.1:3000");
        change(&mut config);
        let ctx = Context::new(config, Clients::new(&sdk));
        let authorizers = Arc::new(gateway::Authorizers::for_stack(&stack, &endpoint));
        let app = gateway::app_serving(&ctx, authorizers, dist).await.expect("gateway");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a free port");
        let base = format!("http://{}", listener.local_addr().expect("local address"));
        tokio::spawn(gateway::serve(listener, app));
        Arc::new(Self {
            stack,
            ctx,
            base,
            http: reqwest::Client::new(),
            staff_tokens: Mutex::new(HashMap::new()),
        })
    }

    pub fn request(&self, method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
        let mut r = self.http.request(method, format!("{}{path}", self.base));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.request(Method::GET, path, Some(token))
            .send()
            .await
            .expect("gateway answers")
    }

    pub async fn post(&self, path: &str, token: &str, body: Value) -> Response {
        self.request(Method::POST, path, Some(token))
            .json(&body)
            .send()
            .await
            .expect("gateway answers")
    }

    /// A request with an optional `If-Match` of the version read and an optional JSON body.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: &str,
        version: Option<u64>,
        json: Option<Value>,
    ) -> Response {
        let mut r = self.request(method, path, Some(token));
        if let Some(v) = version {
            r = r.header("if-match", format!("\"{v}\""));
        }
        if let Some(j) = json {
            r = r.json(&j);
        }
        r.send().await.expect("gateway answers")
    }

    /// An ID token of a staff user holding `role` ("" for a user in no group).
    pub async fn staff_token(&self, role: &str) -> String {
        let mut cache = self.staff_tokens.lock().await;
        if let Some(t) = cache.get(role) {
            return t.clone();
        }
        let username = if role.is_empty() {
            "staff-norole".to_owned()
        } else {
            format!("staff-{role}")
        };
        let email = format!("{username}@portal.example.com");
        let groups = if role.is_empty() { vec![] } else { vec![role] };
        let user = UserSpec {
            username: &username,
            email: &email,
            password: PASSWORD,
            attributes: vec![],
            groups,
        };
        ensure_user(self.ctx.clients.cognito(), &self.stack.staff, &user)
            .await
            .expect("staff user");
        let tokens = cognito::sign_in(
            self.ctx.clients.cognito(),
            &self.stack.staff,
            &username,
            PASSWORD,
            cognito::EMULATOR_TOTP_SECRET,
        )
        .await
        .expect("staff sign-in");
        cache.insert(role.to_owned(), tokens.id_token.clone());
        tokens.id_token
    }

    /// Signs a contact into the portal pool (creating their user) and returns the ID token.
    pub async fn contact_token(&self, customer_id: &str, contact_id: &str) -> String {
        let username = format!("c-{}", contact_id.to_lowercase());
        let email = format!("{username}@customer.example");
        let user = UserSpec {
            username: &username,
            email: &email,
            password: PASSWORD,
            attributes: vec![
                ("custom:customer_id", customer_id.to_owned()),
                ("custom:contact_id", contact_id.to_owned()),
            ],
            groups: vec![],
        };
        ensure_user(self.ctx.clients.cognito(), &self.stack.portal, &user)
            .await
            .expect("portal user");
        // What activation would have recorded: the contact's access is active under this username.
        let mut contact = self
            .ctx
            .table
            .contact(customer_id, contact_id)
            .await
            .expect("read")
            .expect("contact");
        contact.portal_username = Some(username.clone());
        contact.portal_status = shared::table::contacts::PortalStatus::Active;
        self.ctx.table.put(&contact).await.expect("activate");
        cognito::sign_in(
            self.ctx.clients.cognito(),
            &self.stack.portal,
            &username,
            PASSWORD,
            cognito::EMULATOR_TOTP_SECRET,
        )
        .await
        .expect("portal sign-in")
        .id_token
    }

    /// Creates a customer through the staff API and returns its JSON.
    pub async fn create_customer(&self, name: &str) -> Value {
        let staff = self.staff_token("supervisor").await;
        let r = self
            .post(
                "/admin/customers",
                &staff,
                json!({ "name": name, "email": "office@example.com" }),
            )
            .await;
        let status = r.status();
        let body: Value = r.json().await.expect("customer json");
        assert_eq!(status, 201, "create customer: {body}");
        body
    }

    pub async fn create_contact(&self, customer_id: &str, first: &str, last: &str) -> Value {
        let staff = self.staff_token("supervisor").await;
        let unique = ulid::Ulid::new().to_string()[16..].to_lowercase();
        let body = json!({ "first_name": first, "last_name": last, "email": format!("{first}.{last}.{unique}@example.com").to_lowercase(), "phone": "+44 20 7946 0000" });
        let r = self
            .post(&format!("/admin/customers/{customer_id}/contacts"), &staff, body)
            .await;
        let status = r.status();
        let body: Value = r.json().await.expect("contact json");
        assert_eq!(status, 201, "create contact: {body}");
        body
    }

    /// A customer with one contact signed into the portal: (customer, contact, token).
    pub async fn customer_with_portal_contact(&self, name: &str) -> (Value, Value, String) {
        let customer = self.create_customer(name).await;
        let cid = customer["id"].as_str().expect("id").to_owned();
        let contact = self
            .create_contact(&cid, "Pat", name.split_whitespace().next().unwrap_or("Person"))
            .await;
        let token = self.contact_token(&cid, contact["id"].as_str().expect("id")).await;
        (customer, contact, token)
    }
}

/// The body of a problem document, checking the media type.
pub async fn problem(r: Response) -> Value {
    let ct = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert_eq!(ct, "application/problem+json", "errors are problem documents");
    r.json().await.expect("problem json")
}

/// An email the emulator's SES accepted.
#[derive(Clone, Debug)]
pub struct Mail {
    pub subject: String,
    /// The HTML body where there is one (the emulator keeps only it for a simple email), else the text.
    pub body: String,
    /// The text part of a raw (MIME) email.
    pub text: Option<String>,
    pub list_unsubscribe: Option<String>,
    pub list_unsubscribe_post: Option<String>,
}

/// The emails the emulator's SES accepted for `to`: the simple ones oldest first, then the raw
/// (MIME) ones oldest first.
pub async fn mails_to(to: &str) -> Vec<Mail> {
    // The emulator can fail to serialise its state while other tests change it: try again.
    let mut data = Value::Null;
    for _ in 0..10 {
        let response = reqwest::get(format!("{}/moto-api/data.json", endpoint()))
            .await
            .expect("emulator");
        if let Ok(v) = response.json::<Value>().await {
            data = v;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(!data.is_null(), "the emulator's state could not be read");
    let mut out = Vec::new();
    for m in data["ses"]["Message"].as_array().cloned().unwrap_or_default() {
        if m["destinations"].to_string().contains(to) {
            out.push(Mail {
                subject: m["subject"].as_str().unwrap_or_default().to_owned(),
                body: m["body"].as_str().unwrap_or_default().to_owned(),
                text: None,
                list_unsubscribe: None,
                list_unsubscribe_post: None,
            });
        }
    }
    for m in data["ses"]["RawMessage"].as_array().cloned().unwrap_or_default() {
        if !m["destinations"].to_string().contains(to) {
            continue;
        }
        let raw = m["raw_data"].as_str().unwrap_or_default();
        let parsed = mail_parser::MessageParser::default()
            .parse(raw.as_bytes())
            .expect("a MIME message");
        let header = |name: &str| parsed.header_raw(name).map(|v| v.trim().to_owned());
        out.push(Mail {
            subject: parsed.subject().unwrap_or_default().to_owned(),
            body: parsed
                .body_html(0)
                .or_else(|| parsed.body_text(0))
                .unwrap_or_default()
                .into_owned(),
            text: parsed.body_text(0).map(|t| t.into_owned()),
            list_unsubscribe: header("List-Unsubscribe"),
            list_unsubscribe_post: header("List-Unsubscribe-Post"),
        });
    }
    out
}

/// The emails the emulator's SES accepted for `to`, as in [`mails_to`]: (subject, body).
pub async fn emails_to(to: &str) -> Vec<(String, String)> {
    mails_to(to).await.into_iter().map(|m| (m.subject, m.body)).collect()
}

/// The token of the last link emailed to `to`.
pub async fn last_token(to: &str) -> String {
    let mails = emails_to(to).await;
    let (_, body) = mails.last().unwrap_or_else(|| panic!("no email to {to}"));
    let at = body.find("token=").expect("a link with a token") + "token=".len();
    body[at..at + 43].to_owned()
}

/// The emulator's current TOTP code (every device shares its secret).
pub async fn totp_now() -> String {
    localstack::cognito::fresh_code(localstack::cognito::EMULATOR_TOTP_SECRET)
        .await
        .expect("code")
}

/// A current code other than `used`: codes are accepted once per user, so a second sign-in of the same
/// user waits for the next 30-second step.
pub async fn totp_after(used: &str) -> String {
    loop {
        let code = totp_now().await;
        if code != used {
            return code;
        }
        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    }
}

/// The `Set-Cookie` headers of a response.
pub fn set_cookies(r: &Response) -> Vec<String> {
    r.headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().expect("ascii cookie").to_owned())
        .collect()
}

pub const PORTAL_PASSWORD: &str = "Correct-Horse-42";

/// Every item of a table by its key (`PK`, `SK`), to compare the whole table before and after.
pub type Snapshot = std::collections::BTreeMap<
    (String, String),
    std::collections::BTreeMap<String, aws_sdk_dynamodb::types::AttributeValue>,
>;

impl TestStack {
    /// Every item of this stack's table, by key (a Scan: tests only).
    pub async fn snapshot(&self) -> Snapshot {
        let mut items = Snapshot::new();
        let mut start = None;
        loop {
            let out = self
                .ctx
                .table
                .client
                .scan()
                .table_name(&self.ctx.table.name)
                .set_exclusive_start_key(start)
                .send()
                .await
                .expect("scan");
            for item in out.items.unwrap_or_default() {
                let key = |k: &str| item.get(k).and_then(|v| v.as_s().ok()).cloned().unwrap_or_default();
                items.insert((key("PK"), key("SK")), item.into_iter().collect());
            }
            start = out.last_evaluated_key;
            if start.is_none() {
                return items;
            }
        }
    }

    /// A contact of `customer_id` taken through the whole activation: enabled as `username`, invited,
    /// password and TOTP set. Returns the contact and the tokens activation issued.
    pub async fn activated_contact(
        &self,
        customer_id: &str,
        first: &str,
        last: &str,
        username: &str,
    ) -> (Value, Value) {
        let (contact, r) = self.activation(customer_id, first, last, username, json!({})).await;
        assert_eq!(r.status(), 200, "activate totp");
        (contact, r.json().await.expect("tokens"))
    }

    /// [`Self::activated_contact`] up to the last step, whose body gets `extra`'s fields too
    /// (`{"refresh_cookie": true}`, say): the contact and that step's response.
    pub async fn activation(
        &self,
        customer_id: &str,
        first: &str,
        last: &str,
        username: &str,
        extra: Value,
    ) -> (Value, Response) {
        let staff = self.staff_token("supervisor").await;
        let contact = self.create_contact(customer_id, first, last).await;
        let id = contact["id"].as_str().expect("id");
        let access = format!("/admin/contacts/{id}/portal-access");
        let r = self
            .request(Method::PUT, &access, Some(&staff))
            .json(&json!({ "username": username }))
            .send()
            .await
            .expect("enable");
        assert_eq!(r.status(), 200, "enable");
        assert_eq!(
            self.post(&format!("{access}/invitation"), &staff, json!({}))
                .await
                .status(),
            202,
            "invite"
        );
        let token = last_token(contact["email"].as_str().expect("email")).await;
        let r = self
            .request(Method::POST, "/portal/auth/activate", None)
            .json(&json!({ "token": token, "password": PORTAL_PASSWORD }))
            .send()
            .await
            .expect("activate");
        assert_eq!(r.status(), 200, "activate");
        let mut body = json!({ "token": token, "code": totp_now().await });
        for (k, v) in extra.as_object().cloned().unwrap_or_default() {
            body[k] = v;
        }
        let r = self
            .request(Method::POST, "/portal/auth/activate/totp", None)
            .json(&body)
            .send()
            .await
            .expect("totp");
        (contact, r)
    }

    /// Password then TOTP through the auth function: the HTTP status of the last step.
    pub async fn sign_in(&self, username: &str, password: &str) -> u16 {
        let r = self
            .request(Method::POST, "/portal/auth/login", None)
            .json(&json!({ "username": username, "password": password }))
            .send()
            .await
            .expect("login");
        if r.status() != 200 {
            return r.status().as_u16();
        }
        let challenge: Value = r.json().await.expect("challenge");
        let r = self
            .request(Method::POST, "/portal/auth/login/mfa", None)
            .json(&json!({ "username": username, "session": challenge["session"], "code": totp_now().await }))
            .send()
            .await
            .expect("mfa");
        r.status().as_u16()
    }
}

/// Writes entities straight to the table in bulk.
pub async fn batch_put<E: shared::table::Entity>(t: &TestStack, items: &[E]) {
    t.ctx.table.put_many(items).await.expect("batch write");
}

/// A small deterministic random sequence, so a failing random walk repeats exactly.
pub struct Lcg(pub u64);

impl Lcg {
    /// The next number below `n`.
    pub fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}
