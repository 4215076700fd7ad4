//! IAM glob patterns: `*` matches any run of characters (even none), `?` exactly one.
//!
//! Both functions are dynamic programs over the two strings. Pasted text is hostile, so above
//! a million table cells they fall back to plain equality, which errs towards "not covered".

/// Largest `pattern × value` table worth filling; policies have values of a few hundred characters.
const MAX_CELLS: usize = 1 << 20;

#[derive(Clone, Copy, PartialEq)]
enum Token {
    Star,
    Any,
    Char(char),
}

fn tokens(s: &str, wildcards: bool) -> Vec<Token> {
    s.chars()
        .map(|c| match c {
            '*' if wildcards => Token::Star,
            '?' if wildcards => Token::Any,
            c => Token::Char(c),
        })
        .collect()
}

/// Whether the literal string `value` matches `pattern`.
pub fn matches(pattern: &str, value: &str) -> bool {
    run(pattern, value, false)
}

/// Whether every string that `inner` matches is also matched by `outer`. Sound: a `true` is
/// always right; an unusual `false` only makes callers more cautious.
pub fn covers(outer: &str, inner: &str) -> bool {
    run(outer, inner, true)
}

/// Whether `s` contains a wildcard character.
pub fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?'])
}

fn run(outer: &str, inner: &str, inner_wildcards: bool) -> bool {
    if outer == inner {
        return true;
    }
    if !has_wildcard(outer) {
        // Without wildcards `outer` matches only itself; an inner pattern with wildcards matches more.
        return false;
    }
    let p = tokens(outer, true);
    let v = tokens(inner, inner_wildcards);
    if (p.len() + 1).saturating_mul(v.len() + 1) > MAX_CELLS {
        return false;
    }
    // row[j]: does p[i..] cover v[j..]? Filled from the end of `p` backwards.
    let mut next = vec![false; v.len() + 1];
    next[v.len()] = true;
    for i in (0..p.len()).rev() {
        let mut row = vec![false; v.len() + 1];
        for j in (0..=v.len()).rev() {
            row[j] = match p[i] {
                // An outer `*` may match nothing, or swallow any one inner token (a `*` included).
                Token::Star => next[j] || (j < v.len() && row[j + 1]),
                Token::Any => j < v.len() && v[j] != Token::Star && next[j + 1],
                Token::Char(c) => j < v.len() && v[j] == Token::Char(c) && next[j + 1],
            };
        }
        next = row;
    }
    next[0]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_and_question_marks_match_literal_values() {
        let table = [
            ("kms:*", "kms:decrypt", true),
            ("kms:describe*", "kms:describekey", true),
            ("kms:describe*", "kms:decrypt", false),
            ("kms:?ncrypt", "kms:encrypt", true),
            ("kms:?ncrypt", "kms:reencrypt", false),
            ("*", "", true),
            ("arn:aws:s3:::b/*", "arn:aws:s3:::b", false),
            ("arn:aws:s3:::b/*", "arn:aws:s3:::b/x/y", true),
            ("a*b*c", "axxbyyc", true),
            ("a*b*c", "axxbyy", false),
        ];
        for (pattern, value, expected) in table {
            assert_eq!(matches(pattern, value), expected, "{pattern} ~ {value}");
        }
    }

    #[test]
    fn a_literal_value_is_not_a_wildcard() {
        // As a value `*` is one character; as a pattern it stands for many.
        assert!(matches("kms:?", "kms:*"));
        assert!(!covers("kms:?", "kms:*"));
        assert!(!covers("kms:decrypt", "kms:*"));
    }

    #[test]
    fn containment_between_patterns() {
        let table = [
            ("kms:*", "kms:describe*", true),
            ("kms:describe*", "kms:*", false),
            ("kms:describe*", "kms:describekey*", true),
            ("*", "a?c*", true),
            ("a?c*", "abc*", true),
            ("a?c*", "a*c", false),
            ("a*", "a?", true),
            ("log-group:*", "log-group:app:*", true),
            ("log-group:app:*", "log-group:*", false),
        ];
        for (outer, inner, expected) in table {
            assert_eq!(covers(outer, inner), expected, "{outer} ⊇ {inner}");
        }
    }

    #[test]
    fn huge_inputs_fall_back_to_equality() {
        let long = "a".repeat(2_000);
        let pattern = format!("{}*", "a".repeat(1_000));
        assert!(!covers(&pattern, &long));
        assert!(covers(&long, &long));
    }
}
