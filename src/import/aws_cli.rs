//! The JSON that `aws …` commands print around a policy (default `--output json`).

use super::tree::Node;
use super::Candidate;
use crate::policy::PolicyKind;

fn candidate(name: &str, command: &str, kind: PolicyKind, value: &Node) -> Candidate {
    Candidate {
        name: name.to_owned(),
        source: command.to_owned(),
        resource_type: command.to_owned(),
        kind,
        value: value.clone(),
    }
}

fn text<'a>(node: &'a Node, key: &str) -> Option<&'a str> {
    node.get(key).and_then(Node::as_str)
}

/// The policies of a recognised CLI answer; `None` when `doc` is none of them.
pub fn policies(doc: &Node) -> Option<Vec<Candidate>> {
    if let Some(policy) = doc.get("Policy").filter(|p| p.as_str().is_some()) {
        // get-key-policy names the policy; get-bucket-policy prints the policy alone.
        return Some(vec![match text(doc, "PolicyName") {
            Some(name) => candidate(name, "aws kms get-key-policy", PolicyKind::Key, policy),
            None => candidate("bucket policy", "aws s3api get-bucket-policy", PolicyKind::Bucket, policy),
        }]);
    }
    if let Some(list) = doc.get("resourcePolicies") {
        let found = list
            .items()
            .iter()
            .filter_map(|p| {
                let name = text(p, "policyName").unwrap_or("resource policy");
                Some(candidate(name, "aws logs describe-resource-policies", PolicyKind::LogResource, p.get("policyDocument")?))
            })
            .collect();
        return Some(found);
    }
    if let Some(p) = doc.get("resourcePolicy") {
        let name = text(p, "policyName").unwrap_or("resource policy");
        let document = p.get("policyDocument")?;
        return Some(vec![candidate(name, "aws logs put-resource-policy", PolicyKind::LogResource, document)]);
    }
    if let Some(p) = doc.get("deliveryDestinationPolicy") {
        let name = text(p, "deliveryDestinationName").unwrap_or("delivery destination policy");
        let document = p.get("deliveryDestinationPolicy")?;
        let command = "aws logs get-delivery-destination-policy";
        return Some(vec![candidate(name, command, PolicyKind::LogResource, document)]);
    }
    if let Some(document) = doc.get("PolicyDocument") {
        let name = text(doc, "PolicyName").unwrap_or("inline policy");
        return Some(vec![candidate(name, "aws iam get-role-policy", PolicyKind::Identity, document)]);
    }
    if let Some(document) = doc.get("PolicyVersion").and_then(|v| v.get("Document")) {
        let version = doc.get("PolicyVersion").and_then(|v| text(v, "VersionId")).unwrap_or("version");
        return Some(vec![candidate(version, "aws iam get-policy-version", PolicyKind::Identity, document)]);
    }
    if let Some(role) = doc.get("Role") {
        let document = role.get("AssumeRolePolicyDocument")?;
        let name = text(role, "RoleName").unwrap_or("role");
        return Some(vec![candidate(name, "aws iam get-role", PolicyKind::Trust, document)]);
    }
    None
}
