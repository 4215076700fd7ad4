//! IAM030: each principal value has the form its principal type takes.

use crate::json::{escape_string, Value};
use crate::lint::{Context, Diagnostic, Severity};
use crate::policy::{is_account_id, Arn};

/// Identity providers AWS documents by name under `Federated` (web identity federation).
const WEB_IDENTITY_PROVIDERS: [&str; 5] = [
    "cognito-identity.amazonaws.com",
    "cognito-identity.amazonaws.com.cn",
    "www.amazon.com",
    "graph.facebook.com",
    "accounts.google.com",
];

crate::declare_rule! {
    /// A principal value does not have the form of its principal type.
    ///
    /// ## What it does
    /// Checks every value of `Principal` and `NotPrincipal` by its type:
    /// - `AWS`: `"*"`, a 12-digit account id, or the ARN of an account root, IAM user or role,
    ///   assumed-role session (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`) or federated
    ///   user; not a group, a policy, an identity provider or another service's ARN, and no
    ///   wildcard inside an ARN. (A malformed ARN or account id is IAM009's.)
    /// - `Service`: a lowercase DNS-style name ending in `.amazonaws.com` (or `.amazonaws.com.cn`
    ///   in China): no spaces, no wildcard, no ARN or account id, no other suffix such as
    ///   `.amazon.com` or `.amazonaws.cn`. Uppercase is a warning, since whether AWS folds case
    ///   is not documented. (Region placeholders and the choice between `logs.amazonaws.com`
    ///   and `logs.REGION.amazonaws.com` are the CloudWatch Logs rules'.)
    /// - `Federated`: a SAML or OIDC provider ARN (`arn:aws:iam::ACCOUNT:saml-provider/NAME`,
    ///   `…:oidc-provider/HOST`) or a web identity provider AWS documents (Amazon Cognito,
    ///   Login with Amazon, Facebook, Google); anything else is a warning.
    /// - `CanonicalUser`: 64 hexadecimal digits.
    ///
    /// ## Why it matters
    /// AWS rejects a policy naming a principal that cannot exist ("Invalid principal in
    /// policy", `MalformedPolicyDocumentException`). IAM groups are not principals, a role ARN
    /// under `Federated` or a service name under `AWS` is a slip of the type, and AWS documents
    /// that a wildcard cannot match part of a principal name or ARN.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:group/key-users", "Service": "Logs.us-east-1.amazonaws"}, "Action": "kms:Decrypt", "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/key-user", "Service": "logs.us-east-1.amazonaws.com"}, "Action": "kms:Decrypt", "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_oidc.html
    /// - https://docs.aws.amazon.com/AmazonS3/latest/userguide/finding-canonical-user-id.html
    pub static RULE = {
        code: "IAM030",
        name: "principal-format",
        severity: Error,
        check: check,
    }
}

/// What is wrong with one value: message, help, and a severity when it is not an error.
struct Problem {
    message: String,
    help: String,
    severity: Severity,
}

fn problem(message: impl Into<String>, help: impl Into<String>) -> Option<Problem> {
    Some(Problem {
        message: message.into(),
        help: help.into(),
        severity: Severity::Error,
    })
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let Some(members) = node.json.as_object() else { continue };
        for m in members
            .iter()
            .filter(|m| m.key == "Principal" || m.key == "NotPrincipal")
        {
            let Some(entries) = m.value.as_object() else { continue };
            for e in entries {
                let judge: fn(&str) -> Option<Problem> = match e.key.as_str() {
                    "AWS" => aws,
                    "Service" => service,
                    "Federated" => federated,
                    "CanonicalUser" => canonical_user,
                    _ => continue, // IAM010 names unknown principal types.
                };
                let base = format!("{}.{}.{}", node.path, m.key, e.key);
                for (path, v) in items(&e.value, &base) {
                    let Some(text) = v.as_str() else { continue };
                    if text.is_empty() {
                        continue; // IAM010's.
                    }
                    if let Some(p) = judge(text) {
                        out.push(
                            Diagnostic::new(
                                &RULE,
                                format!("{} principal {} {}", e.key, escape_string(text), p.message),
                            )
                            .severity(p.severity)
                            .at(v.span)
                            .path(path)
                            .help(p.help),
                        );
                    }
                }
            }
        }
    }
}

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

