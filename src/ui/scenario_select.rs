//! The scenario chooser: each scenario by a short name that fits a phone, then the chosen one's
//! full title, what it is for and when to pick another (`ScenarioId::intro`).

use crate::scenarios::{carry_over, ScenarioId};
use leptos::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

/// Choosing another scenario brings the Region and account typed in this one into the chosen
/// one's empty fields (`carry_over`).
#[component]
pub fn ScenarioSelect(scenario: RwSignal<ScenarioId>, inputs: RwSignal<BTreeMap<ScenarioId, Value>>) -> impl IntoView {
    let intro = move || scenario.get().intro();
    view! {
        <div class="scenario-select">
            <label for="scenario">"Scenario"</label>
            <select id="scenario" data-testid="scenario-select" aria-describedby="scenario-intro"
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(id) = ScenarioId::from_cli_name(&chosen) {
                        let left = scenario.get_untracked();
                        inputs.update(|all| {
                            if let Some(from) = all.get(&left).cloned() {
                                carry_over(&from, all.entry(id).or_insert_with(|| id.blank_input()));
                            }
                        });
                        scenario.set(id);
                    }
                }>
                {ScenarioId::ALL.into_iter().map(|id| view! {
                    <option value=id.cli_name() title=id.title() prop:selected=move || scenario.get() == id>{id.intro().short_name}</option>
                }).collect_view()}
            </select>
            <div id="scenario-intro" class="scenario-intro" data-testid="scenario-intro">
                <p class="scenario-title" data-testid="scenario-title"><strong>{move || scenario.get().title()}</strong></p>
                <p data-testid="scenario-purpose">{move || intro().purpose}</p>
                <p class="hint" data-testid="scenario-pick-another">{move || intro().pick_another}</p>
            </div>
        </div>
    }
}
