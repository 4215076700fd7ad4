//! `ArnEquals`, `ArnLike`, `ArnNotEquals`, `ArnNotLike`: component-by-component matching with wildcards.
//! `ArnEquals` and `ArnLike` behave identically in IAM, as do the two negated forms.

use super::super::matching::{arn_matches, Token};

pub(super) fn parse(base: &str) -> Option<bool> {
    match base {
        "ArnEquals" | "ArnLike" => Some(false),
        "ArnNotEquals" | "ArnNotLike" => Some(true),
        _ => None,
    }
}

/// A request value that is not an ARN matches no pattern.
pub(super) fn matches(pattern: &[Token], value: &str) -> bool {
    arn_matches(pattern, value)
}

#[cfg(test)]
mod tests {
    use super::super::super::matching::wildcard;
    use super::*;

    const GROUP: &str = "arn:aws:logs:us-east-1:111122223333:log-group:app";

    #[test]
    fn pass_fail_table() {
        let table = [
            (GROUP, GROUP, true),
            ("arn:aws:logs:us-east-1:111122223333:*", GROUP, true),
            ("arn:aws:logs:us-east-1:111122223333:log-group:ap?", GROUP, true),
            ("arn:aws:logs:us-east-1:111122223333:log-group:other", GROUP, false),
            (GROUP, "arn:aws:logs:us-east-1:111122223333:log-group:app:*", false),
            (
                "arn:aws:logs:*:*:log-group:app",
                "arn:aws:logs:eu-west-1:444455556666:log-group:app",
                true,
            ),
        ];
        for (pattern, value, expected) in table {
            assert_eq!(matches(&wildcard(pattern), value), expected, "{pattern} {value}");
        }
    }

    #[test]
    fn equals_and_like_are_the_same_operator() {
        assert_eq!(parse("ArnEquals"), parse("ArnLike"));
        assert_eq!(parse("ArnNotEquals"), Some(true));
        assert_eq!(parse("ArnNotLike"), Some(true));
        assert_eq!(parse("ArnMatches"), None);
    }
}
