//! The scenario's calls that read this document, judged with the generated, the pasted and the
//! merged policy: allowed or denied, by which statement, and what fixes a wrong outcome.

use crate::compare::{group_calls, CallGroup, CallRow, Compared, Verdict};
use crate::eval::DecisionEffect;
use leptos::prelude::*;

#[component]
pub fn CallChecklist(compared: Memo<Option<Compared>>) -> impl IntoView {
    // A call that repeats once per log group, judged the same each time, is one row naming them all.
    let rows = move || compared.with(|c| c.as_ref().map(|c| group_calls(&c.checklist)).unwrap_or_default());
    view! {
        <section class="compare-section" aria-labelledby="compare-calls-title">
            <h3 id="compare-calls-title">"Will it work?"</h3>
            <Show
                when=move || compared.with(|c| c.as_ref().is_some_and(|c| !c.checklist.is_empty()))
                fallback=|| view! { <p class="section-intro">"No call of this scenario reads this document."</p> }
            >
                <p class="section-intro">"Each request AWS makes once the scenario is set up, judged three ways."</p>
                <ul class="compare-calls">
                    {move || rows().into_iter().map(|group| view! { <CallItem group /> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn CallItem(group: CallGroup) -> impl IntoView {
    let CallGroup {
        description,
        count,
        row,
    } = group;
    let CallRow {
        caller,
        action,
        generated,
        pasted,
        merged,
        ..
    } = row;
    view! {
        <li class="compare-call" data-testid="compare-call" data-count=count.to_string()>
            <div class="call-head">
                <strong>{description}</strong>
                " "
                <span class="call-request"><code>{caller}</code>" calls "<code>{action}</code></span>
            </div>
            <div class="verdicts">
                <VerdictCell label="Generated" verdict=generated testid="verdict-generated" />
                <VerdictCell label="Yours" verdict=pasted testid="verdict-pasted" />
                {match merged {
                    Some(verdict) => view! { <VerdictCell label="Merged" verdict testid="verdict-merged" /> }.into_any(),
                    None => view! {
                        <div class="verdict verdict-none" data-testid="verdict-merged">
                            <div class="verdict-head"><span class="verdict-label">"Merged"</span>" "<span class="verdict-word">"no merge offered"</span></div>
                        </div>
                    }.into_any(),
                }}
            </div>
        </li>
    }
}

#[component]
fn VerdictCell(label: &'static str, verdict: Verdict, testid: &'static str) -> impl IntoView {
    let Verdict {
        ok,
        effect,
        by,
        fix,
        reason,
        unevaluable,
        up_to_iam,
    } = verdict;
    let word = match effect {
        DecisionEffect::Allow => "allowed",
        DecisionEffect::ExplicitDeny => "denied (explicit Deny)",
        DecisionEffect::ImplicitDeny if up_to_iam.is_some() => "up to its IAM policy",
        DecisionEffect::ImplicitDeny => "denied",
    };
    let mark = match (ok, up_to_iam.is_some()) {
        (true, _) => "✓",
        (false, true) => "?",
        (false, false) => "✗",
    };
    let class = match (ok, up_to_iam.is_some()) {
        (true, _) => "verdict verdict-ok",
        (false, true) => "verdict verdict-iam-path",
        (false, false) => "verdict verdict-bad",
    };
    view! {
        <div class=class data-testid=testid data-ok=ok.to_string() title=reason>
            <div class="verdict-head">
                <span class="verdict-label">{label}</span>
                " "
                <span class="verdict-word"><span aria-hidden="true">{mark}" "</span>{word}</span>
                {(!ok).then(|| view! { <span class="visually-hidden">" (not what the scenario needs)"</span> })}
            </div>
            {(!by.is_empty()).then(|| view! { <div class="verdict-by">"by " {by.join(", ")}</div> })}
            {unevaluable.into_iter().map(|u| view! {
                <div class="verdict-unevaluable" data-testid="verdict-unevaluable"><strong>"not evaluated: "</strong>{u}</div>
            }).collect_view()}
            {up_to_iam.map(|said| view! { <div class="verdict-iam" data-testid="verdict-up-to-iam">{said}</div> })}
            {fix.map(|fix| view! { <div class="verdict-fix"><strong>"fix: "</strong>{fix}</div> })}
        </div>
    }
}
