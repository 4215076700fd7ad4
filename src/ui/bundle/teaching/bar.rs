//! The switch that turns teaching mode on and off, and the button that prints the review.

use super::Teaching;
use crate::ui::dom;
use leptos::prelude::*;

#[component]
pub fn TeachingBar() -> impl IntoView {
    let Some(teaching) = use_context::<Teaching>() else {
        return ().into_any();
    };
    view! {
        <div class="teaching-bar no-print" data-testid="teaching-bar">
            <label class="teaching-switch">
                <input
                    type="checkbox"
                    role="switch"
                    data-testid="teaching-toggle"
                    aria-describedby="teaching-hint"
                    prop:checked=move || teaching.on.get()
                    on:change=move |ev| teaching.on.set(event_target_checked(&ev))
                />
                <span>"Teaching mode"</span>
            </label>
            <span id="teaching-hint" class="teaching-hint">
                "Shows why each statement and condition is there, and lets you break a statement to see what fails."
            </span>
            <button type="button" class="button print-button" data-testid="print-review" on:click=move |_| dom::print_page()>
                "Print review"
            </button>
        </div>
    }
    .into_any()
}
