//! Every rule the checker runs, with its documentation.

use crate::lint::{Rule, RULES};
use crate::report::{rule_doc, DocBlock};
use crate::ui::findings::SeverityBadge;
use crate::ui::rich_text::{render_inlines, rich_text};
use leptos::prelude::*;

#[component]
pub fn RulesPanel() -> impl IntoView {
    view! {
        <details class="rules panel" data-testid="rules">
            <summary>
                <h2>{format!("Rules ({})", RULES.len())}</h2>
                <span class="summary-hint">"What the checker looks for, and why"</span>
            </summary>
            <div class="rule-list">
                {RULES.iter().map(|rule| view! { <RuleDoc rule /> }).collect_view()}
            </div>
        </details>
    }
}

#[component]
fn RuleDoc(rule: &'static Rule) -> impl IntoView {
    view! {
        <article class="rule" id=format!("rule-{}", rule.code) data-testid="rule">
            <header class="rule-head">
                <code class="rule-code">{rule.code}</code>
                <SeverityBadge severity=rule.severity />
                <span class="rule-name">{rule.name}</span>
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
        DocBlock::Code { text, .. } => view! { <pre class="code" tabindex="0">{text}</pre> }.into_any(),
    }
}
