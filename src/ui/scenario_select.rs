//! The scenario chooser: every scenario by its title.

use crate::scenarios::ScenarioId;
use leptos::prelude::*;

#[component]
pub fn ScenarioSelect(scenario: RwSignal<ScenarioId>) -> impl IntoView {
    view! {
        <div class="scenario-select">
            <label for="scenario">"Scenario"</label>
            <select id="scenario" data-testid="scenario-select"
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(id) = ScenarioId::from_cli_name(&chosen) {
                        scenario.set(id);
                    }
                }>
                {ScenarioId::ALL.into_iter().map(|id| view! {
                    <option value=id.cli_name() prop:selected=move || scenario.get() == id>{id.title()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}
