#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("knowledge");
    let ctx = shared::Context::from_env().await?;
    lambda_http::run(knowledge::router(ctx)).await
}
