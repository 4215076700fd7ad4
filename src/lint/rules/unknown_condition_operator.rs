//! IAM018: condition operators are ones IAM knows.

use crate::catalog::iam::{self, OperatorError};
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic, Severity};
use crate::message::ids;

crate::declare_rule! {
    /// A condition operator is not one IAM knows.
    ///
    /// ## What it does
    /// Checks every operator of `Condition` against IAM's operators (`StringEquals`,
    /// `ArnLike`, `NumericLessThan`, `DateGreaterThan`, `Bool`, `BinaryEquals`, `IpAddress`,
    /// `Null`, …), each optionally with the `IfExists` suffix and a `ForAllValues:` or
    /// `ForAnyValue:` qualifier (`Null` takes neither), and suggests the nearest spelling. A
    /// name that differs only in letter case is a warning: AWS always writes it one way and
    /// does not document whether another case is accepted.
    ///
    /// ## Why it matters
    /// AWS rejects a policy with an unknown operator (`MalformedPolicyDocumentException`,
    /// "Invalid Condition type"), so the whole `put-key-policy` or `put-bucket-policy` fails.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:GenerateDataKey*", "Resource": "*", "Condition": {"StringEqual": {"aws:SourceAccount": "111122223333"}, "ForAnyValues:StringLike": {"aws:SourceOrgPaths": "o-a1b2c3d4e5/*"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:GenerateDataKey*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "ForAnyValue:StringLike": {"aws:SourceOrgPaths": "o-a1b2c3d4e5/*"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
    /// - IAM Access Analyzer checks "Error – Invalid condition operator" and "Error – Null with if
    ///   exists": https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM018",
        name: "unknown-condition-operator",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for clause in &node.statement.condition {
            let name = clause.operator.value.as_str();
            let Err(error) = iam::Operator::parse(name) else {
                continue;
            };
            let quoted = escape_string(name);
            let d = match error {
                OperatorError::Unknown { suggestion } => {
                    let d = Diagnostic::new(&RULE, ids::unknown_condition_operator(&quoted));
                    match suggestion {
                        Some(s) => d.help(ids::unknown_condition_operator_help(&s)),
                        None => d.help(ids::unknown_condition_operator_help_2()),
                    }
                }
                OperatorError::UnknownQualifier { qualifier, suggestion } => {
                    let d = Diagnostic::new(&RULE, ids::unknown_condition_operator_2(&quoted, &qualifier))
                        .note(ids::unknown_condition_operator_note());
                    match suggestion {
                        Some(s) => d.help(ids::unknown_condition_operator_help_3(&s, &name.split_once(':').map_or("", |(_, r)| r))),
                        None => d.help(ids::unknown_condition_operator_help_4()),
                    }
                }
                OperatorError::Case { canonical } => Diagnostic::new(
                    &RULE,
                    ids::unknown_condition_operator_4(&quoted, &canonical),
                )
                .severity(Severity::Warning)
                .help(ids::unknown_condition_operator_help_5(&canonical))
                .note(ids::unknown_condition_operator_note_2()),
                OperatorError::NullQualified => {
                    Diagnostic::new(&RULE, ids::unknown_condition_operator_3(&quoted))
                        .help(ids::unknown_condition_operator_help_6())
                }
            };
            out.push(
                d.at(clause.operator.span)
                    .path(node.path_to(&format!("Condition.{name}"))),
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
        assert_fails(
            &RULE,
            Bucket,
            &[
                r#"{"Statement": [{"Condition": {"StringEqualz": {"aws:SourceAccount": "1"}}}]}"#,
                r#"{"Statement": [{"Condition": {"Boolean": {"aws:SecureTransport": "false"}}}]}"#,
                r#"{"Statement": [{"Condition": {"ForAnyValues:StringLike": {"aws:SourceOrgPaths": "o-1/*"}}}]}"#,
                r#"{"Statement": [{"Condition": {"stringequals": {"aws:SourceAccount": "1"}}}]}"#,
                r#"{"Statement": [{"Condition": {"NullIfExists": {"aws:SourceAccount": "true"}}}]}"#,
                r#"{"Statement": [{"Condition": {"ArnEqualsIfExist": {"aws:SourceArn": "arn:aws:s3:::b"}}}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Bucket,
            &[
                r#"{"Statement": [{"Condition": {"StringEquals": {}, "StringNotEqualsIgnoreCase": {}, "StringLikeIfExists": {}, "ForAllValues:StringEquals": {}, "ForAnyValue:StringLike": {}, "ArnLike": {}, "ArnNotEquals": {}, "NumericLessThanEquals": {}, "DateGreaterThan": {}, "Bool": {}, "BinaryEquals": {}, "IpAddress": {}, "NotIpAddress": {}, "Null": {}, "ForAnyValue:ArnLikeIfExists": {}}}]}"#,
            ],
        );
    }

    #[test]
    fn suggestions_and_severities() {
        let text = r#"{"Statement": [{"Condition": {"Bool": {}, "Boolean": {"aws:SecureTransport": "false"}}}]}"#;
        let found = findings(&RULE, Bucket, text);
        assert_eq!(found.len(), 1);
        assert_eq!(flagged(text, &found[0]), "\"Boolean\"");
        assert_eq!(found[0].help.as_deref(), Some("did you mean \"Bool\"?"));
        assert_eq!(found[0].path, "Statement[0].Condition.Boolean");
        let qualifier = findings(
            &RULE,
            Bucket,
            r#"{"Statement": [{"Condition": {"ForAnyValues:StringLike": {}}}]}"#,
        );
        assert_eq!(
            qualifier[0].help.as_deref(),
            Some("did you mean \"ForAnyValue:StringLike\"?")
        );
        let case = findings(&RULE, Bucket, r#"{"Statement": [{"Condition": {"stringEquals": {}}}]}"#);
        assert_eq!(case[0].severity, Severity::Warning);
        assert_eq!(case[0].help.as_deref(), Some("write \"StringEquals\""));
    }
}
