//! IAM025: a policy variable where IAM does not read one, or written so that IAM cannot read it.

use crate::catalog::iam::Family;
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};
use crate::policy::Text;

crate::declare_rule! {
    /// A policy variable (`${…}`) is where IAM does not substitute it, or is malformed.
    ///
    /// ## What it does
    /// Policy variables are read in `Resource`/`NotResource` values and in condition values
    /// under String and ARN operators, and only when `Version` is `"2012-10-17"`. This rule flags
    /// a `${…}` in `Action`, `NotAction`, `Principal` or `NotPrincipal`; under a Numeric, Date,
    /// Bool, Binary, IP address or `Null` operator; anywhere in a policy whose `Version` is
    /// missing or `"2008-10-17"`; a `${` without its closing `}`, an empty `${}`, a space in the
    /// variable's key (`${aws: username}`) and a default value without single quotes. The
    /// escapes `${*}`, `${?}` and `${$}` and default values (`${aws:username, 'none'}`) are
    /// variables written correctly.
    ///
    /// ## Why it matters
    /// Where IAM does not substitute a variable it compares the text `${aws:username}` as it
    /// stands, which no request carries: the statement quietly never matches. IAM Access Analyzer
    /// reports each case as an error (`Variable unsupported in element`, `Invalid variable for
    /// operator`, `Variable unsupported in version`, `Missing brace in variable`, `Empty
    /// variable`, `Unsupported space in variable`, `Missing quote in variable`).
    ///
    /// ## Example
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username/*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/home/${aws:username}/*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
    /// - IAM Access Analyzer checks on variables (errors):
    ///   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM025",
        name: "policy-variable-use",
        severity: Error,
        check: check,
    }
}

/// What is wrong with the `${…}` of one value, if anything.
fn malformed(value: &str) -> Option<&'static str> {
    let mut rest = value;
    while let Some(at) = rest.find("${") {
        let tail = &rest[at + 2..];
        let Some(end) = tail.find('}') else {
            return Some("has a ${ without its closing }");
        };
        let inner = &tail[..end];
        if inner.trim().is_empty() {
            return Some("has an empty variable ${}");
        }
        // `${key, 'default'}`: a space may follow the comma (AWS's own examples), not sit in the key.
        let (key, default) = inner.split_once(',').map_or((inner, None), |(k, d)| (k, Some(d.trim())));
        if key.contains(char::is_whitespace) {
            return Some("has a space inside the variable's key");
        }
        if default.is_some_and(|d| d.len() < 2 || !d.starts_with('\'') || !d.ends_with('\'')) {
            return Some("has a default value without its single quotes");
        }
        rest = &tail[end + 1..];
    }
    None
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let version = ctx.policy.version.as_ref().map(|v| v.value.as_str());
    let substituted = version == Some("2012-10-17");
    for node in ctx.statements() {
        let statement = node.statement;
        let mut report = |text: &Text, path: String, message: String, help: &str| {
            out.push(Diagnostic::new(&RULE, message).at(text.span).path(path).help(help.to_owned()));
        };
        // Where variables are read: each value must be well formed, and the version must read them.
        for (element, item) in node.resource_values() {
            judge_readable(item, node.path_to(element), substituted, &mut report);
        }
        for e in node.operator_entries() {
            for (i, value) in e.entry.values.items.iter().enumerate() {
                if !value.value.contains("${") {
                    continue;
                }
                if matches!(e.operator.family, Family::String | Family::Arn) {
                    judge_readable(value, e.path(Some(i)), substituted, &mut report);
                } else {
                    report(
                        value,
                        e.path(Some(i)),
                        format!("{} does not read policy variables: {} is compared as written", e.clause.operator.value, escape_string(&value.value)),
                        "use a String or ARN operator, or a literal value",
                    );
                }
            }
        }
        // Where they are never read.
        let actions = [("Action", &statement.action), ("NotAction", &statement.not_action)];
        for (element, list) in actions {
            for item in list.iter().flat_map(|l| &l.items).filter(|t| t.value.contains("${")) {
                report(item, node.path_to(element), format!("{element} does not read policy variables: {} matches no action", escape_string(&item.value)), "name the actions; variables work in Resource and in condition values only");
            }
        }
        for (element, principal) in [("Principal", &statement.principal), ("NotPrincipal", &statement.not_principal)] {
            for (_, item) in principal.iter().flat_map(|p| p.values()).filter(|(_, t)| t.value.contains("${")) {
                report(item, node.path_to(element), format!("{element} does not read policy variables: {} names no principal", escape_string(&item.value)), "name the principals; to match the caller, use a condition on aws:PrincipalArn");
            }
        }
    }
}

fn judge_readable(item: &Text, path: String, substituted: bool, report: &mut impl FnMut(&Text, String, String, &str)) {
    if !item.value.contains("${") {
        return;
    }
    if let Some(what) = malformed(&item.value) {
        report(item, path, format!("{} {what}, so IAM reads it as text", escape_string(&item.value)), "write the variable as ${aws:username}");
    } else if !substituted {
        report(
            item,
            path,
            format!("{} is compared as text: policy variables need \"Version\": \"2012-10-17\"", escape_string(&item.value)),
            "set \"Version\": \"2012-10-17\"",
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    #[test]
    fn table() {
        assert_fails(
            &RULE,
            Identity,
            &[
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username"}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${}/*"}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws: username}/*"}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username }/*"}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:PrincipalTag/team, company-wide}/*"}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"StringLike": {"s3:prefix": "${aws:PrincipalTag/team, 'company-wide}/*"}}}]}"#,
                r#"{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"}]}"#,
                r#"{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username}/*"}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:${aws:PrincipalTag/action}", "Resource": "*"}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*", "Condition": {"NumericLessThan": {"s3:max-keys": "${aws:PrincipalTag/max}"}}}]}"#,
            ],
        );
        assert_fails(
            &RULE,
            Bucket,
            &[r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:user/${aws:username}"}, "Action": "s3:GetObject", "Resource": "*"}]}"#],
        );
    }

    /// Valid uses from AWS's policy-variables page that a check for `${` outside Resource, or
    /// for unbalanced braces by counting, would flag.
    #[test]
    fn aws_documented_variables_pass() {
        assert_passes(
            &RULE,
            Identity,
            &[
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket", "Condition": {"StringLike": {"s3:prefix": ["${aws:username}/*"]}}}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/${aws:PrincipalTag/team, 'company-wide'}/*"}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:*AccessKey*", "Resource": "arn:aws:iam::111122223333:user/${aws:username}"}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${*}literal-star", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:iam::111122223333:role/${aws:PrincipalTag/role}"}}}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": {"Null": {"aws:username": "false"}}}]}"#,
                r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:PrincipalTag/team,'company wide'}/${aws:username, ''}/*"}]}"#,
            ],
        );
    }

    #[test]
    fn points_at_the_value() {
        let text = r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:username"}]}"#;
        let found = findings(&RULE, Identity, text);
        assert_eq!(flagged(text, &found[0]), "\"arn:aws:s3:::b/${aws:username\"");
        assert_eq!(found[0].message, "\"arn:aws:s3:::b/${aws:username\" has a ${ without its closing }, so IAM reads it as text");
    }
}
