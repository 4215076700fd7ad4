//! Which of the bundle's documents the pasted policy stands for.

use leptos::prelude::*;

/// `documents` are `(file name, what it is)`.
#[component]
pub fn DocumentPicker(
    #[prop(into)] documents: Signal<Vec<(String, String)>>,
    #[prop(into)] file: Signal<Option<String>>,
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <div class="checker-controls">
            <label for="compare-document">"Your policy stands for"</label>
            <select id="compare-document" data-testid="compare-document"
                on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {move || documents.get().into_iter().map(|(name, what)| {
                    let value = name.clone();
                    let selected = name.clone();
                    view! {
                        <option value=value prop:selected=move || file.with(|f| f.as_deref() == Some(selected.as_str()))>
                            {format!("{name} — {what}")}
                        </option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}
