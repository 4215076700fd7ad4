//! The review an approver reads on paper: the scenario, its inputs as a table, and the calls the setup
//! must allow, judged against the generated documents. Only printed; the documents, their findings and
//! the steps follow from the page itself.

use super::Teaching;
use crate::scenarios::ScenarioId;
use crate::teaching::{review_checklist, review_inputs};
use leptos::prelude::*;

#[component]
pub fn ReviewSummary() -> impl IntoView {
    let Some(teaching) = use_context::<Teaching>() else {
        return ().into_any();
    };
    let scenario = Memo::new(move |_| {
        teaching
            .bundle
            .with(|b| b.as_ref().and_then(|b| ScenarioId::from_cli_name(b.scenario)))
    });
    let rows = Memo::new(move |_| {
        scenario
            .get()
            .map(|id| teaching.input.with(|input| review_inputs(id, input)))
            .unwrap_or_default()
    });
    let checked = Memo::new(move |_| {
        teaching.bundle.with(|b| {
            b.as_ref()
                .map(|b| teaching.input.with(|input| review_checklist(b, input)))
                .unwrap_or_default()
        })
    });
    view! {
        <section class="review-summary print-only" data-testid="review-summary" aria-label="Review summary">
            <h2>"Review: "{move || scenario.get().map(ScenarioId::title).unwrap_or_default()}</h2>
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
