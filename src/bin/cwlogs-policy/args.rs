//! Command-line arguments. `check` and `rules` are declared here; `build` is made at run time
//! from the scenarios' field declarations (see `build.rs`), so its flags are the page's fields.

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "cwlogs-policy", version, about = "Check and build the AWS policies that encrypt and deliver CloudWatch Logs")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check policy files. Exit 0: no error finding; 1: some error finding; 2: usage or unreadable input.
    Check(CheckArgs),
    /// List the validator rules, or print one rule's documentation.
    Rules {
        /// A rule code such as IAM005.
        code: Option<String>,
    },
    /// Compare two policies. Exit 0: they mean the same; 1: they differ; 2: bad input.
    Diff(crate::diff::DiffArgs),
    /// Add NEW's missing statements to EXISTING. Exit 0: merged; 1: over the size limit; 2: bad input.
    Merge(crate::merge::MergeArgs),
    /// Evaluate a request against policies. Exit 0: allowed; 1: denied; 2: bad input.
    Simulate(crate::simulate::SimulateArgs),
    /// Read a CloudTrail record: its scenario and the form values it gives, as a `build` command line.
    /// Exit 0: imported; 2: not an importable record.
    ImportRecord(crate::import_record::ImportRecordArgs),
}

/// The whole command line: the declared subcommands plus `build` with one subcommand per scenario.
pub fn command() -> clap::Command {
    Cli::command()
        .subcommand(crate::build::command())
        .subcommand(crate::troubleshoot::command())
        .subcommand_required(true)
}

#[derive(Args)]
pub struct CheckArgs {
    /// What kind of policy the files are.
    #[arg(long = "type", value_enum, default_value_t = KindArg::Key)]
    pub kind: KindArg,
    /// `sarif` writes SARIF 2.1.0 for code-scanning upload.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Also check against a scenario's input, given as the same `--FIELD VALUE` flags `build
    /// SCENARIO` takes (`cwlogs-policy build SCENARIO --help` lists them).
    #[arg(long, value_name = "SCENARIO", value_parser = crate::check::scenario_names())]
    pub scenario: Option<String>,
    #[command(flatten)]
    pub fields: crate::check::ScenarioFlags,
    /// The files hold statements to merge into an existing policy of this type (what `build`
    /// marks `"fragment": true`), not a whole policy: rules about what a whole policy must
    /// contain, such as the key policy lockout, skip them.
    #[arg(long)]
    pub statements: bool,
    /// Policy files; `-` reads standard input.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum KindArg {
    Key,
    Bucket,
    LogResource,
    Identity,
    Trust,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}
