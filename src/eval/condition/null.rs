//! `Null`: `true` holds when the key is absent from the request, `false` when it is present.

/// Whether one policy value holds; a key present with no values counts as absent.
pub(super) fn matches(policy: &str, present: bool) -> Result<bool, String> {
    match policy.to_ascii_lowercase().as_str() {
        "true" => Ok(!present),
        "false" => Ok(present),
        _ => Err(format!("Null takes true or false, not \"{policy}\"")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pass_fail_table() {
        assert_eq!(matches("true", false), Ok(true));
        assert_eq!(matches("true", true), Ok(false));
        assert_eq!(matches("false", true), Ok(true));
        assert_eq!(matches("FALSE", false), Ok(false));
        assert!(matches("maybe", true).is_err());
    }
}
