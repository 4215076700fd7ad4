//! "Not merged": why no merged policy and no apply command are offered for this paste, where in
//! the text the problem is, and what to paste instead. (An AWS CLI answer is not refused here any
//! more: the compare box reads the policy inside it and compares that.)

use crate::merge::MergeRefusal;
use leptos::prelude::*;

#[component]
pub fn RefusedMergeCard(refusal: Memo<Option<MergeRefusal>>) -> impl IntoView {
    let get = move |f: fn(&MergeRefusal) -> String| move || refusal.with(|r| r.as_ref().map(f).unwrap_or_default());
    let places = Memo::new(move |_| {
        refusal.with(|r| {
            r.iter()
                .flat_map(|r| &r.findings)
                .map(|f| format!("{}:{} {} {}", f.line, f.column, f.code, f.message))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="compare-section card merge-refused" role="alert" aria-labelledby="compare-refused-title"
            data-testid="compare-merge-refused">
            <h3 id="compare-refused-title">"Not merged"</h3>
            <p data-testid="compare-refused-message">{get(|r| r.message.clone())}</p>
            <Show when=move || places.with(|p| !p.is_empty())>
                <ul class="refused-places">
                    {move || places.get().into_iter().map(|p| view! { <li><code>{p}</code></li> }).collect_view()}
                </ul>
            </Show>
            <p class="refused-help" data-testid="compare-refused-help">{get(|r| r.help.clone())}</p>
            <p class="card-meta">"No merged policy and no command to apply one are offered: applying a merge of what could not be read would replace your policy with less than it holds."</p>
        </section>
    }
}
