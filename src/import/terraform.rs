//! Terraform: the policy attributes of the AWS provider's resources, written as
//! `jsonencode({...})`, a heredoc or a string, and `data "aws_iam_policy_document"` blocks.
//! References and `${…}` interpolations are placeholders.

use super::tree::{Node, NodeKind};
use super::{from_candidates, Candidate, Extraction, Form, Note};
use crate::json::{Span, SyntaxError};
use crate::policy::PolicyKind;
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Block, Body};
use hcl_edit::template::{Element, Template};

/// Where each resource type keeps its policy: (type, attribute, kind).
const ATTRIBUTES: [(&str, &str, PolicyKind); 11] = [
    ("aws_kms_key", "policy", PolicyKind::Key),
    ("aws_kms_key_policy", "policy", PolicyKind::Key),
    ("aws_s3_bucket_policy", "policy", PolicyKind::Bucket),
    ("aws_s3_bucket", "policy", PolicyKind::Bucket),
    ("aws_cloudwatch_log_resource_policy", "policy_document", PolicyKind::LogResource),
    ("aws_cloudwatch_log_delivery_destination_policy", "delivery_destination_policy", PolicyKind::LogResource),
    ("aws_iam_role", "assume_role_policy", PolicyKind::Trust),
    ("aws_iam_policy", "policy", PolicyKind::Identity),
    ("aws_iam_role_policy", "policy", PolicyKind::Identity),
    ("aws_iam_user_policy", "policy", PolicyKind::Identity),
    ("aws_iam_group_policy", "policy", PolicyKind::Identity),
];

/// Whether `text` reads as Terraform: a top-level `resource "…"`, `data "…"` or similar block.
pub fn looks_like(text: &str) -> bool {
    text.lines().any(|l| {
        ["resource ", "data ", "variable ", "locals ", "provider ", "module ", "terraform "]
            .iter()
            .any(|k| l.starts_with(k))
    })
}

fn span_of(e: &impl hcl_edit::Span) -> Span {
    e.span().map_or(Span::default(), |r| Span::new(r.start, r.end))
}

fn label(block: &Block, i: usize) -> Option<&str> {
    block.labels.get(i).map(|l| l.as_str())
}

pub fn extract(paste: &str) -> Extraction {
    let body = match hcl_edit::parser::parse_body(paste) {
        Ok(body) => body,
        Err(e) => {
            let at = e.location().offset().min(paste.len());
            return Extraction {
                form: Form::Terraform,
                policies: Vec::new(),
                problems: vec![SyntaxError {
                    message: format!("HCL: {}", e.message()),
                    span: Span::new(at, at),
                    help: Some("fix the Terraform syntax at this position".into()),
                }],
                notes: Vec::new(),
            };
        }
    };
    let mut candidates = Vec::new();
    let mut notes = Vec::new();
    // Which resource attribute names each policy document, for its kind.
    let mut uses: Vec<(String, PolicyKind, String)> = Vec::new();
    for block in body.blocks().filter(|b| b.ident.as_str() == "resource") {
        let (Some(resource_type), Some(name)) = (label(block, 0), label(block, 1)) else {
            continue;
        };
        let address = format!("{resource_type}.{name}");
        for (type_name, attribute, kind) in ATTRIBUTES {
            if type_name != resource_type {
                continue;
            }
            let mut found: Vec<(String, &Expression)> = Vec::new();
            if let Some(a) = block.body.get_attribute(attribute) {
                found.push((address.clone(), &a.value));
            }
            for inline in block.body.get_blocks("inline_policy") {
                if let Some(a) = inline.body.get_attribute("policy") {
                    let policy = inline.body.get_attribute("name").and_then(|n| n.value.as_str()).unwrap_or("inline_policy");
                    found.push((format!("{address}/{policy}"), &a.value));
                }
            }
            for (i, (name, expr)) in found.into_iter().enumerate() {
                let kind = if i > 0 && resource_type == "aws_iam_role" { PolicyKind::Identity } else { kind };
                match document_reference(expr) {
                    Some(document) => uses.push((document, kind, name)),
                    None => candidates.push(Candidate {
                        name,
                        source: format!("{type_name}.{attribute}"),
                        resource_type: type_name.to_owned(),
                        kind,
                        value: policy_value(paste, expr),
                    }),
                }
            }
        }
    }
    for block in body.blocks().filter(|b| b.ident.as_str() == "data") {
        if label(block, 0) != Some("aws_iam_policy_document") {
            continue;
        }
        let Some(name) = label(block, 1) else { continue };
        let used = uses.iter().find(|(d, _, _)| d == name);
        let source = match used {
            Some((_, _, by)) => format!("aws_iam_policy_document (the policy of {by})"),
            None => "aws_iam_policy_document".to_owned(),
        };
        candidates.push(Candidate {
            name: format!("data.aws_iam_policy_document.{name}"),
            source,
            resource_type: "aws_iam_policy_document".into(),
            kind: used.map_or(PolicyKind::Identity, |(_, k, _)| *k),
            value: policy_document(paste, &block.body, span_of(block)),
        });
    }
    for (document, _, by) in &uses {
        let defined = body.blocks().any(|b| b.ident.as_str() == "data" && label(b, 1) == Some(document.as_str()));
        if !defined {
            notes.push(Note {
                message: format!("{by}: its policy is data.aws_iam_policy_document.{document}, which is not in this file"),
                span: Span::default(),
            });
        }
    }
    let mut extraction = from_candidates(paste, Form::Terraform, candidates, notes);
    link_stack(paste, &body, &mut extraction.policies);
    extraction
}

