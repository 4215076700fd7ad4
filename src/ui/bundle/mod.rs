//! What a scenario produces: its documents and files, the commands that apply them, and notes.

mod audit_trail_panel;
mod document_card;
mod export_bar;
mod file_card;
mod notes;
mod problem_banner;
mod step_list;
mod teaching;

pub use teaching::Teaching;

use crate::scenarios::{Bundle, FieldError};
use audit_trail_panel::AuditTrailPanel;
use document_card::DocumentCard;
use file_card::FileCard;
use leptos::prelude::*;
use notes::Notes;
use problem_banner::ProblemBanner;
use step_list::StepList;

/// The whole bundle, under a banner while the form has problems. The documents are shown even
/// then, so the user sees what their values produce. `bundle` is `None` only when the input
/// could not be read at all; `unplaced` are the problems no form field shows.
#[component]
pub fn BundleView(
    #[prop(into)] bundle: Signal<Option<Bundle>>,
    #[prop(into)] problems: Signal<Vec<FieldError>>,
    #[prop(into)] unplaced: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let has_files = move || bundle.with(|b| b.as_ref().is_some_and(|b| !b.documents.is_empty() || !b.files.is_empty()));
    let is_empty = move || {
        bundle.with(|b| b.as_ref().is_some_and(|b| b.documents.is_empty() && b.files.is_empty() && b.steps.is_empty()))
    };
    let steps = Signal::derive(move || bundle.with(|b| b.as_ref().map(|b| b.steps.clone()).unwrap_or_default()));
    let notes = Signal::derive(move || bundle.with(|b| b.as_ref().map(|b| b.notes.clone()).unwrap_or_default()));

    view! {
        <section class="bundle" aria-labelledby="documents-title">
            <teaching::ReviewSummary />
            <ProblemBanner problems unplaced />
            <teaching::TeachingBar />
            <h2 id="documents-title" class:visually-hidden=move || !has_files()>"Documents"</h2>
            <Show when=is_empty>
                <p class="section-intro" data-testid="bundle-empty">"This scenario produces no documents or commands yet."</p>
            </Show>
            <DocumentCards bundle />
            <FileCards bundle />
            <StepList steps />
            <export_bar::ExportBar bundle problems />
            <AuditTrailPanel bundle />
            <Notes notes />
        </section>
    }
}

/// One card per policy document. Cards are keyed by file name and read their document from the
/// bundle, so typing updates a card in place instead of rebuilding it (and its copy feedback).
#[component]
fn DocumentCards(bundle: Signal<Option<Bundle>>) -> impl IntoView {
    let file_names = move || {
        bundle.with(|b| b.iter().flat_map(|b| &b.documents).map(|d| d.file_name.clone()).collect::<Vec<_>>())
    };
    view! {
        <For
            each=file_names
            key=|file| file.clone()
            children=move |file: String| {
                let wanted = file.clone();
                let document = Memo::new(move |_| {
                    bundle.with(|b| b.iter().flat_map(|b| &b.documents).find(|d| d.file_name == wanted).cloned())
                });
                view! {
                    <Show when=move || document.with(Option::is_some)>
                        <DocumentCard file=file.clone() document />
                    </Show>
                }
            }
        />
    }
}

/// One card per non-policy file, after the documents, keyed like them.
#[component]
fn FileCards(bundle: Signal<Option<Bundle>>) -> impl IntoView {
    let file_names =
        move || bundle.with(|b| b.iter().flat_map(|b| &b.files).map(|f| f.file_name.clone()).collect::<Vec<_>>());
    view! {
        <For
            each=file_names
            key=|file| file.clone()
            children=move |file: String| {
                let wanted = file.clone();
                let artifact = Memo::new(move |_| {
                    bundle.with(|b| b.iter().flat_map(|b| &b.files).find(|f| f.file_name == wanted).cloned())
                });
                view! {
                    <Show when=move || artifact.with(Option::is_some)>
                        <FileCard file=file.clone() artifact />
                    </Show>
                }
            }
        />
    }
}
