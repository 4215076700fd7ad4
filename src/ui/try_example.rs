//! "Try an example": buttons that put one of `crate::samples` into a text box, with the form's
//! account and Region filled in, so a workshop can start without preparing files.

use crate::policy::PolicyKind;
use crate::samples::SAMPLES;
use leptos::prelude::*;
use serde_json::Value;

/// One button per example; `on_pick` gets the example's kind and text. Every example is a key
/// policy today, so the compare panel shows these only for a key policy.
#[component]
pub fn TryExample(
    #[prop(into)] input: Signal<Value>,
    on_pick: Callback<(PolicyKind, String)>,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <div class="try-example" data-testid=testid>
            <span class="try-example-label">"Try an example:"</span>
            {SAMPLES.iter().map(|sample| view! {
                <button type="button" class="button button-small" data-sample=sample.id title=sample.about
                    on:click=move |_| on_pick.run((sample.kind, input.with(|i| sample.text_for(i))))>
                    {sample.label}
                </button>
            }).collect_view()}
        </div>
    }
}
