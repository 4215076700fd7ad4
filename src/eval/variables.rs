//! Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'default'}` and the escapes `${*}`, `${?}`,
//! `${$}`, replaced by values from the request before matching.

use super::matching::{literal, wildcard, Token};
use super::request::Context;

/// A variable the request cannot supply, which makes the whole statement inapplicable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unresolved {
    /// The key as the policy wrote it.
    pub key: String,
    pub why: &'static str,
}

/// Compiles `text` into a pattern. With `context` set (a `2012-10-17` policy, in an element or operator
/// that takes variables) `${…}` is substituted, and the substituted text never acts as a wildcard; without
/// it the text is taken as written, as AWS does for older policy versions.
pub(crate) fn expand(text: &str, wildcards: bool, context: Option<&Context>) -> Result<Vec<Token>, Unresolved> {
    let plain = |s: &str| if wildcards { wildcard(s) } else { literal(s).collect() };
    let Some(context) = context else { return Ok(plain(text)) };
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        out.extend(plain(&rest[..start]));
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            out.extend(plain(&rest[start..]));
            return Ok(out);
        };
        out.extend(literal(&resolve(&after[..end], context)?));
        rest = &after[end + 1..];
    }
    out.extend(plain(rest));
    Ok(out)
}

fn resolve(inner: &str, context: &Context) -> Result<String, Unresolved> {
    if let "*" | "?" | "$" = inner {
        return Ok(inner.to_string());
    }
    let (key, default) = match inner.split_once(',') {
        Some((key, default)) => (key.trim(), quoted(default.trim())),
        None => (inner.trim(), None),
    };
    match context.get(key) {
        Some([one]) => Ok(one.clone()),
        Some([_, _, ..]) => Err(Unresolved {
            key: key.to_string(),
            why: "has several values",
        }),
        _ => default.map(str::to_string).ok_or(Unresolved {
            key: key.to_string(),
            why: "is not in the request",
        }),
    }
}

fn quoted(s: &str) -> Option<&str> {
    s.strip_prefix('\'')?.strip_suffix('\'')
}

#[cfg(test)]
mod tests {
    use super::super::matching::{glob, to_text};
    use super::super::request::{Caller, Request};
    use super::*;

    fn request() -> Request {
        Request::new(
            Caller::aws("arn:aws:iam::111122223333:user/alice").unwrap(),
            "s3:GetObject",
            "*",
        )
        .with("aws:PrincipalTag/team", ["blue"])
        .with("aws:SourceOrgPaths", ["o-1/", "o-2/"])
    }

    #[test]
    fn variables_are_substituted_from_the_request() {
        let r = request();
        let ctx = Context::new(&r);
        let t = expand("home/${aws:username}/*", true, Some(&ctx)).unwrap();
        assert_eq!(to_text(&t), "home/alice/*");
        assert!(glob(&t, "home/alice/notes.txt"));
        assert!(!glob(&t, "home/bob/notes.txt"));
        let t = expand("${AWS:PrincipalTag/team}", false, Some(&ctx)).unwrap();
        assert_eq!(to_text(&t), "blue");
    }

    #[test]
    fn escapes_are_literal_characters() {
        let r = request();
        let ctx = Context::new(&r);
        let t = expand("a${*}b${?}${$}", true, Some(&ctx)).unwrap();
        assert!(glob(&t, "a*b?$"));
        assert!(!glob(&t, "aXb?$"), "${{*}} is a literal asterisk, not a wildcard");
    }

    #[test]
    fn unresolvable_variables_name_their_key() {
        let r = request();
        let ctx = Context::new(&r);
        let err = expand("x/${aws:PrincipalTag/dept}", true, Some(&ctx)).unwrap_err();
        assert_eq!(err.key, "aws:PrincipalTag/dept");
        assert_eq!(
            expand("${aws:SourceOrgPaths}", true, Some(&ctx)).unwrap_err().why,
            "has several values"
        );
    }

    #[test]
    fn defaults_fill_in_for_missing_keys() {
        let r = request();
        let ctx = Context::new(&r);
        let t = expand("${aws:PrincipalTag/dept, 'company-wide'}", false, Some(&ctx)).unwrap();
        assert_eq!(to_text(&t), "company-wide");
        let t = expand("${aws:PrincipalTag/team, 'x'}", false, Some(&ctx)).unwrap();
        assert_eq!(to_text(&t), "blue");
    }

    #[test]
    fn substituted_values_are_never_wildcards() {
        let r = Request::new(Caller::Anonymous, "a:b", "*").with("s3:prefix", ["*"]);
        let ctx = Context::new(&r);
        let t = expand("${s3:prefix}", true, Some(&ctx)).unwrap();
        assert!(!glob(&t, "anything"));
        assert!(glob(&t, "*"));
    }

    #[test]
    fn without_a_context_text_is_taken_as_written() {
        let t = expand("${aws:username}*", true, None).unwrap();
        assert!(glob(&t, "${aws:username}-x"));
        let r = request();
        let ctx = Context::new(&r);
        assert_eq!(
            to_text(&expand("broken ${aws:username", false, Some(&ctx)).unwrap()),
            "broken ${aws:username"
        );
    }
}
