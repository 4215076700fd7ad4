//! One-line counts of findings, as the page's summary and the CLI's last line show them.

use crate::lint::{Finding, Severity};

const ORDER: [(Severity, &str, &str); 4] = [
    (Severity::Error, "error", "errors"),
    (Severity::Security, "security finding", "security findings"),
    (Severity::Warning, "warning", "warnings"),
    (Severity::Suggestion, "suggestion", "suggestions"),
];

/// "2 errors, 1 warning", most severe first; "No findings" when there are none.
pub fn summary(findings: &[Finding]) -> String {
    let parts: Vec<String> = ORDER
        .iter()
        .filter_map(|&(severity, one, many)| {
            let n = findings.iter().filter(|f| f.severity == severity).count();
            match n {
                0 => None,
                1 => Some(format!("1 {one}")),
                n => Some(format!("{n} {many}")),
            }
        })
        .collect();
    if parts.is_empty() {
        "No findings".to_owned()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(severity: Severity) -> Finding {
        Finding {
            code: "TEST001",
            name: "test",
            severity,
            message: String::new(),
            line: 1,
            column: 1,
            end_line: 1,
            end_column: 1,
            start: 0,
            end: 0,
            path: String::new(),
            note: None,
            help: None,
            fix: None,
            expected_because: None,
            wording: Default::default(),
        }
    }

    #[test]
    fn no_findings_says_so() {
        assert_eq!(summary(&[]), "No findings");
    }

    #[test]
    fn counts_are_listed_most_severe_first_with_plurals() {
        let findings = [of(Severity::Warning), of(Severity::Error), of(Severity::Error)];
        assert_eq!(summary(&findings), "2 errors, 1 warning");
        assert_eq!(summary(&[of(Severity::Suggestion), of(Severity::Security)]), "1 security finding, 1 suggestion");
    }
}
