//! One file per rule, each with its documentation, check and pass/fail table.
//!
//! The list below is the one place a rule is registered: it declares the rule's module and puts
//! its `RULE` into [`RULES`], in the list's order, which is code order (a test keeps codes unique
//! and sorted). A new rule is its file plus one line here (and its row in the README's table,
//! which a test checks).

macro_rules! rules {
    ($($module:ident),* $(,)?) => {
        $(pub mod $module;)*

        /// Every rule, sorted by code.
        pub static RULES: &[&crate::lint::Rule] = &[$(&$module::RULE),*];
    };
}

rules! {
    encryption_context_arn_form, // CWL001
    logs_scope_elsewhere, // CWL002
    logs_principal_global, // CWL003
    logs_principal_for_use, // CWL004
    export_key_actions, // CWL005
    bucket_acl_check, // CWL006
    bucket_owner_full_control, // CWL007
    aws_managed_key, // CWL008
    log_resource_policy_principals, // CWL009
    log_resource_policy_size, // CWL010
    vended_bucket_not_elements, // CWL011
    log_group_arn_form, // CWL012
    logs_source_scope_differs, // CWL013
    documentation_placeholder, // CWL015
    scenario_resources, // CWL016
    stack_log_group_key_context, // CWL017
    stack_logs_principal_region, // CWL018
    stack_bucket_policy_other_bucket, // CWL019
    unknown_top_level_element, // IAM001
    missing_statement, // IAM002
    unknown_statement_element, // IAM003
    statement_element_pairs, // IAM004
    effect_value, // IAM005
    version, // IAM006
    duplicate_sid, // IAM007
    principal_by_kind, // IAM008
    malformed_arn, // IAM009
    element_type, // IAM010
    sid_format, // IAM011
    unknown_service, // IAM012
    unknown_action, // IAM013
    action_pattern_matches_nothing, // IAM014
    service_wildcard, // IAM015
    unknown_condition_key, // IAM016
    condition_key_unsupported, // IAM017
    unknown_condition_operator, // IAM018
    operator_type_mismatch, // IAM019
    set_qualifier_mismatch, // IAM020
    malformed_condition_value, // IAM021
    action_resource_mismatch, // IAM022
    wildcard_without_like, // IAM023
    arn_resource_type, // IAM024
    policy_variable_use, // IAM025
    condition_key_case_duplicate, // IAM026
    condition_value_form, // IAM027
    principal_format, // IAM030
    empty_condition, // IAM031
    redundant_value, // IAM032
    redundant_statement, // IAM033
    not_element_with_allow, // IAM034
    policy_size, // IAM035
    s3_bucket_name, // IAM036
    key_policy_alias_resource, // IAM037
    private_source_ip, // IAM038
    json_syntax, // JSON001
    duplicate_key, // JSON002
    wildcard_principal, // SEC001
    service_principal_unscoped, // SEC002
    key_admin_grant, // SEC003
    key_policy_lockout, // SEC004
    allow_not_principal, // SEC005
    pass_role_wide, // SEC006
}
