//! Keeps the SAM template, the provisioner's definitions, the routers and the committed OpenAPI
//! document in agreement.

use localstack::{
    definitions::{PASSWORD_MIN_LENGTH, PORTAL_CUSTOM_ATTRIBUTES, REFRESH_TOKEN_HOURS, TABLE},
    functions,
    gateway::{guard_for, web, Guard},
};
use serde_yaml::Value;

/// Functions EventBridge Scheduler invokes (no HTTP routes).
const SCHEDULED: [&str; 1] = ["scheduler"];

fn template() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../infra/template.yaml");
    serde_yaml::from_str(&std::fs::read_to_string(path).expect("infra/template.yaml")).expect("valid YAML")
}

fn resources(t: &Value) -> &serde_yaml::Mapping {
    t["Resources"].as_mapping().expect("Resources")
}

fn of_type<'a>(t: &'a Value, kind: &str) -> Vec<(&'a str, &'a Value)> {
    resources(t)
        .iter()
        .filter(|(_, r)| r["Type"].as_str() == Some(kind))
        .map(|(k, r)| (k.as_str().unwrap_or_default(), r))
        .collect()
}

fn tagged(tag: &str, v: &Value) -> Option<String> {
    match v {
        Value::Tagged(t) if t.tag == tag => t.value.as_str().map(str::to_owned),
        _ => None,
    }
}

fn tagged_ref(v: &Value) -> Option<String> {
    tagged("!Ref", v)
}

