//! Form controls bound to one value each: text, lines of text, a choice, a checkbox.

use super::field::described_by;
use leptos::prelude::*;

/// A single-line text box.
#[component]
pub fn TextInput(
    field: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] invalid: Signal<bool>,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] list: Option<&'static str>,
) -> impl IntoView {
    view! {
        <input
            type="text"
            id=format!("field-{field}")
            data-testid=format!("input-{field}")
            list=list
            placeholder=placeholder
            autocomplete="off"
            spellcheck="false"
            aria-describedby=described_by(field)
            aria-invalid=move || invalid.get().to_string()
            prop:value=value
            on:input=move |ev| on_input.run(event_target_value(&ev))
        />
    }
}

/// A text area holding one value per line. Lines are kept exactly as typed (blank ones too), so
/// what is shown is what was typed; the core ignores blank lines.
#[component]
pub fn LinesInput(
    field: &'static str,
    #[prop(into)] value: Signal<Vec<String>>,
    on_input: Callback<Vec<String>>,
    #[prop(into)] invalid: Signal<bool>,
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    view! {
        <textarea
            id=format!("field-{field}")
            data-testid=format!("input-{field}")
            rows="3"
            // One value per line: soft wrapping would make one long ARN look like two.
            wrap="off"
            placeholder=placeholder
            spellcheck="false"
            aria-describedby=described_by(field)
            aria-invalid=move || invalid.get().to_string()
            prop:value=move || value.with(|lines| lines.join("\n"))
            on:input=move |ev| on_input.run(event_target_value(&ev).split('\n').map(String::from).collect())
        ></textarea>
    }
}

/// A drop-down of fixed options; `name` gives each its stable form value (`aws`, `one-group` …),
/// `label` what the user reads.
#[component]
pub fn Choice<T>(
    field: &'static str,
    options: &'static [T],
    name: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    #[prop(into)] value: Signal<T>,
    on_change: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let on_change = move |ev| {
        let chosen = event_target_value(&ev);
        if let Some(option) = options.iter().find(|o| name(**o) == chosen) {
            on_change.run(*option);
        }
    };
    view! {
        <select id=format!("field-{field}") data-testid=format!("input-{field}") aria-describedby=described_by(field) on:change=on_change>
            {options
                .iter()
                .map(|&option| {
                    view! { <option value=name(option) prop:selected=move || value.get() == option>{label(option)}</option> }
                })
                .collect_view()}
        </select>
    }
}

/// A checkbox with its label beside it.
#[component]
pub fn Checkbox(
    field: &'static str,
    label: &'static str,
    #[prop(into)] value: Signal<bool>,
    on_change: Callback<bool>,
) -> impl IntoView {
    view! {
        <label class="checkbox" for=format!("field-{field}")>
            <input
                type="checkbox"
                id=format!("field-{field}")
                data-testid=format!("input-{field}")
                aria-describedby=described_by(field)
                prop:checked=value
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span>{label}</span>
        </label>
    }
}
