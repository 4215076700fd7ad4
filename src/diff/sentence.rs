//! One access change as a sentence: "logs.eu-west-1.amazonaws.com gains kms:Decrypt on this key, …".

use super::words::{self, actions_of, and_list, conditions_of, principals_of, resources_of};
use crate::policy::{Effect, PolicyKind, Statement};

/// Why access moved, which decides how the sentence is worded.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Reason {
    /// Principals, actions or resources were added or removed.
    Scope,
    /// Only the conditions moved.
    Condition,
}

/// Who, what, on which resources and when: the parts of an [`super::AccessChange`].
#[derive(Clone)]
pub(crate) struct Parts {
    pub principals: Vec<String>,
    pub actions: Vec<String>,
    pub resources: Vec<String>,
    pub conditions: Vec<String>,
}

impl Parts {
    /// Everything a statement says.
    pub fn of(s: &Statement) -> Parts {
        Parts {
            principals: principals_of(s),
            actions: actions_of(s),
            resources: resources_of(s),
            conditions: conditions_of(s),
        }
    }

    pub fn sentence(&self, effect: Effect, gained: bool, reason: Reason, kind: Option<PolicyKind>) -> String {
        let (who, one) = match self.principals.as_slice() {
            [] => ("the identities this policy is attached to".to_owned(), false),
            list => (
                and_list(&list.iter().map(|p| words::principal(p)).collect::<Vec<_>>()),
                list.len() == 1,
            ),
        };
        let verb = |singular: &str, plural: &str| if one { singular.to_owned() } else { plural.to_owned() };
        let what = self.actions.join(", ");
        let on = and_list(
            &self
                .resources
                .iter()
                .map(|r| words::resource(r, kind))
                .collect::<Vec<_>>(),
        );
        let conds = self.conditions.join(" and ");
        let only_when = if conds.is_empty() {
            String::new()
        } else {
            format!(", only when {conds}")
        };
        let now = if conds.is_empty() {
            "in every case".to_owned()
        } else {
            format!("only when {conds}")
        };
        let is = verb("is", "are");
        match (effect, gained, reason) {
            (Effect::Allow, true, Reason::Scope) => {
                format!("{who} {} {what} on {on}{only_when}", verb("gains", "gain"))
            }
            (Effect::Allow, false, Reason::Scope) => {
                let was = if conds.is_empty() {
                    String::new()
                } else {
                    format!(" (granted only when {conds})")
                };
                format!("{who} {} {what} on {on}{was}", verb("loses", "lose"))
            }
            (Effect::Allow, true, Reason::Condition) => {
                format!(
                    "{who} {} {what} on {on} under a looser condition: now {now}",
                    verb("gets", "get")
                )
            }
            (Effect::Allow, false, Reason::Condition) => {
                format!(
                    "{who} {} {what} on {on} under a stricter condition: now {now}",
                    verb("gets", "get")
                )
            }
            (Effect::Deny, false, Reason::Scope) => format!("{who} {is} now denied {what} on {on}{only_when}"),
            (Effect::Deny, true, Reason::Scope) => format!("{who} {is} no longer denied {what} on {on}"),
            (Effect::Deny, false, Reason::Condition) => {
                format!("{who} {is} denied {what} on {on} in more cases: now {now}")
            }
            (Effect::Deny, true, Reason::Condition) => {
                format!("{who} {is} denied {what} on {on} in fewer cases: now {now}")
            }
        }
    }
}
