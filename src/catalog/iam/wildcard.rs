//! IAM's `*` and `?` wildcards, matched without regard to ASCII case as IAM matches action names.

/// Whether `text` matches `pattern`, where `*` is any run of characters and `?` any one.
/// Rules ask this for every action of a service and every pattern of a policy, so it allocates
/// nothing for ASCII text (every action name): that is compared byte by byte.
pub fn matches(pattern: &str, text: &str) -> bool {
    if pattern.is_ascii() && text.is_ascii() {
        glob(pattern.as_bytes(), text.as_bytes(), |p, t| p.eq_ignore_ascii_case(&t))
    } else {
        let p: Vec<char> = pattern.chars().collect();
        let t: Vec<char> = text.chars().collect();
        glob(&p, &t, |p, t| p.eq_ignore_ascii_case(&t))
    }
}

/// Greedy with one backtrack point: linear for IAM's short patterns, never exponential.
fn glob<C: Copy + Wild>(p: &[C], t: &[C], same: impl Fn(C, C) -> bool) -> bool {
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && (p[pi].is_any() || same(p[pi], t[ti])) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi].is_star() {
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
    p[pi..].iter().all(Wild::is_star)
}

/// The two wildcards, as bytes or as chars.
trait Wild {
    fn is_star(&self) -> bool;
    fn is_any(&self) -> bool;
}

impl Wild for u8 {
    fn is_star(&self) -> bool {
        *self == b'*'
    }
    fn is_any(&self) -> bool {
        *self == b'?'
    }
}

impl Wild for char {
    fn is_star(&self) -> bool {
        *self == '*'
    }
    fn is_any(&self) -> bool {
        *self == '?'
    }
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
        assert!(
            matches("Déc?ypt*", "déCRyptX"),
            "non-ASCII text is matched char by char"
        );
        assert!(!matches("D?crypt", "Déécrypt"));
    }

    #[test]
    fn a_long_pattern_of_stars_stays_fast() {
        let pattern = "*a".repeat(200);
        assert!(!matches(&pattern, &"a".repeat(150)));
    }
}
