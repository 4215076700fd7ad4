//! One statement against the request: does it apply, and why or why not.

use crate::policy::{Effect, Statement, ValueList};
use serde::Serialize;

use super::condition;
use super::matching::{action_matches, resource_matches, to_text};
use super::principal::{not_principal_exempts, principal_matches, Via};
use super::request::Context;
use super::variables::expand;

/// Which of the evaluated policies a statement is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Which {
    /// The resource-based policy.
    Resource,
    /// The identity policy at this position of `identity_policies`.
    Identity(usize),
}

/// One statement of one policy. `index` is 0-based; the reasons count statements from 1, as people do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct StatementRef {
    pub policy: Which,
    pub index: usize,
    pub sid: Option<String>,
}

/// What the policy holding a statement is, which decides how its elements are read.
#[derive(Clone, Debug)]
pub(crate) struct Scope {
    pub which: Which,
    /// How reasons name the policy: "key policy", "identity policy 2".
    pub label: String,
    /// Resource-based policies name their principals; identity policies apply to whoever holds them.
    pub check_principal: bool,
    /// In a KMS key policy `"Resource": "*"` means the key itself.
    pub key_policy: bool,
    /// A trust policy's statements have no Resource: they are about the role they are attached to.
    pub resource_optional: bool,
    /// Policy variables exist only in `2012-10-17` policies.
    pub variables: bool,
}

/// A statement's verdict.
#[derive(Clone, Debug)]
pub(crate) struct Outcome {
    pub at: StatementRef,
    /// How reasons name it: `KMS key policy statement 2 (Sid "Allow logs")`.
    pub name: String,
    pub effect: Option<Effect>,
    pub applies: bool,
    /// How the principal matched (resource policies only).
    pub via: Option<Via>,
    /// Absent condition keys (and unresolvable variables) the verdict depended on.
    pub absent_keys: Vec<String>,
    /// Why the statement could not be evaluated at all (an element of the wrong type).
    pub unevaluable: Option<String>,
    pub reason: String,
}

