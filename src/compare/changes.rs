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
            text: describe_change(c, existing, generated, Notation::Page),
            old_span: c.old.span.map(|s| (s.start, s.end)),
            new_span: c.new.span.map(|s| (s.start, s.end)),
        })
        .collect()
}

/// How a change is written: the page's sentences beside the two texts, or the CLI's one line per
/// change in plain ASCII, marked `+`/`-`/`~` like a diff and ending with its impact word (a
/// terminal has no colour to carry it, and `grep`/`diff` users expect ASCII).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notation {
    /// `Statement 2 "Logs": Action + kms:Decrypt`, `Statement 3 "Logs" is only in the generated policy`.
    Page,
    /// `~ Statement[2] "Logs" (was [1]): Action + kms:Decrypt (broadening)`,
    /// `+ Statement[3] "Extra" added (broadening)`, `~ Version 2008-10-17 -> 2012-10-17 (neutral)`.
    Cli,
}

/// One change in words. Statements are numbered from 1, in the new policy (in the existing one
/// when removed).
pub fn describe_change(c: &Change, existing: &Policy, new: &Policy, notation: Notation) -> String {
    let value = |side: &Side| side.value.clone().unwrap_or_default();
    let (arrow, minus) = match notation {
        Notation::Page => ("→", "−"),
        Notation::Cli => ("->", "-"),
    };
    let line = match (c.field, c.kind, notation) {
        (Field::Statement, ChangeKind::Added, Notation::Page) => {
            format!("{} is only in the generated policy", statement(new, c.new.statement, None, notation))
        }
        (Field::Statement, ChangeKind::Added, Notation::Cli) => {
            format!("+ {} added", statement(new, c.new.statement, None, notation))
        }
        (Field::Statement, _, Notation::Page) => {
            format!("{} is only in yours", statement(existing, c.old.statement, None, notation))
        }
        (Field::Statement, _, Notation::Cli) => {
            format!("- {} removed", statement(existing, c.old.statement, None, notation))
        }
        (Field::Version, _, _) => format!("Version {} {arrow} {}", value(&c.old), value(&c.new)),
        (field, kind, _) => {
            let at = match c.new.statement {
                Some(j) => statement(new, Some(j), c.old.statement.filter(|&i| i != j), notation),
                None => statement(existing, c.old.statement, None, notation),
            };
            let what = match kind {
                ChangeKind::Added => format!("+ {}", value(&c.new)),
                ChangeKind::Removed => format!("{minus} {}", value(&c.old)),
                ChangeKind::Changed => format!("{} {arrow} {}", value(&c.old), value(&c.new)),
            };
            format!("{at}: {} {what}", field.as_str())
        }
    };
    match notation {
        Notation::Page => line,
        Notation::Cli if c.field == Field::Statement => format!("{line} ({})", impact_word(c.impact)),
        Notation::Cli => format!("~ {line} ({})", impact_word(c.impact)),
    }
}

/// `Statement 2 "Sid"` on the page; `Statement[2] "Sid" (was [1])` in the CLI, which also says
/// where a statement that moved came from. Numbered from 1.
fn statement(policy: &Policy, index: Option<usize>, was: Option<usize>, notation: Notation) -> String {
    let Some(i) = index else { return "Statement".to_owned() };
    let sid = policy.statements.get(i).and_then(|s| s.sid.as_ref());
    match notation {
        Notation::Page => match sid {
            Some(sid) => format!("Statement {} \"{}\"", i + 1, sid.value),
            None => format!("Statement {}", i + 1),
        },
        Notation::Cli => {
            let mut out = format!("Statement[{}]", i + 1);
            if let Some(sid) = sid {
                out.push_str(&format!(" {:?}", sid.value));
            }
            if let Some(old) = was {
                out.push_str(&format!(" (was [{}])", old + 1));
            }
            out
        }
    }
}
