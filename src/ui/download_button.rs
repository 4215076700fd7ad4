//! A button that saves some text as a file, made in the page (no request).

use super::dom;
use leptos::prelude::*;

/// Saves `text` as `file_name` when clicked.
#[component]
pub fn DownloadButton(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] file_name: Signal<String>,
    testid: &'static str,
    #[prop(default = "application/json")] mime: &'static str,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let on_click = move |_| {
        let result = dom::download(&file_name.get_untracked(), &text.get_untracked(), mime);
        error.set(result.err());
    };
    view! {
        <span class="copy">
            <button type="button" class="button" data-testid=testid
                aria-label=move || format!("Download {}", file_name.get()) on:click=on_click>
                "Download"
            </button>
            <span class="copy-status" role="status">
                {move || error.get().map(|why| format!("Download failed: {why}"))}
            </span>
        </span>
    }
}