#[test]
fn every_function_and_route_is_in_the_template_with_its_authorizer() {
    let t = template();
    let functions_in_template = of_type(&t, "AWS::Serverless::Function");
    for (name, doc) in functions::documents() {
        let (resource, f) = functions_in_template
            .iter()
            .find(|(_, f)| f["Properties"]["CodeUri"].as_str() == Some(&format!("../functions/{name}")))
            .unwrap_or_else(|| {
                panic!("function {name} has no AWS::Serverless::Function with CodeUri ../functions/{name}")
            });
        assert_eq!(f["Metadata"]["BuildMethod"], "rust-cargolambda", "{resource}");
        let events: Vec<&Value> = f["Properties"]["Events"]
            .as_mapping()
            .expect("Events")
            .values()
            .collect();
        let mut served = 0;
        for (path, item) in &doc.paths.paths {
            for (method, op) in [
                ("GET", &item.get),
                ("POST", &item.post),
                ("PUT", &item.put),
                ("PATCH", &item.patch),
                ("DELETE", &item.delete),
            ] {
                if op.is_none() {
                    continue;
                }
                served += 1;
                let event = events
                    .iter()
                    .find(|e| {
                        e["Properties"]["Method"].as_str() == Some(method)
                            && e["Properties"]["Path"].as_str() == Some(path)
                    })
                    .unwrap_or_else(|| panic!("{method} {path} has no HttpApi event on {resource}"));
                assert_eq!(event["Type"], "HttpApi");
                assert_eq!(tagged_ref(&event["Properties"]["ApiId"]).as_deref(), Some("HttpApi"));
                let expected = match guard_for(path) {
                    Guard::None => "NONE",
                    Guard::Portal => "PortalAuthorizer",
                    Guard::Staff => "StaffAuthorizer",
                };
                assert_eq!(event["Properties"]["Auth"]["Authorizer"], expected, "{method} {path}");
            }
        }
        assert_eq!(
            events.len(),
            served,
            "{resource} has events for routes its router does not serve"
        );
    }
    for name in SCHEDULED {
        let (_, f) = functions_in_template
            .iter()
            .find(|(_, f)| f["Properties"]["CodeUri"].as_str() == Some(&format!("../functions/{name}")))
            .unwrap_or_else(|| panic!("scheduled function {name} is not in the template"));
        let events = f["Properties"]["Events"].as_mapping().expect("Events");
        assert!(
            events.values().all(|e| e["Type"] == "ScheduleV2"),
            "{name} runs on schedules only"
        );
        let mut jobs = Vec::new();
        for e in events.values() {
            let input: serde_json::Value =
                serde_json::from_str(e["Properties"]["Input"].as_str().expect("Input")).expect("JSON input");
            jobs.push((
                input["job"].as_str().unwrap_or_default().to_owned(),
                e["Properties"]["ScheduleExpression"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
            ));
            let fixture = format!(
                "{}/../events/scheduled-{}.json",
                env!("CARGO_MANIFEST_DIR"),
                input["job"].as_str().expect("job")
            );
            assert!(
                std::path::Path::new(&fixture).exists(),
                "{fixture} missing for a scheduled job"
            );
        }
        jobs.sort();
        let mut provisioned: Vec<(String, String)> = localstack::definitions::SCHEDULES
            .iter()
            .map(|(j, e)| ((*j).to_owned(), (*e).to_owned()))
            .collect();
        provisioned.sort();
        assert_eq!(jobs, provisioned, "the template's schedules are the provisioner's");
    }
    assert_eq!(
        functions_in_template.len(),
        functions::documents().len() + SCHEDULED.len(),
        "a function in the template has no crate"
    );
    let workspace_functions = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../functions"))
        .expect("functions/")
        .count();
    assert_eq!(
        workspace_functions,
        functions::documents().len() + SCHEDULED.len(),
        "every crate in functions/ is registered"
    );
}

#[test]
fn the_table_matches_the_provisioner() {
    let t = template();
    let tables = of_type(&t, "AWS::DynamoDB::Table");
    assert_eq!(tables.len(), 1, "one table");
    let p = &tables[0].1["Properties"];
    let key = |schema: &Value| -> Vec<(String, String)> {
        schema
            .as_sequence()
            .unwrap()
            .iter()
            .map(|k| {
                (
                    k["AttributeName"].as_str().unwrap().to_owned(),
                    k["KeyType"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        key(&p["KeySchema"]),
        [
            (TABLE.pk.to_owned(), "HASH".to_owned()),
            (TABLE.sk.to_owned(), "RANGE".to_owned())
        ]
    );
    let gsis = p["GlobalSecondaryIndexes"].as_sequence().unwrap();
    assert_eq!(gsis.len(), TABLE.gsis.len());
    for (index, pk, sk) in TABLE.gsis {
        let g = gsis
            .iter()
            .find(|g| g["IndexName"].as_str() == Some(index))
            .unwrap_or_else(|| panic!("{index}"));
        assert_eq!(
            key(&g["KeySchema"]),
            [
                ((*pk).to_owned(), "HASH".to_owned()),
                ((*sk).to_owned(), "RANGE".to_owned())
            ]
        );
        assert_eq!(g["Projection"]["ProjectionType"], "ALL");
    }
    assert_eq!(p["TimeToLiveSpecification"]["AttributeName"], TABLE.ttl_attribute);
    assert_eq!(p["BillingMode"], "PAY_PER_REQUEST");
}

#[test]
fn pools_require_totp_and_no_client_writes_tenant_attributes() {
    let t = template();
    for (name, pool) in of_type(&t, "AWS::Cognito::UserPool") {
        let p = &pool["Properties"];
        assert_eq!(p["MfaConfiguration"], "ON", "{name}");
        assert_eq!(p["EnabledMfas"][0], "SOFTWARE_TOKEN_MFA", "{name}");
        assert_eq!(
            p["Policies"]["PasswordPolicy"]["MinimumLength"].as_i64(),
            Some(i64::from(PASSWORD_MIN_LENGTH)),
            "{name}"
        );
        // Threat protection follows the stack parameter (enforced by default) on every pool.
        assert_eq!(
            tagged_ref(&p["UserPoolAddOns"]["AdvancedSecurityMode"]).as_deref(),
            Some("ThreatProtection"),
            "{name}"
        );
    }
    assert_eq!(t["Parameters"]["ThreatProtection"]["Default"], "ENFORCED");
    let portal = &resources(&t)["PortalUserPool"]["Properties"]["Schema"];
    let names: Vec<_> = portal
        .as_sequence()
        .unwrap()
        .iter()
        .map(|a| a["Name"].as_str().unwrap())
        .collect();
    assert_eq!(names, PORTAL_CUSTOM_ATTRIBUTES);
    for (name, client) in of_type(&t, "AWS::Cognito::UserPoolClient") {
        let writes = client["Properties"]["WriteAttributes"]
            .as_sequence()
            .expect("explicit WriteAttributes");
        assert!(
            writes
                .iter()
                .all(|a| !a.as_str().unwrap_or_default().starts_with("custom:")),
            "{name} may write a tenant attribute"
        );
    }
    let client = &resources(&t)["PortalAuthClient"]["Properties"];
    assert_eq!(client["GenerateSecret"], true);
    // The browser's session cookie lives exactly as long as the refresh token it holds.
    assert_eq!(
        client["RefreshTokenValidity"].as_i64(),
        Some(i64::from(REFRESH_TOKEN_HOURS))
    );
    assert_eq!(client["TokenValidityUnits"]["RefreshToken"], "hours");
}

#[test]
fn the_account_routes_need_a_portal_token_unlike_sign_in() {
    assert_eq!(guard_for("/portal/account/password"), Guard::Portal);
    assert_eq!(guard_for("/portal/auth/refresh"), Guard::None);
}

/// Production serves the app and the API from one CloudFront origin with the local gateway's headers.
#[test]
fn cloudfront_serves_the_private_web_bucket_and_the_uncached_api_with_the_gateways_headers() {
    let t = template();
    let r = resources(&t);
    let bucket = &r["WebBucket"]["Properties"];
    for block in [
        "BlockPublicAcls",
        "BlockPublicPolicy",
        "IgnorePublicAcls",
        "RestrictPublicBuckets",
    ] {
        assert_eq!(bucket["PublicAccessBlockConfiguration"][block], true, "{block}");
    }
    assert!(
        bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"][0]["ServerSideEncryptionByDefault"]
            ["SSEAlgorithm"]
            .is_string()
    );
    let oac = &r["WebOriginAccessControl"]["Properties"]["OriginAccessControlConfig"];
    assert_eq!(
        (
            oac["OriginAccessControlOriginType"].as_str(),
            oac["SigningBehavior"].as_str()
        ),
        (Some("s3"), Some("always"))
    );

    let d = &r["WebDistribution"]["Properties"]["DistributionConfig"];
    assert!(
        d.get("CustomErrorResponses").is_none(),
        "error responses would turn the API's 404 problem documents into the app"
    );
    let origin = |id: &str| {
        d["Origins"]
            .as_sequence()
            .unwrap()
            .iter()
            .find(|o| o["Id"] == id)
            .unwrap_or_else(|| panic!("origin {id}"))
            .clone()
    };
    let web_origin = origin("web");
    assert_eq!(
        tagged("!GetAtt", &web_origin["DomainName"]).as_deref(),
        Some("WebBucket.RegionalDomainName")
    );
    assert_eq!(
        tagged("!GetAtt", &web_origin["OriginAccessControlId"]).as_deref(),
        Some("WebOriginAccessControl.Id"),
        "the bucket is read through OAC"
    );
    let api_origin = origin("api");
    assert!(tagged("!Sub", &api_origin["DomainName"]).is_some_and(|d| d.starts_with("${HttpApi}.execute-api.")));
    assert_eq!(api_origin["CustomOriginConfig"]["OriginProtocolPolicy"], "https-only");

    let default = &d["DefaultCacheBehavior"];
    assert_eq!(default["TargetOriginId"], "web");
    let function = &default["FunctionAssociations"][0];
    assert_eq!(function["EventType"], "viewer-request");
    assert_eq!(
        tagged("!GetAtt", &function["FunctionARN"]).as_deref(),
        Some("SpaRewriteFunction.FunctionMetadata.FunctionARN")
    );
    let code = r["SpaRewriteFunction"]["Properties"]["FunctionCode"]
        .as_str()
        .expect("function code");
    for part in ["'/portal/'", "'/admin/'", "'/openapi.json'", "'/index.html'"] {
        assert!(
            code.contains(part),
            "the rewrite leaves the API alone and sends app routes to index.html: {part}"
        );
    }

    let behaviours = d["CacheBehaviors"].as_sequence().expect("CacheBehaviors");
    let mut all = vec![default];
    for pattern in ["/portal/*", "/admin/*"] {
        let b = behaviours
            .iter()
            .find(|b| b["PathPattern"] == pattern)
            .unwrap_or_else(|| panic!("no behaviour for {pattern}"));
        assert_eq!(b["TargetOriginId"], "api", "{pattern}");
        assert_eq!(
            b["CachePolicyId"], "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
            "{pattern} uncached (CachingDisabled)"
        );
        assert_eq!(
            b["OriginRequestPolicyId"], "b689b0a8-53d0-40ab-baf2-68738e2966ac",
            "{pattern} forwards every header but Host"
        );
        assert_eq!(b["ViewerProtocolPolicy"], "https-only", "{pattern}");
        let methods: Vec<&str> = b["AllowedMethods"]
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(|m| m.as_str())
            .collect();
        assert!(
            ["GET", "POST", "PUT", "DELETE"].iter().all(|m| methods.contains(m)),
            "{pattern}: {methods:?}"
        );
        all.push(b);
    }
    for (_, path, _) in functions::routes() {
        assert!(
            path.starts_with("/portal/") || path.starts_with("/admin/"),
            "{path} reaches no API behaviour"
        );
    }
    for b in &all {
        assert_eq!(
            tagged_ref(&b["ResponseHeadersPolicyId"]).as_deref(),
            Some("WebSecurityHeaders"),
            "every behaviour carries the security headers"
        );
    }

    let policy = &r["WebBucketPolicy"]["Properties"]["PolicyDocument"]["Statement"][0];
    assert_eq!(policy["Principal"]["Service"], "cloudfront.amazonaws.com");
    assert!(
        tagged("!Sub", &policy["Condition"]["StringEquals"]["AWS:SourceArn"])
            .is_some_and(|a| a.ends_with(":distribution/${WebDistribution}")),
        "this distribution only"
    );

    let headers = &r["WebSecurityHeaders"]["Properties"]["ResponseHeadersPolicyConfig"]["SecurityHeadersConfig"];
    let csp = tagged("!Sub", &headers["ContentSecurityPolicy"]["ContentSecurityPolicy"]).expect("CSP");
    assert_eq!(
        csp,
        web::content_security_policy("https://${DocumentsBucket.RegionalDomainName}"),
        "CloudFront's CSP is the local gateway's"
    );
    let hsts = &headers["StrictTransportSecurity"];
    let expected_hsts = format!(
        "max-age={}{}{}",
        hsts["AccessControlMaxAgeSec"].as_i64().unwrap_or_default(),
        if hsts["IncludeSubdomains"] == true {
            "; includeSubDomains"
        } else {
            ""
        },
        if hsts["Preload"] == true { "; preload" } else { "" },
    );
    assert_eq!(expected_hsts, web::STRICT_TRANSPORT_SECURITY);
    assert_eq!(
        headers["FrameOptions"]["FrameOption"].as_str(),
        Some(web::FRAME_OPTIONS)
    );
    assert_eq!(
        headers["ReferrerPolicy"]["ReferrerPolicy"].as_str(),
        Some(web::REFERRER_POLICY)
    );
    assert_eq!(headers["ContentTypeOptions"]["Override"], true);
    for part in [
        "ContentSecurityPolicy",
        "StrictTransportSecurity",
        "FrameOptions",
        "ReferrerPolicy",
    ] {
        assert_eq!(headers[part]["Override"], true, "{part} overrides the origin's");
    }
    for output in ["WebUrl", "WebBucketName", "WebDistributionId"] {
        assert!(t["Outputs"].get(output).is_some(), "output {output}");
    }
}

#[test]
fn the_committed_openapi_document_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../infra/openapi.json");
    let committed: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("infra/openapi.json")).expect("json");
    let generated = serde_json::to_value(functions::openapi_document()).expect("json");
    assert!(
        committed == generated,
        "infra/openapi.json is stale: run `localstack/portal-local.sh openapi > infra/openapi.json`"
    );
    assert_eq!(generated["openapi"], "3.1.0");
}

/// What a client generator needs: every operation named once, every schema it refers to defined.
#[test]
fn operation_ids_are_unique_and_every_reference_resolves() {
    let doc = serde_json::to_value(functions::openapi_document()).expect("json");
    let mut ids = std::collections::BTreeMap::<String, Vec<String>>::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            let id = op["operationId"]
                .as_str()
                .unwrap_or_else(|| panic!("{method} {path} has no operationId"));
            ids.entry(id.to_owned()).or_default().push(format!("{method} {path}"));
        }
    }
    let shared: Vec<_> = ids.iter().filter(|(_, ops)| ops.len() > 1).collect();
    assert!(shared.is_empty(), "operationIds used more than once: {shared:?}");
    assert!(
        ids.contains_key("tickets_portal_list") && ids.contains_key("auth_login_mfa"),
        "ids are <function>_<audience>_<handler>"
    );

    fn refs(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(r) = m.get("$ref").and_then(|r| r.as_str()) {
                    out.push(r.to_owned());
                }
                m.values().for_each(|v| refs(v, out));
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut all = Vec::new();
    refs(&doc, &mut all);
    assert!(all.iter().any(|r| r == "#/components/schemas/Problem"));
    for r in all {
        let name = r
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("unexpected reference {r}"));
        assert!(
            doc["components"]["schemas"].get(name).is_some(),
            "{r} is referenced but not defined"
        );
    }
}
