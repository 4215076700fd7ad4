//! IAM009: values that must be ARNs are well-formed ARNs.

use crate::json::{escape_string, Value, ValueKind};
use crate::lint::fix::Fix;
use crate::lint::{Context, Diagnostic};
use crate::policy::{is_account_id, Arn, ArnError, PolicyKind};
use crate::message::ids;

crate::declare_rule! {
    /// A value that must be an ARN is malformed.
    ///
    /// ## What it does
    /// Checks every value that must be an ARN: `Resource` and `NotResource` values other than
    /// `"*"`; `AWS` principals other than `"*"` and 12-digit account ids; and condition values
    /// under the `Arn` operators (`ArnEquals`, `ArnLike`, `ArnNotEquals`, `ArnNotLike`, with
    /// `IfExists` or a `ForAllValues:`/`ForAnyValue:` prefix) or under `aws:SourceArn`,
    /// `aws:PrincipalArn` and `kms:EncryptionContext:aws:logs:arn` whatever the operator. It
    /// flags whitespace anywhere, fewer than six colon-separated fields, an account that is
    /// not 12 digits, an S3 bucket ARN with a Region or account, an IAM or STS ARN with a
    /// Region, a partition AWS does not have (`arn:amazon:…`, `arn:AWS:…`) and a service prefix
    /// with capitals (`arn:aws:S3:::…`), which never matches. Wildcards and policy variables such
    /// as `${aws:username}` are accepted.
    ///
    /// ## Why it matters
    /// AWS rejects a malformed `Resource` or principal with `MalformedPolicyDocumentException`.
    /// A condition value is only compared, so a malformed one can be saved and then never
    /// matches: the statement silently stops working, as when a trailing space is pasted into
    /// the log group ARN of `kms:EncryptionContext:aws:logs:arn` and CloudWatch Logs can no
    /// longer use the key.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:1111-2222-3333:log-group:app "}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {"ArnEquals": {"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:us-east-1:111122223333:log-group:app"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_ARN
    /// - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
    pub static RULE = {
        code: "IAM009",
        name: "malformed-arn",
        severity: Error,
        check: check,
    }
}

/// Condition keys whose values are ARNs whatever the operator.
const ARN_KEYS: [&str; 3] = [
    "aws:SourceArn",
    "aws:PrincipalArn",
    "kms:EncryptionContext:aws:logs:arn",
];
const ARN_OPERATORS: [&str; 4] = ["ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"];
/// S3 resource types whose ARNs do carry a Region and account; any other S3 ARN names a bucket.
const S3_TYPED: [&str; 6] = [
    "accesspoint",
    "job",
    "storage-lens",
    "storage-lens-group",
    "access-grants",
    "async-request",
];

/// Where a value sits, which decides what else it may be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Resource,
    Principal,
    /// Under an `Arn*` operator.
    ArnCondition,
    /// Under another operator, for an ARN-valued key: wildcards are string globs there.
    StringCondition,
}

