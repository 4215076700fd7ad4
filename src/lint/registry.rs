//! The list of rules, and running them.

use super::{Context, Diagnostic, Rule};

pub use super::rules::RULES;

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
