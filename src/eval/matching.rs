//! Wildcard matching: actions, Resource ARNs, `StringLike` values and ARN components.

/// One element of a compiled pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Token {
    Char(char),
    /// `*`: any run of characters, possibly empty.
    AnyRun {
        /// In a Resource ARN only a `*` that ends a segment may run past a colon.
        crosses_colon: bool,
    },
    /// `?`: exactly one character.
    AnyOne,
}

/// Every character stands for itself (`StringEquals`, `${*}` and substituted values).
pub(crate) fn literal(s: &str) -> impl Iterator<Item = Token> + '_ {
    s.chars().map(Token::Char)
}

/// `*` and `?` are wildcards; nothing else is special.
pub(crate) fn wildcard(s: &str) -> Vec<Token> {
    s.chars()
        .map(|c| match c {
            '*' => Token::AnyRun { crosses_colon: true },
            '?' => Token::AnyOne,
            c => Token::Char(c),
        })
        .collect()
}

/// The pattern's text with wildcards written back as `*` and `?`, for messages and exact comparison.
pub(crate) fn to_text(tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| match t {
            Token::Char(c) => *c,
            Token::AnyRun { .. } => '*',
            Token::AnyOne => '?',
        })
        .collect()
}

/// Whether `tokens` matches the whole of `text`.
///
/// Dynamic programming over (pattern position, text position) rather than backtracking: a hostile pattern
/// like `*a*a*a*…b` stays linear in memory and quadratic in time, and there is no recursion.
pub(crate) fn glob(tokens: &[Token], text: &str) -> bool {
    let text: Vec<char> = text.chars().collect();
    let n = text.len();
    let mut row = vec![false; n + 1];
    row[0] = true;
    for token in tokens {
        let mut next = vec![false; n + 1];
        match *token {
            Token::AnyRun { crosses_colon } => {
                next[0] = row[0];
                for j in 1..=n {
                    next[j] = row[j] || (next[j - 1] && (crosses_colon || text[j - 1] != ':'));
                }
            }
            Token::AnyOne => next[1..].copy_from_slice(&row[..n]),
            Token::Char(c) => {
                for j in 1..=n {
                    next[j] = row[j - 1] && text[j - 1] == c;
                }
            }
        }
        if !next.contains(&true) {
            return false;
        }
        row = next;
    }
    row[n]
}

/// Action names are case-insensitive; `*` and `?` may appear anywhere, and `*` alone is every action.
pub(crate) fn action_matches(pattern: &str, action: &str) -> bool {
    glob(&wildcard(&pattern.to_lowercase()), &action.to_lowercase())
}

/// A Resource element value against the requested resource: case-sensitive, `*` alone is everything, and
/// a `*` inside a segment stays inside it while one that ends a segment may run on past colons.
pub(crate) fn resource_matches(pattern: &[Token], resource: &str) -> bool {
    if let [Token::AnyRun { .. }] = pattern {
        return true;
    }
    glob(&confine_stars_to_segments(pattern), resource)
}

fn confine_stars_to_segments(tokens: &[Token]) -> Vec<Token> {
    tokens
        .iter()
        .enumerate()
        .map(|(i, t)| match t {
            Token::AnyRun { .. } => Token::AnyRun {
                crosses_colon: matches!(tokens.get(i + 1), None | Some(Token::Char(':'))),
            },
            other => *other,
        })
        .collect()
}

