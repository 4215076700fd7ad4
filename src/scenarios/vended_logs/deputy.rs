//! The service principal of vended logs and the confused-deputy conditions every statement that
//! admits it carries (domain-facts §4.7).

use super::VendedLogsSpec;
use crate::policy::{Principal, PrincipalEntry, Statement, Text, ValueList};

/// The same name in every partition (domain-facts §6.1).
pub const DELIVERY_PRINCIPAL: &str = "delivery.logs.amazonaws.com";

/// `{"Service": "delivery.logs.amazonaws.com"}`; `array` writes the value as a one-item list, as
/// AWS's log-group and key examples do.
pub fn delivery_principal(array: bool) -> Principal {
    let values = if array {
        ValueList::array_of([DELIVERY_PRINCIPAL])
    } else {
        ValueList::of([DELIVERY_PRINCIPAL])
    };
    Principal::Map(vec![PrincipalEntry {
        kind: Text::new("Service"),
        values,
    }])
}

/// Adds `aws:SourceAccount` (after any `StringEquals` key already there, as AWS orders them),
/// `aws:SourceArn` and, when given, `aws:SourceOrgID` and `aws:SourceOrgPaths`. All are ANDed, so
/// the organization keys only narrow the account and ARN checks.
pub fn scoped(statement: Statement, input: &VendedLogsSpec) -> Statement {
    let mut s = statement.with_condition(
        "StringEquals",
        "aws:SourceAccount",
        ValueList::array_of([input.source_account()]),
    );
    let org = input.org_id.as_str();
    if !org.is_empty() {
        s = s.with_condition("StringEquals", "aws:SourceOrgID", ValueList::of([org]));
    }
    s = s.with_condition("ArnLike", "aws:SourceArn", ValueList::array_of([input.source_arn()]));
    let paths = input.org_paths();
    if !paths.is_empty() {
        // A multi-valued key: ForAnyValue matches when any of the source's paths is listed.
        s = s.with_condition(
            "ForAnyValue:StringLike",
            "aws:SourceOrgPaths",
            ValueList::array_of(paths),
        );
    }
    s
}

/// The sentence every explanation of a scoped statement ends with.
pub fn why(input: &VendedLogsSpec) -> String {
    let mut text = format!(
        "aws:SourceAccount = {} and aws:SourceArn = {} stop another account's deliveries from using this grant (the confused-deputy problem)",
        input.source_account(),
        input.source_arn()
    );
    if !input.org_id.as_str().is_empty() {
        text.push_str(&format!(
            "; aws:SourceOrgID = {} also requires the source account to be in that organization",
            input.org_id.as_str()
        ));
    }
    if !input.org_paths().is_empty() {
        text.push_str("; aws:SourceOrgPaths requires it to be under one of the listed organization paths");
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenarios::vended_logs::{parse, VendedLogsInput};

    fn keys(s: &Statement) -> Vec<(String, String)> {
        s.condition
            .iter()
            .flat_map(|c| {
                c.entries
                    .iter()
                    .map(|e| (c.operator.value.clone(), e.key.value.clone()))
            })
            .collect()
    }

    #[test]
    fn organization_keys_are_added_only_when_given_and_in_aws_order() {
        let plain = VendedLogsInput::default();
        let pairs = keys(&scoped(Statement::default(), &parse(&plain).0));
        assert_eq!(
            pairs,
            [
                ("StringEquals".into(), "aws:SourceAccount".into()),
                ("ArnLike".into(), "aws:SourceArn".into())
            ]
        );
        let org = parse(&VendedLogsInput {
            org_id: "o-a1b2c3d4e5".into(),
            org_paths: vec!["o-a1b2c3d4e5/r-ab12/*".into(), " ".into()],
            ..plain
        })
        .0;
        let s = scoped(Statement::default(), &org);
        assert_eq!(
            keys(&s).iter().map(|(_, k)| k.as_str()).collect::<Vec<_>>(),
            [
                "aws:SourceAccount",
                "aws:SourceOrgID",
                "aws:SourceArn",
                "aws:SourceOrgPaths"
            ]
        );
        let paths = s
            .condition_values("ForAnyValue:StringLike", "aws:SourceOrgPaths")
            .unwrap();
        assert_eq!(paths.values().collect::<Vec<_>>(), ["o-a1b2c3d4e5/r-ab12/*"]);
        assert!(why(&org).contains("aws:SourceOrgPaths"));
    }
}
