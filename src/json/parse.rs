//! The strict parser: RFC 8259 JSON, nothing more, with errors that name what was found.

use super::{LineIndex, Member, Span, Value, ValueKind};

/// Deepest nesting accepted. Policies nest about five levels; the limit keeps hostile input from
/// exhausting the stack.
pub const MAX_DEPTH: usize = 64;

/// A located syntax error: one lowercase line, plus a remedy when there is an obvious one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub span: Span,
    pub help: Option<String>,
}

/// Parses any JSON value.
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut p = Parser { text, bytes: text.as_bytes(), pos: 0, depth: 0 };
    p.skip_ws();
    if p.pos >= p.bytes.len() {
        return Err(SyntaxError {
            message: "the input is empty".into(),
            span: Span::new(0, 0),
            help: Some("paste a policy: a JSON object that starts with `{`".into()),
        });
    }
    let value = p.value()?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        let (found, span) = p.describe_here();
        return Err(SyntaxError {
            message: format!("unexpected {found} after the end of the JSON value"),
            span,
            help: Some("a policy is a single JSON object; remove what follows its closing `}`".into()),
        });
    }
    Ok(value)
}

/// Parses a policy document: JSON whose top-level value is an object.
pub fn parse_document(text: &str) -> Result<Value, SyntaxError> {
    let value = parse(text)?;
    if value.as_object().is_none() {
        return Err(SyntaxError {
            message: format!("the top-level value is {}, not an object", value.type_name()),
            span: value.span,
            help: Some("a policy document is a JSON object: `{ \"Version\": …, \"Statement\": … }`".into()),
        });
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    fn err(&self, message: String, span: Span, help: Option<&str>) -> SyntaxError {
        SyntaxError { message, span, help: help.map(str::to_owned) }
    }

    fn char_at(&self, pos: usize) -> Option<char> {
        self.text.get(pos..).and_then(|s| s.chars().next())
    }

    /// Names the token at the cursor for a message, and its span.
    fn describe_here(&self) -> (String, Span) {
        let start = self.pos;
        let Some(c) = self.char_at(start) else {
            return ("end of input".into(), Span::new(start, start));
        };
        match c {
            '"' => {
                let end = scan_string_end(self.bytes, start).unwrap_or(self.bytes.len());
                let shown = truncate(&self.text[start..end], 40);
                (format!("string {shown}"), Span::new(start, end))
            }
            '-' | '0'..='9' => {
                let end = self.bytes[start..]
                    .iter()
                    .position(|b| !matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .map_or(self.bytes.len(), |n| start + n);
                (format!("number `{}`", &self.text[start..end]), Span::new(start, end))
            }
            c if c.is_alphabetic() => {
                let end = self.text[start..]
                    .char_indices()
                    .find(|(_, c)| !c.is_alphanumeric() && *c != '_')
                    .map_or(self.text.len(), |(i, _)| start + i);
                (format!("`{}`", truncate(&self.text[start..end], 40)), Span::new(start, end))
            }
            c => (format!("`{c}`"), Span::new(start, start + c.len_utf8())),
        }
    }

    /// An error for a character that cannot start a value, with the usual culprits explained.
    fn bad_value_start(&self, wanted: &str) -> SyntaxError {
        let (found, span) = self.describe_here();
        match self.char_at(self.pos) {
            Some('“' | '”' | '„' | '‟' | '″') => self.err(
                format!("found a curly quote {found} where {wanted} was expected"),
                span,
                Some("JSON strings use straight double quotes `\"`; replace “ and ” (word processors and web pages convert them)"),
            ),
            Some('‘' | '’') => self.err(
                format!("found a curly single quote {found} where {wanted} was expected"),
                span,
                Some("JSON strings use straight double quotes `\"`"),
            ),
            Some('\'') => self.err(
                format!("found a single quote where {wanted} was expected"),
                span,
                Some("JSON strings use double quotes: write \"text\", not 'text'"),
            ),
            Some('/') => self.err(
                format!("found {found} where {wanted} was expected"),
                span,
                Some("JSON has no comments; remove `//` and `/* */` comments"),
            ),
            None => self.err(format!("unexpected end of input: expected {wanted}"), span, None),
            _ => self.err(format!("expected {wanted}, found {found}"), span, None),
        }
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        self.skip_ws();
        let start = self.pos;
        match self.bytes.get(start) {
            Some(b'{') => self.nested(|p| p.object()),
            Some(b'[') => self.nested(|p| p.array()),
            Some(b'"') => {
                let s = self.string()?;
                Ok(Value { kind: ValueKind::String(s), span: Span::new(start, self.pos) })
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') if self.bytes[start..].starts_with(b"true") => self.literal(4, ValueKind::Bool(true)),
            Some(b'f') if self.bytes[start..].starts_with(b"false") => self.literal(5, ValueKind::Bool(false)),
            Some(b'n') if self.bytes[start..].starts_with(b"null") => self.literal(4, ValueKind::Null),
            _ => Err(self.bad_value_start("a value")),
        }
    }

    fn nested(&mut self, f: impl FnOnce(&mut Self) -> Result<Value, SyntaxError>) -> Result<Value, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.err(
                format!("nesting is deeper than {MAX_DEPTH} levels"),
                Span::new(self.pos, self.pos + 1),
                Some("a policy nests about five levels; this input is not a policy"),
            ));
        }
        self.depth += 1;
        let result = f(self);
        self.depth -= 1;
        result
    }

    fn literal(&mut self, len: usize, kind: ValueKind) -> Result<Value, SyntaxError> {
        let start = self.pos;
        self.pos += len;
        if let Some(b) = self.bytes.get(self.pos) {
            if b.is_ascii_alphanumeric() {
                self.pos = start;
                return Err(self.bad_value_start("a value"));
            }
        }
        Ok(Value { kind, span: Span::new(start, self.pos) })
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        let b = self.bytes;
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        let int_start = i;
        while matches!(b.get(i), Some(b'0'..=b'9')) {
            i += 1;
        }
        let bad = |p: &Self| {
            let (found, span) = p.describe_here();
            p.err(format!("invalid number {}", found.trim_start_matches("number ")), span, Some("JSON numbers have no leading zeros, `+` sign or bare `.`; quote account ids and other identifiers as strings"))
        };
        if i == int_start || (b[int_start] == b'0' && i - int_start > 1) {
            return Err(bad(self));
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            let frac = i;
            while matches!(b.get(i), Some(b'0'..=b'9')) {
                i += 1;
            }
            if i == frac {
                return Err(bad(self));
            }
        }
        if matches!(b.get(i), Some(b'e' | b'E')) {
            i += 1;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            let exp = i;
            while matches!(b.get(i), Some(b'0'..=b'9')) {
                i += 1;
            }
            if i == exp {
                return Err(bad(self));
            }
        }
        if matches!(b.get(i), Some(c) if c.is_ascii_alphanumeric() || *c == b'.') {
            return Err(bad(self));
        }
        self.pos = i;
        Ok(Value { kind: ValueKind::Number(self.text[start..i].to_owned()), span: Span::new(start, i) })
    }

    /// Reads a string starting at the opening quote; the cursor ends after the closing quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(c) = self.char_at(self.pos) else {
                return Err(self.err(
                    "unterminated string: the input ends before its closing `\"`".into(),
                    Span::new(open, self.bytes.len()),
                    None,
                ));
            };
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                '\\' => {
                    let esc_start = self.pos;
                    self.pos += 1;
                    let esc = self.char_at(self.pos);
                    self.pos += esc.map_or(0, char::len_utf8);
                    match esc {
                        Some('"') => out.push('"'),
                        Some('\\') => out.push('\\'),
                        Some('/') => out.push('/'),
                        Some('b') => out.push('\u{8}'),
                        Some('f') => out.push('\u{c}'),
                        Some('n') => out.push('\n'),
                        Some('r') => out.push('\r'),
                        Some('t') => out.push('\t'),
                        Some('u') => out.push(self.unicode_escape(esc_start)?),
                        _ => {
                            return Err(self.err(
                                format!("invalid escape `{}` in string", &self.text[esc_start..self.pos]),
                                Span::new(esc_start, self.pos),
                                Some("valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX"),
                            ))
                        }
                    }
                }
                '\n' | '\r' => {
                    return Err(self.err(
                        "unterminated string: a line break comes before its closing `\"`".into(),
                        Span::new(open, self.pos),
                        Some("close the string with `\"` on the same line, or write the break as \\n"),
                    ))
                }
                c if (c as u32) < 0x20 => {
                    return Err(self.err(
                        format!("control character U+{:04X} inside a string", c as u32),
                        Span::new(self.pos, self.pos + 1),
                        Some("write it as an escape such as \\t, or remove it"),
                    ))
                }
                c => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn hex4(&mut self, esc_start: usize) -> Result<u32, SyntaxError> {
        let digits = self.text.get(self.pos..self.pos + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(digits) = digits else {
            // Up to four bytes, widened to a whole character: a span must not split one.
            let mut end = (self.pos + 4).min(self.bytes.len());
            while !self.text.is_char_boundary(end) {
                end += 1;
            }
            return Err(self.err(
                "invalid \\u escape: expected four hex digits".into(),
                Span::new(esc_start, end),
                None,
            ));
        };
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.err("invalid \\u escape".into(), Span::new(esc_start, self.pos), None))
    }

    fn unicode_escape(&mut self, esc_start: usize) -> Result<char, SyntaxError> {
        let first = self.hex4(esc_start)?;
        let code = if (0xD800..0xDC00).contains(&first) && self.bytes[self.pos..].starts_with(b"\\u") {
            self.pos += 2;
            let second = self.hex4(esc_start)?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.err("invalid surrogate pair in \\u escape".into(), Span::new(esc_start, self.pos), None));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| {
            self.err("\\u escape is a lone surrogate, not a character".into(), Span::new(esc_start, self.pos), None)
        })
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Value { kind: ValueKind::Array(items), span: Span::new(open, self.pos) });
        }
        loop {
            items.push(self.value()?);
            if self.after_item(open, ']', "array item")? {
                return Ok(Value { kind: ValueKind::Array(items), span: Span::new(open, self.pos) });
            }
        }
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Value { kind: ValueKind::Object(members), span: Span::new(open, self.pos) });
        }
        loop {
            self.skip_ws();
            let key_start = self.pos;
            match self.bytes.get(self.pos) {
                Some(b'"') => {}
                None => return Err(self.unclosed(open, '{')),
                _ => return Err(self.bad_value_start("a member name in double quotes")),
            }
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b':') {
                let (found, span) = self.describe_here();
                return Err(self.err(
                    format!("expected `:` after member name \"{}\", found {found}", truncate(&key, 40)),
                    span,
                    None,
                ));
            }
            self.pos += 1;
            let value = self.value()?;
            members.push(Member { key, key_span, value });
            if self.after_item(open, '}', "member")? {
                return Ok(Value { kind: ValueKind::Object(members), span: Span::new(open, self.pos) });
            }
        }
    }

    /// After an array item or member: consumes `,` (false: more follow) or the closing bracket
    /// (true: done), and explains anything else.
    fn after_item(&mut self, open: usize, close: char, what: &str) -> Result<bool, SyntaxError> {
        self.skip_ws();
        match self.bytes.get(self.pos) {
            Some(b',') => {
                let comma = self.pos;
                self.pos += 1;
                self.skip_ws();
                if self.char_at(self.pos) == Some(close) {
                    let last = if close == ']' { "array item" } else { "member" };
                    return Err(self.err(
                        format!("trailing comma before `{close}`"),
                        Span::new(comma, comma + 1),
                        Some(&format!("JSON does not allow a comma after the last {last}; remove it")),
                    ));
                }
                Ok(false)
            }
            Some(&b) if char::from(b) == close => {
                self.pos += 1;
                Ok(true)
            }
            None => Err(self.unclosed(open, if close == ']' { '[' } else { '{' })),
            Some(_) => Err(self.missing_separator(what, close)),
        }
    }

    fn unclosed(&self, open: usize, bracket: char) -> SyntaxError {
        let (line, col) = LineIndex::new(self.text).line_col(self.text, open);
        let close = if bracket == '[' { ']' } else { '}' };
        self.err(
            format!("unexpected end of input: the `{bracket}` at line {line}, column {col} is never closed"),
            Span::new(self.bytes.len(), self.bytes.len()),
            Some(&format!("add the missing `{close}`")),
        )
    }

    /// After an item, neither a comma nor the closing bracket: usually a missing comma.
    fn missing_separator(&self, what: &str, close: char) -> SyntaxError {
        let (found, span) = self.describe_here();
        let starts_value = matches!(self.char_at(self.pos), Some('"' | '{' | '[' | '-' | '0'..='9' | 't' | 'f' | 'n'));
        if starts_value {
            let plural = if what == "member" { "members" } else { "array items" };
            self.err(
                format!("expected `,` or `{close}` after {what}, found {found}: a comma is missing between two {plural}"),
                span,
                Some(if self.line_break_before_cursor() {
                    "add `,` at the end of the previous line"
                } else {
                    "add `,` before it"
                }),
            )
        } else if matches!(self.char_at(self.pos), Some('“' | '”')) {
            self.bad_value_start(&format!("`,` or `{close}`"))
        } else {
            self.err(format!("expected `,` or `{close}` after {what}, found {found}"), span, None)
        }
    }
}

