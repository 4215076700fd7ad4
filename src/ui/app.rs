//! The page: header, scenario form beside its bundle, the checker, the rules.

use crate::policy::PolicyKind;
use crate::scenarios::log_group_key::{check_input, generate, LogGroupKeyInput};
use crate::scenarios::ScenarioId;
use crate::ui::bundle::BundleView;
use crate::ui::checker::PolicyChecker;
use crate::ui::form::LogGroupKeyForm;
use crate::ui::rules_panel::RulesPanel;
use crate::ui::scenario_select::ScenarioSelect;
use leptos::prelude::*;

/// The whole app. State is plain core values in signals; every derived value is a memo over one
/// core function.
#[component]
pub fn App() -> impl IntoView {
    let scenario = RwSignal::new(ScenarioId::LogGroupKey);
    let input = RwSignal::new(LogGroupKeyInput::default());
    let bundle = Memo::new(move |_| input.with(generate));
    let errors = Memo::new(move |_| input.with(check_input));
    let checker_text = RwSignal::new(String::new());
    let checker_kind = RwSignal::new(PolicyKind::Key);

    view! {
        <a class="skip-link" href="#checker-title">"Skip to the policy checker"</a>
        <header class="page-header">
            <div class="page-header-inner">
                <h1>"CloudWatch Logs policy builder"</h1>
                <p class="tagline">
                    "Build, check and explain the KMS key policies, IAM policies and commands that encrypt Amazon CloudWatch Logs. Runs entirely in your browser."
                </p>
            </div>
        </header>
        <main class="page">
            <div class="builder">
                <div class="builder-form panel">
                    <ScenarioSelect scenario />
                    {move || match scenario.get() {
                        ScenarioId::LogGroupKey => view! { <LogGroupKeyForm input errors /> },
                    }}
                </div>
                <div class="builder-output">
                    <BundleView bundle errors />
                </div>
            </div>
            <PolicyChecker text=checker_text kind=checker_kind />
            <RulesPanel />
        </main>
        <footer class="page-footer">
            <p>"Nothing you type leaves this page. Check generated policies against your own requirements before applying them."</p>
        </footer>
    }
}
