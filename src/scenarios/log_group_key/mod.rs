//! Scenario 1: a customer managed KMS key for CloudWatch Logs log groups (domain-facts §1).
//!
//! The key policy lets `logs.REGION.amazonaws.com` use the key only for the chosen log groups
//! (`kms:EncryptionContext:aws:logs:arn`), optionally lets caller roles use it through CloudWatch
//! Logs (`kms:ViaService`), and when rotating reduces the old key to decrypt-only.

mod calls;
mod fields;
mod parse;
mod policies;
pub(crate) mod steps;

pub use parse::{parse, parse_log_groups};
pub use policies::{scope_words, service_statement, CONTEXT_KEY, ROOT_SID, SERVICE_ACTIONS};

use super::calls::RequiredCall;
use super::facts::{Given, ScenarioFacts};
use super::identifiers::{arn, AccountId, Field, KeyArn, LogGroupName, Region};
use super::retention::Retention;
use super::{Bundle, FieldError, FieldSpec, Scenario, ScenarioId};
use crate::catalog::Partition;
use serde::{Deserialize, Serialize};

/// Which log groups the key may be used for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// One log group, `ArnEquals` on its ARN (AWS's recommendation: a key per log group).
    #[default]
    OneGroup,
    /// The listed log groups, `ArnEquals` on a list of ARNs.
    SeveralGroups,
    /// Every log group in the account and Region, `ArnLike` on `arn:…:logs:REGION:ACCOUNT:*`.
    Account,
}

/// Where the caller roles' permission to use the key through CloudWatch Logs lives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CallerPermission {
    /// No caller roles need the key.
    #[default]
    None,
    /// A key-policy statement naming the roles, limited by `kms:ViaService`.
    KeyPolicy,
    /// An IAM policy for the roles, limited by `kms:ViaService`, scoped to the key ARN.
    IamPolicy,
}

/// What the caller roles do with the encrypted log groups: AWS's documented actions (§1.5), or only
/// reading them (`kms:Decrypt`), which is all a role that queries or reads events needs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CallerAccess {
    #[default]
    ReadWrite,
    ReadOnly,
}

/// Whether the log groups are created with the key or already exist.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LogGroupState {
    #[default]
    New,
    Existing,
}

/// The form's inputs, named as the form fields and CLI flags are (kebab-case).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct LogGroupKeyInput {
    pub partition: Partition,
    pub region: String,
    pub account: String,
    /// The existing key's ARN; empty to create a new key.
    pub key_arn: String,
    pub scope: Scope,
    /// Log group names (not ARNs).
    pub log_groups: Vec<String>,
    /// Role (or user) ARNs that call CloudWatch Logs and need the key through it.
    pub callers: Vec<String>,
    pub caller_permission: CallerPermission,
    pub caller_access: CallerAccess,
    pub log_group_state: LogGroupState,
    /// How long the new log groups keep their events (not changed on existing ones).
    pub retention: Retention,
    /// The ARN of the key the log groups use now; empty when not rotating.
    pub rotate_from: String,
    /// When rotating, keep the encryption-context condition on the old key's decrypt-only
    /// statement. Off by default, as in AWS's procedure: data written before CloudWatch Logs
    /// added the log-group context carries none, and the condition would lock it out (§1.7).
    pub keep_context_on_old_key: bool,
}

impl Default for LogGroupKeyInput {
    /// AWS's documentation example values, so the page shows a complete bundle at once.
    fn default() -> Self {
        LogGroupKeyInput {
            partition: Partition::Aws,
            region: "us-east-1".into(),
            account: "111122223333".into(),
            key_arn: String::new(),
            scope: Scope::OneGroup,
            log_groups: vec!["my-log-group".into()],
            callers: Vec::new(),
            caller_permission: CallerPermission::None,
            caller_access: CallerAccess::ReadWrite,
            log_group_state: LogGroupState::New,
            retention: Retention::default(),
            rotate_from: String::new(),
            keep_context_on_old_key: false,
        }
    }
}

/// The log-group-key input parsed once: the values every document, step and note uses, trimmed
/// and normalised (see [`parse::parse`] for the checks, in the form's order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogGroupKeySpec {
    pub partition: Partition,
    pub region: Field<Region>,
    pub account: Field<AccountId>,
    /// The existing key; `None` when a new key is created.
    pub key: Option<Field<KeyArn>>,
    pub scope: Scope,
    /// The listed log group names, trimmed, blanks left out.
    pub groups: Vec<Field<LogGroupName>>,
    /// The caller ARNs, trimmed, blanks left out; none when no caller permission is wanted.
    pub callers: Vec<String>,
    pub caller_permission: CallerPermission,
    pub caller_access: CallerAccess,
    pub log_group_state: LogGroupState,
    pub retention: Retention,
    /// The key the log groups use now; `None` when not rotating.
    pub rotate_from: Option<Field<KeyArn>>,
    pub keep_context_on_old_key: bool,
}

