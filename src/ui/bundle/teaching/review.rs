//! The review an approver reads on paper: the scenario, its inputs as a table, and the calls the setup
//! must allow, judged against the generated documents. Only printed; the documents, their findings and
//! the steps follow from the page itself.

use super::Teaching;
use crate::scenarios::ScenarioId;
use crate::analyst::{Answer, Form, Question};
use crate::teaching::{review_inputs, sha256_hex};
use crate::ui::analyst;
use crate::ui::dom;
use leptos::prelude::*;

/// The link to the page as it is, for the printed review (provided by the app, kept up to date by the session bar, which reads it from here).
#[derive(Clone, Copy)]
pub struct ReviewLink(pub RwSignal<String>);

impl ReviewLink {
    pub fn provide() -> ReviewLink {
        let link = ReviewLink(RwSignal::new(String::new()));
        provide_context(link);
        link
    }
}

#[component]
pub fn ReviewSummary() -> impl IntoView {
    let Some(teaching) = use_context::<Teaching>() else {
        return ().into_any();
    };
    let scenario = Memo::new(move |_| {
        teaching
            .bundle
            .with(|b| b.as_ref().map(|b| b.scenario))
    });
    let rows = Memo::new(move |_| {
        scenario
            .get()
            .map(|id| teaching.input.with(|input| review_inputs(id, input)))
            .unwrap_or_default()
    });
    // The browser prints what the page holds at that moment, so the calls are judged on every change
    // of the form; in the worker, so it costs typing nothing.
    let asked = analyst::asked(
        "review",
        move || {
            Some(Question::Review {
                form: Form {
                    scenario: scenario.get()?,
                    input: teaching.input.get(),
                },
            })
        },
        |_, answer| match answer {
            Answer::Reviewed { calls } => Some(calls),
            _ => None,
        },
    );
    let checked = Memo::new(move |_| asked.answer.get().unwrap_or_default());
    // The exact texts the page copies and downloads, so the digests match the files applied.
    let digests = move || {
        teaching.bundle.with(|b| {
            b.iter()
                .flat_map(|b| {
                    let documents = b.documents.iter().map(|d| (d.file_name.clone(), sha256_hex(&d.text())));
                    let files = b.files.iter().map(|f| (f.file_name.clone(), sha256_hex(&f.content)));
                    documents.chain(files).collect::<Vec<_>>()
                })
                .collect::<Vec<_>>()
        })
    };
    let printed_at = RwSignal::new(dom::now_utc());
    dom::on_before_print(move || printed_at.set(dom::now_utc()));
    let link = use_context::<ReviewLink>().map(|l| l.0);
    view! {
        <section class="review-summary print-only" data-testid="review-summary" aria-label="Review summary">
            <h2>"Review: "{move || scenario.get().map(ScenarioId::title).unwrap_or_default()}</h2>
            <p class="review-meta" data-testid="review-date">"Printed "{move || printed_at.get()}</p>
            {link.map(|link| view! {
                <p class="review-meta review-link">"This page as reviewed: "<span data-testid="review-link">{move || link.get()}</span></p>
            })}
            <h3>"Documents reviewed"</h3>
            <p class="review-meta">"SHA-256 of each file as the page copies and downloads it; check a file before applying it with "<code>"sha256sum FILE"</code>". A merged policy from the comparison carries its own below."</p>
            <table class="review-table" data-testid="review-digests">
                <thead><tr><th scope="col">"File"</th><th scope="col">"SHA-256"</th></tr></thead>
                <tbody>
                    {move || digests().into_iter().map(|(file, digest)| view! {
                        <tr><th scope="row"><code>{file}</code></th><td><code class="digest-value">{digest}</code></td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <h3>"Inputs"</h3>
            <table class="review-table" data-testid="review-inputs">
                <thead><tr><th scope="col">"Section"</th><th scope="col">"Field"</th><th scope="col">"Value"</th></tr></thead>
                <tbody>
                    {move || rows.get().into_iter().map(|row| view! {
                        <tr><td>{row.section}</td><th scope="row">{row.label}</th><td><code>{row.value}</code></td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <Show when=move || checked.with(|c| !c.is_empty())>
                <h3>"Checklist: the calls AWS will make"</h3>
                <table class="review-table" data-testid="review-checklist">
                    <thead>
                        <tr><th scope="col">""</th><th scope="col">"Call"</th><th scope="col">"Caller and action"</th><th scope="col">"Outcome"</th></tr>
                    </thead>
                    <tbody>
                        {move || checked.get().into_iter().map(|call| view! {
                            <tr>
                                <td>{if call.ok { "☐ ✓" } else { "☐ ✗" }}</td>
                                <td>{call.description}</td>
                                <td><code>{call.caller}</code>" "<code>{call.action}</code></td>
                                <td>
                                    {if call.ok { "as expected: " } else { "WRONG: " }}
                                    {call.decision.effect.as_str()}
                                    {call.fix.map(|f| format!(" — fix: {f}"))}
                                </td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Show>
            <h3>"Approval"</h3>
            <p class="sign-off">"Reviewed by: ____________________   Date: ____________   Decision: approve / reject"</p>
        </section>
    }
    .into_any()
}
