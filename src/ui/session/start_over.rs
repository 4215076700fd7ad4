//! "Start over", confirmed in place: it clears every form, every pasted text and the saved copy.

use super::autosave::Autosave;
use leptos::prelude::*;

#[component]
pub fn StartOver(autosave: Autosave) -> impl IntoView {
    let asking = RwSignal::new(false);
    view! {
        <span class="start-over">
            <Show when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="button" data-testid="session-start-over"
                        on:click=move |_| asking.set(true)>"Start over"</button>
                }>
                <span class="start-over-confirm" role="group" aria-label="Confirm start over">
                    <span data-testid="session-start-over-question">
                        "Clear every form and pasted policy, here and in this browser's saved copy?"
                    </span>
                    <button type="button" class="button button-danger" data-testid="session-start-over-confirm"
                        on:click=move |_| {
                            asking.set(false);
                            autosave.start_over();
                        }>"Yes, start over"</button>
                    <button type="button" class="button" data-testid="session-start-over-cancel"
                        on:click=move |_| asking.set(false)>"Cancel"</button>
                </span>
            </Show>
        </span>
    }
}