impl LogGroupKeySpec {
    /// The spec of a statement for log groups alone, as query-result-key shares its key with
    /// them: a new key, no callers, no rotation, so only the place, scope and names count.
    pub fn for_log_groups(
        partition: Partition,
        region: Field<Region>,
        account: Field<AccountId>,
        scope: Scope,
        groups: Vec<Field<LogGroupName>>,
    ) -> LogGroupKeySpec {
        LogGroupKeySpec {
            partition,
            region,
            account,
            key: None,
            scope,
            groups,
            callers: Vec::new(),
            caller_permission: CallerPermission::None,
            caller_access: CallerAccess::ReadWrite,
            log_group_state: LogGroupState::New,
            retention: Retention::default(),
            rotate_from: None,
            keep_context_on_old_key: false,
        }
    }

    pub fn region(&self) -> &str {
        self.region.as_str()
    }

    pub fn account(&self) -> &str {
        self.account.as_str()
    }

    /// The log group names as the bundle writes them.
    pub fn group_names(&self) -> Vec<&str> {
        self.groups.iter().map(Field::as_str).collect()
    }

    /// The caller ARNs; none when no caller permission is wanted.
    pub fn caller_arns(&self) -> Vec<&str> {
        self.callers.iter().map(String::as_str).collect()
    }

    pub fn is_new_key(&self) -> bool {
        self.key.is_none()
    }

    pub fn is_rotation(&self) -> bool {
        self.rotate_from.is_some()
    }

    /// The given key's ARN; empty for a new key.
    pub fn key_arn(&self) -> &str {
        self.key.as_ref().map_or("", Field::as_str)
    }

    /// The old key's ARN; empty when not rotating.
    pub fn rotate_from(&self) -> &str {
        self.rotate_from.as_ref().map_or("", Field::as_str)
    }

    /// `arn:P:logs:R:A:log-group:NAME`: the form CloudWatch Logs puts in the encryption context
    /// (never with a trailing `:*`).
    pub fn log_group_arn(&self, name: &str) -> String {
        arn::log_group(self.partition, self.region(), self.account(), name)
    }

    /// The ARN that stands for the key in documents: the given one, or a placeholder the steps
    /// replace with the new key's ARN.
    pub fn key_arn_or_placeholder(&self) -> String {
        match &self.key {
            Some(key) => key.as_str().to_owned(),
            None => arn::key(self.partition, self.region(), self.account(), NEW_KEY_ID),
        }
    }
}

/// Stands for the key ID that `create-key` returns.
pub const NEW_KEY_ID: &str = "NEW-KEY-ID";

/// The log-group-key scenario.
pub struct LogGroupKey;

impl Scenario for LogGroupKey {
    const ID: ScenarioId = ScenarioId::LogGroupKey;
    type Input = LogGroupKeyInput;
    type Spec = LogGroupKeySpec;

    fn fields() -> &'static [FieldSpec] {
        fields::FIELDS
    }

    fn parse(input: &LogGroupKeyInput) -> (LogGroupKeySpec, Vec<FieldError>) {
        parse(input)
    }

    fn generate(spec: &LogGroupKeySpec) -> Bundle {
        bundle(spec)
    }

    fn required_calls(spec: &LogGroupKeySpec) -> Vec<RequiredCall> {
        calls::required_calls(spec)
    }

    /// The key, and the log groups it must cover in the given Region and account.
    fn facts(spec: &LogGroupKeySpec, given: &Given) -> ScenarioFacts {
        let region = given.then("region", spec.region());
        let account = given.then("account", spec.account());
        let log_group_arns =
            ScenarioFacts::log_group_arns(spec.partition, region.as_deref(), account.as_deref(), &spec.group_names());
        ScenarioFacts {
            partition: Some(spec.partition.id().to_owned()),
            key_arn: given.then("key-arn", spec.key_arn()),
            log_group_arns,
            region,
            account,
            ..ScenarioFacts::default()
        }
    }
}

/// Every problem with the inputs; an empty list means the bundle is ready to use.
pub fn check_input(input: &LogGroupKeyInput) -> Vec<FieldError> {
    parse(input).1
}

/// The whole bundle for these inputs. Works on any input (field problems come from
/// [`check_input`]).
pub fn generate(input: &LogGroupKeyInput) -> Bundle {
    bundle(&parse(input).0)
}

fn bundle(spec: &LogGroupKeySpec) -> Bundle {
    let documents = policies::documents(spec);
    let steps = steps::steps(spec, &documents);
    let mut notes = policies::notes(spec);
    notes.extend(crate::scenarios::step::operator::permissions_note(&steps, |_| false));
    Bundle {
        scenario: crate::scenarios::ScenarioId::LogGroupKey,
        documents,
        files: Vec::new(),
        steps,
        notes,
    }
}

#[cfg(test)]
mod tests;
