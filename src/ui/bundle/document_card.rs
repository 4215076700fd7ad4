//! One generated policy document: its text, copy and download, its own check, and why each
//! statement is there.

use crate::analyst::{Answer, Checked, DocumentCheck, Form, Question};
use crate::lint::Finding;
use crate::policy::PolicyKind;
use crate::scenarios::{Document, Explanation, ScenarioId};
use crate::ui::analyst::{self, Asked};
use crate::ui::catalogue_loader::ActionCatalogue;
use crate::ui::compare::CompareChoice;
use crate::ui::copy_button::CopyButton;
use crate::ui::download_button::DownloadButton;
use crate::ui::findings::FindingList;
use crate::ui::wrap_points::with_wrap_points;
use leptos::prelude::*;

/// The worker's verdict on every document of the bundle, asked once per change of the form for
/// all cards together.
#[derive(Clone, Copy)]
pub struct DocumentChecks(Asked<Vec<DocumentCheck>>);

impl DocumentChecks {
    pub fn provide(scenario: Signal<ScenarioId>, input: Signal<serde_json::Value>) {
        let catalogue = ActionCatalogue::get();
        let asked = analyst::asked(
            "documents",
            move || {
                catalogue.track();
                Some(Question::Documents {
                    form: Form {
                        scenario: scenario.get(),
                        input: input.get(),
                    },
                })
            },
            |_, answer| match answer {
                Answer::Documents { documents } => Some(documents),
                _ => None,
            },
        );
        provide_context(DocumentChecks(asked));
    }

    /// `file`'s verdict; `None` until the worker has answered for the current form.
    fn of(self, file: &str) -> Option<Checked> {
        if self.0.pending.get() {
            return None;
        }
        self.0
            .answer
            .with(|docs| docs.as_ref()?.iter().find(|d| d.file_name == file).map(|d| d.checked.clone()))
    }
}

/// `document` is `None` only for the moment between the bundle dropping it and the list
/// removing this card.
#[component]
pub fn DocumentCard(file: String, #[prop(into)] document: Signal<Option<Document>>) -> impl IntoView {
    let text = Memo::new(move |_| document.with(|d| d.as_ref().map(Document::text).unwrap_or_default()));
    let kind = Memo::new(move |_| document.with(|d| d.as_ref().map(|d| d.kind)).unwrap_or(PolicyKind::Key));
    // The generator's output goes through the same checker as pasted text, so a generator bug
    // shows up on the card instead of in AWS; checked as what it is (statements to merge or a
    // whole policy), with the findings it gets knowingly carrying their reason.
    let checks = use_context::<DocumentChecks>();
    let checked_file = file.clone();
    let checked = Memo::new(move |_| checks.and_then(|c| c.of(&checked_file)));
    let findings = Memo::new(move |_| checked.with(|c| c.as_ref().map(|c| c.findings.clone()).unwrap_or_default()));
    let is_checked = Signal::derive(move || checked.with(Option::is_some));
    ActionCatalogue::get().load_for(Signal::derive(move || {
        checked.with(|c| c.as_ref().map(|c| c.unloaded.clone()).unwrap_or_default())
    }));
    let name = move || document.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default());
    let explanations =
        Signal::derive(move || document.with(|d| d.as_ref().map(|d| d.explanations.clone()).unwrap_or_default()));
    let title_id = format!("document-{}", file.replace('.', "-"));
    let labelled_by = title_id.clone();

    view! {
        <article class="card document" data-testid="document" data-file=file.clone() aria-labelledby=labelled_by>
            <header class="card-head">
                <div class="card-title">
                    <h3 id=title_id>{name}</h3>
                    <p class="card-meta">
                        <code class="file-name">{file.clone()}</code>
                        " · "
                        {move || kind.get().label()}
                    </p>
                </div>
                <div class="actions">
                    <CopyButton text=text label=format!("Copy {file}") testid="copy-document" />
                    <DownloadButton text=text file_name=file.clone() testid="download-document" />
                    {use_context::<CompareChoice>().map(|choice| {
                        let file = file.clone();
                        view! {
                            <button type="button" class="button" data-testid="compare-this"
                                aria-label=format!("Compare with mine: {file}")
                                on:click=move |_| choice.compare_with_mine(file.clone())>
                                "Compare with mine"
                            </button>
                        }
                    })}
                </div>
            </header>
            <pre class="code" data-testid="document-text" tabindex="0" inner_html=move || text.with(|t| with_wrap_points(t))></pre>
            <DocumentCheck findings=findings is_checked />
            <Explanations file=file.clone() explanations />
            <super::teaching::StatementLessons file=file.clone() />
        </article>
    }
}

/// The checker's verdict on a generated document.
#[component]
fn DocumentCheck(#[prop(into)] findings: Signal<Vec<Finding>>, is_checked: Signal<bool>) -> impl IntoView {
    let all_expected = move || findings.with(|f| f.iter().all(|f| f.expected_because.is_some()));
    let failure = move || analyst::failure().map(|why| format!("Not checked: {why}."));
    view! {
        <div class="document-check">
            <Show when=move || !is_checked.get()>
                <p class="check-pending" data-testid="document-summary-pending" role="status">
                    {move || failure().unwrap_or_else(|| "Checking…".into())}
                </p>
            </Show>
            <Show when=move || is_checked.get()>
            <Show
                when=move || findings.with(|f| !f.is_empty())
                fallback=|| view! {
                    <p class="check-ok" data-testid="document-summary">
                        <span aria-hidden="true">"✓ "</span>"Checked: no findings"
                    </p>
                }
            >
                <p class=move || if all_expected() { "check-ok" } else { "check-bad" } data-testid="document-summary">
                    {move || format!(
                        "Checked: {}{}",
                        findings.with(|f| crate::report::summary(f)),
                        if all_expected() { ", expected here: see why below" } else { "" }
                    )}
                </p>
                <FindingList findings testid="document-finding" />
            </Show>
            </Show>
        </div>
    }
}

/// Why each statement is there, by Sid, with the AWS page that backs it.
#[component]
fn Explanations(file: String, #[prop(into)] explanations: Signal<Vec<Explanation>>) -> impl IntoView {
    view! {
        <Show when=move || explanations.with(|e| !e.is_empty())>
            <section class="explanations">
                <h4>"Why each statement is there"</h4>
                <dl>
                    {
                    let file = file.clone();
                    move || explanations.get().into_iter().map(|e| view! {
                        <dt id=statement_anchor(&file, &e.sid) tabindex="-1"><code>{e.sid.clone()}</code></dt>
                        <dd>
                            {e.why}" "
                            <a href=e.doc_url target="_blank" rel="noopener noreferrer">"AWS documentation"</a>
                            {e.kept_because.map(|why| view! { <p class="kept-because"><strong>"Kept because: "</strong>{why}</p> })}
                        </dd>
                    }).collect_view()
                    }
                </dl>
            </section>
        </Show>
    }
}

/// The id of a statement's explanation on its document's card, where the troubleshooter's "Fix"
/// points.
pub fn statement_anchor(file: &str, sid: &str) -> String {
    let clean = |s: &str| {
        s.chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
    };
    format!("statement-{}-{}", clean(file), clean(sid))
}
