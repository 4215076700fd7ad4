//! What lint compares a policy with in scenario mode (`check --scenario`, the page's findings):
//! the facts of a scenario's input, each known only when the user gave it.
//!
//! Each scenario states its own facts from its parsed spec ([`Scenario::facts`]), so lint knows
//! neither field names nor scenario internals. Parsing alone would not do: it fills a missing
//! field with its default (AWS's example values), and a fact from a default is one the user never
//! stated, so a partial input such as `{"region": …}` would be judged against the example account.
//! So the spec is parsed from the input with every field the user did not give left blank, and
//! [`Given`] says which fields were given.

use super::{Control, Scenario, ScenarioId};
use serde_json::Value;

/// The few facts of a scenario's input that rules compare a policy with. Each is `None` (or
/// empty) when the input leaves it blank, so rules only judge what the user stated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ScenarioFacts {
    pub id: Option<ScenarioId>,
    pub partition: Option<String>,
    pub region: Option<String>,
    /// The account the logs (and, except across accounts, the key and bucket) belong to.
    pub account: Option<String>,
    pub key_arn: Option<String>,
    /// Log group ARNs without the trailing `:*`, as the encryption context carries them.
    pub log_group_arns: Vec<String>,
    pub bucket: Option<String>,
    /// vended-logs: `cloudwatch-logs`, `s3` or `firehose`.
    pub destination: Option<String>,
    /// vended-logs across accounts: the delivery destination's ARN in the destination account.
    pub delivery_destination_arn: Option<String>,
}

impl ScenarioFacts {
    /// The ARNs of `names` in `region` and `account`, as the encryption context carries them; none
    /// unless the user gave both (an ARN built on a default Region or account is no stated fact).
    pub fn log_group_arns(
        partition: crate::catalog::Partition,
        region: Option<&str>,
        account: Option<&str>,
        names: &[&str],
    ) -> Vec<String> {
        match (region, account) {
            (Some(region), Some(account)) => names
                .iter()
                .map(|name| super::identifiers::arn::log_group(partition, region, account, name))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The facts of `input`, a scenario input as JSON keyed by field name (as `build` and the
    /// page use it); missing or blank fields stay unknown.
    pub fn from_input(id: ScenarioId, input: &Value) -> Self {
        id.facts(input)
    }

    /// The account of the scenario's key, from its ARN.
    pub fn key_account(&self) -> Option<&str> {
        let arn = self.key_arn.as_deref()?;
        crate::policy::Arn::parse(arn)
            .ok()
            .map(|a| a.account)
            .filter(|a| !a.is_empty())
    }

    /// The Region of the scenario's key, from its ARN.
    pub fn key_region(&self) -> Option<&str> {
        let arn = self.key_arn.as_deref()?;
        crate::policy::Arn::parse(arn)
            .ok()
            .map(|a| a.region)
            .filter(|r| !r.is_empty())
    }
}

/// The fields an input gave: a text that is not blank, a list, a choice among the field's options
/// or a tick box. A member missing, blank, or of a type its control does not edit is not given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Given(Vec<&'static str>);

impl Given {
    pub fn has(&self, field: &str) -> bool {
        self.0.contains(&field)
    }

    /// `value` when `field` was given.
    pub fn then(&self, field: &str, value: &str) -> Option<String> {
        self.has(field).then(|| value.to_owned())
    }
}

/// `input` with every field the user did not give blank (an empty text or list) or left out
/// (a choice or tick box, which then takes its default), and the fields given.
fn as_given(id: ScenarioId, input: &Value) -> (Value, Given) {
    let mut given = Vec::new();
    let mut out = serde_json::Map::new();
    for field in id.fields() {
        let value = input.get(field.name);
        let kept = match field.control {
            Control::Text { .. } | Control::Date => {
                let text = value.and_then(Value::as_str).unwrap_or_default();
                if !text.trim().is_empty() {
                    given.push(field.name);
                }
                Some(Value::String(text.to_owned()))
            }
            Control::Lines { .. } => {
                let items = value.and_then(Value::as_array);
                if items.is_some() {
                    given.push(field.name);
                }
                let texts = items.into_iter().flatten().filter(|v| v.is_string()).cloned().collect();
                Some(Value::Array(texts))
            }
            Control::Choice { options } => value
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|v| options.iter().any(|(option, _)| option == v))
                .map(|v| Value::String(v.to_owned())),
            Control::Check => value.filter(|v| v.is_boolean()).cloned(),
        };
        if let Some(kept) = kept {
            if !matches!(field.control, Control::Text { .. } | Control::Date | Control::Lines { .. }) {
                given.push(field.name);
            }
            out.insert(field.name.to_owned(), kept);
        }
    }
    (Value::Object(out), Given(given))
}

/// The facts of one scenario's input as given (see the module's comment).
pub(super) fn facts<S: Scenario>(input: &Value) -> ScenarioFacts {
    let (given_input, given) = as_given(S::ID, input);
    match serde_json::from_value::<S::Input>(given_input) {
        Ok(typed) => ScenarioFacts { id: Some(S::ID), ..S::facts(&S::parse(&typed).0, &given) },
        // Every member fits its control here, so this is not expected; no fact is then known.
        Err(_) => ScenarioFacts { id: Some(S::ID), partition: Some("aws".to_owned()), ..ScenarioFacts::default() },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scenario_facts_come_from_the_input_fields() {
        let input = serde_json::json!({
            "partition": "aws", "region": "eu-west-1", "account": "111122223333",
            "key-arn": "arn:aws:kms:eu-west-1:444455556666:key/k", "log-groups": ["/app/a", " "], "bucket": ""
        });
        let facts = ScenarioFacts::from_input(ScenarioId::LogGroupKey, &input);
        assert_eq!(
            facts.log_group_arns,
            ["arn:aws:logs:eu-west-1:111122223333:log-group:/app/a"]
        );
        assert_eq!(
            (facts.key_account(), facts.key_region()),
            (Some("444455556666"), Some("eu-west-1"))
        );
        assert_eq!(facts.bucket, None);
        let vended = serde_json::json!({
            "region": "us-east-1", "account": "111122223333", "destination-account": "444455556666",
            "log-group": "/aws/vendedlogs/x", "delivery-destination-name": "dest"
        });
        let facts = ScenarioFacts::from_input(ScenarioId::VendedLogs, &vended);
        assert_eq!(
            facts.log_group_arns,
            ["arn:aws:logs:us-east-1:444455556666:log-group:/aws/vendedlogs/x"]
        );
        assert_eq!(
            facts.delivery_destination_arn.as_deref(),
            Some("arn:aws:logs:us-east-1:444455556666:delivery-destination:dest")
        );
    }
}
