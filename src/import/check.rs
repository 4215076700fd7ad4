//! Checking each policy found in a paste, with findings located in the paste.

use super::{Extraction, Form, Policy};
use crate::json::{LineIndex, Span, Value, ValueKind};
use crate::lint::rules::json_syntax;
use crate::lint::Finding;
use crate::policy::PolicyKind;
use crate::scenarios::ScenarioId;
use crate::{analyze_as, analyze_in_stack, Analysis};
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
        let (findings, notes) = if extraction.form == Form::Policy {
            (analyze_as(&policy.text, kind, scenario, fragment).findings, Vec::new())
        } else {
            // Judged against the form: its account, Region and partition stand in for the
            // pseudo-parameters, so the scenario rules compare real values.
            let resolved = match (scenario, policy.placeholders) {
                (Some((_, input)), true) => PseudoParameters::from_form(input).resolve(&policy.text),
                _ => None,
            };
            // What the rest of the template says about the policy's resource.
            let stack = (policy.stack != Default::default()).then_some(&policy.stack);
            match resolved {
                Some((text, edits)) => {
                    let analysis = analyze_in_stack(&text, kind, scenario, fragment, stack);
                    let formless = analyze_as(&text, kind, None, fragment).findings;
                    relocate(paste, &index, policy, &text, &edits, analysis, Some(&formless))
                }
                None => {
                    let analysis = analyze_in_stack(&policy.text, kind, scenario, fragment, stack);
                    let formless = (scenario.is_some() && policy.placeholders)
                        .then(|| analyze_as(&policy.text, kind, None, fragment).findings);
                    relocate(paste, &index, policy, &policy.text, &[], analysis, formless.as_deref())
                }
            }
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
/// placeholder: their rule needed the value, which only deployment knows. `formless`: the
/// findings without the scenario form, when judged against one; a finding the form alone brings
/// that does not sit on a literal string judges the policy as a whole (no statement covers the
/// form's log group…), which a placeholder may well do once deployed: left out too.
fn relocate(
    paste: &str,
    index: &LineIndex,
    policy: &Policy,
    text: &str,
    edits: &[Edit],
    analysis: Analysis,
    formless: Option<&[Finding]>,
) -> (Vec<Finding>, Vec<String>) {
    let (placeholders, literals) = match (&analysis.policy, policy.placeholders) {
        (Some(_), true) => crate::json::parse(text).map(|v| string_spans(&v)).unwrap_or_default(),
        _ => Default::default(),
    };
    let inside = |spans: &[Span], f: &Finding| spans.iter().any(|p| p.start <= f.start && f.end <= p.end);
    let form_only = |f: &Finding| {
        formless.is_some_and(|without| {
            !without.iter().any(|w| (w.code, &w.message, &w.path) == (f.code, &f.message, &f.path))
        })
    };
    let mut skipped: Vec<&'static str> = Vec::new();
    let mut findings = Vec::new();
    for f in analysis.findings {
        let needs_value =
            inside(&placeholders, &f) && !crate::lint::rule_by_code(f.code).is_some_and(|r| r.judges_references);
        let needs_whole = !placeholders.is_empty() && form_only(&f) && !inside(&literals, &f);
        if needs_value || needs_whole {
            if !skipped.contains(&f.code) {
                skipped.push(f.code);
            }
            continue;
        }
        let span = policy.map.locate(Span::new(before_edits(edits, f.start), before_edits(edits, f.end)));
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
    if !edits.is_empty() {
        notes.push(format!(
            "{} pseudo-parameter(s) (${{AWS::AccountId}}, ${{AWS::Region}}, ${{AWS::Partition}}) read as the form's values",
            edits.len()
        ));
    }
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
/// CloudFormation one), and of the other strings.
fn string_spans(value: &Value) -> (Vec<Span>, Vec<Span>) {
    let mut out = Vec::new();
    let mut literals = Vec::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match &v.kind {
            ValueKind::String(s) if holds_placeholder(s) => out.push(v.span),
            ValueKind::String(_) => literals.push(v.span),
            ValueKind::Array(items) => stack.extend(items),
            ValueKind::Object(members) => stack.extend(members.iter().map(|m| &m.value)),
            _ => {}
        }
    }
    (out, literals)
}

fn holds_placeholder(s: &str) -> bool {
    s.match_indices("${").any(|(i, _)| !s[..i].ends_with('$') && !s[i + 2..].starts_with('!'))
}

/// One `${AWS::…}` replaced by a form value: `old` in the policy text became `new`.
#[derive(Clone, Copy, Debug)]
struct Edit {
    old: Span,
    new: Span,
}

/// The offset in the policy text before the edits of an offset after them (inside a replaced
/// value: the pseudo-parameter's start).
fn before_edits(edits: &[Edit], offset: usize) -> usize {
    let i = edits.partition_point(|e| e.new.start <= offset);
    match i.checked_sub(1).map(|i| edits[i]) {
        Some(e) if offset < e.new.end => e.old.start,
        Some(e) => offset - e.new.end + e.old.end,
        None => offset,
    }
}

/// The values of CloudFormation's pseudo-parameters the scenario form gives.
struct PseudoParameters {
    values: Vec<(&'static str, String)>,
}

impl PseudoParameters {
    fn from_form(input: &serde_json::Value) -> Self {
        let field = |name: &str| {
            input.get(name).and_then(|v| v.as_str()).map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
        };
        let values = [
            ("${AWS::AccountId}", field("account")),
            ("${AWS::Region}", field("region")),
            ("${AWS::Partition}", field("partition").or_else(|| Some("aws".to_owned()))),
        ]
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)))
        .collect();
        PseudoParameters { values }
    }

    /// `text` with each known pseudo-parameter replaced, and the edits; `None` when none occurs.
    fn resolve(&self, text: &str) -> Option<(String, Vec<Edit>)> {
        let mut out = String::with_capacity(text.len());
        let mut edits = Vec::new();
        let mut rest = 0;
        while let Some((at, name, value)) = self
            .values
            .iter()
            .filter_map(|(name, value)| Some((rest + text[rest..].find(name)?, *name, value)))
            .min_by_key(|(at, _, _)| *at)
        {
            out.push_str(&text[rest..at]);
            let start = out.len();
            out.push_str(value);
            edits.push(Edit { old: Span::new(at, at + name.len()), new: Span::new(start, out.len()) });
            rest = at + name.len();
        }
        out.push_str(&text[rest..]);
        (!edits.is_empty()).then_some((out, edits))
    }
}
