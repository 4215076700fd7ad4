//! `Bool`: `true` or `false`, compared without regard to case.

pub(super) fn matches(policy: &str, value: &str) -> Result<bool, String> {
    let p = boolean(policy).ok_or_else(|| format!("policy value \"{policy}\" is not true or false"))?;
    let v = boolean(value).ok_or_else(|| format!("request value \"{value}\" is not true or false"))?;
    Ok(p == v)
}

fn boolean(s: &str) -> Option<bool> {
    match s.to_ascii_lowercase().as_str() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pass_fail_table() {
        assert_eq!(matches("true", "true"), Ok(true));
        assert_eq!(matches("false", "TRUE"), Ok(false));
        assert_eq!(matches("False", "false"), Ok(true));
        assert!(matches("yes", "true").is_err());
        assert!(matches("true", "1").is_err());
    }
}