/// `aws_kms_key.k.arn` (or `.id`, `.key_id`, `.bucket` …) → `aws_kms_key.k`, the address of the
/// resource a reference points at; `None` for anything but a resource reference.
fn resource_reference(expr: &Expression) -> Option<String> {
    let Expression::Traversal(t) = expr else { return None };
    let Expression::Variable(root) = &t.expr else { return None };
    let mut names = t.operators.iter().filter_map(|op| match op.value() {
        hcl_edit::expr::TraversalOperator::GetAttr(id) => Some(id.as_str()),
        _ => None,
    });
    let resource_type = root.as_str();
    if !resource_type.starts_with("aws_") {
        return None;
    }
    names.next().map(|name| format!("{resource_type}.{name}"))
}

/// What the other resources of the file say about each policy's resource, as
/// [`super::cloudformation::link_stack`] does for a template: the log groups a key encrypts
/// (`kms_key_id = aws_kms_key.k.arn`), the bucket a bucket policy is on (`bucket =
/// aws_s3_bucket.b.id` or a name), and the Regions the other resources' literal ARNs and the
/// `aws` provider's `region` name. One pass over the blocks, then lookups.
fn link_stack(paste: &str, body: &Body, policies: &mut [super::Policy]) {
    use crate::lint::{StackBucket, StackLogGroup};
    use std::collections::BTreeMap;
    let text_of = |expr: &Expression| -> Option<String> { expr.as_str().map(str::to_owned) };
    let mut groups: BTreeMap<String, Vec<StackLogGroup>> = BTreeMap::new();
    let mut buckets: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut attached: BTreeMap<String, &Expression> = BTreeMap::new();
    let mut key_of: BTreeMap<String, String> = BTreeMap::new();
    let mut regions = super::named_regions::NamedRegions::default();
    for block in body.blocks() {
        let attribute = |name: &str| block.body.get_attribute(name).map(|a| &a.value);
        if block.ident.as_str() == "provider" && label(block, 0) == Some("aws") {
            if let Some(region) = attribute("region").and_then(text_of) {
                regions.add(region, "provider \"aws\"");
            }
            continue;
        }
        if block.ident.as_str() != "resource" {
            continue;
        }
        let (Some(resource_type), Some(name)) = (label(block, 0), label(block, 1)) else {
            continue;
        };
        let address = format!("{resource_type}.{name}");
        match resource_type {
            "aws_cloudwatch_log_group" => {
                if let Some(key) = attribute("kms_key_id").and_then(resource_reference) {
                    groups.entry(key).or_default().push(StackLogGroup {
                        logical_id: address.clone(),
                        name: attribute("name").and_then(text_of),
                    });
                }
            }
            "aws_s3_bucket" => {
                buckets.insert(address.clone(), attribute("bucket").and_then(text_of));
            }
            "aws_s3_bucket_policy" => {
                if let Some(bucket) = attribute("bucket") {
                    attached.insert(address.clone(), bucket);
                }
            }
            "aws_kms_key_policy" => {
                if let Some(key) = attribute("key_id").and_then(resource_reference) {
                    key_of.insert(address.clone(), key);
                }
            }
            _ => {}
        }
        let span = span_of(block);
        regions.add_from_text(paste.get(span.start..span.end).unwrap_or_default(), &address);
    }
    let by_name: BTreeMap<&str, &str> =
        buckets.iter().filter_map(|(address, name)| Some((name.as_deref()?, address.as_str()))).collect();
    for policy in policies.iter_mut() {
        let own = policy.name.split('/').next().unwrap_or_default().to_owned();
        let key = match policy.resource_type.as_str() {
            "aws_kms_key" => Some(own.clone()),
            "aws_kms_key_policy" => key_of.get(&own).cloned(),
            _ => None,
        };
        if let Some(key) = key {
            policy.stack.log_groups.extend(groups.get(&key).into_iter().flatten().cloned());
        }
        policy.stack.bucket = match policy.resource_type.as_str() {
            "aws_s3_bucket" => Some(StackBucket { logical_id: Some(own.clone()), name: buckets.get(&own).cloned().flatten() }),
            "aws_s3_bucket_policy" => attached.get(&own).and_then(|bucket| match resource_reference(bucket) {
                Some(address) => buckets
                    .get(&address)
                    .map(|name| StackBucket { logical_id: Some(address.clone()), name: name.clone() }),
                None => text_of(bucket).map(|name| StackBucket {
                    logical_id: by_name.get(name.as_str()).map(|a| (*a).to_owned()),
                    name: Some(name),
                }),
            }),
            _ => None,
        };
        policy.stack.regions = regions.other_than(&own);
    }
}

