//! `troubleshoot MESSAGE [--FIELD VALUE]...`: an export error message → the missing permission and
//! the statement of the s3-export bundle that grants it. The flags are s3-export's form fields,
//! exactly as `build s3-export` takes them.

use clap::builder::PossibleValuesParser;
use clap::{Arg, ArgMatches, Command};
use cwlogs_policy::scenarios::s3_export::troubleshoot::{troubleshoot_input, Answer};
use cwlogs_policy::scenarios::s3_export::KNOWN_ERRORS;
use cwlogs_policy::scenarios::ScenarioId;

pub fn command() -> Command {
    let known: Vec<&str> = KNOWN_ERRORS.iter().map(|e| e.label).collect();
    let fields: Vec<Arg> = crate::build::command()
        .find_subcommand(ScenarioId::S3Export.cli_name())
        .map(|c| {
            // Only the form's fields: `build`'s own flags (such as --export) mean nothing here.
            let fields = ScenarioId::S3Export.fields();
            c.get_arguments()
                .filter(|a| fields.iter().any(|f| f.name == a.get_id()))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    Command::new("troubleshoot")
        .about("Explain an export error: the missing permission and the s3-export statement that grants it")
        .long_about(format!(
            "Explain an export error: the missing permission and the s3-export statement that grants it.\n\n\
             Give the message create-export-task printed (all of it or a recognisable part) and the s3-export \
             form's values as flags, as for `build s3-export`. Known errors: {}.\n\
             Exit 0: recognised; 1: not recognised; 2: bad flags.",
            known.join("; ")
        ))
        .arg(
            Arg::new("message")
                .value_name("MESSAGE")
                .required(true)
                .help("The error message"),
        )
        .arg(
            Arg::new("format")
                .long("format")
                .value_parser(PossibleValuesParser::new(["text", "json"]))
                .default_value("text")
                .help("text or json"),
        )
        .args(fields)
}

pub fn run(matches: &ArgMatches) -> u8 {
    let message = matches.get_one::<String>("message").cloned().unwrap_or_default();
    let input = crate::build::input(ScenarioId::S3Export, matches);
    let answer = match troubleshoot_input(&message, &input) {
        Ok(answer) => answer,
        Err(why) => {
            tell!("error: {why}");
            return 2;
        }
    };
    if matches.get_one::<String>("format").map(String::as_str) == Some("json") {
        match serde_json::to_string_pretty(&answer) {
            Ok(text) => say!("{text}"),
            Err(e) => {
                tell!("error: {e}");
                return 2;
            }
        }
    } else {
        print_text(&answer);
    }
    if answer.recognised.is_some() {
        0
    } else {
        1
    }
}

fn print_text(answer: &Answer) {
    match answer.recognised {
        Some(known) => say!("{} ({})", known.label, known.exception),
        None => say!("Not recognised"),
    }
    for (i, remedy) in answer.remedies.iter().enumerate() {
        let d = &remedy.diagnosis;
        say!("\n{}. {}", i + 1, d.cause);
        say!("   missing: {}", d.missing);
        say!("   {}", d.explanation);
        if let Some(place) = &remedy.location {
            say!("   fix: {place}");
        }
        if let Some(text) = &remedy.text {
            for line in text.lines() {
                say!("     {line}");
            }
        }
    }
}
