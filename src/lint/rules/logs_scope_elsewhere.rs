//! CWL002: the ARN a CloudWatch Logs principal is limited to names another Region or account.

use super::encryption_context_arn_form::LOGS_CONTEXT_KEY;
use super::key_admin_grant::is_account;
use crate::catalog::Partition;
use crate::lint::{Context, Diagnostic, LogsPrincipal, Severity};
use crate::normalize::condition::ValueSense;
use crate::normalize::pattern::has_wildcard;
use crate::policy::{is_account_id, Arn, PolicyKind};
use crate::message::ids;
use crate::message::Message;

crate::declare_rule! {
    /// The log group or source ARN a CloudWatch Logs principal is limited to is in another Region or account.
    ///
    /// ## What it does
    /// For a statement naming `logs.REGION.amazonaws.com`, compares the Region of every
    /// `kms:EncryptionContext:aws:logs:arn` and `aws:SourceArn` value with the principal's
    /// Region: different Regions are an error (a warning when one of them is a placeholder such
    /// as `region`). In a key policy it compares the account of the encryption-context ARN with
    /// the key's account (the account of its root statement): a warning, as using a key across
    /// accounts for log groups is not documented. With a scenario, the Region, account and key
    /// of the scenario are compared too, and every difference is an error.
    ///
    /// ## Why it matters
    /// CloudWatch Logs in one Region only handles that Region's log groups and queries, with a
    /// key in the same Region. A condition naming another Region never matches, so the key or
    /// bucket cannot be used. AWS's own query-result example names `us-east-1` in
    /// `aws:SourceArn` while its principal is `logs.region.amazonaws.com`.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.eu-west-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], "Resource": "*", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:query-result:*"}, "StringEquals": {"aws:SourceAccount": "111122223333"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.eu-west-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"], "Resource": "*", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:logs:eu-west-1:111122223333:query-result:*"}, "StringEquals": {"aws:SourceAccount": "111122223333"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CloudWatchLogs-Insights-Query-Encrypt.html
    pub static RULE = {
        code: "CWL002",
        name: "logs-scope-elsewhere",
        severity: Error,
        check: check,
    }
}

fn known_region(r: &str) -> bool {
    Partition::of_region(r).is_some()
}

