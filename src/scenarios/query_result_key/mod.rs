//! Scenario 2: a customer managed KMS key for Logs Insights query results (domain-facts §2).
//!
//! The key policy lets `logs.REGION.amazonaws.com` use the key only for this account's query
//! results (`aws:SourceArn` = `arn:…:logs:REGION:ACCOUNT:query-result:*`, `aws:SourceAccount`),
//! optionally in a separate statement for log groups too; the steps associate the key with
//! `--resource-identifier` and check `encryptionKey` in `get-query-results`.

mod calls;
mod fields;
mod notes;
mod policies;
mod steps;

use super::identifiers::{arn, AccountId, Field, KeyArn, Place, Region};
use super::log_group_key::{self, LogGroupKeySpec, Scope, NEW_KEY_ID};
use super::facts::{Given, ScenarioFacts};
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

/// The query-result-key input parsed once: the values every document, step and note uses,
/// trimmed and normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryResultKeySpec {
    pub partition: Partition,
    pub region: Field<Region>,
    pub account: Field<AccountId>,
    /// The existing key; `None` when a new key is created.
    pub key: Option<Field<KeyArn>>,
    pub share_with_log_groups: bool,
    pub log_group_scope: Scope,
    pub observability_role: ObservabilityRole,
    /// The place and the shared log groups (trimmed, blanks left out; none unless the key is
    /// shared) as a log-group-key spec, so that scenario's log-group rules and ARN forms apply
    /// unchanged to the shared statement.
    pub log_group_key: LogGroupKeySpec,
}

impl QueryResultKeySpec {
    /// Parses `input`, reporting every problem next to its field in the form's order.
    pub fn parse(input: &QueryResultKeyInput) -> (QueryResultKeySpec, Vec<FieldError>) {
        let mut out = Vec::new();
        let place = Place { partition: input.partition, region: &input.region, account: &input.account };
        let region = Region::parse("region", &input.region, input.partition, &mut out);
        let account = AccountId::parse("account", &input.account, "whose query results are encrypted")
            .map_err(|problem| out.push(problem))
            .ok();
        let key = Field::optional(&input.key_arn, |text| KeyArn::parse("key-arn", text, place, &mut out));
        // The shared statement is log_group_key's, so its log-group rules (names, and their number
        // against the scope) apply word for word under the same field name, and only when sharing;
        // its checks of the other fields are the ones above.
        let shared_groups = match input.share_with_log_groups {
            true => log_group_key::parse_log_groups(input.log_group_scope, &input.log_groups, &mut out),
            false => Vec::new(),
        };
        let region = Field::new(region, &input.region);
        let account = Field::new(account, &input.account);
        let log_group_key = LogGroupKeySpec::for_log_groups(
            input.partition,
            region.clone(),
            account.clone(),
            input.log_group_scope,
            shared_groups,
        );
        let spec = QueryResultKeySpec {
            partition: input.partition,
            region,
            account,
            key,
            share_with_log_groups: input.share_with_log_groups,
            log_group_scope: input.log_group_scope,
            observability_role: input.observability_role,
            log_group_key,
        };
        (spec, out)
    }

    pub fn is_new_key(&self) -> bool {
        self.key.is_none()
    }

    pub fn region(&self) -> &str {
        self.region.as_str()
    }

    pub fn account(&self) -> &str {
        self.account.as_str()
    }

    /// `arn:P:logs:R:A:query-result:*`: what `--resource-identifier` and `aws:SourceArn` name.
    pub fn query_result_arn(&self) -> String {
        arn::logs(self.partition, self.region(), self.account(), "query-result:*")
    }

    /// The shared log group names; none unless the key is shared with log groups.
    pub fn shared_group_names(&self) -> Vec<&str> {
        self.log_group_key.group_names()
    }

    /// The given key ARN, or one with [`NEW_KEY_ID`] that the steps replace with the created key.
    pub fn key_arn_or_placeholder(&self) -> String {
        match &self.key {
            Some(key) => key.as_str().to_owned(),
            None => arn::key(self.partition, self.region(), self.account(), NEW_KEY_ID),
        }
    }

    /// The account whose administrators keep control of the key: the key ARN's account when an
    /// existing key names a valid one (a key elsewhere is warned about), else this account.
    pub fn key_owner(&self) -> String {
        match self.key.as_ref().map(|k| Arn::parse(k.as_str())) {
            Some(Ok(arn)) if is_account_id(arn.account) => arn.account.to_owned(),
            _ => self.account().to_owned(),
        }
    }
}

/// The query-result-key scenario.
pub struct QueryResultKey;

impl Scenario for QueryResultKey {
    const ID: ScenarioId = ScenarioId::QueryResultKey;
    type Input = QueryResultKeyInput;
    type Spec = QueryResultKeySpec;

    fn fields() -> &'static [FieldSpec] {
        fields::FIELDS
    }

    fn parse(input: &QueryResultKeyInput) -> (QueryResultKeySpec, Vec<FieldError>) {
        QueryResultKeySpec::parse(input)
    }

    fn generate(spec: &QueryResultKeySpec) -> Bundle {
        bundle(spec)
    }

    fn required_calls(spec: &QueryResultKeySpec) -> Vec<crate::scenarios::calls::RequiredCall> {
        calls::required_calls(spec)
    }

    /// The key, in the given Region and account; the shared log groups, when the key is shared.
    fn facts(spec: &QueryResultKeySpec, given: &Given) -> ScenarioFacts {
        let region = given.then("region", spec.region());
        let account = given.then("account", spec.account());
        let log_group_arns = ScenarioFacts::log_group_arns(
            spec.partition,
            region.as_deref(),
            account.as_deref(),
            &spec.shared_group_names(),
        );
        ScenarioFacts {
            partition: Some(spec.partition.id().to_owned()),
            key_arn: given.then("key-arn", spec.key.as_ref().map_or("", Field::as_str)),
            log_group_arns,
            region,
            account,
            ..ScenarioFacts::default()
        }
    }
}

/// Every problem with the inputs; an empty list means the bundle is ready to use.
pub fn check_input(input: &QueryResultKeyInput) -> Vec<FieldError> {
    QueryResultKeySpec::parse(input).1
}

/// The whole bundle for these inputs. Works on any input (field problems come from
/// [`check_input`]).
pub fn generate(input: &QueryResultKeyInput) -> Bundle {
    bundle(&QueryResultKeySpec::parse(input).0)
}

fn bundle(spec: &QueryResultKeySpec) -> Bundle {
    let documents = policies::documents(spec);
    let steps = steps::steps(spec, &documents);
    Bundle {
        scenario: ScenarioId::QueryResultKey,
        documents,
        files: Vec::new(),
        steps,
        notes: notes::notes(spec),
    }
}

#[cfg(test)]
mod tests;
