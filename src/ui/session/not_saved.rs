//! Said under a text box whose text is too large to save (`session::MAX_SAVED_TEXT`).

use crate::session::{is_saved, MAX_SAVED_TEXT};
use leptos::prelude::*;

/// Empty until the text is too large; then says it stays in the box only.
#[component]
pub fn NotSavedNote(#[prop(into)] text: Signal<String>, testid: &'static str) -> impl IntoView {
    let too_large = move || text.with(|t| !is_saved(t));
    view! {
        <p class="hint not-saved" data-testid=testid role="status">
            {move || too_large().then(|| format!(
                "This text is over {} KB, so it is not saved in this browser and not put in the share link: it stays in this box until you reload or close the page.",
                MAX_SAVED_TEXT / 1024
            ))}
        </p>
    }
}
