//! CWL010: a CloudWatch Logs resource policy longer than the documented 5,120 characters.

use crate::lint::{Context, Diagnostic, Severity};
use crate::policy::PolicyKind;
use crate::message::ids;

/// What the vended-logs page documents.
const DOCUMENTED: usize = 5_120;
/// What the current `PutResourcePolicy` API model allows.
const API_MAX: usize = 51_200;

crate::declare_rule! {
    /// A CloudWatch Logs resource policy is longer than the documented 5,120 characters.
    ///
    /// ## What it does
    /// Counts the characters of a CloudWatch Logs resource policy as written. Over 5,120 (the
    /// limit AWS's vended-logs page documents) is a warning, saying how long it is without
    /// whitespace; over 51,200 (the current API model's maximum) is an error.
    ///
    /// ## Why it matters
    /// Each service adds its log groups to the policy; near the limit CloudWatch Logs switches to
    /// `/aws/vendedlogs/*`, and a longer policy may be refused. Name log groups under
    /// `/aws/vendedlogs/` and grant the prefix, or merge statements.
    ///
    /// ## Example
    /// ```json kind=log-resource
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryWrite20150319", "Effect": "Allow",
    /// "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
    /// "Resource": [
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-00:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-01:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-02:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-03:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-04:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-05:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-06:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-07:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-08:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-09:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-10:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-11:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-12:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-13:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-14:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-15:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-16:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-17:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-18:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-19:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-20:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-21:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-22:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-23:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-24:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-25:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-26:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-27:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-28:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-29:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-30:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-31:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-32:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-33:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-34:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-35:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-36:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-37:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-38:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-39:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-40:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-41:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-42:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-43:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-44:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-45:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-46:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-47:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-48:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-49:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-50:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-51:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-52:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-53:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-54:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-55:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-56:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-57:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-58:log-stream:*",
    /// "arn:aws:logs:us-east-1:111122223333:log-group:/services/orders-api-59:log-stream:*"
    /// ],
    /// "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=log-resource
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "AWSLogDeliveryWrite20150319", "Effect": "Allow", "Principal": {"Service": "delivery.logs.amazonaws.com"}, "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:/aws/vendedlogs/*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:*"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-and-resource-policy.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutResourcePolicy.html
    pub static RULE = {
        code: "CWL010",
        name: "log-resource-policy-size",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind != PolicyKind::LogResource {
        return;
    }
    let size = ctx.text.trim().chars().count();
    if size <= DOCUMENTED {
        return;
    }
    let compact = ctx.text.chars().filter(|c| !c.is_whitespace()).count();
    let d = if size > API_MAX {
        Diagnostic::new(
            &RULE,
            format!("the policy is {size} characters; PutResourcePolicy accepts at most {API_MAX}"),
        )
        .severity(Severity::Error)
    } else {
        Diagnostic::new(
            &RULE,
            format!(
                "the policy is {size} characters; AWS documents {DOCUMENTED} for CloudWatch Logs resource policies"
            ),
        )
    };
    out.push(
        d.at(ctx.json.span)
            .path("")
            .note(ids::log_resource_policy_size_note(&compact))
            .help(
                "grant a prefix such as log-group:/aws/vendedlogs/* instead of listing log groups, or merge statements",
            ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    fn sized(n: usize) -> String {
        let head = r#"{"Statement": [], "Id": ""#;
        format!("{head}{}\"}}", "x".repeat(n - head.len() - 2))
    }

    #[test]
    fn thresholds() {
        assert_eq!(sized(5_120).chars().count(), 5_120);
        assert_passes(&RULE, LogResource, &[&sized(5_120)]);
        assert_fails(&RULE, LogResource, &[&sized(5_121)]);
        assert_passes(&RULE, Bucket, &[&sized(6_000)]);
        assert_eq!(
            findings(&RULE, LogResource, &sized(5_121))[0].severity,
            Severity::Warning
        );
        assert_eq!(
            findings(&RULE, LogResource, &sized(51_201))[0].severity,
            Severity::Error
        );
    }
}
