//! The app's signals that make up a [`PageState`], read and written as one.

use crate::policy::PolicyKind;
use crate::scenarios::ScenarioId;
use crate::session::PageState;
use leptos::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// Texts other panels keep in the saved state and in share links, keyed `panel.part`
/// (`compare.before`). Provided by the app; a panel reads `text(key)` and calls `set(key, …)`.
#[derive(Clone, Copy)]
pub struct PastedTexts(RwSignal<BTreeMap<String, String>>);

#[allow(dead_code, reason = "how panels join the saved state; the checker is wired directly")]
impl PastedTexts {
    /// Creates the map and makes it available to every panel below the caller.
    pub fn provide() -> PastedTexts {
        let texts = PastedTexts(RwSignal::new(BTreeMap::new()));
        provide_context(texts);
        texts
    }

    pub fn text(self, key: &'static str) -> Signal<String> {
        Signal::derive(move || self.0.with(|all| all.get(key).cloned().unwrap_or_default()))
    }

    /// An empty text is removed, so it costs nothing in a link.
    pub fn set(self, key: &'static str, text: String) {
        self.0.update(|all| {
            if text.is_empty() {
                all.remove(key);
            } else {
                all.insert(key.to_owned(), text);
            }
        });
    }
}

#[derive(Clone, Copy)]
pub struct PageSignals {
    pub scenario: RwSignal<ScenarioId>,
    pub inputs: RwSignal<BTreeMap<ScenarioId, Value>>,
    pub checker_text: RwSignal<String>,
    pub checker_kind: RwSignal<PolicyKind>,
    pub pasted: PastedTexts,
}

impl PageSignals {
    /// Subscribes the running effect to every part of the state without cloning it.
    pub fn track(&self) {
        self.scenario.track();
        self.inputs.track();
        self.checker_text.track();
        self.checker_kind.track();
        self.pasted.0.track();
    }

    pub fn snapshot(&self) -> PageState {
        PageState {
            scenario: self.scenario.get_untracked(),
            inputs: self.inputs.get_untracked(),
            checker_text: self.checker_text.get_untracked(),
            checker_kind: self.checker_kind.get_untracked(),
            pasted: self.pasted.0.get_untracked(),
        }
    }

    pub fn apply(&self, state: PageState) {
        self.scenario.set(state.scenario);
        self.inputs.set(state.inputs);
        self.checker_text.set(state.checker_text);
        self.checker_kind.set(state.checker_kind);
        self.pasted.0.set(state.pasted);
    }
}
