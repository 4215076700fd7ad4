//! CWL016: the policy names another bucket, log group or delivery destination than the scenario's.

use super::encryption_context_arn_form::LOGS_CONTEXT_KEY;
use crate::lint::{Context, Diagnostic, LogsPrincipal, Severity, StatementNode};
use crate::normalize::condition::ValueSense;
use crate::normalize::pattern;
use crate::policy::{Arn, PolicyKind};
use crate::scenarios::ScenarioId;
use crate::message::ids;

crate::declare_rule! {
    /// The policy's CloudWatch Logs statements name a bucket, log group or delivery destination other than intended.
    ///
    /// ## What it does
    /// Without a scenario: flags a bucket policy whose CloudWatch Logs statements name
    /// different buckets (a warning). With a scenario (errors): a bucket policy must name the
    /// scenario's bucket; a log-group key policy whose CloudWatch Logs statements can encrypt
    /// must let them do so for every log group of the scenario; a vended-logs log resource policy must cover the
    /// scenario's log group; a delivery destination policy must name the delivery destination
    /// the scenario creates.
    ///
    /// ## Why it matters
    /// A policy copied from another setup, or from AWS's pages, keeps their names: the intended
    /// resource then gets nothing. AWS's cross-account V2 example names a different delivery
    /// destination in its policy than the one it creates.
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AllowGetBucketAcl", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::old-export-bucket", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}, {"Sid": "AllowPutObject", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-exported-logs/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AllowGetBucketAcl", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::my-exported-logs", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}}, {"Sid": "AllowPutObject", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-exported-logs/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/vended-logs-crossaccount-example.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    pub static RULE = {
        code: "CWL016",
        name: "scenario-resources",
        severity: Warning,
        check: check,
    }
}

/// The bucket names an S3 ARN value names (`arn:aws:s3:::b/*` → `b`).
fn bucket_of(value: &str) -> Option<&str> {
    Arn::parse(value)
        .ok()
        .filter(|a| a.service == "s3")
        .map(|a| a.resource.split('/').next().unwrap_or(a.resource))
}

