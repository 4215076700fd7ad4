//! Every combination of the audit-trail form's options.

use cwlogs_policy::scenarios::audit_trail::AuditTrailInput;

pub fn every_audit_combination() -> Vec<AuditTrailInput> {
    let mut all = Vec::new();
    for (region, partition) in [
        ("us-east-1", "aws"),
        ("cn-north-1", "aws-cn"),
        ("us-gov-west-1", "aws-us-gov"),
    ] {
        for mask in 1..16u8 {
            for topic in [
                String::new(),
                format!("arn:{partition}:sns:{region}:123456789012:cwlogs-alerts"),
            ] {
                all.push(AuditTrailInput {
                    watch_log_group_key: mask & 1 != 0,
                    watch_query_result_key: mask & 2 != 0,
                    watch_s3_export: mask & 4 != 0,
                    watch_vended_logs: mask & 8 != 0,
                    region: region.into(),
                    account: "123456789012".into(),
                    rule_name: "cwlogs.alerts_v2".into(),
                    sns_topic_arn: topic,
                });
            }
        }
    }
    all
}
