//! Every rule the checker runs, with its documentation: an index with a filter, and one
//! article per rule at `#rule-CODE`, where each finding's code links.

use crate::analyst::{Answer, Question};
use crate::lint::RuleText;
use crate::ui::analyst;
use crate::lint::DocBlock;
use crate::ui::dom;
use crate::ui::severity_badge::SeverityBadge;
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
    // The documentation comes from the analysis worker, which holds the rules: the page's own wasm
    // carries neither the checks nor their prose. It is asked for (about 110 KB, an article per rule to
    // draw) only once the panel is opened or a `#rule-…` link followed: most visits never do.
    let wanted = RwSignal::new(linked_rule().is_some());
    let asked = analyst::asked("rules", move || wanted.get().then_some(Question::Rules), |_, answer| match answer {
        Answer::Rules { rules } => Some(rules),
        _ => None,
    });
    let rules = Memo::new(move |_| asked.answer.get().unwrap_or_default());
    let shown = Memo::new(move |_| {
        query.with(|q| {
            rules.with(|all| all.iter().filter(|r| r.matches(q)).map(|r| r.code).collect::<Vec<_>>())
        })
    });
    // A link to #rule-CODE, from a finding or typed into the address bar, opens the panel on
    // that rule, clearing a filter that hides it.
    let show_linked = move || {
        let Some(code) = linked_rule() else {
            return;
        };
        if !wanted.get_untracked() {
            // Shown once the rules arrive (the effect below).
            wanted.set(true);
            return;
        }
        let Some(matches) = rules.with_untracked(|all| all.iter().find(|r| r.code == code).map(|r| r.matches(&query.get_untracked())))
        else {
            return;
        };
        if !matches {
            query.set(String::new());
        }
        request_animation_frame(move || dom::reveal(&rule_anchor(&code)));
    };
    // Opened before its rules arrived, the panel was scrolled to while it held one line; once they
    // are drawn it is scrolled to again, so what unfolded is on screen.
    let scroll_when_drawn = StoredValue::new(false);
    // Once the rules arrive, and whenever the address's fragment changes.
    Effect::new(move |_| {
        if rules.with(|r| !r.is_empty()) {
            if scroll_when_drawn.get_value() {
                scroll_when_drawn.set_value(false);
                request_animation_frame(|| dom::scroll_into_view_nearest("rules"));
            }
            show_linked();
        }
    });
    let listener = window_event_listener(ev::hashchange, move |_| show_linked());
    on_cleanup(move || listener.remove());
    let count = move || {
        let n = shown.with(Vec::len);
        let all = rules.with(Vec::len);
        if n == all {
            format!("{n} rules")
        } else {
            format!("{n} of {all} rules match")
        }
    };

    view! {
        <details class="rules panel" id="rules" tabindex="-1" data-testid="rules"
            on:toggle=move |ev| {
                if event_target::<web_sys::Element>(&ev).has_attribute("open") && !wanted.get_untracked() {
                    wanted.set(true);
                }
            }>
            // Opened, the panel's top comes into view: its contents unfold below the fold otherwise.
            <summary on:click=move |ev| {
                let opening = event_target::<web_sys::Element>(&ev)
                    .closest("details")
                    .ok()
                    .flatten()
                    .is_some_and(|d| !d.has_attribute("open"));
                if opening {
                    scroll_when_drawn.set_value(rules.with_untracked(Vec::is_empty));
                    request_animation_frame(|| dom::scroll_into_view_nearest("rules"));
                }
            }>
                <h2>{move || match rules.with(Vec::len) {
                    0 => "Rules".to_owned(),
                    n => format!("Rules ({n})"),
                }}</h2>
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
                    {move || rules.get().into_iter().map(|rule| {
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
            <p class="rule-none" prop:hidden=move || rules.with(Vec::is_empty) || shown.with(|s| !s.is_empty())>"No rule matches the filter."</p>
            <p class="check-pending" prop:hidden=move || rules.with(|r| !r.is_empty())>
                {move || analyst::failure().map_or_else(|| "Loading the rules…".to_owned(), |why| format!("The rules could not be loaded: {why}."))}
            </p>
            <div class="rule-list">
                {move || rules.get().into_iter().map(|rule| {
                    let code = rule.code;
                    view! { <RuleDoc rule hidden=Signal::derive(move || !shown.with(|s| s.contains(&code))) /> }
                }).collect_view()}
            </div>
        </details>
    }
}

/// The rule code the address's fragment names (`#rule-IAM001`), if any.
fn linked_rule() -> Option<String> {
    dom::current_fragment().and_then(|f| f.strip_prefix("rule-").map(str::to_owned))
}

#[component]
fn RuleDoc(rule: RuleText, hidden: Signal<bool>) -> impl IntoView {
    view! {
        // tabindex -1: a link to the rule moves the keyboard focus here.
        <article class="rule" id=rule_anchor(rule.code) data-testid="rule" tabindex="-1" prop:hidden=hidden>
            <header class="rule-head">
                <code class="rule-code">{rule.code}</code>
                <SeverityBadge severity=rule.severity />
                <h3 class="rule-name">{rule.name}</h3>
            </header>
            <p class="rule-summary">{rich_text(rule.summary())}</p>
            <div class="rule-doc">{rule.doc.blocks.clone().into_iter().map(render_block).collect_view()}</div>
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
        DocBlock::Code(code) => {
            view! { <pre class="code" tabindex="0" inner_html=with_wrap_points(&code.text)></pre> }.into_any()
        }
    }
}
