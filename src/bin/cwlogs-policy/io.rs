//! Reading inputs, for every subcommand: a file or `-` (standard input), and the policy a file
//! holds in any of the paste forms `check` reads (a bare document, what `aws …` printed, a
//! CloudFormation template, a Terraform file, an AWS Config item). An unreadable file or a file
//! without one clear policy is bad input: said on standard error, exit 2.

use cwlogs_policy::analyze;
use cwlogs_policy::import::{self, Form};
use cwlogs_policy::lint::Severity;
use cwlogs_policy::policy::{Policy, PolicyKind};
use std::io::Read;
use std::path::Path;

/// The text of a file, or of standard input for `-`; an unreadable file is reported (exit 2).
pub fn read_input(path: &Path) -> Result<String, u8> {
    let result = if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text).map(|_| text)
    } else {
        std::fs::read_to_string(path)
    };
    result.map_err(|e| {
        tell!("cwlogs-policy: cannot read {}: {e}", path.display());
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
        tell!("{file}:{line}:{column}: {}", p.message);
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
            tell!("{file}: {}: no policy found", extraction.form.label());
            Err(2)
        }
        Err(_) => {
            tell!(
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
            let mut f = f.clone();
            f.render_in(crate::output::lang());
            if form == Form::Policy {
                tell!("{file}:{}:{}: {}", f.line, f.column, f.message);
            } else {
                tell!("{file}: the policy inside: {}:{}: {}", f.line, f.column, f.message);
            }
            if let Some(help) = &f.help {
                tell!("  {}", crate::output::words(cwlogs_policy::message::ids::cli_finding_help(help)));
            }
        }
        return Err(2);
    };
    if errors > 0 {
        tell!(
            "note: {file}: {errors} error finding(s) as a {}; `cwlogs-policy check --type {}` lists them",
            kind.label(),
            kind.cli_name()
        );
    }
    Ok(policy)
}
