//! `diff EXISTING NEW`: what changed between two policies, whether each change widens or narrows
//! access, who gains or loses what, and the line diff of the two canonical texts.
//!
//! Also home of the policy loading `merge` and `simulate` share: a file (or `-`) read, parsed and
//! lowered; a JSON syntax error is bad input, anything that parses is analysed as it stands.

use crate::args::{Format, KindArg};
use clap::{Args, ValueEnum};
use cwlogs_policy::analyze;
use cwlogs_policy::import::{self, Form};
use cwlogs_policy::diff::{
    canonical_line_diff, diff, new_access_for, Change, ChangeKind, Field, Impact, LineTag, Side,
};
use cwlogs_policy::lint::Severity;
use cwlogs_policy::normalize::equivalent;
use cwlogs_policy::policy::{Policy, PolicyKind};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct DiffArgs {
    /// What kind of policy the two files are.
    #[arg(long = "type", value_enum, default_value_t = KindArg::Key)]
    pub kind: KindArg,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// When a file holds several policies (a template, `describe-resource-policies`), the one
    /// with this name (logical id, resource address or policyName).
    #[arg(long, value_name = "NAME")]
    pub policy: Option<String>,
    /// The policy as it is now: a policy document, or what `aws …` printed, a CloudFormation
    /// template, a Terraform file or an AWS Config item holding it (as `check` reads them).
    /// Either file may be `-`, standard input.
    pub existing: PathBuf,
    /// The policy it would become.
    pub new: PathBuf,
}

/// The policy kind a `--type` value names.
pub fn policy_kind(arg: KindArg) -> PolicyKind {
    arg.to_possible_value()
        .and_then(|v| PolicyKind::from_cli_name(v.get_name()))
        .unwrap_or(PolicyKind::Key)
}

/// The text of a file, or of standard input for `-`; an unreadable file is reported (exit 2).
pub fn read_input(path: &Path) -> Result<String, u8> {
    let result = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    result.map_err(|e| {
        eprintln!("cwlogs-policy: cannot read {}: {e}", path.display());
        2
    })
}

/// The policy a file holds, as `check` finds it: the whole file when it is a policy document,
/// else the one policy inside the CLI output, template or Config item (the one named `pick`
/// when there are several). Its text, its kind (the found one, else `kind`), the file's form and
/// what sets the policy again (`Policy::put_back`, none for a bare policy).
/// Nothing or several policies without `pick` is bad input (exit 2), said on standard error.
pub fn policy_text(path: &Path, kind: PolicyKind, pick: Option<&str>) -> Result<(String, PolicyKind, Form, Option<String>), u8> {
    let text = read_input(path)?;
    let file = path.display();
    let extraction = import::extract(&text);
    if extraction.form == Form::Policy {
        return Ok((text, kind, Form::Policy, None));
    }
    let index = cwlogs_policy::json::LineIndex::new(&text);
    for p in &extraction.problems {
        let (line, column) = index.line_col(&text, p.span.start);
        eprintln!("{file}:{line}:{column}: {}", p.message);
    }
    let names: Vec<String> = extraction.policies.iter().map(|p| p.name.clone()).collect();
    let chosen: Vec<_> = extraction
        .policies
        .into_iter()
        .filter(|p| pick.is_none_or(|name| p.name == name) || names.len() == 1)
        .collect();
    match <[_; 1]>::try_from(chosen) {
        Ok([policy]) => {
            let put_back = policy.put_back(extraction.form);
            Ok((policy.text, policy.kind.unwrap_or(kind), extraction.form, put_back))
        }
        Err(_) if names.is_empty() => {
            eprintln!("{file}: {}: no policy found", extraction.form.label());
            Err(2)
        }
        Err(_) => {
            eprintln!(
                "{file}: {} holds {} policies ({}); name one with --policy NAME",
                extraction.form.label(),
                names.len(),
                names.join(", ")
            );
            Err(2)
        }
    }
}

