//! Where each byte of an extracted policy text came from in the pasted text, so a finding in the
//! policy points at the characters the user pasted (through JSON escapes, YAML indentation and
//! heredocs), or at the node the policy was rendered from.

use crate::json::Span;
use serde::Serialize;

/// One run of the policy text that maps onto one run of the pasted text: byte `inner + i` came
/// from byte `source + min(i, len)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Run {
    pub inner: usize,
    pub source: usize,
    pub len: usize,
}

/// A value of a rendered policy and the node of the pasted text it was rendered from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct NodeRun {
    pub inner: Span,
    pub source: Span,
}

/// How a policy text maps back onto the pasted text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "map", content = "runs")]
pub enum SourceMap {
    /// Character for character (a slice of the paste, an escaped string, a literal block), in
    /// runs ordered by `inner`.
    Exact(Vec<Run>),
    /// Rendered from a tree (YAML, HCL, intrinsics): each value points at its node. Ordered by
    /// `inner.start`; a child follows its parent.
    Nodes(Vec<NodeRun>),
}

impl SourceMap {
    /// The policy is the paste's bytes `start..` unchanged.
    pub fn slice(start: usize) -> Self {
        SourceMap::Exact(vec![Run { inner: 0, source: start, len: usize::MAX }])
    }

    /// Everything maps onto one node of the paste.
    pub fn whole(inner_len: usize, node: Span) -> Self {
        SourceMap::Nodes(vec![NodeRun { inner: Span::new(0, inner_len), source: node }])
    }

    /// The span of the paste that `span` of the policy text came from.
    pub fn locate(&self, span: Span) -> Span {
        match self {
            SourceMap::Exact(runs) => {
                let start = map_offset(runs, span.start);
                Span::new(start, map_offset(runs, span.end).max(start))
            }
            SourceMap::Nodes(nodes) => {
                let containing = |o: usize| {
                    let last = nodes.partition_point(|n| n.inner.start <= o);
                    nodes[..last]
                        .iter()
                        .rev()
                        .filter(move |n| n.inner.start <= o && o < n.inner.end.max(n.inner.start + 1))
                };
                let best = containing(span.start)
                    .find(|n| n.inner.end >= span.end)
                    .or_else(|| containing(span.start).next())
                    .or_else(|| nodes.first());
                best.map_or(Span::default(), |n| n.source)
            }
        }
    }
}

fn map_offset(runs: &[Run], offset: usize) -> usize {
    let i = runs.partition_point(|r| r.inner <= offset);
    match i.checked_sub(1).map(|i| runs[i]) {
        Some(r) => r.source + (offset - r.inner).min(r.len),
        None => runs.first().map_or(0, |r| r.source),
    }
}

/// Decodes the JSON string literal `raw` (quotes included) found at byte `at` of the paste,
/// with the runs that map the decoded bytes back through each escape. `None` when `raw` is not
/// a well-formed literal (the strict parser has accepted it before, so only on misuse).
pub fn unescape_json_literal(raw: &str, at: usize) -> Option<(String, Vec<Run>)> {
    let body = raw.strip_prefix('"')?.strip_suffix('"')?;
    let base = at + 1;
    let mut out = String::with_capacity(body.len());
    let mut runs = vec![Run { inner: 0, source: base, len: 0 }];
    let bytes = body.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            let next = body[i..].find('\\').map_or(body.len(), |n| i + n);
            out.push_str(&body[i..next]);
            let last = runs.last_mut()?;
            last.len = next - (last.source - base);
            i = next;
            continue;
        }
        let (c, width) = match bytes.get(i + 1)? {
            b'"' => ('"', 2),
            b'\\' => ('\\', 2),
            b'/' => ('/', 2),
            b'b' => ('\u{8}', 2),
            b'f' => ('\u{c}', 2),
            b'n' => ('\n', 2),
            b'r' => ('\r', 2),
            b't' => ('\t', 2),
            b'u' => {
                let hex = |at: usize| u32::from_str_radix(body.get(at..at + 4)?, 16).ok();
                let high = hex(i + 2)?;
                if (0xD800..0xDC00).contains(&high) && body.get(i + 6..i + 8) == Some("\\u") {
                    let low = hex(i + 8)?;
                    (char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?, 12)
                } else {
                    (char::from_u32(high).unwrap_or('\u{FFFD}'), 6)
                }
            }
            _ => return None,
        };
        runs.push(Run { inner: out.len(), source: base + i, len: 0 });
        out.push(c);
        i += width;
        runs.push(Run { inner: out.len(), source: base + i, len: 0 });
    }
    Some((out, runs))
}

/// Maps `value` onto the paste's `source` (the text of one YAML or HCL node starting at byte
/// `at`) line by line, where each line of the value appears verbatim in order (literal blocks,
/// heredocs, plain one-line strings); `None` when some line does not.
pub fn lines_within(value: &str, source: &str, at: usize) -> Option<Vec<Run>> {
    let mut runs = Vec::new();
    let mut cursor = 0;
    let mut inner = 0;
    for line in value.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let found = if content.is_empty() {
            source[cursor..].find('\n').map_or(cursor, |n| cursor + n)
        } else {
            cursor + source.get(cursor..)?.find(content)?
        };
        runs.push(Run { inner, source: at + found, len: content.len() });
        cursor = found + content.len();
        inner += line.len();
    }
    Some(runs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_map_back_to_the_escape_sequence() {
        let paste = r#"{"Policy": "{\"Effect\":\"Alow\",\n\u00e9x}"}"#;
        let at = paste.find("\"{").unwrap();
        let raw = &paste[at..paste.len() - 1];
        let (text, runs) = unescape_json_literal(raw, at).unwrap();
        assert_eq!(text, "{\"Effect\":\"Alow\",\n\u{e9}x}");
        let map = SourceMap::Exact(runs);
        let alow = text.find("Alow").unwrap();
        let span = map.locate(Span::new(alow, alow + 4));
        assert_eq!(&paste[span.start..span.end], "Alow");
        let x = text.find('x').unwrap();
        assert_eq!(&paste[map.locate(Span::new(x, x + 1)).start..][..1], "x");
    }

    #[test]
    fn literal_block_lines_map_through_indentation() {
        let paste = "Doc: |\n    {\"a\":\n      \"b\"}\n";
        let value = "{\"a\":\n  \"b\"}\n";
        let at = paste.find('|').unwrap();
        let map = SourceMap::Exact(lines_within(value, &paste[at..], at).unwrap());
        let b = value.find("\"b\"").unwrap();
        let span = map.locate(Span::new(b, b + 3));
        assert_eq!(&paste[span.start..span.end], "\"b\"");
    }

    #[test]
    fn rendered_values_point_at_their_innermost_node() {
        let map = SourceMap::Nodes(vec![
            NodeRun { inner: Span::new(0, 20), source: Span::new(100, 200) },
            NodeRun { inner: Span::new(5, 9), source: Span::new(150, 160) },
        ]);
        assert_eq!(map.locate(Span::new(6, 8)), Span::new(150, 160));
        assert_eq!(map.locate(Span::new(6, 12)), Span::new(100, 200));
        assert_eq!(map.locate(Span::new(12, 13)), Span::new(100, 200));
    }
}
