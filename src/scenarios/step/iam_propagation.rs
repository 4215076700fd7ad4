//! The wait between giving a role a policy and the role's first call. IAM is eventually
//! consistent: a new inline policy is not in force everywhere at once, and AWS gives no bound for
//! how long that takes, so the wait is this tool's choice and says so.

use super::Line;

/// Seconds to wait; not an AWS figure.
pub const SECONDS: u32 = 60;

/// The lines that wait before `whose` first call under its new policy.
pub fn wait(whose: &str) -> Vec<Line> {
    vec![
        Line::comment(format!(
            "IAM changes are eventually consistent and AWS gives no bound for them: {whose}'s new policy may not be in force yet (how long is unverified; {SECONDS} s is this tool's choice)."
        )),
        Line::comment(format!(
            "If {whose}'s next call is refused with AccessDenied, wait a minute and run the remaining steps again."
        )),
        Line::Sleep(SECONDS),
    ]
}
