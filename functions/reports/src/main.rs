#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("reports");
    let ctx = shared::Context::from_env().await?;
    lambda_http::run(reports::router(ctx)).await
}
