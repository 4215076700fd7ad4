//! IAM027: a condition value that cannot be a value of its key (a VPC id, a Region, one Boolean).

use crate::catalog::iam::{wildcard, Family};
use crate::catalog::Partition;
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};
use crate::message::ids;

crate::declare_rule! {
    /// A condition value does not have the form of its key's values.
    ///
    /// ## What it does
    /// Checks values whose form AWS fixes: `aws:SourceVpc` is a VPC id (`vpc-` and hexadecimal
    /// digits), `aws:SourceVpce` a VPC endpoint id (`vpce-` and hexadecimal digits),
    /// `aws:RequestedRegion` a Region code (`eu-west-1`: letters, a direction, a digit; checked by
    /// its form, so a Region newer than this tool passes), and a `Bool` condition holds one
    /// value, not `["true", "false"]`. Values with wildcards or policy variables are not judged;
    /// other keys' values are IAM021's.
    ///
    /// ## Why it matters
    /// A request never carries such a value, so the condition never matches: an Allow never
    /// applies, a Deny on `aws:SourceVpc` never protects. A `Bool` with both values matches every
    /// request, which is rarely what was meant. IAM Access Analyzer reports these as errors
    /// (`Invalid vpc format`, `Invalid vpce format`, `Invalid Region`, `Invalid condition multiple
    /// Boolean`).
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "DenyOutsideVpce", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::my-logs", "arn:aws:s3:::my-logs/*"], "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpc-1a2b3c4d"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "DenyOutsideVpce", "Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::my-logs", "arn:aws:s3:::my-logs/*"], "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1a2b3c4d"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourcevpc
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion
    /// - IAM Access Analyzer checks (errors):
    ///   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM027",
        name: "condition-value-form",
        severity: Error,
        check: check,
    }
}

fn hex_id(value: &str, prefix: &str) -> bool {
    value
        .strip_prefix(prefix)
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// What a value of `key` must look like, when this rule knows, and whether `value` does.
fn form_of(key: &str, value: &str) -> Option<(&'static str, bool)> {
    match key.to_ascii_lowercase().as_str() {
        "aws:sourcevpc" => Some(("a VPC id such as vpc-1a2b3c4d", hex_id(value, "vpc-"))),
        "aws:sourcevpce" => Some(("a VPC endpoint id such as vpce-1a2b3c4d", hex_id(value, "vpce-"))),
        "aws:requestedregion" => Some(("a Region code such as eu-west-1", Partition::of_region(value).is_some())),
        _ => None,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for e in node.operator_entries() {
            let values = &e.entry.values.items;
            if e.operator.family == Family::Bool && values.len() > 1 {
                out.push(
                    Diagnostic::new(&RULE, ids::condition_value_form(&escape_string(e.key()), &values.len()))
                        .at(e.entry.values.span)
                        .path(e.path(None))
                        .help(ids::condition_value_form_help()),
                );
                continue;
            }
            if e.operator.family != Family::String {
                continue;
            }
            for (i, value) in values.iter().enumerate() {
                let v = value.value.as_str();
                if wildcard::has_wildcard(v) || v.contains("${") {
                    continue;
                }
                let Some((form, false)) = form_of(e.key(), v) else {
                    continue;
                };
                out.push(
                    Diagnostic::new(&RULE, ids::condition_value_form_2(&escape_string(v), &form, &escape_string(e.key())))
                        .at(value.span)
                        .path(e.path(Some(i))),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    #[test]
    fn table() {
        assert_fails(
            &RULE,
            Bucket,
            &[
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceVpc": "vpce-1a2b3c4d"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringNotEquals": {"aws:SourceVpce": ["vpce-1a2b", "vpc-1a2b"]}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:RequestedRegion": "Ireland"}}}]}"#,
                r#"{"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": ["true", "false"]}}}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Bucket,
            &[
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceVpc": "vpc-111bbb22", "aws:SourceVpce": "vpce-1a2b3c4d5e6f78901", "aws:RequestedRegion": ["eu-west-1", "us-gov-west-1", "cn-north-1"]}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringLike": {"aws:SourceVpce": "vpce-*"}, "Bool": {"aws:SecureTransport": "false"}}}]}"#,
            ],
        );
    }

    /// AWS's pages a naive check would flag: a Region it does not list yet (checked by form), and
    /// `aws:SourceVpc` compared with a variable.
    #[test]
    fn aws_documented_values_pass() {
        let newer_region = r#"{"Statement": [{"Effect": "Deny", "NotAction": ["iam:*", "sts:*"], "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-central-1", "eu-west-9"]}}}]}"#;
        let variable = r#"{"Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:SourceVpc": "${aws:PrincipalTag/vpc}"}}}]}"#;
        assert_passes(&RULE, Identity, &[newer_region, variable]);
        let text = r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceVpc": "vpce-1a2b3c4d"}}}]}"#;
        let found = findings(&RULE, Bucket, text);
        assert_eq!(flagged(text, &found[0]), "\"vpce-1a2b3c4d\"");
        assert_eq!(found[0].message, "\"vpce-1a2b3c4d\" is not a VPC id such as vpc-1a2b3c4d, so \"aws:SourceVpc\" never has this value");
    }
}
