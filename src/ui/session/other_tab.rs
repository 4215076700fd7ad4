//! The banner when another tab saved different work: this tab writes nothing until the user picks.

use super::autosave::{Autosave, OtherTab};
use leptos::prelude::*;

#[component]
pub fn OtherTabBanner(autosave: Autosave) -> impl IntoView {
    move || {
        autosave.other_tab.get().map(|other| {
            let (what, can_load) = match other {
                OtherTab::Changed => ("This work was changed in another tab.".to_owned(), true),
                OtherTab::StartedOver => ("Another tab started over and cleared the saved work.".to_owned(), true),
                OtherTab::Unreadable(why) => (
                    format!("Another tab saved work this page cannot read ({why}); reload to see it."),
                    false,
                ),
            };
            view! {
                <div class="banner banner-warning session-other-tab" role="alert" data-testid="session-other-tab">
                    <p>
                        <strong>{what}</strong>
                        " Changes here are not saved until you choose."
                    </p>
                    <div class="actions">
                        {can_load.then(|| view! {
                            <button type="button" class="button" data-testid="session-load-theirs"
                                on:click=move |_| autosave.load_theirs()>"Load theirs"</button>
                        })}
                        <button type="button" class="button" data-testid="session-keep-mine"
                            on:click=move |_| autosave.keep_mine()>"Keep mine"</button>
                    </div>
                </div>
            }
        })
    }
}
