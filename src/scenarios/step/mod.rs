//! A step: an ordered list of typed lines — AWS calls and the shell glue between them — run in
//! one account. Its bash ([`render`]), its CloudTrail events and the templates' resources
//! (`export::plan`) are all derived from these lines; no AWS command text is written by hand.

pub mod bucket_policy;
pub mod call;
pub mod iam_propagation;
pub mod inline_policy;
pub mod key_policy;
pub mod operation;
pub mod operator;
mod render;

pub use call::{Arg, AwsCall, ExpectedError, Flag};
pub use operation::Operation;

use crate::scenarios::TrailEvent;
use serde::Serialize;

/// Which account runs a step, when the bundle spans two.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub enum Side {
    #[default]
    Only,
    Source,
    Destination,
}

/// One line of a step (a call may span continuation lines).
#[derive(Clone, Debug, PartialEq)]
pub enum Line {
    Call(AwsCall),
    /// Shown commented out, not run (an undo, or what a service does itself): records nothing.
    Commented(Box<Line>),
    /// `# text`.
    Comment(String),
    /// `VAR=value`.
    Assign { var: &'static str, value: Arg },
    /// `: "${VAR:?message}"`: stops when an earlier step did not set it.
    Require { var: &'static str, message: String },
    /// Writes `out`, `file` with the placeholder ARN replaced by the new key's (`$KEY_ARN`).
    ResolveKey {
        placeholder: String,
        file: String,
        out: String,
    },
    /// Writes `out`: the statements of `backup`, less those whose Sid `add` also has, then
    /// `add`'s (with jq): re-running replaces this tool's statements instead of duplicating them.
    MergeStatements {
        backup: &'static str,
        add: &'static str,
        out: &'static str,
    },
    /// Stops the script (exit 3) unless `out` exists and is not empty: a policy that replaces a
    /// deployed one whole is applied only after the user merged `add` into `backup` and checked it,
    /// because statements the tool did not write (other log groups, key administrators) would
    /// otherwise be lost. `what` names the policy for the message. `replacing` names the statements
    /// of `backup` that `add`'s take the place of (a rotation's old key: its CloudWatch Logs grant
    /// becomes decrypt-only), which `cwlogs-policy merge` would keep, since it only adds.
    AwaitMerge {
        backup: &'static str,
        add: &'static str,
        out: &'static str,
        what: &'static str,
        replacing: Option<&'static str>,
    },
    /// `echo "$VAR"`.
    PrintVar(&'static str),
    Sleep(u32),
    /// A shell function; its calls run where it is invoked.
    Function(Function),
    Invoke { function: &'static str, args: Vec<Arg> },
    /// Shell control flow with no AWS call (`if …; then …; fi`, a loop's `done`).
    Shell(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Function {
    pub name: &'static str,
    /// Each line with its indentation in spaces.
    pub body: Vec<(usize, Line)>,
}

impl Line {
    pub fn shell(text: impl Into<String>) -> Line {
        Line::Shell(text.into())
    }

    pub fn comment(text: impl Into<String>) -> Line {
        Line::Comment(text.into())
    }

    pub fn commented(line: impl Into<Line>) -> Line {
        Line::Commented(Box::new(line.into()))
    }

    /// `VAR=TEXT`, quoted.
    pub fn set(var: &'static str, text: impl Into<String>) -> Line {
        Line::Assign { var, value: Arg::Text(text.into()) }
    }
}

impl From<AwsCall> for Line {
    fn from(call: AwsCall) -> Line {
        Line::Call(call)
    }
}

/// One shell step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    pub title: String,
    /// Bash, values filled in and quoted: rendered from `lines`.
    pub command: String,
    /// The CloudTrail events the step's calls record, in order (domain-facts §5.1): derived from
    /// `lines`, then the events of calls the step makes a service or console make.
    pub events: Vec<TrailEvent>,
    #[serde(skip)]
    pub lines: Vec<Line>,
    #[serde(skip)]
    pub side: Side,
    /// The account of `side`, when two take part.
    #[serde(skip)]
    pub account: Option<String>,
    /// The bundle's identity policy (its file name) of the role that runs the step, when the bundle
    /// defines that role's permissions (the vended-logs setup role): its calls must be granted by it.
    #[serde(skip)]
    pub identity_policy: Option<&'static str>,
}

impl Step {
    pub fn new(title: impl Into<String>, lines: Vec<Line>) -> Self {
        let events = calls_events(&lines);
        Step {
            title: title.into(),
            command: render::lines(&lines),
            events,
            lines,
            side: Side::Only,
            account: None,
            identity_policy: None,
        }
    }

    /// Run in `side`'s account `account`.
    pub fn in_account(mut self, side: Side, account: impl Into<String>) -> Self {
        self.side = side;
        self.account = Some(account.into());
        self
    }

    /// Run by the role the bundle's identity policy `file` is for.
    pub fn run_with(mut self, file: &'static str) -> Self {
        self.identity_policy = Some(file);
        self
    }

    /// The events of calls the step leads others to make: the service's console turning logging
    /// on, CloudWatch Logs updating a policy itself on CreateDelivery.
    pub fn causes(mut self, events: &[TrailEvent]) -> Self {
        for e in events {
            if !self.events.contains(e) {
                self.events.push(*e);
            }
        }
        self
    }

    /// Every AWS call the step runs, in order, a function's calls where it is first invoked.
    pub fn calls(&self) -> Vec<&AwsCall> {
        run_calls(&self.lines)
    }

    /// Every AWS call written in the step, run or commented out, in text order.
    pub fn written_calls(&self) -> Vec<&AwsCall> {
        fn walk<'a>(line: &'a Line, out: &mut Vec<&'a AwsCall>) {
            match line {
                Line::Call(c) => out.push(c),
                Line::Commented(inner) => walk(inner, out),
                Line::Function(f) => f.body.iter().for_each(|(_, l)| walk(l, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        self.lines.iter().for_each(|l| walk(l, &mut out));
        out
    }
}

fn run_calls(lines: &[Line]) -> Vec<&AwsCall> {
    let mut out = Vec::new();
    let mut invoked: Vec<&str> = Vec::new();
    for line in lines {
        match line {
            Line::Call(c) => out.push(c),
            Line::Invoke { function, .. } if !invoked.contains(function) => {
                invoked.push(function);
                let body = lines.iter().find_map(|l| match l {
                    Line::Function(f) if f.name == *function => Some(&f.body),
                    _ => None,
                });
                for (_, line) in body.into_iter().flatten() {
                    if let Line::Call(c) = line {
                        out.push(c);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The distinct events of the calls `lines` run, in the order first made.
fn calls_events(lines: &[Line]) -> Vec<TrailEvent> {
    let mut out = Vec::new();
    for call in run_calls(lines) {
        let event = call.operation.trail_event();
        if call.operation.recorded && !out.contains(&event) {
            out.push(event);
        }
    }
    out
}

/// `# Save each document below under its file name in this directory: …`, the first step.
pub fn save_files(title: &str, what: &str, names: &[&str]) -> Step {
    Step::new(
        title,
        vec![Line::comment(format!(
            "Save each {what} below under its file name in this directory: {}",
            names.join(", ")
        ))],
    )
}

#[cfg(test)]
mod tests {
    use super::operation::{KMS_GET_KEY_POLICY, LOGS_DESCRIBE_EXPORT_TASKS, LOGS_GET_QUERY_RESULTS, LOGS_START_QUERY};
    use super::*;

    fn describe() -> AwsCall {
        AwsCall::new(&LOGS_DESCRIBE_EXPORT_TASKS).region("us-east-1").var("task-id", "1")
    }

    #[test]
    fn a_functions_calls_record_where_it_is_first_invoked_and_a_commented_call_records_nothing() {
        let function = Line::Function(Function { name: "wait", body: vec![(2, describe().into())] });
        let invoke = Line::Invoke { function: "wait", args: vec![Arg::Var("ID")] };
        let step = Step::new(
            "x",
            vec![
                function,
                Line::commented(AwsCall::new(&KMS_GET_KEY_POLICY)),
                AwsCall::new(&LOGS_START_QUERY).into(),
                invoke.clone(),
                invoke,
                AwsCall::new(&LOGS_GET_QUERY_RESULTS).into(),
            ],
        );
        assert_eq!(
            step.events,
            [TrailEvent::logs("StartQuery"), TrailEvent::logs("DescribeExportTasks")]
        );
        assert_eq!(step.calls().len(), 3);
        assert_eq!(step.written_calls().len(), 4);
    }

    #[test]
    fn the_renderer_quotes_wraps_and_comments_out_every_line_of_a_call() {
        let call = describe()
            .wrap()
            .text("query", "a b")
            .unless_error("e.err", "has been taken")
            .comment("why");
        let step = Step::new("x", vec![Line::commented(call), Line::set("V", "it's")]);
        assert_eq!(
            step.command,
            "# aws logs describe-export-tasks --region us-east-1 --task-id \"$1\" \\\n#   --query 'a b' 2> e.err \\\n#   || { cat e.err >&2; grep -q 'has been taken' e.err; }  # why\nV='it'\\''s'"
        );
    }
}
