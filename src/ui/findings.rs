//! A list of findings, each with its severity spelt out, its code, position, message and help.

use crate::lint::{Finding, Severity};
use crate::ui::rich_text::rich_text;
use leptos::prelude::*;

/// The icon is decoration; the word carries the meaning, so colour is never the only signal.
#[component]
pub fn SeverityBadge(severity: Severity) -> impl IntoView {
    let icon = match severity {
        Severity::Error => "✖",
        Severity::Security => "◆",
        Severity::Warning => "▲",
        Severity::Suggestion => "●",
    };
    view! {
        <span class=format!("badge sev-{}", severity.as_str())>
            <span class="badge-icon" aria-hidden="true">{icon}</span>
            " "
            {severity.as_str()}
        </span>
    }
}

/// The findings in text order. `testid` tells the checker's list from a document card's.
#[component]
pub fn FindingList(#[prop(into)] findings: Signal<Vec<Finding>>, testid: &'static str) -> impl IntoView {
    let keyed = move || findings.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <ul class="findings">
            <For
                each=keyed
                key=|(i, f)| (*i, f.code, f.start, f.end, f.message.clone())
                children=move |(_, finding)| view! { <FindingItem finding testid /> }
            />
        </ul>
    }
}

#[component]
fn FindingItem(finding: Finding, testid: &'static str) -> impl IntoView {
    let Finding { code, name, severity, message, line, column, path, note, help, .. } = finding;
    view! {
        <li class=format!("finding sev-{}", severity.as_str()) data-testid=testid>
            <div class="finding-head">
                // The spaces keep the parts apart in copied text and in textContent.
                <SeverityBadge severity />
                " "
                <code class="finding-code" title=name>{code}</code>
                " "
                <span class="finding-loc" title="line:column">{format!("{line}:{column}")}</span>
                " "
                <span class="finding-message">{message}</span>
            </div>
            {(!path.is_empty()).then(|| view! { <div class="finding-path">" at " <code>{path}</code></div> })}
            {help.map(|help| view! { <div class="finding-help"><strong>" help: "</strong>{rich_text(&help)}</div> })}
            {note.map(|note| view! { <div class="finding-note"><strong>" note: "</strong>{rich_text(&note)}</div> })}
        </li>
    }
}

