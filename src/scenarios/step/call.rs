//! One AWS CLI call with typed arguments: what the renderer writes as bash, the events derive
//! from and the templates read.

use super::operation::Operation;

/// The value of a flag, or of a shell variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Literal text; the renderer quotes it.
    Text(String),
    /// A shell variable an earlier line set (`KEY_ARN` → `"$KEY_ARN"`).
    Var(&'static str),
    /// A file the call reads (`file://NAME`).
    File(String),
    /// A shell expression written as is (`"$(date +%s)"`, a JMESPath query naming `$1`).
    Expr(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Flag {
    /// Without `--`.
    pub name: &'static str,
    /// None for a flag without a value.
    pub value: Option<Arg>,
    /// Starts a continuation line.
    pub wrap: bool,
}

/// An error code the call may answer with that the script takes as an expected case.
#[derive(Clone, Debug, PartialEq)]
pub struct ExpectedError {
    /// Where stderr goes, to be shown and matched.
    pub file: &'static str,
    pub code: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AwsCall {
    pub operation: &'static Operation,
    pub flags: Vec<Flag>,
    /// `VAR=$(aws …)`: the output (its `--query` with `--output text`) kept in a variable.
    pub capture: Option<&'static str>,
    /// `> FILE`: the output written to a file.
    pub writes: Option<String>,
    pub expected_error: Option<ExpectedError>,
    /// `  # text` after the call.
    pub comment: Option<String>,
    wrap_next: bool,
}

impl AwsCall {
    pub fn new(operation: &'static Operation) -> Self {
        AwsCall {
            operation,
            flags: Vec::new(),
            capture: None,
            writes: None,
            expected_error: None,
            comment: None,
            wrap_next: false,
        }
    }

    fn push(mut self, name: &'static str, value: Option<Arg>) -> Self {
        self.flags.push(Flag {
            name,
            value,
            wrap: std::mem::take(&mut self.wrap_next),
        });
        self
    }

    /// `--region REGION`.
    pub fn region(self, region: &str) -> Self {
        self.text("region", region)
    }

    /// `--NAME TEXT`, quoted by the renderer.
    pub fn text(self, name: &'static str, text: impl Into<String>) -> Self {
        self.push(name, Some(Arg::Text(text.into())))
    }

    /// `--NAME "$VAR"`.
    pub fn var(self, name: &'static str, var: &'static str) -> Self {
        self.push(name, Some(Arg::Var(var)))
    }

    /// `--NAME file://FILE`.
    pub fn file(self, name: &'static str, file: impl Into<String>) -> Self {
        self.push(name, Some(Arg::File(file.into())))
    }

    /// `--NAME EXPRESSION`, written as is.
    pub fn expr(self, name: &'static str, expression: impl Into<String>) -> Self {
        self.push(name, Some(Arg::Expr(expression.into())))
    }

    /// `--query QUERY --output text`.
    pub fn query_text(self, query: &str) -> Self {
        self.text("query", query).text("output", "text")
    }

    /// The next flag starts a continuation line.
    pub fn wrap(mut self) -> Self {
        self.wrap_next = true;
        self
    }

    /// `VAR=$(aws … --query QUERY --output text)`.
    pub fn capture(mut self, var: &'static str, query: &str) -> Self {
        self = self.query_text(query);
        self.capture = Some(var);
        self
    }

    /// `VAR=$(aws …)`, the query and output already given.
    pub fn into_var(mut self, var: &'static str) -> Self {
        self.capture = Some(var);
        self
    }

    pub fn writes(mut self, file: impl Into<String>) -> Self {
        self.writes = Some(file.into());
        self
    }

    /// Goes on after the error AWS names `code` (an expected case, e.g. NoSuchBucketPolicy) and
    /// stops after any other under `set -e`.
    pub fn unless_error(mut self, file: &'static str, code: &'static str) -> Self {
        self.expected_error = Some(ExpectedError { file, code });
        self
    }

    pub fn comment(mut self, text: impl Into<String>) -> Self {
        self.comment = Some(text.into());
        self
    }

    /// The value of `--NAME`.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        self.flags.iter().find(|f| f.name == name).and_then(|f| f.value.as_ref())
    }

    /// The literal text of `--NAME`.
    pub fn text_of(&self, name: &str) -> Option<&str> {
        match self.arg(name)? {
            Arg::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The file `--NAME file://FILE` reads.
    pub fn file_of(&self, name: &str) -> Option<&str> {
        match self.arg(name)? {
            Arg::File(f) => Some(f),
            _ => None,
        }
    }

    pub fn is(&self, operation: &Operation) -> bool {
        std::ptr::eq(self.operation, operation) || self.operation == operation
    }
}