pub(crate) fn evaluate(statement: &Statement, index: usize, scope: &Scope, ctx: &Context) -> Outcome {
    let at = StatementRef {
        policy: scope.which,
        index,
        sid: statement.sid.as_ref().map(|s| s.value.clone()),
    };
    let name = match &at.sid {
        Some(sid) => format!("{} statement {} (Sid \"{sid}\")", scope.label, index + 1),
        None => format!("{} statement {}", scope.label, index + 1),
    };
    let effect = statement.effect();
    let mut outcome = Outcome {
        at,
        name: name.clone(),
        effect,
        applies: false,
        via: None,
        absent_keys: Vec::new(),
        unevaluable: None,
        reason: String::new(),
    };
    if !statement.malformed.is_empty() {
        // What lowering kept of it can match more than was written (a dropped condition), so it is
        // neither an allow nor a deny here; AWS would refuse the whole document.
        let why = statement.malformed.join("; ");
        outcome.reason =
            format!("{name} could not be evaluated: {why}; AWS rejects a policy with such a statement (MalformedPolicyDocument)");
        outcome.unevaluable = Some(why);
        return outcome;
    }
    let Some(effect) = effect else {
        outcome.reason = format!("{name} is ignored: its Effect is not \"Allow\" or \"Deny\"");
        return outcome;
    };
    let verb = match effect {
        Effect::Allow => "allows",
        Effect::Deny => "denies",
    };
    let mut matched: Vec<String> = Vec::new();
    let fail = |outcome: &mut Outcome, why: String| {
        outcome.reason = format!("{name} does not apply: {why}");
    };

    // Principal.
    if scope.check_principal {
        let caller = &ctx.request.principal;
        match (&statement.principal, &statement.not_principal) {
            (Some(p), _) => match principal_matches(p, caller) {
                Some(m) => {
                    matched.push(match m.via {
                        Via::Direct => format!("principal matches ({})", m.matched),
                        Via::Account => format!("principal matches through the account ({})", m.matched),
                    });
                    outcome.via = Some(m.via);
                }
                None => {
                    fail(&mut outcome, format!("Principal does not name {}", caller.describe()));
                    return outcome;
                }
            },
            (None, Some(np)) => match not_principal_exempts(np, caller) {
                Ok(()) => {
                    fail(&mut outcome, format!("NotPrincipal exempts {}", caller.describe()));
                    return outcome;
                }
                Err(unnamed) => {
                    matched.push(format!("NotPrincipal does not name {unnamed}"));
                    outcome.via = Some(Via::Direct);
                }
            },
            (None, None) => {
                fail(
                    &mut outcome,
                    "it has no Principal, which a resource-based policy statement needs".into(),
                );
                return outcome;
            }
        }
    }

    // Action.
    let action = &ctx.request.action;
    match (&statement.action, &statement.not_action) {
        (Some(list), _) => match list.values().find(|p| action_matches(p, action)) {
            Some(p) => matched.push(format!("action {action} matches {p}")),
            None => {
                fail(&mut outcome, format!("action {action} is not in Action"));
                return outcome;
            }
        },
        (None, Some(list)) => match list.values().find(|p| action_matches(p, action)) {
            Some(p) => {
                fail(&mut outcome, format!("action {action} is excluded by NotAction {p}"));
                return outcome;
            }
            None => matched.push(format!("action {action} is outside NotAction")),
        },
        (None, None) => {
            fail(&mut outcome, "it has neither Action nor NotAction".into());
            return outcome;
        }
    }

    // Resource.
    let resource = &ctx.request.resource;
    let (list, negated) = match (&statement.resource, &statement.not_resource) {
        (Some(list), _) => (Some(list), false),
        (None, Some(list)) => (Some(list), true),
        (None, None) => (None, false),
    };
    match list {
        None if scope.resource_optional => matched.push("the statement covers the role it is attached to".into()),
        None => {
            fail(&mut outcome, "it has neither Resource nor NotResource".into());
            return outcome;
        }
        Some(list) => match resource_hit(list, resource, scope, ctx) {
            Err((key, why, absent)) => {
                if absent {
                    outcome.absent_keys.push(key.clone());
                }
                fail(
                    &mut outcome,
                    format!("policy variable ${{{key}}} in its resource {why}"),
                );
                return outcome;
            }
            Ok(hit) => match (hit, negated) {
                (Some(p), false) => matched.push(if p == "*" && scope.key_policy {
                    "resource * (this key)".to_string()
                } else {
                    format!("resource matches {p}")
                }),
                (Some(p), true) => {
                    fail(&mut outcome, format!("resource is excluded by NotResource {p}"));
                    return outcome;
                }
                (None, false) => {
                    fail(&mut outcome, format!("resource {resource} is not in Resource"));
                    return outcome;
                }
                (None, true) => matched.push("resource is outside NotResource".into()),
            },
        },
    }

    // Condition.
    let conditions = condition::evaluate(&statement.condition, ctx, scope.variables);
    outcome.absent_keys.extend(conditions.absent_keys);
    if !conditions.holds {
        fail(&mut outcome, conditions.failed.join("; "));
        return outcome;
    }
    matched.extend(conditions.passed);
    outcome.applies = true;
    outcome.reason = format!("{name} {verb}: {}", matched.join(", "));
    outcome
}

/// The first Resource value matching the request, or the variable that could not be resolved
/// (key, why, whether the key was simply absent).
fn resource_hit(
    list: &ValueList,
    resource: &str,
    scope: &Scope,
    ctx: &Context,
) -> Result<Option<String>, (String, &'static str, bool)> {
    let mut hit = None;
    for value in list.values() {
        let pattern = expand(value, true, scope.variables.then_some(ctx)).map_err(|u| {
            (
                u.key.clone(),
                u.why,
                u.why == "is not in the request" && !ctx.known_absent(&u.key),
            )
        })?;
        if hit.is_none() && resource_matches(&pattern, resource) {
            hit = Some(to_text(&pattern));
        }
    }
    Ok(hit)
}
