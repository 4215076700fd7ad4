//! The structural diff: every change labelled in words, and both texts side by side with what each
//! change is about marked (yours on the left, the generated document on the right).

use super::marked_text::{MarkedText, TextMark};
use crate::compare::{ChangeLine, Compared};
use leptos::prelude::*;

#[component]
pub fn ChangeView(
    compared: Memo<Option<Compared>>,
    #[prop(into)] existing: Signal<String>,
    #[prop(into)] generated: Signal<String>,
) -> impl IntoView {
    let changes = Memo::new(move |_| compared.with(|c| c.as_ref().map(|c| c.changes.clone()).unwrap_or_default()));
    let old_marks = Signal::derive(move || changes.with(|c| marks(c, |l| l.old_span)));
    let new_marks = Signal::derive(move || changes.with(|c| marks(c, |l| l.new_span)));
    view! {
        <section class="compare-section" aria-labelledby="compare-changes-title">
            <h3 id="compare-changes-title">"What the generated document changes"</h3>
            <Show
                when=move || changes.with(|c| !c.is_empty())
                fallback=|| view! {
                    <p class="check-ok" data-testid="compare-no-change">
                        <span aria-hidden="true">"✓ "</span>
                        "No change: AWS's rewritten form (arrays, account ids as root ARNs, order) means the same."
                    </p>
                }
            >
                <ol class="compare-changes">
                    {move || changes.get().into_iter().map(|line| view! {
                        <li data-testid="compare-change" data-impact=line.impact_word>
                            <span class=format!("impact impact-{}", line.impact_word)>{line.impact_word}</span>
                            " "
                            <span class="change-text">{line.text}</span>
                        </li>
                    }).collect_view()}
                </ol>
            </Show>
            <div class="compare-sides">
                <div class="compare-side">
                    <h4 class="annotated-title">"Yours (pasted)"</h4>
                    <MarkedText text=existing marks=old_marks label="Your policy with the changes marked" testid="compare-existing" />
                </div>
                <div class="compare-side">
                    <h4 class="annotated-title">"Generated"</h4>
                    <MarkedText text=generated marks=new_marks label="The generated policy with the changes marked" testid="compare-generated" />
                </div>
            </div>
        </section>
    }
}

/// One mark per change that has a span on this side, titled with its impact and what changed.
fn marks(changes: &[ChangeLine], side: fn(&ChangeLine) -> Option<(usize, usize)>) -> Vec<TextMark> {
    changes
        .iter()
        .filter_map(|line| {
            let (start, end) = side(line)?;
            Some(TextMark {
                start,
                end,
                class: format!("impact-{}", line.impact_word),
                title: format!("{}: {}", line.impact_word, line.text),
            })
        })
        .collect()
}
