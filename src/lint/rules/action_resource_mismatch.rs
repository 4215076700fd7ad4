//! IAM022: an action that acts on no resource its statement names (`s3:GetBucketAcl` on objects).

use crate::catalog::iam::{self, wildcard};
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};
use crate::policy::Effect;

use super::unknown_service::dataset_label;
use crate::message::ids;

crate::declare_rule! {
    /// An action applies to none of the resources its statement names.
    ///
    /// ## What it does
    /// For each action of a statement with `Action` and `Resource`, looks up in AWS's Service
    /// Authorization Reference the resource types the action acts on and their ARN formats,
    /// and checks that at least one `Resource` value can name a resource of one of those types:
    /// `s3:GetBucketAcl` acts on buckets (`arn:${Partition}:s3:::${BucketName}`), so
    /// `arn:aws:s3:::b/*`, which names only objects, never matches it. `*` and `?` in a `Resource` value and
    /// policy variables (`${aws:username}`, which can stand for anything) are read as the
    /// patterns they are; an action pattern (`s3:Get*`) is flagged only when none of the actions
    /// it matches applies. An action the reference gives no resource type is not judged: AWS's
    /// own vended-logs policy grants `logs:PutResourcePolicy` on `arn:aws:logs:REGION:ACCOUNT:*`,
    /// and the reference may lag behind actions that gained resource-level permissions.
    /// It says nothing when it cannot be sure: `NotAction` (the statement
    /// names no action it must apply to), `NotResource` (the statement covers every resource but
    /// a few), a service whose resource types the catalogue does not detail, an unknown action
    /// (IAM013 and IAM014 report those). A log group ARN with or without `:*` is accepted for
    /// log-group actions; CWL012 judges that form.
    ///
    /// ## Why it matters
    /// IAM matches the request's resource against `Resource`: a call on a bucket is never matched
    /// by an object ARN, so the statement never allows (or denies) that call, whatever else it
    /// says. An Allow fails at the first real request; a Deny leaves open what it seems to close.
    /// IAM Access Analyzer has no check for this; it is an error because the action part of the
    /// statement cannot work.
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AllowGetBucketAcl", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::my-exported-logs/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AllowGetBucketAcl", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::my-exported-logs", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
    /// - https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-with-s3-policy-actions.html
    pub static RULE = {
        code: "IAM022",
        name: "action-resource-mismatch",
        severity: Error,
        check: check,
    }
}

/// Resource types the reference leaves out of an action that the action's API plainly acts on:
/// (service, action, resource type). The reference lists only `delivery-destination` for
/// `logs:DeleteDeliverySource`, whose one parameter is the delivery source's name (API
/// reference), and AWS's vended-logs permissions grant it on `delivery-source` ARNs.
const ALSO_ACTS_ON: &[(&str, &str, &str)] = &[("logs", "DeleteDeliverySource", "delivery-source")];

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let statement = node.statement;
        let (Some(actions), Some(resources)) = (&statement.action, &statement.resource) else {
            continue;
        };
        let resources: Vec<&str> = resources.values().collect();
        // `"*"` names every resource, the request's `*` of actions without resource types too.
        if resources.is_empty() || resources.iter().any(|r| wildcard::matches(r, "*")) || actions.items.is_empty() {
            continue;
        }
        for value in node.action_values() {
            let Some((service, _, name)) = value.catalogued() else {
                continue;
            };
            if !service.detailed {
                continue;
            }
            let matched: Vec<&iam::Action> = if wildcard::has_wildcard(name) {
                service.actions_matching(name).collect()
            } else {
                service.action(name).into_iter().collect()
            };
            let admitted = |type_name: &str| match service.resource_type(type_name) {
                Some(kind) => resources.iter().any(|r| kind.admits(r)),
                None => true,
            };
            let applies = |action: &&iam::Action| {
                action.resource_types.is_empty()
                    || action.resource_types.iter().any(|used| admitted(used.name))
                    || ALSO_ACTS_ON
                        .iter()
                        .any(|(s, a, t)| *s == service.prefix && *a == action.name && admitted(t))
            };
            if matched.is_empty() || matched.iter().any(applies) {
                continue;
            }
            out.push(diagnostic(&node, &value, service, &matched));
        }
    }
}