/// The key's account as the policy shows it: the account of the root statement.
fn key_account<'a>(ctx: &'a Context) -> Option<&'a str> {
    ctx.statements()
        .into_iter()
        .filter(|n| n.is_allow() && n.grants("kms:PutKeyPolicy"))
        .flat_map(|n| n.aws_principals())
        .find_map(|t| {
            let v = t.value.as_str();
            if is_account_id(v) {
                Some(v)
            } else if is_account(v) {
                Arn::parse(v).ok().map(|a| a.account)
            } else {
                None
            }
        })
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let scenario = ctx.scenario;
    let key_account = key_account(ctx);
    for node in ctx.statements() {
        let principals = node.logs_principals();
        if !node.is_allow() || principals.is_empty() {
            continue;
        }
        let regions: Vec<&str> = principals
            .iter()
            .filter_map(|(p, _)| {
                if let LogsPrincipal::Regional(r) = p {
                    Some(*r)
                } else {
                    None
                }
            })
            .collect();
        if let Some(s) = scenario {
            for (p, text) in &principals {
                let LogsPrincipal::Regional(r) = p else { continue };
                let expected = s
                    .key_region()
                    .filter(|_| ctx.kind == PolicyKind::Key)
                    .or(s.region.as_deref());
                if let Some(expected) = expected.filter(|e| e != r) {
                    out.push(
                        Diagnostic::new(
                            &RULE,
                            ids::logs_scope_elsewhere(&text.value, &r, &if s.key_region().is_some() && ctx.kind == PolicyKind::Key {
                                    "key"
                                } else {
                                    "Region"
                                }, &expected),
                        )
                        .at(text.span)
                        .path(node.path_to("Principal"))
                        .help(ids::logs_scope_elsewhere_help(&text.value.replacen(r, expected, 1))),
                    );
                }
            }
        }
        for key in [LOGS_CONTEXT_KEY, "aws:SourceArn"] {
            for (op, entry) in node.conditions_on(key) {
                if op.sense() != ValueSense::AnyOf {
                    continue;
                }
                for value in &entry.values.items {
                    let Ok(arn) = Arn::parse(&value.value) else { continue };
                    if arn.service != "logs" {
                        continue;
                    }
                    let mut say = |severity: Severity, message: Message| {
                        out.push(
                            Diagnostic::new(&RULE, message)
                                .severity(severity)
                                .at(value.span)
                                .path(node.path_to("Condition")),
                        );
                    };
                    if !arn.region.is_empty() && !has_wildcard(arn.region) {
                        if let Some(expected) = scenario.and_then(|s| s.region.as_deref()).filter(|e| *e != arn.region)
                        {
                            say(
                                Severity::Error,
                                ids::logs_scope_elsewhere_2(&key, &value.value, &arn.region, &expected),
                            );
                        } else if let Some(r) = regions.iter().find(|r| **r != arn.region) {
                            let severity = if known_region(r) && known_region(arn.region) {
                                Severity::Error
                            } else {
                                Severity::Warning
                            };
                            say(
                                severity,
                                ids::logs_scope_elsewhere_3(&key, &value.value, &arn.region, &r),
                            );
                        }
                    }
                    if key != LOGS_CONTEXT_KEY || has_wildcard(arn.account) || !is_account_id(arn.account) {
                        continue;
                    }
                    if let Some(expected) = scenario
                        .and_then(|s| s.account.as_deref())
                        .filter(|e| *e != arn.account)
                    {
                        say(
                            Severity::Error,
                            ids::logs_scope_elsewhere_4(&value.value, &arn.account, &expected),
                        );
                    } else if let Some(owner) = key_account.filter(|k| is_account_id(k) && *k != arn.account) {
                        if scenario.is_none() && ctx.kind == PolicyKind::Key {
                            say(Severity::Warning, ids::logs_scope_elsewhere_5(&value.value, &arn.account, &owner));
                        }
                    }
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
    use crate::scenarios::ScenarioId;

    fn key(principal: &str, key: &str, value: &str) -> String {
        format!(
            r#"{{"Statement": [{{"Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::111122223333:root"}}, "Action": "kms:*", "Resource": "*"}}, {{"Effect": "Allow", "Principal": {{"Service": "{principal}"}}, "Action": "kms:Decrypt", "Resource": "*", "Condition": {{"ArnLike": {{"{key}": "{value}"}}}}}}]}}"#
        )
    }

    #[test]
    fn table() {
        let ctx = "kms:EncryptionContext:aws:logs:arn";
        let bad = [
            key(
                "logs.eu-west-1.amazonaws.com",
                ctx,
                "arn:aws:logs:us-east-1:111122223333:log-group:app",
            ),
            key(
                "logs.region.amazonaws.com",
                "aws:SourceArn",
                "arn:aws:logs:us-east-1:111122223333:query-result:*",
            ),
            key(
                "logs.us-east-1.amazonaws.com",
                ctx,
                "arn:aws:logs:us-east-1:444455556666:log-group:app",
            ),
        ];
        assert_fails(&RULE, Key, &bad.iter().map(String::as_str).collect::<Vec<_>>());
        let good = [
            key(
                "logs.us-east-1.amazonaws.com",
                ctx,
                "arn:aws:logs:us-east-1:111122223333:log-group:app",
            ),
            key("logs.us-east-1.amazonaws.com", ctx, "arn:aws:logs:*:111122223333:*"),
            key(
                "delivery.logs.amazonaws.com",
                "aws:SourceArn",
                "arn:aws:logs:eu-west-1:111122223333:*",
            ),
        ];
        assert_passes(&RULE, Key, &good.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn placeholders_and_accounts_are_warnings_known_regions_errors() {
        let ctx = "kms:EncryptionContext:aws:logs:arn";
        let regions = key(
            "logs.eu-west-1.amazonaws.com",
            ctx,
            "arn:aws:logs:us-east-1:111122223333:log-group:app",
        );
        assert_eq!(findings(&RULE, Key, &regions)[0].severity, Severity::Error);
        let placeholder = key(
            "logs.region.amazonaws.com",
            "aws:SourceArn",
            "arn:aws:logs:us-east-1:111122223333:query-result:*",
        );
        assert_eq!(findings(&RULE, Key, &placeholder)[0].severity, Severity::Warning);
        let account = key(
            "logs.us-east-1.amazonaws.com",
            ctx,
            "arn:aws:logs:us-east-1:444455556666:log-group:app",
        );
        assert_eq!(findings(&RULE, Key, &account)[0].severity, Severity::Warning);
    }

    #[test]
    fn a_scenario_makes_every_difference_an_error() {
        let input = serde_json::json!({"region": "eu-west-1", "account": "111122223333", "key-arn": "arn:aws:kms:eu-west-1:111122223333:key/k"});
        let facts = ScenarioContext::from_input(ScenarioId::LogGroupKey, &input);
        let ctx = "kms:EncryptionContext:aws:logs:arn";
        let text = key(
            "logs.us-east-1.amazonaws.com",
            ctx,
            "arn:aws:logs:us-east-1:444455556666:log-group:app",
        );
        let found = findings_in(&RULE, Key, &text, &facts);
        assert_eq!(
            found.len(),
            3,
            "{:?}",
            found.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
        assert!(found.iter().all(|d| d.severity == Severity::Error));
        let fine = key(
            "logs.eu-west-1.amazonaws.com",
            ctx,
            "arn:aws:logs:eu-west-1:111122223333:log-group:app",
        );
        assert!(findings_in(&RULE, Key, &fine, &facts).is_empty());
    }
}
