//! IAM037: a key policy's `Resource` names an alias.

use crate::lint::{Context, Diagnostic};
use crate::policy::{Arn, PolicyKind, Text};
use crate::message::ids;

crate::declare_rule! {
    /// A key policy's `Resource` names a KMS alias instead of `"*"`.
    ///
    /// ## What it does
    /// In a KMS key policy, flags each `Resource` or `NotResource` value that is an alias: an
    /// alias ARN (`arn:PARTITION:kms:REGION:ACCOUNT:alias/NAME`) or an alias name (`alias/NAME`).
    ///
    /// ## Why it matters
    /// A key policy is attached to one key, and its `Resource` is `"*"`, meaning this key (the
    /// key's own ARN works too). KMS authorizes a request against the key, not against the alias
    /// it was called by, so an alias in `Resource` matches nothing and the statement gives no
    /// access: the principals it names get "AccessDeniedException" from KMS, or a service such
    /// as S3 or CloudWatch Logs fails to use the key.
    ///
    /// ## Example
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "EnableIAMUserPermissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "AllowCWLServicePrincipalUsage", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:GenerateDataKey", "kms:Decrypt"], "Resource": "arn:aws:kms:us-east-1:111122223333:alias/log-export"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "EnableIAMUserPermissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Sid": "AllowCWLServicePrincipalUsage", "Effect": "Allow", "Principal": {"Service": "logs.us-east-1.amazonaws.com"}, "Action": ["kms:GenerateDataKey", "kms:Decrypt"], "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
    /// - https://docs.aws.amazon.com/kms/latest/developerguide/alias-authorization.html
    pub static RULE = {
        code: "IAM037",
        name: "key-policy-alias-resource",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind != PolicyKind::Key {
        return;
    }
    for node in ctx.statements() {
        for (element, value) in node.resource_values().filter(|(_, v)| is_alias(v)) {
            out.push(
                Diagnostic::new(
                    &RULE,
                    ids::key_policy_alias_resource(&element, &value.value),
                )
                .at(value.span)
                .path(node.path_to(element))
                .note(ids::key_policy_alias_resource_note())
                .help(ids::key_policy_alias_resource_help()),
            );
        }
    }
}

fn is_alias(value: &Text) -> bool {
    value.value.starts_with("alias/")
        || Arn::parse(&value.value).is_ok_and(|arn| arn.service == "kms" && arn.resource.starts_with("alias/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    fn with_resource(element: &str, r: &str) -> String {
        format!(
            r#"{{"Statement": [{{"Effect": "Allow", "Principal": {{"AWS": "111122223333"}}, "Action": "kms:Decrypt", "{element}": {r}}}]}}"#
        )
    }

    #[test]
    fn table() {
        let aliases = [
            with_resource("Resource", r#""arn:aws:kms:us-east-1:111122223333:alias/logs""#),
            with_resource("Resource", r#"["*", "alias/logs"]"#),
            with_resource("NotResource", r#""arn:aws-cn:kms:cn-north-1:111122223333:alias/aws/s3""#),
        ];
        let aliases: Vec<&str> = aliases.iter().map(String::as_str).collect();
        assert_fails(&RULE, Key, &aliases);
        assert_passes(&RULE, Identity, &aliases);
        let fine = [
            with_resource("Resource", r#""*""#),
            with_resource("Resource", r#""arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab""#),
            with_resource("Resource", r#""arn:aws:logs:us-east-1:111122223333:log-group:alias/x""#),
        ];
        assert_passes(&RULE, Key, &fine.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn the_alias_is_located() {
        let text = with_resource("Resource", r#"["*", "alias/logs"]"#);
        let found = findings(&RULE, Key, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(flagged(&text, &found[0]), "\"alias/logs\"");
        assert_eq!(found[0].message, "Resource alias/logs is an alias; a key policy applies to its own key only");
    }
}
