//! What to know before applying the bundle that is neither a document nor a command.

use crate::ui::rich_text::rich_text;
use leptos::prelude::*;

#[component]
pub fn Notes(#[prop(into)] notes: Signal<Vec<String>>) -> impl IntoView {
    view! {
        <Show when=move || notes.with(|n| !n.is_empty())>
            <section class="notes" aria-labelledby="notes-title">
                <h2 id="notes-title">"Before you apply"</h2>
                <ul data-testid="notes">
                    {move || notes.get().into_iter().map(|note| view! { <li>{rich_text(&note)}</li> }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}
