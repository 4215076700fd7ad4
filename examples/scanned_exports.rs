//! Writes the CloudFormation (YAML and JSON) and Terraform exports of a representative set of
//! option combinations into a folder, for `scripts/test.sh` to run cfn-lint and checkov on.
//!
//! Representative: of every scenario's combinations (tests/scenario_inputs/), one per distinct
//! shape of what the templates declare (per resource its kind, account side and the options that
//! change its template properties: key rotation, retention, object ownership, encryption, a
//! delivery destination's policy, a user or a role), and one per scenario, partition and single
//! or two accounts. So every destination, cross-account variant and partition is there, without
//! thousands of templates that differ only in names and ARNs.
//!
//! `cargo run --example scanned_exports -- DIR`

#[path = "../tests/scenario_inputs/mod.rs"]
mod scenario_inputs;

use cwlogs_policy::export::{export, plan, Format, Resource};
use cwlogs_policy::scenarios::ScenarioId;
use serde_json::Value;
use std::path::PathBuf;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: scanned_exports DIR"));
    let mut seen: Vec<String> = Vec::new();
    let mut written = 0;
    for (id, input) in inputs() {
        let outcome = id.run(&input);
        assert!(!outcome.has_errors(), "{id:?} {input}: {:?}", outcome.problems);
        let bundle = outcome.bundle.expect("a bundle");
        // New if its shape is, or if it is the first of its scenario, partition and sidedness.
        let plan = plan(&bundle);
        // The audit-trail form has no partition: its Region says it.
        let partition = input["partition"].as_str().or(input["region"].as_str()).unwrap_or("aws").to_owned();
        let keys = [
            shape(&bundle),
            format!("{} {partition} two-sided:{}", bundle.scenario.cli_name(), plan.is_two_sided()),
        ];
        if keys.iter().all(|k| seen.contains(k)) {
            continue;
        }
        seen.extend(keys);
        let name = format!("{}-{:03}", bundle.scenario.cli_name(), written);
        let tf = dir.join("terraform").join(&name);
        std::fs::create_dir_all(&tf).expect("create the folder");
        for (format, path) in [
            (Format::CloudFormationYaml, dir.join(format!("{name}.cfn.yaml"))),
            (Format::CloudFormationJson, dir.join(format!("{name}.cfn.json"))),
            (Format::Terraform, tf.join("main.tf")),
        ] {
            std::fs::write(&path, export(&bundle, format)).expect("write the export");
        }
        written += 1;
    }
    println!("{written} combinations, 3 exports each, in {}", dir.display());
}

fn inputs() -> Vec<(ScenarioId, Value)> {
    let json = |v: &dyn erased::Json| v.json();
    let mut all: Vec<(ScenarioId, Value)> = Vec::new();
    all.extend(scenario_inputs::log_group_key::every_combination().iter().map(|i| (ScenarioId::LogGroupKey, json(i))));
    all.extend(scenario_inputs::query_result_key::every_combination().iter().map(|i| (ScenarioId::QueryResultKey, json(i))));
    all.extend(scenario_inputs::s3_export::every_combination().iter().map(|i| (ScenarioId::S3Export, json(i))));
    all.extend(scenario_inputs::vended_logs::every_combination().iter().map(|i| (ScenarioId::VendedLogs, json(i))));
    all.extend(scenario_inputs::audit_trail::every_audit_combination().iter().map(|i| (ScenarioId::AuditTrail, json(i))));
    all.extend(scenario_inputs::inputs());
    all
}

mod erased {
    pub trait Json {
        fn json(&self) -> serde_json::Value;
    }
    impl<T: serde::Serialize> Json for T {
        fn json(&self) -> serde_json::Value {
            serde_json::to_value(self).expect("inputs serialize")
        }
    }
}

/// What makes two combinations' templates differ in more than names.
fn shape(bundle: &cwlogs_policy::scenarios::Bundle) -> String {
    let plan = plan(bundle);
    let mut parts: Vec<String> = Vec::new();
    for placed in &plan.resources {
        let r = &placed.resource;
        let kind = format!("{r:?}");
        let kind = kind.split([' ', '{', '(']).next().unwrap_or_default();
        let detail = match r {
            Resource::Key { rotation, .. } => format!("rotation={rotation}"),
            Resource::LogGroup { existing, retention, .. } => format!(
                "existing={existing} retention={}",
                retention.map_or("never", |d| if d < 365 { "short" } else { "long" })
            ),
            Resource::Bucket { ownership, encryption, .. } => format!("{ownership} {}", encryption.is_some()),
            Resource::DeliveryDestination { policy, .. } => format!("policy={}", policy.is_some()),
            Resource::InlinePolicy { user, .. } => format!("user={user}"),
            _ => String::new(),
        };
        parts.push(format!("{:?} {kind} {detail}", placed.side));
    }
    // A set: two callers' policies check as one does.
    parts.sort();
    parts.dedup();
    format!("{} manual:{} | {}", bundle.scenario.cli_name(), !plan.manual_steps.is_empty(), parts.join(" | "))
}
