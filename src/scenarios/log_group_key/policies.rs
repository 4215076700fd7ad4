//! The documents of the log-group-key scenario: key policy, caller IAM policy, old key's policy.

use super::{CallerAccess, CallerPermission, LogGroupKeySpec, Scope};
use crate::policy::{Policy, PolicyKind, Principal, Statement, Text, ValueList};
use crate::scenarios::{Document, ExpectedFinding, Explanation};

const ENCRYPT_LOG_DATA_DOC: &str = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html";
const DEFAULT_KEY_POLICY_DOC: &str = "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html";
const VIA_SERVICE_DOC: &str =
    "https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-via-service";

/// Condition key CloudWatch Logs fills with the log group ARN (domain-facts §1.1).
pub const CONTEXT_KEY: &str = "kms:EncryptionContext:aws:logs:arn";

pub const ROOT_SID: &str = "Enable IAM User Permissions";
pub const LOGS_SID: &str = "Allow CloudWatch Logs to use the key";
pub const CALLERS_SID: &str = "Allow callers to use the key through CloudWatch Logs";
pub const IAM_SID: &str = "UseLogGroupKeyThroughCloudWatchLogs";

/// The actions AWS documents for the logs service principal (§1.3).
pub const SERVICE_ACTIONS: [&str; 5] = [
    "kms:Encrypt",
    "kms:Decrypt",
    "kms:ReEncrypt*",
    "kms:GenerateDataKey*",
    "kms:Describe*",
];
/// The actions AWS documents for caller roles (§1.5), in its order.
const CALLER_ACTIONS: [&str; 5] = [
    "kms:Encrypt",
    "kms:ReEncrypt*",
    "kms:Decrypt",
    "kms:GenerateDataKey*",
    "kms:Describe*",
];

/// The caller roles' actions: AWS's documented set, or reading alone.
fn caller_actions(input: &LogGroupKeySpec) -> &'static [&'static str] {
    match input.caller_access {
        CallerAccess::ReadWrite => &CALLER_ACTIONS,
        CallerAccess::ReadOnly => &["kms:Decrypt"],
    }
}

/// What the roles can do with the log groups, in the statements' explanations.
fn caller_verbs(input: &LogGroupKeySpec) -> &'static str {
    match input.caller_access {
        CallerAccess::ReadWrite => "read and write",
        CallerAccess::ReadOnly => "read (kms:Decrypt only; unverified that this suffices, see the notes)",
    }
}

pub fn documents(input: &LogGroupKeySpec) -> Vec<Document> {
    let mut docs = vec![key_policy(input)];
    if input.caller_permission == CallerPermission::IamPolicy && !input.caller_arns().is_empty() {
        docs.push(caller_policy(input));
    }
    if input.is_rotation() {
        docs.push(old_key_policy(input));
    }
    docs
}

fn root_statement(input: &LogGroupKeySpec) -> (Statement, Explanation) {
    let root = format!("arn:{}:iam::{}:root", input.partition.id(), input.account());
    let statement = Statement {
        sid: Some(ROOT_SID.into()),
        effect: Some(crate::policy::Effect::Allow.into()),
        principal: Some(Principal::aws([root.as_str()])),
        action: Some(ValueList::of(["kms:*"])),
        resource: Some(ValueList::of(["*"])),
        ..Statement::default()
    };
    let why = format!(
        "Keeps account {} in control of the key: IAM policies in the account can grant access to it, and administrators can still change this policy. Without it the key can become unmanageable and only AWS Support can recover it.",
        input.account()
    );
    (
        statement,
        Explanation {
            sid: ROOT_SID.into(),
            why,
            doc_url: DEFAULT_KEY_POLICY_DOC,
            kept_because: Some(Explanation::KEY_ADMINISTRATION),
        },
    )
}

/// The encryption-context condition for the chosen scope; values never end in `:*`.
fn context_condition(input: &LogGroupKeySpec, statement: Statement) -> Statement {
    match input.scope {
        Scope::Account => {
            let pattern = crate::scenarios::identifiers::arn::logs(input.partition, input.region(), input.account(), "*");
            statement.with_condition("ArnLike", CONTEXT_KEY, ValueList::of([pattern]))
        }
        Scope::OneGroup | Scope::SeveralGroups => {
            let arns: Vec<String> = input.group_names().iter().map(|g| input.log_group_arn(g)).collect();
            statement.with_condition("ArnEquals", CONTEXT_KEY, ValueList::of(arns))
        }
    }
}

/// The logs service principal's statement (§1.3/§1.4): the documented actions, limited by the
/// encryption context to the chosen log groups.
pub fn service_statement(input: &LogGroupKeySpec, sid: &str) -> Statement {
    let logs = input.partition.logs_principal(input.region());
    context_condition(
        input,
        Statement {
            sid: Some(sid.into()),
            effect: Some(crate::policy::Effect::Allow.into()),
            principal: Some(Principal::service(logs.as_str())),
            action: Some(ValueList::of(SERVICE_ACTIONS)),
            resource: Some(ValueList::of(["*"])),
            ..Statement::default()
        },
    )
}

