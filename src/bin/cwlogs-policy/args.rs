//! Command-line arguments of the declared subcommands; `build` and `troubleshoot` are made at run
//! time from the scenarios' field declarations (see `build.rs`), so their flags are the page's
//! fields. Nothing here imports a subcommand: each subcommand reads its arguments from here.

use clap::builder::PossibleValuesParser;
use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, Args, Parser, Subcommand, ValueEnum};
use cwlogs_policy::policy::PolicyKind;
use cwlogs_policy::scenarios::{Control, ScenarioId};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "cwlogs-policy", version, about = "Check and build the AWS policies that encrypt and deliver CloudWatch Logs")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// The language of findings and messages: en or ja. Without it, LC_ALL, LC_MESSAGES or LANG
    /// decides (ja_JP.UTF-8 is Japanese); codes, JSON field names and SARIF rule ids never change.
    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "ja"])]
    pub lang: Option<String>,
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
    Diff(DiffArgs),
    /// Add NEW's missing statements to EXISTING. Exit 0: merged; 1: over the size limit; 2: bad input.
    Merge(MergeArgs),
    /// Evaluate a request against policies. Exit 0: allowed; 1: denied; 2: bad input.
    Simulate(SimulateArgs),
    /// Read a CloudTrail record: its scenario and the form values it gives, as a `build` command line.
    /// Exit 0: imported; 2: not an importable record.
    ImportRecord(ImportRecordArgs),
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
    #[arg(long, value_name = "SCENARIO", value_parser = scenario_names())]
    pub scenario: Option<String>,
    #[command(flatten)]
    pub fields: ScenarioFlags,
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

impl KindArg {
    /// The policy kind a `--type` value names.
    pub fn policy_kind(self) -> PolicyKind {
        match self {
            KindArg::Key => PolicyKind::Key,
            KindArg::Bucket => PolicyKind::Bucket,
            KindArg::LogResource => PolicyKind::LogResource,
            KindArg::Identity => PolicyKind::Identity,
            KindArg::Trust => PolicyKind::Trust,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

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

#[derive(Args)]
pub struct MergeArgs {
    /// What kind of policy the two files are.
    #[arg(long = "type", value_enum, default_value_t = KindArg::Key)]
    pub kind: KindArg,
    /// When a file holds several policies, the one with this name (logical id, resource address
    /// or policyName).
    #[arg(long, value_name = "NAME")]
    pub policy: Option<String>,
    /// The policy as it is now; its statements are kept as they are, in their order. Either file
    /// may be `-`, standard input. Like `check`, it may be what `aws …` printed (get-key-policy,
    /// get-bucket-policy, describe-resource-policies, get-role, get-role-policy,
    /// get-policy-version), a CloudFormation template, a Terraform file or an AWS Config item:
    /// the merged policy is printed bare all the same, because every matching put- command
    /// (put-key-policy, put-bucket-policy, put-resource-policy, update-assume-role-policy,
    /// put-role-policy, create-policy-version) takes the bare policy document; a template's
    /// policy is to be pasted back into the template by hand.
    pub existing: PathBuf,
    /// A policy holding the statements to add.
    pub new: PathBuf,
}

#[derive(Args)]
pub struct SimulateArgs {
    /// The resource's policy (key, bucket, log resource or trust policy); optional when identity
    /// policies are given.
    #[arg(long, value_name = "FILE", required_unless_present = "identities")]
    pub policy: Option<PathBuf>,
    /// What kind of policy --policy is.
    #[arg(long = "type", value_enum, default_value_t = KindArg::Key)]
    pub kind: KindArg,
    /// The request as JSON: {"principal": {"aws": ARN} | {"service": NAME} | "anonymous",
    /// "action": "kms:Decrypt", "resource": ARN, "context": {KEY: VALUE or [VALUES]}}.
    #[arg(long, value_name = "FILE")]
    pub request: PathBuf,
    /// An identity policy of the caller; repeat for several.
    #[arg(long = "identity", value_name = "FILE")]
    pub identities: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Args)]
pub struct ImportRecordArgs {
    /// A file holding one CloudTrail record (also `{"Records": [...]}` or an EventBridge event);
    /// `-` reads standard input.
    pub file: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
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
    fn augment_args(cmd: clap::Command) -> clap::Command {
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

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
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
