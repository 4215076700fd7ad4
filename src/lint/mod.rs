//! Diagnostics: the one finding type for syntax, shape and lint alike, the rules and their registry.

mod context;
mod diagnostic;
mod doc;
pub mod fix;
mod registry;
pub mod rules;
#[cfg(test)]
pub(crate) mod testing;

pub use context::{Context, LogsPrincipal, ScenarioContext, StackBucket, StackFacts, StackLogGroup, StatementNode};
pub use diagnostic::{Diagnostic, Finding, Severity, Wording};
pub use doc::{inlines, CodeBlock, DocBlock, Inline, RuleDoc};
pub use fix::{apply_all, apply_fix, Edit, Fix, FixError};
pub use registry::{rule_by_code, run, RULES};

/// A validator rule: a stable code, its documentation, and the check itself.
pub struct Rule {
    /// Stable, never reused: `JSON0xx` syntax, `IAM0xx` grammar, `IAM1xx` security, `KMS1xx`,
    /// `S31xx`, `LOGS1xx` service rules, `SCN1xx` scenario rules.
    pub code: &'static str,
    /// Kebab-case name, e.g. `effect-value`.
    pub name: &'static str,
    pub severity: Severity,
    /// The `///` text of the declaration: a summary line, then the sections What it does /
    /// Why it matters / Example / Use instead / References.
    pub docs: &'static str,
    pub check: fn(&Context, &mut Vec<Diagnostic>),
    /// The rule judges a template's references (`${Bucket.Arn}`) themselves, from what the
    /// template says they are: its findings on a placeholder are kept, not left out as needing
    /// the deployed value.
    pub judges_references: bool,
    /// `docs` parsed, on first use (see [`Rule::doc`]).
    pub(crate) parsed: std::sync::OnceLock<RuleDoc>,
}

impl Rule {
    /// The docs parsed: summary, sections, examples. Parsed once, on first use.
    pub fn doc(&self) -> &RuleDoc {
        self.parsed.get_or_init(|| RuleDoc::parse(self.docs))
    }

    /// The first line of the docs.
    pub fn summary(&self) -> &str {
        &self.doc().summary
    }

    /// Whether every word of `query` occurs, ignoring case, in the code, name or severity, or
    /// starts a word of the docs' prose (so `sid` finds neither every "inside" nor every example
    /// policy with a `"Sid"`): the rules index's filter.
    pub fn matches(&self, query: &str) -> bool {
        self.doc().matches([self.code, self.name, self.severity.as_str()], query)
    }

    /// What the rules panel shows of the rule, without its check.
    pub fn text(&self) -> RuleText {
        RuleText {
            code: self.code,
            name: self.name,
            severity: self.severity,
            doc: self.doc().clone(),
        }
    }
}

/// A rule's documentation without its check: what the page's rules panel receives from the
/// analysis worker, which alone holds the checks (and parses the docs, so the page does not).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RuleText {
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub code: crate::analyst::wire::Interned,
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub name: crate::analyst::wire::Interned,
    pub severity: Severity,
    pub doc: RuleDoc,
}

impl RuleText {
    /// See [`Rule::summary`].
    pub fn summary(&self) -> &str {
        &self.doc.summary
    }

    /// See [`Rule::matches`].
    pub fn matches(&self, query: &str) -> bool {
        self.doc.matches([self.code, self.name, self.severity.as_str()], query)
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.code, self.name)
    }
}

/// Declares a rule `static`, taking its `///` comment as the user-facing documentation.
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $id:ident = {
            code: $code:literal,
            name: $name:literal,
            severity: $severity:ident,
            check: $check:path
            $(, judges_references: $judges:literal)? $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        // Example fences may name a policy kind (```json kind=identity), which rustdoc does not know.
        #[allow(rustdoc::invalid_codeblock_attributes)]
        $vis static $id: $crate::lint::Rule = $crate::lint::Rule {
            code: $code,
            name: $name,
            severity: $crate::lint::Severity::$severity,
            docs: concat!($($doc, "\n"),*),
            check: $check,
            judges_references: false $(|| $judges)?,
            parsed: std::sync::OnceLock::new(),
        };
    };
}

#[cfg(test)]
mod rule_filter_tests {
    use super::rules::{effect_value, sid_format};

    #[test]
    fn every_word_must_match_code_name_severity_or_docs() {
        let effect = &effect_value::RULE;
        assert!(effect.matches(""));
        assert!(effect.matches("iam005"));
        assert!(effect.matches("EFFECT-value"));
        assert!(effect.matches("error case-sensitive"));
        assert!(!effect.matches("error spaces"));
        assert!(sid_format::RULE.matches("sid spaces"));
        assert!(!effect.matches("suggestion"));
        let inside = super::Rule {
            code: "TEST001",
            name: "test",
            severity: super::Severity::Warning,
            docs: "A value inside the policy, (side) effects.\n```json\n{\"Principal\": \"x\"}\n```\nAfter.",
            check: |_, _| {},
            judges_references: false,
            parsed: std::sync::OnceLock::new(),
        };
        assert!(inside.matches("value side"));
        assert!(!inside.matches("nside"), "only the starts of words in the docs");
        assert!(!inside.matches("principal"), "not the examples");
        assert!(inside.matches("after"));
        assert!(effect.matches("sensitive"), "case-sensitive has the word sensitive");
    }
}
