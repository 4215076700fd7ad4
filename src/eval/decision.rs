//! Combining statement verdicts into AWS's decision: an explicit deny anywhere wins, then an allow along a
//! path AWS accepts, else the implicit deny.

use serde::Serialize;

use crate::policy::{Arn, Effect, Policy, PolicyKind};

use super::principal::Via;
use super::request::{Caller, Context, Request};
use super::statement::{self, Outcome, Scope, StatementRef, Which};

/// What AWS would do with the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum DecisionEffect {
    Allow,
    /// A Deny statement applies; nothing can override it.
    ExplicitDeny,
    /// Nothing allows the request (or not along a path AWS accepts).
    ImplicitDeny,
}

impl DecisionEffect {
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionEffect::Allow => "allow",
            DecisionEffect::ExplicitDeny => "explicit deny",
            DecisionEffect::ImplicitDeny => "implicit deny",
        }
    }
}

/// The verdict with what decided it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Decision {
    pub effect: DecisionEffect,
    /// For an explicit deny, every Deny statement that applies; for an allow, the Allow statements on every
    /// path that grants access (for a KMS key policy's delegation, the account statement and the identity
    /// statements together); empty for an implicit deny.
    pub deciding: Vec<StatementRef>,
    /// Condition keys (and policy-variable keys) absent from the request on which some statement's verdict
    /// depended: statements whose principal, action and resource matched and whose conditions were not
    /// already settled by keys the request does carry. Keys AWS never sends for this caller are left out.
    /// The engine treated them as absent; a real request might carry them.
    pub unknown_keys: Vec<String>,
    /// Statements that could not be evaluated because an element has the wrong type (a Condition that
    /// is not an object, an Action item that is not a string …). They count as neither allow nor deny,
    /// and while one of them is a Deny the decision is never an allow. AWS rejects such a policy.
    pub unevaluable: Vec<Unevaluable>,
    /// Plain-language explanation: first the verdict, then one line per statement evaluated.
    pub reasons: Vec<String>,
    /// For an implicit deny of an IAM caller in the resource's own account that only lacks an identity
    /// policy: the resource-policy statements that allow the caller's account (a key policy's
    /// `Enable IAM User Permissions`), so the caller is allowed when its own IAM policy grants the call,
    /// which the evaluation did not see. Empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delegated: Vec<StatementRef>,
}

/// A statement the evaluation refused, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Unevaluable {
    pub statement: StatementRef,
    pub why: String,
}

/// Key policies and role trust policies must themselves allow a principal: an identity policy alone cannot
/// grant access to them.
fn must_allow(kind: PolicyKind) -> bool {
    matches!(kind, PolicyKind::Key | PolicyKind::Trust)
}

