//! The exporting roles: IAM role or user ARNs in the log groups' account.

use super::S3ExportSpec;
use crate::scenarios::field_checks::role_arn_problem;
use crate::scenarios::FieldError;

pub fn check_callers(input: &S3ExportSpec, out: &mut Vec<FieldError>) {
    let callers = input.caller_arns();
    if callers.is_empty() && input.is_cross_account() {
        out.push(FieldError::error(
            "callers",
            "the bucket is in another account: enter the role that runs the export, so the bucket and key policies can name it",
        ));
    }
    for (i, text) in callers.iter().enumerate() {
        if let Some(problem) = caller_problem(text, input) {
            out.push(FieldError::error("callers", problem));
        } else if callers[..i].contains(text) {
            out.push(FieldError::warning("callers", format!("\"{text}\" is listed twice")));
        }
    }
}

fn caller_problem(text: &str, input: &S3ExportSpec) -> Option<String> {
    if let Some(problem) = role_arn_problem(text, input.partition) {
        return Some(problem);
    }
    let account = input.account();
    let caller_account = text.split(':').nth(4).unwrap_or("");
    (caller_account != account).then(|| {
        format!("\"{text}\" is in account {caller_account}: create-export-task runs in the log groups' account {account}")
    })
}
