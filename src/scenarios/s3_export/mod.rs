//! Scenario 3: export log groups with CreateExportTask into an S3 bucket encrypted with SSE-KMS
//! (domain-facts §3).
//!
//! The bucket policy lets `logs.REGION.amazonaws.com` read the bucket ACL and write under the
//! prefix, only for the source accounts' log groups; the key policy lets it use the bucket's key;
//! the caller policy lets the exporting role start and follow export tasks and, when the bucket is
//! in another account, write to it. [`troubleshoot`] turns an error message back into the
//! statement that fixes it.

mod calls;
mod check_callers;
mod dates;
mod fields;
mod notes;
mod parse;
mod policies;
mod steps;
pub mod troubleshoot;

pub use dates::{date_to_epoch_millis, DateError, ExportDate, DAY_MILLIS};
pub use parse::parse;
pub use policies::{
    BUCKET_POLICY_FILE, CALLER_POLICY_FILE, CALLER_WRITE_SID, ENCRYPTION_FILE, EXPORT_SID, FOLLOW_SID, GET_ACL_SID,
    KEY_POLICY_FILE, KEY_USE_SID, LOGS_KEY_SID, PUT_OBJECT_SID, ROLES_KEY_SID, ROLES_PUT_SID, ROOT_SID,
};
pub use troubleshoot::{diagnose, Diagnosis, KnownError, KNOWN_ERRORS};

use super::identifiers::{arn, AccountId, BucketName, Field, KeyArn, LogGroupName, Region};
use super::facts::{Given, ScenarioFacts};
use super::{Bundle, FieldError, FieldSpec, Scenario, ScenarioId};
use crate::catalog::Partition;
use serde::{Deserialize, Serialize};

/// The bucket's default encryption.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encryption {
    /// A customer managed KMS key (the scenario's subject).
    #[default]
    SseKms,
    /// S3 managed keys (AES256): no key policy needed.
    SseS3,
    /// Dual-layer KMS encryption: CloudWatch Logs cannot export to it; offered only to refuse it.
    DsseKms,
}

/// Which log groups `aws:SourceArn` admits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceScope {
    /// `log-group:*` of every source account: AWS's documented form.
    #[default]
    Accounts,
    /// Only the listed log groups of the log-group account (unverified ARN form, see notes).
    LogGroups,
}

/// Whether the steps create the bucket or change an existing one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BucketState {
    #[default]
    New,
    Existing,
}

/// The form's inputs, named as the form fields and CLI flags are (kebab-case).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct S3ExportInput {
    pub partition: Partition,
    /// The log groups' Region.
    pub region: String,
    /// The account that owns the log groups and runs the export.
    pub account: String,
    /// Log group names (not ARNs).
    pub log_groups: Vec<String>,
    /// First day exported, `YYYY-MM-DD`, from 00:00 UTC.
    pub from: String,
    /// Last day exported, `YYYY-MM-DD`, through 23:59:59.999 UTC.
    pub to: String,
    /// Bucket name (not ARN).
    pub bucket: String,
    /// The bucket owner; empty when it is `account`.
    pub bucket_account: String,
    /// Empty when it is `region`; anything else is refused (no cross-Region export).
    pub bucket_region: String,
    pub bucket_state: BucketState,
    /// `destinationPrefix`; empty lets CloudWatch Logs use `exportedlogs`.
    pub prefix: String,
    pub encryption: Encryption,
    /// The bucket's default key; empty to create one.
    pub key_arn: String,
    /// Object Ownership is not "bucket owner enforced", so ACLs still apply.
    pub acls_enabled: bool,
    pub source_scope: SourceScope,
    /// Further accounts whose log groups may export into this bucket.
    pub other_accounts: Vec<String>,
    /// Role or user ARNs (in `account`) that run create-export-task.
    pub callers: Vec<String>,
}

impl Default for S3ExportInput {
    /// AWS's documentation values where they are valid (its bucket name is reserved, so not that).
    fn default() -> Self {
        S3ExportInput {
            partition: Partition::Aws,
            region: "us-east-1".into(),
            account: "123456789012".into(),
            log_groups: vec!["my-log-group".into()],
            from: "2015-09-05".into(),
            to: "2015-09-05".into(),
            bucket: "my-exported-logs".into(),
            bucket_account: String::new(),
            bucket_region: String::new(),
            bucket_state: BucketState::New,
            prefix: String::new(),
            encryption: Encryption::SseKms,
            key_arn: String::new(),
            acls_enabled: false,
            source_scope: SourceScope::Accounts,
            other_accounts: Vec::new(),
            callers: Vec::new(),
        }
    }
}

