//! Scenario 3: export log groups with CreateExportTask into an S3 bucket encrypted with SSE-KMS
//! (domain-facts §3).
//!
//! The bucket policy lets `logs.REGION.amazonaws.com` read the bucket ACL and write under the
//! prefix, only for the source accounts' log groups; the key policy lets it use the bucket's key;
//! the caller policy lets the exporting role start and follow export tasks and, when the bucket is
//! in another account, write to it. [`troubleshoot`] turns an error message back into the
//! statement that fixes it.

mod calls;
mod check;
mod check_callers;
mod dates;
mod fields;
mod notes;
mod policies;
mod steps;
pub mod troubleshoot;

pub use check::check_input;
pub use dates::{date_to_epoch_millis, DateError, DAY_MILLIS};
pub use policies::{
    BUCKET_POLICY_FILE, CALLER_POLICY_FILE, CALLER_WRITE_SID, ENCRYPTION_FILE, EXPORT_SID, FOLLOW_SID, GET_ACL_SID,
    KEY_POLICY_FILE, KEY_USE_SID, LOGS_KEY_SID, PUT_OBJECT_SID, ROLES_KEY_SID, ROLES_PUT_SID, ROOT_SID,
};
pub use troubleshoot::{diagnose, Diagnosis, KnownError, KNOWN_ERRORS};

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

fn trimmed(list: &[String]) -> Vec<&str> {
    list.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect()
}

impl S3ExportInput {
    pub fn group_names(&self) -> Vec<&str> {
        trimmed(&self.log_groups)
    }

    pub fn caller_arns(&self) -> Vec<&str> {
        trimmed(&self.callers)
    }

    pub fn other_account_ids(&self) -> Vec<&str> {
        trimmed(&self.other_accounts)
    }

    /// The account that owns the bucket (and, by convention, its key).
    pub fn bucket_owner(&self) -> &str {
        match self.bucket_account.trim() {
            "" => self.account.trim(),
            owner => owner,
        }
    }

    pub fn is_cross_account(&self) -> bool {
        self.bucket_owner() != self.account.trim()
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
            .chain([self.account.trim()])
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
        match crate::policy::Arn::parse(self.key_arn.trim()) {
            Ok(arn) if arn.has_valid_account() => arn.account,
            _ => self.bucket_owner(),
        }
    }

    /// SSE-KMS, and DSSE-KMS (refused, but the bundle still shows its key policy).
    pub fn uses_kms(&self) -> bool {
        self.encryption != Encryption::SseS3
    }

    pub fn is_new_key(&self) -> bool {
        self.key_arn.trim().is_empty()
    }

    /// The given key ARN, or one with [`NEW_KEY_ID`] that the steps replace with the created key.
    pub fn key_arn_or_placeholder(&self) -> String {
        if self.is_new_key() {
            crate::scenarios::identifiers::arn::key(self.partition, self.region.trim(), self.bucket_owner(), NEW_KEY_ID)
        } else {
            self.key_arn.trim().to_owned()
        }
    }

    /// The prefix as typed, without surrounding whitespace or slashes; empty when none is given.
    pub fn prefix(&self) -> &str {
        self.prefix.trim().trim_matches('/')
    }

    /// The path the export writes under: the given prefix, else [`DEFAULT_PREFIX`]. The export
    /// step passes it and every write grant, explanation and note names it, so what is granted
    /// is exactly where objects land (PREFIX/TASK-ID/STREAM/…, §3.8).
    pub fn export_prefix(&self) -> &str {
        match self.prefix() {
            "" => DEFAULT_PREFIX,
            prefix => prefix,
        }
    }

    pub fn logs_principal(&self) -> String {
        self.partition.logs_principal(self.region.trim())
    }

    /// `kms:ViaService` for the bucket key used by S3 in the export's Region.
    pub fn s3_via_service(&self) -> String {
        self.partition.s3_via_service(self.region.trim())
    }

    pub fn bucket_arn(&self) -> String {
        crate::scenarios::identifiers::arn::bucket(self.partition, self.bucket.trim())
    }

    /// Where export objects land: `bucket/PREFIX/*` (never narrower, §3.8).
    pub fn objects_arn(&self) -> String {
        format!("{}/{}/*", self.bucket_arn(), self.export_prefix())
    }

    pub fn log_group_arn(&self, account: &str, name: &str) -> String {
        crate::scenarios::identifiers::arn::log_group(self.partition, self.region.trim(), account, name)
    }

    /// `from` as epoch milliseconds (00:00:00.000 UTC), when it is a valid date.
    pub fn from_millis(&self) -> Option<u64> {
        date_to_epoch_millis(self.from.trim()).ok()
    }

    /// `to` as epoch milliseconds at the end of that day (23:59:59.999 UTC), when valid: the API
    /// exports events up to and including `to`, so a whole last day is what the user picked.
    pub fn to_millis(&self) -> Option<u64> {
        date_to_epoch_millis(self.to.trim())
            .ok()
            .map(|start| start + DAY_MILLIS - 1)
    }
}

/// The s3-export scenario.
pub struct S3Export;

impl Scenario for S3Export {
    const ID: ScenarioId = ScenarioId::S3Export;
    type Input = S3ExportInput;
    type Spec = S3ExportInput;

    fn fields() -> &'static [FieldSpec] {
        fields::FIELDS
    }

    fn parse(input: &S3ExportInput) -> (S3ExportInput, Vec<FieldError>) {
        (input.clone(), check_input(input))
    }

    fn generate(input: &S3ExportInput) -> Bundle {
        generate(input)
    }

    fn required_calls(input: &S3ExportInput) -> Vec<super::calls::RequiredCall> {
        calls::required_calls(input)
    }
}

/// The whole bundle for these inputs. Works on any input (field problems come from
/// [`check_input`]); values are used as typed, trimmed.
pub fn generate(input: &S3ExportInput) -> Bundle {
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
