//! `check` and `rules`: findings as compiler-style text, JSON or SARIF, optionally judged against
//! a scenario's input given as the same `--FIELD` flags `build` takes.

use crate::args::{CheckArgs, CheckFormat};
use crate::output::{lang, words};
use cwlogs_policy::import::{self, Extraction, Form, PolicyCheck};
use cwlogs_policy::json::LineIndex;
use cwlogs_policy::lint::{rule_by_code, Finding, Severity, RULES};
use cwlogs_policy::message::ids;
use cwlogs_policy::scenarios::{Control, FieldSeverity, ScenarioId};
use serde_json::Value;

/// One file as checked: what it was and each policy found in it.
struct Report {
    file: String,
    text: String,
    extraction: Extraction,
    checks: Vec<PolicyCheck>,
}

impl Report {
    fn bare(&self) -> bool {
        self.extraction.form == Form::Policy
    }
}

pub fn run(args: &CheckArgs) -> u8 {
    let scenario = match scenario_input(args) {
        Ok(s) => s,
        Err(()) => return 2,
    };
    let mut reports = Vec::new();
    for path in &args.files {
        match crate::io::read_input(path) {
            Ok(text) => {
                let scenario = scenario.as_ref().map(|(id, input)| (*id, input));
                let extraction = import::extract(&text);
                let mut checks = import::check(&text, &extraction, args.kind.policy_kind(), scenario, args.statements);
                // In the chosen language for every format: the text, and the JSON's and SARIF's messages.
                for f in checks.iter_mut().flat_map(|c| c.findings.iter_mut()) {
                    f.render_in(lang());
                }
                reports.push(Report {
                    file: path.display().to_string(),
                    text,
                    extraction,
                    checks,
                });
            }
            Err(e) => {
                tell!("cwlogs-policy: {}", words(ids::cli_cannot_read(&path.display(), &e)));
                return 2;
            }
        }
    }
    match args.format {
        CheckFormat::Json => {
            let out: Vec<serde_json::Value> = reports.iter().map(json_report).collect();
            say!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        CheckFormat::Sarif => {
            let findings: Vec<Vec<Finding>> = reports
                .iter()
                .map(|r| r.checks.iter().flat_map(|c| c.findings.iter().cloned()).collect())
                .collect();
            let files: Vec<(&str, &[Finding])> = reports
                .iter()
                .zip(&findings)
                .map(|(r, f)| (r.file.as_str(), f.as_slice()))
                .collect();
            let mut log = cwlogs_policy::report::sarif(&files);
            // SARIF results come in the same order: name each one's policy where the file held several.
            let names = reports.iter().flat_map(|r| {
                r.checks
                    .iter()
                    .flat_map(move |c| c.findings.iter().map(move |_| (r.bare(), c)))
            });
            if let Some(results) = log["runs"][0]["results"].as_array_mut() {
                for (result, (bare, c)) in results.iter_mut().zip(names) {
                    if !bare && !c.name.is_empty() {
                        result["properties"]["policy"] = Value::String(c.name.clone());
                        result["locations"][0]["logicalLocations"] =
                            serde_json::json!([{ "name": c.name, "kind": "resource", "fullyQualifiedName": c.source }]);
                    }
                }
            }
            say!("{}", serde_json::to_string_pretty(&log).unwrap_or_default());
        }
        CheckFormat::Text => {
            for report in &reports {
                print_text(report);
            }
        }
    }
    u8::from(reports.iter().any(|r| r.checks.iter().any(PolicyCheck::has_errors)))
}

fn json_report(r: &Report) -> Value {
    if r.bare() {
        let c = &r.checks[0];
        return serde_json::json!({ "file": r.file, "kind": c.kind, "findings": c.findings });
    }
    let index = LineIndex::new(&r.text);
    let policies: Vec<Value> = r
        .checks
        .iter()
        .map(|c| {
            let (line, column) = index.line_col(&r.text, c.span.start);
            serde_json::json!({
                "name": c.name, "source": c.source, "resource_type": c.resource_type, "kind": c.kind,
                "line": line, "column": column, "notes": c.notes, "findings": c.findings,
            })
        })
        .collect();
    let findings: Vec<Value> = r
        .checks
        .iter()
        .flat_map(|c| {
            c.findings.iter().map(move |f| {
                let mut v = serde_json::to_value(f).unwrap_or_default();
                v["policy"] = Value::String(c.name.clone());
                v
            })
        })
        .collect();
    let notes: Vec<&str> = r.extraction.notes.iter().map(|n| n.message.as_str()).collect();
    serde_json::json!({
        "file": r.file, "form": r.extraction.form, "policies": policies, "findings": findings, "notes": notes,
    })
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
            tell!(
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
                    tell!("error: --{}: \"{other}\" is not true or false", field.name);
                    failed = true;
                    continue;
                }
            },
            Control::Choice { options } if !options.iter().any(|(v, _)| *v == last) => {
                let valid: Vec<&str> = options.iter().map(|(v, _)| *v).collect();
                tell!("error: --{}: \"{last}\" is not one of {}", field.name, valid.join(", "));
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
        tell!("{word}: --{}: {}", p.field, p.message);
        failed |= p.severity == FieldSeverity::Error;
    }
    if failed {
        Err(())
    } else {
        Ok(Some((id, input)))
    }
}

