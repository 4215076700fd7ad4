//! What every analysis must promise, whatever the text.

use cwlogs_policy::lint::{apply_fix, Finding, RULES};
use cwlogs_policy::policy::PolicyKind;
use cwlogs_policy::Analysis;

/// Every finding names a known rule, lies inside the text on character boundaries, agrees with
/// its line and column, and comes in text order; text that does not parse gets exactly one
/// located `JSON001`; every machine fix offered applies to the text.
pub fn analysis_well_formed(text: &str, analysis: &Analysis) {
    findings_located(text, analysis.kind, &analysis.findings);
    for f in &analysis.findings {
        fix_applies(text, f);
    }
    if analysis.policy.is_none() {
        let codes: Vec<&str> = analysis.findings.iter().map(|f| f.code).collect();
        assert_eq!(codes, ["JSON001"], "text that does not parse");
    }
}

/// The part of [`analysis_well_formed`] that holds for findings located in any text (a paste the
/// importer read, too): a known rule, a span on character boundaries that agrees with its line
/// and column, a message, text order.
pub fn findings_located(text: &str, kind: PolicyKind, findings: &[Finding]) {
    for f in findings {
        assert!(RULES.iter().any(|r| r.code == f.code), "unknown code {} ({kind:?})", f.code);
        assert!(
            f.start <= f.end && f.end <= text.len(),
            "{} span {}..{} outside {} bytes",
            f.code,
            f.start,
            f.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{} span splits a character",
            f.code
        );
        assert_eq!((f.line, f.column), line_column(text, f.start), "{} start {:?}", f.code, f.message);
        assert_eq!((f.end_line, f.end_column), line_column(text, f.end), "{} end {:?}", f.code, f.message);
        assert!(!f.message.is_empty(), "{} without a message", f.code);
    }
    assert!(findings.windows(2).all(|w| w[0].start <= w[1].start), "findings out of text order");
}

/// 1-based line and column (in characters) of byte offset `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

/// A fix the page offers as a button must apply: in range, not overlapping, still JSON.
fn fix_applies(text: &str, f: &Finding) {
    if let Some(fix) = &f.fix {
        if let Err(e) = apply_fix(text, fix) {
            panic!("{}'s fix {:?} does not apply: {e}", f.code, fix.title);
        }
    }
}
