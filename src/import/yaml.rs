//! CloudFormation YAML, read from the parser's events so every node keeps its span and the
//! short-form tags (`!Sub`, `!Ref`, `!GetAtt`, …) become the intrinsics they abbreviate.
//! Aliases are expanded here, under a budget, and nesting is capped: hostile YAML gives a
//! located message, not a frozen page.

use super::tree::{fold_intrinsic, Node, NodeKind};
use crate::json::{Span, SyntaxError, MAX_DEPTH};
use saphyr_parser::{Event, Parser, ScalarStyle, Tag};
use std::collections::HashMap;

/// Values that aliases may add in total: far above any template's reuse, far below what a
/// "billion laughs" paste expands to.
pub const MAX_ALIAS_VALUES: usize = 100_000;

/// Whether `text` reads as a YAML template: a top-level `Resources:` or format version key.
pub fn looks_like_template(text: &str) -> bool {
    text.lines()
        .any(|l| l.starts_with("Resources:") || l.starts_with("AWSTemplateFormatVersion:"))
}

/// Character offsets (what the parser reports) to byte offsets, walking from the last answer:
/// events come nearly in order, so this is linear overall.
struct Offsets<'a> {
    text: &'a str,
    chars: usize,
    bytes: usize,
}

impl Offsets<'_> {
    fn byte(&mut self, chars: usize) -> usize {
        while self.chars < chars {
            let Some(c) = self.text[self.bytes..].chars().next() else {
                break;
            };
            self.bytes += c.len_utf8();
            self.chars += 1;
        }
        while self.chars > chars {
            let Some(c) = self.text[..self.bytes].chars().next_back() else {
                break;
            };
            self.bytes -= c.len_utf8();
            self.chars -= 1;
        }
        self.bytes
    }
}

enum Frame {
    Seq { items: Vec<Node>, start: usize, anchor: usize, tag: Option<String> },
    Map { members: Vec<(String, Node)>, key: Option<String>, start: usize, anchor: usize, tag: Option<String> },
}

fn problem(message: String, span: Span, help: &str) -> SyntaxError {
    SyntaxError { message, span, help: Some(help.to_owned()) }
}

/// The short-form tag's long name: `!Sub` → `Fn::Sub`, `!Ref` → `Ref`; `None` for other tags.
fn intrinsic(tag: Option<&Tag>) -> Option<String> {
    let tag = tag?;
    if tag.handle != "!" || tag.suffix.is_empty() {
        return None;
    }
    Some(match tag.suffix.as_str() {
        "Ref" | "Condition" => tag.suffix.clone(),
        other => format!("Fn::{other}"),
    })
}

fn tagged(node: Node, tag: Option<String>) -> Node {
    match tag {
        Some(name) => {
            let span = node.span;
            let node = match (&name[..], node.kind) {
                ("Fn::GetAtt", NodeKind::Str { value, quoted }) => Node { kind: NodeKind::Str { value, quoted }, span },
                (_, kind) => Node { kind, span },
            };
            fold_intrinsic(Node { kind: NodeKind::Object(vec![(name, node)]), span })
        }
        None => node,
    }
}

fn scalar(value: &str, style: ScalarStyle, span: Span) -> Node {
    let kind = match (style, value) {
        (ScalarStyle::Plain, "" | "~" | "null" | "Null" | "NULL") => NodeKind::Null,
        (ScalarStyle::Plain, "true" | "True" | "TRUE") => NodeKind::Bool(true),
        (ScalarStyle::Plain, "false" | "False" | "FALSE") => NodeKind::Bool(false),
        // CloudFormation passes scalars on as strings: account ids stay strings.
        _ => NodeKind::Str { value: value.to_owned(), quoted: false },
    };
    Node { kind, span }
}

fn size(node: &Node) -> usize {
    1 + match &node.kind {
        NodeKind::Array(items) => items.iter().map(size).sum(),
        NodeKind::Object(members) => members.iter().map(|(_, v)| size(v)).sum(),
        _ => 0,
    }
}

/// The first document of `text` as a tree.
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut offsets = Offsets { text, chars: 0, bytes: 0 };
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, (Node, usize)> = HashMap::new();
    let mut expanded = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, marks) = event.map_err(|e| {
            let at = offsets.byte(e.marker().index());
            problem(format!("YAML: {}", e.info()), Span::new(at, at), "fix the YAML syntax at this position")
        })?;
        let span = {
            let start = offsets.byte(marks.start.index());
            Span::new(start, offsets.byte(marks.end.index()).max(start))
        };
        let done = match event {
            Event::SequenceStart(..) | Event::MappingStart(..) if stack.len() >= MAX_DEPTH => {
                return Err(problem(
                    format!("YAML nests deeper than {MAX_DEPTH} levels; it is not read further"),
                    span,
                    "a template nests a few levels; check the indentation or brackets here",
                ));
            }
            Event::SequenceStart(anchor, tag) => {
                let tag = intrinsic(tag.as_deref());
                stack.push(Frame::Seq { items: Vec::new(), start: span.start, anchor, tag });
                None
            }
            Event::MappingStart(anchor, tag) => {
                let tag = intrinsic(tag.as_deref());
                stack.push(Frame::Map { members: Vec::new(), key: None, start: span.start, anchor, tag });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq { items, start, anchor, tag }) => {
                    Some((tagged(Node { kind: NodeKind::Array(items), span: Span::new(start, span.end) }, tag), anchor))
                }
                Some(Frame::Map { members, start, anchor, tag, .. }) => {
                    Some((tagged(Node { kind: NodeKind::Object(members), span: Span::new(start, span.end) }, tag), anchor))
                }
                None => None,
            },
            Event::Scalar(value, style, anchor, tag) => {
                let name = intrinsic(tag.as_deref());
                Some((tagged(scalar(&value, style, span), name), anchor))
            }
            Event::Alias(id) => {
                let Some((node, n)) = anchors.get(&id) else {
                    return Err(problem("YAML alias to an unknown anchor".into(), span, "define the anchor before its alias"));
                };
                expanded += n;
                if expanded > MAX_ALIAS_VALUES {
                    return Err(problem(
                        format!("YAML aliases expand to more than {MAX_ALIAS_VALUES} values; the template is not read further"),
                        span,
                        "aliases that repeat aliases grow exponentially (\"billion laughs\"); CloudFormation templates do not need them",
                    ));
                }
                Some((Node { kind: node.kind.clone(), span }, 0))
            }
            Event::DocumentEnd | Event::StreamEnd if stack.is_empty() => break,
            _ => None,
        };
        let Some((node, anchor)) = done else {
            continue;
        };
        if anchor > 0 {
            let n = size(&node);
            anchors.insert(anchor, (node.clone(), n));
        }
        match stack.last_mut() {
            None => return Ok(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { members, key, .. }) => match key.take() {
                None => *key = Some(node.as_str().map_or_else(|| String::from("?"), str::to_owned)),
                Some(k) => members.push((k, node)),
            },
        }
    }
    Ok(Node { kind: NodeKind::Null, span: Span::new(0, 0) })
}
