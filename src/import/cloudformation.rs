//! CloudFormation templates (JSON or YAML): the policies of the resource types that hold one,
//! and intrinsic functions read as placeholders.

use super::tree::{Node, NodeKind};
use super::Candidate;
use crate::policy::PolicyKind;

/// Where each resource type keeps its policies: (type, property path, kind).
const PROPERTIES: [(&str, &str, PolicyKind); 8] = [
    ("AWS::KMS::Key", "KeyPolicy", PolicyKind::Key),
    ("AWS::S3::BucketPolicy", "PolicyDocument", PolicyKind::Bucket),
    ("AWS::Logs::ResourcePolicy", "PolicyDocument", PolicyKind::LogResource),
    ("AWS::Logs::DeliveryDestination", "DeliveryDestinationPolicy", PolicyKind::LogResource),
    ("AWS::IAM::Role", "AssumeRolePolicyDocument", PolicyKind::Trust),
    ("AWS::IAM::Policy", "PolicyDocument", PolicyKind::Identity),
    ("AWS::IAM::ManagedPolicy", "PolicyDocument", PolicyKind::Identity),
    ("AWS::IAM::RolePolicy", "PolicyDocument", PolicyKind::Identity),
];

/// Resource types whose `Policies` list holds inline identity policies.
const INLINE_POLICIES: [&str; 3] = ["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"];

/// Whether `doc` is a template: a `Resources` mapping (or the format version key).
pub fn is_template(doc: &Node) -> bool {
    doc.get("AWSTemplateFormatVersion").is_some()
        || doc.get("Resources").is_some_and(|r| matches!(r.kind, NodeKind::Object(_)))
}

/// Every policy the template's resources hold, in template order.
pub fn policies(doc: &Node) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (logical_id, resource) in doc.get("Resources").map(Node::members).unwrap_or_default() {
        let Some(kind_name) = resource.get("Type").and_then(Node::as_str) else {
            continue;
        };
        let properties = resource.get("Properties");
        for (type_name, property, kind) in PROPERTIES {
            if type_name != kind_name {
                continue;
            }
            let Some(mut value) = properties.and_then(|p| p.get(property)) else {
                continue;
            };
            // DeliveryDestinationPolicy is {DeliveryDestinationName, DeliveryDestinationPolicy}.
            if let Some(inner) = value.get("DeliveryDestinationPolicy") {
                value = inner;
            }
            out.push(Candidate {
                name: logical_id.clone(),
                source: format!("{type_name} {property}"),
                resource_type: type_name.to_owned(),
                kind,
                value: value.clone(),
            });
        }
        if INLINE_POLICIES.contains(&kind_name) {
            let inline = properties.and_then(|p| p.get("Policies")).map(Node::items).unwrap_or_default();
            for (i, entry) in inline.iter().enumerate() {
                let Some(document) = entry.get("PolicyDocument") else {
                    continue;
                };
                let policy_name = entry.get("PolicyName").and_then(Node::as_str).map_or(i.to_string(), str::to_owned);
                out.push(Candidate {
                    name: format!("{logical_id}/{policy_name}"),
                    source: format!("{kind_name} Policies[{i}]"),
                    resource_type: kind_name.to_owned(),
                    kind: PolicyKind::Identity,
                    value: document.clone(),
                });
            }
        }
    }
    out
}

