//! IAM's `*` and `?` wildcards, matched without regard to ASCII case as IAM matches action names.

/// Whether `text` matches `pattern`, where `*` is any run of characters and `?` any one.
pub fn matches(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().map(|c| c.to_ascii_lowercase()).collect();
    let t: Vec<char> = text.chars().map(|c| c.to_ascii_lowercase()).collect();
    // Greedy with one backtrack point: linear for IAM's short patterns, never exponential.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some((pi, ti));
            pi += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// Whether `s` has an IAM wildcard.
pub fn has_wildcard(s: &str) -> bool {
    s.contains(['*', '?'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_and_question_marks_match_like_iam() {
        assert!(matches("Get*", "GetObject"));
        assert!(matches("get*", "GetObject"));
        assert!(matches("*", ""));
        assert!(matches("GenerateDataKey*", "GenerateDataKey"));
        assert!(matches("*Key*", "GenerateDataKeyPair"));
        assert!(matches("Get?bject", "GetObject"));
        assert!(!matches("Get?bject", "GetObjects"));
        assert!(!matches("Decrypt*", "ReEncryptFrom"));
        assert!(!matches("a*b", "acbd"));
        assert!(matches("a*b*", "acbd"));
    }

    #[test]
    fn a_long_pattern_of_stars_stays_fast() {
        let pattern = "*a".repeat(200);
        assert!(!matches(&pattern, &"a".repeat(150)));
    }
}
