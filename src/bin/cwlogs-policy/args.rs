//! Command-line arguments; flags are named like the page's form fields.

use clap::{Args, Parser, Subcommand, ValueEnum};
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
    /// Print the documents and commands of a scenario as JSON.
    Build {
        #[command(subcommand)]
        scenario: BuildScenario,
    },
    /// List the validator rules, or print one rule's documentation.
    Rules {
        /// A rule code such as IAM005.
        code: Option<String>,
    },
}

#[derive(Args)]
pub struct CheckArgs {
    /// What kind of policy the files are.
    #[arg(long = "type", value_enum, default_value_t = KindArg::Key)]
    pub kind: KindArg,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Policy files; `-` reads standard input.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
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

#[derive(Subcommand)]
pub enum BuildScenario {
    /// A customer managed KMS key for log groups (key policy, caller policy, rotation).
    LogGroupKey(LogGroupKeyArgs),
}

#[derive(Args)]
pub struct LogGroupKeyArgs {
    /// aws, aws-cn or aws-us-gov; default: the partition of --region.
    #[arg(long)]
    pub partition: Option<String>,
    #[arg(long)]
    pub region: String,
    #[arg(long)]
    pub account: String,
    /// The existing key's ARN; omit to create a new key.
    #[arg(long, default_value = "")]
    pub key_arn: String,
    /// one-group, several-groups or account; default: one-group, or several-groups with more than one --log-group.
    #[arg(long)]
    pub scope: Option<String>,
    /// A log group name; repeat for several.
    #[arg(long = "log-group")]
    pub log_groups: Vec<String>,
    /// A role or user ARN that calls CloudWatch Logs; repeat for several.
    #[arg(long = "caller")]
    pub callers: Vec<String>,
    /// none, key-policy or iam-policy; default: key-policy when --caller is given, else none.
    #[arg(long)]
    pub caller_permission: Option<String>,
    /// new or existing.
    #[arg(long, default_value = "new")]
    pub log_group_state: String,
    /// The ARN of the key the log groups use now, to rotate away from.
    #[arg(long, default_value = "")]
    pub rotate_from: String,
    /// Give the old key AWS's unconditioned decrypt-only statement instead of keeping the encryption-context condition.
    #[arg(long)]
    pub drop_context_on_old_key: bool,
}