fn aws(v: &str) -> Option<Problem> {
    if v == "*" || is_account_id(v) {
        return None;
    }
    // Not an ARN at all, or malformed: IAM009 says why.
    let arn = Arn::parse(v).ok()?;
    if v.contains(['*', '?']) {
        return problem(
            "has a wildcard; a wildcard cannot match part of a principal ARN",
            "name the principals, or use \"*\" with an ArnLike condition on aws:PrincipalArn",
        );
    }
    let (kind, rest) = arn.resource.split_once('/').unwrap_or((arn.resource, ""));
    match (arn.service, kind) {
        ("iam", "root") if rest.is_empty() => None,
        ("iam", "user" | "role") if !rest.is_empty() => None,
        ("sts", "federated-user") if !rest.is_empty() => None,
        ("sts", "assumed-role") if rest.split('/').filter(|p| !p.is_empty()).count() >= 2 => None,
        ("iam", "user" | "role") => problem(
            format!("lacks the {kind} name"),
            format!("write arn:{}:iam::{}:{kind}/NAME", arn.partition, arn.account),
        ),
        ("sts", "assumed-role") => problem(
            "lacks the session name",
            "an assumed-role session is arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION; to name the role, use its IAM role ARN",
        ),
        ("iam", "group") => problem(
            "is an IAM group, and groups cannot be principals",
            "name the group's users or, better, a role they assume; or grant through the group's own IAM policy",
        ),
        ("iam", "saml-provider" | "oidc-provider") => problem(
            "is an identity provider",
            format!("write it as {{\"Federated\": {}}}", escape_string(v)),
        ),
        ("iam", _) => problem(
            format!("is an IAM {kind}, which cannot be a principal"),
            "an AWS principal is an account, an IAM user or role, or an STS session",
        ),
        ("sts", _) => problem(
            format!("is an STS {kind}, which is not a principal AWS documents"),
            "an STS principal is arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION or …:federated-user/NAME",
        ),
        (service, _) => problem(
            format!("is a {service} resource, not a principal"),
            "an AWS principal is an account, an IAM user or role, or an STS session",
        ),
    }
}

/// A segment AWS's examples use in place of a Region, which the CloudWatch Logs rules report.
fn is_placeholder(label: &str) -> bool {
    label.eq_ignore_ascii_case("region") || label.contains(['<', '>', '{', '}', '$'])
}

fn service(v: &str) -> Option<Problem> {
    if v.split('.').any(is_placeholder) {
        return None;
    }
    if v.chars().any(char::is_whitespace) {
        return problem(
            "contains whitespace",
            format!("write {}", escape_string(&v.split_whitespace().collect::<String>())),
        );
    }
    if is_account_id(v) || v.starts_with("arn:") {
        return problem(
            "is an account or ARN, not a service",
            format!("write it as {{\"AWS\": {}}}", escape_string(v)),
        );
    }
    if v == "*" {
        return Some(Problem {
            message: "is a wildcard; AWS documents no service wildcard".to_owned(),
            help: "name the service, e.g. \"logs.us-east-1.amazonaws.com\"".to_owned(),
            severity: Severity::Warning,
        });
    }
    if v.contains(['*', '?']) {
        return problem(
            "has a wildcard; a wildcard cannot match part of a principal name",
            "name the service in full",
        );
    }
    let lower = v.to_ascii_lowercase();
    let host = lower
        .strip_suffix(".amazonaws.com.cn")
        .or_else(|| lower.strip_suffix(".amazonaws.com"));
    let Some(host) = host else {
        let name = lower.split('.').next().unwrap_or_default();
        let help = if lower.ends_with(".amazonaws.cn") {
            format!(
                "in the China partition write {}",
                escape_string(&format!("{}.com.cn", &lower[..lower.len() - 3]))
            )
        } else if name.is_empty() {
            "a service principal is the service's name followed by .amazonaws.com".to_owned()
        } else {
            format!("write \"{name}.amazonaws.com\" (or the service's regional name)")
        };
        return problem("does not end in .amazonaws.com (or .amazonaws.com.cn in China)", help);
    };
    if host.is_empty() || host.split('.').any(str::is_empty) {
        return problem(
            "has an empty name part",
            "a service principal looks like logs.us-east-1.amazonaws.com",
        );
    }
    if let Some(c) = host
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
    {
        return problem(
            format!("contains {}", escape_string(&c.to_string())),
            "service names have only letters, digits, dots and dashes",
        );
    }
    if lower != v {
        return Some(Problem {
            message: "has uppercase letters; AWS writes service principals in lowercase".to_owned(),
            help: format!("write {}", escape_string(&lower)),
            severity: Severity::Warning,
        });
    }
    None
}

