#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_http::Error> {
    shared::telemetry::init("projects");
    let ctx = shared::Context::from_env().await?;
    lambda_http::run(projects::router(ctx)).await
}
