//! A paste that holds several policies (a template, CLI output, a Terraform file): the list of
//! what was found, each with its findings' count and its placeholder notes, and which to show.

use crate::analyst::FoundPolicy;
use crate::lint::{Finding, Severity};
use leptos::prelude::*;

/// `chosen` is `None` for every policy at once.
#[component]
pub fn FoundPolicies(
    #[prop(into)] policies: Signal<Vec<FoundPolicy>>,
    #[prop(into)] findings: Signal<Vec<Finding>>,
    #[prop(into)] found_in: Signal<Vec<usize>>,
    chosen: RwSignal<Option<usize>>,
) -> impl IntoView {
    let count = move |i: usize, severity: Severity| {
        findings.with(|f| {
            found_in.with(|owners| f.iter().zip(owners).filter(|(f, o)| **o == i && f.severity == severity).count())
        })
    };
    let heading = move || match policies.with(Vec::len) {
        1 => "This paste holds 1 policy".to_owned(),
        n => format!("This paste holds {n} policies: all are checked"),
    };
    view! {
        <section class="found-policies" data-testid="found-policies" aria-label="Policies found in the paste">
            <p class="found-heading">{heading}</p>
            <label for="found-policy-pick">"Show the findings of"</label>
            <select id="found-policy-pick" data-testid="found-policy-pick"
                on:change=move |ev| chosen.set(event_target_value(&ev).parse::<usize>().ok())>
                <option value="all" prop:selected=move || chosen.get().is_none()>"every policy"</option>
                {move || policies.get().into_iter().enumerate().map(|(i, p)| view! {
                    <option value=i.to_string() prop:selected=move || chosen.get() == Some(i)>{label(&p)}</option>
                }).collect_view()}
            </select>
            <ul class="found-list">
                {move || policies.get().into_iter().enumerate().map(|(i, p)| {
                    let errors = count(i, Severity::Error);
                    let others = findings.with(|f| found_in.with(|o| f.iter().zip(o).filter(|(_, o)| **o == i).count())) - errors;
                    view! {
                        <li data-testid="found-policy">
                            <strong>{label(&p)}</strong>
                            " — "
                            {match (errors, others) {
                                (0, 0) => "no findings".to_owned(),
                                (e, 0) => format!("{e} error{}", if e == 1 { "" } else { "s" }),
                                (e, o) => format!("{e} error{}, {o} other finding{}", if e == 1 { "" } else { "s" }, if o == 1 { "" } else { "s" }),
                            }}
                            {p.notes.into_iter().map(|n| view! { <p class="hint found-note">{n}</p> }).collect_view()}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// `OrdersKey (AWS::KMS::Key KeyPolicy, KMS key policy)`; the paste's own problems have no name.
fn label(policy: &FoundPolicy) -> String {
    let name = if policy.name.is_empty() { "The paste itself" } else { policy.name.as_str() };
    format!("{name} ({}, {})", policy.source, policy.kind.label())
}
