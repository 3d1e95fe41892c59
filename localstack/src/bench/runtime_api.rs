//! A local Lambda Runtime API (the `2018-06-01` interface `lambda_runtime` polls): hands a function
//! binary its events one by one and records when it first polled and when each response came back.

use std::{
    collections::VecDeque,
    net::SocketAddr,
    sync::{Arc, Mutex},
    time::Instant,
};

use axum::{
    body::Bytes,
    extract::{Path, State},
    http::{HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use serde_json::Value;
use tokio::sync::Notify;

#[derive(Clone, Debug)]
pub struct Answer {
    pub at: Instant,
    pub ok: bool,
    pub body: Bytes,
}

#[derive(Default)]
struct Recorded {
    events: VecDeque<(String, Value)>,
    first_poll: Option<Instant>,
    answers: Vec<Answer>,
    init_error: Option<String>,
}

#[derive(Clone, Default)]
struct Shared {
    recorded: Arc<Mutex<Recorded>>,
    changed: Arc<Notify>,
}

/// One mock per function process; dropped (and its server stopped) when the process is done.
pub struct RuntimeApi {
    pub addr: SocketAddr,
    shared: Shared,
    server: tokio::task::JoinHandle<()>,
}

impl RuntimeApi {
    pub async fn start(events: Vec<Value>) -> std::io::Result<Self> {
        let shared = Shared::default();
        {
            let mut r = shared.recorded.lock().expect("lock");
            r.events = events
                .into_iter()
                .enumerate()
                .map(|(i, e)| (format!("bench-{i:06}"), e))
                .collect();
        }
        let app = Router::new()
            .route("/2018-06-01/runtime/invocation/next", get(next))
            .route("/2018-06-01/runtime/invocation/{id}/response", post(response))
            .route("/2018-06-01/runtime/invocation/{id}/error", post(error))
            .route("/2018-06-01/runtime/init/error", post(init_error))
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(Self { addr, shared, server })
    }

    /// Waits until `n` invocations have been answered, or the function reported an init error.
    pub async fn answers(&self, n: usize) -> Result<(Option<Instant>, Vec<Answer>), String> {
        loop {
            let changed = self.shared.changed.notified();
            {
                let r = self.shared.recorded.lock().expect("lock");
                if let Some(e) = &r.init_error {
                    return Err(format!("init error: {e}"));
                }
                if r.answers.len() >= n {
                    return Ok((r.first_poll, r.answers.clone()));
                }
            }
            changed.await;
        }
    }
}

impl Drop for RuntimeApi {
    fn drop(&mut self) {
        self.server.abort();
    }
}

async fn next(State(s): State<Shared>) -> Response {
    let event = {
        let mut r = s.recorded.lock().expect("lock");
        r.first_poll.get_or_insert_with(Instant::now);
        r.events.pop_front()
    };
    let Some((id, event)) = event else {
        // No more work: the poll stays open, as on Lambda between invocations, until the process is stopped.
        return std::future::pending().await;
    };
    let deadline = time::OffsetDateTime::now_utc().unix_timestamp() * 1000 + 30_000;
    let mut headers = HeaderMap::new();
    let mut set = |name: &'static str, value: String| {
        if let Ok(v) = HeaderValue::from_str(&value) {
            headers.insert(name, v);
        }
    };
    set("lambda-runtime-aws-request-id", id);
    set("lambda-runtime-deadline-ms", deadline.to_string());
    set(
        "lambda-runtime-invoked-function-arn",
        "arn:aws:lambda:eu-west-1:000000000000:function:bench".into(),
    );
    set(
        "lambda-runtime-trace-id",
        "Root=1-00000000-000000000000000000000000;Sampled=0".into(),
    );
    set("content-type", "application/json".into());
    (headers, event.to_string()).into_response()
}

fn record(s: &Shared, ok: bool, body: Bytes) -> StatusCode {
    s.recorded.lock().expect("lock").answers.push(Answer {
        at: Instant::now(),
        ok,
        body,
    });
    s.changed.notify_waiters();
    StatusCode::ACCEPTED
}

async fn response(State(s): State<Shared>, Path(_id): Path<String>, body: Bytes) -> StatusCode {
    record(&s, true, body)
}

async fn error(State(s): State<Shared>, Path(_id): Path<String>, body: Bytes) -> StatusCode {
    record(&s, false, body)
}

async fn init_error(State(s): State<Shared>, body: Bytes) -> StatusCode {
    s.recorded.lock().expect("lock").init_error = Some(String::from_utf8_lossy(&body).into_owned());
    s.changed.notify_waiters();
    StatusCode::ACCEPTED
}
