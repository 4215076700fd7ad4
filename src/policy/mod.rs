//! The policy model: what a policy document says, independent of how its text was laid out.
//!
//! Source positions are optional on every node and excluded from equality, so a policy built by a
//! scenario equals the same policy pasted as text.

mod arn;
mod kind;
mod lower;
mod model;
mod size;
mod to_json;

pub use arn::{is_account_id, Arn, ArnError};
pub use kind::PolicyKind;
pub use lower::lower;
pub use model::*;
pub use size::{SizeLimit, SizeUnit};
pub use to_json::to_json;

/// Prints a policy in the tool's canonical layout.
pub fn print(policy: &Policy) -> String {
    crate::json::pretty(&to_json(policy))
}
