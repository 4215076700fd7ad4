//! Text → numbered lines split at finding spans, so a page or a snapshot can mark what each
//! finding points at.

use crate::lint::Finding;

/// One line of the checked text, split where findings start and end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotatedLine {
    /// 1-based, as in `Finding::line`.
    pub number: usize,
    /// The line's text in order, without its line break. Empty for an empty line.
    pub segments: Vec<Segment>,
}

/// A run of text that one finding (or none) points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Empty for the zero-width marker of a finding that points between characters, such as
    /// "unexpected end of input".
    pub text: String,
    /// Index into the findings passed to [`annotate`].
    pub finding: Option<usize>,
    /// Stands for a stretch of a very long line left out ([`LONG_LINE`]); `text` says how much.
    pub elided: bool,
}

/// Lines longer than this (in bytes) show only [`CONTEXT`] bytes around their start and around
/// each mark's start and end: drawing a multi-megabyte one-line paste whole would freeze the page
/// and bury the mark.
pub const LONG_LINE: usize = 2_000;
const CONTEXT: usize = 200;

/// Texts with more lines than this show their first [`HEAD_LINES`] lines and [`CONTEXT_LINES`]
/// lines around each mark; every other run of lines is one elided line saying how many. A paste of
/// a few megabytes has tens of thousands of lines: drawing (and diffing) them all on every answer
/// held the page's thread for longer than a frame, and the marks were lost among them.
pub const MANY_LINES: usize = 1_000;
const HEAD_LINES: usize = 40;
const CONTEXT_LINES: usize = 3;

/// A finding's byte range made safe for slicing: inside the text and on char boundaries.
#[derive(Clone, Copy, Debug)]
struct Mark {
    start: usize,
    end: usize,
}

/// Splits `text` into lines and each line at the spans of `findings`. Where spans overlap, the
/// earlier finding in the list wins. Never panics: spans past the end or inside a multibyte
/// character are moved to the nearest char boundary.
pub fn annotate(text: &str, findings: &[Finding]) -> Vec<AnnotatedLine> {
    let spans: Vec<(usize, usize)> = findings.iter().map(|f| (f.start, f.end)).collect();
    annotate_spans(text, &spans)
}

/// [`annotate`] for any byte ranges (a diff's changed values): `Segment::finding` is then an
/// index into `spans`.
pub fn annotate_spans(text: &str, spans: &[(usize, usize)]) -> Vec<AnnotatedLine> {
    let marks: Vec<Mark> = spans.iter().map(|&(start, end)| mark(text, start, end)).collect();
    let shown = shown_lines(text, &marks);
    let mut lines = Vec::new();
    let mut line_start = 0;
    let mut hidden = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let content = raw.strip_suffix('\r').unwrap_or(raw);
        let line_end = line_start + content.len();
        if shown.as_ref().is_some_and(|shown| !shown(i)) {
            hidden += 1;
        } else {
            if hidden > 0 {
                lines.push(elided_lines(i + 1 - hidden, hidden));
                hidden = 0;
            }
            let mut segments = split_line(text, line_start, line_end, &marks);
            if content.len() > LONG_LINE {
                segments = elide(content, segments);
            }
            lines.push(AnnotatedLine { number: i + 1, segments });
        }
        line_start += raw.len() + 1;
    }
    if hidden > 0 {
        let first = lines.last().map_or(1, |l: &AnnotatedLine| l.number + 1);
        lines.push(elided_lines(first, hidden));
    }
    lines
}

/// For a text of more than [`MANY_LINES`] lines, which lines (0-based) to draw; `None`: all.
fn shown_lines(text: &str, marks: &[Mark]) -> Option<impl Fn(usize) -> bool> {
    let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
    if starts.len() <= MANY_LINES {
        return None;
    }
    let line_of = |at: usize| starts.partition_point(|&start| start <= at).saturating_sub(1);
    let mut shown = vec![false; starts.len()];
    shown.iter_mut().take(HEAD_LINES).for_each(|s| *s = true);
    for m in marks {
        let from = line_of(m.start).saturating_sub(CONTEXT_LINES);
        let to = (line_of(m.end) + CONTEXT_LINES).min(starts.len() - 1);
        shown[from..=to].iter_mut().for_each(|s| *s = true);
    }
    Some(move |line: usize| shown.get(line).copied().unwrap_or(false))
}

