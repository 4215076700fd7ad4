//! What a scenario produces: its documents, the commands that apply them, and notes.

mod document_card;
mod notes;
mod step_list;

use crate::scenarios::{Bundle, FieldError, FieldSeverity};
use document_card::DocumentCard;
use leptos::prelude::*;
use notes::Notes;
use step_list::StepList;

/// The whole bundle, under a banner while the form has problems. The documents are shown even
/// then, so the user sees what their values produce.
#[component]
pub fn BundleView(#[prop(into)] bundle: Signal<Bundle>, #[prop(into)] errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let blocking = move || errors.with(|e| e.iter().filter(|e| e.severity == FieldSeverity::Error).count());
    let warnings = move || errors.with(|e| e.iter().filter(|e| e.severity == FieldSeverity::Warning).count());
    // Cards are keyed by file name and read their document from the bundle, so typing updates a
    // card in place instead of rebuilding it (and its copy feedback).
    let file_names = move || bundle.with(|b| b.documents.iter().map(|d| d.file_name.clone()).collect::<Vec<_>>());

    view! {
        <section class="bundle" aria-labelledby="documents-title">
            {move || match (blocking(), warnings()) {
                (0, 0) => None,
                (0, w) => Some(view! {
                    <p class="banner banner-warning" data-testid="bundle-banner" role="status">
                        <span aria-hidden="true">"▲ "</span>
                        <strong>"Check the form: "</strong>
                        {format!("{w} {} below the fields. The documents are complete but may not be what you meant.",
                            if w == 1 { "warning" } else { "warnings" })}
                    </p>
                }),
                (e, _) => Some(view! {
                    <p class="banner banner-error" data-testid="bundle-banner" role="status">
                        <span aria-hidden="true">"✖ "</span>
                        <strong>"Not ready to apply: "</strong>
                        {format!("{e} {} in the form. The documents below contain the values as typed, or placeholders, and will not work until {} fixed.",
                            if e == 1 { "problem" } else { "problems" }, if e == 1 { "it is" } else { "they are" })}
                    </p>
                }),
            }}
            <h2 id="documents-title">"Documents"</h2>
            <For
                each=file_names
                key=|file| file.clone()
                children=move |file: String| {
                    let wanted = file.clone();
                    let document = Memo::new(move |_| {
                        bundle.with(|b| b.documents.iter().find(|d| d.file_name == wanted).cloned())
                    });
                    view! {
                        <Show when=move || document.with(Option::is_some)>
                            <DocumentCard file=file.clone() document />
                        </Show>
                    }
                }
            />
            <StepList steps=Signal::derive(move || bundle.with(|b| b.steps.clone())) />
            <Notes notes=Signal::derive(move || bundle.with(|b| b.notes.clone())) />
        </section>
    }
}
