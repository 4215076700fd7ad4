//! A rule's `///` documentation, parsed once into a [`RuleDoc`]: its summary, the blocks a page
//! renders (headings, paragraphs, lists, code), the examples the registry's tests run and the
//! prose the rules filter searches. Every reader of the docs uses this, so they cannot disagree
//! about where a section or an example starts.

use serde::{Deserialize, Serialize};

/// A rule's documentation, parsed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleDoc {
    /// The first line: what the rule flags, in one sentence.
    pub summary: String,
    /// Everything after the first paragraph (which is the summary, shown on its own).
    pub blocks: Vec<DocBlock>,
    /// The text outside code fences, lowercased: what the rules filter searches, so an example
    /// policy's `"Sid"` does not make every rule match "sid".
    prose: String,
}

impl RuleDoc {
    pub fn parse(docs: &str) -> RuleDoc {
        let mut in_code = false;
        let prose = docs
            .lines()
            .filter(|line| {
                let fence = line.trim_start().starts_with("```");
                in_code ^= fence;
                !fence && !in_code
            })
            .collect::<Vec<_>>()
            .join("\n")
            .to_lowercase();
        RuleDoc {
            summary: docs.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("").to_owned(),
            blocks: blocks(docs),
            prose,
        }
    }

    /// Whether every word of `query` occurs, ignoring case, in one of `labels` (code, name,
    /// severity) or starts a word of the prose.
    pub fn matches(&self, labels: [&str; 3], query: &str) -> bool {
        let labels = labels.map(str::to_lowercase);
        query.split_whitespace().all(|word| {
            let word = word.to_lowercase();
            labels.iter().any(|label| label.contains(&word))
                || self
                    .prose
                    .match_indices(&word)
                    .any(|(i, _)| !self.prose[..i].ends_with(char::is_alphanumeric))
        })
    }

    /// The section titles, in order (`What it does`, …).
    pub fn headings(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            DocBlock::Heading(title) => Some(title.as_str()),
            _ => None,
        })
    }

    /// Each fenced block with the title of the section it is under (empty before the first).
    pub fn code_blocks(&self) -> Vec<(&str, &CodeBlock)> {
        let mut section = "";
        let mut out = Vec::new();
        for block in &self.blocks {
            match block {
                DocBlock::Heading(title) => section = title,
                DocBlock::Code(code) => out.push((section, code)),
                _ => {}
            }
        }
        out
    }

    /// The links listed under `## References`, in order.
    pub fn references(&self) -> Vec<&str> {
        let mut section = "";
        let mut out = Vec::new();
        for block in &self.blocks {
            let runs: &[Vec<Inline>] = match block {
                DocBlock::Heading(title) => {
                    section = title;
                    continue;
                }
                DocBlock::Paragraph(runs) => std::slice::from_ref(runs),
                DocBlock::List(items) => items,
                DocBlock::Code(_) => continue,
            };
            if section == "References" {
                out.extend(runs.iter().flatten().filter_map(|inline| match inline {
                    Inline::Link(url) => Some(url.as_str()),
                    _ => None,
                }));
            }
        }
        out
    }
}

/// A fenced block of a rule's documentation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeBlock {
    /// What follows the opening fence, e.g. `json` or `json kind=bucket`.
    pub language: String,
    /// As shown: a JSON example laid out as the tool prints a policy.
    pub text: String,
    /// As written in the rule's source, what the registry's tests analyse.
    pub source: String,
}

impl CodeBlock {
    /// A `json` block.
    pub fn is_json(&self) -> bool {
        self.language.split_whitespace().next() == Some("json")
    }

    /// A CloudFormation template (```json template), for the rules that compare a template's
    /// documents: checked as the checker checks a paste.
    pub fn is_template(&self) -> bool {
        self.language.split_whitespace().any(|w| w == "template")
    }

    /// The policy kind the fence names (`kind=bucket`): `None` when it names none, `Some(None)`
    /// when it names one the tool does not know.
    pub fn kind(&self) -> Option<Option<crate::policy::PolicyKind>> {
        self.language
            .split_whitespace()
            .find_map(|w| w.strip_prefix("kind="))
            .map(crate::policy::PolicyKind::from_cli_name)
    }
}

