//! The AWS identifiers a form names, each a type that only its parser makes: holding a `Region`,
//! an `AccountId`, a `LogGroupName`, a `KeyArn` or a `BucketName` means the text passed the
//! form's check for that field, trimmed and normalised once. The parsers word their problems
//! exactly as the form shows them (each scenario's parse calls them), so a value and its field error
//! cannot disagree. [`arn`] builds every ARN of these resources from them.

pub mod account_id;
pub mod arn;
pub mod bucket_name;
mod field;
mod key_arn;
pub mod log_group_name;
mod region;

pub use account_id::AccountId;
pub use bucket_name::BucketName;
pub use field::{listed, Field};
pub use key_arn::{KeyArn, Place};
pub use log_group_name::{log_group_name_problem, LogGroupName};
pub use region::Region;

use crate::scenarios::{FieldError, FieldSeverity};

/// Whether any of `problems` blocks the value (warnings do not).
fn has_error(problems: &[FieldError]) -> bool {
    problems.iter().any(|p| p.severity == FieldSeverity::Error)
}
