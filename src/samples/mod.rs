//! "Try an example": policies a trainer can load into the checker or the compare box without
//! preparing files. The texts are the fact sheet's (AWS's documented default key policy, and the
//! documented log-group statement with two mistakes seen in the wild), with AWS's placeholders;
//! [`PolicySample::text_for`] puts the form's own account and Region in their place, so no value
//! that looks real is invented here.

use crate::policy::PolicyKind;
use serde_json::Value;

/// One example policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolicySample {
    /// Stable, for the page's buttons and tests.
    pub id: &'static str,
    /// The button's words.
    pub label: &'static str,
    /// What the example shows, one sentence.
    pub about: &'static str,
    pub kind: PolicyKind,
    template: &'static str,
}

pub const SAMPLES: [PolicySample; 2] = [
    PolicySample {
        id: "default-key-policy",
        label: "Deployed default key policy",
        about: "The key policy KMS gives a new key (only \"Enable IAM User Permissions\"), as get-key-policy prints it.",
        kind: PolicyKind::Key,
        template: include_str!("default-key-policy.json"),
    },
    PolicySample {
        id: "key-policy-with-mistakes",
        label: "Key policy with typical mistakes",
        about: "The documented CloudWatch Logs statement with the global service principal and a \":*\" after the log group ARN, which never matches.",
        kind: PolicyKind::Key,
        template: include_str!("key-policy-with-mistakes.json"),
    },
];

impl PolicySample {
    pub fn by_id(id: &str) -> Option<&'static PolicySample> {
        SAMPLES.iter().find(|s| s.id == id)
    }

    /// The example with the form's account and Region in place of AWS's placeholders, where the form
    /// holds a well-formed one; otherwise the placeholders stay (and the checker says so).
    pub fn text_for(&self, input: &Value) -> String {
        let field = |name: &str| input.get(name).and_then(Value::as_str).map(str::trim).unwrap_or("");
        let account = field("account");
        let region = field("region");
        let mut text = self.template.to_owned();
        if account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()) {
            text = text
                .replace("Your_account_ID", account)
                .replace(":account-id:", &format!(":{account}:"));
        }
        let region_like = !region.is_empty()
            && region
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if region_like {
            text = text
                .replace("logs:region:", &format!("logs:{region}:"))
                .replace("logs.region.", &format!("logs.{region}."));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze;
    use serde_json::json;

    fn codes(text: &str, kind: PolicyKind) -> Vec<&'static str> {
        analyze(text, kind).findings.iter().map(|f| f.code).collect()
    }

    #[test]
    fn the_default_key_policy_with_the_forms_account_has_no_finding() {
        let sample = PolicySample::by_id("default-key-policy").unwrap();
        let text = sample.text_for(&json!({"account": "444455556666", "region": "eu-west-1"}));
        assert!(text.contains("arn:aws:iam::444455556666:root"), "{text}");
        assert_eq!(codes(&text, sample.kind), Vec::<&str>::new());
    }

    #[test]
    fn the_mistakes_example_shows_its_two_mistakes() {
        let sample = PolicySample::by_id("key-policy-with-mistakes").unwrap();
        let text = sample.text_for(&json!({"account": "444455556666", "region": "eu-west-1"}));
        let found = codes(&text, sample.kind);
        assert!(found.contains(&"CWL001"), "{found:?}");
        assert!(found.contains(&"CWL003"), "{found:?}");
        assert!(
            text.contains("arn:aws:logs:eu-west-1:444455556666:log-group:"),
            "{text}"
        );
    }

    #[test]
    fn placeholders_stay_when_the_form_has_no_usable_account_or_region() {
        let sample = PolicySample::by_id("key-policy-with-mistakes").unwrap();
        let text = sample.text_for(&json!({"account": "4444", "region": "EU WEST"}));
        assert!(
            text.contains("Your_account_ID") && text.contains("logs:region:account-id:"),
            "{text}"
        );
        assert_eq!(sample.text_for(&json!(null)), sample.template);
    }
}
