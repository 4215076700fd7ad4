//! The form as a first visit shows it: the fields marked [`FieldSpec::starts_empty`] are empty
//! (their placeholders show the example), and "Try an example" fills them with the input's
//! documented example values. Links and saves still record changes against those examples
//! (`session::state`), so a link made before this keeps opening with what it holds.

use super::{FieldSpec, ScenarioId};
use serde_json::Value;

/// The fields that follow the user from one scenario to the next.
const CARRIED: [&str; 2] = ["region", "account"];

impl ScenarioId {
    /// The default input with every starts-empty field empty.
    pub fn blank_input(self) -> Value {
        let mut input = self.default_input();
        for field in self.fields().iter().filter(|f| f.starts_empty) {
            if let Some(value) = input.get_mut(field.name) {
                *value = Value::String(String::new());
            }
        }
        input
    }

    /// The starts-empty fields still empty in `input`: what to fill in to see the bundle.
    pub fn missing_fields(self, input: &Value) -> Vec<&'static FieldSpec> {
        self.fields()
            .iter()
            .filter(|f| f.starts_empty && input.get(f.name).and_then(Value::as_str).is_some_and(|v| v.trim().is_empty()))
            .collect()
    }

    /// Fills each empty starts-empty field with the documented example; what was typed stays.
    pub fn fill_example(self, input: &mut Value) {
        let example = self.default_input();
        for field in self.missing_fields(input) {
            if let (Some(slot), Some(value)) = (input.get_mut(field.name), example.get(field.name)) {
                *slot = value.clone();
            }
        }
    }
}

/// Copies Region and account from the scenario left to the one chosen, where the chosen one's
/// are still empty: the same account and Region are usually meant, and a value typed there wins.
pub fn carry_over(from: &Value, to: &mut Value) {
    for name in CARRIED {
        let Some(value) = from.get(name).and_then(Value::as_str).filter(|v| !v.trim().is_empty()) else { continue };
        if let Some(slot) = to.get_mut(name).filter(|v| v.as_str().is_some_and(|v| v.trim().is_empty())) {
            *slot = Value::String(value.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_blank_form_misses_exactly_its_starts_empty_fields_and_the_example_completes_it() {
        for id in ScenarioId::ALL {
            let mut input = id.blank_input();
            let missing: Vec<&str> = id.missing_fields(&input).iter().map(|f| f.name).collect();
            assert!(missing.contains(&"region") && missing.contains(&"account"), "{id:?}: {missing:?}");
            let outcome = id.run(&input);
            for name in &missing {
                assert!(outcome.problems.iter().any(|p| p.field == *name), "{id:?}: {name} empty without a problem");
            }
            id.fill_example(&mut input);
            assert_eq!(input, id.default_input(), "{id:?}");
            assert!(id.missing_fields(&input).is_empty());
        }
    }

    #[test]
    fn the_example_fills_only_empty_fields() {
        let id = ScenarioId::LogGroupKey;
        let mut input = id.blank_input();
        input["region"] = json!("eu-west-3");
        id.fill_example(&mut input);
        assert_eq!(input["region"], "eu-west-3");
        assert_eq!(input["account"], id.default_input()["account"]);
    }

    #[test]
    fn region_and_account_carry_over_into_empty_fields_only() {
        let from = json!({"region": "eu-west-3", "account": "444455556666", "bucket": "b"});
        let mut to = ScenarioId::S3Export.blank_input();
        carry_over(&from, &mut to);
        assert_eq!((to["region"].as_str(), to["account"].as_str()), (Some("eu-west-3"), Some("444455556666")));
        assert_eq!(to["bucket"], ScenarioId::S3Export.default_input()["bucket"]);
        let mut typed = json!({"region": "ap-south-1", "account": ""});
        carry_over(&from, &mut typed);
        assert_eq!(typed, json!({"region": "ap-south-1", "account": "444455556666"}));
    }
}
