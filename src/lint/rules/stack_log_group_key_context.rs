//! CWL017: a template's log group uses this key, but the key policy's encryption-context
//! condition names other log groups.

use super::encryption_context_arn_form::LOGS_CONTEXT_KEY;
use crate::lint::{Context, Diagnostic, LogsPrincipal, StatementNode};
use crate::normalize::condition::ValueSense;
use crate::normalize::pattern;
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// A log group of the same template is encrypted with this key, but the key policy's encryption-context condition does not name it.
    ///
    /// ## What it does
    /// Only for a key policy found in a CloudFormation template (pasted into the checker or the
    /// compare box, or given to `cwlogs-policy check`): for each `AWS::Logs::LogGroup` of the
    /// template whose `KmsKeyId` is this key (`!GetAtt Key.Arn`) and whose `LogGroupName` is
    /// written out, looks at the statements that let CloudWatch Logs encrypt with the key. When
    /// every one of them limits `kms:EncryptionContext:aws:logs:arn` to log-group ARNs and none
    /// names that log group, it is an error. The part of the ARN after `log-group:` is compared;
    /// a value whose name part holds an intrinsic (`${LogGroupName}`) is taken to cover it, and
    /// the Region, account and partition parts (usually `${AWS::Region}` …) are not judged.
    ///
    /// ## Why it matters
    /// CloudWatch Logs puts the log group's ARN into the encryption context (without the trailing
    /// `:*`). A condition naming another log group — a policy copied from another stack, a
    /// renamed group — denies CloudWatch Logs the key for this one, so associating the key
    /// with the log group fails when the stack is deployed.
    ///
    /// ## Example
    /// ```json template
    /// {"Resources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "AllowLogs", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:/app/old-orders"}}}]}}}, "Orders": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/app/orders", "KmsKeyId": {"Fn::GetAtt": ["Key", "Arn"]}}}}}
    /// ```
    ///
    /// ## Use instead
    /// ```json template
    /// {"Resources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "AllowLogs", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:/app/orders"}}}]}}}, "Orders": {"Type": "AWS::Logs::LogGroup", "Properties": {"LogGroupName": "/app/orders", "KmsKeyId": {"Fn::GetAtt": ["Key", "Arn"]}}}}}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    /// - https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html
    pub static RULE = {
        code: "CWL017",
        name: "stack-log-group-not-in-key-context",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(stack) = ctx.stack else { return };
    if ctx.kind != PolicyKind::Key || stack.log_groups.is_empty() {
        return;
    }
    let nodes = ctx.statements();
    let encrypting: Vec<&StatementNode> = nodes
        .iter()
        .filter(|n| {
            n.is_allow()
                && n.grants("kms:GenerateDataKey")
                && n.logs_principals().iter().any(|(p, _)| *p != LogsPrincipal::Delivery)
        })
        .collect();
    for group in &stack.log_groups {
        let Some(name) = group.name.as_deref() else { continue };
        let mut limit = None;
        let covered = encrypting.is_empty()
            || encrypting.iter().any(|n| {
                let limits = n.conditions_on(LOGS_CONTEXT_KEY);
                if let Some((_, entry)) = limits.first() {
                    limit.get_or_insert(entry.key.span);
                }
                limits.is_empty()
                    || limits
                        .iter()
                        .any(|(op, e)| op.sense() != ValueSense::AnyOf || e.values.values().any(|v| names(v, name)))
            });
        if covered {
            continue;
        }
        out.push(
            Diagnostic::new(
                &RULE,
                ids::stack_log_group_not_in_key_context(&group.logical_id, &name),
            )
            .at(limit.flatten())
            .note(ids::stack_log_group_not_in_key_context_note())
            .help(ids::stack_log_group_not_in_key_context_help(&name)),
        );
    }
}

/// Whether the condition value `value` (an ARN pattern) may name the log group `name`.
fn names(value: &str, name: &str) -> bool {
    match value.split_once(":log-group:") {
        Some((_, group)) => group.contains("${") || pattern::matches(group, name),
        // `*`, or an ARN built wholly by an intrinsic: not judged.
        None => value.contains('*') || value.contains("${"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_group_part_is_compared_and_placeholders_cover() {
        assert!(names("arn:aws:logs:us-east-1:1:log-group:/app/orders", "/app/orders"));
        assert!(names("arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/app/*", "/app/orders"));
        assert!(names("arn:aws:logs:us-east-1:1:log-group:${Name}", "/app/orders"));
        assert!(names("${Orders.Arn}", "/app/orders"));
        assert!(!names("arn:aws:logs:us-east-1:1:log-group:/app/old-orders", "/app/orders"));
        assert!(!names("arn:aws:logs:us-east-1:1:log-group:/app/orders:*", "/app/orders"), "the context has no :*");
    }
}
