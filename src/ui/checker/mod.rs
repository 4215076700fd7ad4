//! The policy checker: paste a policy, pick its kind, see its findings and where they point.

mod annotated_text;
mod fix_bar;

use crate::lint::{Finding, Fix};
use crate::policy::PolicyKind;
use crate::scenarios::ScenarioId;
use crate::ui::catalogue_loader::{ActionCatalogue, ActionCatalogueStatus, Checked};
use crate::ui::dom;
use crate::ui::findings::{text_box_range, FindingList};
use crate::ui::try_example::TryExample;
use annotated_text::AnnotatedText;
use fix_bar::{FixBar, FixHistory};
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
    let checked = Memo::new(move |_| {
        catalogue.track();
        if is_blank.get() {
            Checked::default()
        } else if against_form.get() {
            text.with(|t| input.with(|i| crate::analyze_in_scenario(t, kind.get(), scenario.get(), i).into()))
        } else {
            text.with(|t| crate::analyze(t, kind.get()).into())
        }
    });
    let findings = Memo::new(move |_| checked.with(|c| c.findings.clone()));
    let unloaded = Signal::derive(move || checked.with(|c| c.unloaded.clone()));
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
            <Show when=move || !is_blank.get()>
                <CheckerResults text findings history />
            </Show>
        </section>
    }
}

#[component]
fn CheckerResults(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] findings: Signal<Vec<Finding>>,
    history: FixHistory,
) -> impl IntoView {
    let on_fix = Callback::new(move |fix: Fix| history.apply(&fix));
    let on_locate = Callback::new(move |(start, end): (usize, usize)| {
        let (from, to) = text.with_untracked(|t| text_box_range(t, start, end));
        dom::select_in_text_box("checker-input", from, to);
    });
    view! {
        <div class="checker-results">
            <FixBar history findings />
            <FindingList findings testid="finding" on_fix on_locate />
            <h3 class="annotated-title">"Where they point"</h3>
            <AnnotatedText text findings />
        </div>
    }
}
