//! Pass/fail tables for rule tests.

use super::{Context, Diagnostic, Rule};
use crate::json::parse_document;
use crate::policy::{lower, PolicyKind};

/// The findings of one rule on one document (which must be valid JSON).
pub fn findings(rule: &'static Rule, kind: PolicyKind, text: &str) -> Vec<Diagnostic> {
    let json = parse_document(text).unwrap_or_else(|e| panic!("test input is not JSON: {}: {text}", e.message));
    let policy = lower(&json);
    let ctx = Context::new(text, &json, &policy, kind);
    let mut out = Vec::new();
    (rule.check)(&ctx, &mut out);
    out
}

/// Every input must produce at least one finding of `rule`.
pub fn assert_fails(rule: &'static Rule, kind: PolicyKind, inputs: &[&str]) {
    for text in inputs {
        let found = findings(rule, kind, text);
        assert!(!found.is_empty(), "{} should flag this {:?} policy:\n{text}", rule.code, kind);
        assert!(found.iter().all(|d| d.rule.code == rule.code));
    }
}

/// No input may produce a finding of `rule`.
pub fn assert_passes(rule: &'static Rule, kind: PolicyKind, inputs: &[&str]) {
    for text in inputs {
        let found = findings(rule, kind, text);
        assert!(found.is_empty(), "{} should accept this {:?} policy:\n{text}\nbut said: {:?}", rule.code, kind,
            found.iter().map(|d| &d.message).collect::<Vec<_>>());
    }
}

/// The text a finding points at.
pub fn flagged<'t>(text: &'t str, d: &Diagnostic) -> &'t str {
    let span = d.span.expect("finding should be located");
    &text[span.start..span.end]
}

/// The findings of one rule on one document checked against a scenario's facts.
pub fn findings_in(
    rule: &'static Rule,
    kind: PolicyKind,
    text: &str,
    scenario: &super::ScenarioContext,
) -> Vec<Diagnostic> {
    let json = parse_document(text).unwrap_or_else(|e| panic!("test input is not JSON: {}: {text}", e.message));
    let policy = lower(&json);
    let ctx = Context {
        scenario: Some(scenario),
        ..Context::new(text, &json, &policy, kind)
    };
    let mut out = Vec::new();
    (rule.check)(&ctx, &mut out);
    out
}
