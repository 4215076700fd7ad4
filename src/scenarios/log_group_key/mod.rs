//! Scenario 1: a customer managed KMS key for CloudWatch Logs log groups (domain-facts §1).
//!
//! The key policy lets `logs.REGION.amazonaws.com` use the key only for the chosen log groups
//! (`kms:EncryptionContext:aws:logs:arn`), optionally lets caller roles use it through CloudWatch
//! Logs (`kms:ViaService`), and when rotating reduces the old key to decrypt-only.

mod calls;
mod check;
mod fields;
mod policies;
pub(crate) mod steps;

pub use check::{check_input, check_log_groups};
pub use policies::{scope_words, service_statement, CONTEXT_KEY, ROOT_SID, SERVICE_ACTIONS};

use super::calls::RequiredCall;
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

impl LogGroupKeyInput {
    /// Non-empty log group names, trimmed.
    pub fn group_names(&self) -> Vec<&str> {
        self.log_groups
            .iter()
            .map(|g| g.trim())
            .filter(|g| !g.is_empty())
            .collect()
    }

    /// Non-empty caller ARNs, trimmed; none when no caller permission is wanted.
    pub fn caller_arns(&self) -> Vec<&str> {
        if self.caller_permission == CallerPermission::None {
            return Vec::new();
        }
        self.callers
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect()
    }

    pub fn is_new_key(&self) -> bool {
        self.key_arn.trim().is_empty()
    }

    pub fn is_rotation(&self) -> bool {
        !self.rotate_from.trim().is_empty()
    }

    /// `arn:P:logs:R:A:log-group:NAME`: the form CloudWatch Logs puts in the encryption context
    /// (never with a trailing `:*`).
    pub fn log_group_arn(&self, name: &str) -> String {
        crate::scenarios::identifiers::arn::log_group(self.partition, self.region.trim(), self.account.trim(), name)
    }

    /// The ARN that stands for the key in documents: the given one, or a placeholder the steps
    /// replace with the new key's ARN.
    pub fn key_arn_or_placeholder(&self) -> String {
        if self.is_new_key() {
            crate::scenarios::identifiers::arn::key(self.partition, self.region.trim(), self.account.trim(), NEW_KEY_ID)
        } else {
            self.key_arn.trim().to_owned()
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
    type Spec = LogGroupKeyInput;

    fn fields() -> &'static [FieldSpec] {
        fields::FIELDS
    }

    fn parse(input: &LogGroupKeyInput) -> (LogGroupKeyInput, Vec<FieldError>) {
        (input.clone(), check_input(input))
    }

    fn generate(input: &LogGroupKeyInput) -> Bundle {
        generate(input)
    }

    fn required_calls(input: &LogGroupKeyInput) -> Vec<RequiredCall> {
        calls::required_calls(input)
    }
}

/// The whole bundle for these inputs. Works on any input (field problems come from
/// [`check_input`]); values are used as typed, trimmed.
pub fn generate(input: &LogGroupKeyInput) -> Bundle {
    let documents = policies::documents(input);
    let steps = steps::steps(input, &documents);
    let mut notes = policies::notes(input);
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
