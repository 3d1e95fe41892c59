#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("access");
    let ctx = shared::Context::from_env().await?;
    lambda_http::run(access::router(shared::context::WithPortalPool::admin(ctx))).await
}
