//! The list of rules, and running them.

use super::rules;
use super::{Context, Diagnostic, Rule};

/// Every rule, sorted by code. A test keeps codes unique and sorted.
pub static RULES: &[&Rule] = &[
    &rules::encryption_context_arn_form::RULE,
    &rules::logs_scope_elsewhere::RULE,
    &rules::logs_principal_global::RULE,
    &rules::logs_principal_for_use::RULE,
    &rules::export_key_actions::RULE,
    &rules::bucket_acl_check::RULE,
    &rules::bucket_owner_full_control::RULE,
    &rules::aws_managed_key::RULE,
    &rules::log_resource_policy_principals::RULE,
    &rules::log_resource_policy_size::RULE,
    &rules::vended_bucket_not_elements::RULE,
    &rules::log_group_arn_form::RULE,
    &rules::logs_source_scope_differs::RULE,
    &rules::documentation_placeholder::RULE,
    &rules::scenario_resources::RULE,
    &rules::stack_log_group_key_context::RULE,
    &rules::stack_logs_principal_region::RULE,
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
    &rules::unknown_service::RULE,
    &rules::unknown_action::RULE,
    &rules::action_pattern_matches_nothing::RULE,
    &rules::service_wildcard::RULE,
    &rules::unknown_condition_key::RULE,
    &rules::condition_key_unsupported::RULE,
    &rules::unknown_condition_operator::RULE,
    &rules::operator_type_mismatch::RULE,
    &rules::set_qualifier_mismatch::RULE,
    &rules::malformed_condition_value::RULE,
    &rules::action_resource_mismatch::RULE,
    &rules::wildcard_without_like::RULE,
    &rules::arn_resource_type::RULE,
    &rules::policy_variable_use::RULE,
    &rules::condition_key_case_duplicate::RULE,
    &rules::condition_value_form::RULE,
    &rules::principal_format::RULE,
    &rules::empty_condition::RULE,
    &rules::redundant_value::RULE,
    &rules::redundant_statement::RULE,
    &rules::not_element_with_allow::RULE,
    &rules::policy_size::RULE,
    &rules::s3_bucket_name::RULE,
    &rules::key_policy_alias_resource::RULE,
    &rules::private_source_ip::RULE,
    &rules::json_syntax::RULE,
    &rules::duplicate_key::RULE,
    &rules::wildcard_principal::RULE,
    &rules::service_principal_unscoped::RULE,
    &rules::key_admin_grant::RULE,
    &rules::key_policy_lockout::RULE,
    &rules::allow_not_principal::RULE,
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
