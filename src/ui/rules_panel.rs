//! Every rule the checker runs, with its documentation: an index with a filter, and one
//! article per rule at `#rule-CODE`, where each finding's code links.

use crate::lint::{rule_by_code, Rule, RULES};
use crate::report::{rule_doc, DocBlock};
use crate::ui::dom;
use crate::ui::findings::SeverityBadge;
use crate::ui::rich_text::{render_inlines, rich_text};
use crate::ui::wrap_points::with_wrap_points;
use leptos::ev;
use leptos::prelude::*;

/// The fragment of a rule's article.
pub fn rule_anchor(code: &str) -> String {
    format!("rule-{code}")
}

#[component]
pub fn RulesPanel() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        query.with(|q| {
            RULES
                .iter()
                .filter(|r| r.matches(q))
                .map(|r| r.code)
                .collect::<Vec<_>>()
        })
    });
    // A link to #rule-CODE, from a finding or typed into the address bar, opens the panel on
    // that rule, clearing a filter that hides it.
    let show_linked = move || {
        let Some(rule) = dom::current_fragment().and_then(|f| f.strip_prefix("rule-").and_then(rule_by_code)) else {
            return;
        };
        if !rule.matches(&query.get_untracked()) {
            query.set(String::new());
        }
        request_animation_frame(move || dom::reveal(&rule_anchor(rule.code)));
    };
    show_linked();
    let listener = window_event_listener(ev::hashchange, move |_| show_linked());
    on_cleanup(move || listener.remove());
    let count = move || {
        let n = shown.with(Vec::len);
        if n == RULES.len() {
            format!("{n} rules")
        } else {
            format!("{n} of {} rules match", RULES.len())
        }
    };

    view! {
        <details class="rules panel" id="rules" tabindex="-1" data-testid="rules">
            // Opened, the panel's top comes into view: its contents unfold below the fold otherwise.
            <summary on:click=move |ev| {
                let opening = event_target::<web_sys::Element>(&ev)
                    .closest("details")
                    .ok()
                    .flatten()
                    .is_some_and(|d| !d.has_attribute("open"));
                if opening {
                    request_animation_frame(|| dom::scroll_into_view_nearest("rules"));
                }
            }>
                <h2>{format!("Rules ({})", RULES.len())}</h2>
                <span class="summary-hint">"What the checker looks for, and why"</span>
            </summary>
            <div class="rule-filter">
                <label for="rule-filter">"Filter rules"</label>
                <input id="rule-filter" type="search" data-testid="rules-filter" autocomplete="off"
                    placeholder="code, name, severity or any word"
                    prop:value=query on:input=move |ev| query.set(event_target_value(&ev)) />
                <span class="rule-count" data-testid="rules-count" role="status">{count}</span>
            </div>
            <nav class="rule-index" aria-label="Rules index">
                <ul>
                    {RULES.iter().map(|rule| {
                        let code = rule.code;
                        view! {
                            <li prop:hidden=move || !shown.with(|s| s.contains(&code)) data-testid="rule-index-item">
                                <a href=format!("#{}", rule_anchor(code))><code>{code}</code></a>
                                " "
                                <span class="rule-index-name">{rule.name}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </nav>
            <p class="rule-none" prop:hidden=move || shown.with(|s| !s.is_empty())>"No rule matches the filter."</p>
            <div class="rule-list">
                {RULES.iter().map(|rule| {
                    let code = rule.code;
                    view! { <RuleDoc rule hidden=Signal::derive(move || !shown.with(|s| s.contains(&code))) /> }
                }).collect_view()}
            </div>
        </details>
    }
}

#[component]
fn RuleDoc(rule: &'static Rule, hidden: Signal<bool>) -> impl IntoView {
    view! {
        // tabindex -1: a link to the rule moves the keyboard focus here.
        <article class="rule" id=rule_anchor(rule.code) data-testid="rule" tabindex="-1" prop:hidden=hidden>
            <header class="rule-head">
                <code class="rule-code">{rule.code}</code>
                <SeverityBadge severity=rule.severity />
                <h3 class="rule-name">{rule.name}</h3>
            </header>
            <p class="rule-summary">{rich_text(rule.summary())}</p>
            <div class="rule-doc">{rule_doc(rule.docs).into_iter().map(render_block).collect_view()}</div>
        </article>
    }
}

fn render_block(block: DocBlock) -> AnyView {
    match block {
        DocBlock::Heading(title) => view! { <h4>{title}</h4> }.into_any(),
        DocBlock::Paragraph(inlines) => view! { <p>{render_inlines(inlines)}</p> }.into_any(),
        DocBlock::List(items) => {
            view! { <ul>{items.into_iter().map(|item| view! { <li>{render_inlines(item)}</li> }).collect_view()}</ul> }
                .into_any()
        }
        DocBlock::Code { text, .. } => {
            view! { <pre class="code" tabindex="0" inner_html=with_wrap_points(&text)></pre> }.into_any()
        }
    }
}
