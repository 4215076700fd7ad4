//! What the page says about what it opened: a damaged link or save (kept for copying), or a link
//! that replaced this tab's work (which can be brought back).

use super::autosave::{Autosave, Notice};
use leptos::prelude::*;

#[component]
pub fn OpenNotice(autosave: Autosave) -> impl IntoView {
    let dismiss = move |_| autosave.notice.set(None);
    move || {
        autosave.notice.get().map(|notice| match notice {
            Notice::BadLink { error, fragment } => view! {
                <KeptTextNotice
                    testid="session-bad-link"
                    headline="This link could not be opened: "
                    error
                    then=". The page shows your saved work instead; the link's text is below to copy."
                    text=fragment
                    label="The link's fragment"
                    autosave
                />
            }
            .into_any(),
            Notice::BadSave { error, record } => view! {
                <KeptTextNotice
                    testid="session-bad-save"
                    headline="Your autosaved work could not be restored: "
                    error
                    then=". It stays saved until you change something; copy it from below to keep it."
                    text=record
                    label="The autosaved record"
                    autosave
                />
            }
            .into_any(),
            Notice::OpenedLink { previous } => view! {
                <div class="banner banner-info session-notice" role="status" data-testid="session-opened-link">
                    <p>"Opened the shared link."
                        {previous.is_some().then_some(" It replaced what this browser had saved.")}
                    </p>
                    <div class="actions">
                        {previous.map(|previous| view! {
                            <button type="button" class="button" data-testid="session-restore-previous"
                                on:click=move |_| autosave.restore_previous(previous.clone())>
                                "Go back to what I had"
                            </button>
                        })}
                        <button type="button" class="button" data-testid="session-dismiss" on:click=dismiss>"Dismiss"</button>
                    </div>
                </div>
            }
            .into_any(),
        })
    }
}

/// A damaged link or save: why, then its text read-only so nothing is lost.
#[component]
fn KeptTextNotice(
    testid: &'static str,
    headline: &'static str,
    error: String,
    then: &'static str,
    text: String,
    label: &'static str,
    autosave: Autosave,
) -> impl IntoView {
    view! {
        <div class="banner banner-error session-notice" role="alert" data-testid=testid>
            <p><strong>{headline}</strong>{error}{then}</p>
            <KeptText text label />
            <div class="actions">
                <button type="button" class="button" data-testid="session-dismiss"
                    on:click=move |_| autosave.notice.set(None)>"Dismiss"</button>
            </div>
        </div>
    }
}

/// Text the page could not use, shown read-only so nothing is lost.
#[component]
fn KeptText(text: String, label: &'static str) -> impl IntoView {
    view! {
        <textarea class="code session-kept-text" data-testid="session-kept-text" readonly rows="2"
            spellcheck="false" aria-label=label prop:value=text></textarea>
    }
}
