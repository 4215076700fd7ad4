//! Scenario 2: a customer managed KMS key for Logs Insights query results (domain-facts §2).
//!
//! The key policy lets `logs.REGION.amazonaws.com` use the key only for this account's query
//! results (`aws:SourceArn` = `arn:…:logs:REGION:ACCOUNT:query-result:*`, `aws:SourceAccount`),
//! optionally in a separate statement for log groups too; the steps associate the key with
//! `--resource-identifier` and check `encryptionKey` in `get-query-results`.

mod calls;
mod check;
mod fields;
mod notes;
mod policies;
mod steps;

pub use check::check_input;

use super::log_group_key::{LogGroupKeyInput, Scope};
use super::{Bundle, FieldError, FieldSpec, Scenario, ScenarioId};
use crate::catalog::Partition;
use crate::policy::{is_account_id, Arn};
use serde::{Deserialize, Serialize};

/// This account's part in CloudWatch cross-account observability, which decides whose
/// query-result key encrypts a cross-account query's results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ObservabilityRole {
    #[default]
    None,
    /// Queries it runs over source accounts' log groups use its key.
    Monitoring,
    /// Queries the monitoring account runs over its log groups use the monitoring account's key.
    Source,
}

/// The form's inputs, named as the form fields and CLI flags are (kebab-case).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct QueryResultKeyInput {
    pub partition: Partition,
    pub region: String,
    /// The account whose queries' results are encrypted.
    pub account: String,
    /// The existing key's ARN; empty to create a new key.
    pub key_arn: String,
    /// Also let CloudWatch Logs use the key for log groups (a separate key-policy statement).
    pub share_with_log_groups: bool,
    /// Which log groups may share the key; used only when sharing.
    pub log_group_scope: Scope,
    /// Log group names (not ARNs); used only when sharing.
    pub log_groups: Vec<String>,
    pub observability_role: ObservabilityRole,
}

impl Default for QueryResultKeyInput {
    /// AWS's documentation example values, so the page shows a complete bundle at once; the log
    /// group is prefilled so that ticking "share" gives a complete bundle too.
    fn default() -> Self {
        QueryResultKeyInput {
            partition: Partition::Aws,
            region: "us-east-1".into(),
            account: "111122223333".into(),
            key_arn: String::new(),
            share_with_log_groups: false,
            log_group_scope: Scope::OneGroup,
            log_groups: vec!["my-log-group".into()],
            observability_role: ObservabilityRole::None,
        }
    }
}

impl QueryResultKeyInput {
    pub fn is_new_key(&self) -> bool {
        self.key_arn.trim().is_empty()
    }

    /// `arn:P:logs:R:A:query-result:*`: what `--resource-identifier` and `aws:SourceArn` name.
    pub fn query_result_arn(&self) -> String {
        crate::scenarios::identifiers::arn::logs(self.partition, self.region.trim(), self.account.trim(), "query-result:*")
    }

    /// The same place and log groups as a log-group-key input, so that scenario's log-group
    /// rules and ARN forms apply unchanged to the shared statement.
    pub fn as_log_group_key(&self) -> LogGroupKeyInput {
        LogGroupKeyInput {
            partition: self.partition,
            region: self.region.clone(),
            account: self.account.clone(),
            scope: self.log_group_scope,
            log_groups: self.log_groups.clone(),
            ..LogGroupKeyInput::default()
        }
    }

    /// Trimmed, non-empty log group names; none unless the key is shared with log groups.
    pub fn shared_group_names(&self) -> Vec<&str> {
        if !self.share_with_log_groups {
            return Vec::new();
        }
        self.log_groups
            .iter()
            .map(|g| g.trim())
            .filter(|g| !g.is_empty())
            .collect()
    }

    /// The account whose administrators keep control of the key: the key ARN's account when an
    /// existing key names a valid one (a key elsewhere is warned about), else this account.
    pub fn key_owner(&self) -> String {
        match Arn::parse(self.key_arn.trim()) {
            Ok(arn) if is_account_id(arn.account) => arn.account.to_owned(),
            _ => self.account.trim().to_owned(),
        }
    }
}

/// The query-result-key scenario.
pub struct QueryResultKey;

impl Scenario for QueryResultKey {
    const ID: ScenarioId = ScenarioId::QueryResultKey;
    type Input = QueryResultKeyInput;

    fn fields() -> &'static [FieldSpec] {
        fields::FIELDS
    }

    fn check_input(input: &QueryResultKeyInput) -> Vec<FieldError> {
        check_input(input)
    }

    fn generate(input: &QueryResultKeyInput) -> Bundle {
        generate(input)
    }

    fn required_calls(input: &QueryResultKeyInput) -> Vec<crate::scenarios::calls::RequiredCall> {
        calls::required_calls(input)
    }
}

/// The whole bundle for these inputs. Works on any input (field problems come from
/// [`check_input`]); values are used as typed, trimmed.
pub fn generate(input: &QueryResultKeyInput) -> Bundle {
    let documents = policies::documents(input);
    let steps = steps::steps(input, &documents);
    Bundle {
        scenario: crate::scenarios::ScenarioId::QueryResultKey,
        documents,
        files: Vec::new(),
        steps,
        notes: notes::notes(input),
    }
}

#[cfg(test)]
mod tests;
