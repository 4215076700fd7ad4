//! SEC006: `iam:PassRole` allowed on every role (`"*"`, `role/*`) or through `NotResource`.

use crate::lint::{Context, Diagnostic};
use crate::message::ids;
use crate::policy::{Arn, PolicyKind};

crate::declare_rule! {
    /// An identity policy allows `iam:PassRole` on every role of the account, or on all but a few.
    ///
    /// ## What it does
    /// Flags an `Allow` statement of an identity policy whose actions include `iam:PassRole`
    /// (written out, as `iam:Pass*`, `iam:*` or `*`, or left out of a `NotAction`) when a
    /// `Resource` value names every role — `"*"`, `arn:aws:iam::ACCOUNT:role/*`,
    /// `arn:aws:iam::*:role/…` — or when the statement uses `NotResource`. Located on that
    /// resource value, or on `NotResource`.
    ///
    /// ## Why it matters
    /// Passing a role hands its permissions to a service: whoever may pass any role may start a
    /// Lambda function, an EC2 instance or a log delivery that runs as the account's most powerful
    /// role. IAM Access Analyzer reports these as security warnings (`Pass role with star in
    /// resource`, `… in action and resource`, `… in resource and NotAction`, `Pass role with
    /// NotResource` and its `NotAction` / star-in-action forms). The setup roles of vended logs and
    /// the exporting roles of an export never need it. A statement narrowed by `iam:PassedToService`
    /// is still reported: the service it names may run any role.
    ///
    /// ## Example
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["iam:PassRole", "logs:CreateDelivery"], "Resource": "*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:CreateDelivery", "Resource": "*"}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/firehose-delivery", "Condition": {"StringEquals": {"iam:PassedToService": "firehose.amazonaws.com"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "SEC006",
        name: "pass-role-wide",
        severity: Security,
        check: check,
    }
}

/// Whether a `Resource` value names every role of an account (or of every account).
fn every_role(value: &str) -> bool {
    if value == "*" || value == "arn:aws:iam::*:*" {
        return true;
    }
    let Ok(arn) = Arn::parse(value) else { return false };
    (arn.service == "iam" || arn.service == "*")
        && (arn.resource == "*" || arn.resource == "role/*" || (arn.account == "*" && arn.resource.starts_with("role/")))
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind != PolicyKind::Identity {
        return;
    }
    for node in ctx.statements() {
        if !node.is_allow() || !node.grants("iam:PassRole") {
            continue;
        }
        let mut wide: Vec<(&crate::policy::Text, &'static str)> = Vec::new();
        for (element, value) in node.resource_values() {
            if element == "NotResource" {
                wide.push((value, "NotResource"));
                break;
            }
            if every_role(&value.value) {
                wide.push((value, "Resource"));
            }
        }
        for (value, element) in wide {
            let message = match element {
                "NotResource" => ids::pass_role_wide_not_resource(),
                _ => ids::pass_role_wide(&value.value),
            };
            out.push(
                Diagnostic::new(&RULE, message)
                    .at(value.span)
                    .path(node.path_to(element))
                    .note(ids::pass_role_wide_note())
                    .help(ids::pass_role_wide_help()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    fn statement(action: &str, resource: &str) -> String {
        format!(r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", {action}, {resource}}}]}}"#)
    }

    #[test]
    fn table() {
        for action in [r#""Action": "iam:PassRole""#, r#""Action": "iam:Pass*""#, r#""Action": "*""#, r#""NotAction": "s3:*""#] {
            for resource in [
                r#""Resource": "*""#,
                r#""Resource": "arn:aws:iam::111122223333:role/*""#,
                r#""Resource": "arn:aws:iam::*:role/delivery""#,
                r#""NotResource": "arn:aws:iam::111122223333:role/admin""#,
            ] {
                assert_fails(&RULE, Identity, &[&statement(action, resource)]);
            }
            assert_passes(&RULE, Identity, &[&statement(action, r#""Resource": "arn:aws:iam::111122223333:role/delivery""#)]);
            assert_passes(&RULE, Identity, &[&statement(action, r#""Resource": "arn:aws:iam::111122223333:role/logs-*""#)]);
        }
        assert_passes(&RULE, Identity, &[&statement(r#""Action": "logs:*""#, r#""Resource": "*""#)]);
        assert_passes(&RULE, Identity, &[&statement(r#""NotAction": "iam:*""#, r#""Resource": "*""#)]);
        assert_passes(&RULE, Key, &[&statement(r#""Action": "*""#, r#""Resource": "*""#)]);
    }
}
