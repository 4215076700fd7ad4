//! A pasted AWS CLI answer that holds a policy rather than being one: `aws kms get-key-policy`'s
//! default JSON output is `{"Policy": "<the policy as a string>", "PolicyName": "default"}`.
//!
//! Read as a policy it has no statements, so a merge into it would silently drop every statement
//! the key has. Recognising the common wrappers lets the merge refusal say what was pasted, how to
//! get the bare policy, and offer the policy inside.

use crate::json::{pretty, Value, ValueKind};

/// What the paste turned out to be.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Wrapped {
    /// The command whose output this looks like, e.g. `aws kms get-key-policy`.
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub command: crate::analyst::wire::Interned,
    /// The same command asking for the bare policy.
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub bare: crate::analyst::wire::Interned,
    /// The policy inside, pretty-printed, when it could be taken out.
    pub inner: Option<String>,
}

/// How each CLI answer holds its policy: a member holding the policy as a JSON string, or as an
/// object (IAM's CLI decodes its URL-encoded documents into objects).
const WRAPPERS: [(&[&str], &str, &str); 6] = [
    (
        &["Policy"],
        "aws kms get-key-policy (or aws s3api get-bucket-policy)",
        "add --query Policy --output text to the same command",
    ),
    (
        &["resourcePolicies", "0", "policyDocument"],
        "aws logs describe-resource-policies",
        "aws logs describe-resource-policies --query 'resourcePolicies[?policyName==`NAME`].policyDocument' --output text",
    ),
    (
        &["resourcePolicy", "policyDocument"],
        "aws logs put-resource-policy",
        "aws logs describe-resource-policies --query 'resourcePolicies[?policyName==`NAME`].policyDocument' --output text",
    ),
    (
        &["PolicyDocument"],
        "aws iam get-role-policy",
        "add --query PolicyDocument to the same command",
    ),
    (
        &["PolicyVersion", "Document"],
        "aws iam get-policy-version",
        "add --query PolicyVersion.Document to the same command",
    ),
    (
        &["Role", "AssumeRolePolicyDocument"],
        "aws iam get-role",
        "add --query Role.AssumeRolePolicyDocument to the same command",
    ),
];

/// The wrapper `doc` is, if it is one: a top level without `Statement` that holds a policy where
/// one of the CLI answers above puts it.
pub fn recognise(doc: &Value) -> Option<Wrapped> {
    if doc.get("Statement").is_some() {
        return None;
    }
    WRAPPERS.iter().find_map(|(path, command, bare)| {
        let held = follow(doc, path)?;
        let inner = match &held.kind {
            ValueKind::String(text) => crate::json::parse_document(text).ok().map(|v| pretty(&v)),
            ValueKind::Object(_) => Some(pretty(held)),
            _ => return None,
        };
        Some(Wrapped { command, bare, inner })
    })
}

fn follow<'a>(doc: &'a Value, path: &[&str]) -> Option<&'a Value> {
    path.iter().try_fold(doc, |v, step| match &v.kind {
        ValueKind::Array(items) => items.get(step.parse::<usize>().ok()?),
        _ => v.get(step),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    fn wrapped(text: &str) -> Option<Wrapped> {
        recognise(&crate::json::parse(text).expect("test JSON parses"))
    }

    #[test]
    fn get_key_policy_output_is_recognised_and_its_policy_taken_out() {
        let w = wrapped(
            r#"{"Policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"KeyAdmins\"}]}", "PolicyName": "default"}"#,
        )
        .expect("recognised");
        assert!(w.command.starts_with("aws kms get-key-policy"));
        assert!(w.bare.contains("--query Policy --output text"));
        let inner = w.inner.expect("the policy inside parses");
        assert!(inner.contains("\"Sid\": \"KeyAdmins\""), "{inner}");
    }

    #[test]
    fn iam_answers_hold_the_policy_as_an_object() {
        let w = wrapped(r#"{"RoleName":"r","PolicyName":"p","PolicyDocument":{"Version":"2012-10-17","Statement":[]}}"#)
            .expect("recognised");
        assert_eq!(w.command, "aws iam get-role-policy");
        assert!(w.inner.expect("inner").contains("\"Statement\": []"));
    }

    #[test]
    fn a_policy_string_that_is_not_json_is_still_recognised_without_an_inner_policy() {
        let w = wrapped(r#"{"Policy": "{not json"}"#).expect("recognised");
        assert_eq!(w.inner, None);
    }

    #[test]
    fn a_policy_and_other_json_are_not_wrappers() {
        assert_eq!(wrapped(r#"{"Statement": [], "Policy": "x"}"#), None);
        assert_eq!(wrapped(r#"{"Version": "2012-10-17"}"#), None);
        assert_eq!(wrapped(r#"{"Policy": 3}"#), None);
        assert_eq!(wrapped(r#"[1, 2]"#), None);
    }
}
