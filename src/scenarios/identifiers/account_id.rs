//! Account IDs as people paste them: the console shows `4444-5555-6666`, and some write the
//! groups with spaces. Every account field reads through here, so the form, the CLI, share links
//! and record import all accept them the same way (`ScenarioId::run` reads the input through
//! [`read`]).

use crate::policy::is_account_id;
use crate::scenarios::{FieldError, ScenarioId};
use serde_json::Value;

/// The twelve digits when `text` is twelve digits split by hyphens or spaces; otherwise `text`
/// unchanged, so the field check reports what was actually typed.
///
/// ```
/// use cwlogs_policy::scenarios::account_id::normalize;
/// assert_eq!(normalize("4444-5555-6666"), "444455556666");
/// assert_eq!(normalize(" 4444 5555 6666 "), "444455556666");
/// assert_eq!(normalize("4444-5555-666"), "4444-5555-666");
/// assert_eq!(normalize("arn:aws:iam::444455556666:root"), "arn:aws:iam::444455556666:root");
/// ```
pub fn normalize(text: &str) -> String {
    let is_separator = |c: char| c == '-' || c.is_whitespace();
    let digits: String = text.chars().filter(|&c| !is_separator(c)).collect();
    if digits.len() == 12 && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits
    } else {
        text.to_owned()
    }
}

/// A field's JSON value with each account in it normalised (one text, or a list of them).
pub fn normalize_value(value: Value) -> Value {
    match value {
        Value::String(text) => Value::String(normalize(&text)),
        Value::Array(items) => Value::Array(items.into_iter().map(normalize_value).collect()),
        other => other,
    }
}

/// The input as the scenario reads it: every field marked [`FieldSpec::account_id`] normalised.
///
/// [`FieldSpec::account_id`]: super::FieldSpec::account_id
pub(in crate::scenarios) fn read(id: ScenarioId, input: &Value) -> Value {
    let mut input = input.clone();
    for field in id.fields().iter().filter(|f| f.account_id) {
        if let Some(value) = input.get_mut(field.name) {
            *value = normalize_value(value.take());
        }
    }
    input
}

/// Twelve digits: an account ID as typed (trimmed, the console's groups joined, see
/// [`normalize`]) that passed the form's check.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId(String);

impl AccountId {
    /// Parses an account field. `what` names the account in the empty-field message ("that
    /// owns the log groups"); the error is worded as the form shows it.
    pub fn parse(field: &'static str, text: &str, what: &str) -> Result<AccountId, FieldError> {
        let normalized = normalize(text);
        let account = normalized.trim();
        if account.is_empty() {
            Err(FieldError::error(field, format!("enter the 12-digit AWS account ID {what}").trim_end()))
        } else if !is_account_id(account) {
            let why = if account.chars().all(|c| c.is_ascii_digit()) {
                format!("has {} digits", account.len())
            } else {
                "has characters other than digits".to_owned()
            };
            Err(FieldError::error(field, format!("\"{account}\" {why}; an account ID is exactly 12 digits")))
        } else {
            Ok(AccountId(account.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for AccountId {
    type Err = FieldError;

    /// As [`AccountId::parse`] for a field named `account`.
    fn from_str(text: &str) -> Result<AccountId, FieldError> {
        AccountId::parse("account", text, "")
    }
}

impl AsRef<str> for AccountId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for AccountId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use crate::scenarios::{Control, ScenarioId};
    use serde_json::Value;

    /// Every field marked as an account reads the console's form as the plain digits: the bundle
    /// equals the one made from the digits, and the field has no problem.
    #[test]
    fn every_account_field_reads_the_console_form() {
        let mut checked = 0;
        for id in ScenarioId::ALL {
            for field in id.fields().iter().filter(|f| f.account_id) {
                let (pasted, plain) = match field.control {
                    Control::Lines { .. } => (Value::from(vec!["4444-5555-6666"]), Value::from(vec!["444455556666"])),
                    _ => (Value::from("4444 5555 6666"), Value::from("444455556666")),
                };
                let mut with_pasted = id.default_input();
                with_pasted[field.name] = pasted;
                let mut with_plain = id.default_input();
                with_plain[field.name] = plain;
                let (a, b) = (id.run(&with_pasted), id.run(&with_plain));
                assert!(!a.problems.iter().any(|p| p.field == field.name), "{id:?} {}: {:?}", field.name, a.problems);
                assert_eq!(a, b, "{id:?} {}", field.name);
                checked += 1;
            }
        }
        assert_eq!(checked, 8, "account fields checked");
    }
}
