#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("auth");
    let ctx = shared::Context::from_env().await?;
    lambda_http::run(auth::router(shared::context::WithPortalPool::from_config(ctx).await?)).await
}
