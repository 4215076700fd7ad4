//! A rule's `///` documentation → blocks a page can render (headings, paragraphs, lists, code).

/// One block of a rule's documentation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocBlock {
    /// A `## …` section title.
    Heading(String),
    Paragraph(Vec<Inline>),
    /// `- …` items.
    List(Vec<Vec<Inline>>),
    /// A fenced block; `language` is what follows the opening fence, e.g. `json`.
    Code { language: String, text: String },
}

/// A run of text inside a paragraph or list item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// Between backticks.
    Code(String),
    /// A bare `https://` address.
    Link(String),
}

/// The blocks of `docs` after its first paragraph, which is the rule's summary and shown on its
/// own. Anything unrecognised is kept as paragraph text, so no documentation is lost.
pub fn rule_doc(docs: &str) -> Vec<DocBlock> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<Vec<Inline>> = Vec::new();
    let mut code: Option<(String, Vec<&str>)> = None;

    for raw in docs.lines() {
        // `/// text` arrives as " text".
        let line = raw.strip_prefix(' ').unwrap_or(raw);
        if let Some((language, body)) = code.as_mut() {
            if line.trim_start().starts_with("```") {
                blocks.push(DocBlock::Code { language: std::mem::take(language), text: body.join("\n") });
                code = None;
            } else {
                body.push(line);
            }
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with("## ") || trimmed.starts_with("```") || trimmed.starts_with("- ") {
            flush_paragraph(&mut paragraph, &mut blocks);
        }
        if !trimmed.starts_with("- ") && !list.is_empty() {
            blocks.push(DocBlock::List(std::mem::take(&mut list)));
        }
        if let Some(title) = trimmed.strip_prefix("## ") {
            blocks.push(DocBlock::Heading(title.trim().to_owned()));
        } else if let Some(language) = trimmed.strip_prefix("```") {
            code = Some((language.trim().to_owned(), Vec::new()));
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            list.push(inlines(item.trim()));
        } else if !trimmed.is_empty() {
            paragraph.push(trimmed);
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    if !list.is_empty() {
        blocks.push(DocBlock::List(list));
    }
    if let Some((language, body)) = code {
        blocks.push(DocBlock::Code { language, text: body.join("\n") });
    }
    if matches!(blocks.first(), Some(DocBlock::Paragraph(_))) {
        blocks.remove(0);
    }
    blocks
}

fn flush_paragraph(lines: &mut Vec<&str>, blocks: &mut Vec<DocBlock>) {
    if !lines.is_empty() {
        blocks.push(DocBlock::Paragraph(inlines(&lines.join(" "))));
        lines.clear();
    }
}

/// Splits at backticks (code) and around bare `https://` addresses (links).
pub fn inlines(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push(Inline::Code(part.to_owned()));
        } else {
            links(part, &mut out);
        }
    }
    out.retain(|inline| !matches!(inline, Inline::Text(t) if t.is_empty()));
    out
}

fn links(mut text: &str, out: &mut Vec<Inline>) {
    while let Some(at) = text.find("https://") {
        let rest = &text[at..];
        let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let url = rest[..len].trim_end_matches(['.', ',', ';', ':', ')']);
        out.push(Inline::Text(text[..at].to_owned()));
        out.push(Inline::Link(url.to_owned()));
        text = &text[at + url.len()..];
    }
    out.push(Inline::Text(text.to_owned()));
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCS: &str = concat!(
        " Effect must be `Allow` or `Deny`.\n",
        "\n",
        " ## What it does\n",
        " Flags an `Effect` that is\n",
        " not `Allow`.\n",
        "\n",
        " ## Example\n",
        " ```json\n",
        " {\"Effect\": \"allow\"}\n",
        " ```\n",
        "\n",
        " ## References\n",
        " - https://docs.aws.amazon.com/IAM/x.html\n",
        " - RFC 8259 (https://www.rfc-editor.org/rfc/rfc8259).\n",
    );

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn sections_paragraphs_code_and_links_are_recognised() {
        assert_eq!(
            rule_doc(DOCS),
            vec![
                DocBlock::Heading("What it does".into()),
                DocBlock::Paragraph(vec![text("Flags an "), Inline::Code("Effect".into()), text(" that is not "), Inline::Code("Allow".into()), text(".")]),
                DocBlock::Heading("Example".into()),
                DocBlock::Code { language: "json".into(), text: "{\"Effect\": \"allow\"}".into() },
                DocBlock::Heading("References".into()),
                DocBlock::List(vec![
                    vec![Inline::Link("https://docs.aws.amazon.com/IAM/x.html".into())],
                    vec![text("RFC 8259 ("), Inline::Link("https://www.rfc-editor.org/rfc/rfc8259".into()), text(").")],
                ]),
            ]
        );
    }

    #[test]
    fn an_unclosed_fence_keeps_its_text() {
        assert_eq!(
            rule_doc("Summary.\n```\nabc"),
            vec![DocBlock::Code { language: String::new(), text: "abc".into() }]
        );
    }

    #[test]
    fn every_registered_rule_has_documentation_sections() {
        for rule in crate::lint::RULES {
            let blocks = rule_doc(rule.docs);
            assert!(blocks.iter().any(|b| matches!(b, DocBlock::Heading(_))), "{} has no sections", rule.code);
        }
    }
}
