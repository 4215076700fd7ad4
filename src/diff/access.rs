//! New access: who gains or loses which actions on which resources, in plain words. The offline,
//! explained counterpart of IAM Access Analyzer's CheckNoNewAccess, derived from [`diff`].

use super::items::{self, Item};
use super::sentence::{Parts, Reason};
use super::words::{actions_of, conditions_of, principals_of, resources_of, sorted};
use super::{diff, Change, ChangeKind, Field, Impact};
use crate::catalog::Partition;
use crate::normalize::infer_partition;
use crate::policy::{Effect, Policy, PolicyKind, Statement, ValueList};
use serde::{Deserialize, Serialize, Serializer};

/// Access one policy gives (or takes away) that the other does not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct AccessChange {
    /// More allowed or less denied; `false` for less allowed or more denied.
    pub gained: bool,
    /// The effect of the statement the change comes from.
    #[serde(serialize_with = "effect_name", deserialize_with = "effect_from_name")]
    pub effect: Effect,
    /// Empty for identity policies: the identities the policy is attached to.
    pub principals: Vec<String>,
    pub actions: Vec<String>,
    pub resources: Vec<String>,
    /// The conditions that apply, each as words ("kms:ViaService equals …").
    pub conditions: Vec<String>,
    /// The whole change as one sentence.
    pub sentence: String,
}

fn effect_from_name<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Effect, D::Error> {
    let name = std::borrow::Cow::<str>::deserialize(d)?;
    Effect::parse(&name).ok_or_else(|| serde::de::Error::custom(format!("unknown effect {name}")))
}

fn effect_name<S: Serializer>(effect: &Effect, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(effect.as_str())
}

/// Access changes from `before` to `after`, in the new policy's statement order.
pub fn new_access(before: &Policy, after: &Policy) -> Vec<AccessChange> {
    collect(None, before, after)
}

/// [`new_access`] worded for a kind of policy (in a key policy `"*"` is "this key").
pub fn new_access_for(kind: PolicyKind, before: &Policy, after: &Policy) -> Vec<AccessChange> {
    collect(Some(kind), before, after)
}

struct Ctx {
    kind: Option<PolicyKind>,
    partition: Partition,
    out: Vec<AccessChange>,
}

fn collect(kind: Option<PolicyKind>, before: &Policy, after: &Policy) -> Vec<AccessChange> {
    let d = diff(before, after);
    let partition = infer_partition(before.statements.iter().chain(&after.statements));
    let mut ctx = Ctx {
        kind,
        partition,
        out: Vec::new(),
    };
    for (j, statement) in after.statements.iter().enumerate() {
        if d.added.contains(&j) {
            ctx.whole(statement, true);
        } else if let Some(pair) = d.pairs.iter().find(|p| p.new == j) {
            let old = before.statements.get(pair.old);
            let changes: Vec<&Change> = d
                .changes
                .iter()
                .filter(|c| c.old.statement == Some(pair.old) && c.new.statement == Some(j))
                .collect();
            if let Some(old) = old {
                ctx.pair(old, statement, &changes);
            }
        }
    }
    for statement in d.removed.iter().filter_map(|&i| before.statements.get(i)) {
        ctx.whole(statement, false);
    }
    ctx.out
}

impl Ctx {
    /// A statement that appeared (`added`) or disappeared, with everything it says.
    fn whole(&mut self, s: &Statement, added: bool) {
        let Some(effect) = s.effect() else { return };
        let gained = added == (effect == Effect::Allow);
        self.push(effect, gained, Reason::Scope, Parts::of(s));
    }

