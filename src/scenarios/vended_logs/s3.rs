//! The bucket policy for S3 destinations and, for SSE-KMS buckets, the key-policy statement
//! (domain-facts §4.3).

use super::deputy::{self, delivery_principal};
use super::VendedLogsSpec;
use crate::policy::{print, Policy, PolicyKind, Statement, Text, ValueList};
use crate::scenarios::fingerprint::fingerprint;
use crate::scenarios::{Document, Explanation};

/// The Sids start with these and end with the fingerprint of the statement itself. AWS's own
/// Sids (`AWSLogDeliveryAclCheck`, `AWSLogDeliveryWrite`, `Allow Logs Delivery to use the key`)
/// are not used: the steps merge by Sid into a bucket or key policy that may be shared, and a
/// statement AWS or another account's setup wrote under AWS's Sid must survive the merge. The
/// fingerprint makes a re-run with the same inputs replace its own statement, while a delivery
/// for another account, Region or prefix adds a statement of its own.
const ACL_CHECK_SID_PREFIX: &str = "CwlDeliveryAclCheck";
const WRITE_SID_PREFIX: &str = "CwlDeliveryWrite";
const KEY_SID_PREFIX: &str = "CwlDeliveryKeyUse";
/// AWS names the policy after the log-group statement's Sid.
pub const POLICY_ID: &str = "AWSLogDeliveryWrite20150319";

/// `prefix` followed by the fingerprint of `statement` without its Sid.
fn own_sid(prefix: &str, mut statement: Statement) -> Statement {
    statement.sid = None;
    let text = print(&Policy::new(vec![statement.clone()]));
    statement.sid = Some(Text::new(format!("{prefix}{}", fingerprint(&text))));
    statement
}

fn sid(statement: &Statement) -> String {
    statement.sid.as_ref().map(|t| t.value.clone()).unwrap_or_default()
}

/// The Sid of the bucket policy's ACL-check statement for these inputs.
pub fn acl_check_sid(input: &VendedLogsSpec) -> String {
    sid(&acl_check(input))
}

/// The Sid of the bucket policy's write statement for these inputs.
pub fn write_sid(input: &VendedLogsSpec) -> String {
    sid(&write(input))
}

/// The Sid of the key-policy statement for these inputs.
pub fn key_sid(input: &VendedLogsSpec) -> String {
    sid(&key_use(input))
}

const V1_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-S3.html";
const V2_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-S3.html";
const CROSS_DOC: &str =
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/vended-logs-crossaccount-example.html";

/// The objects delivery writes: V1 services write under `[PREFIX/]AWSLogs/ACCOUNT/`; a V2 prefix
/// replaces that default path.
pub fn object_arn(input: &VendedLogsSpec) -> String {
    let bucket = input.bucket_arn();
    let account = input.source_account();
    match input.prefix() {
        "" => format!("{bucket}/AWSLogs/{account}/*"),
        prefix if input.is_v2() => format!("{bucket}/{prefix}/*"),
        prefix => format!("{bucket}/{prefix}/AWSLogs/{account}/*"),
    }
}

fn doc_url(input: &VendedLogsSpec) -> &'static str {
    match (input.is_v2(), input.is_cross_account()) {
        (true, true) => CROSS_DOC,
        (true, false) => V2_DOC,
        (false, _) => V1_DOC,
    }
}

fn acl_check(input: &VendedLogsSpec) -> Statement {
    let acl_actions = if input.include_list_bucket {
        ValueList::array_of(["s3:GetBucketAcl", "s3:ListBucket"])
    } else {
        ValueList::of(["s3:GetBucketAcl"])
    };
    let statement = deputy::scoped(
        Statement {
            effect: Some(crate::policy::Effect::Allow.into()),
            principal: Some(delivery_principal(false)),
            action: Some(acl_actions),
            resource: Some(ValueList::of([input.bucket_arn()])),
            ..Statement::default()
        },
        input,
    );
    own_sid(ACL_CHECK_SID_PREFIX, statement)
}

fn write(input: &VendedLogsSpec) -> Statement {
    let statement = deputy::scoped(
        Statement {
            effect: Some(crate::policy::Effect::Allow.into()),
            principal: Some(delivery_principal(false)),
            action: Some(ValueList::of(["s3:PutObject"])),
            resource: Some(ValueList::of([object_arn(input)])),
            ..Statement::default()
        }
        .with_condition(
            "StringEquals",
            "s3:x-amz-acl",
            ValueList::of(["bucket-owner-full-control"]),
        ),
        input,
    );
    own_sid(WRITE_SID_PREFIX, statement)
}

