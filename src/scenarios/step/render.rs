//! Steps as bash: the one place quoting and AWS CLI command text are written.

use super::call::{Arg, AwsCall};
use super::Line;
use crate::scenarios::shell::quote;

pub fn lines(lines: &[Line]) -> String {
    lines.iter().map(line).collect::<Vec<_>>().join("\n")
}

fn line(line: &Line) -> String {
    match line {
        Line::Call(c) => call(c),
        Line::Commented(inner) => super::render::line(inner)
            .lines()
            .map(|l| format!("# {l}"))
            .collect::<Vec<_>>()
            .join("\n"),
        Line::Comment(text) => format!("# {text}"),
        Line::Assign { var, value } => format!("{var}={}", arg(value)),
        Line::Require { var, message } => format!(": \"${{{var}:?{message}}}\""),
        Line::ResolveKey { placeholder, file, out } => format!(
            "sed {}\"$KEY_ARN\"'|' {} > {}",
            quote(&format!("s|{placeholder}|")),
            quote(file),
            quote(out)
        ),
        Line::MergeStatements { backup, add, out } => format!(
            "jq --slurpfile add {add} '($add[0].Statement | map(.Sid)) as $sids | .Statement = ([.Statement] | flatten | map(select(.Sid as $s | $sids | index($s) == null))) + $add[0].Statement' {backup} > {out}"
        ),
        Line::AwaitMerge { backup, add, out, what, replacing } => format!(
            "if [ ! -s {out} ]; then\n  echo {} >&2\n  exit 3\nfi",
            quote(&match replacing {
                None => format!(
                    "Stopped before replacing {what}: it would lose every statement the tool did not write. Merge {add} into {backup} (cwlogs-policy merge {backup} {add} > {out}, or paste both into the page's compare panel), check {out}, then run this script again."
                ),
                Some(replaced) => format!(
                    "Stopped before replacing {what}: it would lose every statement the tool did not write. Write {out}: {backup} with {replaced} deleted and {add}'s statements in their place, every other statement kept (not cwlogs-policy merge: it only adds, so the old grant would stay beside the new one). Check {out}, then run this script again."
                ),
            })
        ),
        Line::PrintVar(var) => format!("echo \"${var}\""),
        Line::Sleep(seconds) => format!("sleep {seconds}"),
        Line::Function(f) => {
            let mut out = vec![format!("{}() {{", f.name)];
            for (indent, l) in &f.body {
                let text = super::render::line(l);
                out.extend(text.lines().map(|t| format!("{}{t}", " ".repeat(*indent))));
            }
            out.push("}".to_owned());
            out.join("\n")
        }
        Line::Invoke { function, args } => {
            let mut out = (*function).to_owned();
            for a in args {
                out.push(' ');
                out.push_str(&arg(a));
            }
            out
        }
        Line::Shell(text) => text.clone(),
    }
}

fn arg(value: &Arg) -> String {
    match value {
        Arg::Text(text) => quote(text),
        Arg::Var(var) => format!("\"${var}\""),
        Arg::File(name) => quote(&format!("file://{name}")),
        Arg::Expr(expression) => expression.clone(),
    }
}

impl AwsCall {
    /// The call as bash, on its own.
    pub fn bash(&self) -> String {
        call(self)
    }
}

fn call(c: &AwsCall) -> String {
    let mut out = c.operation.command();
    for flag in &c.flags {
        out.push_str(if flag.wrap { " \\\n  " } else { " " });
        out.push_str("--");
        out.push_str(flag.name);
        if let Some(value) = &flag.value {
            out.push(' ');
            out.push_str(&arg(value));
        }
    }
    if let Some(var) = c.capture {
        out = format!("{var}=$({out})");
    }
    if let Some(file) = &c.writes {
        out = format!("{out} > {}", quote(file));
    }
    if let Some(e) = &c.expected_error {
        out = crate::scenarios::shell::unless_error(&out, e.file, &quote(e.code));
    }
    if let Some(comment) = &c.comment {
        out = format!("{out}  # {comment}");
    }
    out
}
