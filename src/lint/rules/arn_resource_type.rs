//! IAM024: a `Resource` ARN that has the form of none of its service's resource types.

use crate::catalog::iam::{self, wildcard};
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};

use super::unknown_service::dataset_label;
use crate::message::ids;

crate::declare_rule! {
    /// A `Resource` ARN matches the ARN format of none of its service's resource types.
    ///
    /// ## What it does
    /// For each `Resource` and `NotResource` value that is an ARN of a service whose resource
    /// types the catalogue details (kms, logs, s3, firehose, iam, sts), checks that it can name
    /// a resource of one of them (sts excepted: the reference files its session ARNs under iam),
    /// by the ARN formats of AWS's Service Authorization Reference:
    /// `arn:aws:kms:us-east-1:111122223333:key/…` and `…:alias/…` are KMS resources,
    /// `arn:aws:kms:us-east-1:111122223333:keys/…` is none, nor is a key ARN without its Region
    /// (`arn:aws:kms::111122223333:key/…`). Wildcards and policy variables match
    /// what they can stand for, so `arn:aws:logs:*:*:*` and `arn:aws:s3:::${aws:username}-logs`
    /// pass; a log group ARN may end in `:*` (the form CloudWatch Logs documents). A service
    /// field with a wildcard or variable, and services the catalogue does not detail, are not
    /// judged; a malformed ARN is IAM009's, a bucket name S3 refuses IAM036's.
    ///
    /// ## Why it matters
    /// IAM compares `Resource` with the ARN of the resource a request acts on; an ARN of a form
    /// no resource has matches nothing, so the statement never applies to any request. IAM
    /// Access Analyzer reports this as an error (`Invalid ARN resource`).
    ///
    /// ## Example
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "arn:aws:kms:us-east-1:111122223333:keys/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
    /// - IAM Access Analyzer check "Error – Invalid ARN resource":
    ///   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM024",
        name: "arn-resource-type",
        severity: Error,
        check: check,
    }
}

/// Services whose ARNs the reference does not describe: it files the STS session
/// (`arn:aws:sts::…:assumed-role/ROLE/SESSION`) as an `iam:` ARN, so STS ARNs are not judged.
const NOT_JUDGED: [&str; 1] = ["sts"];

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for (element, item) in node.resource_values() {
            let value = item.value.as_str();
            let mut fields = value.splitn(4, ':');
            let (Some("arn"), Some(_), Some(prefix)) = (fields.next(), fields.next(), fields.next()) else {
                continue;
            };
            if fields.next().is_none() || wildcard::has_wildcard(prefix) || prefix.contains('$') {
                continue;
            }
            let Some(service) = iam::service(prefix).filter(|s| s.detailed && !s.resource_types.is_empty()) else {
                continue;
            };
            // The reference files some types under another service than their ARN names (the
            // account root `arn:…:iam::…:root` under sts), so every detailed service's formats count.
            let detailed = iam::services().iter().filter(|s| s.detailed);
            if NOT_JUDGED.contains(&service.prefix)
                || detailed.flat_map(|s| &s.resource_types).any(|kind| kind.admits(value))
            {
                continue;
            }
            let mut forms: Vec<&str> = service.resource_types.iter().map(|k| k.arn).collect();
            forms.sort_by_key(|f| f.len());
            out.push(
                Diagnostic::new(
                    &RULE,
                    ids::arn_resource_type(&escape_string(value), &service.prefix),
                )
                .at(item.span)
                .path(node.path_to(element))
                .help(ids::arn_resource_type_help(&service.prefix, &forms.iter().take(3).copied().collect::<Vec<_>>().join(", ")))
                .note(ids::arn_resource_type_note(&dataset_label())),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    fn resource(arn: &str) -> String {
        format!(r#"{{"Statement": [{{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["{arn}"]}}]}}"#)
    }

    #[test]
    fn table() {
        let fails: Vec<String> = [
            "arn:aws:kms:us-east-1:111122223333:keys/k",
            "arn:aws:logs:us-east-1:111122223333:loggroup:app",
            "arn:aws:iam::111122223333:roles/app",
            "arn:aws:firehose:us-east-1:111122223333:stream/s",
            // AA's "Missing ARN Region": a KMS key always names its Region and account.
            "arn:aws:kms::111122223333:key/k",
        ]
        .iter()
        .map(|a| resource(a))
        .collect();
        assert_fails(&RULE, Identity, &fails.iter().map(String::as_str).collect::<Vec<_>>());
        let passes: Vec<String> = [
            "*",
            "arn:aws:kms:us-east-1:111122223333:key/k",
            "arn:aws:kms:us-east-1:111122223333:alias/aws/s3",
            "arn:aws:logs:*:*:*",
            "arn:aws:logs:us-east-1:111122223333:log-group:/app/x:*",
            "arn:aws:s3:::${aws:username}-logs/*",
            "arn:aws:iam::111122223333:role/service-role/app",
            "arn:aws:iam::111122223333:root",
            "arn:aws:sts::111122223333:assumed-role/r/s",
            "arn:aws:ec2:us-east-1:111122223333:instance/i-1",
            "arn:aws:*:us-east-1:111122223333:anything",
            "not-an-arn",
        ]
        .iter()
        .map(|a| resource(a))
        .collect();
        assert_passes(&RULE, Identity, &passes.iter().map(String::as_str).collect::<Vec<_>>());
    }

    /// Valid ARNs from AWS's pages that a check comparing ARNs with the formats as plain text
    /// (no wildcards, no `:*` suffix, no variables) would flag.
    #[test]
    fn aws_documented_arns_pass() {
        let documented = [
            // CloudWatch Logs: a log group ARN with the `:*` its API reports.
            "arn:aws:logs:us-east-1:111122223333:log-group:my-log-group:*",
            // vended logs (domain-facts §4.2): every delivery source of the account.
            "arn:aws:logs:us-east-1:111122223333:delivery-source:*",
            // IAM user guide: each user's own folder.
            "arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*",
            // KMS: every key of an account by pattern.
            "arn:aws:kms:*:111122223333:key/*",
        ];
        let texts: Vec<String> = documented.iter().map(|a| resource(a)).collect();
        assert_passes(&RULE, Identity, &texts.iter().map(String::as_str).collect::<Vec<_>>());
        let text = resource("arn:aws:kms:us-east-1:111122223333:keys/k");
        let found = findings(&RULE, Identity, &text);
        assert_eq!(flagged(&text, &found[0]), "\"arn:aws:kms:us-east-1:111122223333:keys/k\"");
        assert_eq!(found[0].path, "Statement[0].Resource");
    }
}
