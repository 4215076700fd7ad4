//! A labelled form field with its hint and its problems underneath.

use crate::scenarios::{FieldError, FieldSeverity};
use leptos::prelude::*;

/// The ids a control points at with `aria-describedby`, so screen readers read hint and errors.
pub fn described_by(field: &str) -> String {
    format!("field-hint-{field} field-error-{field}")
}

/// Wraps one control: `field` is the core's kebab-case name, and the control inside must use
/// `id="field-{field}"` so the label points at it. Without `label` the control labels itself
/// (a checkbox).
#[component]
pub fn Field(
    field: &'static str,
    #[prop(optional)] label: Option<&'static str>,
    #[prop(optional)] hint: &'static str,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field" data-field=field
            class:has-error=move || errors.with(|e| e.iter().any(|e| e.severity == FieldSeverity::Error))>
            {label.map(|label| view! { <label for=format!("field-{field}")>{label}</label> })}
            {children()}
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=format!("field-hint-{field}")>{hint}</p> })}
            <FieldErrors field errors />
        </div>
    }
}

/// The problems with one field, or nothing at all when there are none. `about` names the field
/// when its control is not on screen (a field hidden by another field's choice).
#[component]
pub fn FieldErrors(
    field: &'static str,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    #[prop(optional)] about: Option<&'static str>,
) -> impl IntoView {
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <ul class="field-errors" id=format!("field-error-{field}") data-testid=format!("field-error-{field}")>
                {move || errors.get().into_iter().map(|error| view! { <FieldProblem error about /> }).collect_view()}
            </ul>
        </Show>
    }
}

#[component]
fn FieldProblem(error: FieldError, about: Option<&'static str>) -> impl IntoView {
    let (class, icon, word) = match error.severity {
        FieldSeverity::Error => ("field-error", "✖", "Error"),
        FieldSeverity::Warning => ("field-warning", "▲", "Warning"),
    };
    view! {
        <li class=class>
            <span aria-hidden="true">{icon}" "</span>
            <strong>{word}": "</strong>
            {about.map(|label| view! { <em>{label}</em>": " })}
            {error.message}
        </li>
    }
}
