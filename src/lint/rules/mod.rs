//! One file per rule, each with its documentation, check and pass/fail table.

pub mod duplicate_key;
pub mod duplicate_sid;
pub mod effect_value;
pub mod element_type;
pub mod json_syntax;
pub mod malformed_arn;
pub mod missing_statement;
pub mod principal_by_kind;
pub mod sid_format;
pub mod statement_element_pairs;
pub mod unknown_statement_element;
pub mod unknown_top_level_element;
pub mod version;

// IAM catalogue rules (IAM012–IAM027): actions, resources, condition keys and operators against
// AWS's reference.
pub mod action_pattern_matches_nothing;
pub mod action_resource_mismatch;
pub mod arn_resource_type;
pub mod condition_key_case_duplicate;
pub mod condition_key_unsupported;
pub mod condition_value_form;
pub mod malformed_condition_value;
pub mod operator_type_mismatch;
pub mod policy_variable_use;
pub mod service_wildcard;
pub mod set_qualifier_mismatch;
pub mod unknown_action;
pub mod unknown_condition_key;
pub mod unknown_condition_operator;
pub mod unknown_service;
pub mod wildcard_without_like;

// Structural rules (IAM030–IAM049): principal formats, empty and redundant parts, Not* elements, size,
// names S3 and KMS cannot match.
pub mod empty_condition;
pub mod key_policy_alias_resource;
pub mod not_element_with_allow;
pub mod policy_size;
pub mod principal_format;
pub mod private_source_ip;
pub mod redundant_statement;
pub mod redundant_value;
pub mod s3_bucket_name;

// CloudWatch Logs rules (CWL0xx).
pub mod aws_managed_key;
pub mod bucket_acl_check;
pub mod bucket_owner_full_control;
pub mod documentation_placeholder;
pub mod encryption_context_arn_form;
pub mod export_key_actions;
pub mod log_group_arn_form;
pub mod log_resource_policy_principals;
pub mod log_resource_policy_size;
pub mod logs_principal_for_use;
pub mod logs_principal_global;
pub mod logs_scope_elsewhere;
pub mod logs_source_scope_differs;
pub mod scenario_resources;
pub mod stack_log_group_key_context;
pub mod stack_logs_principal_region;
pub mod vended_bucket_not_elements;

// Security rules (SEC0xx).
pub mod allow_not_principal;
pub mod key_admin_grant;
pub mod key_policy_lockout;
pub mod service_principal_unscoped;
pub mod wildcard_principal;