/// `data.aws_iam_policy_document.NAME.json` → `NAME`.
fn document_reference(expr: &Expression) -> Option<String> {
    let Expression::Traversal(t) = expr else { return None };
    let Expression::Variable(root) = &t.expr else { return None };
    let names: Vec<&str> = t
        .operators
        .iter()
        .filter_map(|op| match op.value() {
            hcl_edit::expr::TraversalOperator::GetAttr(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    match (root.as_str(), names.as_slice()) {
        ("data", ["aws_iam_policy_document", name, "json" | "minified_json"]) => Some((*name).to_owned()),
        _ => None,
    }
}

/// The policy an attribute holds: `jsonencode(x)` → x as a tree; a string or heredoc → the text.
fn policy_value(paste: &str, expr: &Expression) -> Node {
    match expr {
        Expression::FuncCall(call) if call.name.name.as_str() == "jsonencode" && call.args.iter().count() == 1 => {
            call.args.iter().next().map_or_else(|| placeholder(paste, expr), |arg| node(paste, arg))
        }
        _ => node(paste, expr),
    }
}

fn placeholder(paste: &str, expr: &Expression) -> Node {
    let span = span_of(expr);
    let text = paste.get(span.start..span.end).unwrap_or("?");
    Node { kind: NodeKind::Placeholder(format!("${{{text}}}")), span }
}

fn template_text(paste: &str, template: &Template) -> String {
    template
        .iter()
        .map(|e| match e {
            Element::Literal(s) => s.value().clone(),
            Element::Interpolation(i) => {
                let s = span_of(i);
                paste.get(s.start..s.end).unwrap_or("${?}").to_owned()
            }
            Element::Directive(d) => {
                let s = span_of(d.as_ref());
                paste.get(s.start..s.end).unwrap_or("%{?}").to_owned()
            }
        })
        .collect()
}

/// An HCL expression as a tree: literals as themselves, anything evaluated as a placeholder.
fn node(paste: &str, expr: &Expression) -> Node {
    let span = span_of(expr);
    let kind = match expr {
        Expression::Null(_) => NodeKind::Null,
        Expression::Bool(b) => NodeKind::Bool(*b.value()),
        Expression::Number(n) => NodeKind::Number(n.value().to_string()),
        Expression::String(s) => NodeKind::Str { value: s.value().clone(), quoted: false },
        Expression::StringTemplate(t) => NodeKind::Str { value: template_text(paste, t), quoted: false },
        Expression::HeredocTemplate(h) => NodeKind::Str { value: template_text(paste, &h.template), quoted: false },
        Expression::Array(items) => NodeKind::Array(items.iter().map(|e| node(paste, e)).collect()),
        Expression::Object(object) => NodeKind::Object(
            object
                .iter()
                .map(|(key, value)| {
                    let key = match key {
                        ObjectKey::Ident(id) => id.as_str().to_owned(),
                        ObjectKey::Expression(e) => match node(paste, e).kind {
                            NodeKind::Str { value, .. } | NodeKind::Placeholder(value) => value,
                            _ => "?".into(),
                        },
                    };
                    (key, node(paste, value.expr()))
                })
                .collect(),
        ),
        Expression::Parenthesis(p) => return node(paste, p.inner()),
        _ => return placeholder(paste, expr),
    };
    Node { kind, span }
}

/// A `data "aws_iam_policy_document"` body as the policy it renders to.
fn policy_document(paste: &str, body: &Body, span: Span) -> Node {
    let mut members = vec![(
        "Version".to_owned(),
        body.get_attribute("version")
            .map_or(Node { kind: NodeKind::Str { value: "2012-10-17".into(), quoted: false }, span }, |a| node(paste, &a.value)),
    )];
    if let Some(id) = body.get_attribute("policy_id") {
        members.push(("Id".into(), node(paste, &id.value)));
    }
    let statements = body.get_blocks("statement").map(|s| statement(paste, s)).collect();
    members.push(("Statement".into(), Node { kind: NodeKind::Array(statements), span }));
    Node { kind: NodeKind::Object(members), span }
}

fn statement(paste: &str, block: &Block) -> Node {
    let span = span_of(block);
    let body = &block.body;
    let mut members = Vec::new();
    let attr = |name: &str| body.get_attribute(name).map(|a| node(paste, &a.value));
    if let Some(sid) = attr("sid") {
        members.push(("Sid".into(), sid));
    }
    // The provider's default effect.
    let effect = attr("effect").unwrap_or(Node { kind: NodeKind::Str { value: "Allow".into(), quoted: false }, span });
    members.push(("Effect".into(), effect));
    for (key, tf) in [("NotPrincipal", "not_principals"), ("Principal", "principals")] {
        let blocks: Vec<&Block> = body.get_blocks(tf).collect();
        if blocks.is_empty() {
            continue;
        }
        let mut by_type: Vec<(String, Node)> = Vec::new();
        for p in blocks {
            let kind = p.body.get_attribute("type").and_then(|a| a.value.as_str()).unwrap_or("AWS").to_owned();
            let ids = p.body.get_attribute("identifiers").map(|a| node(paste, &a.value));
            let ids = ids.unwrap_or(Node { kind: NodeKind::Array(Vec::new()), span: span_of(p) });
            by_type.push((kind, ids));
        }
        let value = match by_type.as_slice() {
            [(kind, ids)] if kind == "*" => Node { kind: NodeKind::Str { value: "*".into(), quoted: false }, span: ids.span },
            _ => Node { kind: NodeKind::Object(by_type), span },
        };
        members.push((key.into(), value));
    }
    for (key, tf) in [("Action", "actions"), ("NotAction", "not_actions"), ("Resource", "resources"), ("NotResource", "not_resources")] {
        if let Some(v) = attr(tf) {
            members.push((key.into(), v));
        }
    }
    let conditions: Vec<&Block> = body.get_blocks("condition").collect();
    if !conditions.is_empty() {
        let mut operators: Vec<(String, Node)> = Vec::new();
        for c in conditions {
            let get = |n: &str| c.body.get_attribute(n);
            let test = get("test").and_then(|a| a.value.as_str()).unwrap_or("?").to_owned();
            let variable = get("variable").and_then(|a| a.value.as_str()).unwrap_or("?").to_owned();
            let values = get("values").map_or(Node { kind: NodeKind::Array(Vec::new()), span: span_of(c) }, |a| node(paste, &a.value));
            match operators.iter_mut().find(|(t, _)| *t == test) {
                Some((_, Node { kind: NodeKind::Object(keys), .. })) => keys.push((variable, values)),
                _ => operators.push((test, Node { kind: NodeKind::Object(vec![(variable, values)]), span: span_of(c) })),
            }
        }
        members.push(("Condition".into(), Node { kind: NodeKind::Object(operators), span }));
    }
    Node { kind: NodeKind::Object(members), span }
}
