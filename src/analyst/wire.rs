//! Reading back, in the page, what the analysis worker wrote with the core's own `Serialize`.
//!
//! Some answer fields are `&'static str` (a rule's code and name, a service prefix): the core
//! hands out references into its tables, which the page no longer holds once the tables live in
//! the worker. Each distinct text is leaked once and then reused, so memory is bounded by the
//! number of distinct codes, names and service prefixes (a few hundred), not by keystrokes.

use serde::{Deserialize, Deserializer};
use std::cell::RefCell;
use std::collections::BTreeSet;

/// A `&'static str` field the page reads back with [`interned`]. The alias only hides the
/// reference from serde's derive, which would otherwise borrow it from the input (and demand the
/// input live forever).
pub type Interned = &'static str;

thread_local! {
    static SEEN: RefCell<BTreeSet<&'static str>> = const { RefCell::new(BTreeSet::new()) };
}

/// `text` as a `&'static str`, the same reference every time for the same text.
pub fn intern(text: &str) -> &'static str {
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if let Some(known) = seen.get(text) {
            return *known;
        }
        let leaked: &'static str = Box::leak(text.to_owned().into_boxed_str());
        seen.insert(leaked);
        leaked
    })
}

/// `#[serde(deserialize_with = "crate::analyst::wire::interned")]` for a `&'static str` field.
pub fn interned<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let text = std::borrow::Cow::<str>::deserialize(d)?;
    Ok(intern(&text))
}

/// The same for an `Option<&'static str>`.
pub fn interned_option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
    let text = Option::<std::borrow::Cow<str>>::deserialize(d)?;
    Ok(text.map(|t| intern(&t)))
}

/// The same for a `Vec<&'static str>`.
pub fn interned_list<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<&'static str>, D::Error> {
    let texts = Vec::<std::borrow::Cow<str>>::deserialize(d)?;
    Ok(texts.iter().map(|t| intern(t)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_is_leaked_once() {
        let a = intern("IAM001-test-only");
        let b = intern(&String::from("IAM001-test-only"));
        assert!(std::ptr::eq(a, b), "a second read of the same code must reuse the first");
        assert_ne!(intern("IAM002-test-only"), a);
    }
}
