//! IAM021: condition values have the form their operator and key read.

use std::net::IpAddr;

use crate::catalog::iam::Family;
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic, Severity};
use crate::policy::Literal;
use crate::message::ids;

/// Keys whose values are 12-digit account ids.
const ACCOUNT_KEYS: [&str; 5] = [
    "aws:SourceAccount",
    "aws:PrincipalAccount",
    "aws:ResourceAccount",
    "kms:CallerAccount",
    "s3:ResourceAccount",
];
/// Keys IAM009 already checks as ARNs, whitespace included.
const ARN_CHECKED: [&str; 3] = [
    "aws:SourceArn",
    "aws:PrincipalArn",
    "kms:EncryptionContext:aws:logs:arn",
];

crate::declare_rule! {
    /// A condition value is malformed for its operator or key.
    ///
    /// ## What it does
    /// Checks each value by what reads it: `Date…` operators take an ISO 8601 date or time
    /// (`2026-01-31`, `2026-01-31T12:00:00Z`) or epoch seconds (warning otherwise); `Bool` and
    /// `Null` take `true` or `false`; `IpAddress`/`NotIpAddress` an IPv4 or IPv6 address or CIDR
    /// block; `Numeric…` a number; and `aws:SourceAccount`, `aws:PrincipalAccount`,
    /// `aws:ResourceAccount`, `kms:CallerAccount` and `s3:ResourceAccount` under an exact
    /// String operator a 12-digit account id. It also warns about leading or trailing
    /// whitespace in any value (IAM009 covers ARN values). Values with policy variables are
    /// only checked for whitespace.
    ///
    /// ## Why it matters
    /// AWS rejects some of these outright (a malformed IP range or Boolean), and the rest can
    /// never match: `aws:SourceAccount` = `"1111-2222-3333"` or `"111122223333 "` matches no
    /// request, so the service that should deliver logs is refused.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:GenerateDataKey*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceAccount": "1111-2222-3333"}, "Bool": {"aws:SecureTransport": "yes"}, "IpAddress": {"aws:SourceIp": "10.0.0.0/33"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:GenerateDataKey*", "Resource": "*", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}, "Bool": {"aws:SecureTransport": "true"}, "IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
    /// - IAM Access Analyzer checks "Error – Invalid condition multiple Boolean", "Error – Type
    ///   mismatch IP range" and "General Warning – Invalid date value":
    ///   https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM021",
        name: "malformed-condition-value",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for e in node.operator_entries() {
            let (operator, key) = (e.operator, e.key());
            let arn_checked = operator.family == Family::Arn || ARN_CHECKED.iter().any(|k| k.eq_ignore_ascii_case(key));
            let account = ACCOUNT_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key))
                && operator.family == Family::String
                && !operator.base.contains("Like");
            for (i, item) in e.entry.values.items.iter().enumerate() {
                let v = item.value.as_str();
                let problem = if item.literal == Literal::String && v.trim() != v && !arn_checked {
                    Some((
                        Severity::Warning,
                        "has leading or trailing whitespace".to_owned(),
                        format!("write {}", escape_string(v.trim())),
                    ))
                } else if v.contains("${") {
                    None
                } else {
                    problem(operator.family, account, v)
                };
                let Some((severity, what, help)) = problem else {
                    continue;
                };
                out.push(
                    Diagnostic::new(
                        &RULE,
                        ids::malformed_condition_value(&escape_string(key), &escape_string(v), &what),
                    )
                    .severity(severity)
                    .at(item.span)
                    .path(e.path(Some(i)))
                    .help(help),
                );
            }
        }
    }
}

/// What is wrong with `v` for this operator family (and account-id key), and the remedy.
fn problem(family: Family, account: bool, v: &str) -> Option<(Severity, String, String)> {
    let error = |what: &str, help: &str| Some((Severity::Error, what.to_owned(), help.to_owned()));
    match family {
        Family::Bool | Family::Null if !matches!(v.to_ascii_lowercase().as_str(), "true" | "false") => {
            error("is not true or false", "write \"true\" or \"false\"")
        }
        Family::Numeric if v.parse::<f64>().map_or(true, |n| !n.is_finite()) => {
            error("is not a number", "write a number, e.g. \"3600\"")
        }
        Family::IpAddress if !is_ip_range(v) => error(
            "is not an IP address or CIDR block",
            "write an address or CIDR block, e.g. \"203.0.113.0/24\" or \"2001:db8::/32\"",
        ),
        Family::Date if !is_date(v) => Some((
            Severity::Warning,
            "is not an ISO 8601 date or epoch seconds".to_owned(),
            "write e.g. \"2026-01-31T00:00:00Z\" or \"1769817600\"".to_owned(),
        )),
        Family::String if account && !(v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit())) => error(
            "is not a 12-digit account id",
            "write the account id as 12 digits, without dashes, e.g. \"111122223333\"",
        ),
        _ => None,
    }
}

fn is_ip_range(v: &str) -> bool {
    let (address, bits) = match v.split_once('/') {
        Some((a, b)) => (a, Some(b)),
        None => (v, None),
    };
    let Ok(ip) = address.parse::<IpAddr>() else {
        return false;
    };
    let max = if ip.is_ipv4() { 32 } else { 128 };
    bits.is_none_or(|b| {
        !b.is_empty() && b.bytes().all(|c| c.is_ascii_digit()) && b.parse::<u32>().is_ok_and(|n| n <= max)
    })
}

