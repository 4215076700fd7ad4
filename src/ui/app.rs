//! The page: header, scenario form beside its bundle, the checker, the rules.

use crate::policy::PolicyKind;
use crate::scenarios::{FieldError, ScenarioId};
use crate::ui::bundle::BundleView;
use crate::ui::checker::PolicyChecker;
use crate::ui::compare::{CompareChoice, ComparePanel};
use crate::ui::form::{set_member, ScenarioForm};
use crate::ui::record_import::RecordImport;
use crate::ui::rules_panel::RulesPanel;
use crate::ui::scenario_select::ScenarioSelect;
use crate::ui::section_nav::SectionNav;
use crate::ui::bundle::ReviewLink;
use crate::ui::session::{PageSignals, PastedTexts, SessionBar};
use crate::ui::troubleshooter::Troubleshooter;
use leptos::prelude::*;
use serde_json::Value;

/// The whole app. State is plain core values in signals; every derived value is a memo over one
/// core function.
#[component]
pub fn App() -> impl IntoView {
    let scenario = RwSignal::new(ScenarioId::LogGroupKey);
    // Every scenario's form as a first visit shows it, so switching scenarios keeps what was typed in each.
    let inputs = RwSignal::new(crate::session::blank_inputs());
    let input = Memo::new(move |_| {
        let id = scenario.get();
        inputs.with(|all| all.get(&id).cloned().unwrap_or_else(|| id.default_input()))
    });
    let outcome = Memo::new(move |_| {
        let id = scenario.get();
        input.with(|input| id.run(input))
    });
    let problems = Memo::new(move |_| outcome.with(|o| o.problems.clone()));
    // Problems no form field shows (the input as a whole): the banner shows them.
    let unplaced = Memo::new(move |_| {
        let fields = scenario.get().fields();
        problems.with(|all| {
            all.iter()
                .filter(|p| !fields.iter().any(|f| f.name == p.field))
                .cloned()
                .collect::<Vec<FieldError>>()
        })
    });
    let bundle = Memo::new(move |_| outcome.with(|o| o.bundle.clone()));
    // The first-visit fields still empty, named for the prompt ("Region and Account ID").
    let missing = Memo::new(move |_| {
        let id = scenario.get();
        let labels: Vec<&str> = input.with(|i| id.missing_fields(i).iter().map(|f| f.label).collect());
        match labels.split_last() {
            Some((last, [])) => (*last).to_owned(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        }
    });
    let on_example = Callback::new(move |()| {
        let id = scenario.get_untracked();
        inputs.update(|all| id.fill_example(all.entry(id).or_insert_with(|| id.blank_input())));
    });
    let on_change = Callback::new(move |(name, value): (&'static str, Value)| {
        let id = scenario.get_untracked();
        inputs.update(|all| set_member(all.entry(id).or_insert_with(|| id.blank_input()), name, value));
    });
    let checker_text = RwSignal::new(String::new());
    let checker_kind = RwSignal::new(PolicyKind::Key);
    let checker_against_form = RwSignal::new(false);
    // Every document card's verdict, from the analysis worker.
    crate::ui::bundle::DocumentChecks::provide(scenario.into(), input.into());
    // Teaching mode and the printed review read the input and bundle from context.
    crate::ui::bundle::Teaching::provide(input.into(), bundle.into());
    // A document card's "Compare this with mine" picks the document in the compare panel.
    CompareChoice::provide(scenario.into());
    ReviewLink::provide();
    // Share links and autosave cover these; other panels add texts through the `PastedTexts` context.
    let session = PageSignals {
        scenario,
        inputs,
        checker_text,
        checker_kind,
        checker_against_form,
        pasted: PastedTexts::provide(),
    };

    view! {
        <a class="skip-link" href="#scenario-form">"Skip to the form"</a>
        <a class="skip-link" href="#checker-title">"Skip to the policy checker"</a>
        <header class="page-header">
            <div class="page-header-inner">
                <h1>"CloudWatch Logs policy builder"</h1>
                <p class="tagline">
                    "Build, check and explain the KMS key policies, IAM policies and commands that encrypt Amazon CloudWatch Logs. Runs entirely in your browser."
                </p>
            </div>
        </header>
        <SectionNav />
        <main class="page">
            <SessionBar page=session />
            <div class="builder">
                <div class="builder-form panel" id="scenario-form" tabindex="-1" role="region" aria-label="Scenario form">
                    <ScenarioSelect scenario inputs />
                    <RecordImport scenario inputs checker_text checker_kind />
                    {move || {
                        let fields = scenario.get().fields();
                        view! { <ScenarioForm fields input on_change problems /> }
                    }}
                    <Show when=move || scenario.get() == ScenarioId::S3Export>
                        <Troubleshooter input />
                    </Show>
                </div>
                <div class="builder-output">
                    <BundleView bundle problems unplaced missing on_example />
                </div>
            </div>
            <ComparePanel scenario input bundle />
            <PolicyChecker text=checker_text kind=checker_kind against_form=checker_against_form scenario input />
            <RulesPanel />
        </main>
        <footer class="page-footer">
            <p>"Nothing you type leaves this page. Check generated policies against your own requirements before applying them."</p>
        </footer>
    }
}
