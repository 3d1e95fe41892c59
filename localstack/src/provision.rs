//! Creates (or finds) every resource of one stack on the emulator or on AWS. Idempotent: run it again
//! and it reuses what exists.

use aws_config::SdkConfig;
use aws_sdk_cognitoidentityprovider::types::{
    AttributeDataType, ExplicitAuthFlowsType, SchemaAttributeType, SoftwareTokenMfaConfigType, TimeUnitsType,
    TokenValidityUnitsType, UserPoolMfaType, UsernameConfigurationType, VerifiedAttributeType,
};
use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, KeyType, Projection, ProjectionType,
    ScalarAttributeType, TimeToLiveSpecification,
};
use aws_sdk_s3::types::{CorsConfiguration, CorsRule};
use shared::permissions::BUILT_IN_ROLES;

use crate::{
    cognito::AppClient,
    definitions::{
        StackNames, ID_TOKEN_MINUTES, PASSWORD_MIN_LENGTH, PORTAL_CUSTOM_ATTRIBUTES, REFRESH_TOKEN_HOURS, SCHEDULES,
        TABLE,
    },
};

/// Everything a function or the gateway needs to know about a provisioned stack.
#[derive(Clone, Debug)]
pub struct Stack {
    pub names: StackNames,
    pub region: String,
    pub portal: AppClient,
    pub staff: AppClient,
}

pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn err<E: aws_sdk_dynamodb::error::ProvideErrorMetadata>(what: &str, e: E) -> BoxError {
    format!(
        "{what}: {} {}",
        e.code().unwrap_or("unknown"),
        e.message().unwrap_or_default()
    )
    .into()
}

pub async fn provision(sdk: &SdkConfig, names: StackNames, portal_origin: &str) -> Result<Stack, BoxError> {
    let region = sdk
        .region()
        .map(|r| r.to_string())
        .unwrap_or_else(|| "us-east-1".into());
    // Through `Clients`, which applies the per-service endpoints (DynamoDB is served apart from the rest).
    let clients = shared::clients::Clients::new(sdk);
    table(clients.dynamodb(), &names.table).await?;
    bucket(sdk, &names.bucket, &region, portal_origin).await?;
    sender(clients.ses(), &names.sender_email).await?;
    let cognito = clients.cognito().clone();
    let portal = pool(&cognito, &names.portal_pool, &names.portal_client, true).await?;
    let staff = pool(&cognito, &names.staff_pool, &names.staff_client, false).await?;
    for role in BUILT_IN_ROLES {
        let created = cognito
            .create_group()
            .user_pool_id(&staff.pool_id)
            .group_name(role)
            .send()
            .await;
        if let Err(e) = created {
            let e = e.into_service_error();
            if !e.is_group_exists_exception() {
                return Err(err("create group", e));
            }
        }
    }
    schedules(&aws_sdk_scheduler::Client::new(sdk), &names.table, &region).await?;
    Ok(Stack {
        names,
        region,
        portal,
        staff,
    })
}

/// The schedules that invoke the scheduler function. Locally nothing fires them (the emulator keeps
/// them only): `portal-local job <name>` runs a job with its fixture instead.
async fn schedules(client: &aws_sdk_scheduler::Client, stack: &str, region: &str) -> Result<(), BoxError> {
    use aws_sdk_scheduler::types::{FlexibleTimeWindow, FlexibleTimeWindowMode, Target};
    for (job, expression) in SCHEDULES {
        let target = Target::builder()
            .arn(format!(
                "arn:aws:lambda:{region}:000000000000:function:{stack}-scheduler"
            ))
            .role_arn(format!("arn:aws:iam::000000000000:role/{stack}-scheduler-invoke"))
            .input(serde_json::json!({ "job": job }).to_string())
            .build()?;
        let created = client
            .create_schedule()
            .name(format!("{stack}-{job}"))
            .schedule_expression(expression)
            .flexible_time_window(
                FlexibleTimeWindow::builder()
                    .mode(FlexibleTimeWindowMode::Off)
                    .build()?,
            )
            .target(target)
            .send()
            .await;
        if let Err(e) = created {
            let e = e.into_service_error();
            if !e.is_conflict_exception() {
                return Err(err("create schedule", e));
            }
        }
    }
    Ok(())
}

/// Deletes a table and everything in it, if it exists (the benchmark starts each run from an empty one).
pub async fn drop_table(sdk: &SdkConfig, name: &str) -> Result<(), BoxError> {
    let ddb = shared::clients::Clients::new(sdk).dynamodb().clone();
    match ddb.delete_table().table_name(name).send().await {
        Ok(_) => Ok(()),
        Err(e) => {
            let e = e.into_service_error();
            if e.is_resource_not_found_exception() {
                Ok(())
            } else {
                Err(err("DeleteTable", e))
            }
        }
    }
}