/// Stands for the key ID that `create-key` returns.
pub const NEW_KEY_ID: &str = "NEW-KEY-ID";

/// The prefix CloudWatch Logs writes under when none is given.
pub const DEFAULT_PREFIX: &str = "exportedlogs";

/// The s3-export input parsed once: the values every document, step and note uses, trimmed and
/// normalised (see [`parse::parse`] for the checks, in the form's order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct S3ExportSpec {
    pub partition: Partition,
    pub region: Field<Region>,
    pub account: Field<AccountId>,
    /// The listed log group names, trimmed, blanks left out.
    pub groups: Vec<Field<LogGroupName>>,
    pub from: Field<ExportDate>,
    pub to: Field<ExportDate>,
    pub bucket: Field<BucketName>,
    /// The bucket owner when another account owns it; `None` when it is `account`.
    pub bucket_account: Option<Field<AccountId>>,
    pub bucket_state: BucketState,
    /// The prefix without surrounding whitespace or slashes; empty when none is given.
    pub prefix: String,
    pub encryption: Encryption,
    /// The bucket's default key; `None` to create one.
    pub key: Option<Field<KeyArn>>,
    pub acls_enabled: bool,
    pub source_scope: SourceScope,
    /// Further source accounts, trimmed, blanks left out.
    pub other_accounts: Vec<String>,
    /// The exporting role or user ARNs, trimmed, blanks left out.
    pub callers: Vec<String>,
}

/// What tests and callers outside the scenario ask of the form's values, from their spec.
impl S3ExportInput {
    /// See [`S3ExportSpec::logs_principal`].
    pub fn logs_principal(&self) -> String {
        parse(self).0.logs_principal()
    }

    /// See [`S3ExportSpec::key_arn_or_placeholder`].
    pub fn key_arn_or_placeholder(&self) -> String {
        parse(self).0.key_arn_or_placeholder()
    }
}

impl S3ExportSpec {
    pub fn region(&self) -> &str {
        self.region.as_str()
    }

    pub fn account(&self) -> &str {
        self.account.as_str()
    }

    pub fn bucket(&self) -> &str {
        self.bucket.as_str()
    }

    pub fn group_names(&self) -> Vec<&str> {
        self.groups.iter().map(Field::as_str).collect()
    }

    pub fn caller_arns(&self) -> Vec<&str> {
        self.callers.iter().map(String::as_str).collect()
    }

    pub fn other_account_ids(&self) -> Vec<&str> {
        self.other_accounts.iter().map(String::as_str).collect()
    }

    /// The account that owns the bucket (and, by convention, its key).
    pub fn bucket_owner(&self) -> &str {
        self.bucket_account.as_ref().map_or(self.account(), Field::as_str)
    }

    pub fn is_cross_account(&self) -> bool {
        self.bucket_owner() != self.account()
    }

