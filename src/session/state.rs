//! What the page holds that a user made: the chosen scenario, every scenario's form, pasted texts,
//! and whether teaching mode is on (a trainer's link opens with the lessons showing).
//!
//! The wire form keeps only what differs from the form a first visit shows, so a link for a lightly
//! edited form is short, and a field added later simply takes its default when an old link is
//! opened. Format v1 recorded changes against the example values the form then started with; v2
//! against the first-visit form, whose Region, account and dates are empty ([`Base`]).

use crate::policy::PolicyKind;
use crate::scenarios::ScenarioId;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The page's whole state, as the page's signals hold it.
#[derive(Clone, Debug, PartialEq)]
pub struct PageState {
    pub scenario: ScenarioId,
    /// Every scenario's form input (an object keyed by field name), so switching keeps what was typed.
    pub inputs: BTreeMap<ScenarioId, Value>,
    pub checker_text: String,
    pub checker_kind: PolicyKind,
    /// The checker's "judge it against the form" switch (scenario mode), so a link shows the same
    /// findings.
    pub checker_against_form: bool,
    /// Other panels' texts, keyed `panel.part` (`compare.before`, `compare.kind`, …): a panel adds
    /// its own keys without a format change.
    pub pasted: BTreeMap<String, String>,
    /// Teaching mode's switch. Which statements are "broken" is not kept: breaking one is a
    /// demonstration of the moment, and a link opening mid-demonstration would only confuse.
    pub teaching: bool,
}

impl Default for PageState {
    fn default() -> Self {
        PageState {
            scenario: ScenarioId::LogGroupKey,
            inputs: blank_inputs(),
            checker_text: String::new(),
            checker_kind: PolicyKind::Key,
            checker_against_form: false,
            pasted: BTreeMap::new(),
            teaching: false,
        }
    }
}

/// Every scenario's default input: the documented example values.
pub fn default_inputs() -> BTreeMap<ScenarioId, Value> {
    ScenarioId::ALL.into_iter().map(|id| (id, id.default_input())).collect()
}

/// Every scenario's form as a first visit shows it (`ScenarioId::blank_input`).
pub fn blank_inputs() -> BTreeMap<ScenarioId, Value> {
    ScenarioId::ALL.into_iter().map(|id| (id, id.blank_input())).collect()
}

/// What a wire form's inputs record their changes against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Base {
    /// Format v1: the example values.
    Examples,
    /// Format v2: the first-visit form.
    Blank,
}

impl Base {
    fn input(self, id: ScenarioId) -> Value {
        match self {
            Base::Examples => id.default_input(),
            Base::Blank => id.blank_input(),
        }
    }
}

/// Texts longer than this (in bytes) are not saved or put in links: a multi-megabyte paste would
/// overflow the browser's storage and make a link no browser opens. The box keeps it.
pub const MAX_SAVED_TEXT: usize = 100 * 1024;

/// Whether a pasted text goes into the autosave and the share link.
pub fn is_saved(text: &str) -> bool {
    text.len() <= MAX_SAVED_TEXT
}

/// The serialized form. Short member names: they are in every link. Unknown members (from a newer
/// page) are ignored, so adding one needs no new format version.
#[derive(Debug, Default, Serialize, Deserialize)]
pub(super) struct Wire {
    #[serde(rename = "s", default, skip_serializing_if = "Option::is_none")]
    scenario: Option<String>,
    /// Scenario name → the members that differ from that scenario's defaults.
    #[serde(rename = "i", default, skip_serializing_if = "Map::is_empty")]
    inputs: Map<String, Value>,
    #[serde(rename = "c", default, skip_serializing_if = "String::is_empty")]
    checker_text: String,
    #[serde(rename = "k", default, skip_serializing_if = "Option::is_none")]
    checker_kind: Option<String>,
    /// Like `teaching`, written only when on.
    #[serde(rename = "a", default, skip_serializing_if = "is_off")]
    checker_against_form: bool,
    #[serde(rename = "p", default, skip_serializing_if = "BTreeMap::is_empty")]
    pasted: BTreeMap<String, String>,
    /// Only written when on, so links and saves from before it existed read as "off".
    #[serde(rename = "t", default, skip_serializing_if = "is_off")]
    teaching: bool,
}