    fn pair(&mut self, old: &Statement, new: &Statement, changes: &[&Change]) {
        if changes.iter().any(|c| c.field == Field::Effect) {
            // The statement now works the other way: what it said before is gone, what it says now is new.
            self.whole(old, false);
            self.whole(new, true);
            return;
        }
        let Some(effect) = new.effect() else { return };
        for impact in [Impact::Broadening, Impact::Narrowing] {
            let gained = impact == Impact::Broadening;
            // Described from the side that holds the access that moved: an Allow or a Deny that
            // grew as it is now, one that shrank as it was.
            let (side, other) = if gained == (effect == Effect::Allow) {
                (new, old)
            } else {
                (old, new)
            };
            let moved = |fields: [Field; 2], switched: bool, all: fn(&Statement) -> Vec<String>| {
                // A `Not` element appearing or going moves everything it does not list.
                if switched {
                    return all(side);
                }
                let values = changes
                    .iter()
                    .filter(|c| c.impact == impact && fields.contains(&c.field))
                    .filter_map(|c| {
                        if c.kind == ChangeKind::Added {
                            c.new.value.clone()
                        } else {
                            c.old.value.clone()
                        }
                    });
                sorted(values.collect())
            };
            let base = Parts::of(side);
            let switched = |f: fn(&Statement) -> bool| f(old) != f(new);
            let principals = moved(
                [Field::Principal, Field::NotPrincipal],
                switched(|s| s.not_principal.is_some()),
                principals_of,
            );
            if !principals.is_empty() {
                self.push(
                    effect,
                    gained,
                    Reason::Scope,
                    Parts {
                        principals,
                        ..base.clone()
                    },
                );
            }
            let actions = moved(
                [Field::Action, Field::NotAction],
                switched(|s| s.not_action.is_some()),
                actions_of,
            );
            let resources = moved(
                [Field::Resource, Field::NotResource],
                switched(|s| s.not_resource.is_some()),
                resources_of,
            );
            let conditions_moved = changes
                .iter()
                .any(|c| c.impact == impact && c.field == Field::Condition);
            // Who kept their place while the rest moved; when nobody did, the principal change says it all.
            let Some(principals) = kept_principals(side, other, self.partition) else {
                continue;
            };
            if !actions.is_empty() {
                self.push(
                    effect,
                    gained,
                    Reason::Scope,
                    Parts {
                        principals: principals.clone(),
                        actions,
                        ..base.clone()
                    },
                );
            }
            let Some(actions) = kept(&side.action, &other.action, items::actions, || actions_of(side)) else {
                continue;
            };
            if !resources.is_empty() {
                let parts = Parts {
                    principals: principals.clone(),
                    actions: actions.clone(),
                    resources,
                    ..base.clone()
                };
                self.push(effect, gained, Reason::Scope, parts);
            }
            let Some(resources) = kept(&side.resource, &other.resource, items::resources, || resources_of(side)) else {
                continue;
            };
            if conditions_moved {
                // "Now …": looser or stricter, what applies is the new statement's conditions.
                let parts = Parts {
                    principals,
                    actions,
                    resources,
                    conditions: conditions_of(new),
                };
                self.push(effect, gained, Reason::Condition, parts);
            }
        }
    }

    fn push(&mut self, effect: Effect, gained: bool, reason: Reason, parts: Parts) {
        let sentence = parts.sentence(effect, gained, reason, self.kind);
        let Parts {
            principals,
            actions,
            resources,
            conditions,
        } = parts;
        self.out.push(AccessChange {
            gained,
            effect,
            principals,
            actions,
            resources,
            conditions,
            sentence,
        });
    }
}

/// The values of `side` also on `other`: who or what kept its access while something else
/// changed. `None` when the side lists values yet none were kept (the change is told elsewhere).
fn kept<'a>(
    side: &'a Option<ValueList>,
    other: &'a Option<ValueList>,
    items: fn(&'a ValueList) -> Vec<Item<'a>>,
    otherwise: impl Fn() -> Vec<String>,
) -> Option<Vec<String>> {
    let Some(list) = side else { return Some(otherwise()) };
    let theirs: Vec<String> = other
        .as_ref()
        .map(|l| items(l).into_iter().map(|i| i.key).collect())
        .unwrap_or_default();
    let kept: Vec<String> = items(list)
        .into_iter()
        .filter(|i| theirs.contains(&i.key))
        .map(|i| i.text.value.clone())
        .collect();
    (!kept.is_empty()).then(|| sorted(kept))
}

fn kept_principals(side: &Statement, other: &Statement, partition: Partition) -> Option<Vec<String>> {
    let Some(p) = &side.principal else {
        return Some(principals_of(side));
    };
    let theirs: Vec<String> = other
        .principal
        .as_ref()
        .map(|o| items::principals(o, partition).into_iter().map(|i| i.key).collect())
        .unwrap_or_default();
    let kept: Vec<String> = items::principals(p, partition)
        .into_iter()
        .filter(|i| theirs.contains(&i.key))
        .map(|i| i.text.value.clone())
        .collect();
    (!kept.is_empty()).then(|| sorted(kept))
}

#[cfg(test)]
mod tests;
