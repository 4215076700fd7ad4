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