/// What the context condition allows, in words ("log group /app/orders").
pub fn scope_words(input: &LogGroupKeySpec) -> String {
    match (input.scope, input.group_names().as_slice()) {
        (Scope::Account, _) => format!(
            "any log group of account {} in {}",
            input.account(),
            input.region()
        ),
        (_, [one]) => format!("log group {one}"),
        (_, names) => format!("the {} listed log groups", names.len()),
    }
}

fn via_service(input: &LogGroupKeySpec) -> ValueList {
    ValueList::array_of([input.partition.logs_principal(input.region())])
}

fn key_policy(input: &LogGroupKeySpec) -> Document {
    let logs = input.partition.logs_principal(input.region());
    let (root, root_why) = root_statement(input);
    let service = service_statement(input, LOGS_SID);
    let service_why = format!(
        "Lets CloudWatch Logs in {} ({logs}) encrypt and decrypt log events with this key, but only when the encryption context {CONTEXT_KEY} names {}. CloudWatch Logs puts the log group ARN, without a trailing :*, in that context; without this statement create-log-group and associate-kms-key fail with InvalidParameterException and the group's events cannot be read.",
        input.region(),
        scope_words(input)
    );
    let mut statements = vec![root, service];
    let mut explanations = vec![
        root_why,
        Explanation {
            sid: LOGS_SID.into(),
            why: service_why,
            doc_url: ENCRYPT_LOG_DATA_DOC,
            kept_because: None,
        },
    ];
    let callers = input.caller_arns();
    if input.caller_permission == CallerPermission::KeyPolicy && !callers.is_empty() {
        statements.push(
            Statement {
                sid: Some(CALLERS_SID.into()),
                effect: Some(crate::policy::Effect::Allow.into()),
                principal: Some(Principal::aws(callers.iter().copied())),
                action: Some(ValueList::of(caller_actions(input).iter().copied())),
                resource: Some(ValueList::of(["*"])),
                ..Statement::default()
            }
            .with_condition("StringEquals", "kms:ViaService", via_service(input)),
        );
        explanations.push(Explanation {
            sid: CALLERS_SID.into(),
            why: format!(
                "Lets {} use the key, but only in requests CloudWatch Logs makes on their behalf (kms:ViaService = {logs}), so the roles can {} the encrypted log groups without being able to use the key directly.",
                role_words(&callers),
                caller_verbs(input)
            ),
            doc_url: VIA_SERVICE_DOC,
            kept_because: None,
        });
    }
    Document::key_policy(statements, explanations, input.is_new_key())
}

fn role_words(callers: &[&str]) -> String {
    match callers {
        [one] => one.to_string(),
        many => format!("the {} listed roles", many.len()),
    }
}

fn caller_policy(input: &LogGroupKeySpec) -> Document {
    let statement = Statement {
        sid: Some(IAM_SID.into()),
        effect: Some(crate::policy::Effect::Allow.into()),
        action: Some(ValueList::of(caller_actions(input).iter().copied())),
        resource: Some(ValueList::of([input.key_arn_or_placeholder()])),
        ..Statement::default()
    }
    .with_condition("StringEquals", "kms:ViaService", via_service(input));
    let why = format!(
        "Lets {} use this key only through CloudWatch Logs in {}. It works because the key policy's first statement lets IAM policies in account {} grant access to the key.",
        role_words(&input.caller_arns()),
        input.region(),
        input.account()
    );
    Document {
        name: "IAM policy for the caller roles".into(),
        file_name: "caller-policy.json".into(),
        kind: PolicyKind::Identity,
        policy: Policy::new(vec![statement]),
        explanations: vec![Explanation {
            sid: IAM_SID.into(),
            why,
            doc_url: VIA_SERVICE_DOC,
            kept_because: None,
        }],
        fragment: false,
        expected_findings: Vec::new(),
    }
}