fn is_off(switch: &bool) -> bool {
    !switch
}

/// Why a wire form is not a page state this version can show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum WireError {
    UnknownScenario(String),
    UnknownKind(String),
    /// A form field holds another JSON type than the field edits.
    WrongType {
        scenario: &'static str,
        field: String,
        expected: &'static str,
    },
}

impl Wire {
    pub(super) fn from_state(state: &PageState) -> Wire {
        let inputs = state
            .inputs
            .iter()
            .filter_map(|(id, input)| {
                let changed = changed_members(input, &id.blank_input());
                (!changed.is_empty()).then(|| (id.cli_name().to_owned(), Value::Object(changed)))
            })
            .collect();
        Wire {
            scenario: (state.scenario != ScenarioId::LogGroupKey).then(|| state.scenario.cli_name().to_owned()),
            inputs,
            checker_text: if is_saved(&state.checker_text) { state.checker_text.clone() } else { String::new() },
            checker_kind: (state.checker_kind != PolicyKind::Key).then(|| state.checker_kind.cli_name().to_owned()),
            checker_against_form: state.checker_against_form,
            pasted: state
                .pasted
                .iter()
                .filter(|(_, text)| !text.is_empty() && is_saved(text))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            teaching: state.teaching,
        }
    }

    pub(super) fn into_state(self, base: Base) -> Result<PageState, WireError> {
        let scenario = match self.scenario {
            None => ScenarioId::LogGroupKey,
            Some(name) => ScenarioId::from_cli_name(&name).ok_or(WireError::UnknownScenario(name))?,
        };
        let checker_kind = match self.checker_kind {
            None => PolicyKind::Key,
            Some(name) => PolicyKind::from_cli_name(&name).ok_or(WireError::UnknownKind(name))?,
        };
        let mut inputs: BTreeMap<ScenarioId, Value> = ScenarioId::ALL.into_iter().map(|id| (id, base.input(id))).collect();
        for (name, changed) in self.inputs {
            // A scenario this version does not have: its form cannot be shown, the rest can.
            let Some(id) = ScenarioId::from_cli_name(&name) else {
                continue;
            };
            let Value::Object(changed) = changed else {
                return Err(WireError::WrongType {
                    scenario: id.cli_name(),
                    field: "(the whole form)".into(),
                    expected: "an object",
                });
            };
            let input = inputs.entry(id).or_insert_with(|| base.input(id));
            apply_members(id, input, changed)?;
        }
        Ok(PageState {
            scenario,
            inputs,
            checker_text: self.checker_text,
            checker_kind,
            checker_against_form: self.checker_against_form,
            pasted: self.pasted,
            teaching: self.teaching,
        })
    }
}

fn changed_members(input: &Value, default: &Value) -> Map<String, Value> {
    let Some(input) = input.as_object() else {
        return Map::new();
    };
    input
        .iter()
        .filter(|(name, value)| default.get(name.as_str()) != Some(*value))
        .map(|(n, v)| (n.clone(), v.clone()))
        .collect()
}

/// Sets each known member whose type matches the default's; members this version has no field for
/// (from a newer page) are dropped.
fn apply_members(id: ScenarioId, input: &mut Value, changed: Map<String, Value>) -> Result<(), WireError> {
    let Some(input) = input.as_object_mut() else {
        return Ok(());
    };
    for (field, value) in changed {
        let Some(current) = input.get_mut(&field) else { continue };
        let expected = json_type(current);
        if json_type(&value) != expected {
            return Err(WireError::WrongType {
                scenario: id.cli_name(),
                field,
                expected,
            });
        }
        *current = value;
    }
    Ok(())
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
