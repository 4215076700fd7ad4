//! What removing one statement does, shown in place under it: the calls that stop working (with the
//! fix) and the findings that appear.

use super::Teaching;
use crate::analyst::{Answer, Form, Question};
use crate::ui::analyst;
use crate::ui::findings::FindingList;
use leptos::prelude::*;

#[component]
pub fn BreakResult(file: String, index: usize) -> impl IntoView {
    let Some(teaching) = use_context::<Teaching>() else {
        return ().into_any();
    };
    let asked = analyst::asked(
        format!("break:{file}:{index}"),
        move || {
            let scenario = teaching.bundle.with(|b| b.as_ref().map(|b| b.scenario))?;
            Some(Question::Break {
                form: Form {
                    scenario,
                    input: teaching.input.get(),
                },
                file_name: file.clone(),
                index,
            })
        },
        |_, answer| match answer {
            Answer::Broken { breakage } => Some(breakage),
            _ => None,
        },
    );
    let breakage = Memo::new(move |_| asked.answer.get().flatten());
    let calls = move || breakage.with(|b| b.as_ref().map(|b| b.broken_calls.clone()).unwrap_or_default());
    let findings =
        Signal::derive(move || breakage.with(|b| b.as_ref().map(|b| b.new_findings.clone()).unwrap_or_default()));
    let noticed = move || breakage.with(|b| b.as_ref().is_some_and(|b| b.is_noticed()));
    view! {
        <div class="break-result" data-testid="break-result" role="status" aria-live="polite">
            <p class="break-intro">"Without this statement (nothing is changed in the document above):"</p>
            <Show when=move || asked.answer.with(Option::is_none)>
                <p class="check-pending">{move || analyst::failure().map_or_else(|| "Checking…".to_owned(), |why| format!("Not checked: {why}."))}</p>
            </Show>
            <Show when=move || !calls().is_empty()>
                <h6>"Calls that would be denied"</h6>
                <ul class="broken-calls">
                    {move || calls().into_iter().map(|call| view! {
                        <li data-testid="broken-call">
                            <strong>{call.description}</strong>
                            <span class="call-request">
                                " — "<code>{call.caller}</code>" calls "<code data-testid="broken-call-action">{call.action}</code>
                                ": "<span class="verdict-bad">{call.decision.effect.as_str()}</span>
                            </span>
                            {call.fix.map(|fix| view! { <p class="call-fix">"Fix: "{fix}</p> })}
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || findings.with(|f| !f.is_empty())>
                <h6>"New findings"</h6>
                <FindingList findings testid="break-finding" />
            </Show>
            <Show when=move || asked.answer.with(Option::is_some) && !noticed()>
                <p data-testid="break-unnoticed">
                    "No call this scenario checks and no validator rule depends on this statement alone; the reason above says what it is for."
                </p>
            </Show>
        </div>
    }
    .into_any()
}
