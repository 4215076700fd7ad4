//! Diagnostics: the one finding type for syntax, shape and lint alike, the rules and their registry.

mod context;
mod diagnostic;
mod registry;
pub mod rules;
#[cfg(test)]
pub(crate) mod testing;

pub use context::{Context, StatementNode};
pub use diagnostic::{Diagnostic, Finding, Severity};
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
}

impl Rule {
    /// The first line of the docs.
    pub fn summary(&self) -> &'static str {
        self.docs.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("")
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
            check: $check:path $(,)?
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
        };
    };
}