impl Parser<'_> {
    /// Whether the whitespace just before the cursor holds a line break, i.e. the previous item
    /// ended on an earlier line.
    fn line_break_before_cursor(&self) -> bool {
        self.bytes[..self.pos]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_whitespace())
            .any(|b| *b == b'\n')
    }
}

/// End offset (after the closing quote) of the string starting at `start`, if it closes on its line.
fn scan_string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            b'\n' => return None,
            _ => i += 1,
        }
    }
    None
}

fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_owned()
    } else {
        let cut: String = s.chars().take(max_chars).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> SyntaxError {
        parse_document(text).expect_err("input should be rejected")
    }

    fn located(text: &str) -> (usize, usize, String) {
        let e = error(text);
        let (line, col) = LineIndex::new(text).line_col(text, e.span.start);
        (line, col, e.message)
    }

    #[test]
    fn spans_cover_keys_and_values() {
        let text = r#"{"Effect": "Allow", "n": [1, true]}"#;
        let v = parse(text).unwrap();
        let m = &v.as_object().unwrap()[0];
        assert_eq!(&text[m.key_span.start..m.key_span.end], "\"Effect\"");
        assert_eq!(&text[m.value.span.start..m.value.span.end], "\"Allow\"");
        let arr = v.get("n").unwrap();
        assert_eq!(&text[arr.span.start..arr.span.end], "[1, true]");
        assert_eq!(&text[arr.as_array().unwrap()[1].span.start..arr.as_array().unwrap()[1].span.end], "true");
    }

    #[test]
    fn duplicate_keys_are_kept_in_order() {
        let v = parse(r#"{"a": 1, "a": 2}"#).unwrap();
        let members = v.as_object().unwrap();
        assert_eq!(members.len(), 2);
        assert_eq!(members[1].value.kind, ValueKind::Number("2".into()));
    }

    #[test]
    fn missing_comma_between_array_items_is_named_and_located() {
        let text = "{\"Action\": [\n  \"kms:GenerateDataKey*\"\n  \"kms:Describe*\"\n]}";
        let (line, col, msg) = located(text);
        assert_eq!((line, col), (3, 3));
        assert!(msg.contains("a comma is missing between two array items"), "{msg}");
        assert!(msg.contains("\"kms:Describe*\""), "{msg}");
        assert_eq!(error(text).help.as_deref(), Some("add `,` at the end of the previous line"));
        assert_eq!(error("{\"a\": [1 2]}").help.as_deref(), Some("add `,` before it"));
    }

    #[test]
    fn missing_comma_between_members_is_named() {
        let (line, _, msg) = located("{\n \"a\": 1\n \"b\": 2\n}");
        assert_eq!(line, 3);
        assert!(msg.contains("between two members"), "{msg}");
    }

    #[test]
    fn curly_quote_is_named() {
        let e = error("{ “Action”: 1 }");
        assert!(e.message.contains("curly quote"), "{}", e.message);
        assert_eq!(e.span, Span::new(2, 2 + '“'.len_utf8()));
        assert!(e.help.unwrap().contains("straight double quotes"));
    }

    #[test]
    fn curly_quote_value_is_named() {
        let e = error("{ \"Action\": [“s3:GetBucketAcl”] }");
        assert!(e.message.contains("curly quote"), "{}", e.message);
    }

    #[test]
    fn trailing_comma_is_located_at_the_comma() {
        let text = "{\"a\": [1, 2,]}";
        let e = error(text);
        assert_eq!(e.message, "trailing comma before `]`");
        assert_eq!(e.span.start, text.rfind(',').unwrap());
        let e = error("{\"a\": 1,\n}");
        assert_eq!(e.message, "trailing comma before `}`");
    }

    #[test]
    fn empty_input_is_reported() {
        for text in ["", "   \n\t "] {
            assert_eq!(error(text).message, "the input is empty");
        }
    }

    #[test]
    fn top_level_must_be_an_object() {
        let e = error("[{\"Effect\": \"Allow\"}]");
        assert_eq!(e.message, "the top-level value is an array, not an object");
        assert_eq!(error("\"x\"").message, "the top-level value is a string, not an object");
    }

    #[test]
    fn unclosed_object_names_where_it_opened() {
        let e = error("{\n \"a\": {\"b\": 1}");
        assert!(e.message.contains("line 1, column 1 is never closed"), "{}", e.message);
    }

    #[test]
    fn content_after_the_value_is_rejected() {
        let e = error("{} {}");
        assert!(e.message.starts_with("unexpected `{` after the end"), "{}", e.message);
    }

    #[test]
    fn single_quotes_and_comments_are_explained() {
        assert!(error("{'a': 1}").help.unwrap().contains("double quotes"));
        assert!(error("{\"a\": 1 // note\n}").message.contains("`/`"));
        assert!(error("{\"a\": // c\n 1}").help.unwrap().contains("no comments"));
    }

    #[test]
    fn bad_numbers_are_rejected() {
        for text in ["{\"a\": 01}", "{\"a\": +1}", "{\"a\": 1.}", "{\"a\": .5}", "{\"a\": 1e}", "{\"a\": 12ab}"] {
            let e = error(text);
            assert!(e.message.contains("number") || e.message.contains("expected a value"), "{text}: {}", e.message);
        }
        let v = parse("[0, -1.5e+3, 123456789012]").unwrap();
        assert_eq!(v.as_array().unwrap()[2].kind, ValueKind::Number("123456789012".into()));
    }

    #[test]
    fn strings_decode_escapes_and_reject_raw_control_characters() {
        let v = parse(r#""a\"b\\c\u00e9\ud83d\ude00\n""#).unwrap();
        assert_eq!(v.as_str(), Some("a\"b\\cé😀\n"));
        assert!(parse("\"a\tb\"").unwrap_err().message.contains("control character"));
        assert!(parse("\"a\nb\"").unwrap_err().message.contains("line break"));
        assert!(parse(r#""\x""#).unwrap_err().message.contains("invalid escape"));
        assert!(parse(r#""\ud800""#).unwrap_err().message.contains("surrogate"));
        assert!(parse("\"abc").unwrap_err().message.contains("unterminated"));
    }

    #[test]
    fn misspelt_literals_are_rejected() {
        assert!(error("{\"a\": True}").message.contains("`True`"));
        assert!(error("{\"a\": truex}").message.contains("expected a value"));
    }

    #[test]
    fn a_bad_unicode_escape_is_spanned_on_character_boundaries() {
        // Found by tests/robustness.rs: the four bytes after `\u` ended inside "¡".
        let text = "\"\\u  A¡";
        let e = error(text);
        assert_eq!(e.message, "invalid \\u escape: expected four hex digits");
        assert_eq!(&text[e.span.start..e.span.end], "\\u  A¡");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let e = parse(&deep).unwrap_err();
        assert!(e.message.contains("deeper than 64"), "{}", e.message);
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn any_prefix_of_a_policy_is_handled_without_panicking() {
        let text = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"é“\",\"Effect\":\"Allow\",\"Action\":[\"kms:*\"],\"Resource\":\"*\",\"N\":-1.5e3}]}";
        for (i, _) in text.char_indices() {
            let _ = parse(&text[..i]);
        }
        assert!(parse(text).is_ok());
    }
}
