//! A scenario's form, drawn from its field declarations: one fieldset per section, one control per
//! field, each with its problems beside it.

mod controls;
mod field;
mod form_field;
mod schema;

pub use schema::set_member;

use crate::scenarios::{FieldError, FieldSpec};
use form_field::FormField;
use leptos::prelude::*;
use serde_json::Value;

/// The form of one scenario. `input` is its JSON input (an object keyed by field name);
/// `on_change` receives `(field name, new value)`; `problems` are the outcome's field problems.
#[component]
pub fn ScenarioForm(
    fields: &'static [FieldSpec],
    #[prop(into)] input: Signal<Value>,
    on_change: Callback<(&'static str, Value)>,
    #[prop(into)] problems: Signal<Vec<FieldError>>,
) -> impl IntoView {
    view! {
        <form class="scenario-form" on:submit=|ev| ev.prevent_default() autocomplete="off">
            {fields.is_empty().then(|| view! {
                <p class="section-intro" data-testid="no-fields">"This scenario has nothing to fill in yet."</p>
            })}
            {schema::sections(fields)
                .into_iter()
                .map(|(legend, members)| view! { <FormSection legend members input on_change problems /> })
                .collect_view()}
        </form>
    }
}

/// One group of fields under its legend.
#[component]
fn FormSection(
    legend: &'static str,
    members: Vec<&'static FieldSpec>,
    input: Signal<Value>,
    on_change: Callback<(&'static str, Value)>,
    problems: Signal<Vec<FieldError>>,
) -> impl IntoView {
    // A group whose every field is hidden by another field's choice (and has no problem to show
    // in its place) would be an empty heading.
    let names: Vec<&'static str> = members.iter().map(|m| m.name).collect();
    let conditions = members.clone();
    let empty = move || {
        input.with(|i| conditions.iter().all(|m| !schema::is_shown(m, i)))
            && problems.with(|p| !p.iter().any(|p| names.contains(&p.field)))
    };
    view! {
        <fieldset hidden=empty data-section=legend>
            <legend>{legend}</legend>
            {members.into_iter().map(|spec| view! { <FormField spec input on_change problems /> }).collect_view()}
        </fieldset>
    }
}
