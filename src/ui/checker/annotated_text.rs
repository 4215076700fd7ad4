//! The checked text again, with line numbers and each finding's span marked.

use crate::lint::Finding;
use crate::report::{annotate, AnnotatedLine, Segment};
use leptos::prelude::*;

#[component]
pub fn AnnotatedText(#[prop(into)] text: Signal<String>, #[prop(into)] findings: Signal<Vec<Finding>>) -> impl IntoView {
    let lines = Memo::new(move |_| text.with(|t| findings.with(|f| annotate(t, f))));
    view! {
        <div class="annotated code" role="region" aria-label="The policy with findings marked" tabindex="0">
            {move || {
                findings.with(|f| lines.with(|lines| lines.iter().map(|line| render_line(line, f)).collect_view()))
            }}
        </div>
    }
}

fn render_line(line: &AnnotatedLine, findings: &[Finding]) -> impl IntoView {
    let segments = line.segments.iter().map(|segment| render_segment(segment, findings)).collect_view();
    view! {
        <div class="annotated-line">
            <span class="line-number" aria-hidden="true">{line.number}</span>
            <span class="line-text">{segments}</span>
        </div>
    }
}

fn render_segment(segment: &Segment, findings: &[Finding]) -> AnyView {
    match segment.finding.and_then(|i| findings.get(i)) {
        None => segment.text.clone().into_any(),
        Some(finding) => {
            let title = format!("{} {}: {}", finding.code, finding.severity.as_str(), finding.message);
            view! {
                <mark data-testid="finding-mark" class=format!("sev-{}", finding.severity.as_str())
                    class:marker=segment.text.is_empty() title=title>
                    {segment.text.clone()}
                </mark>
            }
            .into_any()
        }
    }
}
