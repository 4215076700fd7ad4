//! `StringEquals`, `StringNotEquals`, `StringEqualsIgnoreCase`, `StringNotEqualsIgnoreCase`, `StringLike`,
//! `StringNotLike`.

use super::super::matching::{glob, to_text, Token};

/// How a string operator compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum StringOp {
    Exact,
    IgnoreCase,
    /// `*` and `?` are wildcards.
    Like,
}

/// The operator's comparison and whether it is negated.
pub(super) fn parse(base: &str) -> Option<(StringOp, bool)> {
    Some(match base {
        "StringEquals" => (StringOp::Exact, false),
        "StringNotEquals" => (StringOp::Exact, true),
        "StringEqualsIgnoreCase" => (StringOp::IgnoreCase, false),
        "StringNotEqualsIgnoreCase" => (StringOp::IgnoreCase, true),
        "StringLike" => (StringOp::Like, false),
        "StringNotLike" => (StringOp::Like, true),
        _ => return None,
    })
}

/// Only `Like` gives `*` and `?` their wildcard meaning.
pub(super) fn uses_wildcards(op: StringOp) -> bool {
    op == StringOp::Like
}

pub(super) fn matches(op: StringOp, pattern: &[Token], value: &str) -> bool {
    match op {
        StringOp::Exact => to_text(pattern) == value,
        StringOp::IgnoreCase => to_text(pattern).to_lowercase() == value.to_lowercase(),
        StringOp::Like => glob(pattern, value),
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::matching::{literal, wildcard};
    use super::*;

    #[test]
    fn pass_fail_table() {
        let exact = |p: &str, v: &str| matches(StringOp::Exact, &literal(p).collect::<Vec<_>>(), v);
        let ignore = |p: &str, v: &str| matches(StringOp::IgnoreCase, &literal(p).collect::<Vec<_>>(), v);
        let like = |p: &str, v: &str| matches(StringOp::Like, &wildcard(p), v);
        assert!(exact("logs.us-east-1.amazonaws.com", "logs.us-east-1.amazonaws.com"));
        assert!(!exact("logs.us-east-1.amazonaws.com", "LOGS.us-east-1.amazonaws.com"));
        assert!(
            !exact("logs.*", "logs.us-east-1.amazonaws.com"),
            "no wildcards in StringEquals"
        );
        assert!(exact("logs.*", "logs.*"));
        assert!(ignore("Bucket-Owner-Full-Control", "bucket-owner-full-control"));
        assert!(!ignore("a", "b"));
        assert!(like("logs.*.amazonaws.com", "logs.us-east-1.amazonaws.com"));
        assert!(like("o-a1b2c3d4e5/*", "o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/"));
        assert!(!like("o-a1b2c3d4e5/*", "o-zzz/r-ab12/"));
        assert!(like("", ""));
        assert!(!like("a?", "a"));
    }

    #[test]
    fn every_operator_name_parses() {
        for name in [
            "StringEquals",
            "StringNotEquals",
            "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase",
            "StringLike",
            "StringNotLike",
        ] {
            let (_, negated) = parse(name).unwrap();
            assert_eq!(negated, name.contains("Not"), "{name}");
        }
        assert_eq!(parse("stringequals"), None, "operator names are case-sensitive");
    }
}
