//! The access the merged policy gives or takes away compared with the pasted one, in sentences.

use crate::compare::Compared;
use leptos::prelude::*;

#[component]
pub fn AccessList(compared: Memo<Option<Compared>>) -> impl IntoView {
    let access = Memo::new(move |_| compared.with(|c| c.as_ref().map(|c| c.access.clone()).unwrap_or_default()));
    view! {
        <section class="compare-section" aria-labelledby="compare-access-title">
            <h3 id="compare-access-title">"New access: merged compared with yours"</h3>
            <Show
                when=move || access.with(|a| !a.is_empty())
                fallback=|| view! { <p class="section-intro" data-testid="compare-no-access">"The merged policy gives and takes away nothing yours does not."</p> }
            >
                <ul class="compare-access">
                    {move || access.get().into_iter().map(|a| {
                        let (word, class) = if a.gained { ("gained", "access-gained") } else { ("lost", "access-lost") };
                        view! {
                            <li data-testid="compare-access" data-gained=a.gained.to_string()>
                                <span class=format!("impact {class}")>{word}</span>
                                " "
                                {a.sentence}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}