impl Place {
    fn label(self) -> &'static str {
        match self {
            Place::Resource => "resource",
            Place::Principal => "principal",
            Place::ArnCondition | Place::StringCondition => "condition value",
        }
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let Some(members) = node.json.as_object() else { continue };
        for m in members {
            let path = node.path_to(&m.key);
            match m.key.as_str() {
                "Resource" | "NotResource" => {
                    for (p, v) in items(&m.value, &path) {
                        value(ctx, v, p, Place::Resource, out);
                    }
                }
                "Principal" | "NotPrincipal" => {
                    for e in m.value.as_object().unwrap_or(&[]).iter().filter(|e| e.key == "AWS") {
                        for (p, v) in items(&e.value, &format!("{path}.AWS")) {
                            value(ctx, v, p, Place::Principal, out);
                        }
                    }
                }
                "Condition" => {
                    for op in m.value.as_object().unwrap_or(&[]) {
                        let base = base_operator(&op.key);
                        if base.eq_ignore_ascii_case("Null") {
                            continue;
                        }
                        let arn_operator = ARN_OPERATORS.iter().any(|o| o.eq_ignore_ascii_case(base));
                        for e in op.value.as_object().unwrap_or(&[]) {
                            let arn_key = ARN_KEYS.iter().any(|k| k.eq_ignore_ascii_case(&e.key));
                            let place = match (arn_operator, arn_key) {
                                (true, _) => Place::ArnCondition,
                                (false, true) => Place::StringCondition,
                                (false, false) => continue,
                            };
                            for (p, v) in items(&e.value, &format!("{path}.{}.{}", op.key, e.key)) {
                                value(ctx, v, p, place, out);
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// `ForAnyValue:ArnLikeIfExists` → `ArnLike`.
fn base_operator(op: &str) -> &str {
    let op = op
        .strip_prefix("ForAllValues:")
        .or_else(|| op.strip_prefix("ForAnyValue:"))
        .unwrap_or(op);
    op.strip_suffix("IfExists").unwrap_or(op)
}

/// The values of a string-or-array element, each with its path.
fn items<'v>(v: &'v Value, path: &str) -> Vec<(String, &'v Value)> {
    match v.as_array() {
        Some(list) => list
            .iter()
            .enumerate()
            .map(|(i, item)| (format!("{path}[{i}]"), item))
            .collect(),
        None => vec![(path.to_owned(), v)],
    }
}

fn value(ctx: &Context, v: &Value, path: String, place: Place, out: &mut Vec<Diagnostic>) {
    let text = match &v.kind {
        ValueKind::String(s) => s.clone(),
        // Booleans and numbers are never ARNs, but only condition values may be one (IAM010).
        ValueKind::Bool(_) | ValueKind::Number(_) if place != Place::Resource && place != Place::Principal => {
            ctx.text.get(v.span.start..v.span.end).unwrap_or_default().to_owned()
        }
        _ => return,
    };
    if let Some((message, help, fixed)) = problem(&text, place, ctx.kind) {
        let d = Diagnostic::new(&RULE, ids::malformed_arn(&place.label(), &escape_string(&text), &message))
            .at(v.span)
            .path(path);
        let d = match help {
            Some(help) => d.help(help),
            None => d,
        };
        out.push(match fixed {
            Some(fixed) => {
                let quoted = escape_string(&fixed);
                d.fix(Fix::replace(format!("Write {quoted}"), v.span, quoted))
            }
            None => d,
        });
    }
}

/// What is wrong with `v`, the remedy, and the corrected value when it is mechanical.
type Problem = (String, Option<String>, Option<String>);

/// What is wrong with `v` as an ARN in `place`: `None` when it is fine.
fn problem(v: &str, place: Place, kind: PolicyKind) -> Option<Problem> {
    if v == "*" || v.is_empty() {
        return None; // The empty string is IAM010's.
    }
    if place == Place::Principal && (is_account_id(v) || is_unique_id(v)) {
        return None;
    }
    if let Some(found) = whitespace(v) {
        return Some(found);
    }
    // Policy variables may hold colons (`${aws:username}`); stand them in with a wildcard.
    let plain = without_variables(v);
    // Under a string operator `*` may match colons too (`arn:aws:logs:*`), so only the fields
    // before the first wildcard are known; elsewhere every field is.
    let known = match plain.find(['*', '?']) {
        Some(cut) if place == Place::StringCondition => plain[..cut].matches(':').count(),
        _ => usize::MAX,
    };
    let arn = match Arn::parse(&plain) {
        Ok(arn) => arn,
        Err(_) if known != usize::MAX => return None,
        Err(ArnError::NotAnArn) => return not_an_arn(v, place, kind),
        Err(error) => return Some((error.to_string(), Some(FORM.to_owned()), None)),
    };
    // Fields by position: arn 0, partition 1, service 2, region 3, account 4.
    let wild = |field: &str, index: usize| known <= index || field.contains(['*', '?']);
    if known <= 2 {
        return None;
    }
    if let Some(found) = partition_or_service_case(v, &plain, &arn, wild) {
        return Some(found);
    }
    if arn.service == "s3" && !S3_TYPED.contains(&arn.resource.split('/').next().unwrap_or_default()) {
        // Suggest a fixed ARN only when no policy variable was stood in for.
        let fixed = (plain == v).then(|| format!("arn:{}:s3:::{}", arn.partition, arn.resource));
        let help = fixed.as_ref().map(|f| format!("write \"{f}\""));
        if !arn.account.is_empty() && !wild(arn.account, 4) {
            let message = format!("has account \"{}\", but S3 bucket ARNs have no account", arn.account);
            return Some((message, help, fixed));
        }
        if !arn.region.is_empty() && !wild(arn.region, 3) {
            return Some((
                format!("has Region \"{}\", but S3 bucket ARNs have no Region", arn.region),
                help,
                fixed,
            ));
        }
        return None;
    }
    if (arn.service == "iam" || arn.service == "sts") && !arn.region.is_empty() && !wild(arn.region, 3) {
        let service = arn.service.to_ascii_uppercase();
        let fixed = (plain == v).then(|| {
            format!(
                "arn:{}:{}::{}:{}",
                arn.partition, arn.service, arn.account, arn.resource
            )
        });
        return Some((
            format!("has Region \"{}\", but {service} ARNs have no Region", arn.region),
            fixed.as_ref().map(|f| format!("write \"{f}\"")),
            fixed,
        ));
    }
    // `aws` is the account of AWS-owned resources, as in `arn:aws:iam::aws:policy/…`.
    if !arn.account.is_empty() && !wild(arn.account, 4) && !arn.has_valid_account() && arn.account != "aws" {
        let digits: String = arn.account.chars().filter(|c| *c != '-').collect();
        let (help, fixed) = if is_account_id(&digits) {
            let fixed = v.replacen(&format!(":{}:", arn.account), &format!(":{digits}:"), 1);
            (
                format!("write the account as \"{digits}\", without dashes"),
                Some(fixed),
            )
        } else {
            ("an account id is exactly 12 digits, e.g. 111122223333".to_owned(), None)
        };
        return Some((
            format!("has account \"{}\", which is not 12 digits", arn.account),
            Some(help),
            fixed,
        ));
    }
    None
}

const FORM: &str = "an ARN has the form arn:partition:service:region:account:resource";

/// Every partition AWS has (domain facts §6.1), not only the three this tool generates for.
const PARTITIONS: [&str; 8] = [
    "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
];

/// A partition AWS does not have (AA's `INVALID_PARTITION`), or a service prefix with capitals
/// (`INVALID_ARN_SERVICE_CASE`: prefixes are lower case and compared as written). The fix writes
/// it in lower case when that is a real partition or, for the service, always.
fn partition_or_service_case(v: &str, plain: &str, arn: &Arn, wild: impl Fn(&str, usize) -> bool) -> Option<Problem> {
    // The ARN as written, after `arn:PARTITION:SERVICE`, when no variable was stood in for.
    let tail = (plain == v).then(|| &v[4 + arn.partition.len() + 1 + arn.service.len()..]);
    if !wild(arn.partition, 1) && !PARTITIONS.contains(&arn.partition) {
        let lower = arn.partition.to_ascii_lowercase();
        let fixed = tail
            .filter(|_| PARTITIONS.contains(&lower.as_str()))
            .map(|tail| format!("arn:{lower}:{}{tail}", arn.service));
        return Some((
            format!("has partition \"{}\", which AWS does not have", arn.partition),
            Some(match &fixed {
                Some(f) => format!("write \"{f}\""),
                None => "the partition is aws, aws-cn or aws-us-gov (or aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc)".to_owned(),
            }),
            fixed,
        ));
    }
    if !wild(arn.service, 2) && arn.service.bytes().any(|b| b.is_ascii_uppercase()) {
        let lower = arn.service.to_ascii_lowercase();
        let fixed = tail.map(|tail| format!("arn:{}:{lower}{tail}", arn.partition));
        return Some((
            format!("has service \"{}\" with capitals; service prefixes are lower case (\"{lower}\")", arn.service),
            fixed.as_ref().map(|f| format!("write \"{f}\"")),
            fixed,
        ));
    }
    None
}

/// Leading, trailing or inner whitespace: a value pasted with a stray space.
fn whitespace(v: &str) -> Option<Problem> {
    let c = v.chars().find(|c| c.is_whitespace())?;
    let what = match c {
        ' ' | '\u{a0}' => "a space",
        '\t' => "a tab",
        '\n' | '\r' => "a line break",
        _ => "whitespace",
    };
    let trimmed = v.trim();
    let leading = v.starts_with(char::is_whitespace);
    let trailing = v.ends_with(char::is_whitespace);
    let inside = trimmed.contains(char::is_whitespace);
    let place = match (leading, trailing, inside) {
        (true, true, false) => "leading and trailing",
        (true, false, false) => "leading",
        (false, true, false) => "trailing",
        _ => "inside",
    };
    // Whitespace inside may stand for a missing character, so only stray ends are trimmed.
    let (help, fixed) = if inside {
        ("remove the whitespace: an ARN contains none".to_owned(), None)
    } else {
        (format!("write {}", escape_string(trimmed)), Some(trimmed.to_owned()))
    };
    Some((format!("contains {what} ({place})"), Some(help), fixed))
}

fn not_an_arn(v: &str, place: Place, kind: PolicyKind) -> Option<Problem> {
    let looks_like_arn = v.starts_with("arn") || v.contains(':');
    if place == Place::Resource && !looks_like_arn && !matches!(kind, PolicyKind::Bucket | PolicyKind::Identity) {
        return None; // Only IAM and S3 are known to reject a resource that is not an ARN.
    }
    let mut fixed = None;
    let help = if v.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("arn:")) {
        fixed = Some(format!("arn:{}", &v[4..]));
        format!("write \"arn:\" in lowercase: \"arn:{}\"", &v[4..])
    } else {
        match place {
            Place::Principal => {
                let digits: String = v.chars().filter(|c| *c != '-').collect();
                if is_account_id(&digits) {
                    let help = format!("write the account id without dashes: \"{digits}\"");
                    fixed = Some(digits);
                    help
                } else {
                    "an AWS principal is an ARN such as arn:aws:iam::111122223333:root, or a 12-digit account id"
                        .to_owned()
                }
            }
            // Not offered as a fix: the partition is a guess.
            Place::Resource if kind == PolicyKind::Bucket && !v.contains(':') => {
                format!("write \"arn:aws:s3:::{v}\" (in the aws partition)")
            }
            _ => format!("{FORM}, or \"*\""),
        }
    };
    let message = if place == Place::Principal {
        "is not an ARN or a 12-digit account id"
    } else {
        "is not an ARN"
    };
    Some((message.to_owned(), Some(help), fixed))
}

/// An IAM unique id (`AIDA…` user, `AROA…` role): what AWS shows in place of a deleted principal.
fn is_unique_id(v: &str) -> bool {
    (v.starts_with("AIDA") || v.starts_with("AROA"))
        && v.len() >= 16
        && v.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// `v` with each `${…}` policy variable replaced by `*`.
fn without_variables(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    let mut rest = v;
    while let Some(start) = rest.find("${") {
        let Some(len) = rest[start..].find('}') else { break };
        out.push_str(&rest[..start]);
        out.push('*');
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    fn resource(r: &str) -> String {
        format!(r#"{{"Statement": [{{"Effect": "Allow", "Action": "s3:GetObject", "Resource": {r}}}]}}"#)
    }

    fn principal(p: &str) -> String {
        format!(
            r#"{{"Statement": [{{"Effect": "Allow", "Principal": {{"AWS": {p}}}, "Action": "kms:*", "Resource": "*"}}]}}"#
        )
    }

    fn condition(op: &str, key: &str, v: &str) -> String {
        format!(
            r#"{{"Statement": [{{"Effect": "Allow", "Action": "kms:*", "Resource": "*", "Condition": {{"{op}": {{"{key}": {v}}}}}}}]}}"#
        )
    }

    fn fails(kind: PolicyKind, inputs: &[String]) {
        assert_fails(&RULE, kind, &inputs.iter().map(String::as_str).collect::<Vec<_>>());
    }

    fn passes(kind: PolicyKind, inputs: &[String]) {
        assert_passes(&RULE, kind, &inputs.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn partitions_and_service_case_are_written_in_lower_case() {
        use crate::lint::apply_fix;
        for (bad, good) in [
            ("arn:AWS:kms:us-east-1:111122223333:key/x", Some("arn:aws:kms:us-east-1:111122223333:key/x")),
            ("arn:aws-CN:s3:::b/*", Some("arn:aws-cn:s3:::b/*")),
            ("arn:aws:S3:::b/*", Some("arn:aws:s3:::b/*")),
            ("arn:amazon:s3:::b", None),
        ] {
            let text = resource(&format!("\"{bad}\""));
            let findings = findings(&RULE, Identity, &text);
            assert_eq!(findings.len(), 1, "{bad}: {findings:?}");
            let fixed = findings[0].fix.as_ref().map(|fix| apply_fix(&text, fix).unwrap());
            assert_eq!(fixed, good.map(|g| resource(&format!("\"{g}\""))), "{bad}");
        }
    }

    #[test]
    fn resources() {
        for kind in PolicyKind::ALL {
            fails(
                kind,
                &[
                    resource(r#""arn:aws:kms:us-east-1:111122223333:key/abc ""#),
                    resource(r#"" arn:aws:s3:::b""#),
                    resource(r#""arn:aws:logs:us-east-1:111122223333:log-group: app""#),
                    resource(r#""arn:aws:kms:us-east-1:111122223333""#),
                    resource(r#"["arn:aws:s3:::b", "arn:aws:s3::111122223333:b/*"]"#),
                    resource(r#""arn:aws:s3:us-east-1::b""#),
                    resource(r#""arn:aws:logs:us-east-1:1111:log-group:app""#),
                    resource(r#""arn:aws:iam:us-east-1:111122223333:role/app""#),
                    resource(r#""arn:aws:sts:us-east-1:111122223333:assumed-role/app/s""#),
                    resource(r#""arn::kms:us-east-1:111122223333:key/x""#),
                    resource(r#""ARN:aws:s3:::b""#),
                    resource(r#""aws:s3:::b""#),
                    resource(r#""arn:amazon:s3:::b""#),
                    resource(r#""arn:AWS:kms:us-east-1:111122223333:key/x""#),
                    resource(r#""arn:aws:S3:::b/*""#),
                    resource(r#""arn:aws:Logs:us-east-1:111122223333:log-group:app""#),
                ],
            );
            passes(
                kind,
                &[
                    resource(r#""*""#),
                    resource(r#""""#),
                    resource(r#"["arn:aws:s3:::b", "arn:aws:s3:::b/*", "arn:aws-cn:s3:::b/AWSLogs/111122223333/*"]"#),
                    resource(r#""arn:aws:logs:us-east-1:111122223333:log-group:app:*""#),
                    resource(r#""arn:aws:logs:*:*:log-group:/aws/*""#),
                    resource(r#""arn:aws:logs:us-east-1:11112222333?:*""#),
                    resource(r#""arn:aws:iam::111122223333:role/app""#),
                    resource(r#""arn:aws:iam::aws:policy/ReadOnlyAccess""#),
                    resource(r#""arn:aws:s3:::b/${aws:username}/*""#),
                    resource(r#""arn:aws:logs:${aws:RequestedRegion}:${aws:PrincipalAccount}:log-group:app""#),
                    resource(r#""arn:aws:s3:us-east-1:111122223333:accesspoint/ap""#),
                    resource(r#""arn:aws:s3::111122223333:accesspoint/abc.mrap""#),
                    resource(r#""arn:aws:firehose:us-east-1:111122223333:deliverystream/s""#),
                    resource(r#"["arn:aws-us-gov:s3:::b", "arn:aws-iso-b:s3:::b", "arn:aws-eusc:s3:::b", "arn:*:s3:::b"]"#),
                    resource(r#""arn:${aws:partition}:logs:us-east-1:111122223333:log-group:app""#),
                    resource(r#"7"#),
                ],
            );
        }
        let bare = resource(r#""my-bucket""#);
        fails(Bucket, std::slice::from_ref(&bare));
        fails(Identity, std::slice::from_ref(&bare));
        passes(Key, &[bare]);
    }

    #[test]
    fn principals() {
        for kind in PolicyKind::ALL {
            fails(
                kind,
                &[
                    principal(r#""111122223333 ""#),
                    principal(r#""1111-2222-3333""#),
                    principal(r#""alice""#),
                    principal(r#""arn:aws:iam::1111:root""#),
                    principal(r#""arn:aws:iam:us-east-1:111122223333:root""#),
                    principal(r#"["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333"]"#),
                ],
            );
            passes(
                kind,
                &[
                    principal(r#""*""#),
                    principal(r#""111122223333""#),
                    principal(r#"["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/app"]"#),
                    principal(r#""arn:aws:sts::111122223333:assumed-role/app/session""#),
                    principal(r#""AROAEXAMPLEID1234567""#),
                    r#"{"Statement": [{"Principal": {"Service": "logs us-east-1"}}]}"#.to_owned(),
                ],
            );
        }
    }

    #[test]
    fn conditions() {
        let group = r#""arn:aws:logs:us-east-1:111122223333:log-group:app""#;
        let spaced = r#""arn:aws:logs:us-east-1:111122223333:log-group:app ""#;
        let short = r#""arn:aws:logs:us-east-1:111122223333""#;
        fails(
            Key,
            &[
                condition("ArnEquals", "kms:EncryptionContext:aws:logs:arn", spaced),
                condition("ArnLike", "aws:SourceArn", short),
                condition("ArnNotEquals", "aws:SourceArn", &format!("[{group}, {spaced}]")),
                condition(
                    "ArnNotLikeIfExists",
                    "aws:PrincipalArn",
                    r#""arn:aws:iam::1111:role/x""#,
                ),
                condition("ForAnyValue:ArnLike", "aws:SomethingElse", r#""not-an-arn""#),
                condition("ArnEquals", "aws:SourceArn", "true"),
                condition("StringEquals", "kms:EncryptionContext:aws:logs:arn", spaced),
                condition("StringEquals", "aws:sourcearn", short),
                condition("StringLike", "aws:SourceArn", r#""arn:aws:logs:us-east-1:1111:*""#),
            ],
        );
        passes(
            Key,
            &[
                condition("ArnEquals", "kms:EncryptionContext:aws:logs:arn", group),
                condition(
                    "ArnLike",
                    "kms:EncryptionContext:aws:logs:arn",
                    r#""arn:aws:logs:us-east-1:111122223333:*""#,
                ),
                condition("StringLike", "aws:SourceArn", r#""arn:aws:logs:*""#),
                condition("StringEquals", "aws:SourceAccount", r#""1111-2222""#),
                condition("Null", "aws:SourceArn", r#""true""#),
                condition("StringEquals", "aws:SourceArn", group),
                condition("ArnLike", "aws:SourceArn", r#""*""#),
                condition("StringLike", "aws:SourceArn", r#""arn:aws:logs:*:log-group:app""#),
                condition("StringLike", "aws:SourceArn", r#""arn:aws:s3:::*""#),
            ],
        );
    }

    #[test]
    fn a_trailing_space_in_a_condition_is_located_and_explained() {
        let text = &condition(
            "ArnEquals",
            "kms:EncryptionContext:aws:logs:arn",
            r#"["arn:aws:logs:us-east-1:111122223333:log-group:a", "arn:aws:logs:us-east-1:111122223333:log-group:b "]"#,
        );
        let found = findings(&RULE, Key, text);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            r#"condition value "arn:aws:logs:us-east-1:111122223333:log-group:b " contains a space (trailing)"#
        );
        assert_eq!(
            flagged(text, &found[0]),
            r#""arn:aws:logs:us-east-1:111122223333:log-group:b ""#
        );
        assert_eq!(
            found[0].path,
            "Statement[0].Condition.ArnEquals.kms:EncryptionContext:aws:logs:arn[1]"
        );
        assert_eq!(
            found[0].help.as_deref(),
            Some(r#"write "arn:aws:logs:us-east-1:111122223333:log-group:b""#)
        );
    }

    #[test]
    fn messages_say_what_is_wrong() {
        let message = |text: &str, kind| {
            findings(&RULE, kind, text)
                .first()
                .map(|d| d.message.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            message(&resource(r#""arn:aws:kms:us-east-1:111122223333""#), Key),
            "resource \"arn:aws:kms:us-east-1:111122223333\" has 5 colon-separated fields; an ARN has six (arn:partition:service:region:account:resource)"
        );
        assert_eq!(
            message(&resource(r#""my-bucket""#), Bucket),
            "resource \"my-bucket\" is not an ARN"
        );
        assert_eq!(
            message(&resource(r#""arn:aws:s3::111122223333:my-bucket""#), Bucket),
            "resource \"arn:aws:s3::111122223333:my-bucket\" has account \"111122223333\", but S3 bucket ARNs have no account"
        );
        assert_eq!(
            message(&resource(r#"" arn:aws:s3:::b""#), Bucket),
            "resource \" arn:aws:s3:::b\" contains a space (leading)"
        );
        assert_eq!(
            message(&resource(r#""arn:aws:s3:::my bucket""#), Bucket),
            "resource \"arn:aws:s3:::my bucket\" contains a space (inside)"
        );
        assert_eq!(
            message(&principal(r#""arn:aws:iam::1111:root""#), Key),
            "principal \"arn:aws:iam::1111:root\" has account \"1111\", which is not 12 digits"
        );
        assert_eq!(
            message(&principal(r#""arn:aws:iam:us-east-1:111122223333:root""#), Key),
            "principal \"arn:aws:iam:us-east-1:111122223333:root\" has Region \"us-east-1\", but IAM ARNs have no Region"
        );
    }

    #[test]
    fn remedies_are_concrete() {
        let help = |text: &str, kind| {
            findings(&RULE, kind, text)
                .first()
                .and_then(|d| d.help.clone())
                .unwrap_or_default()
        };
        assert_eq!(
            help(&resource(r#""my-bucket/*""#), Bucket),
            "write \"arn:aws:s3:::my-bucket/*\" (in the aws partition)"
        );
        assert_eq!(
            help(&principal(r#""1111-2222-3333""#), Key),
            "write the account id without dashes: \"111122223333\""
        );
        assert_eq!(
            help(&resource(r#""arn:aws:s3::111122223333:b""#), Bucket),
            "write \"arn:aws:s3:::b\""
        );
        assert_eq!(
            help(&resource(r#""arn:aws:s3::111122223333:b/${aws:username}""#), Bucket),
            ""
        );
        assert_eq!(
            help(&principal(r#""arn:aws:iam:us-east-1:111122223333:root""#), Key),
            "write \"arn:aws:iam::111122223333:root\""
        );
    }

    #[test]
    fn mechanical_remedies_are_fixes() {
        use crate::lint::fix::{assert_no_fix, fixed};
        let cases = [
            (
                resource(r#""arn:aws:kms:us-east-1:111122223333:key/abc ""#),
                Key,
                "arn:aws:kms:us-east-1:111122223333:key/abc",
            ),
            (
                resource(r#""arn:aws:s3:us-east-1:111122223333:b/*""#),
                Bucket,
                "arn:aws:s3:::b/*",
            ),
            (
                principal(r#""arn:aws:iam:us-east-1:111122223333:root""#),
                Key,
                "arn:aws:iam::111122223333:root",
            ),
            (
                principal(r#""arn:aws:iam::1111-2222-3333:root""#),
                Key,
                "arn:aws:iam::111122223333:root",
            ),
            (principal(r#""1111-2222-3333""#), Key, "111122223333"),
            (resource(r#""ARN:aws:s3:::b""#), Bucket, "arn:aws:s3:::b"),
        ];
        for (text, kind, want) in cases {
            let out = fixed(&RULE, kind, &text);
            assert!(out.contains(&format!("\"{want}\"")), "{out}");
            assert_passes(&RULE, kind, &[&out]);
        }
        assert_no_fix(&RULE, Bucket, &resource(r#""my-bucket/*""#));
        assert_no_fix(&RULE, Bucket, &resource(r#""arn:aws:s3:::my bucket""#));
        assert_no_fix(
            &RULE,
            Bucket,
            &resource(r#""arn:aws:s3::111122223333:b/${aws:username}""#),
        );
    }

    #[test]
    fn policy_variables_are_not_fields() {
        assert_eq!(
            without_variables("arn:aws:s3:::b/${aws:username}/*"),
            "arn:aws:s3:::b/*/*"
        );
        assert_eq!(without_variables("a${x:y}b${"), "a*b${");
    }
}
