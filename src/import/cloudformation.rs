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

/// Fills each key policy's [`StackFacts`](crate::lint::StackFacts) with the template's log groups
/// whose `KmsKeyId` is that key (`!GetAtt Key.Arn`, or `!Ref Key`, which CloudFormation resolves
/// to the key ID).
pub fn link_stack(doc: &Node, policies: &mut [super::Policy]) {
    let resources = doc.get("Resources").map(Node::members).unwrap_or_default();
    for policy in policies.iter_mut().filter(|p| p.resource_type == "AWS::KMS::Key") {
        let refers = [format!("${{{}.Arn}}", policy.name), format!("${{{}}}", policy.name)];
        for (logical_id, resource) in resources {
            if resource.get("Type").and_then(Node::as_str) != Some("AWS::Logs::LogGroup") {
                continue;
            }
            let properties = resource.get("Properties");
            let key = properties.and_then(|p| p.get("KmsKeyId"));
            let uses_key = matches!(key.map(|k| &k.kind), Some(NodeKind::Placeholder(text)) if refers.contains(text));
            if uses_key {
                policy.stack.log_groups.push(crate::lint::StackLogGroup {
                    logical_id: logical_id.clone(),
                    name: properties.and_then(|p| p.get("LogGroupName")).and_then(Node::as_str).map(str::to_owned),
                });
            }
        }
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
