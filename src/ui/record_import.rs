//! "Fill from a CloudTrail record": paste a record, and the page opens the scenario it belongs to
//! with the record's values written into that scenario's form. The pasted text is never cleared,
//! so a record that does not import can be fixed in place.

use crate::policy::PolicyKind;
use crate::analyst::{Answer, Question};
use crate::scenarios::audit_trail::{FilledField, FormFill, RecordPolicy};
use crate::ui::analyst;
use crate::scenarios::ScenarioId;
use crate::ui::rich_text::rich_text;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// A policy the record sets (PutKeyPolicy, PutBucketPolicy …) can be sent to the checker,
/// `checker_text` and `checker_kind`.
#[component]
pub fn RecordImport(
    scenario: RwSignal<ScenarioId>,
    inputs: RwSignal<BTreeMap<ScenarioId, Value>>,
    checker_text: RwSignal<String>,
    checker_kind: RwSignal<PolicyKind>,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<Result<(FormFill, Option<RecordPolicy>), String>>);
    let import = move || {
        let question = Question::ImportRecord {
            text: text.get_untracked(),
            inputs: inputs.get_untracked(),
        };
        analyst::ask("record-import", question, move |answer| {
            let Answer::RecordImported { result } = answer else { return };
            if let Ok((fill, _)) = &result {
                inputs.update(|all| {
                    all.insert(fill.scenario, fill.input.clone());
                });
                scenario.set(fill.scenario);
            }
            outcome.set(Some(result));
        });
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            import();
        }
    };

    view! {
        <details class="record-import" data-testid="record-import">
            <summary>"Fill from a CloudTrail record"</summary>
            <p class="hint" id="record-hint">
                "Paste one CloudTrail record (event history, "<code>"aws cloudtrail lookup-events"</code>
                ", a trail's log file, or an EventBridge alert). The scenario it belongs to opens with the record's values filled in; nothing is sent anywhere."
            </p>
            <label for="record-input">"CloudTrail record (JSON)"</label>
            <textarea id="record-input" class="code" data-testid="record-input" rows="7" spellcheck="false"
                autocomplete="off" placeholder="{ \"eventSource\": \"logs.amazonaws.com\", \"eventName\": \"CreateExportTask\", … }"
                aria-describedby="record-hint record-status"
                prop:value=text on:input=move |ev| text.set(event_target_value(&ev)) on:keydown=on_keydown></textarea>
            <div class="record-import-actions">
                <button type="button" class="button primary" data-testid="record-import-button" on:click=move |_| import()>
                    "Fill the form"
                </button>
                <span class="hint">"or Ctrl+Enter in the box"</span>
            </div>
            <div id="record-status" role="status" data-testid="record-status">
                {move || outcome.get().map(|result| match result {
                    Ok((fill, policy)) => view! { <ImportReport fill policy checker_text checker_kind /> }.into_any(),
                    Err(why) => view! {
                        <p class="import-message import-failed" data-testid="record-message">
                            <span aria-hidden="true">"✖ "</span><strong>"Not imported: "</strong>{why}
                        </p>
                    }.into_any(),
                })}
            </div>
        </details>
    }
}

/// What the import filled, by label and value, and the notes about the rest.
#[component]
fn ImportReport(
    fill: FormFill,
    policy: Option<RecordPolicy>,
    checker_text: RwSignal<String>,
    checker_kind: RwSignal<PolicyKind>,
) -> impl IntoView {
    let message = fill.message();
    let FormFill { filled, notes, .. } = fill;
    view! {
        <p class="import-message import-done" data-testid="record-message">
            <span aria-hidden="true">"✓ "</span>{message}
        </p>
        {(!filled.is_empty()).then(|| view! {
            <dl class="import-filled" data-testid="record-filled">
                {filled.into_iter().map(|field| view! { <FilledValue field /> }).collect_view()}
            </dl>
        })}
        {(!notes.is_empty()).then(|| view! {
            <ul class="import-notes" data-testid="record-notes">
                {notes.into_iter().map(|note| view! { <li>{rich_text(&note)}</li> }).collect_view()}
            </ul>
        })}
        {policy.and_then(|p| p.kind.map(|kind| (p.text, kind))).map(|(text, kind)| view! {
            <p class="import-policy">
                "The record sets a "{kind.label()}". "
                <a href="#checker-title" data-testid="record-check-policy" on:click=move |_| {
                    checker_kind.set(kind);
                    checker_text.set(text.clone());
                }>"Check it in the policy checker"</a>
            </p>
        })}
    }
}

#[component]
fn FilledValue(field: FilledField) -> impl IntoView {
    let shown = match &field.value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    };
    view! {
        <dt>{field.label}</dt>
        <dd><code>{shown}</code></dd>
    }
}
