//! One tree for every source format (JSON, YAML, HCL), with the span of each node in the paste,
//! CloudFormation's intrinsic functions folded into placeholders as nodes are built (every
//! reader of a template needs them), and its rendering as the JSON policy text the checks read.

use super::source_map::{NodeRun, SourceMap};
use crate::json::{escape_string, Span, Value, ValueKind};

/// A value read from the paste.
#[derive(Clone, Debug)]
pub struct Node {
    pub kind: NodeKind,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Number(String),
    /// `quoted` says the node is a JSON string literal (its span holds the escapes).
    Str { value: String, quoted: bool },
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
    /// A value only known when the template is deployed (`!Ref`, `var.x`), as `${…}` text.
    Placeholder(String),
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str { value, .. } => Some(value),
            _ => None,
        }
    }

    pub fn members(&self) -> &[(String, Node)] {
        match &self.kind {
            NodeKind::Object(m) => m,
            _ => &[],
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.kind {
            NodeKind::Array(a) => a,
            _ => &[],
        }
    }

    /// Whether anything inside is a placeholder (then the JSON source cannot be checked as is).
    pub fn has_placeholder(&self) -> bool {
        match &self.kind {
            NodeKind::Placeholder(_) => true,
            NodeKind::Array(items) => items.iter().any(Node::has_placeholder),
            NodeKind::Object(members) => members.iter().any(|(_, v)| v.has_placeholder()),
            _ => false,
        }
    }

    /// The tree of a parsed JSON value, with CloudFormation's `{"Ref": …}` / `{"Fn::…": …}`
    /// read as placeholders.
    pub fn from_json(value: &Value) -> Node {
        let kind = match &value.kind {
            ValueKind::Null => NodeKind::Null,
            ValueKind::Bool(b) => NodeKind::Bool(*b),
            ValueKind::Number(n) => NodeKind::Number(n.clone()),
            ValueKind::String(s) => NodeKind::Str { value: s.clone(), quoted: true },
            ValueKind::Array(items) => NodeKind::Array(items.iter().map(Node::from_json).collect()),
            ValueKind::Object(members) => {
                NodeKind::Object(members.iter().map(|m| (m.key.clone(), Node::from_json(&m.value))).collect())
            }
        };
        fold_intrinsic(Node { kind, span: value.span })
    }

    /// The JSON text of the tree, and where each of its values came from.
    pub fn render(&self) -> (String, SourceMap) {
        let mut out = String::new();
        let mut runs = Vec::new();
        self.render_into(&mut out, &mut runs, 0);
        (out, SourceMap::Nodes(runs))
    }

    fn render_into(&self, out: &mut String, runs: &mut Vec<NodeRun>, indent: usize) {
        let start = out.len();
        let index = runs.len();
        runs.push(NodeRun { inner: Span::new(start, start), source: self.span });
        let pad = |out: &mut String, n: usize| {
            out.push('\n');
            out.push_str(&"  ".repeat(n));
        };
        match &self.kind {
            NodeKind::Null => out.push_str("null"),
            NodeKind::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            NodeKind::Number(n) => out.push_str(n),
            NodeKind::Str { value, .. } | NodeKind::Placeholder(value) => out.push_str(&escape_string(value)),
            NodeKind::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, indent + 1);
                    item.render_into(out, runs, indent + 1);
                }
                if !items.is_empty() {
                    pad(out, indent);
                }
                out.push(']');
            }
            NodeKind::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    pad(out, indent + 1);
                    out.push_str(&escape_string(key));
                    out.push_str(": ");
                    value.render_into(out, runs, indent + 1);
                }
                if !members.is_empty() {
                    pad(out, indent);
                }
                out.push('}');
            }
        }
        runs[index].inner.end = out.len();
    }
}

/// Reads `{"Ref": …}` and `{"Fn::…": …}` (the long forms, and the short-form YAML tags the YAML
/// reader turns into them) as placeholders: `${Name}`, `${Name.Attr}`, `!Sub`'s template with
/// its `${…}` kept, `!Join`'s parts joined.
pub fn fold_intrinsic(node: Node) -> Node {
    let NodeKind::Object(members) = &node.kind else {
        return node;
    };
    let [(key, arg)] = members.as_slice() else {
        return node;
    };
    let text = match key.as_str() {
        "Ref" => arg.as_str().map(|name| format!("${{{name}}}")),
        "Fn::GetAtt" => match &arg.kind {
            NodeKind::Str { value, .. } => Some(format!("${{{value}}}")),
            NodeKind::Array(parts) => {
                let parts: Vec<&str> = parts.iter().filter_map(Node::as_str).collect();
                Some(format!("${{{}}}", parts.join(".")))
            }
            _ => None,
        },
        "Fn::Sub" => match &arg.kind {
            NodeKind::Str { value, .. } => Some(value.clone()),
            NodeKind::Array(parts) => parts.first().and_then(Node::as_str).map(str::to_owned),
            _ => None,
        },
        "Fn::Join" => match arg.items() {
            [delimiter, list] => {
                let delimiter = delimiter.as_str().unwrap_or("");
                let parts: Vec<String> = list.items().iter().map(part_text).collect();
                Some(parts.join(delimiter))
            }
            _ => None,
        },
        other if other.starts_with("Fn::") || other == "Condition" => Some(format!("${{{other}}}")),
        _ => None,
    };
    match text {
        Some(text) => Node { kind: NodeKind::Placeholder(text), span: node.span },
        None if key == "Ref" || key.starts_with("Fn::") => {
            Node { kind: NodeKind::Placeholder(format!("${{{key}}}")), span: node.span }
        }
        None => node,
    }
}

fn part_text(part: &Node) -> String {
    match &part.kind {
        NodeKind::Str { value, .. } | NodeKind::Placeholder(value) => value.clone(),
        NodeKind::Number(n) => n.clone(),
        _ => "${?}".into(),
    }
}