/// One drawn line standing for `count` lines left out, numbered as the first of them.
fn elided_lines(first: usize, count: usize) -> AnnotatedLine {
    let text = if count == 1 { " … 1 line not shown … ".to_owned() } else { format!(" … {count} lines not shown … ") };
    AnnotatedLine { number: first, segments: vec![Segment { text, finding: None, elided: true }] }
}

fn mark(text: &str, start: usize, end: usize) -> Mark {
    let start = floor_boundary(text, start.min(text.len()));
    let end = ceil_boundary(text, end.clamp(start, text.len()));
    let covers_visible = text[start..end].chars().any(|c| c != '\n' && c != '\r');
    if covers_visible {
        return Mark { start, end };
    }
    // An empty span (or one covering only a line break) marks the character it points at,
    // or a zero-width marker where there is none.
    match text[start..].chars().next() {
        Some(c) if c != '\n' && c != '\r' => Mark { start, end: start + c.len_utf8() },
        _ => Mark { start, end: start },
    }
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The segments of the line `text[start..end]`.
fn split_line(text: &str, start: usize, end: usize, marks: &[Mark]) -> Vec<Segment> {
    let mut cuts = vec![start, end];
    for m in marks {
        for at in [m.start, m.end] {
            if (start..=end).contains(&at) {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();

    let mut segments: Vec<Segment> = Vec::new();
    for (i, &at) in cuts.iter().enumerate() {
        let marker = marks.iter().position(|m| m.start == m.end && m.start == at);
        let covered = |m: &Mark| m.start < at && at < m.end;
        if let Some(index) = marker.filter(|_| !marks.iter().any(covered)) {
            segments.push(Segment { text: String::new(), finding: Some(index), elided: false });
        }
        let Some(&next) = cuts.get(i + 1) else { break };
        let finding = marks.iter().position(|m| m.start < m.end && m.start <= at && next <= m.end);
        match segments.last_mut() {
            Some(last) if last.finding == finding && !last.text.is_empty() => last.text.push_str(&text[at..next]),
            _ => segments.push(Segment { text: text[at..next].to_owned(), finding, elided: false }),
        }
    }
    segments.retain(|s| !s.text.is_empty() || s.finding.is_some());
    segments
}

/// The line's segments with only windows around its start and each mark's edges kept; each
/// stretch between windows becomes one elided segment.
fn elide(line: &str, segments: Vec<Segment>) -> Vec<Segment> {
    let floor = |mut at: usize| {
        at = at.min(line.len());
        while !line.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let mut windows = vec![(0, floor(CONTEXT))];
    let mut at = 0;
    for segment in &segments {
        let end = at + segment.text.len();
        if segment.finding.is_some() {
            for edge in [at, end] {
                windows.push((floor(edge.saturating_sub(CONTEXT)), floor(edge + CONTEXT)));
            }
        }
        at = end;
    }
    // Already in order: the edges only grow, and the line's start comes first.
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in windows {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    let mut out = Vec::new();
    let mut shown_to = 0;
    let mut at = 0;
    for segment in segments {
        let end = at + segment.text.len();
        if segment.text.is_empty() {
            out.push(segment);
            continue;
        }
        for &(start, stop) in merged.iter().filter(|(s, e)| *s < end && at < *e) {
            let (from, to) = (start.max(at), stop.min(end));
            if from > shown_to {
                out.push(skipped(&line[shown_to..from]));
            }
            out.push(Segment { text: line[from..to].to_owned(), finding: segment.finding, elided: false });
            shown_to = to;
        }
        at = end;
    }
    if shown_to < line.len() {
        out.push(skipped(&line[shown_to..]));
    }
    out
}

fn skipped(text: &str) -> Segment {
    Segment { text: format!(" … {} characters not shown … ", text.chars().count()), finding: None, elided: true }
}

#[cfg(test)]
mod many_lines_tests {
    use super::*;

    fn numbered(lines: usize) -> String {
        (1..=lines).map(|i| format!("line {i}")).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn a_text_of_many_lines_draws_its_head_and_the_lines_around_each_mark() {
        let text = numbered(30_000);
        let at = text.find("line 20000").expect("line 20000");
        let lines = annotate_spans(&text, &[(at, at + "line 20000".len())]);
        assert!(lines.len() < 100, "{} lines drawn", lines.len());
        let marked = lines.iter().find(|l| l.segments.iter().any(|s| s.finding == Some(0))).expect("the mark is drawn");
        assert_eq!(marked.number, 20_000);
        let text_of = |l: &AnnotatedLine| l.segments.iter().map(|s| s.text.as_str()).collect::<String>();
        assert_eq!(text_of(marked), "line 20000");
        // Context around the mark, numbered as in the text.
        assert!(lines.iter().any(|l| l.number == 19_997 && text_of(l) == "line 19997"));
        assert!(lines.iter().any(|l| l.number == 20_003 && text_of(l) == "line 20003"));
        // Every line is either drawn or counted in an elided line.
        let drawn = lines.iter().filter(|l| !l.segments.iter().any(|s| s.elided)).count();
        let counted: usize = lines
            .iter()
            .filter_map(|l| l.segments.iter().find(|s| s.elided))
            .map(|s| s.text.split_whitespace().nth(1).and_then(|n| n.parse::<usize>().ok()).expect("a count"))
            .sum();
        assert_eq!(drawn + counted, 30_000);
    }

    #[test]
    fn a_text_of_few_lines_is_drawn_whole() {
        let text = numbered(MANY_LINES);
        assert_eq!(annotate_spans(&text, &[]).len(), MANY_LINES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Severity;

    fn finding(start: usize, end: usize) -> Finding {
        Finding {
            code: "TEST001",
            name: "test",
            severity: Severity::Error,
            message: "test".into(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            start,
            end,
            path: String::new(),
            note: None,
            help: None,
            fix: None,
            expected_because: None,
            wording: Default::default(),
        }
    }

    /// Each line as `text` with marked runs in `[n:…]` and markers as `[n:]`.
    fn render(text: &str, findings: &[Finding]) -> Vec<String> {
        annotate(text, findings)
            .iter()
            .map(|line| {
                line.segments
                    .iter()
                    .map(|s| match s.finding {
                        Some(i) => format!("[{i}:{}]", s.text),
                        None => s.text.clone(),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_mark_at_the_end_of_a_huge_line_is_shown_in_a_window_around_it() {
        let text = format!("{{\"a\": \"{}\"", "x".repeat(3_000_000));
        let end = text.len();
        let lines = annotate(&text, &[finding(end, end)]);
        let shown: usize = lines[0].segments.iter().filter(|s| !s.elided).map(|s| s.text.len()).sum();
        assert!(shown <= 3 * CONTEXT, "{shown} bytes drawn");
        let kinds: Vec<(bool, Option<usize>)> = lines[0].segments.iter().map(|s| (s.elided, s.finding)).collect();
        assert_eq!(kinds, [(false, None), (true, None), (false, None), (false, Some(0))]);
        assert_eq!(lines[0].segments[1].text, format!(" … {} characters not shown … ", end - 2 * CONTEXT));
        // Every kept byte is the text's own, in order: start, then the window before the end.
        assert!(text.starts_with(&lines[0].segments[0].text));
        assert!(text.ends_with(&lines[0].segments[2].text));
    }

    #[test]
    fn long_lines_keep_multibyte_characters_whole_and_short_lines_are_untouched() {
        let text = "é".repeat(LONG_LINE);
        let lines = annotate(&text, &[finding(LONG_LINE + 1, LONG_LINE + 2)]);
        assert!(lines[0].segments.iter().any(|s| s.elided));
        assert!(lines[0].segments.iter().any(|s| s.finding == Some(0) && s.text == "é"));
        let short = "y".repeat(LONG_LINE);
        assert!(annotate(&short, &[]).iter().all(|l| l.segments.iter().all(|s| !s.elided)));
    }

    #[test]
    fn text_without_findings_is_one_plain_segment_per_line() {
        assert_eq!(render("{\n  \"a\": 1\n}", &[]), ["{", "  \"a\": 1", "}"]);
        let lines = annotate("a\nb", &[]);
        assert_eq!(lines.iter().map(|l| l.number).collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn a_span_splits_its_line() {
        assert_eq!(render("{\"Effect\": \"allow\"}", &[finding(11, 18)]), ["{\"Effect\": [0:\"allow\"]}"]);
    }

    #[test]
    fn a_span_over_several_lines_is_marked_on_each() {
        assert_eq!(render("ab\ncd\nef", &[finding(1, 7)]), ["a[0:b]", "[0:cd]", "[0:e]f"]);
    }

    #[test]
    fn an_empty_span_marks_the_character_it_points_at() {
        assert_eq!(render("{\"a\" 1}", &[finding(5, 5)]), ["{\"a\" [0:1]}"]);
    }

    #[test]
    fn an_empty_span_at_the_end_is_a_zero_width_marker() {
        assert_eq!(render("{\"a\": ", &[finding(6, 6)]), ["{\"a\": [0:]"]);
        assert_eq!(render("{\n", &[finding(2, 2)]), ["{", "[0:]"]);
        assert_eq!(render("", &[finding(0, 0)]), ["[0:]"]);
    }

    #[test]
    fn an_empty_span_on_a_line_break_marks_the_end_of_its_line() {
        assert_eq!(render("ab\ncd", &[finding(2, 2)]), ["ab[0:]", "cd"]);
        assert_eq!(render("ab\r\ncd", &[finding(2, 4)]), ["ab[0:]", "cd"]);
    }

    #[test]
    fn overlapping_spans_go_to_the_first_finding() {
        assert_eq!(render("abcdef", &[finding(1, 4), finding(2, 6)]), ["a[0:bcd][1:ef]"]);
        assert_eq!(render("abcdef", &[finding(2, 6), finding(1, 4)]), ["a[1:b][0:cdef]"]);
    }

    #[test]
    fn a_point_inside_a_marked_run_stays_with_the_first_finding() {
        assert_eq!(render("abcdef", &[finding(1, 5), finding(3, 3)]), ["a[0:bcde]f"]);
    }

    #[test]
    fn offsets_inside_a_multibyte_character_widen_to_the_whole_character() {
        // "“" and "”" are 3 bytes each (1..4, 5..8), "é" is 2 (8..10).
        let text = "{“a”é}";
        assert_eq!(render(text, &[finding(2, 3)]), ["{[0:“]a”é}"]);
        assert_eq!(render(text, &[finding(9, 10)]), ["{“a”[0:é]}"]);
    }

    #[test]
    fn offsets_past_the_end_are_clamped() {
        assert_eq!(render("ab", &[finding(1, 99)]), ["a[0:b]"]);
        assert_eq!(render("ab", &[finding(50, 60)]), ["ab[0:]"]);
        assert_eq!(render("ab", &[finding(2, 1)]), ["ab[0:]"]);
    }

    #[test]
    fn carriage_returns_are_not_shown() {
        assert_eq!(render("a\r\nb\r\n", &[]), ["a", "b", ""]);
    }

    #[test]
    fn joining_the_segments_gives_back_the_text() {
        let text = "{\n  \"Statement\": [ “x” ],\n  \"Ünïcode\": 1\n}\n";
        let findings: Vec<Finding> = (0..=text.len() + 2).flat_map(|s| [finding(s, s), finding(s, s + 3)]).collect();
        for f in &findings {
            let lines = annotate(text, std::slice::from_ref(f));
            let joined: Vec<String> = lines.iter().map(|l| l.segments.iter().map(|s| s.text.as_str()).collect()).collect();
            assert_eq!(joined.join("\n"), text, "span {}..{}", f.start, f.end);
        }
    }
}
