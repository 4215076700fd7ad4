//! The list of rules, and running them.

use super::rules;
use super::{Context, Diagnostic, Rule};

/// Every rule, sorted by code. A test keeps codes unique and sorted.
pub static RULES: &[&Rule] = &[
    &rules::unknown_top_level_element::RULE,
    &rules::missing_statement::RULE,
    &rules::unknown_statement_element::RULE,
    &rules::statement_element_pairs::RULE,
    &rules::effect_value::RULE,
    &rules::version::RULE,
    &rules::duplicate_sid::RULE,
    &rules::principal_by_kind::RULE,
    &rules::malformed_arn::RULE,
    &rules::element_type::RULE,
    &rules::sid_format::RULE,
    &rules::json_syntax::RULE,
    &rules::duplicate_key::RULE,
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
