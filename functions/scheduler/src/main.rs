use lambda_runtime::{service_fn, LambdaEvent};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    shared::telemetry::init("scheduler");
    let ctx = shared::Context::from_env().await?;
    let ctx = &ctx;
    lambda_runtime::run(service_fn(move |event: LambdaEvent<serde_json::Value>| async move {
        let report = scheduler::handle(ctx, &event.payload)
            .await
            .map_err(|e| lambda_runtime::Error::from(e.to_string()))?;
        tracing::info!(
            expired = report.expired,
            sent = report.sent,
            failed = report.failed,
            "job done"
        );
        Ok::<_, lambda_runtime::Error>(serde_json::to_value(report)?)
    }))
    .await
}
