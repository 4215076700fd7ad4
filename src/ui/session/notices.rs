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
                <div class="banner banner-error session-notice" role="alert" data-testid="session-bad-link">
                    <p>
                        <strong>"This link could not be opened: "</strong>{error}
                        ". The page shows your saved work instead; the link's text is below to copy."
                    </p>
                    <KeptText text=fragment label="The link's fragment" />
                    <div class="actions">
                        <button type="button" class="button" data-testid="session-dismiss" on:click=dismiss>"Dismiss"</button>
                    </div>
                </div>
            }
            .into_any(),
            Notice::BadSave { error, record } => view! {
                <div class="banner banner-error session-notice" role="alert" data-testid="session-bad-save">
                    <p>
                        <strong>"Your autosaved work could not be restored: "</strong>{error}
                        ". It stays saved until you change something; copy it from below to keep it."
                    </p>
                    <KeptText text=record label="The autosaved record" />
                    <div class="actions">
                        <button type="button" class="button" data-testid="session-dismiss" on:click=dismiss>"Dismiss"</button>
                    </div>
                </div>
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

/// Text the page could not use, shown read-only so nothing is lost.
#[component]
fn KeptText(text: String, label: &'static str) -> impl IntoView {
    view! {
        <textarea class="code session-kept-text" data-testid="session-kept-text" readonly rows="2"
            spellcheck="false" aria-label=label prop:value=text></textarea>
    }
}
