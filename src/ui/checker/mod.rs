//! The policy checker: paste a policy, pick its kind, see its findings and where they point.

mod annotated_text;
mod fix_bar;
mod found_policies;

use crate::lint::{Finding, Fix};
use crate::policy::PolicyKind;
use crate::scenarios::ScenarioId;
use crate::analyst::{Answer, Form, Question};
use crate::ui::analyst;
use crate::ui::catalogue_loader::{ActionCatalogue, ActionCatalogueStatus};
use crate::ui::dom;
use crate::ui::findings::{text_box_range, FindingList};
use crate::ui::try_example::TryExample;
use annotated_text::AnnotatedText;
use fix_bar::{FixBar, FixHistory};
use found_policies::FoundPolicies;
use leptos::prelude::*;
use serde_json::Value;

/// `scenario` and `input` are the form's: with "judge against the form" on, the rules that compare a
/// policy with a scenario (its Region, account, key, log groups, bucket) run too.
#[component]
pub fn PolicyChecker(
    text: RwSignal<String>,
    kind: RwSignal<PolicyKind>,
    against_form: RwSignal<bool>,
    #[prop(into)] scenario: Signal<ScenarioId>,
    #[prop(into)] input: Signal<Value>,
) -> impl IntoView {
    let history = FixHistory::new(text);
    let is_blank = Memo::new(move |_| text.with(|t| t.trim().is_empty()));
    let catalogue = ActionCatalogue::get();
    let checked = analyst::asked(
        "checker",
        move || {
            catalogue.track();
            (!is_blank.get()).then(|| Question::Check {
                text: text.get(),
                kind: kind.get(),
                against: against_form.get().then(|| Form {
                    scenario: scenario.get(),
                    input: input.get(),
                }),
            })
        },
        |question, answer| match (question, answer) {
            (Question::Check { text, .. }, Answer::Checked { checked }) => Some((text, checked)),
            _ => None,
        },
    );
    // The findings and the text they were made on: while a newer text is being checked, the
    // marks stay on the text they point into.
    let checked_text = Memo::new(move |_| checked.answer.with(|c| c.as_ref().map(|(t, _)| t.clone()).unwrap_or_default()));
    // A paste holding several policies lists them; the user may show one policy's findings.
    let chosen = RwSignal::new(None::<usize>);
    let policies = Memo::new(move |_| checked.answer.with(|c| c.as_ref().map(|(_, c)| c.policies.clone()).unwrap_or_default()));
    let found_in = Memo::new(move |_| checked.answer.with(|c| c.as_ref().map(|(_, c)| c.found_in.clone()).unwrap_or_default()));
    let all_findings = Memo::new(move |_| checked.answer.with(|c| c.as_ref().map(|(_, c)| c.findings.clone()).unwrap_or_default()));
    let findings = Memo::new(move |_| {
        let pick = chosen.get().filter(|i| policies.with(|p| *i < p.len()));
        all_findings.with(|all| match pick {
            None => all.clone(),
            Some(i) => found_in.with(|owners| {
                all.iter().zip(owners).filter(|(_, o)| **o == i).map(|(f, _)| f.clone()).collect()
            }),
        })
    });
    let unloaded = Signal::derive(move || checked.answer.with(|c| c.as_ref().map(|(_, c)| c.unloaded.clone()).unwrap_or_default()));
    ActionCatalogue::get().load_for(unloaded);
    let against_label = move || {
        format!(
            "Also judge it against the form above ({}): its Region, account, key, log groups and bucket",
            scenario.get().title()
        )
    };
    let summary = move || {
        if is_blank.get() {
            "Nothing to check yet: paste a policy above.".to_owned()
        } else if let Some(why) = analyst::failure() {
            format!("Not checked: {why}.")
        } else if checked.answer.with(Option::is_none) {
            "Checking…".to_owned()
        } else {
            findings.with(|f| crate::report::summary(f))
        }
    };
    let summary_class = move || {
        findings.with(|f| match f.iter().map(|f| f.severity).min() {
            Some(worst) => format!("checker-summary sev-{}", worst.as_str()),
            None => "checker-summary".to_owned(),
        })
    };

    view! {
        <section class="checker panel" aria-labelledby="checker-title">
            <h2 id="checker-title" tabindex="-1">"Check an existing policy"</h2>
            <p class="section-intro">
                "Paste a policy to check it. It is checked in this page; nothing is sent anywhere."
            </p>
            <div class="checker-controls">
                <label for="checker-kind">"Policy kind"</label>
                <select id="checker-kind" data-testid="checker-kind"
                    on:change=move |ev| {
                        if let Some(chosen) = PolicyKind::from_cli_name(&event_target_value(&ev)) {
                            kind.set(chosen);
                        }
                    }>
                    {PolicyKind::ALL.into_iter().map(|k| view! {
                        <option value=k.cli_name() prop:selected=move || kind.get() == k>{k.label()}</option>
                    }).collect_view()}
                </select>
                <label class="checker-against-form">
                    <input type="checkbox" data-testid="checker-against-form"
                        prop:checked=against_form
                        on:change=move |ev| against_form.set(event_target_checked(&ev)) />
                    {against_label}
                </label>
            </div>
            <TryExample input testid="checker-examples"
                on_pick=Callback::new(move |(picked, example): (PolicyKind, String)| {
                    history.forget();
                    kind.set(picked);
                    text.set(example);
                }) />
            <label class="visually-hidden" for="checker-input">"Policy text"</label>
            <textarea id="checker-input" class="code" data-testid="checker-input" rows="12" spellcheck="false"
                autocomplete="off" placeholder="{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [ … ]\n}"
                aria-describedby="checker-summary"
                prop:value=text on:input=move |ev| {
                    history.forget();
                    text.set(event_target_value(&ev));
                }></textarea>
            <crate::ui::session::NotSavedNote text testid="checker-not-saved" />
            <p id="checker-summary" class=summary_class data-testid="checker-summary" role="status">{summary}</p>
            <ActionCatalogueStatus unloaded testid="checker-catalogue-status" />
            <Show when=move || !is_blank.get() && policies.with(|p| !p.is_empty())>
                <FoundPolicies policies findings=all_findings found_in chosen />
            </Show>
            <Show when=move || !is_blank.get()>
                <CheckerResults text=checked_text findings history pending=checked.pending />
            </Show>
        </section>
    }
}

#[component]
fn CheckerResults(
    /// The text the findings were made on (the box may already hold a newer one).
    #[prop(into)]
    text: Signal<String>,
    #[prop(into)] findings: Signal<Vec<Finding>>,
    history: FixHistory,
    /// A newer text is being checked.
    #[prop(into)]
    pending: Signal<bool>,
) -> impl IntoView {
    // A fix's edits point into the text it was found on: none while a newer text is checked.
    let on_fix = Callback::new(move |fix: Fix| {
        if !pending.get_untracked() {
            history.apply(&fix);
        }
    });
    let on_locate = Callback::new(move |(start, end): (usize, usize)| {
        let (from, to) = text.with_untracked(|t| text_box_range(t, start, end));
        dom::select_in_text_box("checker-input", from, to);
    });
    view! {
        <div class="checker-results" class:is-stale=pending aria-busy=move || pending.get().to_string()>
            <FixBar history findings pending />
            <FindingList findings testid="finding" on_fix on_locate />
            <h3 class="annotated-title">"Where they point"</h3>
            <AnnotatedText text findings />
        </div>
    }
}
