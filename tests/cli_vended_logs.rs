//! `cwlogs-policy build vended-logs` for the service-specific cases of issue 11: what the
//! command prints (or refuses, exit 2) for CloudFront, V2 sources, Step Functions and exports.

use serde_json::Value;
use std::process::{Command, Output};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cwlogs-policy")).args(args).output().expect("run cwlogs-policy")
}

fn build(args: &[&str]) -> (Option<i32>, Value, String) {
    let out = cli(&[&["build", "vended-logs"], args].concat());
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code(), json, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Every step command, joined.
fn commands(bundle: &Value) -> String {
    bundle["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| s["command"].as_str().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_v2_service_without_a_resource_gets_its_own_example_resource() {
    let (code, bundle, err) = build(&["--service", "iam-identity-center"]);
    assert_eq!(code, Some(0), "{err}");
    let steps = commands(&bundle);
    assert!(
        steps.contains("--log-type ERROR_LOGS --resource-arn arn:aws:sso:::instance/ssoins-1234567890abcdef"),
        "{steps}"
    );
    assert!(!steps.contains("arn:aws:bedrock:"), "{steps}");
    let (code, bundle, err) = build(&["--service", "codewhisperer", "--region", "eu-west-1"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(commands(&bundle).contains("--resource-arn arn:aws:codewhisperer:eu-west-1:111122223333:profile/"));
}

#[test]
fn a_v2_resource_of_another_service_or_region_is_refused() {
    for (args, words) in [
        (
            vec!["--service", "codewhisperer", "--source-resource-arn", "arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KB1"],
            "this is a bedrock ARN",
        ),
        (vec!["--source-resource-arn", "arn:aws:s3:::x"], "this is a s3 ARN"),
        (
            vec!["--source-resource-arn", "arn:aws:bedrock:eu-west-1:111122223333:knowledge-base/KB1"],
            "the resource is in eu-west-1",
        ),
    ] {
        let (code, bundle, err) = build(&args);
        assert_eq!(code, Some(2), "{args:?}: {err}");
        assert!(bundle.is_null(), "{args:?}: nothing on standard output");
        assert!(err.contains(&format!("error: --source-resource-arn: ")) && err.contains(words), "{args:?}: {err}");
    }
}

fn document<'b>(bundle: &'b Value, file: &str) -> Option<&'b Value> {
    bundle["documents"].as_array()?.iter().find(|d| d["file_name"] == file)
}

fn notes(bundle: &Value) -> String {
    bundle["notes"].as_array().into_iter().flatten().filter_map(Value::as_str).collect::<Vec<_>>().join("\n")
}

#[test]
fn cloudfront_v2_lives_in_us_east_1() {
    let base = ["--service", "cloudfront-access-logs", "--destination", "s3", "--bucket", "cf-logs-bucket"];
    let (code, bundle, err) = build(&[&base[..], &["--region", "us-west-2"]].concat());
    assert_eq!(code, Some(2), "{err}");
    assert!(bundle.is_null());
    assert!(err.contains("error: --region: ") && err.contains("us-east-1"), "{err}");

    let (code, bundle, err) = build(&[&base[..], &["--region", "us-east-1"]].concat());
    assert_eq!(code, Some(0), "{err}");
    let steps = commands(&bundle);
    assert!(
        steps.contains("aws logs put-delivery-source --region us-east-1 --name my-delivery-source --log-type ACCESS_LOGS --resource-arn arn:aws:cloudfront::111122223333:distribution/"),
        "{steps}"
    );
    let policy = document(&bundle, "bucket-policy.json").expect("a V2 bucket policy")["policy"].to_string();
    assert!(policy.contains("arn:aws:logs:us-east-1:111122223333:delivery-source:*"), "{policy}");
}

#[test]
fn acl_based_s3_delivery_gets_acl_steps_not_the_delivery_bucket_policy() {
    for service in ["cloudfront-legacy-logs", "ec2-spot-data-feed"] {
        let (code, bundle, err) = build(&[
            "--service", service, "--destination", "s3", "--bucket", "cf-logs-bucket", "--region", "us-west-2",
        ]);
        assert_eq!(code, Some(0), "{service}: {err}");
        assert!(document(&bundle, "bucket-policy.json").is_none(), "{service}: {bundle:#}");
        assert!(!bundle["documents"].to_string().contains("delivery.logs.amazonaws.com"), "{service}");
        let steps = commands(&bundle);
        assert!(
            steps.contains("aws s3api put-bucket-ownership-controls --bucket cf-logs-bucket --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerPreferred}]'"),
            "{service}: {steps}"
        );
        assert!(steps.contains("aws s3api get-bucket-acl --bucket cf-logs-bucket"), "{service}: {steps}");
        assert!(!steps.contains("arn:aws:logs:"), "{service}: no delivery ARN: {steps}");
        let setup = document(&bundle, "setup-permissions.json").expect("setup")["policy"].to_string();
        assert!(setup.contains("s3:PutBucketAcl") && setup.contains("s3:GetBucketAcl"), "{setup}");
        assert!(notes(&bundle).contains("nverified"), "{service}: {}", notes(&bundle));
    }
}

#[test]
fn step_functions_is_given_the_log_group_arn_ending_in_colon_star() {
    let (code, bundle, err) = build(&["--service", "step-functions", "--log-group", "/aws/vendedlogs/states/orders"]);
    assert_eq!(code, Some(0), "{err}");
    let steps = commands(&bundle);
    assert!(
        steps.contains("#   arn:aws:logs:us-east-1:111122223333:log-group:/aws/vendedlogs/states/orders:* "),
        "{steps}"
    );
}

#[test]
fn a_key_arn_the_destination_does_not_use_is_a_warning_naming_the_field() {
    let key = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    for destination in ["cloudwatch-logs", "firehose"] {
        let (code, bundle, err) = build(&["--service", "vpc-lattice", "--destination", destination, "--key-arn", key]);
        assert_eq!(code, Some(0), "{err}");
        assert!(err.contains("warning: --key-arn: "), "{destination}: {err}");
        assert!(!bundle["documents"].to_string().contains("kms:"), "{destination}");
    }
}
