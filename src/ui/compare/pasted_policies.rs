//! A paste to the compare box that holds policies rather than being one (a template, an `aws …`
//! answer, a Terraform file): what was found, which one is compared (picked, or the one paired with
//! the chosen document), and for a whole template each generated document with its policy and
//! that pair's comparison in one line.

use crate::compare::{Comparison, FoundInPaste};
use leptos::prelude::*;

/// `picked` is the name of the policy to compare, `None` for the one paired with the document;
/// `on_document` shows another generated document (a pair's "Compare").
#[component]
pub fn PastedPolicies(
    comparison: Signal<Option<Comparison>>,
    picked: RwSignal<Option<String>>,
    on_document: Callback<String>,
) -> impl IntoView {
    let found = Memo::new(move |_| comparison.with(|c| c.as_ref().map(|c| c.found.clone()).unwrap_or_default()));
    let pairs = Memo::new(move |_| comparison.with(|c| c.as_ref().map(|c| c.pairs.clone()).unwrap_or_default()));
    let file = move || comparison.with(|c| c.as_ref().map(|c| c.file_name.clone()).unwrap_or_default());
    let heading = move || {
        let form = comparison.with(|c| c.as_ref().and_then(|c| c.form.clone()).unwrap_or_default());
        match found.with(Vec::len) {
            1 => format!("This {form} holds 1 policy: it is compared"),
            n => format!("This {form} holds {n} policies"),
        }
    };
    let label = |f: &FoundInPaste| format!("{} ({}, {})", f.name, f.source, f.kind.label());
    view! {
        <section class="found-policies" data-testid="compare-found" aria-label="Policies found in the paste">
            <p class="found-heading">{heading}</p>
            <Show when=move || found.with(|f| f.len() > 1)>
                <label for="compare-policy-pick">"Compare with the generated document"</label>
                <select id="compare-policy-pick" data-testid="compare-policy-pick"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        picked.set((!value.is_empty()).then_some(value));
                    }>
                    <option value="" prop:selected=move || picked.with(Option::is_none)>
                        {move || format!("the policy paired with {}", file())}
                    </option>
                    {move || found.get().into_iter().map(|f| {
                        let name = f.name.clone();
                        let selected = f.name.clone();
                        view! {
                            <option value=name prop:selected=move || picked.with(|p| p.as_deref() == Some(selected.as_str()))>
                                {label(&f)}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </Show>
            <Show when=move || pairs.with(|p| !p.is_empty())>
                <h3 class="found-heading">"Each generated document and the policy that stands for it"</h3>
                <ul class="found-list compare-pairs">
                    {move || pairs.get().into_iter().map(|pair| {
                        let policy = pair.policy.and_then(|i| found.with(|f| f.get(i).map(label)));
                        let document = pair.file_name.clone();
                        let current = pair.file_name == file() && picked.with_untracked(Option::is_none);
                        view! {
                            <li data-testid="compare-pair" class:current=current>
                                <code>{pair.file_name.clone()}</code>
                                " ↔ "
                                <strong>{policy.unwrap_or_else(|| "nothing in the paste".to_owned())}</strong>
                                <p class="hint" data-testid="compare-pair-summary">{pair.summary}</p>
                                <Show when=move || !current>
                                    {
                                        let document = document.clone();
                                        view! {
                                            <button type="button" class="button" data-testid="compare-pair-show"
                                                on:click=move |_| {
                                                    picked.set(None);
                                                    on_document.run(document.clone());
                                                }>
                                                "Compare this pair"
                                            </button>
                                        }
                                    }
                                </Show>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
