//! "Got an export error?": pick a known error or paste the message, and see the missing
//! permission and the statement of the current bundle that grants it.

use crate::analyst::{Answer as Answered, Question};
use crate::scenarios::s3_export::troubleshoot::{Answer, Remedy, KNOWN_ERRORS};
use crate::ui::analyst;
use crate::ui::bundle::statement_anchor;
use crate::ui::copy_button::CopyButton;
use crate::ui::dom;
use leptos::prelude::*;
use serde_json::Value;

/// `input` is the s3-export form's input; the answer follows it as the user types.
#[component]
pub fn Troubleshooter(#[prop(into)] input: Signal<Value>) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let asked = analyst::asked(
        "troubleshoot",
        move || {
            let text = message.get();
            (!text.trim().is_empty()).then(|| Question::Troubleshoot {
                message: text,
                input: input.get(),
            })
        },
        |_, answer| match answer {
            Answered::Troubleshot { result } => Some(result),
            _ => None,
        },
    );
    let answer = Memo::new(move |_| asked.answer.get());
    // A pick from the list brings its answer into view once it arrives from the worker (it appears
    // under the message box, often below the fold); typing does not scroll.
    let reveal = RwSignal::new(false);
    Effect::new(move |_| {
        if answer.with(Option::is_some) && !asked.pending.get() && reveal.get_untracked() {
            reveal.set(false);
            request_animation_frame(|| dom::scroll_into_view_nearest("troubleshoot-answer"));
        }
    });
    // The select shows the known error the box holds, or "" once the text is something else.
    let picked = move || message.with(|m| KNOWN_ERRORS.iter().find(|e| e.message == m).map(|e| e.id).unwrap_or(""));

    view! {
        <section class="troubleshooter" data-testid="troubleshooter" aria-labelledby="troubleshooter-title">
            <h2 id="troubleshooter-title">"Got an export error?"</h2>
            <p class="hint">"Pick the error or paste the message create-export-task printed; the answer uses the values in the form above."</p>
            <label for="troubleshoot-known">"Known error"</label>
            <select id="troubleshoot-known" data-testid="troubleshoot-known"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    if let Some(known) = KNOWN_ERRORS.iter().find(|e| e.id == id) {
                        reveal.set(true);
                        message.set(known.message.to_owned());
                    }
                }>
                <option value="" prop:selected=move || picked().is_empty()>"Choose an error…"</option>
                {KNOWN_ERRORS.iter().map(|e| view! {
                    <option value=e.id prop:selected=move || picked() == e.id>{e.label}</option>
                }).collect_view()}
            </select>
            <label for="troubleshoot-message">"Error message"</label>
            <textarea id="troubleshoot-message" data-testid="troubleshoot-message" rows="3" spellcheck="false"
                autocomplete="off" placeholder="An error occurred (InvalidParameterException) when calling the CreateExportTask operation: …"
                prop:value=message on:input=move |ev| message.set(event_target_value(&ev))></textarea>
            <div role="status" id="troubleshoot-answer" data-testid="troubleshoot-answer">
                {move || answer.get().map(|result| match result {
                    Ok(answer) => view! { <Diagnoses answer /> }.into_any(),
                    Err(why) => view! { <p class="import-message import-failed">{why}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}

#[component]
fn Diagnoses(answer: Answer) -> impl IntoView {
    let heading = match answer.recognised {
        Some(known) => format!("{} ({})", known.label, known.exception),
        None => "Not recognised".to_owned(),
    };
    view! {
        <p class="troubleshoot-heading" data-testid="troubleshoot-heading"><strong>{heading}</strong></p>
        <ol class="remedies">
            {answer.remedies.into_iter().enumerate().map(|(i, remedy)| view! { <RemedyItem number=i + 1 remedy /> }).collect_view()}
        </ol>
    }
}

#[component]
fn RemedyItem(number: usize, remedy: Remedy) -> impl IntoView {
    let Remedy {
        diagnosis,
        location,
        text,
    } = remedy;
    let label = format!("Copy the fix for cause {number}");
    let diagnosis_target = diagnosis
        .fix_sid
        .as_deref()
        .zip(diagnosis.fix_document.as_deref())
        .map(|(sid, file)| statement_anchor(file, sid));
    view! {
        <li class="remedy" data-testid="remedy">
            <p class="remedy-cause">{diagnosis.cause}</p>
            <p class="remedy-missing"><span class="remedy-key">"Missing: "</span><code data-testid="remedy-missing">{diagnosis.missing}</code></p>
            <p class="remedy-explanation">{diagnosis.explanation}</p>
            {location.map(|place| {
                // Only a statement the bundle has gets a link: its explanation on its document's card.
                let target = diagnosis_target.filter(|_| text.is_some());
                view! {
                    <p class="remedy-location"><span class="remedy-key">"Fix: "</span>
                        {target.is_none().then(|| place.clone())}
                        {target.map(|anchor| view! {
                            <a href=format!("#{}", anchor.clone()) data-testid="remedy-link"
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    dom::reveal(&anchor);
                                }>{place}</a>
                        })}
                    </p>
                }
            })}
            {text.map(|text| view! {
                <div class="remedy-fix">
                    <CopyButton text=text.clone() label testid="copy-remedy" />
                    <pre class="code" data-testid="remedy-statement" tabindex="0">{text}</pre>
                </div>
            })}
        </li>
    }
}