fn diagnostic(
    node: &crate::lint::StatementNode,
    value: &crate::lint::context::ActionValue,
    service: &iam::Service,
    matched: &[&iam::Action],
) -> Diagnostic {
    let verb = if node.statement.effect() == Some(Effect::Deny) { "denies" } else { "allows" };
    // Required types first, then the plainest ARN form (a bucket before an access point).
    let mut types: Vec<(bool, &str)> = Vec::new();
    for used in matched.iter().flat_map(|a| &a.resource_types) {
        if let Some(kind) = service.resource_type(used.name) {
            if !types.iter().any(|(_, arn)| *arn == kind.arn) {
                types.push((!used.required, kind.arn));
            }
        }
    }
    types.sort_by_key(|(optional, arn)| (*optional, arn.len()));
    let types: Vec<&str> = types.into_iter().map(|(_, arn)| arn).collect();
    let action = escape_string(&value.item.value);
    let shown: Vec<&str> = types.iter().take(3).copied().collect();
    let message = ids::action_resource_mismatch(&action, &shown.join(" or "), &verb);
    let help = ids::action_resource_mismatch_2(&shown.first().copied().unwrap_or("the action's resource type"));
    Diagnostic::new(&RULE, message)
        .at(value.item.span)
        .path(value.path())
        .help(help)
        .note(ids::action_resource_mismatch_note(&dataset_label()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    fn statement(action: &str, resource: &str) -> String {
        format!(r#"{{"Statement": [{{"Effect": "Allow", "Action": {action}, "Resource": {resource}}}]}}"#)
    }

    #[test]
    fn table() {
        let fails = [
            statement(r#""s3:GetBucketAcl""#, r#""arn:aws:s3:::b/*""#),
            statement(r#""s3:GetObject""#, r#""arn:aws:s3:::b""#),
            statement(r#""s3:ListBucket""#, r#"["arn:aws:s3:::b/*", "arn:aws:s3:::c/*"]"#),
            statement(r#""kms:Decrypt""#, r#""arn:aws:s3:::b""#),
            statement(r#""logs:PutLogEvents""#, r#""arn:aws:logs:us-east-1:111122223333:log-group:app""#),
            statement(r#""s3:GetBucket*""#, r#""arn:aws:s3:::b/*""#),
            statement(r#"["s3:PutObject", "s3:GetBucketAcl"]"#, r#""arn:aws:s3:::b/AWSLogs/*""#),
        ];
        assert_fails(&RULE, Identity, &fails.iter().map(String::as_str).collect::<Vec<_>>());
        let passes = [
            statement(r#""s3:GetBucketAcl""#, r#""arn:aws:s3:::b""#),
            statement(r#""s3:*""#, r#""arn:aws:s3:::b/*""#),
            statement(r#""s3:Get*""#, r#""arn:aws:s3:::b/*""#),
            statement(r#""kms:Decrypt""#, r#""*""#),
            statement(r#""ec2:RunInstances""#, r#""arn:aws:s3:::b""#),
            statement(r#""s3:NoSuchAction""#, r#""arn:aws:s3:::b""#),
            statement(r#""*""#, r#""arn:aws:s3:::b""#),
            // No resource type in the reference: not judged (see the docs).
            statement(r#""s3:ListAllMyBuckets""#, r#""arn:aws:s3:::b""#),
            // The reference's erratum (ALSO_ACTS_ON).
            statement(r#""logs:DeleteDeliverySource""#, r#""arn:aws:logs:us-east-1:111122223333:delivery-source:s""#),
            r#"{"Statement": [{"Effect": "Allow", "NotAction": "s3:GetObject", "Resource": "arn:aws:s3:::b"}]}"#.to_owned(),
            r#"{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::b"}]}"#.to_owned(),
        ];
        assert_passes(&RULE, Identity, &passes.iter().map(String::as_str).collect::<Vec<_>>());
    }

    /// Valid policies from AWS's pages that a naive check (every action against every resource,
    /// or ARNs compared as text) would flag.
    #[test]
    fn aws_documented_policies_pass() {
        // S3 user guide: ListBucket on the bucket and GetObject/PutObject on its objects, in one
        // statement: each action has one Resource it applies to.
        let mixed = statement(
            r#"["s3:ListBucket", "s3:GetObject", "s3:PutObject"]"#,
            r#"["arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*"]"#,
        );
        // IAM user guide, policy variables: each user's home folder.
        let home = statement(r#"["s3:GetObject", "s3:PutObject"]"#, r#""arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*""#);
        // CloudWatch Logs: CreateLogStream and PutLogEvents on `log-group:NAME:*`.
        let logs = statement(
            r#"["logs:CreateLogStream", "logs:PutLogEvents"]"#,
            r#""arn:aws:logs:us-east-1:111122223333:log-group:my-log-group:*""#,
        );
        // Firehose delivery role (domain-facts §4.4): every stream, by pattern.
        let firehose = statement(r#"["firehose:PutRecord", "firehose:PutRecordBatch"]"#, r#""arn:aws:firehose:*:111122223333:deliverystream/*""#);
        assert_passes(&RULE, Identity, &[&mixed, &home, &logs, &firehose]);
    }

    #[test]
    fn says_which_resources_the_action_wants_at_the_action() {
        let text = statement(r#""s3:GetBucketAcl""#, r#""arn:aws:s3:::b/*""#);
        let found = findings(&RULE, Bucket, &text);
        assert_eq!(flagged(&text, &found[0]), "\"s3:GetBucketAcl\"");
        assert!(
            found[0].message.starts_with("\"s3:GetBucketAcl\" acts on arn:${Partition}:s3:::${BucketName} or "),
            "{}",
            found[0].message
        );
        assert!(found[0].message.ends_with(", and no Resource of this statement can name one: the statement never allows it"));
        let deny = text.replace("Allow", "Deny");
        assert!(findings(&RULE, Bucket, &deny)[0].message.ends_with("never denies it"));
    }
}
