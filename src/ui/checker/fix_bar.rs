//! Applying the validator's fixes to the pasted policy, and undoing them in order.

use crate::lint::{apply_all, apply_fix, Finding, Fix};
use leptos::prelude::*;

/// One applied fix: what it did and the text before it.
#[derive(Clone, Debug)]
struct Applied {
    title: String,
    previous: String,
}

/// The fixes applied since the user last typed; typing clears it, so an undo never discards
/// what was typed after a fix.
#[derive(Clone, Copy)]
pub struct FixHistory {
    text: RwSignal<String>,
    applied: RwSignal<Vec<Applied>>,
    status: RwSignal<String>,
}

impl FixHistory {
    pub fn new(text: RwSignal<String>) -> Self {
        FixHistory {
            text,
            applied: RwSignal::new(Vec::new()),
            status: RwSignal::new(String::new()),
        }
    }

    /// The user typed: their text is the new starting point.
    pub fn forget(&self) {
        self.applied.update(Vec::clear);
        self.status.set(String::new());
    }

    /// Applies `fix` to the text, or says why it could not (the text then stays as it is).
    pub fn apply(&self, fix: &Fix) {
        match self.text.with_untracked(|t| apply_fix(t, fix)) {
            Ok(fixed) => self.replace(fixed, fix.title.clone()),
            Err(error) => self.status.set(format!("Could not apply “{}”: {error}.", fix.title)),
        }
    }

    fn replace(&self, fixed: String, title: String) {
        let previous = self.text.get_untracked();
        self.status.set(format!("Applied: {title}."));
        self.applied.update(|a| a.push(Applied { title, previous }));
        self.text.set(fixed);
    }

    fn undo(&self) {
        if let Some(last) = self.applied.try_update(Vec::pop).flatten() {
            self.status.set(format!("Undone: {}.", last.title));
            self.text.set(last.previous);
        }
    }
}

/// "Apply all fixes" and "Undo", with what happened last.
#[component]
pub fn FixBar(
    history: FixHistory,
    #[prop(into)] findings: Signal<Vec<Finding>>,
    /// The findings are for an older text than the box holds: their edits would land wrongly.
    #[prop(into)]
    pending: Signal<bool>,
) -> impl IntoView {
    let fixes = Memo::new(move |_| findings.with(|f| f.iter().filter_map(|f| f.fix.clone()).collect::<Vec<_>>()));
    let apply_every = move |_| {
        if pending.get_untracked() {
            return;
        }
        let (fixed, count) = fixes.with_untracked(|fixes| {
            history
                .text
                .with_untracked(|t| apply_all(t, &fixes.iter().collect::<Vec<_>>()))
        });
        if count > 0 {
            let title = if count == 1 {
                "1 fix".to_owned()
            } else {
                format!("{count} fixes")
            };
            history.replace(fixed, title);
        }
    };
    let undo_label = move || {
        history.applied.with(|a| match a.last() {
            Some(last) => format!("Undo: {}", last.title),
            None => "Undo".to_owned(),
        })
    };
    view! {
        <div class="fix-bar">
            <Show when=move || fixes.with(|f| f.len() > 1)>
                <button type="button" class="button" data-testid="fix-all" on:click=apply_every disabled=pending>
                    {move || format!("Apply all {} fixes", fixes.with(Vec::len))}
                </button>
            </Show>
            <Show when=move || history.applied.with(|a| !a.is_empty())>
                <button type="button" class="button undo-button" data-testid="fix-undo" on:click=move |_| history.undo()>
                    {undo_label}
                </button>
            </Show>
            <span class="fix-status" data-testid="fix-status" role="status">{move || history.status.get()}</span>
        </div>
    }
}
