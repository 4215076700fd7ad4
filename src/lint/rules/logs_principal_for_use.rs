//! CWL004: `delivery.logs.amazonaws.com` where CloudWatch Logs itself acts, or the other way round.

use super::encryption_context_arn_form::LOGS_CONTEXT_KEY;
use crate::lint::{Context, Diagnostic, LogsPrincipal, Severity, StatementNode};
use crate::policy::PolicyKind;
use crate::scenarios::ScenarioId;
use crate::message::ids;

crate::declare_rule! {
    /// The statement names the vended-logs principal where CloudWatch Logs acts itself, or the reverse.
    ///
    /// ## What it does
    /// Two principals are easily confused: `logs.REGION.amazonaws.com` encrypts log groups and
    /// query results and writes exports; `delivery.logs.amazonaws.com` delivers AWS services'
    /// logs (vended logs). Recognising the statement's shape, this flags
    /// `delivery.logs.amazonaws.com` limited by `kms:EncryptionContext:aws:logs:arn` or by a
    /// `log-group:` source ARN (export), and `logs.REGION.amazonaws.com` limited by a
    /// `delivery-source:` ARN, writing under `AWSLogs/`, or in a CloudWatch Logs resource policy
    /// (a warning, since the shape is a guess). With a scenario the principal must be the
    /// scenario's (an error).
    ///
    /// ## Why it matters
    /// The other principal never makes these requests, so the statement grants nothing that is
    /// used: encryption, export or delivery fails with a permissions error.
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AllowPutObject", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:log-group:*"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AllowGetBucketAcl", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:GetBucketAcl", "Resource": "arn:aws:s3:::my-bucket", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:log-group:*"}}}, {"Sid": "AllowPutObject", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:log-group:*"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    pub static RULE = {
        code: "CWL004",
        name: "logs-principal-for-use",
        severity: Warning,
        check: check,
    }
}

fn source_arns_contain(node: &StatementNode, part: &str) -> bool {
    node.conditions_on("aws:SourceArn")
        .iter()
        .any(|(_, e)| e.values.values().any(|v| v.contains(part)))
}

fn writes_under_awslogs(node: &StatementNode) -> bool {
    node.grants("s3:PutObject")
        && node
            .statement
            .resource
            .as_ref()
            .is_some_and(|r| r.values().any(|v| v.contains("/AWSLogs/")))
}

/// Why the principal looks wrong for this statement's shape, if it does.
fn shape_problem(ctx: &Context, node: &StatementNode, principal: LogsPrincipal) -> Option<&'static str> {
    match principal {
        LogsPrincipal::Delivery => {
            if ctx.kind == PolicyKind::Key && !node.conditions_on(LOGS_CONTEXT_KEY).is_empty() {
                Some("log groups are encrypted by logs.REGION.amazonaws.com, which sends this encryption context")
            } else if source_arns_contain(node, ":log-group:") {
                Some("export to S3 is done by logs.REGION.amazonaws.com on behalf of log groups")
            } else {
                None
            }
        }
        LogsPrincipal::Regional(_) | LogsPrincipal::Global => {
            if source_arns_contain(node, ":delivery-source:")
                || (ctx.kind == PolicyKind::Bucket && writes_under_awslogs(node))
            {
                Some("vended logs are delivered by delivery.logs.amazonaws.com")
            } else if ctx.kind == PolicyKind::LogResource {
                Some("AWS services deliver into log groups as delivery.logs.amazonaws.com")
            } else {
                None
            }
        }
    }
}

/// Why the principal is wrong for the scenario, if it is.
fn scenario_problem(ctx: &Context, principal: LogsPrincipal) -> Option<&'static str> {
    let id = ctx.scenario_id()?;
    let delivery = principal == LogsPrincipal::Delivery;
    match id {
        ScenarioId::LogGroupKey | ScenarioId::QueryResultKey | ScenarioId::S3Export if delivery => {
            Some("in this scenario CloudWatch Logs acts as logs.REGION.amazonaws.com")
        }
        ScenarioId::VendedLogs if !delivery && ctx.kind != PolicyKind::Identity => {
            Some("vended logs are delivered by delivery.logs.amazonaws.com")
        }
        _ => None,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        if !node.is_allow() {
            continue;
        }
        for (principal, text) in node.logs_principals() {
            let (severity, why) = match scenario_problem(ctx, principal) {
                Some(why) => (Severity::Error, why),
                None if ctx.scenario_id().is_none() => match shape_problem(ctx, &node, principal) {
                    Some(why) => (Severity::Warning, why),
                    None => continue,
                },
                None => continue,
            };
            out.push(
                Diagnostic::new(&RULE, ids::logs_principal_for_use(&text.value, &why))
                    .severity(severity)
                    .at(text.span)
                    .path(node.path_to("Principal"))
                    .help(if principal == LogsPrincipal::Delivery {
                        "name logs.REGION.amazonaws.com (the log groups' Region)"
                    } else {
                        "name delivery.logs.amazonaws.com"
                    }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::lint::ScenarioContext;
    use crate::policy::PolicyKind::*;

    const EXPORT_PUT: &str = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "PRINCIPAL"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:log-group:*"}}}]}"#;
    const VENDED_PUT: &str = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "PRINCIPAL"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/AWSLogs/111122223333/*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}"#;
    const CONTEXT_KEY: &str = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "PRINCIPAL"}, "Action": "kms:Decrypt", "Resource": "*", "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}"#;

    fn with(text: &str, principal: &str) -> String {
        text.replace("PRINCIPAL", principal)
    }

    #[test]
    fn shapes() {
        let delivery = "delivery.logs.amazonaws.com";
        let logs = "logs.us-east-1.amazonaws.com";
        assert_fails(&RULE, Bucket, &[&with(EXPORT_PUT, delivery), &with(VENDED_PUT, logs)]);
        assert_fails(&RULE, Key, &[&with(CONTEXT_KEY, delivery)]);
        assert_passes(&RULE, Bucket, &[&with(EXPORT_PUT, logs), &with(VENDED_PUT, delivery)]);
        assert_passes(&RULE, Key, &[&with(CONTEXT_KEY, logs)]);
        let log_resource = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "logs:PutLogEvents", "Resource": "*"}]}"#;
        assert_fails(&RULE, LogResource, &[log_resource]);
        assert_eq!(
            findings(&RULE, Bucket, &with(VENDED_PUT, logs))[0].severity,
            Severity::Warning
        );
    }

    #[test]
    fn a_scenario_decides_the_principal() {
        let vended = ScenarioContext::from_input(ScenarioId::VendedLogs, &serde_json::json!({}));
        let export = ScenarioContext::from_input(ScenarioId::S3Export, &serde_json::json!({}));
        let plain = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": "PRINCIPAL"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}]}"#;
        let found = findings_in(&RULE, Bucket, &with(plain, "logs.us-east-1.amazonaws.com"), &vended);
        assert_eq!(found[0].severity, Severity::Error);
        assert!(findings_in(&RULE, Bucket, &with(plain, "delivery.logs.amazonaws.com"), &vended).is_empty());
        assert_eq!(
            findings_in(&RULE, Bucket, &with(plain, "delivery.logs.amazonaws.com"), &export)[0].severity,
            Severity::Error
        );
        assert!(findings_in(&RULE, Bucket, &with(plain, "logs.us-east-1.amazonaws.com"), &export).is_empty());
    }
}