fn old_key_policy(input: &LogGroupKeySpec) -> Document {
    let logs = input.partition.logs_principal(input.region());
    let (root, root_why) = root_statement(input);
    let decrypt_only = Statement {
        sid: Some(LOGS_SID.into()),
        effect: Some(crate::policy::Effect::Allow.into()),
        principal: Some(Principal::service(logs.as_str())),
        action: Some(ValueList::array_of(["kms:Decrypt"])),
        resource: Some(ValueList::of(["*"])),
        ..Statement::default()
    };
    // Why AWS's decrypt-only statement (§1.7) has no source condition, shown next to it.
    const OLD_KEY_WITHOUT_CONTEXT: &str = "AWS's decrypt-only form has no condition: events written before the key was associated, or before CloudWatch Logs put the log group ARN into the encryption context, carry no such context, and a condition could make them unreadable. It still lets CloudWatch Logs decrypt, never encrypt.";
    let decrypt_only = if input.keep_context_on_old_key {
        context_condition(input, decrypt_only)
    } else {
        decrypt_only
    };
    let scope_note = if input.keep_context_on_old_key {
        format!("still only for {}: data encrypted without that context can no longer be read", scope_words(input))
    } else {
        "for any encryption context, as AWS's procedure has it: data encrypted before CloudWatch Logs added the log-group context carries none, and a context condition would make it unreadable".to_owned()
    };
    let mut statements = vec![root, decrypt_only];
    let mut explanations = vec![
        root_why,
        Explanation {
            sid: LOGS_SID.into(),
            why: format!(
                "After rotation new events use the new key, but events ingested earlier stay encrypted under this one. CloudWatch Logs keeps kms:Decrypt {scope_note}, so that old data stays readable; it can no longer encrypt with this key. Do not disable or delete this key while that data is retained."
            ),
            doc_url: ENCRYPT_LOG_DATA_DOC,
            kept_because: (!input.keep_context_on_old_key).then_some(OLD_KEY_WITHOUT_CONTEXT),
        },
    ];
    let callers = input.caller_arns();
    if input.caller_permission == CallerPermission::KeyPolicy && !callers.is_empty() {
        statements.push(
            Statement {
                sid: Some(CALLERS_SID.into()),
                effect: Some(crate::policy::Effect::Allow.into()),
                principal: Some(Principal::aws(callers.iter().copied())),
                action: Some(ValueList::array_of(["kms:Decrypt"])),
                resource: Some(ValueList::of(["*"])),
                ..Statement::default()
            }
            .with_condition("StringEquals", "kms:ViaService", via_service(input)),
        );
        explanations.push(Explanation {
            sid: CALLERS_SID.into(),
            why: format!(
                "{} can still read the old events through CloudWatch Logs, and nothing more.",
                role_words(&callers)
            ),
            doc_url: VIA_SERVICE_DOC,
            kept_because: None,
        });
    }
    let mut policy = Policy::new(statements);
    policy.id = Some(Text::new("key-default-1"));
    Document {
        name: "Policy for the old key (decrypt only)".into(),
        file_name: "old-key-policy.json".into(),
        kind: PolicyKind::Key,
        policy,
        explanations,
        fragment: false,
        expected_findings: (!input.keep_context_on_old_key)
            .then(|| ExpectedFinding {
                code: "SEC002",
                sid: LOGS_SID.into(),
                because: OLD_KEY_WITHOUT_CONTEXT,
            })
            .into_iter()
            .collect(),
    }
}

pub fn notes(input: &LogGroupKeySpec) -> Vec<String> {
    let mut notes = vec![
        "Only events ingested after the association are encrypted with the key; earlier events keep their previous encryption.".to_owned(),
        "Associating or disassociating a key takes up to 5 minutes to take effect.".to_owned(),
        "The key must be a symmetric encryption key (SYMMETRIC_DEFAULT, ENCRYPT_DECRYPT) in the same Region as the log groups.".to_owned(),
        "Never disable the key or schedule its deletion while log data encrypted with it is retained: that data becomes unreadable.".to_owned(),
        "This key does not encrypt Logs Insights query results; that needs a separate query-result key.".to_owned(),
    ];
    if input.scope != Scope::OneGroup {
        notes.push("AWS recommends a separate key for each encrypted log group.".to_owned());
    }
    if input.scope == Scope::Account && input.group_names().is_empty() {
        notes.push(format!(
            "No log groups are listed, so the steps associate the key with none: until you run aws logs associate-kms-key --region {} --log-group-name NAME --kms-key-id KEY_ARN for a log group (or create one with --kms-key-id), nothing is encrypted with this key.",
            input.region()
        ));
    }
    notes.extend(crate::scenarios::logs_principal::unverified_note(input.partition, input.region()));
    if input.partition == crate::catalog::Partition::AwsCn && input.caller_permission != CallerPermission::None {
        notes.push("Unverified: in AWS China the kms:ViaService value logs.REGION.amazonaws.com.cn is inferred, not documented: test it before relying on it.".to_owned());
    }
    let decrypt_only = input.caller_access == CallerAccess::ReadOnly || input.is_rotation();
    if decrypt_only && input.caller_permission != CallerPermission::None && !input.caller_arns().is_empty() {
        // AWS shows only the full action set for callers (§1.5); Decrypt alone is this tool's reading.
        notes.push(format!(
            "Unverified: the roles read with kms:Decrypt alone ({}). AWS documents only the full action set for roles that use an encrypted log group; that kms:Decrypt alone lets a role read or query one is inferred, not documented. Test a read (aws logs get-log-events, or a Logs Insights query) as the role before relying on it.",
            if input.caller_access == CallerAccess::ReadOnly { "read-only access" } else { "on the old key" }
        ));
    }
    if input.is_rotation() {
        notes.push("The old key's policy below replaces its whole policy: if it has statements of its own, keep them (back-up is saved by the steps).".to_owned());
    }
    notes
}
