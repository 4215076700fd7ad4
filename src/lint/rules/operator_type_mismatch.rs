//! IAM019: a condition operator compares values of its key's type.

use crate::catalog::iam::{self, ConditionKey, Family, ValueType};
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};

use super::unknown_service::dataset_label;
use crate::message::ids;

crate::declare_rule! {
    /// A condition operator does not fit the type of its key.
    ///
    /// ## What it does
    /// Compares each operator's family with the type AWS's Service Authorization Reference
    /// gives the key: String keys take `String…` operators, ARN keys `Arn…` or `String…`
    /// operators, and Bool, Numeric, Date and IPAddress keys `Bool`, `Numeric…`, `Date…` and
    /// `IpAddress`/`NotIpAddress`. `Null` fits every key. `Arn…` operators are accepted on
    /// open-ended String keys (`kms:EncryptionContext:…`, tags), whose values may be ARNs, as
    /// AWS's own CloudWatch Logs key policy does. Keys the catalogue does not type are skipped.
    ///
    /// ## Why it matters
    /// An operator reads its values as its own type. `NumericEquals` on `aws:SourceAccount` or
    /// `ArnEquals` on it compare an account id as a number or as an ARN, `StringEquals` on
    /// `aws:CurrentTime` compares a timestamp as text: such conditions match never, or by
    /// accident, so the statement does not do what it says.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:GenerateDataKey*", "Resource": "*", "Condition": {"ArnEquals": {"aws:SourceAccount": "111122223333"}, "StringEquals": {"aws:SecureTransport": "true"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:GenerateDataKey*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "Bool": {"aws:SecureTransport": "true"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
    /// - IAM Access Analyzer checks "Error – Data type mismatch" and "General Warning – Type
    ///   mismatch": https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM019",
        name: "operator-type-mismatch",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for e in node.operator_entries() {
            let Some(key) = iam::condition_key(e.key()) else {
                continue;
            };
            if fits(e.operator.family, key) {
                continue;
            }
            let Some(op_type) = e.operator.family.value_type() else {
                continue;
            };
            out.push(
                Diagnostic::new(
                    &RULE,
                    ids::operator_type_mismatch(&e.clause.operator.value, &op_type.label(), &escape_string(e.key()), &key.key_type.label()),
                )
                .at(e.entry.key.span)
                .path(e.path(None))
                .help(ids::operator_type_mismatch_help(&operators_for(key.key_type.value)))
                .note(ids::operator_type_mismatch_note(&dataset_label())),
            );
        }
    }
}

/// Whether operators of `family` read `key`'s values as what they are.
fn fits(family: Family, key: &ConditionKey) -> bool {
    let Some(op_type) = family.value_type() else {
        return true;
    };
    if key.has_value_type(op_type) {
        return true;
    }
    match (family, key.key_type.value) {
        (Family::String, ValueType::Arn) => true,
        (Family::Arn, ValueType::String) => key.is_template(),
        _ => false,
    }
}

fn operators_for(value: ValueType) -> &'static str {
    match value {
        ValueType::String => "a String operator (StringEquals, StringLike, …)",
        ValueType::Arn => "an ARN operator (ArnEquals, ArnLike, …) or a String operator",
        ValueType::Bool => "Bool",
        ValueType::Numeric => "a Numeric operator (NumericEquals, NumericLessThan, …)",
        ValueType::Date => "a Date operator (DateGreaterThan, DateLessThan, …)",
        ValueType::IpAddress => "IpAddress or NotIpAddress",
        ValueType::Binary => "BinaryEquals",
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
            Key,
            &[
                r#"{"Statement": [{"Condition": {"ArnEquals": {"aws:SourceAccount": "111122223333"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SecureTransport": "true"}}}]}"#,
                r#"{"Statement": [{"Condition": {"NumericLessThan": {"aws:CurrentTime": "5"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringLike": {"aws:SourceIp": "10.*"}}}]}"#,
                r#"{"Statement": [{"Condition": {"Bool": {"kms:ViaService": "true"}}}]}"#,
                r#"{"Statement": [{"Condition": {"ForAnyValue:NumericEquals": {"aws:TagKeys": "1"}}}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                r#"{"Statement": [{"Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:a"}}}]}"#,
                r#"{"Statement": [{"Condition": {"ArnLike": {"aws:SourceArn": "arn:*"}, "StringLike": {"aws:SourceArn": "arn:*"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": "1", "kms:CallerAccount": "1", "kms:ViaService": "x"}}}]}"#,
                r#"{"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": "false"}, "DateLessThan": {"aws:CurrentTime": "2030-01-01"}, "NumericLessThan": {"aws:EpochTime": "1", "aws:MultiFactorAuthAge": "3600"}, "DateGreaterThan": {"aws:EpochTime": "1"}}}]}"#,
                r#"{"Statement": [{"Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}, "Null": {"aws:SourceIp": "true", "aws:SecureTransport": "false"}}}]}"#,
                r#"{"Statement": [{"Condition": {"ForAnyValue:StringLike": {"aws:SourceOrgPaths": "o-1/*"}, "NumericEquals": {"ec2:Unknown": "1"}}}]}"#,
            ],
        );
    }

    #[test]
    fn says_both_types_and_the_fitting_operators() {
        let text = r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SecureTransport": "true"}}}]}"#;
        let found = findings(&RULE, Bucket, text);
        assert_eq!(
            found[0].message,
            "StringEquals compares String values, but \"aws:SecureTransport\" is of type Bool"
        );
        assert_eq!(found[0].help.as_deref(), Some("use Bool"));
        assert_eq!(flagged(text, &found[0]), "\"aws:SecureTransport\"");
    }
}
