//! Where long ARNs may wrap on a phone: after each `:` and `/`, so a line breaks between an ARN's
//! parts instead of inside a word; and after `[`, `.`, `=` and `,`, the joints of a JMESPath query
//! (`--query "logGroups[?logGroupName=='$1'].kmsKeyId"` is one long word otherwise) (style/main.css wraps code blocks on narrow screens). The points are
//! `<wbr>` elements: they add no character to the text, its copy or its `textContent`. Given as
//! escaped HTML, one string per block: a text node and a `<wbr>` per part as Leptos views cost the
//! page more code than it can spare (README "Bundle size").

/// `text` as HTML: escaped, with `<wbr>` after each `:`, `/`, `[`, `.`, `=` and `,`.
pub fn with_wrap_points(text: &str) -> String {
    let mut html = String::with_capacity(text.len() + text.len() / 4);
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            ':' | '/' | '[' | '.' | '=' | ',' => {
                html.push(c);
                html.push_str("<wbr>");
            }
            _ => html.push(c),
        }
    }
    html
}
