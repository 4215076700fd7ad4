//! A button that copies some text and says whether it worked.

use super::dom;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How long "Copied" stays before the button reads "Copy" again.
const FEEDBACK_MS: u32 = 1_500;

#[derive(Clone, Debug, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    Failed(String),
}

/// Why the copy buttons below it are off, or `None` while they work. The bundle provides it so
/// its documents and steps cannot be copied while the form has errors (as its exports cannot).
#[derive(Clone, Copy)]
pub struct CopyOff(pub Signal<Option<&'static str>>);

/// Copies `text` when clicked; `label` says what, for screen readers ("Copy key-policy.json").
/// Off, with the reason as its title, while a [`CopyOff`] above says so.
#[component]
pub fn CopyButton(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] label: String,
    testid: &'static str,
    #[prop(default = "Copy")] caption: &'static str,
) -> impl IntoView {
    let state = RwSignal::new(CopyState::Idle);
    let off = use_context::<CopyOff>().map(|CopyOff(why)| why);
    // The reason is the title, which screen readers read as the button's description.
    let why_off = move || off.and_then(|why| why.get());
    // Only the latest click may reset the caption, so quick repeated clicks do not flicker.
    let clicks = StoredValue::new(0u32);

    let on_click = move |_| {
        let text = text.get_untracked();
        clicks.update_value(|n| *n += 1);
        let this_click = clicks.get_value();
        spawn_local(async move {
            let result = dom::copy_text(&text).await;
            state.try_set(match result {
                Ok(()) => CopyState::Copied,
                Err(why) => CopyState::Failed(why),
            });
            gloo::timers::future::TimeoutFuture::new(FEEDBACK_MS).await;
            if clicks.try_get_value() == Some(this_click) {
                state.try_set(CopyState::Idle);
            }
        });
    };

    view! {
        <span class="copy">
            <button type="button" class="button" data-testid=testid aria-label=label on:click=on_click
                disabled=move || why_off().is_some() title=why_off
                class:done=move || state.with(|s| *s == CopyState::Copied)>
                {move || match state.get() {
                    CopyState::Copied => "✓ Copied",
                    _ => caption,
                }}
            </button>
            // Success is already visible on the button, so it is only announced; a failure is shown.
            <span class="copy-status" role="status" class:visually-hidden=move || state.with(|s| *s == CopyState::Copied)>
                {move || match state.get() {
                    CopyState::Idle => String::new(),
                    CopyState::Copied => "Copied to the clipboard".to_owned(),
                    CopyState::Failed(why) => format!("Copy failed: {why}. Select the text and copy it by hand."),
                }}
            </span>
        </span>
    }
}
