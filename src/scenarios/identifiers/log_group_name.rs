//! Log group names (CreateLogGroup's rules).

use super::Field;
use crate::scenarios::FieldError;

/// Each listed name parsed, in order (the names already trimmed, blanks left out): a name
/// CreateLogGroup refuses is an error under "log-groups", a name listed twice a warning; each is
/// kept beside what was typed.
pub fn parse_listed(names: &[&str], out: &mut Vec<FieldError>) -> Vec<Field<LogGroupName>> {
    let mut groups = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let parsed = name.parse::<LogGroupName>();
        if let Err(problem) = &parsed {
            out.push(FieldError::error("log-groups", format!("\"{name}\": {problem}")));
        }
        if names[..i].contains(name) {
            out.push(FieldError::warning("log-groups", format!("\"{name}\" is listed twice")));
        }
        groups.push(Field::new(parsed.ok(), name));
    }
    groups
}

/// A log group name, trimmed, that CreateLogGroup accepts.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LogGroupName(String);

impl LogGroupName {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for LogGroupName {
    /// The problem as the form words it after the quoted name; each scenario puts it under its
    /// own field.
    type Err = String;

    fn from_str(text: &str) -> Result<LogGroupName, String> {
        let name = text.trim();
        if name.is_empty() {
            return Err("enter the log group name".into());
        }
        match log_group_name_problem(name) {
            Some(problem) => Err(problem),
            None => Ok(LogGroupName(name.to_owned())),
        }
    }
}

impl AsRef<str> for LogGroupName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for LogGroupName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// CreateLogGroup's rules: 1–512 of `[.-_/#A-Za-z0-9]`, not starting with `aws/`.
pub fn log_group_name_problem(name: &str) -> Option<String> {
    if name.starts_with("arn:") {
        return Some("that is an ARN; enter the log group name only".into());
    }
    if name.len() > 512 {
        return Some(format!("{} characters; a log group name has at most 512", name.chars().count()));
    }
    if let Some(bad) = name.chars().find(|c| !(c.is_ascii_alphanumeric() || ".-_/#".contains(*c))) {
        return Some(format!("\"{bad}\" is not allowed; names use letters, digits and . - _ / #"));
    }
    if name.starts_with("aws/") {
        return Some("names must not start with \"aws/\" (the \"/aws/\" prefix with a leading slash is fine)".into());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_group_names_follow_create_log_group_rules() {
        assert_eq!(log_group_name_problem("/aws/lambda/orders#v2"), None);
        assert!(log_group_name_problem("aws/x").unwrap_or_default().contains("\"aws/\""));
        assert!(log_group_name_problem("a b").unwrap_or_default().contains("\" \" is not allowed"));
        assert!(log_group_name_problem("arn:aws:logs:x").unwrap_or_default().contains("ARN"));
        assert!(log_group_name_problem(&"a".repeat(513)).unwrap_or_default().contains("at most 512"));
    }

    /// The type accepts exactly what the field check accepts, trimmed, and refuses the empty name.
    #[test]
    fn the_parser_agrees_with_the_check_and_trims() {
        let names = ["/aws/lambda/orders#v2", "my-log-group", "aws/x", "a b", "arn:aws:logs:x", "", "   ", "x:y", "é"];
        for name in names.iter().map(|n| n.to_string()).chain([&"a".repeat(512), &"a".repeat(513)].map(String::clone)) {
            let parsed: Result<LogGroupName, String> = format!(" {name}\n").parse();
            match log_group_name_problem(&name) {
                _ if name.trim().is_empty() => assert_eq!(parsed, Err("enter the log group name".into())),
                Some(problem) => assert_eq!(parsed, Err(problem)),
                None => assert_eq!(parsed.map(|n| n.as_str().to_owned()), Ok(name.clone())),
            }
        }
    }
}
