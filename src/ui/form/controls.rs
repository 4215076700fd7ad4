//! Form controls bound to one value each: a line of text, a date, lines of text, a choice, a checkbox.
//! Each carries `id="field-NAME"` (for its label) and `data-testid="input-NAME"`.

use super::field::described_by;
use leptos::prelude::*;

/// A single-line text box, or with `date` a date picker (its value is `YYYY-MM-DD`).
#[component]
pub fn TextInput(
    field: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] invalid: Signal<bool>,
    #[prop(optional)] placeholder: &'static str,
    /// The id of a `<datalist>` of suggestions.
    #[prop(optional)] list: &'static str,
    #[prop(optional)] date: bool,
) -> impl IntoView {
    view! {
        <input
            type=if date { "date" } else { "text" }
            id=format!("field-{field}")
            data-testid=format!("input-{field}")
            list=(!list.is_empty()).then_some(list)
            placeholder=(!placeholder.is_empty()).then_some(placeholder)
            autocomplete="off"
            spellcheck="false"
            aria-describedby=described_by(field)
            aria-invalid=move || invalid.get().to_string()
            prop:value=value
            on:input=move |ev| on_input.run(event_target_value(&ev))
        />
    }
}

/// A text area holding one value per line. The text is kept exactly as typed (blank lines too),
/// so what is shown is what was typed; the core ignores blank lines.
#[component]
pub fn LinesInput(
    field: &'static str,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
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
            placeholder=(!placeholder.is_empty()).then_some(placeholder)
            spellcheck="false"
            aria-describedby=described_by(field)
            aria-invalid=move || invalid.get().to_string()
            prop:value=value
            on:input=move |ev| on_input.run(event_target_value(&ev))
        ></textarea>
    }
}

/// A drop-down of fixed `(value, label)` options: the value is what the core reads, the label what
/// the user reads.
#[component]
pub fn ChoiceInput(
    field: &'static str,
    options: &'static [(&'static str, &'static str)],
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
) -> impl IntoView {
    view! {
        <select id=format!("field-{field}") data-testid=format!("input-{field}") aria-describedby=described_by(field)
            on:change=move |ev| on_change.run(event_target_value(&ev))>
            {options
                .iter()
                .map(|&(option, label)| {
                    view! { <option value=option prop:selected=move || value.with(|v| v == option)>{label}</option> }
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
