//! Policy evaluation: would AWS allow this request, given one resource-based policy and the caller's identity
//! policies? Explicit deny wins, then allow, else implicit deny; the decision names the statements that
//! decided it and the condition keys it had to assume absent.
//!
//! Modelled on https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html.
//! Not modelled: SCPs, RCPs, permissions boundaries, session policies, KMS grants, S3 ACLs, and the account
//! root user's implicit access.

mod condition;
mod decision;
mod matching;
mod principal;
mod request;
mod statement;
mod variables;

pub use decision::{Decision, DecisionEffect, Unevaluable};
pub use statement::{StatementRef, Which};
pub use request::{Caller, Request};

use crate::policy::{Policy, PolicyKind};

/// Evaluates `request` against the resource's policy (if it has one) and the caller's identity policies.
///
/// Within one account an allow in either kind of policy is enough, except that a KMS key policy or a role
/// trust policy must itself allow the caller — naming it directly, or naming its account, which delegates
/// to the identity policies. Across accounts (the resource ARN names another account) both must allow.
/// Service principals and anonymous callers are judged by the resource policy alone.
pub fn evaluate(
    resource_policy: Option<(&Policy, PolicyKind)>,
    identity_policies: &[&Policy],
    request: &Request,
) -> Decision {
    decision::decide(resource_policy, identity_policies, request)
}
