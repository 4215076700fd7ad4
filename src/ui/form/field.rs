//! A labelled form field with its hint and its problems underneath.

use crate::scenarios::{FieldError, FieldSeverity};
use leptos::prelude::*;

/// The ids a control points at with `aria-describedby`, so screen readers read hint and errors.
pub fn described_by(field: &str) -> String {
    format!("field-hint-{field} field-error-{field}")
}

/// Wraps one control: `field` is the core's kebab-case name, and the control inside must use
/// `id="field-{field}"` so the label points at it.
#[component]
pub fn Field(
    field: &'static str,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
    children: Children,
) -> impl IntoView {
    view! {
        <div class="field" class:has-error=move || errors.with(|e| e.iter().any(|e| e.severity == FieldSeverity::Error))>
            <label for=format!("field-{field}")>{label}</label>
            {children()}
            {hint.map(|hint| view! { <p class="hint" id=format!("field-hint-{field}")>{hint}</p> })}
            <FieldErrors field errors />
        </div>
    }
}

/// The problems with one field, or nothing at all when there are none.
#[component]
pub fn FieldErrors(field: &'static str, #[prop(into)] errors: Signal<Vec<FieldError>>) -> impl IntoView {
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <ul class="field-errors" id=format!("field-error-{field}") data-testid=format!("field-error-{field}")>
                {move || errors.get().into_iter().map(|e| view! { <FieldProblem error=e /> }).collect_view()}
            </ul>
        </Show>
    }
}

#[component]
fn FieldProblem(error: FieldError) -> impl IntoView {
    let (class, icon, word) = match error.severity {
        FieldSeverity::Error => ("field-error", "✖", "Error"),
        FieldSeverity::Warning => ("field-warning", "▲", "Warning"),
    };
    view! {
        <li class=class>
            <span aria-hidden="true">{icon}" "</span>
            <strong>{word}": "</strong>
            {error.message}
        </li>
    }
}
