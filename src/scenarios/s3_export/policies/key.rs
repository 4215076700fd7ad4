//! The bucket key's policy (domain-facts §3.3, §3.5): the account keeps control, the logs
//! principal may generate data keys and decrypt, cross-account exporting roles may too.

use super::{allow, roles_words, EXPORT_DOC, KEY_POLICY_FILE, LOGS_KEY_SID, ROLES_KEY_SID, ROOT_SID};
use crate::policy::{Policy, PolicyKind, Principal, ValueList};
use crate::scenarios::s3_export::S3ExportSpec;
use crate::scenarios::{Document, ExpectedFinding, Explanation};

const DEFAULT_KEY_POLICY_DOC: &str = "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html";
const EXTERNAL_ACCOUNTS_DOC: &str =
    "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-modifying-external-accounts.html";

/// What export needs from the key (§3.3); AWS's older blog form lacks `kms:Decrypt`.
const EXPORT_KEY_ACTIONS: [&str; 2] = ["kms:GenerateDataKey", "kms:Decrypt"];

/// Why the CloudWatch Logs statement has no source condition: shown beside the statement and
/// beside the checker's SEC002 warning on it.
const LOGS_WITHOUT_SOURCE_KEYS: &str = "it admits CloudWatch Logs without aws:SourceAccount or aws:SourceArn, as AWS's export example does (domain-facts §3.3): whether export sends those keys to KMS is unverified, so conditions on them could make every export fail.";

pub fn policy(input: &S3ExportSpec) -> Document {
    let owner = input.key_owner();
    let logs = input.logs_principal();
    let root = format!("arn:{}:iam::{owner}:root", input.partition.id());
    // AWS's example grants the account a short list of admin actions ending in redundant `*`s and
    // missing rotation, tagging and cancel-deletion; the default key policy's kms:* is the safe form.
    let mut statements = vec![
        allow(
            ROOT_SID,
            Some(Principal::aws([root.as_str()])),
            ValueList::of(["kms:*"]),
            ValueList::of(["*"]),
        ),
        allow(
            LOGS_KEY_SID,
            Some(Principal::service(logs.as_str())),
            ValueList::of(EXPORT_KEY_ACTIONS),
            ValueList::of(["*"]),
        ),
    ];
    let mut explanations = vec![
        Explanation {
            sid: ROOT_SID.into(),
            why: format!(
                "Keeps account {owner} in control of the key: IAM policies in the account can grant access to it and administrators can change this policy. AWS's export example lists a few admin actions instead, which leaves out rotation, tagging and cancelling deletion; the default key policy's kms:* is the safe form."
            ),
            doc_url: DEFAULT_KEY_POLICY_DOC,
            kept_because: Some(Explanation::KEY_ADMINISTRATION),
        },
        Explanation {
            sid: LOGS_KEY_SID.into(),
            why: format!(
                "Lets CloudWatch Logs in {} ({logs}) use the bucket's key while it writes exported objects: kms:GenerateDataKey for each object's data key, and kms:Decrypt, which S3 uses to complete multipart uploads under SSE-KMS. Without it the export fails with \"PutObject call on the given bucket failed … KMS key or bucket encryption misconfiguration\". AWS's example sets no aws:SourceAccount or aws:SourceArn here; see the notes.",
                input.region()
            ),
            doc_url: EXPORT_DOC,
            kept_because: Some(LOGS_WITHOUT_SOURCE_KEYS),
        },
    ];
    let callers = input.caller_arns();
    if input.is_cross_account() && !callers.is_empty() {
        // AWS's cross-account example puts the key ARN in Resource; in a key policy "*" means this
        // key, and it does not depend on an ARN that a new key does not have yet.
        // The roles need the key only for the writes S3 makes for them, not to call KMS directly.
        let via = input.s3_via_service();
        statements.push(
            allow(
                ROLES_KEY_SID,
                Some(Principal::aws(callers.iter().copied())),
                ValueList::of(EXPORT_KEY_ACTIONS),
                ValueList::of(["*"]),
            )
            .with_condition("StringEquals", "kms:ViaService", ValueList::array_of([via.as_str()])),
        );
        explanations.push(Explanation {
            sid: ROLES_KEY_SID.into(),
            why: format!(
                "The export runs as {} in account {}, and S3 uses this key for those writes too. A key in another account must name the roles in its policy; their own IAM policy ({}) must also allow the key. Only in requests S3 makes for them (kms:ViaService = {via}), so the roles cannot call KMS with this key directly. Unverified: AWS's cross-account example has no such condition, and that the export's key requests arrive through S3 is not documented; if exports fail with \"PutObject call on the given bucket failed\", check this condition first.",
                roles_words(&callers),
                input.account(),
                super::KEY_USE_SID
            ),
            doc_url: EXTERNAL_ACCOUNTS_DOC,
            kept_because: None,
        });
    }
    let name = if input.is_new_key() {
        "Key policy for the new bucket key"
    } else {
        "Key policy for the bucket key"
    };
    Document {
        name: name.into(),
        file_name: KEY_POLICY_FILE.into(),
        kind: PolicyKind::Key,
        policy: Policy::new(statements),
        explanations,
        fragment: false,
        expected_findings: vec![ExpectedFinding {
            code: "SEC002",
            sid: LOGS_KEY_SID.into(),
            because: LOGS_WITHOUT_SOURCE_KEYS,
        }],
    }
}
