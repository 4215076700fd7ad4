//! The signals that make up a [`PageState`], read and written as one.

use crate::policy::PolicyKind;
use crate::scenarios::ScenarioId;
use crate::session::PageState;
use crate::ui::bundle::Teaching;
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

/// The app's own signals in the saved state.
#[derive(Clone, Copy)]
pub struct PageSignals {
    pub scenario: RwSignal<ScenarioId>,
    pub inputs: RwSignal<BTreeMap<ScenarioId, Value>>,
    pub checker_text: RwSignal<String>,
    pub checker_kind: RwSignal<PolicyKind>,
    pub checker_against_form: RwSignal<bool>,
    pub pasted: PastedTexts,
}

/// Everything the session saves: the app's [`PageSignals`] and teaching mode's switch, which joins
/// from the [`Teaching`] context as panels' texts join from [`PastedTexts`].
#[derive(Clone, Copy)]
pub(super) struct SavedSignals {
    page: PageSignals,
    teaching: RwSignal<bool>,
}

impl SavedSignals {
    /// Call below the app, where the contexts are provided. Without teaching mode on the page, its
    /// switch stays off here and in every link.
    pub fn new(page: PageSignals) -> SavedSignals {
        let teaching = use_context::<Teaching>().map_or_else(|| RwSignal::new(false), |t| t.on);
        SavedSignals { page, teaching }
    }

    /// Subscribes the running effect to every part of the state without cloning it.
    pub fn track(&self) {
        let page = &self.page;
        page.scenario.track();
        page.inputs.track();
        page.checker_text.track();
        page.checker_kind.track();
        page.checker_against_form.track();
        page.pasted.0.track();
        self.teaching.track();
    }

    pub fn snapshot(&self) -> PageState {
        let page = &self.page;
        PageState {
            scenario: page.scenario.get_untracked(),
            inputs: page.inputs.get_untracked(),
            checker_text: page.checker_text.get_untracked(),
            checker_kind: page.checker_kind.get_untracked(),
            checker_against_form: page.checker_against_form.get_untracked(),
            pasted: page.pasted.0.get_untracked(),
            teaching: self.teaching.get_untracked(),
        }
    }

    pub fn apply(&self, state: PageState) {
        let page = &self.page;
        page.scenario.set(state.scenario);
        page.inputs.set(state.inputs);
        page.checker_text.set(state.checker_text);
        page.checker_kind.set(state.checker_kind);
        page.checker_against_form.set(state.checker_against_form);
        page.pasted.0.set(state.pasted);
        self.teaching.set(state.teaching);
    }
}