fn print_text(report: &Report) {
    let (file, text) = (report.file.as_str(), report.text.as_str());
    let index = LineIndex::new(text);
    if !report.bare() && report.extraction.policies.is_empty() && report.extraction.problems.is_empty() {
        say!(
            "{file}: {}",
            words(ids::cli_check_no_policy(&report.extraction.form.label()))
        );
    }
    for note in &report.extraction.notes {
        say!("{file}: {}", words(ids::cli_finding_note(&note.message)));
    }
    let mut count = [0; 4];
    for check in &report.checks {
        if !report.bare() && !check.name.is_empty() {
            let what = if check.resource_type.starts_with("aws ") {
                "output of "
            } else {
                ""
            };
            say!(
                "{file}: {} ({what}{}, {})",
                check.name,
                check.resource_type,
                check.kind.label()
            );
        }
        for f in &check.findings {
            say!(
                "{file}:{}:{}: {}[{}] {}",
                f.line,
                f.column,
                f.severity.as_str(),
                f.code,
                f.message
            );
            print_source(text, &index, f);
            if let Some(note) = &f.note {
                say!("  {}", words(ids::cli_finding_note(note)));
            }
            if let Some(help) = &f.help {
                say!("  {}", words(ids::cli_finding_help(help)));
            }
            count[f.severity as usize] += 1;
        }
        for note in &check.notes {
            say!("{file}: {}: {}", check.name, words(ids::cli_finding_note(note)));
        }
    }
    let policies = if report.bare() {
        String::new()
    } else {
        words(ids::cli_check_policies_found(
            &report.extraction.form.label(),
            &report.extraction.policies.len(),
        ))
    };
    let counts = ids::cli_check_counts(
        &count[Severity::Error as usize],
        &count[Severity::Security as usize],
        &count[Severity::Warning as usize],
        &count[Severity::Suggestion as usize],
    );
    say!("{file}: {policies}{}", words(counts));
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
    say!("{:>gutter$} | {line}", f.line);
    say!("{:>gutter$} | {}{}", "", " ".repeat(f.column - 1), "^".repeat(width));
}

pub fn rules(code: Option<&str>) -> u8 {
    match code {
        None => {
            for rule in RULES {
                say!(
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
                say!(
                    "{} {} ({})\n\n{}",
                    rule.code,
                    rule.name,
                    rule.severity.as_str(),
                    rule.docs
                );
                0
            }
            None => {
                tell!("cwlogs-policy: {}", words(ids::cli_no_rule(&code)));
                2
            }
        },
    }
}
