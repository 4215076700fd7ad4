//! The ordered steps, as typed AWS calls with every value filled in.

use super::QueryResultKeySpec;
use crate::scenarios::log_group_key::steps::describe_groups;
use crate::scenarios::new_key::{alias_name, rotation};
use crate::scenarios::step::operation::{
    LOGS_ASSOCIATE_KMS_KEY, LOGS_DISASSOCIATE_KMS_KEY, LOGS_GET_QUERY_RESULTS, LOGS_START_QUERY,
};
use crate::scenarios::step::{key_policy, save_files, AwsCall, Line};
use crate::scenarios::{Document, Step};

pub fn steps(spec: &QueryResultKeySpec, documents: &[Document]) -> Vec<Step> {
    let region = spec.region();
    // Quoted by the renderer: the trailing `*` would otherwise be expanded by the shell as a glob.
    let query_results = spec.query_result_arn();
    let groups = spec.shared_group_names();
    let names: Vec<&str> = documents.iter().map(|d| d.file_name.as_str()).collect();
    let mut steps = vec![save_files("Save the documents", "document", &names)];
    if groups.is_empty() {
        // Asked for here, not in the check at the end: stopping there would leave the key made
        // and associated with the script failed, and a re-run would make another key.
        steps.push(Step::new(
            "Name a log group for the test query at the end",
            vec![Line::Require {
                var: "LOG_GROUP",
                message: "set LOG_GROUP to any log group to run a test query on".into(),
            }],
        ));
    }
    steps.push(key_step(spec, region));
    if spec.is_new_key() {
        steps.push(Step::new("Turn on the key's automatic rotation", rotation(region)));
    }
    steps.push(Step::new(
        "Encrypt the account's query results with the key",
        vec![AwsCall::new(&LOGS_ASSOCIATE_KMS_KEY)
            .region(region)
            .wrap()
            .text("resource-identifier", query_results.as_str())
            .wrap()
            .var("kms-key-id", "KEY_ARN")
            .into()],
    ));
    if !groups.is_empty() {
        steps.push(Step::new(
            "Associate the key with the existing log groups",
            groups
                .iter()
                .map(|g| {
                    AwsCall::new(&LOGS_ASSOCIATE_KMS_KEY)
                        .region(region)
                        .text("log-group-name", *g)
                        .var("kms-key-id", "KEY_ARN")
                        .into()
                })
                .collect(),
        ));
        steps.push(Step::new(
            "Check the log groups' key (it can take up to 5 minutes)",
            describe_groups(region, &groups),
        ));
    }
    steps.push(check_step(region, groups.first().copied()));
    steps.push(Step::new(
        "Later, only to undo: stop encrypting new query results with the key",
        // Commented out: it runs only if the user chooses to, so it records nothing by default.
        vec![Line::commented(
            AwsCall::new(&LOGS_DISASSOCIATE_KMS_KEY)
                .region(region)
                .text("resource-identifier", query_results.as_str()),
        )],
    ));
    steps
}

/// One key per account and Region holds the query results.
fn key_alias(region: &str) -> String {
    alias_name("cloudwatch-logs-query-results", region)
}

fn key_step(spec: &QueryResultKeySpec, region: &str) -> Step {
    if spec.is_new_key() {
        let description = format!("CloudWatch Logs Insights query results in {}", spec.region());
        Step::new(
            "Create the key with its policy and its alias",
            key_policy::create_key(region, &description, "key-policy.json", &key_alias(region)),
        )
    } else {
        key_policy::merge_into_existing_key(region, &spec.key_arn_or_placeholder())
    }
}

/// A test query whose `encryptionKey` shows the key now in use. GetQueryResults is not among
/// the actions the CloudTrail list names (domain-facts §5.1), so its table entry records nothing.
fn check_step(region: &str, group: Option<&str>) -> Step {
    // Without a listed group, LOG_GROUP was required by the first step.
    let log_group = group.map(|g| Line::set("LOG_GROUP", g));
    Step::new(
        "After up to 5 minutes, check which key encrypts a new query's results",
        log_group
            .into_iter()
            .chain([
            AwsCall::new(&LOGS_START_QUERY)
                .region(region)
                .var("log-group-name", "LOG_GROUP")
                .wrap()
                .expr("start-time", "$(( $(date +%s) - 3600 ))")
                .expr("end-time", "\"$(date +%s)\"")
                .wrap()
                .text("query-string", "fields @timestamp | limit 1")
                .capture("QUERY_ID", "queryId")
                .into(),
            Line::Sleep(10),
            Line::comment("Prints the key ARN; \"None\" means the results still use the default encryption."),
            AwsCall::new(&LOGS_GET_QUERY_RESULTS)
                .region(region)
                .var("query-id", "QUERY_ID")
                .query_text("encryptionKey")
                .into(),
            ])
            .collect(),
    )
}