fn federated(v: &str) -> Option<Problem> {
    if WEB_IDENTITY_PROVIDERS.contains(&v) {
        return None;
    }
    if let Ok(arn) = Arn::parse(v) {
        let kind = arn.resource.split('/').next().unwrap_or_default();
        return match (arn.service, kind) {
            ("iam", "saml-provider" | "oidc-provider") => None,
            ("iam", "role" | "user" | "root") | ("sts", _) => problem(
                "is an IAM principal, not an identity provider",
                format!("write it as {{\"AWS\": {}}}", escape_string(v)),
            ),
            _ => problem(
                "is not an identity provider ARN",
                "a federated principal is arn:aws:iam::ACCOUNT:saml-provider/NAME or …:oidc-provider/HOST",
            ),
        };
    }
    if is_account_id(v) {
        return problem(
            "is an account id, not an identity provider",
            format!("write it as {{\"AWS\": {}}}", escape_string(v)),
        );
    }
    Some(Problem {
        message: "is not an identity provider AWS documents".to_owned(),
        help: "use the provider's IAM ARN (arn:aws:iam::ACCOUNT:oidc-provider/HOST or …:saml-provider/NAME), or cognito-identity.amazonaws.com, www.amazon.com, graph.facebook.com, accounts.google.com".to_owned(),
        severity: Severity::Warning,
    })
}