async fn table(ddb: &aws_sdk_dynamodb::Client, name: &str) -> Result<(), BoxError> {
    let s = |n: &str| {
        AttributeDefinition::builder()
            .attribute_name(n)
            .attribute_type(ScalarAttributeType::S)
            .build()
    };
    let k = |n: &str, t: KeyType| KeySchemaElement::builder().attribute_name(n).key_type(t).build();
    let mut req = ddb
        .create_table()
        .table_name(name)
        .billing_mode(BillingMode::PayPerRequest)
        .attribute_definitions(s(TABLE.pk)?)
        .attribute_definitions(s(TABLE.sk)?)
        .key_schema(k(TABLE.pk, KeyType::Hash)?)
        .key_schema(k(TABLE.sk, KeyType::Range)?);
    for (index, pk, sk) in TABLE.gsis {
        req = req
            .attribute_definitions(s(pk)?)
            .attribute_definitions(s(sk)?)
            .global_secondary_indexes(
                GlobalSecondaryIndex::builder()
                    .index_name(*index)
                    .key_schema(k(pk, KeyType::Hash)?)
                    .key_schema(k(sk, KeyType::Range)?)
                    .projection(Projection::builder().projection_type(ProjectionType::All).build())
                    .build()?,
            );
    }
    match req.send().await {
        Ok(_) => {}
        Err(e) => {
            let e = e.into_service_error();
            if !e.is_resource_in_use_exception() {
                return Err(err("create table", e));
            }
        }
    }
    ddb.update_time_to_live()
        .table_name(name)
        .time_to_live_specification(
            TimeToLiveSpecification::builder()
                .attribute_name(TABLE.ttl_attribute)
                .enabled(true)
                .build()?,
        )
        .send()
        .await
        .map(|_| ())
        .or_else(|e| {
            use aws_sdk_dynamodb::error::ProvideErrorMetadata;
            let e = e.into_service_error();
            // Enabling TTL twice is refused; that it is on is all we need.
            if e.message().unwrap_or_default().contains("already enabled") {
                Ok(())
            } else {
                Err(err("ttl", e))
            }
        })
}

async fn bucket(sdk: &SdkConfig, name: &str, region: &str, origin: &str) -> Result<(), BoxError> {
    let s3 = shared::clients::Clients::new(sdk).s3().clone();
    let mut req = s3.create_bucket().bucket(name);
    if region != "us-east-1" {
        req = req.create_bucket_configuration(
            aws_sdk_s3::types::CreateBucketConfiguration::builder()
                .location_constraint(aws_sdk_s3::types::BucketLocationConstraint::from(region))
                .build(),
        );
    }
    if let Err(e) = req.send().await {
        let e = e.into_service_error();
        if !(e.is_bucket_already_owned_by_you() || e.is_bucket_already_exists()) {
            return Err(err("create bucket", e));
        }
    }
    let cors = CorsConfiguration::builder()
        .cors_rules(
            CorsRule::builder()
                .allowed_origins(origin)
                .allowed_methods("GET")
                .allowed_methods("PUT")
                .allowed_methods("POST")
                .allowed_headers("*")
                .max_age_seconds(3000)
                .build()?,
        )
        .build()?;
    s3.put_bucket_cors()
        .bucket(name)
        .cors_configuration(cors)
        .send()
        .await
        .map_err(|e| err("cors", e.into_service_error()))?;
    Ok(())
}

async fn sender(ses: &aws_sdk_ses::Client, email: &str) -> Result<(), BoxError> {
    let domain = email.rsplit_once('@').map(|(_, d)| d).unwrap_or(email);
    ses.verify_domain_identity()
        .domain(domain)
        .send()
        .await
        .map_err(|e| err("ses identity", e.into_service_error()))?;
    Ok(())
}

