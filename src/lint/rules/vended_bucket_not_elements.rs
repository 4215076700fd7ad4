//! CWL011: a vended-logs bucket policy with `NotPrincipal` or `NotAction`.

use crate::lint::{Context, Diagnostic, LogsPrincipal};
use crate::policy::PolicyKind;
use crate::scenarios::ScenarioId;
use crate::message::ids;

crate::declare_rule! {
    /// A bucket that receives vended logs has a statement with `NotPrincipal` or `NotAction`.
    ///
    /// ## What it does
    /// In an S3 bucket policy that admits `delivery.logs.amazonaws.com` (or any bucket policy
    /// checked in the `vended-logs` scenario), flags every `NotPrincipal` and `NotAction`.
    ///
    /// ## Why it matters
    /// When logging is set up, CloudWatch Logs adds its statements to the bucket policy itself.
    /// AWS documents that this automatic update, and so the subscription, fails when the policy
    /// contains `NotAction` or `NotPrincipal`; the statements must then be added by hand, and
    /// every new source needs the same manual step.
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}}}, {"Sid": "DenyOthers", "Effect": "Deny", "NotPrincipal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryWrite", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/AWSLogs/111122223333/*", "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": "111122223333"}}}, {"Sid": "DenyOthers", "Effect": "Deny", "Principal": "*", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-bucket/*", "Condition": {"StringNotEquals": {"aws:PrincipalServiceName": "delivery.logs.amazonaws.com"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-S3.html
    pub static RULE = {
        code: "CWL011",
        name: "vended-bucket-not-elements",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind != PolicyKind::Bucket {
        return;
    }
    let nodes = ctx.statements();
    let vended = ctx.scenario_id() == Some(ScenarioId::VendedLogs)
        || nodes
            .iter()
            .any(|n| n.logs_principals().iter().any(|(p, _)| *p == LogsPrincipal::Delivery));
    if !vended {
        return;
    }
    for node in &nodes {
        let Some(members) = node.json.as_object() else { continue };
        for m in members
            .iter()
            .filter(|m| m.key == "NotPrincipal" || m.key == "NotAction")
        {
            out.push(
                Diagnostic::new(
                    &RULE,
                    ids::vended_bucket_not_elements(&m.key),
                )
                .at(m.key_span)
                .path(node.path_to(&m.key))
                .help(if m.key == "NotPrincipal" {
                    "use \"Principal\" with a condition such as aws:PrincipalArn or aws:PrincipalServiceName"
                } else {
                    "list the actions in \"Action\""
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

    const DELIVERY: &str = r#"{"Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": "s3:PutObject", "Resource": "arn:aws:s3:::b/*"}"#;
    const NOT_ACTION: &str =
        r#"{"Effect": "Deny", "Principal": "*", "NotAction": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}"#;

    #[test]
    fn table() {
        let vended = format!("{{\"Statement\": [{DELIVERY}, {NOT_ACTION}]}}");
        let other = format!("{{\"Statement\": [{NOT_ACTION}]}}");
        assert_fails(&RULE, Bucket, &[&vended]);
        assert_passes(&RULE, Bucket, &[&other, &format!("{{\"Statement\": [{DELIVERY}]}}")]);
        let facts = ScenarioContext::from_input(ScenarioId::VendedLogs, &serde_json::json!({}));
        assert_eq!(findings_in(&RULE, Bucket, &other, &facts).len(), 1);
    }
}
