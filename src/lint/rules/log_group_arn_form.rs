//! CWL012: a log group ARN with or without `:*` where the action needs the other form.

use crate::lint::{Context, Diagnostic};
use crate::policy::{Arn, PolicyKind, Text};
use crate::message::ids;

/// Actions on log streams: their resource is `log-group:NAME:log-stream:STREAM`.
const STREAM_ACTIONS: &[&str] = &["logs:CreateLogStream", "logs:PutLogEvents", "logs:GetLogEvents"];
/// Actions that take the log group ARN without `:*`.
const BARE_ACTIONS: &[&str] = &["logs:TagResource", "logs:UntagResource", "logs:ListTagsForResource"];

crate::declare_rule! {
    /// A log group ARN is written with or without `:*` where the action needs the other form.
    ///
    /// ## What it does
    /// In identity and CloudWatch Logs resource policies, flags a statement that grants
    /// `logs:CreateLogStream`, `logs:PutLogEvents` or `logs:GetLogEvents` only on bare log group
    /// ARNs (`…:log-group:NAME`, which does not match the group's log streams), and one that
    /// grants `logs:TagResource`, `logs:UntagResource` or `logs:ListTagsForResource` only on
    /// `…:log-group:NAME:*` ARNs (tagging takes the ARN without `:*`).
    ///
    /// ## Why it matters
    /// `DescribeLogGroups` returns both forms: `arn` with `:*` and `logGroupArn` without. Most
    /// actions are authorised against the `:*` form or a log stream ARN; the tagging APIs
    /// against the bare one. The wrong form grants nothing and the call is denied.
    ///
    /// ## Example
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:app"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:us-east-1:111122223333:log-group:app:*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_LogGroup.html
    /// - https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html
    pub static RULE = {
        code: "CWL012",
        name: "log-group-arn-form",
        severity: Warning,
        check: check,
    }
}

/// `(bare, starred)`: whether the ARN is `log-group:NAME` or `log-group:NAME:*`.
fn form(value: &str) -> Option<(bool, bool)> {
    let arn = Arn::parse(value).ok()?;
    let rest = arn.resource.strip_prefix("log-group:")?;
    if rest.ends_with('*') && !rest.contains(':') {
        return Some((false, false)); // `log-group:*` or `log-group:prefix*` covers both forms.
    }
    match rest.split_once(':') {
        None => Some((true, false)),
        Some((_, "*")) => Some((false, true)),
        Some(_) => Some((false, false)),
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if !matches!(ctx.kind, PolicyKind::Identity | PolicyKind::LogResource) {
        return;
    }
    for node in ctx.statements() {
        let Some(resource) = &node.statement.resource else {
            continue;
        };
        if !node.is_allow() || node.statement.action.is_none() {
            continue;
        }
        let forms: Vec<(&Text, (bool, bool))> = resource
            .items
            .iter()
            .map(|t| (t, form(&t.value)))
            .filter_map(|(t, f)| f.map(|f| (t, f)))
            .collect();
        if forms.is_empty() || forms.len() != resource.items.len() {
            continue;
        }
        let all_bare = forms.iter().all(|(_, (bare, _))| *bare);
        let all_starred = forms.iter().all(|(_, (_, starred))| *starred);
        let stream = STREAM_ACTIONS.iter().find(|a| node.grants(a));
        let tagging = BARE_ACTIONS.iter().find(|a| node.grants(a));
        let (action, wanted) = match (all_bare, all_starred, stream, tagging) {
            (true, _, Some(a), _) => (a, "log-group:NAME:* (or :log-stream:*)"),
            (_, true, _, Some(a)) => (a, "log-group:NAME without :*"),
            _ => continue,
        };
        let (first, _) = forms[0];
        out.push(
            Diagnostic::new(
                &RULE,
                ids::log_group_arn_form(&action, &wanted, &first.value),
            )
            .at(first.span)
            .path(node.path_to("Resource"))
            .help(ids::log_group_arn_form_help(&wanted)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    fn policy(action: &str, resources: &str) -> String {
        format!(r#"{{"Statement": [{{"Effect": "Allow", "Action": "{action}", "Resource": {resources}}}]}}"#)
    }

    #[test]
    fn table() {
        let bare = r#""arn:aws:logs:us-east-1:111122223333:log-group:app""#;
        let starred = r#""arn:aws:logs:us-east-1:111122223333:log-group:app:*""#;
        let both = r#"["arn:aws:logs:us-east-1:111122223333:log-group:app", "arn:aws:logs:us-east-1:111122223333:log-group:app:*"]"#;
        assert_fails(
            &RULE,
            Identity,
            &[&policy("logs:PutLogEvents", bare), &policy("logs:TagResource", starred)],
        );
        assert_passes(
            &RULE,
            Identity,
            &[
                &policy("logs:PutLogEvents", starred),
                &policy("logs:PutLogEvents", both),
                &policy("logs:TagResource", bare),
                &policy(
                    "logs:PutLogEvents",
                    r#""arn:aws:logs:us-east-1:111122223333:log-group:/aws/vendedlogs/*""#,
                ),
                &policy("logs:DescribeLogGroups", bare),
                &policy(
                    "logs:PutLogEvents",
                    r#""arn:aws:logs:us-east-1:111122223333:log-group:app:log-stream:*""#,
                ),
            ],
        );
        assert_passes(&RULE, Key, &[&policy("logs:PutLogEvents", bare)]);
    }
}
