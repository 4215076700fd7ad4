//! "Copy link": the whole page in the link's fragment, with its length.

use super::autosave::Autosave;
use crate::ui::copy_button::CopyButton;
use leptos::prelude::*;

#[component]
pub fn ShareLink(autosave: Autosave) -> impl IntoView {
    // The shown link follows saves; the copied one is built at the click, so it is never behind.
    let shown = Memo::new(move |_| autosave.fragment.with(|fragment| autosave.link_to(fragment)));
    let length = move || {
        let n = shown.with(|link| link.chars().count());
        format!("{} characters", group_thousands(n))
    };
    view! {
        <div class="share-link">
            <CopyButton text=Signal::derive(move || autosave.link_now()) label="Copy link to this page as it is now"
                testid="session-copy-link" caption="Copy link" />
            <span class="share-link-length" data-testid="session-link-length">{length}</span>
            <label class="visually-hidden" for="session-link">"Link to this page as it is now"</label>
            <input id="session-link" class="share-link-text code" data-testid="session-link" type="text" readonly
                spellcheck="false" prop:value=shown />
        </div>
    }
}

fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
