//! The ordered AWS CLI steps, with every value filled in and quoted for bash.

use super::QueryResultKeyInput;
use crate::scenarios::new_key::{alias_name, rotation_and_alias};
use crate::scenarios::shell::quote;
use crate::scenarios::{Document, Step, TrailEvent};

pub fn steps(input: &QueryResultKeyInput, documents: &[Document]) -> Vec<Step> {
    let region = quote(input.region.trim());
    // Quoted because the trailing `*` would otherwise be expanded by the shell as a glob.
    let query_results = quote(&input.query_result_arn());
    let groups = input.shared_group_names();
    let mut steps = vec![Step::new(
        "Save the documents",
        format!(
            "# Save each document below under its file name in this directory: {}",
            documents
                .iter()
                .map(|d| d.file_name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        &[],
    )];
    steps.push(key_step(input, &region));
    if input.is_new_key() {
        steps.push(rotation_and_alias(
            "Turn on the key's automatic rotation and give it an alias",
            &region,
            &alias_name("cloudwatch-logs", "query-results"),
        ));
    }
    steps.push(Step::new(
        "Encrypt the account's query results with the key",
        format!("aws logs associate-kms-key --region {region} \\\n  --resource-identifier {query_results} \\\n  --kms-key-id \"$KEY_ARN\""),
        &[TrailEvent::logs("AssociateKmsKey")],
    ));
    if !groups.is_empty() {
        steps.push(Step::new(
            "Associate the key with the existing log groups",
            lines(&groups, |g| {
                format!(
                    "aws logs associate-kms-key --region {region} --log-group-name {} --kms-key-id \"$KEY_ARN\"",
                    quote(g)
                )
            }),
            &[TrailEvent::logs("AssociateKmsKey")],
        ));
        steps.push(Step::new(
            "Check the log groups' key (it can take up to 5 minutes)",
            lines(&groups, |g| {
                format!("aws logs describe-log-groups --region {region} --log-group-name-prefix {} --query 'logGroups[].[logGroupName,kmsKeyId]' --output text", quote(g))
            }),
            &[TrailEvent::logs("DescribeLogGroups")],
        ));
    }
    steps.push(check_step(&region, groups.first().copied()));
    steps.push(Step::new(
        "Later, only to undo: stop encrypting new query results with the key",
        format!("# aws logs disassociate-kms-key --region {region} --resource-identifier {query_results}"),
        // Commented out: it runs only if the user chooses to, so it records nothing by default.
        &[],
    ));
    steps
}

fn key_step(input: &QueryResultKeyInput, region: &str) -> Step {
    if input.is_new_key() {
        let description = quote(&format!(
            "CloudWatch Logs Insights query results in {}",
            input.region.trim()
        ));
        Step::new(
            "Create the key with its policy",
            format!(
                "KEY_ARN=$(aws kms create-key --region {region} \\\n  --description {description} \\\n  --key-spec SYMMETRIC_DEFAULT --key-usage ENCRYPT_DECRYPT \\\n  --policy file://key-policy.json \\\n  --query KeyMetadata.Arn --output text)\necho \"$KEY_ARN\""
            ),
            &[TrailEvent::kms("CreateKey")],
        )
    } else {
        Step::new(
            "Back up the key's current policy, then apply the new one",
            format!(
                "KEY_ARN={}\naws kms get-key-policy --region {region} --key-id \"$KEY_ARN\" --policy-name default --output text > key-policy.backup.json\naws kms put-key-policy --region {region} --key-id \"$KEY_ARN\" --policy-name default --policy file://key-policy.json",
                quote(input.key_arn.trim())
            ),
            &[TrailEvent::kms("GetKeyPolicy"), TrailEvent::kms("PutKeyPolicy")],
        )
    }
}

/// A test query whose `encryptionKey` shows the key now in use. GetQueryResults is not among
/// the actions the CloudTrail list names (domain-facts §5.1), so only StartQuery is listed.
fn check_step(region: &str, group: Option<&str>) -> Step {
    let log_group = match group {
        Some(g) => format!("LOG_GROUP={}", quote(g)),
        None => "LOG_GROUP=\"${LOG_GROUP:?set LOG_GROUP to any log group to run a test query on}\"".to_owned(),
    };
    Step::new(
        "After up to 5 minutes, check which key encrypts a new query's results",
        format!(
            "{log_group}\nQUERY_ID=$(aws logs start-query --region {region} --log-group-name \"$LOG_GROUP\" \\\n  --start-time $(( $(date +%s) - 3600 )) --end-time \"$(date +%s)\" \\\n  --query-string 'fields @timestamp | limit 1' --query queryId --output text)\nsleep 10\n# Prints the key ARN; \"None\" means the results still use the default encryption.\naws logs get-query-results --region {region} --query-id \"$QUERY_ID\" --query encryptionKey --output text"
        ),
        &[TrailEvent::logs("StartQuery")],
    )
}

fn lines(groups: &[&str], line: impl Fn(&str) -> String) -> String {
    groups.iter().map(|g| line(g)).collect::<Vec<_>>().join("\n")
}
