//! A list of findings, each with its severity spelt out, its code (a link to the rule's
//! documentation), position, message, help and, where the checker offers one, a fix button.

use crate::lint::{Finding, Fix};
use crate::ui::dom;
use crate::ui::rich_text::rich_text;
use crate::ui::rules_panel::rule_anchor;
use crate::ui::severity_badge::SeverityBadge;
use leptos::prelude::*;

/// The findings in text order. `testid` tells the checker's list from a document card's; with
/// `on_fix`, a finding that carries a fix gets a button that hands it over; with `on_locate`, its
/// `line:column` is a button that hands over its byte span (to select it in the text box).
#[component]
pub fn FindingList(
    #[prop(into)] findings: Signal<Vec<Finding>>,
    testid: &'static str,
    #[prop(optional)] on_fix: Option<Callback<Fix>>,
    #[prop(optional)] on_locate: Option<Callback<(usize, usize)>>,
) -> impl IntoView {
    let keyed = move || findings.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <ul class="findings">
            <For
                each=keyed
                // The fix too: its edits can move while the finding's own span stays put.
                key=|(i, f)| (*i, f.code, f.start, f.end, f.message.clone(), f.fix.clone())
                children=move |(_, finding)| view! { <FindingItem finding testid on_fix on_locate /> }
            />
        </ul>
    }
}

#[component]
fn FindingItem(
    finding: Finding,
    testid: &'static str,
    on_fix: Option<Callback<Fix>>,
    on_locate: Option<Callback<(usize, usize)>>,
) -> impl IntoView {
    let Finding {
        code,
        name,
        severity,
        message,
        line,
        column,
        path,
        note,
        help,
        fix,
        expected_because,
        start,
        end,
        ..
    } = finding;
    let anchor = rule_anchor(code);
    let href = format!("#{anchor}");
    // The address changes as for any link; when it already names this rule no hashchange
    // follows, so the rule is revealed from here as well.
    let reveal = move |_| {
        let anchor = anchor.clone();
        request_animation_frame(move || dom::reveal(&anchor));
    };
    let fix_button = fix.zip(on_fix).map(|(fix, on_fix)| {
        let title = fix.title.clone();
        view! {
            <button type="button" class="button fix-button" data-testid="fix-button"
                on:click=move |_| on_fix.run(fix.clone())>
                "Fix: " {title}
            </button>
        }
    });
    view! {
        <li class=format!("finding sev-{}", severity.as_str()) data-testid=testid>
            <div class="finding-head">
                // The spaces keep the parts apart in copied text and in textContent.
                <SeverityBadge severity />
                " "
                <a class="finding-code" href=href title=format!("{code} {name}: what it checks and how to fix it")
                    data-testid="finding-code" on:click=reveal>
                    <code>{code}</code>
                </a>
                " "
                {on_locate.is_none().then(|| view! { <span class="finding-loc" title="line:column">{format!("{line}:{column}")}</span> })}
                {on_locate.map(|locate| view! {
                    <button type="button" class="finding-loc link-button" data-testid="finding-loc"
                        aria-label=format!("{line}:{column}: select line {line}, column {column} in the text")
                        on:click=move |_| locate.run((start, end))>
                        {format!("{line}:{column}")}
                    </button>
                })}
                " "
                <span class="finding-message">{message}</span>
            </div>
            {(!path.is_empty()).then(|| view! { <div class="finding-path">" at " <code>{path}</code></div> })}
            {help.map(|help| view! { <div class="finding-help"><strong>" help: "</strong>{rich_text(&help)}</div> })}
            {note.map(|note| view! { <div class="finding-note"><strong>" note: "</strong>{rich_text(&note)}</div> })}
            {expected_because.map(|why| view! {
                <div class="finding-expected" data-testid="finding-expected"><strong>" expected here: "</strong>{why}</div>
            })}
            {fix_button}
        </li>
    }
}

/// What the browser's text box counts for the byte span `start..end` of `text`: UTF-16 code units.
/// A span that does not fall on character boundaries selects nothing rather than the wrong text.
pub fn text_box_range(text: &str, start: usize, end: usize) -> (u32, u32) {
    let units = |at: usize| text.get(..at).map(|t| t.encode_utf16().count() as u32);
    match (units(start), units(end)) {
        (Some(a), Some(b)) => (a, b.max(a)),
        _ => (0, 0),
    }
}
