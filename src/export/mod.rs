//! Exports of a scenario's bundle: one bash script, a CloudFormation template (YAML or JSON) and
//! a Terraform configuration. The templates are read from the bundle's own typed steps ([`read`]),
//! so they create what the steps create, with the same documents; a step no resource stands for is
//! named in the template and kept in the script.

mod cloudformation;
mod hcl;
mod placeholder;
mod plan;
mod read;
mod scanners;
mod script;
pub mod suppressions;
mod terraform;
mod yaml;

pub use plan::{ManualStep, Param, Placed, Plan, Resource, Side, Value};
pub use read::plan;
pub use scanners::{scanned_note, scanners};

use crate::scenarios::Bundle;

/// One kind of export.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Format {
    Script,
    CloudFormationYaml,
    CloudFormationJson,
    Terraform,
}

impl Format {
    pub const ALL: [Format; 4] = [
        Format::Script,
        Format::CloudFormationYaml,
        Format::CloudFormationJson,
        Format::Terraform,
    ];

    /// The CLI's `--export` value.
    pub fn cli_name(self) -> &'static str {
        match self {
            Format::Script => "script",
            Format::CloudFormationYaml => "cloudformation-yaml",
            Format::CloudFormationJson => "cloudformation-json",
            Format::Terraform => "terraform",
        }
    }

    pub fn from_cli_name(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.cli_name() == name)
    }

    pub fn label(self) -> &'static str {
        match self {
            Format::Script => "Bash script (AWS CLI)",
            Format::CloudFormationYaml => "CloudFormation (YAML)",
            Format::CloudFormationJson => "CloudFormation (JSON)",
            Format::Terraform => "Terraform",
        }
    }

    /// The file the export is saved as, named after the scenario.
    pub fn file_name(self, bundle: &Bundle) -> String {
        let extension = match self {
            Format::Script => "sh",
            Format::CloudFormationYaml => "cfn.yaml",
            Format::CloudFormationJson => "cfn.json",
            Format::Terraform => "tf",
        };
        format!("{}.{extension}", bundle.scenario.cli_name())
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Script => "text/x-shellscript",
            Format::CloudFormationYaml => "application/yaml",
            Format::CloudFormationJson => "application/json",
            Format::Terraform => "text/plain",
        }
    }
}

/// The bundle in `format`.
pub fn export(bundle: &Bundle, format: Format) -> String {
    match format {
        Format::Script => script::script(bundle),
        Format::CloudFormationYaml => cloudformation::yaml(bundle),
        Format::CloudFormationJson => cloudformation::json(bundle),
        Format::Terraform => terraform::terraform(bundle),
    }
}
