//! Quoting values for a POSIX shell, so a generated command runs as shown.

/// `s` as one shell word: bare when it only has characters no shell treats specially,
/// otherwise in single quotes (a `'` inside becomes `'\''`).
pub fn quote(s: &str) -> String {
    let safe = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./:=@%+,".contains(&b));
    if safe {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// `command`, going on after the error AWS names `code` (an expected case, e.g. NoSuchBucketPolicy)
/// and stopping after any other under `set -e`: the error is kept in `err_file`, shown, and matched.
pub fn unless_error(command: &str, err_file: &str, code: &str) -> String {
    format!("{command} 2> {err_file} \\\n  || {{ cat {err_file} >&2; grep -q {code} {err_file}; }}")
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn plain_values_stay_bare() {
        assert_eq!(
            quote("arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab"),
            "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab"
        );
        assert_eq!(quote("/aws/lambda/orders"), "/aws/lambda/orders");
    }

    #[test]
    fn shell_specials_are_single_quoted() {
        assert_eq!(quote("#app"), "'#app'");
        assert_eq!(quote("query-result:*"), "'query-result:*'");
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("a b"), "'a b'");
        assert_eq!(quote("$HOME"), "'$HOME'");
    }
}