pub(crate) fn decide(
    resource_policy: Option<(&Policy, PolicyKind)>,
    identity_policies: &[&Policy],
    request: &Request,
) -> Decision {
    let ctx = Context::new(request);
    let mut outcomes: Vec<Outcome> = Vec::new();
    let mut notes: Vec<String> = Vec::new();

    if let Some((policy, kind)) = resource_policy {
        let scope = Scope {
            which: Which::Resource,
            label: kind.label().to_string(),
            check_principal: kind.requires_principal(),
            key_policy: kind == PolicyKind::Key,
            resource_optional: kind == PolicyKind::Trust,
            variables: supports_variables(policy),
        };
        outcomes.extend(
            policy
                .statements
                .iter()
                .enumerate()
                .map(|(i, s)| statement::evaluate(s, i, &scope, &ctx)),
        );
    }
    let is_iam_caller = matches!(request.principal, Caller::Aws { .. });
    if is_iam_caller {
        for (n, policy) in identity_policies.iter().enumerate() {
            let scope = Scope {
                which: Which::Identity(n),
                label: format!("identity policy {}", n + 1),
                check_principal: false,
                key_policy: false,
                resource_optional: false,
                variables: supports_variables(policy),
            };
            outcomes.extend(
                policy
                    .statements
                    .iter()
                    .enumerate()
                    .map(|(i, s)| statement::evaluate(s, i, &scope, &ctx)),
            );
        }
    } else if !identity_policies.is_empty() {
        notes.push(format!(
            "identity policies are not considered: {} is not an IAM principal, so only the resource policy applies",
            request.principal.describe()
        ));
    }

    let unknown_keys = unknown_keys(&outcomes);
    let mut delegated: Vec<&Outcome> = Vec::new();
    let (mut effect, mut deciding, mut summary) =
        combine(resource_policy.map(|(_, k)| k), &outcomes, request, &mut delegated);
    let refused: Vec<&Outcome> = outcomes.iter().filter(|o| o.unevaluable.is_some()).collect();
    let refused_denies: Vec<&Outcome> = refused
        .iter()
        .copied()
        .filter(|o| o.effect == Some(Effect::Deny))
        .collect();
    if !refused_denies.is_empty() {
        // A Deny that could not be judged might apply: an IAM policy could not be sure to help.
        delegated.clear();
    }
    if effect == DecisionEffect::Allow && !refused_denies.is_empty() {
        summary = format!(
            "implicit deny: the allow cannot be confirmed, because {} could not be evaluated and might deny",
            names(&refused_denies)
        );
        (effect, deciding) = (DecisionEffect::ImplicitDeny, Vec::new());
    }
    let mut reasons = vec![summary];
    if !refused.is_empty() {
        reasons.push(format!(
            "{} could not be evaluated (an element has the wrong type), so {} neither {} nor {} here; AWS \
             rejects a policy with such a statement",
            names(&refused),
            if refused.len() == 1 { "it" } else { "they" },
            if refused.len() == 1 { "allows" } else { "allow" },
            if refused.len() == 1 { "denies" } else { "deny" },
        ));
    }
    if !unknown_keys.is_empty() {
        reasons.push(format!(
            "the request does not carry {}; the evaluation treated {} as absent, and a real request might carry {}",
            unknown_keys.join(", "),
            if unknown_keys.len() == 1 { "it" } else { "them" },
            if unknown_keys.len() == 1 { "it" } else { "them" },
        ));
    }
    reasons.extend(notes);
    reasons.extend(outcomes.iter().map(|o| o.reason.clone()));
    Decision {
        effect,
        deciding: deciding.iter().map(|o| o.at.clone()).collect(),
        unknown_keys,
        unevaluable: refused
            .iter()
            .map(|o| Unevaluable {
                statement: o.at.clone(),
                why: o.unevaluable.clone().unwrap_or_default(),
            })
            .collect(),
        reasons,
        delegated: delegated.iter().map(|o| o.at.clone()).collect(),
    }
}

fn supports_variables(policy: &Policy) -> bool {
    policy.version.as_ref().is_some_and(|v| v.value == "2012-10-17")
}

fn unknown_keys(outcomes: &[Outcome]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for key in outcomes.iter().flat_map(|o| &o.absent_keys) {
        if !keys.iter().any(|k| k.eq_ignore_ascii_case(key)) {
            keys.push(key.clone());
        }
    }
    keys
}

