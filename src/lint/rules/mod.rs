//! One file per rule, each with its documentation, check and pass/fail table.

pub mod effect_value;
pub mod json_syntax;
