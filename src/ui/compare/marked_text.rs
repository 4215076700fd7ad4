//! A text with line numbers and some byte ranges marked, each mark with its own class and title.

use crate::lint::Finding;
use crate::report::{annotate_spans, AnnotatedLine, Segment};
use leptos::prelude::*;

/// One range to mark.
#[derive(Clone, Debug, PartialEq)]
pub struct TextMark {
    pub start: usize,
    pub end: usize,
    pub class: String,
    /// Shown on hover, and says what the mark is without colour.
    pub title: String,
}

/// Marks for findings, coloured by severity as in the checker.
pub fn finding_marks(findings: &[Finding]) -> Vec<TextMark> {
    findings
        .iter()
        .map(|f| TextMark {
            start: f.start,
            end: f.end,
            class: format!("sev-{}", f.severity.as_str()),
            title: format!("{} {}: {}", f.code, f.severity.as_str(), f.message),
        })
        .collect()
}

#[component]
pub fn MarkedText(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] marks: Signal<Vec<TextMark>>,
    label: &'static str,
    #[prop(optional)] testid: &'static str,
) -> impl IntoView {
    let lines = Memo::new(move |_| {
        text.with(|t| marks.with(|m| annotate_spans(t, &m.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>())))
    });
    view! {
        <div class="annotated code" role="region" aria-label=label tabindex="0" data-testid=testid>
            {move || marks.with(|m| lines.with(|lines| lines.iter().map(|line| render_line(line, m)).collect_view()))}
        </div>
    }
}

fn render_line(line: &AnnotatedLine, marks: &[TextMark]) -> impl IntoView {
    let segments = line
        .segments
        .iter()
        .map(|segment| render_segment(segment, marks))
        .collect_view();
    view! {
        <div class="annotated-line">
            <span class="line-number" aria-hidden="true">{line.number}</span>
            <span class="line-text">{segments}</span>
        </div>
    }
}

fn render_segment(segment: &Segment, marks: &[TextMark]) -> AnyView {
    if segment.elided {
        return view! { <span class="elided">{segment.text.clone()}</span> }.into_any();
    }
    match segment.finding.and_then(|i| marks.get(i)) {
        None => segment.text.clone().into_any(),
        Some(mark) => view! {
            <mark class=mark.class.clone() class:marker=segment.text.is_empty() title=mark.title.clone()>
                {segment.text.clone()}
            </mark>
        }
        .into_any(),
    }
}