/// `YYYY-MM-DD`, optionally `Thh:mm[:ss[.fff]]` and `Z` or `±hh:mm`; or epoch seconds.
fn is_date(v: &str) -> bool {
    if !v.is_empty() && v.len() <= 12 && v.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let number = |s: &str, len: usize, max: u32| {
        s.len() == len && s.bytes().all(|b| b.is_ascii_digit()) && s.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let (date, time) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let mut parts = date.split('-');
    let ok_date = matches!((parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(y), Some(m), Some(d), None) if number(y, 4, 9999) && number(m, 2, 12) && m != "00" && number(d, 2, 31) && d != "00");
    let Some(time) = time else { return ok_date };
    let (clock, zone) = match time.find(['Z', '+', '-']) {
        Some(i) => time.split_at(i),
        None => (time, ""),
    };
    let zone_ok = zone.is_empty() || zone == "Z" || {
        let z = &zone[1..];
        matches!(z.split_once(':'), Some((h, m)) if number(h, 2, 23) && number(m, 2, 59))
    };
    let clock = clock.split_once('.').map_or(clock, |(c, fraction)| {
        if fraction.bytes().all(|b| b.is_ascii_digit()) && !fraction.is_empty() {
            c
        } else {
            "x"
        }
    });
    let mut fields = clock.split(':');
    let ok_clock = match (fields.next(), fields.next(), fields.next(), fields.next()) {
        (Some(h), Some(m), None, None) => number(h, 2, 23) && number(m, 2, 59),
        (Some(h), Some(m), Some(s), None) => number(h, 2, 23) && number(m, 2, 59) && number(s, 2, 60),
        _ => false,
    };
    ok_date && ok_clock && zone_ok
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
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": "1111-2222-3333"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:ResourceAccount": ["111122223333", "12345"]}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringEquals": {"kms:ViaService": "logs.us-east-1.amazonaws.com "}}}]}"#,
                r#"{"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": "yes"}}}]}"#,
                r#"{"Statement": [{"Condition": {"Null": {"aws:SourceArn": "no"}}}]}"#,
                r#"{"Statement": [{"Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/33"}}}]}"#,
                r#"{"Statement": [{"Condition": {"NotIpAddress": {"aws:SourceIp": "10.0.0"}}}]}"#,
                r#"{"Statement": [{"Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "one hour"}}}]}"#,
                r#"{"Statement": [{"Condition": {"DateGreaterThan": {"aws:CurrentTime": "31/01/2026"}}}]}"#,
                r#"{"Statement": [{"Condition": {"DateLessThan": {"aws:CurrentTime": "2026-13-01T00:00:00Z"}}}]}"#,
            ],
        );
        assert_passes(
            &RULE,
            Key,
            &[
                r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": ["111122223333"], "kms:CallerAccount": "111122223333", "aws:PrincipalAccount": "${aws:ResourceAccount}"}}}]}"#,
                r#"{"Statement": [{"Condition": {"StringLike": {"aws:SourceAccount": "1111*"}, "ArnLike": {"aws:SourceArn": "arn:aws:logs:us-east-1:111122223333:* "}}}]}"#,
                r#"{"Statement": [{"Condition": {"Bool": {"aws:SecureTransport": false, "aws:ViaAWSService": "True"}, "Null": {"aws:SourceArn": "true"}}}]}"#,
                r#"{"Statement": [{"Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "203.0.113.7", "2001:db8::/32"]}}}]}"#,
                r#"{"Statement": [{"Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": 3600, "s3:max-keys": "10.5"}}}]}"#,
                r#"{"Statement": [{"Condition": {"DateLessThan": {"aws:CurrentTime": ["2026-01-31", "2026-01-31T12:00:00Z", "2026-01-31T12:00Z", "2026-01-31T12:00:00.123+02:00", "1769817600"]}}}]}"#,
            ],
        );
    }

    #[test]
    fn points_at_the_value_with_the_right_severity() {
        let text = r#"{"Statement": [{"Condition": {"StringEquals": {"aws:SourceAccount": ["111122223333", "1111-2222-3333"]}, "DateLessThan": {"aws:CurrentTime": "tomorrow"}}}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].message,
            "\"aws:SourceAccount\" value \"1111-2222-3333\" is not a 12-digit account id"
        );
        assert_eq!(flagged(text, &found[0]), "\"1111-2222-3333\"");
        assert_eq!(
            found[0].path,
            "Statement[0].Condition.StringEquals.aws:SourceAccount[1]"
        );
        assert_eq!(found[0].severity, Severity::Error);
        assert_eq!(found[1].severity, Severity::Warning);
        let spaced = findings(
            &RULE,
            Key,
            r#"{"Statement": [{"Condition": {"StringEquals": {"kms:ViaService": " logs.us-east-1.amazonaws.com"}}}]}"#,
        );
        assert_eq!(
            spaced[0].help.as_deref(),
            Some("write \"logs.us-east-1.amazonaws.com\"")
        );
        assert_eq!(spaced[0].severity, Severity::Warning);
    }
}
