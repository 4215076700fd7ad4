//! CWL018: a Regional CloudWatch Logs principal names another Region than the rest of the
//! template.

use crate::lint::{Context, Diagnostic, LogsPrincipal};
use crate::message::ids;

crate::declare_rule! {
    /// A policy in a CloudFormation template names `logs.REGION.amazonaws.com` for a Region other than the one the template's other resources name.
    ///
    /// ## What it does
    /// Only for a policy found in a CloudFormation template: collects the Regions written
    /// literally in the ARNs of the template's other resources (`arn:aws:logs:eu-west-1:…`,
    /// `!Sub` texts included). When they all name one Region and a Regional CloudWatch Logs
    /// principal of the policy names another, it is an error. `!Sub logs.${AWS::Region}.amazonaws.com`
    /// is a placeholder and is not judged; a template naming several Regions is not judged.
    ///
    /// ## Why it matters
    /// The `logs.REGION.amazonaws.com` principal must be in the same Region as the key (and the
    /// log groups). A stack's key is created in the Region the stack is deployed to, which the
    /// template's ARNs say; a principal copied from a stack of another Region lets the wrong
    /// Regional service use the key, and CloudWatch Logs of the stack's Region is denied it.
    ///
    /// ## Example
    /// ```json template
    /// {"Resources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "AllowLogs", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], "Resource": "*", "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}}}, "Reader": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:GetLogEvents", "Resource": "arn:aws:logs:eu-west-1:111122223333:log-group:/app/orders:*"}]}}}}}
    /// ```
    ///
    /// ## Use instead
    /// ```json template
    /// {"Resources": {"Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "AllowLogs", "Effect": "Allow", "Principal": {"Service": "logs.eu-west-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], "Resource": "*", "Condition": {"ArnLike": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:eu-west-1:111122223333:*"}}}]}}}, "Reader": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:GetLogEvents", "Resource": "arn:aws:logs:eu-west-1:111122223333:log-group:/app/orders:*"}]}}}}}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    /// - https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html
    pub static RULE = {
        code: "CWL018",
        name: "stack-logs-principal-region",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(stack) = ctx.stack else { return };
    // One Region named elsewhere in the template: the stack's. None or several: not judged.
    let [(region, named_by)] = stack.regions.as_slice() else { return };
    for node in ctx.statements() {
        for (principal, text) in node.logs_principals() {
            let LogsPrincipal::Regional(named) = principal else { continue };
            if named == region || named.contains("${") {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &RULE,
                    ids::stack_logs_principal_region(&text.value, &named, &region, &named_by),
                )
                .at(text.span)
                .path(node.path_to("Principal"))
                .note(ids::stack_logs_principal_region_note())
                .help(ids::stack_logs_principal_region_help(&region)),
        );
        }
    }
}
