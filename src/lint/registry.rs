//! The list of rules, and running them.

use super::rules;
use super::{Context, Diagnostic, Rule};

/// Every rule, sorted by code. A test keeps codes unique and sorted.
pub static RULES: &[&Rule] = &[
    &rules::json_syntax::RULE,
    &rules::effect_value::RULE,
];

pub fn rule_by_code(code: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.code == code)
}

/// Runs every rule and returns the findings ordered by position, then code.
pub fn run(ctx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        (rule.check)(ctx, &mut out);
    }
    out.sort_by(|a, b| {
        let pos = |d: &Diagnostic| d.span.map_or(0, |s| s.start);
        pos(a).cmp(&pos(b)).then(a.rule.code.cmp(b.rule.code))
    });
    out
}
