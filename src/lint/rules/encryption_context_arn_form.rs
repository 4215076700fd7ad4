//! CWL001: the `kms:EncryptionContext:aws:logs:arn` value must be a bare log group ARN.

use crate::lint::{Context, Diagnostic, Severity};
use crate::normalize::condition::ValueSense;
use crate::policy::Arn;
use crate::message::ids;
use crate::message::Message;

/// The encryption-context key CloudWatch Logs fills with the log group's ARN.
pub const LOGS_CONTEXT_KEY: &str = "kms:EncryptionContext:aws:logs:arn";

crate::declare_rule! {
    /// The encryption-context condition names something other than a log group ARN without `:*`.
    ///
    /// ## What it does
    /// Checks every value of `kms:EncryptionContext:aws:logs:arn`. CloudWatch Logs puts the log
    /// group's ARN there *without* a trailing `:*`
    /// (`arn:aws:logs:REGION:ACCOUNT:log-group:NAME`), so a value ending in `:*` after the name,
    /// or naming a log stream, never matches: an error. A value that is not a CloudWatch Logs
    /// ARN is an error too. A logs ARN of another resource type (`query-result:*`) is a warning:
    /// no encryption context is documented for it. `…:log-group:*` and the account-wide
    /// `arn:aws:logs:REGION:ACCOUNT:*` are fine.
    ///
    /// ## Why it matters
    /// With a value that never matches, CloudWatch Logs cannot use the key: `associate-kms-key`
    /// and `create-log-group --kms-key-id` fail, and an associated log group stops ingesting.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app:*"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_LogGroup.html
    pub static RULE = {
        code: "CWL001",
        name: "encryption-context-arn-form",
        severity: Error,
        check: check,
    }
}

/// What is wrong with one context value, and how bad it is.
fn problem(value: &str) -> Option<(Severity, Message, Message)> {
    let Ok(arn) = Arn::parse(value) else {
        return Some((
            Severity::Error,
            ids::encryption_context_arn_form(&value),
            "write the log group's ARN: arn:aws:logs:REGION:ACCOUNT:log-group:NAME".into(),
        ));
    };
    if arn.service != "logs" && arn.service != "*" {
        return Some((
            Severity::Error,
            format!("\"{value}\" is not a CloudWatch Logs ARN").into(),
            "write the log group's ARN: arn:aws:logs:REGION:ACCOUNT:log-group:NAME".into(),
        ));
    }
    let Some(rest) = arn.resource.strip_prefix("log-group:") else {
        if arn.resource == "*" {
            return None;
        }
        return Some((
            Severity::Warning,
            ids::encryption_context_arn_form_2(&value),
            "limit log-group use by log group ARNs; scope other uses with aws:SourceArn".into(),
        ));
    };
    let (name, suffix) = rest.split_once(':')?;
    let bare = format!(
        "arn:{}:logs:{}:{}:log-group:{name}",
        arn.partition, arn.region, arn.account
    );
    let what = if suffix == "*" {
        "a trailing \":*\""
    } else {
        "a log stream part"
    };
    Some((
        Severity::Error,
        ids::encryption_context_arn_form_3(&value, &what),
        format!("write \"{bare}\"").into(),
    ))
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for (op, entry) in node.conditions_on(LOGS_CONTEXT_KEY) {
            if op.sense() != ValueSense::AnyOf {
                continue;
            }
            for value in &entry.values.items {
                if let Some((severity, message, help)) = problem(&value.value) {
                    out.push(
                        Diagnostic::new(&RULE, message)
                            .severity(severity)
                            .at(value.span)
                            .path(node.path_to("Condition"))
                            .help(help),
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
    use crate::policy::PolicyKind::*;

    fn policy(op: &str, value: &str) -> String {
        format!(
            r#"{{"Statement": [{{"Effect": "Allow", "Principal": {{"Service": "logs.us-east-1.amazonaws.com"}}, "Action": "kms:Decrypt", "Resource": "*", "Condition": {{"{op}": {{"kms:EncryptionContext:aws:logs:arn": ["{value}"]}}}}}}]}}"#
        )
    }

    #[test]
    fn table() {
        let bad = [
            policy("ArnEquals", "arn:aws:logs:us-east-1:111122223333:log-group:app:*"),
            policy(
                "ArnLike",
                "arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:s",
            ),
            policy("StringEquals", "arn:aws:kms:us-east-1:111122223333:key/k"),
            policy("ArnLike", "log-group:app"),
            policy("ArnLike", "arn:aws:logs:us-east-1:111122223333:query-result:*"),
        ];
        assert_fails(&RULE, Key, &bad.iter().map(String::as_str).collect::<Vec<_>>());
        let good = [
            policy("ArnEquals", "arn:aws:logs:us-east-1:111122223333:log-group:app"),
            policy("ArnLike", "arn:aws:logs:us-east-1:111122223333:*"),
            policy("ArnLike", "arn:aws:logs:us-east-1:111122223333:log-group:*"),
            policy("ArnLike", "arn:aws:logs:us-east-1:111122223333:log-group:/app/*"),
            policy("ArnNotEquals", "arn:aws:logs:us-east-1:111122223333:log-group:app:*"),
        ];
        assert_passes(&RULE, Key, &good.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn offers_the_bare_arn() {
        let text = policy("ArnEquals", "arn:aws:logs:us-east-1:111122223333:log-group:app:*");
        let found = findings(&RULE, Key, &text);
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(
            flagged(&text, &found[0]),
            "\"arn:aws:logs:us-east-1:111122223333:log-group:app:*\""
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some("write \"arn:aws:logs:us-east-1:111122223333:log-group:app\"")
        );
        let other = policy("ArnLike", "arn:aws:logs:us-east-1:111122223333:query-result:*");
        assert_eq!(findings(&RULE, Key, &other)[0].severity, Severity::Warning);
    }
}
