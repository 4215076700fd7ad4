//! AWS Config configuration items (`aws configservice get-resource-config-history`,
//! `select-resource-config`, a snapshot's `configurationItems`), for the resource types that
//! record a policy. Field names follow AWS Config's published item examples; the fact sheet
//! does not cover them.

use super::tree::{Node, NodeKind};
use super::Candidate;
use crate::json;
use crate::policy::PolicyKind;

/// The policies of the items in `doc`; `None` when `doc` is not a configuration item or a list
/// of them.
pub fn policies(doc: &Node) -> Option<Vec<Candidate>> {
    let items: Vec<&Node> = match doc.get("configurationItems") {
        Some(list) => list.items().iter().collect(),
        None if doc.get("resourceType").is_some() && doc.get("configuration").is_some() => vec![doc],
        None => return None,
    };
    let mut out = Vec::new();
    for item in items {
        let Some(resource_type) = item.get("resourceType").and_then(Node::as_str) else {
            continue;
        };
        let name = ["resourceName", "resourceId", "ARN"]
            .iter()
            .find_map(|k| item.get(k).and_then(Node::as_str))
            .unwrap_or(resource_type)
            .to_owned();
        let mut push = |suffix: &str, kind: PolicyKind, value: Node| {
            out.push(Candidate {
                name: if suffix.is_empty() { name.clone() } else { format!("{name}/{suffix}") },
                source: format!("{resource_type} configuration item"),
                resource_type: resource_type.to_owned(),
                kind,
                value,
            })
        };
        match resource_type {
            "AWS::S3::Bucket" => {
                let supplementary = item.get("supplementaryConfiguration").map(embedded);
                if let Some(text) = supplementary.as_ref().and_then(|s| s.get("BucketPolicy")).map(embedded) {
                    if let Some(policy) = text.get("policyText") {
                        push("", PolicyKind::Bucket, policy.clone());
                    }
                }
            }
            "AWS::IAM::Role" => {
                let configuration = item.get("configuration").map(embedded);
                if let Some(c) = &configuration {
                    if let Some(trust) = c.get("assumeRolePolicyDocument") {
                        push("", PolicyKind::Trust, trust.clone());
                    }
                    for p in c.get("rolePolicyList").map(Node::items).unwrap_or_default() {
                        if let Some(document) = p.get("policyDocument") {
                            let policy = p.get("policyName").and_then(Node::as_str).unwrap_or("inline");
                            push(policy, PolicyKind::Identity, document.clone());
                        }
                    }
                }
            }
            "AWS::IAM::Policy" => {
                let configuration = item.get("configuration").map(embedded);
                let versions = configuration.as_ref().and_then(|c| c.get("policyVersionList").cloned());
                for v in versions.as_ref().map(Node::items).unwrap_or_default() {
                    let default = matches!(v.get("isDefaultVersion").map(|d| &d.kind), Some(NodeKind::Bool(true)));
                    if let (true, Some(document)) = (default, v.get("document")) {
                        push("", PolicyKind::Identity, document.clone());
                    }
                }
            }
            _ => {}
        }
    }
    Some(out)
}

/// `configuration` and `supplementaryConfiguration` values are JSON *strings* in the API's
/// answers and objects in snapshots: read a string as JSON, every node of it located at the
/// string (its inner positions are not the paste's).
fn embedded(node: &Node) -> Node {
    match node.as_str().map(json::parse) {
        Some(Ok(value)) => relocate(Node::from_json(&value), node.span),
        _ => node.clone(),
    }
}

fn relocate(mut node: Node, span: crate::json::Span) -> Node {
    node.span = span;
    node.kind = match node.kind {
        NodeKind::Str { value, .. } => NodeKind::Str { value, quoted: false },
        NodeKind::Array(items) => NodeKind::Array(items.into_iter().map(|n| relocate(n, span)).collect()),
        NodeKind::Object(members) => NodeKind::Object(members.into_iter().map(|(k, v)| (k, relocate(v, span))).collect()),
        other => other,
    };
    node
}
