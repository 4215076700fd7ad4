//! `build <scenario> [--field value]...`: a scenario's bundle as JSON. The subcommands and flags
//! are made from each scenario's field declarations, so they match the page's form; input
//! problems go to standard error, named by their flag.

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::parser::ValueSource;
use clap::{value_parser, Arg, ArgAction, ArgMatches, Command};
use cwlogs_policy::export::{export, Format};
use cwlogs_policy::scenarios::{Control, FieldError, FieldSeverity, FieldSpec, ScenarioId};
use serde_json::Value;

/// The `build` subcommand: one subcommand per scenario.
pub fn command() -> Command {
    Command::new("build")
        .about("Print the documents, files and commands of a scenario as JSON")
        .long_about(
            "Print the documents, files and commands of a scenario as JSON.\n\n\
             Each scenario takes the fields of the page's form as flags; flags not given keep the \
             page's defaults. Problems with the values go to standard error as `error: --FLAG: …` \
             (exit 2, nothing on standard output) or `warning: --FLAG: …` (the bundle is still printed).\n\n\
             `--export FORMAT` prints the bundle as a bash script (`script`), a CloudFormation template \
             (`cloudformation-yaml`, `cloudformation-json`) or a Terraform configuration (`terraform`) \
             instead of JSON.",
        )
        .subcommand_required(true)
        .arg_required_else_help(true)
        .subcommands(ScenarioId::ALL.map(scenario_command))
}

fn scenario_command(id: ScenarioId) -> Command {
    let defaults = id.default_input();
    Command::new(id.cli_name())
        .about(id.title())
        .arg(export_arg())
        .args(id.fields().iter().map(|field| field_arg(field, &defaults[field.name])))
}

/// `--export FORMAT`: the bundle in another form than JSON.
fn export_arg() -> Arg {
    Arg::new("export")
        .long("export")
        .value_name("FORMAT")
        .help("Print the bundle as a script or template instead of JSON")
        .long_help(
            "Print the bundle as a script or template instead of JSON: a bash script that writes every \
             document with a quoted heredoc and runs the steps, a CloudFormation template (YAML or JSON), or a \
             Terraform configuration. Steps a template cannot express are listed in it (CloudFormation: \
             Metadata; Terraform: comments) and stay in the script.",
        )
        .action(ArgAction::Set)
        .value_parser(PossibleValuesParser::new(
            Format::ALL.map(|f| PossibleValue::new(f.cli_name()).help(f.label())),
        ))
}

/// One flag per field, `--NAME` (and `--ALIAS`), taking values as the field's control does.
fn field_arg(field: &FieldSpec, default: &Value) -> Arg {
    let arg = Arg::new(field.name)
        .long(field.name)
        .help(field.label)
        .long_help(long_help(field, default))
        .help_heading(field.section);
    let arg = match field.cli_alias {
        Some(alias) => arg.visible_alias(alias),
        None => arg,
    };
    match field.control {
        Control::Text { .. } => arg.value_name("TEXT").action(ArgAction::Set),
        Control::Date => arg.value_name("YYYY-MM-DD").action(ArgAction::Set),
        Control::Choice { options } => {
            arg.value_name("CHOICE")
                .action(ArgAction::Set)
                .value_parser(PossibleValuesParser::new(
                    options
                        .iter()
                        .map(|&(value, label)| PossibleValue::new(value).help(label)),
                ))
        }
        Control::Lines { .. } => arg.value_name("VALUE").action(ArgAction::Append),
        Control::Check => arg
            .value_name("BOOL")
            .action(ArgAction::Set)
            .num_args(0..=1)
            .require_equals(true)
            .default_missing_value("true")
            .value_parser(value_parser!(bool)),
    }
}

/// The label, the hint, how to give the value, and the default.
fn long_help(field: &FieldSpec, default: &Value) -> String {
    let mut help = field.label.to_owned();
    if !field.hint.is_empty() {
        help.push('\n');
        help.push_str(field.hint);
    }
    let how = match field.control {
        Control::Lines { .. } => "Repeat the flag for several values.",
        Control::Check => "`--FLAG` or `--FLAG=true` turns it on, `--FLAG=false` off.",
        _ => "",
    };
    if !how.is_empty() {
        help.push('\n');
        help.push_str(&how.replace("FLAG", field.name));
    }
    help.push_str(&format!("\n[default: {}]", shown(default)));
    help
}

/// A default value as the user would type it.
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) if s.is_empty() => "empty".to_owned(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => "none".to_owned(),
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// The scenario's default input with every flag given on the command line put over it.
pub fn input(id: ScenarioId, matches: &ArgMatches) -> Value {
    let mut input = id.default_input();
    for field in id.fields() {
        if matches.value_source(field.name) != Some(ValueSource::CommandLine) {
            continue;
        }
        let value = match field.control {
            Control::Lines { .. } => Value::Array(
                matches
                    .get_many::<String>(field.name)
                    .into_iter()
                    .flatten()
                    .map(|v| Value::String(v.clone()))
                    .collect(),
            ),
            Control::Check => Value::Bool(matches.get_one::<bool>(field.name).copied().unwrap_or(true)),
            Control::Text { .. } | Control::Date | Control::Choice { .. } => {
                Value::String(matches.get_one::<String>(field.name).cloned().unwrap_or_default())
            }
        };
        if let Some(members) = input.as_object_mut() {
            members.insert(field.name.to_owned(), value);
        }
    }
    input
}

/// Prints each problem on standard error; true when one of them is an error.
fn report(id: ScenarioId, problems: &[FieldError]) -> bool {
    for p in problems {
        let word = match p.severity {
            FieldSeverity::Error => "error",
            FieldSeverity::Warning => "warning",
        };
        if id.fields().iter().any(|f| f.name == p.field) {
            tell!("{word}: --{}: {}", p.field, p.message);
        } else {
            tell!("{word}: {}", p.message);
        }
    }
    problems.iter().any(|p| p.severity == FieldSeverity::Error)
}

/// Runs `build` with its matches. Exit 0: bundle printed; 2: problems with the values.
pub fn run(matches: &ArgMatches) -> u8 {
    let Some((name, matches)) = matches.subcommand() else {
        return 2;
    };
    let Some(id) = ScenarioId::from_cli_name(name) else {
        return 2;
    };
    let outcome = id.run(&input(id, matches));
    if report(id, &outcome.problems) {
        return 2;
    }
    let Some(bundle) = outcome.bundle else { return 2 };
    if let Some(format) = matches
        .get_one::<String>("export")
        .and_then(|f| Format::from_cli_name(f))
    {
        crate::output::stdout(format_args!("{}", export(&bundle, format)));
        return 0;
    }
    match serde_json::to_string_pretty(&bundle) {
        Ok(json) => {
            say!("{json}");
            0
        }
        Err(e) => {
            tell!("error: {e}");
            2
        }
    }
}