fn canonical_user(v: &str) -> Option<Problem> {
    if v.len() == 64 && v.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    problem(
        format!(
            "is not a canonical user id ({} characters; one is 64 hexadecimal digits)",
            v.chars().count()
        ),
        "copy the id from `aws s3api list-buckets --query Owner.ID`, or name the account under \"AWS\"",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::{self, *};

    fn with(kind: &str, value: &str) -> String {
        format!(r#"{{"Statement": [{{"Effect": "Allow", "Principal": {{"{kind}": ["{value}"]}}}}]}}"#)
    }

    #[test]
    fn aws_principals() {
        let good = [
            "*",
            "111122223333",
            "arn:aws:iam::111122223333:root",
            "arn:aws:iam::111122223333:role/app",
            "arn:aws:iam::111122223333:role/path/to/app",
            "arn:aws-cn:iam::111122223333:user/alice",
            "arn:aws:sts::111122223333:assumed-role/app/session-1",
            "arn:aws:sts::111122223333:federated-user/bob",
            "AROAEXAMPLEEXAMPLE12",             // a deleted role's unique id
            "arn:aws:iam::1111-2222-3333:root", // malformed account: IAM009's
            "not an arn",                       // IAM009's
        ];
        let bad = [
            "arn:aws:iam::111122223333:group/admins",
            "arn:aws:iam::111122223333:policy/p",
            "arn:aws:iam::111122223333:saml-provider/corp",
            "arn:aws:iam::111122223333:role/*",
            "arn:aws:iam::111122223333:root*",
            "arn:aws:sts::111122223333:assumed-role/app",
            "arn:aws:s3:::my-bucket",
            "arn:aws:logs:us-east-1:111122223333:log-group:app",
            "arn:aws:iam::111122223333:user",
        ];
        for kind in PolicyKind::ALL {
            assert_passes(
                &RULE,
                kind,
                &good
                    .map(|v| with("AWS", v))
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            );
            assert_fails(
                &RULE,
                kind,
                &bad.map(|v| with("AWS", v))
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            );
        }
    }

    #[test]
    fn service_principals() {
        let good = [
            "logs.us-east-1.amazonaws.com",
            "delivery.logs.amazonaws.com",
            "logs.cn-north-1.amazonaws.com.cn",
            "ec2.amazonaws.com",
            // Placeholders and the global logs form are the CloudWatch Logs rules'.
            "logs.region.amazonaws.com",
            "logs.<region>.amazonaws.com",
            "logs.${AWS::Region}.amazonaws.com",
            "logs.amazonaws.com",
        ];
        let bad = [
            "logs",
            "logs.us-east-1.amazonaws",
            "logs.us-east-1.amazon.com",
            "logs.cn-north-1.amazonaws.cn",
            "logs.us-east-1.amazonaws.com ",
            "logs. us-east-1.amazonaws.com",
            "*.amazonaws.com",
            "logs..amazonaws.com",
            ".amazonaws.com",
            "logs_us.amazonaws.com",
            "111122223333",
            "arn:aws:iam::111122223333:root",
            "Logs.us-east-1.amazonaws.com",
            "*",
        ];
        assert_passes(
            &RULE,
            Key,
            &good
                .map(|v| with("Service", v))
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
        assert_fails(
            &RULE,
            Key,
            &bad.map(|v| with("Service", v))
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>(),
        );
    }

    #[test]
    fn federated_and_canonical_principals() {
        let good = [
            with("Federated", "arn:aws:iam::111122223333:saml-provider/corp"),
            with(
                "Federated",
                "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
            ),
            with("Federated", "cognito-identity.amazonaws.com"),
            with(
                "CanonicalUser",
                "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
            ),
        ];
        let bad = [
            with("Federated", "arn:aws:iam::111122223333:role/app"),
            with("Federated", "111122223333"),
            with("Federated", "token.actions.githubusercontent.com"),
            with("Federated", "arn:aws:s3:::b"),
            with("CanonicalUser", "79a5"),
            with("CanonicalUser", &"g".repeat(64)),
        ];
        assert_passes(&RULE, Trust, &good.iter().map(String::as_str).collect::<Vec<_>>());
        assert_fails(&RULE, Trust, &bad.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn messages_paths_and_severities() {
        let text = r#"{"Statement": [{"Principal": {"AWS": "ok", "Service": ["logs.amazonaws.com", "Logs.eu-west-1.amazonaws.com"]}}, {"NotPrincipal": {"AWS": "arn:aws:iam::111122223333:group/g"}}]}"#;
        let found = findings(&RULE, Key, text);
        assert_eq!(
            found.len(),
            2,
            "{:?}",
            found.iter().map(|d| &d.message).collect::<Vec<_>>()
        );
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(flagged(text, &found[0]), "\"Logs.eu-west-1.amazonaws.com\"");
        assert_eq!(found[0].path, "Statement[0].Principal.Service[1]");
        assert_eq!(found[0].help.as_deref(), Some("write \"logs.eu-west-1.amazonaws.com\""));
        assert_eq!(found[1].severity, Severity::Error);
        assert_eq!(found[1].path, "Statement[1].NotPrincipal.AWS");
        assert_eq!(
            found[1].message,
            "AWS principal \"arn:aws:iam::111122223333:group/g\" is an IAM group, and groups cannot be principals"
        );
        let cn = with("Service", "logs.cn-north-1.amazonaws.cn");
        assert_eq!(
            findings(&RULE, Key, &cn)[0].help.as_deref(),
            Some("in the China partition write \"logs.cn-north-1.amazonaws.com.cn\"")
        );
    }
}
