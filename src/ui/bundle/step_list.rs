//! The shell commands that apply the documents, one copy button each and one for all.

use crate::report;
use crate::scenarios::{Step, TrailEvent};
use crate::ui::copy_button::CopyButton;
use crate::ui::download_button::DownloadButton;
use crate::ui::wrap_points::with_wrap_points;
use leptos::prelude::*;

/// Nothing at all when the bundle has no steps.
#[component]
pub fn StepList(#[prop(into)] steps: Signal<Vec<Step>>) -> impl IntoView {
    view! {
        <Show when=move || steps.with(|s| !s.is_empty())>
            <Steps steps />
        </Show>
    }
}

#[component]
fn Steps(#[prop(into)] steps: Signal<Vec<Step>>) -> impl IntoView {
    let script = Memo::new(move |_| steps.with(|s| report::script(s)));
    // Keyed by content: a step whose command changes is redrawn, an unchanged one keeps its
    // copy feedback.
    let keyed = move || steps.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <section class="steps" aria-labelledby="steps-title">
            <div class="section-head">
                <h2 id="steps-title" tabindex="-1">"Commands"</h2>
                <div class="actions">
                    <CopyButton text=script label="Copy all steps as one script" testid="copy-all-steps"
                        caption="Copy all steps" />
                    <DownloadButton text=script file_name="apply.sh".to_owned() testid="download-steps"
                        mime="text/x-shellscript" />
                </div>
            </div>
            <p class="section-intro">"Run them in order with the AWS CLI, in the directory where you saved the documents."</p>
            <ol class="step-list">
                <For
                    each=keyed
                    key=|(i, step)| (*i, step.title.clone(), step.command.clone(), step.events.clone())
                    children=|(i, step)| view! { <StepItem number=i + 1 step /> }
                />
            </ol>
        </section>
    }
}

#[component]
fn StepItem(number: usize, step: Step) -> impl IntoView {
    let Step { title, command, events, .. } = step;
    let label = format!("Copy step {number}: {title}");
    view! {
        <li class="step" data-testid="step">
            <div class="step-head">
                <h3><span class="step-number">{number}". "</span>{title}</h3>
                <CopyButton text=command.clone() label testid="copy-step" />
            </div>
            <pre class="code" data-testid="step-command" tabindex="0" inner_html=with_wrap_points(&command)></pre>
            <TrailEvents events />
        </li>
    }
}

/// The CloudTrail events the step's API calls record, as `eventSource eventName` chips.
#[component]
fn TrailEvents(events: Vec<TrailEvent>) -> impl IntoView {
    (!events.is_empty()).then(|| {
        view! {
            <div class="trail-events">
                <span class="trail-events-label">"CloudTrail records"</span>
                <ul>
                    {events.into_iter().map(|e| view! {
                        <li class="chip" data-testid="step-event" title=format!("eventSource {} · eventName {}", e.source, e.name)>
                            <span class="chip-source">{e.source}</span>" "<span class="chip-name">{e.name}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}
