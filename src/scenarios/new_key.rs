//! What every scenario does with a key it makes: give it an alias named after what it protects,
//! so the key can be found in the console without its ID and a second run finds it (the alias
//! call follows `create-key` directly, in `step::key_policy::create_key`), then turn on automatic
//! rotation (AWS Security Hub control KMS.4, checkov CKV_AWS_7).

use super::step::operation::KMS_ENABLE_KEY_ROTATION;
use super::fingerprint::fingerprint;
use super::step::{AwsCall, Line};

/// AWS's limit on a whole alias name, `alias/` included (KMS CreateAlias API reference).
const MAX_ALIAS: usize = 256;

/// `alias/{prefix}/{name}` with every character KMS refuses in an alias (anything but letters,
/// digits, `/`, `_` and `-`) replaced by `-`, no empty path segment, and at most 256 characters.
/// When that changed the name (`app.prod` and `app-prod`, `/a` and `a`, two long names with one
/// start), `-` and the fingerprint of the name as given end the alias: KMS refuses a second alias
/// of one name, and a run that fails there leaves a new, billed key behind.
/// `prefix` is ours and never `aws`, the prefix KMS keeps for AWS managed keys.
pub fn alias_name(prefix: &str, name: &str) -> String {
    debug_assert!(!prefix.is_empty() && prefix != "aws");
    let cleaned: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '/' { c } else { '-' })
        .collect();
    let segments: Vec<&str> = cleaned.split('/').filter(|s| !s.is_empty()).collect();
    let mut alias = format!("alias/{prefix}");
    if !segments.is_empty() {
        alias.push('/');
        alias.push_str(&segments.join("/"));
    }
    if segments.join("/") == name && alias.len() <= MAX_ALIAS {
        return alias;
    }
    let tag = format!("-{}", fingerprint(name));
    alias.truncate(MAX_ALIAS - tag.len());
    let mut alias = alias.trim_end_matches('/').to_owned();
    alias.push_str(&tag);
    alias
}

/// Rotation on for the key in `$KEY_ARN` (new, or the one its alias named on a second run:
/// turning rotation on again is no error).
pub fn rotation(region: &str) -> Vec<Line> {
    vec![AwsCall::new(&KMS_ENABLE_KEY_ROTATION).region(region).var("key-id", "KEY_ARN").into()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_alias_keeps_only_what_kms_accepts() {
        assert_eq!(alias_name("cloudwatch-logs", "aws/lambda/orders"), "alias/cloudwatch-logs/aws/lambda/orders");
        assert_eq!(alias_name("cloudwatch-logs", "app-prod"), "alias/cloudwatch-logs/app-prod");
        let tagged = |name: &str, cleaned: &str| format!("alias/cloudwatch-logs/{cleaned}-{}", fingerprint(name));
        assert_eq!(alias_name("cloudwatch-logs", "/aws/lambda/orders"), tagged("/aws/lambda/orders", "aws/lambda/orders"));
        assert_eq!(alias_name("cloudwatch-logs", "app.log#1"), tagged("app.log#1", "app-log-1"));
        assert_eq!(alias_name("cloudwatch-logs", "//a//b/"), tagged("//a//b/", "a/b"));
        assert_eq!(alias_name("cloudwatch-logs", ""), "alias/cloudwatch-logs");
        let long = alias_name("cloudwatch-logs", &"x/".repeat(300));
        assert!(long.len() <= 256 && !long.ends_with('/'), "{long}");
        for name in ["é", "a b", "x:y", "a.b.c"] {
            let alias = alias_name("p", name);
            assert!(alias.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_-".contains(&b)), "{alias}");
            assert!(!alias.starts_with("alias/aws/"));
        }
    }

    /// Distinct names give distinct aliases, over names that clean to one another and long names
    /// that share their first 256 characters.
    #[test]
    fn distinct_names_give_distinct_aliases() {
        let long = "g/".repeat(200);
        let names: Vec<String> = [
            "app-prod", "app.prod", "app#prod", "app prod", "app/prod", "/app/prod", "app//prod", "app/prod/",
            "query-results", "a", "A", "a_b", "a-b", "a.b", "",
        ]
        .iter()
        .map(|s| s.to_string())
        .chain(["x", "y", "x.", "y."].iter().map(|t| format!("{long}{t}")))
        .collect();
        let mut seen = std::collections::HashMap::new();
        for name in &names {
            let alias = alias_name("cloudwatch-logs", name);
            assert!(alias.len() <= MAX_ALIAS, "{alias}");
            assert!(alias.bytes().all(|b| b.is_ascii_alphanumeric() || b"/_-".contains(&b)), "{alias}");
            if let Some(other) = seen.insert(alias.clone(), name) {
                panic!("{other:?} and {name:?} both give {alias}");
            }
        }
    }

    #[test]
    fn a_new_key_is_named_by_the_call_after_create_key() {
        let lines = crate::scenarios::step::key_policy::create_key("us-east-1", "d", "key-policy.json", "alias/cloudwatch-logs/app");
        let step = crate::scenarios::Step::new("Create the key", lines);
        let calls: Vec<&str> = step.calls().iter().map(|c| c.operation.cli).collect();
        assert_eq!(calls, ["describe-key", "create-key", "create-alias"]);
        let rendered: Vec<&str> = step.command.lines().collect();
        let create = rendered.iter().position(|l| l.contains("aws kms create-key")).unwrap();
        let alias = rendered.iter().position(|l| l.starts_with("aws kms create-alias")).unwrap();
        assert_eq!(
            rendered[alias],
            "aws kms create-alias --region us-east-1 --alias-name alias/cloudwatch-logs/app --target-key-id \"$KEY_ARN\""
        );
        // Only continuation lines of create-key between the two.
        assert!(rendered[create + 1..alias].iter().all(|l| l.starts_with("  ")), "{}", step.command);
        let rotation = crate::scenarios::Step::new("Rotate", rotation("us-east-1"));
        assert_eq!(rotation.command, "aws kms enable-key-rotation --region us-east-1 --key-id \"$KEY_ARN\"");
    }
}