fn resources<'a>(node: &StatementNode<'a>) -> Vec<&'a crate::policy::Text> {
    node.statement
        .resource
        .as_ref()
        .map(|r| r.items.iter().collect())
        .unwrap_or_default()
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let nodes: Vec<StatementNode> = ctx.statements().into_iter().filter(|n| n.is_allow()).collect();
    let logs_nodes: Vec<&StatementNode> = nodes.iter().filter(|n| !n.logs_principals().is_empty()).collect();
    let facts = ctx.scenario;
    if ctx.kind == PolicyKind::Bucket {
        let expected = facts.and_then(|s| s.bucket.as_deref());
        let mut first: Option<&str> = None;
        for node in &logs_nodes {
            for r in resources(node) {
                let Some(bucket) = bucket_of(&r.value) else { continue };
                let problem = match expected {
                    Some(e) if !pattern::matches(bucket, e) => Some((
                        Severity::Error,
                        ids::scenario_resources(&bucket, &e),
                    )),
                    Some(_) => None,
                    None => match first {
                        Some(f) if f != bucket => Some((
                            Severity::Warning,
                            ids::scenario_resources_2(&bucket, &f),
                        )),
                        _ => {
                            first = first.or(Some(bucket));
                            None
                        }
                    },
                };
                if let Some((severity, message)) = problem {
                    out.push(
                        Diagnostic::new(&RULE, message)
                            .severity(severity)
                            .at(r.span)
                            .path(node.path_to("Resource")),
                    );
                }
            }
        }
    }
    let Some(facts) = facts else { return };
    let id = facts.id;
    if ctx.kind == PolicyKind::Key && id == Some(ScenarioId::LogGroupKey) {
        let users: Vec<&&StatementNode> = logs_nodes
            .iter()
            .filter(|n| {
                n.logs_principals().iter().any(|(p, _)| *p != LogsPrincipal::Delivery)
                    && n.grants("kms:GenerateDataKey")
            })
            .collect();
        // A key whose logs statements cannot encrypt is the old key of a rotation: not judged.
        let groups = if users.is_empty() {
            &[][..]
        } else {
            &facts.log_group_arns[..]
        };
        for group in groups {
            let covered = users.iter().any(|n| {
                let limits = n.conditions_on(LOGS_CONTEXT_KEY);
                limits.is_empty()
                    || limits.iter().any(|(op, e)| {
                        op.sense() == ValueSense::AnyOf && e.values.values().any(|v| pattern::matches(v, group))
                    })
            });
            if !covered {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        ids::scenario_resources_3(&group),
                    )
                    .severity(Severity::Error)
                    .at(ctx.statement_value().map(|v| v.span))
                    .path("Statement")
                    .help(ids::scenario_resources_help(&group)),
                );
            }
        }
    }
    if ctx.kind == PolicyKind::LogResource
        && id == Some(ScenarioId::VendedLogs)
        && facts.destination.as_deref() == Some("cloudwatch-logs")
    {
        for group in &facts.log_group_arns {
            let stream = format!("{group}:log-stream:x");
            let covered = logs_nodes.iter().any(|n| {
                n.grants("logs:PutLogEvents") && resources(n).iter().any(|r| pattern::matches(&r.value, &stream))
            });
            if !covered && !logs_nodes.is_empty() {
                out.push(
                    Diagnostic::new(
                        &RULE,
                        ids::scenario_resources_4(&group),
                    )
                    .severity(Severity::Error)
                    .at(ctx.statement_value().map(|v| v.span))
                    .path("Statement")
                    .help(ids::scenario_resources_help_2(&group)),
                );
            }
        }
    }
    if let Some(destination) = facts.delivery_destination_arn.as_deref() {
        for node in nodes.iter().filter(|n| n.grants("logs:CreateDelivery")) {
            for r in resources(node) {
                if r.value.contains(":delivery-destination:") && !pattern::matches(&r.value, destination) {
                    out.push(
                        Diagnostic::new(
                            &RULE,
                            ids::scenario_resources_5(&r.value, &destination),
                        )
                        .severity(Severity::Error)
                        .at(r.span)
                        .path(node.path_to("Resource")),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::lint::ScenarioContext;
    use crate::policy::PolicyKind::*;

    const TWO_BUCKETS: &str = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::a"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}]}"#;

    #[test]
    fn without_a_scenario_the_buckets_must_agree() {
        assert_fails(&RULE, Bucket, &[TWO_BUCKETS]);
        assert_passes(&RULE, Bucket, &[&TWO_BUCKETS.replace(":::b/*", ":::a/*")]);
        assert_passes(&RULE, Key, &[TWO_BUCKETS]);
    }

    #[test]
    fn the_scenario_names_the_bucket() {
        let facts = ScenarioContext::from_input(ScenarioId::S3Export, &serde_json::json!({"bucket": "a"}));
        let found = findings_in(&RULE, Bucket, TWO_BUCKETS, &facts);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].severity, flagged(TWO_BUCKETS, &found[0])),
            (Severity::Error, "\"arn:aws:s3:::b/*\"")
        );
    }

    #[test]
    fn every_log_group_of_the_scenario_is_covered_by_the_key() {
        let input =
            serde_json::json!({"region": "us-east-1", "account": "111122223333", "log-groups": ["/app/a", "/app/b"]});
        let facts = ScenarioContext::from_input(ScenarioId::LogGroupKey, &input);
        let key = |values: &str| {
            format!(
                r#"{{"Statement": [{{"Effect": "Allow", "Principal": {{"Service": "logs.us-east-1.amazonaws.com"}}, "Action": ["kms:Encrypt", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {{"ArnEquals": {{"kms:EncryptionContext:aws:logs:arn": {values}}}}}}}]}}"#
            )
        };
        let one = key(r#""arn:aws:logs:us-east-1:111122223333:log-group:/app/a""#);
        let found = findings_in(&RULE, Key, &one, &facts);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.ends_with("log-group:/app/b"));
        let all = key(r#""arn:aws:logs:us-east-1:111122223333:log-group:/app/*""#);
        assert!(findings_in(&RULE, Key, &all, &facts).is_empty());
    }

    #[test]
    fn the_delivery_destination_policy_names_the_scenario_destination() {
        let input = serde_json::json!({"region": "us-east-1", "account": "123456789012", "destination-account": "111122223333", "delivery-destination-name": "my-s3-delivery-destination"});
        let facts = ScenarioContext::from_input(ScenarioId::VendedLogs, &input);
        let policy = |name: &str| {
            format!(
                r#"{{"Statement": [{{"Effect": "Allow", "Principal": {{"AWS": "123456789012"}}, "Action": ["logs:CreateDelivery"], "Resource": "arn:aws:logs:us-east-1:111122223333:delivery-destination:{name}"}}]}}"#
            )
        };
        assert_eq!(
            findings_in(&RULE, LogResource, &policy("other-destination"), &facts).len(),
            1
        );
        assert!(findings_in(&RULE, LogResource, &policy("my-s3-delivery-destination"), &facts).is_empty());
    }
}
