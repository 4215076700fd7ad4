//! `check` and `rules`: findings as compiler-style text, JSON or SARIF, optionally judged against
//! a scenario's input given as the same `--FIELD` flags `build` takes.

use crate::args::{CheckArgs, CheckFormat, KindArg};
use clap::builder::PossibleValuesParser;
use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, Command};
use cwlogs_policy::json::LineIndex;
use cwlogs_policy::lint::{rule_by_code, Finding, Severity, RULES};
use cwlogs_policy::policy::PolicyKind;
use cwlogs_policy::scenarios::{Control, FieldSeverity, ScenarioId};
use cwlogs_policy::{analyze_as, Analysis};
use serde_json::Value;
use std::io::Read;

fn kind(arg: KindArg) -> PolicyKind {
    match arg {
        KindArg::Key => PolicyKind::Key,
        KindArg::Bucket => PolicyKind::Bucket,
        KindArg::LogResource => PolicyKind::LogResource,
        KindArg::Identity => PolicyKind::Identity,
        KindArg::Trust => PolicyKind::Trust,
    }
}

fn read(path: &std::path::Path) -> std::io::Result<String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin().read_to_string(&mut text)?;
        Ok(text)
    } else {
        std::fs::read_to_string(path)
    }
}

pub fn run(args: &CheckArgs) -> u8 {
    let scenario = match scenario_input(args) {
        Ok(s) => s,
        Err(()) => return 2,
    };
    let mut reports = Vec::new();
    for path in &args.files {
        match read(path) {
            Ok(text) => {
                let scenario = scenario.as_ref().map(|(id, input)| (*id, input));
                let analysis = analyze_as(&text, kind(args.kind), scenario, args.statements);
                reports.push((path.display().to_string(), text, analysis));
            }
            Err(e) => {
                eprintln!("cwlogs-policy: cannot read {}: {e}", path.display());
                return 2;
            }
        }
    }
    match args.format {
        CheckFormat::Json => {
            let out: Vec<serde_json::Value> = reports
                .iter()
                .map(|(file, _, a)| serde_json::json!({ "file": file, "kind": a.kind, "findings": a.findings }))
                .collect();
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        CheckFormat::Sarif => {
            let files: Vec<(&str, &[Finding])> = reports
                .iter()
                .map(|(file, _, a)| (file.as_str(), a.findings.as_slice()))
                .collect();
            println!(
                "{}",
                serde_json::to_string_pretty(&cwlogs_policy::report::sarif(&files)).unwrap_or_default()
            );
        }
        CheckFormat::Text => {
            for (file, text, analysis) in &reports {
                print_text(file, text, analysis);
            }
        }
    }
    u8::from(reports.iter().any(|(_, _, a)| a.has_errors()))
}

/// The scenario names `--scenario` accepts.
pub fn scenario_names() -> PossibleValuesParser {
    PossibleValuesParser::new(ScenarioId::ALL.map(|id| id.cli_name()))
}

/// Every `--FIELD` flag of every scenario, as given on the command line, by flag name.
#[derive(Clone, Debug, Default)]
pub struct ScenarioFlags {
    pub given: Vec<(String, Vec<String>)>,
}

/// Each flag name (field names and aliases of all scenarios) once, and whether it is a checkbox
/// in every scenario that has it (then `--flag` alone means true).
fn flag_names() -> Vec<(&'static str, bool)> {
    let mut names: Vec<(&'static str, bool)> = Vec::new();
    for id in ScenarioId::ALL {
        for field in id.fields() {
            let check = field.control == Control::Check;
            for name in std::iter::once(field.name).chain(field.cli_alias) {
                match names.iter_mut().find(|(n, _)| *n == name) {
                    Some(entry) => entry.1 &= check,
                    None => names.push((name, check)),
                }
            }
        }
    }
    names
}

impl clap::Args for ScenarioFlags {
    fn augment_args(cmd: Command) -> Command {
        cmd.args(flag_names().into_iter().map(|(name, check)| {
            let arg = Arg::new(name)
                .long(name)
                .hide(true)
                .requires("scenario")
                .action(ArgAction::Append);
            if check {
                arg.num_args(0..=1).require_equals(true).default_missing_value("true")
            } else {
                arg.num_args(1)
            }
        }))
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

impl clap::FromArgMatches for ScenarioFlags {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let given = flag_names()
            .into_iter()
            .filter(|(name, _)| matches.value_source(name) == Some(ValueSource::CommandLine))
            .map(|(name, _)| {
                (
                    name.to_owned(),
                    matches
                        .get_many::<String>(name)
                        .into_iter()
                        .flatten()
                        .cloned()
                        .collect(),
                )
            })
            .collect();
        Ok(ScenarioFlags { given })
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(matches)?;
        Ok(())
    }
}

/// The scenario and its input (defaults with the given flags over them), or `Err` after
/// printing why not: a flag the scenario does not have, a bad value, or a field error.
fn scenario_input(args: &CheckArgs) -> Result<Option<(ScenarioId, Value)>, ()> {
    let Some(id) = args.scenario.as_deref().and_then(ScenarioId::from_cli_name) else {
        return Ok(None);
    };
    let mut input = id.default_input();
    let mut failed = false;
    for (flag, _) in &args.fields.given {
        if !id
            .fields()
            .iter()
            .any(|f| f.name == flag || f.cli_alias == Some(flag.as_str()))
        {
            eprintln!(
                "error: --{flag}: not a field of {}; `cwlogs-policy build {} --help` lists them",
                id.cli_name(),
                id.cli_name()
            );
            failed = true;
        }
    }
    for field in id.fields() {
        // The field's flag and its alias (`--log-group` for `--log-groups`) add up.
        let values: Vec<&String> = args
            .fields
            .given
            .iter()
            .filter(|(flag, _)| flag == field.name || field.cli_alias == Some(flag.as_str()))
            .flat_map(|(_, v)| v)
            .collect();
        let Some(last) = values.last().map(|v| v.as_str()) else {
            continue;
        };
        let value = match field.control {
            Control::Lines { .. } => Value::Array(values.iter().map(|v| Value::String((*v).clone())).collect()),
            Control::Check => match last {
                "true" | "" => Value::Bool(true),
                "false" => Value::Bool(false),
                other => {
                    eprintln!("error: --{}: \"{other}\" is not true or false", field.name);
                    failed = true;
                    continue;
                }
            },
            Control::Choice { options } if !options.iter().any(|(v, _)| *v == last) => {
                let valid: Vec<&str> = options.iter().map(|(v, _)| *v).collect();
                eprintln!("error: --{}: \"{last}\" is not one of {}", field.name, valid.join(", "));
                failed = true;
                continue;
            }
            _ => Value::String(last.to_owned()),
        };
        if let Some(members) = input.as_object_mut() {
            members.insert(field.name.to_owned(), value);
        }
    }
    for p in id.run(&input).problems {
        let word = if p.severity == FieldSeverity::Error {
            "error"
        } else {
            "warning"
        };
        eprintln!("{word}: --{}: {}", p.field, p.message);
        failed |= p.severity == FieldSeverity::Error;
    }
    if failed {
        Err(())
    } else {
        Ok(Some((id, input)))
    }
}

fn print_text(file: &str, text: &str, analysis: &Analysis) {
    let index = LineIndex::new(text);
    for f in &analysis.findings {
        println!(
            "{file}:{}:{}: {}[{}] {}",
            f.line,
            f.column,
            f.severity.as_str(),
            f.code,
            f.message
        );
        print_source(text, &index, f);
        if let Some(note) = &f.note {
            println!("  note: {note}");
        }
        if let Some(help) = &f.help {
            println!("  help: {help}");
        }
    }
    let n = |s| analysis.count(s);
    println!(
        "{file}: {} error(s), {} security, {} warning(s), {} suggestion(s)",
        n(Severity::Error),
        n(Severity::Security),
        n(Severity::Warning),
        n(Severity::Suggestion)
    );
}

/// The offending line with a caret underline, as compilers show it.
fn print_source(text: &str, index: &LineIndex, f: &Finding) {
    let Some((start, end)) = index.line_range(text, f.line) else {
        return;
    };
    let line = &text[start..end];
    let width = if f.end_line == f.line {
        f.end_column.saturating_sub(f.column).max(1)
    } else {
        line.chars().count().saturating_sub(f.column - 1).max(1)
    };
    let gutter = f.line.to_string().len();
    println!("{:>gutter$} | {line}", f.line);
    println!("{:>gutter$} | {}{}", "", " ".repeat(f.column - 1), "^".repeat(width));
}

pub fn rules(code: Option<&str>) -> u8 {
    match code {
        None => {
            for rule in RULES {
                println!(
                    "{:8} {:10} {:32} {}",
                    rule.code,
                    rule.severity.as_str(),
                    rule.name,
                    rule.summary()
                );
            }
            0
        }
        Some(code) => match rule_by_code(&code.to_ascii_uppercase()) {
            Some(rule) => {
                println!(
                    "{} {} ({})\n\n{}",
                    rule.code,
                    rule.name,
                    rule.severity.as_str(),
                    rule.docs
                );
                0
            }
            None => {
                eprintln!("cwlogs-policy: no rule {code}; `cwlogs-policy rules` lists them");
                2
            }
        },
    }
}
