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
            on:input=move |ev| keep_in_step(&ev, on_input, value)
        />
    }
}

/// Passes what was typed on; when the form keeps it otherwise (an account pasted as
/// `4444 5555 6666` is kept as its digits), the box shows what is kept, even if that did not change.
fn keep_in_step(ev: &leptos::ev::Event, on_input: Callback<String>, value: Signal<String>) {
    let typed = event_target_value(ev);
    on_input.run(typed.clone());
    let kept = value.get_untracked();
    if kept != typed {
        if let Some(target) = ev.target() {
            let _ = js_sys::Reflect::set(&target, &"value".into(), &kept.into());
        }
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
            on:input=move |ev| keep_in_step(&ev, on_input, value)
        ></textarea>
    }
}

/// A drop-down of fixed `(value, label)` options: the value is what the core reads, the label what
/// the user reads. With `filtered`, a box above it narrows the list to the options whose label or
/// value contains what is typed (the chosen one always stays); Enter there picks the first match.
#[component]
pub fn ChoiceInput(
    field: &'static str,
    options: &'static [(&'static str, &'static str)],
    #[prop(into)] value: Signal<String>,
    on_change: Callback<String>,
    #[prop(optional)] filtered: bool,
) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let matches = move |&(option, label): &(&str, &str)| {
        query.with(|q| {
            let q = q.trim().to_lowercase();
            q.is_empty() || label.to_lowercase().contains(&q) || option.contains(&q)
        })
    };
    let matching = move || options.iter().filter(|o| matches(o)).count();
    let status = move || match matching() {
        n if n == options.len() => String::new(),
        0 => "Nothing matches; the list shows only the current choice.".to_owned(),
        n => format!("{n} of {} match.", options.len()),
    };
    let filter = move || {
        filtered.then(|| {
            view! {
                <div class="choice-filter">
                    <input type="search" id=format!("field-{field}-filter") data-testid=format!("filter-{field}")
                        aria-label="Filter the list below by name" aria-controls=format!("field-{field}")
                        aria-describedby=format!("field-{field}-filter-status")
                        placeholder="Type to filter the list" autocomplete="off" spellcheck="false"
                        prop:value=query
                        on:input=move |ev| query.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            if ev.key() == "Enter" {
                                ev.prevent_default();
                                if let Some((first, _)) = options.iter().find(|o| matches(o)) {
                                    on_change.run((*first).to_owned());
                                }
                            }
                        } />
                    <span class="hint" id=format!("field-{field}-filter-status") data-testid=format!("filter-{field}-status")
                        role="status">{status}</span>
                </div>
            }
        })
    };
    view! {
        {filter}
        <select id=format!("field-{field}") data-testid=format!("input-{field}") aria-describedby=described_by(field)
            on:change=move |ev| on_change.run(event_target_value(&ev))>
            // Hidden options leave the list (the chosen one always stays, so the box shows it).
            {options
                .iter()
                .map(|&(option, label)| {
                    view! {
                        <option value=option prop:selected=move || value.with(|v| v == option)
                            hidden=move || !(matches(&(option, label)) || value.with(|v| v == option))>{label}</option>
                    }
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
