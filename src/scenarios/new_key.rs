//! What every scenario does right after `create-key`: turn on automatic rotation (AWS Security
//! Hub control KMS.4, checkov CKV_AWS_7) and give the key an alias named after what it protects,
//! so the key can be found in the console without its ID.

use super::step::operation::{KMS_CREATE_ALIAS, KMS_ENABLE_KEY_ROTATION};
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

/// The lines after `create-key`: rotation on for the key in `$KEY_ARN`, then the alias.
pub fn rotation_and_alias(region: &str, alias: &str) -> Vec<Line> {
    vec![
        AwsCall::new(&KMS_ENABLE_KEY_ROTATION).region(region).var("key-id", "KEY_ARN").into(),
        // On a second run the alias exists already and names this key (create_key reused it).
        AwsCall::new(&KMS_CREATE_ALIAS)
            .region(region)
            .text("alias-name", alias)
            .var("target-key-id", "KEY_ARN")
            .unless_error("create-alias.err", "AlreadyExistsException")
            .into(),
    ]
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
    fn the_step_rotates_then_names_the_new_key() {
        let step = crate::scenarios::Step::new("Turn on rotation", rotation_and_alias("us-east-1", "alias/cloudwatch-logs/app"));
        let lines: Vec<&str> = step.command.lines().collect();
        assert_eq!(lines[0], "aws kms enable-key-rotation --region us-east-1 --key-id \"$KEY_ARN\"");
        assert_eq!(
            lines[1],
            "aws kms create-alias --region us-east-1 --alias-name alias/cloudwatch-logs/app --target-key-id \"$KEY_ARN\" 2> create-alias.err \\"
        );
        // A second run finds the alias in place, naming the key create_key reused.
        assert_eq!(lines[2], "  || { cat create-alias.err >&2; grep -q AlreadyExistsException create-alias.err; }");
        let events: Vec<&str> = step.events.iter().map(|e| e.name).collect();
        assert_eq!(events, ["EnableKeyRotation", "CreateAlias"]);
    }
}
