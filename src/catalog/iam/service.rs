//! Services, their actions and resource types.

use std::cmp::Ordering;
use std::sync::OnceLock;

use super::condition_key::ConditionKey;

/// One service of the catalogue.
#[derive(Debug)]
pub struct Service {
    /// The prefix of its actions, e.g. `kms`.
    pub prefix: &'static str,
    /// Sorted by name ignoring ASCII case; empty when this build does not embed the actions.
    pub(super) actions: Vec<Action>,
    pub(super) actions_embedded: bool,
    /// The actions the page loaded later ([`super::add_actions`]), when this build does not embed
    /// them. Set at most once, so lookups stay lock-free and `&'static`.
    pub(super) loaded: OnceLock<Vec<Action>>,
    /// Resource types and condition keys; only for the services the catalogue details.
    pub resource_types: Vec<ResourceType>,
    pub condition_keys: Vec<ConditionKey>,
    pub detailed: bool,
}

/// One action; resource types and condition keys only for detailed services.
#[derive(Debug)]
pub struct Action {
    pub name: &'static str,
    pub resource_types: Vec<ResourceUse>,
    /// The keys the reference lists for the action itself (its resource types add theirs).
    pub condition_keys: Vec<&'static str>,
}

/// A resource type an action acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResourceUse {
    pub name: &'static str,
    pub required: bool,
}

/// A resource type: its ARN format and the keys that describe it.
#[derive(Debug)]
pub struct ResourceType {
    pub name: &'static str,
    /// E.g. `arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}`.
    pub arn: &'static str,
    pub condition_keys: Vec<&'static str>,
}

/// Orders names as the catalogue sorts them: by ASCII-lowercase bytes.
pub(super) fn cmp_ignoring_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
}

impl Service {
    /// Every action, or `None` while this build has not got this service's actions (the page
    /// embeds them only for the services of its scenarios and loads the rest on demand; the CLI
    /// embeds all).
    pub fn actions(&self) -> Option<&[Action]> {
        if self.actions_embedded {
            Some(self.actions.as_slice())
        } else {
            self.loaded.get().map(Vec::as_slice)
        }
    }

    /// The action named `name`, ignoring ASCII case as IAM does.
    pub fn action(&self, name: &str) -> Option<&Action> {
        let actions = self.actions()?;
        let i = actions.binary_search_by(|a| cmp_ignoring_case(a.name, name)).ok()?;
        actions.get(i)
    }

    /// The embedded actions that `pattern` (`Get*`, `?ncrypt`, …) matches. Only the actions that
    /// begin with its literal head are tried: a binary search finds them in the sorted list.
    pub fn actions_matching<'s, 'p>(&'s self, pattern: &'p str) -> impl Iterator<Item = &'s Action> + use<'s, 'p> {
        let actions = self.actions().unwrap_or_default();
        let head = &pattern[..pattern.find(['*', '?']).unwrap_or(pattern.len())];
        let start = actions.partition_point(|a| cmp_ignoring_case(a.name, head) == Ordering::Less);
        actions[start..]
            .iter()
            .take_while(move |a| {
                a.name.len() >= head.len() && a.name.as_bytes()[..head.len()].eq_ignore_ascii_case(head.as_bytes())
            })
            .filter(move |a| super::wildcard::matches(pattern, a.name))
    }

    pub fn resource_type(&self, name: &str) -> Option<&ResourceType> {
        self.resource_types.iter().find(|r| r.name == name)
    }

    /// The key among this service's keys that `name` is (placeholders resolved).
    pub fn condition_key(&self, name: &str) -> Option<&ConditionKey> {
        self.condition_keys
            .iter()
            .find(|k| k.name.eq_ignore_ascii_case(name))
            .or_else(|| self.condition_keys.iter().find(|k| k.matches(name)))
    }

    /// Whether the reference lists `key` for `action`, on the action or on one of its resource
    /// types. `key` is the catalogue's key (a template for a family of keys).
    pub fn action_supports_key(&self, action: &Action, key: &ConditionKey) -> bool {
        let listed = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(key.name));
        listed(&action.condition_keys)
            || action
                .resource_types
                .iter()
                .filter_map(|r| self.resource_type(r.name))
                .any(|r| listed(&r.condition_keys))
    }
}
