//! What to know about query-result encryption that is not a document or a command (§2.1).

use super::{ObservabilityRole, QueryResultKeySpec};
use crate::scenarios::log_group_key::Scope;

pub fn notes(spec: &QueryResultKeySpec) -> Vec<String> {
    let region = spec.region();
    let account = spec.account();
    let mut notes = vec![
        "Only queries started after the association store their results under the key; results stored earlier keep the default CloudWatch Logs encryption. GetQueryResults still returns results in plain text.".to_owned(),
        "Associating or disassociating the key takes up to 5 minutes to take effect.".to_owned(),
        format!("The association covers the stored results of every Logs Insights query in account {account} in {region}; other Regions need their own key and association."),
        "After disassociation, later queries use the default encryption, but results stored while the key was associated stay encrypted with it and CloudWatch Logs still reads them with the key: keep its access, and never disable or delete the key while those results are kept, or they become unreadable.".to_owned(),
        "The CloudWatch console cannot associate a key with query results: use the CLI steps below or the CloudWatch Logs API.".to_owned(),
        format!("The key must be a symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT) in {region}."),
        "Whoever runs the steps needs kms:CreateKey, kms:GetKeyPolicy, kms:PutKeyPolicy and logs:AssociateKmsKey (for a new key also kms:DescribeKey, to find a key an earlier run made under the alias, kms:EnableKeyRotation and kms:CreateAlias); the check also needs logs:StartQuery and logs:GetQueryResults.".to_owned(),
    ];
    if !spec.is_new_key() {
        notes.push("put-key-policy replaces the key's whole policy: the script saves the current one to key-policy.backup.json (once; a re-run keeps the original) and stops until you have merged key-policy.json into it as key-policy.merged.json (cwlogs-policy merge key-policy.backup.json key-policy.json > key-policy.merged.json, or the compare panel); it applies that file, never key-policy.json alone.".to_owned());
    }
    if spec.share_with_log_groups {
        notes.push("AWS recommends a separate key for each encrypted log group; with a shared key, disabling or losing it makes both the log groups' data and the stored query results unreadable.".to_owned());
        notes.push("Unverified: whether CloudWatch Logs sends an encryption context for query results is not documented. The log groups and the query results therefore get separate statements, so neither use depends on it.".to_owned());
        if spec.log_group_scope == Scope::Account && spec.shared_group_names().is_empty() {
            notes.push("No log groups are listed, so none is associated here: associate each with this key (associate-kms-key --log-group-name … --kms-key-id KEY_ARN), or list them above.".to_owned());
        }
    }
    match spec.observability_role {
        ObservabilityRole::None => {}
        ObservabilityRole::Monitoring => notes.push(format!(
            "Cross-account observability: queries that this monitoring account runs over its source accounts' log groups store their results under this account's query-result key. Unverified: AWS does not document the aws:SourceArn and aws:SourceAccount such a query presents; this policy expects account {account}'s. If cross-account queries fail after the association, look in CloudTrail for a denied KMS call."
        )),
        ObservabilityRole::Source => notes.push(format!(
            "Cross-account observability: when the monitoring account queries this account's log groups, the results are stored under the monitoring account's query-result key (if it has one), not this key. This key covers only queries started in account {account}; set up a query-result key in the monitoring account too."
        )),
    }
    notes.extend(crate::scenarios::logs_principal::unverified_note(spec.partition, region));
    notes
}
