//! What a scenario produces: its documents and files, the commands that apply them, and notes.

mod audit_trail_panel;
mod document_card;
mod export_bar;
mod file_card;
mod notes;
mod problem_banner;
mod step_list;
mod teaching;

pub use document_card::{statement_anchor, DocumentChecks};
pub use teaching::{ReviewLink, Teaching};

use crate::scenarios::{Bundle, FieldError, FieldSeverity};
use crate::ui::copy_button::CopyOff;
use audit_trail_panel::AuditTrailPanel;
use document_card::DocumentCard;
use file_card::FileCard;
use leptos::prelude::*;
use notes::Notes;
use problem_banner::{ProblemBanner, StartPrompt};
use step_list::StepList;

/// The whole bundle, under a banner while the form has problems. The documents are shown even
/// then, so the user sees what their values produce. `bundle` is `None` only when the input
/// could not be read at all; `unplaced` are the problems no form field shows.
#[component]
pub fn BundleView(
    #[prop(into)] bundle: Signal<Option<Bundle>>,
    #[prop(into)] problems: Signal<Vec<FieldError>>,
    #[prop(into)] unplaced: Signal<Vec<FieldError>>,
    /// The labels of the first-visit fields still empty: until they are filled, a prompt to fill
    /// them (or try the example) stands where the bundle would be.
    #[prop(into)] missing: Signal<String>,
    on_example: Callback<()>,
) -> impl IntoView {
    provide_context(CopyOff(Signal::derive(move || {
        problems
            .with(|p| p.iter().any(|p| p.severity == FieldSeverity::Error))
            .then_some("Off while the form has errors: fix the fields marked in the form first")
    })));
    let waiting = move || missing.with(|m| !m.is_empty());
    // Nothing to show yet while the first-visit fields are empty; the whole bundle otherwise.
    let bundle: Signal<Option<Bundle>> = Memo::new(move |_| if waiting() { None } else { bundle.get() }).into();
    let has_files = move || {
        bundle.with(|b| {
            b.as_ref()
                .is_some_and(|b| !b.documents.is_empty() || !b.files.is_empty())
        })
    };
    let is_empty = move || {
        bundle.with(|b| {
            b.as_ref()
                .is_some_and(|b| b.documents.is_empty() && b.files.is_empty() && b.steps.is_empty())
        })
    };
    let steps = Signal::derive(move || bundle.with(|b| b.as_ref().map(|b| b.steps.clone()).unwrap_or_default()));
    let notes = Signal::derive(move || bundle.with(|b| b.as_ref().map(|b| b.notes.clone()).unwrap_or_default()));

    view! {
        <section class="bundle" aria-labelledby="documents-title">
            <teaching::ReviewSummary />
            {move || (!waiting()).then(|| view! { <ProblemBanner problems unplaced /> })}
            {move || waiting().then(|| view! { <StartPrompt missing on_example /> })}
            <teaching::TeachingBar />
            <h2 id="documents-title" tabindex="-1" class:visually-hidden=move || !has_files()>"Documents"</h2>
            <Show when=is_empty>
                <p class="section-intro" data-testid="bundle-empty">"This scenario produces no documents or commands yet."</p>
            </Show>
            {keyed_cards(bundle, |b| &b.documents, |d| &d.file_name, |file, document| view! { <DocumentCard file document /> })}
            {keyed_cards(bundle, |b| &b.files, |f| &f.file_name, |file, artifact| view! { <FileCard file artifact /> })}
            <StepList steps />
            <export_bar::ExportBar bundle problems />
            <AuditTrailPanel bundle />
            <Notes notes />
        </section>
    }
}

/// One card per item of one of the bundle's lists (its documents, or its other files), keyed by file
/// name. Each card reads its item from the bundle, so typing updates a card in place instead of
/// rebuilding it (and its copy feedback).
fn keyed_cards<T, V>(
    bundle: Signal<Option<Bundle>>,
    items: fn(&Bundle) -> &[T],
    file_name: fn(&T) -> &str,
    card: fn(String, Signal<Option<T>>) -> V,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let file_names = move || {
        bundle.with(|b| {
            b.iter()
                .flat_map(items)
                .map(|item| file_name(item).to_owned())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <For
            each=file_names
            key=|file| file.clone()
            children=move |file: String| {
                let wanted = file.clone();
                let item = Memo::new(move |_| {
                    bundle.with(|b| b.iter().flat_map(items).find(|item| file_name(item) == wanted).cloned())
                });
                view! {
                    <Show when=move || item.with(Option::is_some)>{card(file.clone(), item.into())}</Show>
                }
            }
        />
    }
}
