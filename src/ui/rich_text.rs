//! Prose with `backticked` code, `*emphasis*` and bare https addresses, as rule docs and finding help are written.

use crate::lint::{inlines, Inline};
use leptos::prelude::*;

pub fn rich_text(text: &str) -> impl IntoView {
    render_inlines(inlines(text))
}

pub fn render_inlines(inlines: Vec<Inline>) -> impl IntoView {
    inlines
        .into_iter()
        .map(|inline| match inline {
            Inline::Text(text) => text.into_any(),
            Inline::Code(code) => view! { <code>{code}</code> }.into_any(),
            Inline::Emphasis(text) => view! { <em>{text}</em> }.into_any(),
            Inline::Link(url) => {
                let href = url.clone();
                view! { <a href=href target="_blank" rel="noopener noreferrer">{url}</a> }.into_any()
            }
        })
        .collect_view()
}