pub fn bucket_policy(input: &VendedLogsSpec) -> Document {
    let acl_check = acl_check(input);
    let write = write(input);
    let list_words = if input.include_list_bucket {
        " s3:ListBucket is added so that delivery's existence checks do not leave AccessDenied entries in CloudTrail."
    } else {
        ""
    };
    let acl_why = format!(
        "Lets the log delivery service read bucket {}'s ACL, which it checks before writing{}.{list_words} {}",
        input.bucket(),
        if input.is_v2() {
            " (AWS's current V2 policy omits this statement but its page still asks for it, so it is kept)"
        } else {
            ""
        },
        deputy::why(input)
    );
    let write_why = format!(
        "Lets the log delivery service write log files under {}, only with the bucket-owner-full-control ACL so that account {} owns every object. {}",
        object_arn(input),
        input.destination_account(),
        deputy::why(input)
    );
    let explanation_sids = (sid(&acl_check), sid(&write));
    let mut policy = Policy::new(vec![acl_check, write]);
    policy.id = Some(Text::new(POLICY_ID));
    let url = doc_url(input);
    Document {
        name: format!("Bucket policy for {}", input.bucket()),
        file_name: "bucket-policy.json".into(),
        kind: PolicyKind::Bucket,
        policy,
        explanations: vec![
            Explanation {
                sid: explanation_sids.0.clone(),
                why: acl_why,
                doc_url: url,
                kept_because: None,
            },
            Explanation {
                sid: explanation_sids.1,
                why: write_why,
                doc_url: url,
                kept_because: None,
            },
        ],
        fragment: false,
        expected_findings: Vec::new(),
    }
}

/// AWS's cross-account V2 example (domain-facts §4.3) is narrower than its same-account form: the
/// delivery service gets kms:GenerateDataKey only. A key in another account than the logs' source is
/// where a wider grant costs most, so that form is followed exactly there.
fn narrow_key_use(input: &VendedLogsSpec) -> bool {
    input.is_v2() && input.is_cross_account()
}

/// The statement to add to the bucket's SSE-KMS key policy; the steps merge it into the key's
/// current policy rather than replacing that policy.
fn key_use(input: &VendedLogsSpec) -> Statement {
    let actions = if narrow_key_use(input) {
        ValueList::array_of(["kms:GenerateDataKey"])
    } else {
        // AWS's same-account V1 and V2 statement, verbatim (§4.3).
        ValueList::array_of([
            "kms:Encrypt",
            "kms:Decrypt",
            "kms:ReEncrypt*",
            "kms:GenerateDataKey*",
            "kms:DescribeKey",
        ])
    };
    let statement = deputy::scoped(
        Statement {
            effect: Some(crate::policy::Effect::Allow.into()),
            principal: Some(delivery_principal(true)),
            action: Some(actions),
            resource: Some(ValueList::of(["*"])),
            ..Statement::default()
        },
        input,
    );
    own_sid(KEY_SID_PREFIX, statement)
}

pub fn key_statement(input: &VendedLogsSpec) -> Document {
    let statement = key_use(input);
    let key_sid = sid(&statement);
    let grant = if narrow_key_use(input) {
        format!(
            "Lets the log delivery service get a data key to encrypt the log files it writes to {}: kms:GenerateDataKey only, as in AWS's cross-account example, not the same-account set. Whether delivery ever uploads a file in parts, which would also need kms:Decrypt, is unverified; if CloudTrail shows kms:Decrypt denied to delivery.logs.amazonaws.com for this key, add that action to this statement.",
            input.bucket()
        )
    } else {
        format!(
            "Lets the log delivery service encrypt the log files it writes to {} with this key; the actions are AWS's documented statement for this permission model.",
            input.bucket()
        )
    };
    let why = format!(
        "{grant} It must be in the key policy: bucket policies cannot grant KMS permissions. {}",
        deputy::why(input)
    );
    Document {
        name: "Statement to add to the bucket key's policy".into(),
        file_name: "key-policy-statement.json".into(),
        kind: PolicyKind::Key,
        policy: Policy::new(vec![statement]),
        explanations: vec![Explanation {
            sid: key_sid,
            why,
            doc_url: doc_url(input),
            kept_because: None,
        }],
        fragment: true,
        expected_findings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenarios::vended_logs::{parse, Destination, VendedLogsInput};

    fn form(service: &str, prefix: &str) -> VendedLogsInput {
        VendedLogsInput {
            service: service.into(),
            destination: Destination::S3,
            bucket: "logs-bucket".into(),
            prefix: prefix.into(),
            account: "123456789012".into(),
            ..VendedLogsInput::default()
        }
    }

    fn input(service: &str, prefix: &str) -> VendedLogsSpec {
        parse(&form(service, prefix)).0
    }

    #[test]
    fn the_object_path_follows_the_permission_model_and_prefix() {
        let table = [
            ("vpc-flow-logs", "", "arn:aws:s3:::logs-bucket/AWSLogs/123456789012/*"),
            (
                "vpc-flow-logs",
                "/flow/",
                "arn:aws:s3:::logs-bucket/flow/AWSLogs/123456789012/*",
            ),
            ("workmail", "", "arn:aws:s3:::logs-bucket/AWSLogs/123456789012/*"),
            ("workmail", "mail/logs", "arn:aws:s3:::logs-bucket/mail/logs/*"),
        ];
        for (service, prefix, expected) in table {
            assert_eq!(object_arn(&input(service, prefix)), expected, "{service} {prefix}");
        }
    }

    #[test]
    fn list_bucket_joins_the_acl_check() {
        let listing = parse(&VendedLogsInput {
            include_list_bucket: true,
            ..form("waf", "")
        })
        .0;
        let doc = bucket_policy(&listing);
        let acl = doc.policy.statement(&acl_check_sid(&listing)).unwrap();
        assert_eq!(
            acl.action.as_ref().unwrap().values().collect::<Vec<_>>(),
            ["s3:GetBucketAcl", "s3:ListBucket"]
        );
        assert!(doc.explanations[0].why.contains("AccessDenied"));
    }
}
