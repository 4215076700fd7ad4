//! The diff's changes as lines a person reads, each with its impact in words and the span it
//! points at on each side.

use crate::diff::{Change, ChangeKind, Field, Impact, PolicyDiff, Side};
use crate::policy::Policy;
use serde::Serialize;

/// One change, ready to show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ChangeLine {
    pub impact: Impact,
    /// "broadening", "narrowing" or "neutral": the word, so colour is never the only signal.
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub impact_word: crate::analyst::wire::Interned,
    /// `Statement 2 "Logs": Action + kms:Decrypt`, `Statement 3 "Logs" only in the generated policy`.
    pub text: String,
    /// Byte range in the existing (pasted) text.
    pub old_span: Option<(usize, usize)>,
    /// Byte range in the generated text.
    pub new_span: Option<(usize, usize)>,
}

pub fn impact_word(impact: Impact) -> &'static str {
    match impact {
        Impact::Broadening => "broadening",
        Impact::Narrowing => "narrowing",
        Impact::Neutral => "neutral",
    }
}

/// Every change of `d` (from `existing` to `generated`) as a line.
pub fn describe_changes(d: &PolicyDiff, existing: &Policy, generated: &Policy) -> Vec<ChangeLine> {
    d.changes
        .iter()
        .map(|c| ChangeLine {
            impact: c.impact,
            impact_word: impact_word(c.impact),
            text: describe(c, existing, generated),
            old_span: c.old.span.map(|s| (s.start, s.end)),
            new_span: c.new.span.map(|s| (s.start, s.end)),
        })
        .collect()
}

fn describe(c: &Change, existing: &Policy, generated: &Policy) -> String {
    let value = |side: &Side| side.value.clone().unwrap_or_default();
    match (c.field, c.kind) {
        (Field::Statement, ChangeKind::Added) => {
            format!(
                "{} is only in the generated policy",
                statement(generated, c.new.statement)
            )
        }
        (Field::Statement, _) => format!("{} is only in yours", statement(existing, c.old.statement)),
        (Field::Version, _) => format!("Version {} → {}", value(&c.old), value(&c.new)),
        (field, kind) => {
            let at = match c.new.statement {
                Some(j) => statement(generated, Some(j)),
                None => statement(existing, c.old.statement),
            };
            let what = match kind {
                ChangeKind::Added => format!("+ {}", value(&c.new)),
                ChangeKind::Removed => format!("− {}", value(&c.old)),
                ChangeKind::Changed => format!("{} → {}", value(&c.old), value(&c.new)),
            };
            format!("{at}: {} {what}", field.as_str())
        }
    }
}

/// `Statement 2 "Sid"`, numbered from 1.
fn statement(policy: &Policy, index: Option<usize>) -> String {
    let Some(i) = index else { return "Statement".to_owned() };
    match policy.statements.get(i).and_then(|s| s.sid.as_ref()) {
        Some(sid) => format!("Statement {} \"{}\"", i + 1, sid.value),
        None => format!("Statement {}", i + 1),
    }
}
