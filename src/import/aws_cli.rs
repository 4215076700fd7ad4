//! The JSON that `aws …` commands print around a policy (default `--output json`), and for each
//! answer how to print the bare policy and which command sets it again. This table is the one
//! place that knows them: the importer, the merge's refusal of a pasted CLI answer and the compare
//! box's "which command takes it" all read it.

use super::tree::Node;
use super::Candidate;
use crate::policy::PolicyKind;

/// One `aws …` answer that holds a policy.
#[derive(Debug, PartialEq, Eq)]
pub struct Command {
    /// The command whose JSON answer this is: `aws kms get-key-policy`.
    pub get: &'static str,
    pub kind: PolicyKind,
    /// How to have the same command print the bare policy.
    pub bare: &'static str,
    /// The command that sets the policy; it takes the bare document, not this answer.
    pub put: &'static str,
}

const DESCRIBE_QUERY: &str =
    "aws logs describe-resource-policies --query 'resourcePolicies[?policyName==`NAME`].policyDocument' --output text";

const GET_KEY_POLICY: Command = Command {
    get: "aws kms get-key-policy",
    kind: PolicyKind::Key,
    bare: "add --query Policy --output text to the same command",
    put: "aws kms put-key-policy",
};
const GET_BUCKET_POLICY: Command = Command {
    get: "aws s3api get-bucket-policy",
    kind: PolicyKind::Bucket,
    bare: "add --query Policy --output text to the same command",
    put: "aws s3api put-bucket-policy",
};
const DESCRIBE_RESOURCE_POLICIES: Command = Command {
    get: "aws logs describe-resource-policies",
    kind: PolicyKind::LogResource,
    bare: DESCRIBE_QUERY,
    put: "aws logs put-resource-policy",
};
const PUT_RESOURCE_POLICY: Command = Command {
    get: "aws logs put-resource-policy",
    kind: PolicyKind::LogResource,
    bare: DESCRIBE_QUERY,
    put: "aws logs put-resource-policy",
};
const GET_DELIVERY_DESTINATION_POLICY: Command = Command {
    get: "aws logs get-delivery-destination-policy",
    kind: PolicyKind::LogResource,
    bare: "add --query deliveryDestinationPolicy.deliveryDestinationPolicy --output text to the same command (unverified: the fact sheet does not give this answer's field names)",
    put: "aws logs put-delivery-destination-policy",
};
const GET_ROLE_POLICY: Command = Command {
    get: "aws iam get-role-policy",
    kind: PolicyKind::Identity,
    bare: "add --query PolicyDocument to the same command",
    put: "aws iam put-role-policy",
};
const GET_POLICY_VERSION: Command = Command {
    get: "aws iam get-policy-version",
    kind: PolicyKind::Identity,
    bare: "add --query PolicyVersion.Document to the same command",
    put: "aws iam create-policy-version",
};
const GET_ROLE: Command = Command {
    get: "aws iam get-role",
    kind: PolicyKind::Trust,
    bare: "add --query Role.AssumeRolePolicyDocument to the same command",
    put: "aws iam update-assume-role-policy",
};

/// Every answer [`policies`] recognises.
pub const COMMANDS: [&Command; 8] = [
    &GET_KEY_POLICY,
    &GET_BUCKET_POLICY,
    &DESCRIBE_RESOURCE_POLICIES,
    &PUT_RESOURCE_POLICY,
    &GET_DELIVERY_DESTINATION_POLICY,
    &GET_ROLE_POLICY,
    &GET_POLICY_VERSION,
    &GET_ROLE,
];

/// The command a found policy's `source` names (`Policy::source` of a CLI answer is its `get`).
pub fn command(source: &str) -> Option<&'static Command> {
    COMMANDS.into_iter().find(|c| c.get == source)
}

fn candidate(name: &str, command: &Command, value: &Node) -> Candidate {
    Candidate {
        name: name.to_owned(),
        source: command.get.to_owned(),
        resource_type: command.get.to_owned(),
        kind: command.kind,
        value: value.clone(),
    }
}

fn text<'a>(node: &'a Node, key: &str) -> Option<&'a str> {
    node.get(key).and_then(Node::as_str)
}

/// The policies of a recognised CLI answer; `None` when `doc` is none of them.
pub(crate) fn policies(doc: &Node) -> Option<Vec<Candidate>> {
    if let Some(policy) = doc.get("Policy").filter(|p| p.as_str().is_some()) {
        // get-key-policy names the policy; get-bucket-policy prints the policy alone.
        return Some(vec![match text(doc, "PolicyName") {
            Some(name) => candidate(name, &GET_KEY_POLICY, policy),
            None => candidate("bucket policy", &GET_BUCKET_POLICY, policy),
        }]);
    }
    if let Some(list) = doc.get("resourcePolicies") {
        let found = list
            .items()
            .iter()
            .filter_map(|p| {
                let name = text(p, "policyName").unwrap_or("resource policy");
                Some(candidate(name, &DESCRIBE_RESOURCE_POLICIES, p.get("policyDocument")?))
            })
            .collect();
        return Some(found);
    }
    if let Some(p) = doc.get("resourcePolicy") {
        let name = text(p, "policyName").unwrap_or("resource policy");
        let document = p.get("policyDocument")?;
        return Some(vec![candidate(name, &PUT_RESOURCE_POLICY, document)]);
    }
    if let Some(p) = doc.get("deliveryDestinationPolicy") {
        let name = text(p, "deliveryDestinationName").unwrap_or("delivery destination policy");
        let document = p.get("deliveryDestinationPolicy")?;
        return Some(vec![candidate(name, &GET_DELIVERY_DESTINATION_POLICY, document)]);
    }
    if let Some(document) = doc.get("PolicyDocument") {
        let name = text(doc, "PolicyName").unwrap_or("inline policy");
        return Some(vec![candidate(name, &GET_ROLE_POLICY, document)]);
    }
    if let Some(document) = doc.get("PolicyVersion").and_then(|v| v.get("Document")) {
        let version = doc.get("PolicyVersion").and_then(|v| text(v, "VersionId")).unwrap_or("version");
        return Some(vec![candidate(version, &GET_POLICY_VERSION, document)]);
    }
    if let Some(role) = doc.get("Role") {
        let document = role.get("AssumeRolePolicyDocument")?;
        let name = text(role, "RoleName").unwrap_or("role");
        return Some(vec![candidate(name, &GET_ROLE, document)]);
    }
    None
}
