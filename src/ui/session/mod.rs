//! The page's session bar: share link, autosave status, start over, and what the page says about
//! what it opened (a link, the saved work, another tab's changes). The logic is `crate::session`.

mod autosave;
mod not_saved;
mod notices;
mod other_tab;
mod page_signals;
mod share_link;
mod start_over;

use autosave::{Autosave, SaveStatus};
use leptos::prelude::*;
pub use not_saved::NotSavedNote;
use notices::OpenNotice;
use other_tab::OtherTabBanner;
pub use page_signals::{PageSignals, PastedTexts};
use share_link::ShareLink;
use start_over::StartOver;
use crate::ui::bundle::ReviewLink;

/// Restores the page (link, else autosave) when created, then saves every change.
#[component]
pub fn SessionBar(page: PageSignals) -> impl IntoView {
    let autosave = Autosave::start(page);
    if let Some(ReviewLink(link)) = use_context::<ReviewLink>() {
        // Made when printing, so the paper is never behind the page.
        crate::ui::dom::on_before_print(move || link.set(autosave.link_now()));
    }
    let status = move || match autosave.status.get() {
        SaveStatus::Saved => "✓ Saved in this browser".to_owned(),
        SaveStatus::Held => "Not saved: waiting for your choice".to_owned(),
        SaveStatus::Unavailable(why) => format!("Autosave is off: {why}"),
    };
    view! {
        <section class="session panel" aria-label="Share and autosave">
            <div class="session-bar">
                <ShareLink autosave />
                <span class="session-status" data-testid="session-status" role="status">{status}</span>
                <StartOver autosave />
            </div>
            <OtherTabBanner autosave />
            <OpenNotice autosave />
        </section>
    }
}
