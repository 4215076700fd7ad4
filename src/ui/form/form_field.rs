//! One declared field: the control its kind calls for, shown while its condition holds; while
//! hidden, its problems still show in its place.

use super::controls::{Checkbox, ChoiceInput, LinesInput, TextInput};
use super::field::{Field, FieldErrors};
use super::schema::{is_shown, lines_text, lines_value, partition_of, text_of};
use crate::scenarios::account_id::normalize_value;
use crate::scenarios::{Control, FieldError, FieldSeverity, FieldSpec};
use leptos::prelude::*;
use serde_json::Value;

/// Choices with more options than this get a box that filters them by typing.
const FILTERED_FROM: usize = 12;

#[component]
pub fn FormField(
    spec: &'static FieldSpec,
    input: Signal<Value>,
    on_change: Callback<(&'static str, Value)>,
    problems: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let name = spec.name;
    let value = Memo::new(move |_| input.with(|i| i.get(name).cloned().unwrap_or(Value::Null)));
    // A field a first visit leaves empty on purpose (Region, account …) is not an error yet: the
    // bundle area asks for it. Its problems show once the user has changed it, or it holds text.
    let touched = RwSignal::new(false);
    let held_back = Memo::new(move |_| {
        spec.starts_empty && !touched.get() && value.with(|v| v.as_str().is_some_and(|t| t.trim().is_empty()))
    });
    let errors = Memo::new(move |_| {
        if held_back.get() {
            return Vec::new();
        }
        problems.with(|all| all.iter().filter(|p| p.field == name).cloned().collect::<Vec<_>>())
    });
    let on_change = Callback::new(move |change| {
        touched.set(true);
        on_change.run(change);
    });
    let shown = Memo::new(move |_| input.with(|i| is_shown(spec, i)));
    let hidden_errors = move || view! { <FieldErrors field=name errors about=spec.label /> };
    view! {
        <Show when=move || shown.get() fallback=hidden_errors>
            <FieldControl spec value errors input on_change />
        </Show>
    }
}

/// The control for the field's kind, in its labelled frame.
#[component]
fn FieldControl(
    spec: &'static FieldSpec,
    #[prop(into)] value: Signal<Value>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    input: Signal<Value>,
    on_change: Callback<(&'static str, Value)>,
) -> impl IntoView {
    let FieldSpec { name, label, hint, .. } = *spec;
    let invalid = Signal::derive(move || errors.with(|e| e.iter().any(|e| e.severity == FieldSeverity::Error)));
    // An account pasted as the console shows it is shown as the digits the documents use.
    let set = move |v: Value| on_change.run((name, if spec.account_id { normalize_value(v) } else { v }));
    let text = Signal::derive(move || value.with(text_of));
    let set_text = Callback::new(move |t: String| set(Value::String(t)));
    match spec.control {
        Control::Text { placeholder } => {
            let list = if name == "region" { "regions" } else { "" };
            view! {
                <Field field=name label hint errors>
                    <TextInput field=name value=text on_input=set_text invalid placeholder list />
                    {(name == "region").then(|| view! { <RegionSuggestions input /> })}
                </Field>
            }
            .into_any()
        }
        Control::Date => view! {
            <Field field=name label hint errors>
                <TextInput field=name value=text on_input=set_text invalid date=true />
            </Field>
        }
        .into_any(),
        Control::Lines { placeholder } => {
            let lines = Signal::derive(move || value.with(lines_text));
            let set_lines = Callback::new(move |t: String| set(lines_value(&t)));
            view! {
                <Field field=name label hint errors>
                    <LinesInput field=name value=lines on_input=set_lines invalid placeholder />
                </Field>
            }
            .into_any()
        }
        Control::Choice { options } => view! {
            <Field field=name label hint errors>
                <ChoiceInput field=name options value=text on_change=set_text filtered={options.len() > FILTERED_FROM} />
            </Field>
        }
        .into_any(),
        Control::Check => {
            let checked = Signal::derive(move || value.with(|v| v.as_bool().unwrap_or(false)));
            let set_checked = Callback::new(move |b: bool| set(Value::Bool(b)));
            view! {
                <Field field=name hint errors>
                    <Checkbox field=name label value=checked on_change=set_checked />
                </Field>
            }
            .into_any()
        }
    }
}

/// The Regions of the input's partition, offered while typing a Region.
#[component]
fn RegionSuggestions(input: Signal<Value>) -> impl IntoView {
    let partition = Memo::new(move |_| input.with(partition_of));
    view! {
        <datalist id="regions">
            {move || partition.get().regions().iter().map(|r| view! { <option value=*r></option> }).collect_view()}
        </datalist>
    }
}
