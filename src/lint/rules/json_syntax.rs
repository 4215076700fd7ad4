//! JSON001: the text is not valid JSON, or not a JSON object.

use crate::json::SyntaxError;
use crate::lint::fix::Fix;
use crate::lint::{Context, Diagnostic};

crate::declare_rule! {
    /// The policy is not valid JSON.
    ///
    /// ## What it does
    /// Reports the first syntax error in the pasted text, located at the offending token, with
    /// the token named: a missing comma, a curly quote, a trailing comma, an unclosed bracket, an
    /// empty input, or a top-level value that is not an object.
    ///
    /// ## Why it matters
    /// AWS rejects the whole document with `MalformedPolicyDocumentException`, and its message
    /// does not say where. Nothing else can be checked until the text parses.
    ///
    /// ## Example
    /// ```json
    /// {"Statement": [{"Action": ["kms:GenerateDataKey*" "kms:Describe*"]}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json
    /// {"Version": "2012-10-17", "Statement": [{"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}, {"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": ["kms:GenerateDataKey*", "kms:Describe*"], "Resource": "*"}]}
    /// ```
    ///
    /// ## References
    /// - https://www.rfc-editor.org/rfc/rfc8259
    pub static RULE = {
        code: "JSON001",
        name: "json-syntax",
        severity: Error,
        check: check,
    }
}

/// Syntax errors come from the parser before any rule runs; this rule has nothing left to check.
fn check(_: &Context, _: &mut Vec<Diagnostic>) {}

/// The finding for a parser error.
pub fn diagnostic(error: SyntaxError) -> Diagnostic {
    // The parser points a trailing comma's error at the comma itself.
    let trailing_comma = error.message.starts_with("trailing comma") && error.span.end == error.span.start + 1;
    let d = Diagnostic::new(&RULE, error.message).at(error.span);
    let d = if trailing_comma {
        d.fix(Fix::replace("Remove the comma", error.span, ""))
    } else {
        d
    };
    match error.help {
        Some(help) => d.help(help),
        None => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::parse_document;

    #[test]
    fn parser_errors_become_located_findings() {
        let d = diagnostic(parse_document("{\"a\": [1,]}").unwrap_err());
        assert_eq!(d.rule.code, "JSON001");
        assert_eq!(d.message, "trailing comma before `]`");
        assert_eq!(d.span.map(|s| s.start), Some(8));
        assert!(d.help.is_some());
    }

    #[test]
    fn a_trailing_comma_is_removed() {
        let text = "{\"Statement\": [{\"Effect\": \"Allow\"},\n]}";
        let d = diagnostic(parse_document(text).unwrap_err());
        let out = crate::lint::apply_fix(text, d.fix.as_ref().expect("a fix")).unwrap();
        assert_eq!(out, "{\"Statement\": [{\"Effect\": \"Allow\"}\n]}");
        assert!(parse_document(&out).is_ok());
        assert!(diagnostic(parse_document("{\"a\" 1}").unwrap_err()).fix.is_none());
    }
}
