//! Checking each policy found in a paste, with findings located in the paste.

use super::{Extraction, Form, Policy};
use crate::json::{LineIndex, Span, Value, ValueKind};
use crate::lint::rules::json_syntax;
use crate::lint::Finding;
use crate::policy::PolicyKind;
use crate::scenarios::ScenarioId;
use crate::{analyze_as, Analysis};
use serde::Serialize;

/// One policy of a paste, checked.
#[derive(Clone, Debug, Serialize)]
pub struct PolicyCheck {
    /// Empty for a bare policy and for problems reading the paste.
    pub name: String,
    pub source: String,
    pub resource_type: String,
    pub kind: PolicyKind,
    /// The policy's value in the paste.
    pub span: Span,
    /// Located in the paste (line, column and byte offsets of the pasted text).
    pub findings: Vec<Finding>,
    /// Said once per policy: which checks could not judge a placeholder value.
    pub notes: Vec<String>,
}

impl PolicyCheck {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == crate::lint::Severity::Error)
    }
}

/// Checks every policy of `extraction` (taken from `paste`). `kind` is the kind of a bare policy
/// (the CLI's `--type`); found policies have their own. Problems reading the paste come first,
/// as JSON001 findings of an unnamed policy, so nothing pasted goes unanswered.
pub fn check(
    paste: &str,
    extraction: &Extraction,
    kind: PolicyKind,
    scenario: Option<(ScenarioId, &serde_json::Value)>,
    fragment: bool,
) -> Vec<PolicyCheck> {
    let index = LineIndex::new(paste);
    let mut out = Vec::new();
    if !extraction.problems.is_empty() {
        out.push(PolicyCheck {
            name: String::new(),
            source: extraction.form.label().to_owned(),
            resource_type: String::new(),
            kind,
            span: Span::new(0, paste.len()),
            findings: extraction
                .problems
                .iter()
                .map(|p| json_syntax::diagnostic(p.clone()).locate(paste, &index))
                .collect(),
            notes: Vec::new(),
        });
    }
    for policy in &extraction.policies {
        let kind = policy.kind.unwrap_or(kind);
        let analysis = analyze_as(&policy.text, kind, scenario, fragment);
        let (findings, notes) = if extraction.form == Form::Policy {
            (analysis.findings, Vec::new())
        } else {
            relocate(paste, &index, policy, analysis)
        };
        out.push(PolicyCheck {
            name: policy.name.clone(),
            source: policy.source.clone(),
            resource_type: policy.resource_type.clone(),
            kind,
            span: policy.span,
            findings,
            notes,
        });
    }
    out
}

/// Moves each finding from the policy text into the paste, and leaves out those that sit on a
/// placeholder: their rule needed the value, which only deployment knows.
fn relocate(paste: &str, index: &LineIndex, policy: &Policy, analysis: Analysis) -> (Vec<Finding>, Vec<String>) {
    let placeholders = match (&analysis.policy, policy.placeholders) {
        (Some(_), true) => crate::json::parse(&policy.text).map(|v| placeholder_spans(&v)).unwrap_or_default(),
        _ => Vec::new(),
    };
    let mut skipped: Vec<&'static str> = Vec::new();
    let mut findings = Vec::new();
    for f in analysis.findings {
        if placeholders.iter().any(|p| p.start <= f.start && f.end <= p.end) {
            if !skipped.contains(&f.code) {
                skipped.push(f.code);
            }
            continue;
        }
        let span = policy.map.locate(Span::new(f.start, f.end));
        let (line, column) = index.line_col(paste, span.start);
        let (end_line, end_column) = index.line_col(paste, span.end);
        findings.push(Finding {
            line,
            column,
            end_line,
            end_column,
            start: span.start,
            end: span.end,
            // Its edits are offsets of the policy text, not of the paste.
            fix: None,
            ..f
        });
    }
    findings.sort_by_key(|f| (f.start, f.end));
    let mut notes = Vec::new();
    if !placeholders.is_empty() {
        let mut note = format!(
            "{} value(s) hold placeholders (${{…}}: intrinsic functions, references, interpolations) known only when deployed",
            placeholders.len()
        );
        if skipped.is_empty() {
            note.push_str("; no check needed their values");
        } else {
            note.push_str(&format!("; {} did not judge them", skipped.join(", ")));
        }
        notes.push(note);
    }
    (findings, notes)
}

/// Spans of the strings holding `${…}` (not `$${…}`, Terraform's escape, nor `${!…}`, the
/// CloudFormation one).
fn placeholder_spans(value: &Value) -> Vec<Span> {
    let mut out = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match &v.kind {
            ValueKind::String(s) if holds_placeholder(s) => out.push(v.span),
            ValueKind::Array(items) => stack.extend(items),
            ValueKind::Object(members) => stack.extend(members.iter().map(|m| &m.value)),
            _ => {}
        }
    }
    out
}

fn holds_placeholder(s: &str) -> bool {
    s.match_indices("${").any(|(i, _)| !s[..i].ends_with('$') && !s[i + 2..].starts_with('!'))
}
