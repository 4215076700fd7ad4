//! Teaching mode and the printable review: why each generated statement and condition key is
//! there, what breaks when a statement is removed, and the inputs and checklist an approver reads.
//!
//! Statement reasons are the scenarios' own [`Explanation`](crate::scenarios::Explanation)s; condition
//! keys are explained here, once per key (with a scenario's own wording where the key means something
//! specific there), because the same key protects the same thing wherever a scenario uses it.

mod breakage;
mod conditions;
mod digest;
mod review;

pub use breakage::{break_statement, break_statement_at, Breakage};
pub use conditions::{condition_note, ConditionNote};
pub use digest::sha256_hex;
pub use review::{review_checklist, review_inputs, InputRow};

use crate::policy::{Policy, Statement};
use crate::scenarios::{Document, ScenarioId};
use serde::Serialize;

/// One statement of a generated document, with why it is there.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct StatementLesson {
    /// Position in the document's `Statement` array (statements may lack a Sid).
    pub index: usize,
    pub sid: Option<String>,
    /// The statement alone, in the document's layout.
    pub text: String,
    /// None only when the scenario gave the statement no explanation (a test forbids that).
    pub why: Option<String>,
    #[serde(deserialize_with = "crate::analyst::wire::interned_option")]
    pub doc_url: Option<crate::analyst::wire::Interned>,
    pub conditions: Vec<ConditionLesson>,
}

/// One condition key of a statement, with why it is there.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct ConditionLesson {
    pub operator: String,
    pub key: String,
    pub values: Vec<String>,
    /// None only for a key this module has no note for (a test forbids that in generated documents).
    pub note: Option<ConditionNote>,
}

/// Every statement of `document` with its reason and its condition keys' reasons. A statement with a
/// Sid takes the explanation of that Sid; one without takes the explanation at its position.
pub fn lessons(scenario: ScenarioId, document: &Document) -> Vec<StatementLesson> {
    document
        .policy
        .statements
        .iter()
        .enumerate()
        .map(|(index, statement)| {
            let sid = statement.sid.as_ref().map(|t| t.value.clone());
            let explanation = match &sid {
                Some(sid) => document.explanations.iter().find(|e| &e.sid == sid),
                None => document.explanations.get(index),
            };
            StatementLesson {
                index,
                sid,
                text: statement_text(statement),
                why: explanation.map(|e| e.why.clone()),
                doc_url: explanation.map(|e| e.doc_url),
                conditions: condition_lessons(scenario, statement),
            }
        })
        .collect()
}

fn statement_text(statement: &Statement) -> String {
    let single = Policy {
        statements: vec![statement.clone()],
        statement_is_array: false,
        ..Policy::default()
    };
    crate::policy::to_json(&single)
        .get("Statement")
        .map(crate::json::pretty)
        .unwrap_or_default()
}

fn condition_lessons(scenario: ScenarioId, statement: &Statement) -> Vec<ConditionLesson> {
    statement
        .condition
        .iter()
        .flat_map(|clause| {
            clause.entries.iter().map(move |entry| ConditionLesson {
                operator: clause.operator.value.clone(),
                key: entry.key.value.clone(),
                values: entry.values.values().map(str::to_owned).collect(),
                note: condition_note(scenario, &entry.key.value),
            })
        })
        .collect()
}