/// One block of a rule's documentation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DocBlock {
    /// A `## …` section title.
    Heading(String),
    Paragraph(Vec<Inline>),
    /// `- …` items.
    List(Vec<Vec<Inline>>),
    Code(CodeBlock),
}

/// A run of text inside a paragraph or list item.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Inline {
    Text(String),
    /// Between backticks.
    Code(String),
    /// A bare `https://` address.
    Link(String),
    /// Between single asterisks, as in `*without*`.
    Emphasis(String),
}

/// The blocks of `docs` after its first paragraph, which is the rule's summary and shown on its
/// own. Anything unrecognised is kept as paragraph text, so no documentation is lost.
fn blocks(docs: &str) -> Vec<DocBlock> {
    let mut blocks = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut list: Vec<Vec<Inline>> = Vec::new();
    let mut code: Option<(String, Vec<&str>)> = None;

    for raw in docs.lines() {
        // `/// text` arrives as " text".
        let line = raw.strip_prefix(' ').unwrap_or(raw);
        if let Some((language, body)) = code.as_mut() {
            if line.trim_start().starts_with("```") {
                blocks.push(code_block(std::mem::take(language), body));
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
        blocks.push(code_block(language, &body));
    }
    if matches!(blocks.first(), Some(DocBlock::Paragraph(_))) {
        blocks.remove(0);
    }
    blocks
}

/// A fenced block. JSON examples are written on one line in the rules' sources (so each stays one
/// doc-test input); shown, they are laid out as the tool prints a policy. Text that does not parse
/// (an example of a syntax error) is kept exactly as written, and so is every duplicate key.
fn code_block(language: String, body: &[&str]) -> DocBlock {
    let source = body.join("\n");
    let text = match crate::json::parse(&source) {
        // The fence may name a policy kind: ```json kind=bucket.
        Ok(value) if language.split_whitespace().next() == Some("json") => crate::json::pretty(&value),
        _ => source.clone(),
    };
    DocBlock::Code(CodeBlock { language, text, source })
}

fn flush_paragraph(lines: &mut Vec<&str>, blocks: &mut Vec<DocBlock>) {
    if !lines.is_empty() {
        blocks.push(DocBlock::Paragraph(inlines(&lines.join(" "))));
        lines.clear();
    }
}

/// Splits at backticks (code), around `*emphasis*` and around bare `https://` addresses (links).
pub fn inlines(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            out.push(Inline::Code(part.to_owned()));
        } else {
            emphasis(part, &mut out);
        }
    }
    out.retain(|inline| !matches!(inline, Inline::Text(t) if t.is_empty()));
    out
}