    /// Bucket owner first, then the log-group account, then the others, each once: the order of
    /// AWS's example, where the bucket owner is listed as AWS recommends. With the log-groups
    /// scope the bucket owner is left out: only the listed groups (and the other accounts the
    /// user names) may export, and the owner's log groups are neither.
    pub fn source_accounts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let owner = (self.source_scope == SourceScope::Accounts).then(|| self.bucket_owner());
        let all = owner
            .into_iter()
            .chain([self.account()])
            .chain(self.other_account_ids());
        for account in all {
            if !account.is_empty() && !out.contains(&account) {
                out.push(account);
            }
        }
        out
    }

    /// The account whose root the key policy trusts: the given key's account, else the bucket
    /// owner's (where the steps create the key).
    pub fn key_owner(&self) -> &str {
        match crate::policy::Arn::parse(self.key_arn()) {
            Ok(arn) if arn.has_valid_account() => arn.account,
            _ => self.bucket_owner(),
        }
    }

    /// SSE-KMS, and DSSE-KMS (refused, but the bundle still shows its key policy).
    pub fn uses_kms(&self) -> bool {
        self.encryption != Encryption::SseS3
    }

    pub fn is_new_key(&self) -> bool {
        self.key.is_none()
    }

    /// The given key's ARN; empty for a new key.
    pub fn key_arn(&self) -> &str {
        self.key.as_ref().map_or("", Field::as_str)
    }

    /// The given key ARN, or one with [`NEW_KEY_ID`] that the steps replace with the created key.
    pub fn key_arn_or_placeholder(&self) -> String {
        match &self.key {
            Some(key) => key.as_str().to_owned(),
            None => arn::key(self.partition, self.region(), self.bucket_owner(), NEW_KEY_ID),
        }
    }

    /// The path the export writes under: the given prefix, else [`DEFAULT_PREFIX`]. The export
    /// step passes it and every write grant, explanation and note names it, so what is granted
    /// is exactly where objects land (PREFIX/TASK-ID/STREAM/…, §3.8).
    pub fn export_prefix(&self) -> &str {
        match self.prefix.as_str() {
            "" => DEFAULT_PREFIX,
            prefix => prefix,
        }
    }

    pub fn logs_principal(&self) -> String {
        self.partition.logs_principal(self.region())
    }

    /// `kms:ViaService` for the bucket key used by S3 in the export's Region.
    pub fn s3_via_service(&self) -> String {
        self.partition.s3_via_service(self.region())
    }

    pub fn bucket_arn(&self) -> String {
        arn::bucket(self.partition, self.bucket())
    }

    /// Where export objects land: `bucket/PREFIX/*` (never narrower, §3.8).
    pub fn objects_arn(&self) -> String {
        format!("{}/{}/*", self.bucket_arn(), self.export_prefix())
    }

    pub fn log_group_arn(&self, account: &str, name: &str) -> String {
        arn::log_group(self.partition, self.region(), account, name)
    }

    /// `from` as epoch milliseconds (00:00:00.000 UTC), when it is a valid date.
    pub fn from_millis(&self) -> Option<u64> {
        self.from.parsed().map(ExportDate::start_millis)
    }

    /// `to` as epoch milliseconds at the end of that day (23:59:59.999 UTC), when valid: the API
    /// exports events up to and including `to`, so a whole last day is what the user picked.
    pub fn to_millis(&self) -> Option<u64> {
        self.to.parsed().map(ExportDate::end_millis)
    }
}

/// The s3-export scenario.
pub struct S3Export;

impl Scenario for S3Export {
    const ID: ScenarioId = ScenarioId::S3Export;
    type Input = S3ExportInput;
    type Spec = S3ExportSpec;

    fn fields() -> &'static [FieldSpec] {
        fields::FIELDS
    }

    fn parse(input: &S3ExportInput) -> (S3ExportSpec, Vec<FieldError>) {
        parse(input)
    }

    fn generate(spec: &S3ExportSpec) -> Bundle {
        bundle(spec)
    }

    fn required_calls(spec: &S3ExportSpec) -> Vec<super::calls::RequiredCall> {
        calls::required_calls(spec)
    }

    /// The bucket and its key, and the exported log groups in the given Region and account.
    fn facts(spec: &S3ExportSpec, given: &Given) -> ScenarioFacts {
        let region = given.then("region", spec.region());
        let account = given.then("account", spec.account());
        let log_group_arns =
            ScenarioFacts::log_group_arns(spec.partition, region.as_deref(), account.as_deref(), &spec.group_names());
        ScenarioFacts {
            partition: Some(spec.partition.id().to_owned()),
            key_arn: given.then("key-arn", spec.key_arn()),
            bucket: given.then("bucket", spec.bucket()),
            log_group_arns,
            region,
            account,
            ..ScenarioFacts::default()
        }
    }
}

/// Every problem with the inputs; an empty list means the bundle is ready to use.
pub fn check_input(input: &S3ExportInput) -> Vec<FieldError> {
    parse(input).1
}

/// The whole bundle for these inputs. Works on any input (field problems come from
/// [`check_input`]).
pub fn generate(input: &S3ExportInput) -> Bundle {
    bundle(&parse(input).0)
}

fn bundle(input: &S3ExportSpec) -> Bundle {
    let documents = policies::documents(input);
    let files = vec![policies::encryption_file(input)];
    let steps = steps::steps(input, &documents, &files);
    let mut notes = notes::notes(input);
    // With exporting roles listed the export runs as one of them, which caller-policy.json covers.
    let by_exporter = |s: &crate::scenarios::Step| {
        let calls = s.calls();
        steps::export::runs_as_exporter(input) && !calls.is_empty() && calls.iter().all(|c| c.operation.service.iam == "logs")
    };
    notes.extend(crate::scenarios::step::operator::permissions_note(&steps, by_exporter));
    Bundle {
        scenario: crate::scenarios::ScenarioId::S3Export,
        documents,
        files,
        steps,
        notes,
    }
}

#[cfg(test)]
mod tests;
