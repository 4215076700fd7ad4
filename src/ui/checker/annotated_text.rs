//! The checked text again, with line numbers and each finding's span marked.

use crate::lint::Finding;
use crate::report::annotate;
use leptos::prelude::*;

/// One line as drawn: keyed by its whole content, so a keystroke redraws only the lines it changed.
#[derive(Clone, PartialEq, Eq, Hash)]
struct DrawnLine {
    number: usize,
    segments: Vec<DrawnSegment>,
}

#[derive(Clone, PartialEq, Eq, Hash)]
struct DrawnSegment {
    text: String,
    /// Title and severity of the finding the text belongs to.
    mark: Option<(String, &'static str)>,
    /// Stands for left-out text of a very long line.
    elided: bool,
}

#[component]
pub fn AnnotatedText(
    #[prop(into)] text: Signal<String>,
    #[prop(into)] findings: Signal<Vec<Finding>>,
) -> impl IntoView {
    let lines = Memo::new(move |_| {
        text.with(|t| {
            findings.with(|f| {
                annotate(t, f)
                    .into_iter()
                    .map(|line| DrawnLine {
                        number: line.number,
                        segments: line
                            .segments
                            .into_iter()
                            .map(|s| DrawnSegment {
                                mark: s.finding.and_then(|i| f.get(i)).map(|finding| {
                                    (
                                        format!("{} {}: {}", finding.code, finding.severity.as_str(), finding.message),
                                        finding.severity.as_str(),
                                    )
                                }),
                                text: s.text,
                                elided: s.elided,
                            })
                            .collect(),
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <div class="annotated code" role="region" aria-label="The policy with findings marked" tabindex="0">
            <For each=move || lines.get() key=|line| line.clone() children=render_line />
        </div>
    }
}

fn render_line(line: DrawnLine) -> impl IntoView {
    let segments = line.segments.into_iter().map(render_segment).collect_view();
    view! {
        <div class="annotated-line">
            <span class="line-number" aria-hidden="true">{line.number}</span>
            <span class="line-text">{segments}</span>
        </div>
    }
}

fn render_segment(segment: DrawnSegment) -> AnyView {
    if segment.elided {
        return view! { <span class="elided">{segment.text}</span> }.into_any();
    }
    match segment.mark {
        None => segment.text.into_any(),
        Some((title, severity)) => {
            let marker = segment.text.is_empty();
            view! {
                <mark data-testid="finding-mark" class=format!("sev-{severity}") class:marker=marker title=title>
                    {segment.text}
                </mark>
            }
            .into_any()
        }
    }
}