/// Reads a policy of `kind` (see [`policy_text`] for files that hold one). A JSON syntax error
/// is printed as `file:line:col: message` (exit 2); a policy that parses is used as read, with
/// a note when `check` would report errors in it.
pub fn load_policy(path: &Path, kind: PolicyKind, pick: Option<&str>) -> Result<Policy, u8> {
    let (text, kind, form, _) = policy_text(path, kind, pick)?;
    let file = path.display();
    let analysis = analyze(&text, kind);
    let errors = analysis.count(Severity::Error);
    let Some(policy) = analysis.policy else {
        for f in &analysis.findings {
            if form == Form::Policy {
                eprintln!("{file}:{}:{}: {}", f.line, f.column, f.message);
            } else {
                eprintln!("{file}: the policy inside: {}:{}: {}", f.line, f.column, f.message);
            }
            if let Some(help) = &f.help {
                eprintln!("  help: {help}");
            }
        }
        return Err(2);
    };
    if errors > 0 {
        eprintln!(
            "note: {file}: {errors} error finding(s) as a {}; `cwlogs-policy check --type {}` lists them",
            kind.label(),
            kind.cli_name()
        );
    }
    Ok(policy)
}

/// Exit 0: the policies mean the same; 1: they differ; 2: bad input.
pub fn run(args: &DiffArgs) -> u8 {
    let kind = policy_kind(args.kind);
    let pick = args.policy.as_deref();
    let (existing, new) = match (load_policy(&args.existing, kind, pick), load_policy(&args.new, kind, pick)) {
        (Ok(existing), Ok(new)) => (existing, new),
        _ => return 2,
    };
    let same = equivalent(&existing, &new);
    let changes = diff(&existing, &new).changes;
    let access = new_access_for(kind, &existing, &new);
    let lines = canonical_line_diff(&existing, &new);
    match args.format {
        Format::Json => {
            let out = serde_json::json!({
                "equivalent": same,
                "changes": changes,
                "new_access": access,
                "lines": lines,
            });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        Format::Text => {
            if same {
                println!("no changes: the two policies allow and deny the same requests");
            }
            for change in &changes {
                println!("{}", describe(change, &existing, &new));
            }
            if !access.is_empty() {
                println!();
                println!("access:");
                for a in &access {
                    println!("  {} {}", if a.gained { "+" } else { "-" }, a.sentence);
                }
            }
            if lines.iter().any(|l| l.tag != LineTag::Equal) {
                println!();
                println!("--- {} (canonical)", args.existing.display());
                println!("+++ {} (canonical)", args.new.display());
                for l in &lines {
                    let mark = match l.tag {
                        LineTag::Equal => ' ',
                        LineTag::Insert => '+',
                        LineTag::Delete => '-',
                    };
                    println!("{mark}{}", l.text);
                }
            }
        }
    }
    u8::from(!same)
}

/// One change on one line:
/// `~ Statement[2] "Logs": Action + kms:ReEncrypt* (broadening)`,
/// `+ Statement[3] "Extra" added (broadening)`, `~ Version 2008-10-17 -> 2012-10-17 (neutral)`.
/// Statements are numbered from 1, in the new policy (in the existing one when removed).
fn describe(c: &Change, existing: &Policy, new: &Policy) -> String {
    let impact = match c.impact {
        Impact::Broadening => "broadening",
        Impact::Narrowing => "narrowing",
        Impact::Neutral => "neutral",
    };
    let value = |side: &Side| side.value.clone().unwrap_or_default();
    match (c.field, c.kind) {
        (Field::Statement, ChangeKind::Added) => {
            format!("+ {} added ({impact})", statement(new, c.new.statement, None))
        }
        (Field::Statement, _) => {
            format!("- {} removed ({impact})", statement(existing, c.old.statement, None))
        }
        (Field::Version, _) => format!("~ Version {} -> {} ({impact})", value(&c.old), value(&c.new)),
        (field, kind) => {
            let at = match c.new.statement {
                Some(j) => statement(new, Some(j), c.old.statement.filter(|&i| i != j)),
                None => statement(existing, c.old.statement, None),
            };
            let what = match kind {
                ChangeKind::Added => format!("+ {}", value(&c.new)),
                ChangeKind::Removed => format!("- {}", value(&c.old)),
                ChangeKind::Changed => format!("{} -> {}", value(&c.old), value(&c.new)),
            };
            format!("~ {at}: {} {what} ({impact})", field.as_str())
        }
    }
}

/// `Statement[2] "Sid"`, with `(was [1])` when the statement moved.
fn statement(policy: &Policy, index: Option<usize>, was: Option<usize>) -> String {
    let Some(i) = index else { return "Statement".to_owned() };
    let mut out = format!("Statement[{}]", i + 1);
    if let Some(sid) = policy.statements.get(i).and_then(|s| s.sid.as_ref()) {
        out.push_str(&format!(" {:?}", sid.value));
    }
    if let Some(old) = was {
        out.push_str(&format!(" (was [{}])", old + 1));
    }
    out
}
