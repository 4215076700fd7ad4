//! CWL009: a CloudWatch Logs resource policy grants to IAM principals.

use crate::lint::{Context, Diagnostic};
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// A CloudWatch Logs resource policy names an IAM principal; only AWS service principals are supported.
    ///
    /// ## What it does
    /// In a CloudWatch Logs resource policy, flags principals other than `Service` ones
    /// (`"AWS"`, `"Federated"`, `"CanonicalUser"`, `"*"`) in statements about log groups. A
    /// delivery destination policy (statements granting `logs:CreateDelivery` on a
    /// `delivery-destination:` ARN) names accounts by design and is not flagged.
    ///
    /// ## Why it matters
    /// `PutResourcePolicy` documents that these policies only support `logs:PutLogEvents` and
    /// `logs:CreateLogStream`, and only for AWS service principals: an account or role named
    /// here is not given access. Give IAM principals access with identity policies (or, across
    /// accounts, a subscription destination or cross-account observability).
    ///
    /// ## Example
    /// ```json kind=log-resource
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AppWrite", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:app:*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=log-resource
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryWrite20150319", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutResourcePolicy.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-CWL.html
    pub static RULE = {
        code: "CWL009",
        name: "log-resource-policy-principals",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind != PolicyKind::LogResource {
        return;
    }
    for node in ctx.statements() {
        let delivery_destination = node.grants("logs:CreateDelivery")
            || node
                .statement
                .resource
                .as_ref()
                .is_some_and(|r| r.values().any(|v| v.contains(":delivery-destination:")));
        if delivery_destination {
            continue;
        }
        let Some(principal) = &node.statement.principal else {
            continue;
        };
        for (kind, value) in principal.values().into_iter().filter(|(k, _)| *k != "Service") {
            out.push(
                Diagnostic::new(&RULE, ids::log_resource_policy_principals(&kind, &value.value))
                    .at(value.span)
                    .path(node.path_to("Principal"))
                    .help(ids::log_resource_policy_principals_help()),
            );
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
        let role = r#"{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "logs:PutLogEvents", "Resource": "*"}]}"#;
        let everyone =
            r#"{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "logs:PutLogEvents", "Resource": "*"}]}"#;
        assert_fails(&RULE, LogResource, &[role, everyone]);
        let service = r#"{"Statement": [{"Effect": "Allow", "Principal": {"Service": ["delivery.logs.amazonaws.com", "events.amazonaws.com"]}, "Action": "logs:PutLogEvents", "Resource": "*"}]}"#;
        let destination = r#"{"Statement": [{"Sid": "AllowCreateDelivery", "Effect": "Allow", "Principal": {"AWS": "123456789012"}, "Action": ["logs:CreateDelivery"], "Resource": "arn:aws:logs:us-east-1:111122223333:delivery-destination:d"}]}"#;
        assert_passes(&RULE, LogResource, &[service, destination]);
        assert_passes(&RULE, Bucket, &[role]);
    }
}
