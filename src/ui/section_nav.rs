//! The bar of links to the page's sections, kept at the top while scrolling. A link scrolls to its
//! section, opens it when it is folded (Rules) and moves the keyboard focus there; it leaves the
//! address alone, since the address carries share links.

use crate::ui::dom;
use leptos::prelude::*;

/// `(target id, words)`. Links whose section is not on the page for this scenario are hidden by
/// style/main.css (`:has()`), so the list stays one fact.
const SECTIONS: [(&str, &str); 8] = [
    ("scenario-form", "Form"),
    ("documents-title", "Documents"),
    ("steps-title", "Commands"),
    ("export-title", "Export"),
    ("audit-trail-title", "Audit"),
    ("compare-title", "Compare"),
    ("checker-title", "Check"),
    ("rules", "Rules"),
];

#[component]
pub fn SectionNav() -> impl IntoView {
    view! {
        <nav class="section-nav no-print" id="section-nav" aria-label="Sections" data-testid="section-nav">
            <ul>
                {SECTIONS.into_iter().map(|(id, words)| view! {
                    <li>
                        <a href=format!("#{id}") data-target=id data-testid="section-link"
                            on:click=move |ev| {
                                ev.prevent_default();
                                dom::reveal(id);
                            }>
                            {words}
                        </a>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
    }
}
