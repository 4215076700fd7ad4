//! Diagnostic (what a rule says) and Finding (the same, located by line and column for people).

use super::{Fix, Rule};
use crate::json::{LineIndex, Span};
use crate::message::{Lang, Message};
use serde::{Deserialize, Serialize};

/// How bad a finding is; mirrors Access Analyzer's ERROR, SECURITY_WARNING, WARNING, SUGGESTION.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// AWS rejects the policy, or it cannot work.
    Error,
    /// It works but grants more than intended.
    Security,
    /// Likely a mistake, or relies on an unverified fact.
    Warning,
    /// A clearer or tighter way to say the same thing.
    Suggestion,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Security => "security",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
        }
    }
}

/// What a finding says, by message id (see `crate::message`): its message, note and help in any
/// language. The `message`, `note` and `help` strings beside it are their English, rendered once
/// when the rule speaks (the tests, the page and the JSON read those); [`Finding::render_in`]
/// renders them again in another language.
///
/// Equal to any other wording: findings compare by what they say in English, and a finding read
/// back from the worker's JSON has no wording (the worker renders the language it is asked for).
#[derive(Clone, Debug, Default)]
pub struct Wording {
    pub message: Option<Message>,
    pub note: Option<Message>,
    pub help: Option<Message>,
}

impl PartialEq for Wording {
    fn eq(&self, _: &Wording) -> bool {
        true
    }
}

impl Eq for Wording {}

/// One finding as a rule produces it: byte span and JSON path, not yet line and column.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub message: String,
    pub span: Option<Span>,
    /// Where in the document, e.g. `Statement[1].Condition.ArnEquals`.
    pub path: String,
    pub note: Option<String>,
    pub help: Option<String>,
    /// A mechanical remedy the page offers as a button (see `lint::fix`).
    pub fix: Option<Fix>,
    pub wording: Wording,
}

impl Diagnostic {
    /// A finding of `rule` at its default severity.
    pub fn new(rule: &'static Rule, message: impl Into<Message>) -> Self {
        let message = message.into();
        Diagnostic {
            rule,
            severity: rule.severity,
            message: message.english(),
            span: None,
            path: String::new(),
            note: None,
            help: None,
            fix: None,
            wording: Wording {
                message: Some(message),
                note: None,
                help: None,
            },
        }
    }

    pub fn at(mut self, span: impl Into<Option<Span>>) -> Self {
        self.span = span.into();
        self
    }

    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    pub fn help(mut self, help: impl Into<Message>) -> Self {
        let help = help.into();
        self.help = Some(help.english());
        self.wording.help = Some(help);
        self
    }

    pub fn note(mut self, note: impl Into<Message>) -> Self {
        let note = note.into();
        self.note = Some(note.english());
        self.wording.note = Some(note);
        self
    }

    /// Offers `fix`: only when the result is evidently what was meant (see `lint::fix`).
    pub fn fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Resolves the span into line and column of `text`.
    pub fn locate(&self, text: &str, index: &LineIndex) -> Finding {
        let span = self.span.unwrap_or_default();
        let (line, column) = index.line_col(text, span.start);
        let (end_line, end_column) = index.line_col(text, span.end);
        Finding {
            code: self.rule.code,
            name: self.rule.name,
            severity: self.severity,
            message: self.message.clone(),
            line,
            column,
            end_line,
            end_column,
            start: span.start,
            end: span.end,
            path: self.path.clone(),
            note: self.note.clone(),
            help: self.help.clone(),
            fix: self.fix.clone(),
            expected_because: None,
            wording: self.wording.clone(),
        }
    }
}

/// A located finding: what the page, the CLI and the JSON output show.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub code: crate::analyst::wire::Interned,
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub name: crate::analyst::wire::Interned,
    pub severity: Severity,
    pub message: String,
    /// 1-based.
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Byte offsets of the offending text.
    pub start: usize,
    pub end: usize,
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// Edits (byte spans of the checked text) that remedy the finding, when that is mechanical.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
    /// Why this finding is expected on this document: set only for the tool's own generated
    /// documents, which state the reason beside the finding (see `Document::check`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_because: Option<String>,
    /// The ids behind `message`, `note` and `help`; not sent (see [`Wording`]).
    #[serde(skip)]
    pub wording: Wording,
}

impl Finding {
    /// Renders its message, note and help again in `lang`. A text with no id behind it (a finding
    /// read back from JSON, a text not yet in the catalogue) stays as it is.
    pub fn render_in(&mut self, lang: Lang) {
        if let Some(m) = &self.wording.message {
            self.message = m.render(lang);
        }
        if let Some(n) = &self.wording.note {
            self.note = Some(n.render(lang));
        }
        if let Some(h) = &self.wording.help {
            self.help = Some(h.render(lang));
        }
    }
}