fn combine<'o>(
    kind: Option<PolicyKind>,
    outcomes: &'o [Outcome],
    request: &Request,
    delegated: &mut Vec<&'o Outcome>,
) -> (DecisionEffect, Vec<&'o Outcome>, String) {
    let applying = |effect: Effect| outcomes.iter().filter(move |o| o.applies && o.effect == Some(effect));
    let denies: Vec<&Outcome> = applying(Effect::Deny).collect();
    if !denies.is_empty() {
        let summary = format!(
            "explicit deny: {} {}; an explicit Deny overrides every Allow",
            names(&denies),
            verb(&denies, "denies", "deny")
        );
        return (DecisionEffect::ExplicitDeny, denies, summary);
    }
    let in_resource = |o: &&Outcome| o.at.policy == Which::Resource;
    let direct: Vec<&Outcome> = applying(Effect::Allow)
        .filter(in_resource)
        .filter(|o| o.via != Some(Via::Account))
        .collect();
    let through_account: Vec<&Outcome> = applying(Effect::Allow)
        .filter(in_resource)
        .filter(|o| o.via == Some(Via::Account))
        .collect();
    let identity: Vec<&Outcome> = applying(Effect::Allow).filter(|o| !in_resource(o)).collect();
    let caller = request.principal.describe();
    let deny = |why: String| {
        (
            DecisionEffect::ImplicitDeny,
            Vec::new(),
            format!("implicit deny: {why}"),
        )
    };
    let nothing = || {
        deny(format!(
            "no statement allows {caller} to call {} on {}",
            request.action, request.resource
        ))
    };

    let Caller::Aws { account, .. } = &request.principal else {
        return if direct.is_empty() {
            nothing()
        } else {
            let summary = format!(
                "allow: {} {} {caller}",
                names(&direct),
                verb(&direct, "allows", "allow")
            );
            (DecisionEffect::Allow, direct, summary)
        };
    };

    let resource_account = Arn::parse(&request.resource)
        .ok()
        .filter(|a| a.has_valid_account())
        .map(|a| a.account.to_string());
    if let Some(owner) = resource_account.filter(|owner| owner != account) {
        let resource_allows: Vec<&Outcome> = direct.iter().chain(&through_account).copied().collect();
        return match (kind, resource_allows.is_empty(), identity.is_empty()) {
            (None, _, _) => deny(format!(
                "the resource is in account {owner} and the caller in {account}: access from another account needs \
                 the resource's own policy to allow it, and none was given"
            )),
            (Some(_), false, false) => {
                let both: Vec<&Outcome> = resource_allows.into_iter().chain(identity).collect();
                let summary = format!(
                    "allow: across accounts both the resource policy and the caller's identity policies must allow, \
                     and {} do",
                    names(&both)
                );
                (DecisionEffect::Allow, both, summary)
            }
            (Some(_), true, true) => nothing(),
            (Some(k), true, false) => deny(format!(
                "{} {} {caller}, but the resource is in account {owner}: the {} must also allow the caller or \
                 its account, and no statement does",
                names(&identity),
                verb(&identity, "allows", "allow"),
                k.label()
            )),
            (Some(k), false, true) => deny(format!(
                "the {} allows, but the caller is in account {account} and the resource in {owner}: an identity \
                 policy of the caller must allow too, and none does",
                k.label()
            )),
        };
    }

    let needs_resource_grant = kind.is_some_and(must_allow);
    let identity_path_open = !identity.is_empty() && (!needs_resource_grant || !through_account.is_empty());
    let mut deciding: Vec<&Outcome> = direct.clone();
    if identity_path_open {
        if needs_resource_grant {
            deciding.extend(&through_account);
        }
        deciding.extend(&identity);
    }
    if !deciding.is_empty() {
        let mut parts = Vec::new();
        if !direct.is_empty() {
            parts.push(format!(
                "{} {} {caller} directly",
                names(&direct),
                verb(&direct, "allows", "allow")
            ));
        }
        if identity_path_open && needs_resource_grant {
            parts.push(format!(
                "{} {} the account, which lets its IAM policies grant access, and {} {}",
                names(&through_account),
                verb(&through_account, "allows", "allow"),
                names(&identity),
                verb(&identity, "allows", "allow")
            ));
        } else if identity_path_open {
            parts.push(format!(
                "{} {} {caller}",
                names(&identity),
                verb(&identity, "allows", "allow")
            ));
        }
        return (
            DecisionEffect::Allow,
            deciding,
            format!("allow: {}", parts.join("; and ")),
        );
    }
    let label = kind.map_or("resource policy", PolicyKind::label);
    match (identity.is_empty(), through_account.is_empty()) {
        (false, _) => deny(format!(
            "{} {}, but a {label} must itself allow the caller, directly or through its account, and no statement does",
            names(&identity),
            verb(&identity, "allows", "allow")
        )),
        (true, false) => {
            delegated.extend(&through_account);
            deny(format!(
            "{} {} only the account, which lets IAM policies grant access, and no identity policy allows",
            names(&through_account),
            verb(&through_account, "allows", "allow")
            ))
        }
        (true, true) => nothing(),
    }
}

fn names(outcomes: &[&Outcome]) -> String {
    outcomes.iter().map(|o| o.name.as_str()).collect::<Vec<_>>().join(", ")
}

fn verb(outcomes: &[&Outcome], one: &'static str, many: &'static str) -> &'static str {
    if outcomes.len() == 1 {
        one
    } else {
        many
    }
}
