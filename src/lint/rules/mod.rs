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