/// `ArnLike`/`ArnEquals`: the six colon-separated components are matched one by one, and the sixth
/// (resource) component runs to the end of the string, colons included.
pub(crate) fn arn_matches(pattern: &[Token], value: &str) -> bool {
    let parts: Vec<&str> = value.splitn(6, ':').collect();
    if parts.len() != 6 {
        return false;
    }
    let mut groups: Vec<&[Token]> = Vec::with_capacity(6);
    let mut start = 0;
    for (i, t) in pattern.iter().enumerate() {
        if *t == Token::Char(':') && groups.len() < 5 {
            groups.push(&pattern[start..i]);
            start = i + 1;
        }
    }
    if groups.len() != 5 {
        return false;
    }
    groups.push(&pattern[start..]);
    groups.iter().zip(&parts).all(|(g, part)| glob(g, part))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn like(p: &str, s: &str) -> bool {
        glob(&wildcard(p), s)
    }

    #[test]
    fn wildcard_edge_cases() {
        let table = [
            ("", "", true),
            ("", "a", false),
            ("*", "", true),
            ("*", "anything:at/all", true),
            ("?", "", false),
            ("?", "x", true),
            ("??", "x", false),
            ("a*", "a", true),
            ("*a", "ba", true),
            ("*a", "ab", false),
            ("a*b*c", "aXbYc", true),
            ("a*b*c", "abcb", false),
            ("a**b", "ab", true),
            ("a?c", "abc", true),
            ("a?c", "ac", false),
            ("*.txt", "report.txt", true),
            ("Case", "case", false),
            ("ünï*", "ünïcode", true),
        ];
        for (pattern, text, expected) in table {
            assert_eq!(like(pattern, text), expected, "{pattern:?} vs {text:?}");
        }
    }

    #[test]
    fn a_pathological_pattern_finishes() {
        let pattern = "*a".repeat(200) + "b";
        assert!(!like(&pattern, &"a".repeat(2000)));
    }

    #[test]
    fn actions_ignore_case() {
        assert!(action_matches(
            "kms:GenerateDataKey*",
            "KMS:generatedatakeywithoutplaintext"
        ));
        assert!(action_matches("*", "logs:PutLogEvents"));
        assert!(action_matches("kms:*", "kms:Decrypt"));
        assert!(action_matches("kms:Re?ncrypt*", "kms:ReEncryptFrom"));
        assert!(!action_matches("kms:Decrypt*", "kms:Encrypt"));
        assert!(!action_matches("kms:Encrypt", "kms:EncryptX"));
        assert!(!action_matches("s3:*", "kms:Decrypt"));
    }

    #[test]
    fn resource_stars_run_past_colons_only_at_a_segment_end() {
        let r = |p: &str, s: &str| resource_matches(&wildcard(p), s);
        let group = "arn:aws:logs:us-east-1:111122223333:log-group:app";
        assert!(r("*", group));
        assert!(r("arn:aws:logs:us-east-1:111122223333:*", group));
        assert!(r("arn:aws:logs:*:*:log-group:app", group));
        assert!(r(
            "arn:aws:logs:us-east-1:111122223333:log-group:*",
            &format!("{group}:log-stream:s")
        ));
        assert!(r("arn:aws:logs:us-*-1:111122223333:log-group:app", group));
        assert!(
            !r("arn:aws:logs:us-east-*3:log-group:app", group),
            "a mid-segment star does not swallow colons"
        );
        assert!(
            like("arn:aws:logs:us-east-*3:log-group:app", group),
            "as it would in a plain wildcard"
        );
        assert!(
            r("arn:aws:logs:us-*:log-group:app", group),
            "a star ending a segment does"
        );
        assert!(
            !r("arn:aws:logs:us-east-1:111122223333:log-group:App", group),
            "case-sensitive"
        );
        assert!(r("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b:c"));
        assert!(!r("arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket"));
    }

    #[test]
    fn arns_match_component_by_component() {
        let a = |p: &str, s: &str| arn_matches(&wildcard(p), s);
        let group = "arn:aws:logs:us-east-1:111122223333:log-group:app";
        assert!(a(group, group));
        assert!(a("arn:aws:logs:us-east-1:111122223333:*", group));
        assert!(a("arn:aws:logs:*:111122223333:log-group:*", group));
        assert!(a("arn:aws:logs:us-east-?:*:log-group:app", group));
        assert!(a("arn:*:*:*:*:*", group));
        assert!(!a(
            "arn:aws:logs:us-east-1:111122223333:log-group:app",
            &format!("{group}:*")
        ));
        assert!(a(
            "arn:aws:logs:us-east-1:111122223333:log-group:app:*",
            &format!("{group}:*")
        ));
        assert!(a(
            "arn:aws:logs:us-east-1:111122223333:log-group:*",
            &format!("{group}:log-stream:x")
        ));
        // AWS's own example: a star is confined to its component under ArnLike.
        let doc = "arn:aws:someservice:us-east-2:999999999999:store/abc:111122223333:finance/document.txt";
        assert!(!a("arn:aws:someservice:*:111122223333:finance/*", doc));
        assert!(like("arn:aws:someservice:*:111122223333:finance/*", doc));
        assert!(
            !a("arn:aws:logs:us-east-1:*", group),
            "a five-component pattern is not an ARN pattern"
        );
        assert!(!a("*", group));
        assert!(!a("arn:aws:logs:us-east-1:111122223333:log-group:app", "not-an-arn"));
        assert!(
            !a("arn:aws:logs:us-east-1:111122223333:LOG-GROUP:app", group),
            "case-sensitive"
        );
    }

    #[test]
    fn to_text_writes_wildcards_back() {
        assert_eq!(to_text(&wildcard("a*b?c")), "a*b?c");
    }
}
