//! Under the steps: what CloudTrail records when they run, the later calls worth an alert (each
//! with why, in words), and the EventBridge pattern that matches those.

use crate::scenarios::audit_trail::{audit_summary, AuditSummary, RiskyCall, StepTrail};
use crate::scenarios::Bundle;
use crate::ui::copy_button::CopyButton;
use crate::ui::download_button::DownloadButton;
use leptos::prelude::*;

/// Nothing when the bundle records nothing and has nothing to watch.
#[component]
pub fn AuditTrailPanel(#[prop(into)] bundle: Signal<Option<Bundle>>) -> impl IntoView {
    let summary = Memo::new(move |_| bundle.with(|b| b.as_ref().map(audit_summary)));
    let has_content = move || summary.with(|s| s.as_ref().is_some_and(|s| !s.steps.is_empty() || !s.risky.is_empty()));
    view! {
        <Show when=has_content>
            <AuditTrail summary=Signal::derive(move || summary.get().unwrap_or_else(empty)) />
        </Show>
    }
}

fn empty() -> AuditSummary {
    AuditSummary {
        steps: Vec::new(),
        risky: Vec::new(),
        pattern: String::new(),
        pattern_file: String::new(),
    }
}

#[component]
fn AuditTrail(summary: Signal<AuditSummary>) -> impl IntoView {
    let steps = Signal::derive(move || summary.with(|s| s.steps.clone()));
    let risky = Signal::derive(move || summary.with(|s| s.risky.clone()));
    let pattern = Signal::derive(move || summary.with(|s| s.pattern.clone()));
    let file = Signal::derive(move || summary.with(|s| s.pattern_file.clone()));
    view! {
        <section class="audit-trail" data-testid="audit-trail" aria-labelledby="audit-trail-title">
            <h2 id="audit-trail-title" tabindex="-1">"Audit trail"</h2>
            <p class="section-intro">
                "What CloudTrail records when you run these steps, and the later calls that can silently break this setup: alert on those."
            </p>
            <Show when=move || steps.with(|s| !s.is_empty())>
                <h3>"Recorded by the steps"</h3>
                <ol class="trail-steps" data-testid="audit-steps">
                    {move || steps.get().into_iter().map(|step| view! { <StepEvents step /> }).collect_view()}
                </ol>
            </Show>
            <h3>"Alert on risky changes"</h3>
            <ul class="risk-list" data-testid="audit-risky">
                {move || risky.get().into_iter().map(|call| view! { <RiskyItem call /> }).collect_view()}
            </ul>
            <div class="card document pattern-card">
                <header class="card-head">
                    <div class="card-title">
                        <h4>"EventBridge event pattern"</h4>
                        <p class="card-meta"><code class="file-name">{file}</code></p>
                    </div>
                    <div class="actions">
                        <CopyButton text=pattern label="Copy the event pattern" testid="copy-audit-pattern" />
                        <DownloadButton text=pattern file_name=file testid="download-audit-pattern" />
                    </div>
                </header>
                <pre class="code" data-testid="audit-pattern" tabindex="0">{pattern}</pre>
                <p class="file-why">
                    "Use it as the rule's pattern: "<code>"aws events put-rule --event-pattern file://"{file}</code>
                    ". The rule only sees calls in its own Region, from a trail that records management events."
                </p>
            </div>
        </section>
    }
}

#[component]
fn StepEvents(step: StepTrail) -> impl IntoView {
    let StepTrail { number, title, events } = step;
    view! {
        <li class="trail-step" data-testid="audit-step">
            <span class="trail-step-title">"Step "{number}": "{title}</span>
            <ul>
                {events.into_iter().map(|e| view! {
                    <li data-testid="audit-event" class:risky=e.risky>
                        <code>{e.event.source}</code>" "<strong>{e.event.name}</strong>
                        {e.risky.then(|| view! { <span class="risk-tag">"⚠ risky"</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </li>
    }
}

#[component]
fn RiskyItem(call: RiskyCall) -> impl IntoView {
    let RiskyCall { event, why, steps } = call;
    let made_by = match steps.as_slice() {
        [] => "No step makes it; alert if anyone does.".to_owned(),
        [one] => format!("Step {one} makes it."),
        many => format!(
            "Steps {} make it.",
            many.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")
        ),
    };
    view! {
        <li data-testid="audit-risk">
            <span class="risk-event"><code>{event.source}</code>" "<strong>{event.name}</strong></span>
            <span class="risk-why">" — "{why}". "</span>
            <span class="risk-steps">{made_by}</span>
        </li>
    }
}
