//! The printable review for an approval ticket: the inputs as a table, and the checklist of the calls
//! the setup must allow (or refuse) judged against the generated bundle.

use crate::scenarios::calls::{checklist, CheckedCall};
use crate::scenarios::{Bundle, Control, ScenarioId};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// One line of the inputs table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputRow {
    pub section: &'static str,
    pub label: &'static str,
    /// As the form shows it: a choice's label, "yes"/"no", list items joined by ", ", "—" when blank.
    pub value: String,
}

/// The scenario's fields that the form shows for `input`, in form order, with their values.
pub fn review_inputs(scenario: ScenarioId, input: &Value) -> Vec<InputRow> {
    let defaults = scenario.default_input();
    let value_of = |name: &str| {
        input
            .get(name)
            .or_else(|| defaults.get(name))
            .cloned()
            .unwrap_or(Value::Null)
    };
    scenario
        .fields()
        .iter()
        .filter(|field| match field.shown_when {
            Some((other, values)) => value_of(other).as_str().is_some_and(|v| values.contains(&v)),
            None => true,
        })
        .map(|field| {
            let value = value_of(field.name);
            let shown = match (field.control, &value) {
                (Control::Choice { options }, Value::String(v)) => options
                    .iter()
                    .find(|(o, _)| o == v)
                    .map_or_else(|| v.clone(), |(_, label)| (*label).to_owned()),
                (Control::Check, Value::Bool(b)) => if *b { "yes" } else { "no" }.to_owned(),
                (_, Value::Array(items)) => items
                    .iter()
                    .filter_map(Value::as_str)
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                (_, Value::String(s)) => s.trim().to_owned(),
                (_, other) => other.to_string(),
            };
            InputRow {
                section: field.section,
                label: field.label,
                value: if shown.is_empty() { "—".to_owned() } else { shown },
            }
        })
        .collect()
}

/// The scenario's calls judged against the bundle as generated.
pub fn review_checklist(bundle: &Bundle, input: &Value) -> Vec<CheckedCall> {
    checklist(&bundle.scenario.required_calls(input), bundle, &BTreeMap::new())
}