async fn pool(
    cognito: &aws_sdk_cognitoidentityprovider::Client,
    pool_name: &str,
    client_name: &str,
    portal: bool,
) -> Result<AppClient, BoxError> {
    let pool_id = match find_pool(cognito, pool_name).await? {
        Some(id) => id,
        None => create_pool(cognito, pool_name, portal).await?,
    };
    cognito
        .set_user_pool_mfa_config()
        .user_pool_id(&pool_id)
        .mfa_configuration(UserPoolMfaType::On)
        .software_token_mfa_configuration(SoftwareTokenMfaConfigType::builder().enabled(true).build())
        .send()
        .await
        .map_err(|e| err("mfa config", e.into_service_error()))?;
    let clients = cognito
        .list_user_pool_clients()
        .user_pool_id(&pool_id)
        .max_results(60)
        .send()
        .await
        .map_err(|e| err("list clients", e.into_service_error()))?;
    let existing = clients
        .user_pool_clients()
        .iter()
        .find(|c| c.client_name() == Some(client_name))
        .and_then(|c| c.client_id());
    let client = match existing {
        Some(id) => {
            cognito
                .describe_user_pool_client()
                .user_pool_id(&pool_id)
                .client_id(id)
                .send()
                .await
                .map_err(|e| err("describe client", e.into_service_error()))?
                .user_pool_client
        }
        None => {
            let mut read = vec![
                "email".to_owned(),
                "email_verified".into(),
                "given_name".into(),
                "family_name".into(),
            ];
            let mut flows = vec![
                ExplicitAuthFlowsType::AllowAdminUserPasswordAuth,
                ExplicitAuthFlowsType::AllowRefreshTokenAuth,
            ];
            if portal {
                read.extend(PORTAL_CUSTOM_ATTRIBUTES.iter().map(|a| format!("custom:{a}")));
            } else {
                flows.push(ExplicitAuthFlowsType::AllowUserPasswordAuth);
            }
            cognito
                .create_user_pool_client()
                .user_pool_id(&pool_id)
                .client_name(client_name)
                // The portal client's secret is known only to the `auth` function, so every sign-in goes through it.
                .generate_secret(portal)
                .set_explicit_auth_flows(Some(flows))
                .set_read_attributes(Some(read))
                // No client may write the tenant attributes: only the admin API sets them.
                .write_attributes("email")
                .id_token_validity(ID_TOKEN_MINUTES)
                .access_token_validity(ID_TOKEN_MINUTES)
                .refresh_token_validity(REFRESH_TOKEN_HOURS)
                .token_validity_units(
                    TokenValidityUnitsType::builder()
                        .id_token(TimeUnitsType::Minutes)
                        .access_token(TimeUnitsType::Minutes)
                        .refresh_token(TimeUnitsType::Hours)
                        .build(),
                )
                .prevent_user_existence_errors(
                    aws_sdk_cognitoidentityprovider::types::PreventUserExistenceErrorTypes::Enabled,
                )
                .enable_token_revocation(true)
                .send()
                .await
                .map_err(|e| err("create client", e.into_service_error()))?
                .user_pool_client
        }
    }
    .ok_or("no client returned")?;
    Ok(AppClient {
        pool_id,
        client_id: client.client_id().unwrap_or_default().to_owned(),
        client_secret: client.client_secret().map(str::to_owned),
    })
}

async fn find_pool(cognito: &aws_sdk_cognitoidentityprovider::Client, name: &str) -> Result<Option<String>, BoxError> {
    let mut next: Option<String> = None;
    loop {
        let page = cognito
            .list_user_pools()
            .max_results(60)
            .set_next_token(next.take())
            .send()
            .await
            .map_err(|e| err("list pools", e.into_service_error()))?;
        if let Some(p) = page.user_pools().iter().find(|p| p.name() == Some(name)) {
            return Ok(p.id().map(str::to_owned));
        }
        match page.next_token() {
            Some(t) if !t.is_empty() => next = Some(t.to_owned()),
            _ => return Ok(None),
        }
    }
}

async fn create_pool(
    cognito: &aws_sdk_cognitoidentityprovider::Client,
    name: &str,
    portal: bool,
) -> Result<String, BoxError> {
    use aws_sdk_cognitoidentityprovider::types::{PasswordPolicyType, UserPoolPolicyType};
    let mut req = cognito
        .create_user_pool()
        .pool_name(name)
        .mfa_configuration(UserPoolMfaType::On)
        .username_configuration(UsernameConfigurationType::builder().case_sensitive(false).build()?)
        .auto_verified_attributes(VerifiedAttributeType::Email)
        .policies(
            UserPoolPolicyType::builder()
                .password_policy(
                    PasswordPolicyType::builder()
                        .minimum_length(PASSWORD_MIN_LENGTH)
                        .require_lowercase(true)
                        .require_uppercase(true)
                        .require_numbers(true)
                        .require_symbols(false)
                        .build(),
                )
                .build(),
        );
    if portal {
        for attr in PORTAL_CUSTOM_ATTRIBUTES {
            req = req.schema(
                SchemaAttributeType::builder()
                    .name(attr)
                    .attribute_data_type(AttributeDataType::String)
                    .mutable(true)
                    .build(),
            );
        }
    }
    let out = req
        .send()
        .await
        .map_err(|e| err("create pool", e.into_service_error()))?;
    out.user_pool()
        .and_then(|p| p.id())
        .map(str::to_owned)
        .ok_or_else(|| "no pool id returned".into())
}