/// `*word*` and `*a few words*` become emphasis when the asterisks hug the words and stand at word
/// edges, so a wildcard such as `log-group:NAME:*` or `kms:*` outside backticks stays text.
fn emphasis(mut text: &str, out: &mut Vec<Inline>) {
    let edge = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([\"'".contains(c));
    let end_edge = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || ".,;:!?)]\"'".contains(c));
    let mut searched = 0;
    while let Some(found) = text[searched..].find('*') {
        let open = searched + found;
        let before = text[..open].chars().next_back();
        let inner_start = open + 1;
        let close = text[inner_start..].find('*').map(|n| inner_start + n);
        let hugging = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace() && c != '*');
        match close {
            Some(close)
                if edge(before)
                    && close > inner_start
                    && hugging(text[inner_start..].chars().next())
                    && hugging(text[..close].chars().next_back())
                    && end_edge(text[close + 1..].chars().next()) =>
            {
                links(&text[..open], out);
                out.push(Inline::Emphasis(text[inner_start..close].to_owned()));
                text = &text[close + 1..];
                searched = 0;
            }
            _ => searched = inner_start,
        }
    }
    links(text, out);
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
            blocks(DOCS),
            vec![
                DocBlock::Heading("What it does".into()),
                DocBlock::Paragraph(vec![
                    text("Flags an "),
                    Inline::Code("Effect".into()),
                    text(" that is not "),
                    Inline::Code("Allow".into()),
                    text(".")
                ]),
                DocBlock::Heading("Example".into()),
                DocBlock::Code(CodeBlock {
                    language: "json".into(),
                    text: "{\n  \"Effect\": \"allow\"\n}".into(),
                    source: "{\"Effect\": \"allow\"}".into(),
                }),
                DocBlock::Heading("References".into()),
                DocBlock::List(vec![
                    vec![Inline::Link("https://docs.aws.amazon.com/IAM/x.html".into())],
                    vec![
                        text("RFC 8259 ("),
                        Inline::Link("https://www.rfc-editor.org/rfc/rfc8259".into()),
                        text(").")
                    ],
                ]),
            ]
        );
    }

    #[test]
    fn the_summary_the_references_and_the_examples_by_section() {
        let doc = RuleDoc::parse(DOCS);
        assert_eq!(doc.summary, "Effect must be `Allow` or `Deny`.");
        assert_eq!(doc.headings().collect::<Vec<_>>(), ["What it does", "Example", "References"]);
        assert_eq!(
            doc.references(),
            ["https://docs.aws.amazon.com/IAM/x.html", "https://www.rfc-editor.org/rfc/rfc8259"]
        );
        let examples = doc.code_blocks();
        assert_eq!(examples.len(), 1);
        assert_eq!((examples[0].0, examples[0].1.source.as_str()), ("Example", "{\"Effect\": \"allow\"}"));
        assert!(examples[0].1.is_json() && examples[0].1.kind().is_none());
    }

    #[test]
    fn asterisks_around_words_are_emphasis_and_wildcards_stay_text() {
        assert_eq!(
            inlines("put there *without* a trailing `:*`, and *any* principal."),
            vec![
                text("put there "),
                Inline::Emphasis("without".into()),
                text(" a trailing "),
                Inline::Code(":*".into()),
                text(", and "),
                Inline::Emphasis("any".into()),
                text(" principal."),
            ]
        );
        assert_eq!(
            inlines("log-group:NAME:* or kms:* and 2 * 3 * 4"),
            vec![text("log-group:NAME:* or kms:* and 2 * 3 * 4")]
        );
        assert_eq!(inlines("*who* can"), vec![Inline::Emphasis("who".into()), text(" can")]);
        assert_eq!(inlines("a *b"), vec![text("a *b")]);
    }

    #[test]
    fn a_json_example_that_does_not_parse_is_kept_as_written() {
        let broken = "{\"Effect\": \"Allow\",}";
        assert_eq!(
            blocks(&format!("Summary.\n```json\n{broken}\n```")),
            vec![DocBlock::Code(CodeBlock {
                language: "json".into(),
                text: broken.into(),
                source: broken.into(),
            })]
        );
    }

    #[test]
    fn an_unclosed_fence_keeps_its_text() {
        assert_eq!(
            blocks("Summary.\n```\nabc"),
            vec![DocBlock::Code(CodeBlock {
                language: String::new(),
                text: "abc".into(),
                source: "abc".into(),
            })]
        );
    }

    #[test]
    fn every_registered_rule_has_documentation_sections() {
        for rule in crate::lint::RULES {
            let blocks = &rule.doc().blocks;
            assert!(
                blocks.iter().any(|b| matches!(b, DocBlock::Heading(_))),
                "{} has no sections",
                rule.code
            );
            // An asterisk opening a word in rendered text is emphasis the parser missed.
            for block in blocks {
                let runs = match block {
                    DocBlock::Paragraph(runs) => std::slice::from_ref(runs),
                    DocBlock::List(items) => items.as_slice(),
                    _ => &[],
                };
                for inline in runs.iter().flatten() {
                    if let Inline::Text(t) = inline {
                        let stray = t.split_whitespace().any(|w| w.starts_with('*') && w.len() > 1);
                        assert!(!stray, "{}: an unrendered asterisk in {t:?}", rule.code);
                    }
                }
            }
        }
    }
}
