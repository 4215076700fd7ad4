//! `analyze`: the one entry the page and the CLI call to check a pasted policy.

use crate::json::{parse_document, LineIndex};
use crate::lint::{self, rules::json_syntax, Context, Finding, Severity};
use crate::policy::{lower, Policy, PolicyKind};

/// The result of checking one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub kind: PolicyKind,
    /// Ordered by position in the text.
    pub findings: Vec<Finding>,
    /// The policy as read, when the text parsed.
    pub policy: Option<Policy>,
}

impl Analysis {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// Parses, lowers and lints `text` as a policy of `kind`. Never panics on any input.
pub fn analyze(text: &str, kind: PolicyKind) -> Analysis {
    let index = LineIndex::new(text);
    match parse_document(text) {
        Err(error) => Analysis { kind, findings: vec![json_syntax::diagnostic(error).locate(text, &index)], policy: None },
        Ok(json) => {
            let policy = lower(&json);
            let ctx = Context { text, json: &json, policy: &policy, kind };
            let findings = lint::run(&ctx).iter().map(|d| d.locate(text, &index)).collect();
            Analysis { kind, findings, policy: Some(policy) }
        }
    }
}
