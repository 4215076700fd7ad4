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

/// Fills each policy's [`StackFacts`](crate::lint::StackFacts): for a key, the template's log
/// groups whose `KmsKeyId` is that key (`!GetAtt Key.Arn`, or `!Ref Key`, which CloudFormation
/// resolves to the key ID); for every policy, the Regions the other resources' ARNs name. One pass
/// over the resources, then lookups: a 5 MB template holds tens of thousands of policies.
pub fn link_stack(doc: &Node, policies: &mut [super::Policy]) {
    use std::collections::BTreeMap;
    let resources = doc.get("Resources").map(Node::members).unwrap_or_default();
    let mut groups: BTreeMap<&str, Vec<crate::lint::StackLogGroup>> = BTreeMap::new();
    let mut regions = super::named_regions::NamedRegions::default();
    // Each template bucket's written-out name (None: CloudFormation names it).
    let mut buckets: BTreeMap<&str, Option<&str>> = BTreeMap::new();
    // Each bucket policy's `Bucket` property, by the policy's logical id.
    let mut attached: BTreeMap<&str, &Node> = BTreeMap::new();
    for (logical_id, resource) in resources {
        let properties = resource.get("Properties");
        if resource.get("Type").and_then(Node::as_str) == Some("AWS::S3::Bucket") {
            buckets.insert(logical_id, properties.and_then(|p| p.get("BucketName")).and_then(Node::as_str));
        }
        if let Some(bucket) = properties.and_then(|p| p.get("Bucket")) {
            attached.insert(logical_id, bucket);
        }
        if resource.get("Type").and_then(Node::as_str) == Some("AWS::Logs::LogGroup") {
            if let Some(NodeKind::Placeholder(key)) = properties.and_then(|p| p.get("KmsKeyId")).map(|k| &k.kind) {
                groups.entry(key.as_str()).or_default().push(crate::lint::StackLogGroup {
                    logical_id: logical_id.clone(),
                    name: properties.and_then(|p| p.get("LogGroupName")).and_then(Node::as_str).map(str::to_owned),
                });
            }
        }
        arn_regions(resource, &mut regions, logical_id, 0);
    }
    let by_name: BTreeMap<&str, &str> = buckets.iter().filter_map(|(id, name)| Some(((*name)?, *id))).collect();
    for policy in policies.iter_mut() {
        let own = policy.name.split('/').next().unwrap_or_default();
        if policy.resource_type == "AWS::KMS::Key" {
            for key in [format!("${{{own}.Arn}}"), format!("${{{own}}}")] {
                policy.stack.log_groups.extend(groups.get(key.as_str()).into_iter().flatten().cloned());
            }
        }
        if policy.resource_type == "AWS::S3::BucketPolicy" {
            policy.stack.bucket = attached.get(own).and_then(|bucket| attached_bucket(bucket, &buckets, &by_name));
        }
        policy.stack.regions = regions.other_than(own);
    }
}

/// The bucket a bucket policy's `Bucket` property names: `!Ref Bucket` (a template bucket, with
/// its name when written out) or a name (with its logical id when a template bucket has it).
fn attached_bucket(
    node: &Node,
    buckets: &std::collections::BTreeMap<&str, Option<&str>>,
    by_name: &std::collections::BTreeMap<&str, &str>,
) -> Option<crate::lint::StackBucket> {
    use crate::lint::StackBucket;
    match &node.kind {
        NodeKind::Placeholder(text) => {
            let logical_id = text.strip_prefix("${")?.strip_suffix('}')?;
            let name = buckets.get(logical_id)?;
            Some(StackBucket { logical_id: Some(logical_id.to_owned()), name: name.map(str::to_owned) })
        }
        NodeKind::Str { value, .. } => Some(StackBucket {
            logical_id: by_name.get(value.as_str()).map(|id| (*id).to_owned()),
            name: Some(value.clone()),
        }),
        _ => None,
    }
}

/// The literal Regions of the ARNs in `node`'s strings (`!Sub` texts included), named by the
/// resource `by`. Depth-limited like every walk here.
fn arn_regions(node: &Node, out: &mut super::named_regions::NamedRegions, by: &str, depth: usize) {
    if depth > 64 {
        return;
    }
    match &node.kind {
        NodeKind::Str { value: text, .. } | NodeKind::Placeholder(text) => out.add_from_text(text, by),
        NodeKind::Array(items) => items.iter().for_each(|n| arn_regions(n, out, by, depth + 1)),
        NodeKind::Object(members) => members.iter().for_each(|(_, n)| arn_regions(n, out, by, depth + 1)),
        _ => {}
    }
}

