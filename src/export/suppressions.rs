//! The checkov checks a template resource does not meet on purpose, each with the reason a
//! reviewer reads next to it: one list for both template formats (CloudFormation writes them in
//! the resource's `Metadata`, Terraform as `#checkov:skip=` comments in the block), and the
//! README's table of suppressions is checked against it.

use crate::json::Value as Json;
use crate::scenarios::retention::ONE_YEAR;

/// One suppressed check: checkov's ID and why it does not apply here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suppression {
    pub check: &'static str,
    pub reason: String,
}

fn skip(check: &'static str, reason: impl Into<String>) -> Suppression {
    Suppression {
        check,
        reason: reason.into(),
    }
}

/// CKV_AWS_66 asks for a retention, CKV_AWS_338 for at least a year of it.
pub fn log_group(existing: bool, retention: Option<u16>) -> Vec<Suppression> {
    if existing {
        let why = "The log group exists already: this template only adds the key and leaves its retention as it is";
        return vec![skip("CKV_AWS_66", why), skip("CKV_AWS_338", why)];
    }
    match retention {
        None => {
            let why = "Never expire was chosen in the form (AWS's default): the events are kept until deleted";
            vec![skip("CKV_AWS_66", why), skip("CKV_AWS_338", why)]
        }
        Some(days) if days < ONE_YEAR => vec![skip(
            "CKV_AWS_338",
            format!("A retention of {days} days was chosen in the form"),
        )],
        Some(_) => Vec::new(),
    }
}

/// The bucket that receives exported logs, in both formats.
pub fn bucket() -> Vec<Suppression> {
    vec![
        skip("CKV_AWS_18", "This bucket receives log exports; its access logs belong in a separate logging bucket, which this template does not create: turn on server access logging to yours"),
        skip("CKV_AWS_21", "Export tasks write each object once and never overwrite it; turn versioning on if your retention rules need deleted exports kept"),
    ]
}

/// Checks checkov runs on a Terraform bucket only (its CloudFormation checks have no such).
pub fn bucket_terraform(sse_s3: bool) -> Vec<Suppression> {
    let mut out = bucket();
    out.extend([
        skip("CKV2_AWS_61", "How long exported logs are kept is your retention decision, which this template cannot know: add a lifecycle rule for it"),
        skip("CKV2_AWS_62", "Nothing here reacts to new exports; event notifications are for consumers this template does not create"),
        skip("CKV_AWS_144", "Replication needs a second bucket in another Region, which this template does not create; the logs also stay in CloudWatch Logs"),
    ]);
    if sse_s3 {
        out.push(skip("CKV_AWS_145", "SSE-S3 was chosen in the form instead of a KMS key"));
    }
    out
}

/// `BucketOwnerPreferred` keeps ACLs enabled (Terraform's ownership-controls resource).
pub fn ownership(ownership: &str) -> Vec<Suppression> {
    if ownership == "BucketOwnerPreferred" {
        vec![skip("CKV2_AWS_65", "ACLs were kept enabled in the form (BucketOwnerPreferred) for writers that still set object ACLs")]
    } else {
        Vec::new()
    }
}

/// An IAM user named in the form as a caller (Terraform's user policy and attachment).
pub fn iam_user() -> Vec<Suppression> {
    vec![skip("CKV_AWS_40", "The form names this IAM user as a caller, so the policy goes to the user; attach it to a group or role instead where you can")]
}

/// CloudFormation's form: `{"skip": [{"id": …, "comment": …}]}`, under `Metadata.checkov`.
pub fn cloudformation(skips: &[Suppression]) -> Json {
    let items = skips
        .iter()
        .map(|s| {
            Json::object(vec![
                ("id".to_owned(), Json::string(s.check)),
                ("comment".to_owned(), Json::string(s.reason.clone())),
            ])
        })
        .collect();
    Json::object(vec![("skip".to_owned(), Json::array(items))])
}

/// Terraform's form: a `#checkov:skip=ID:reason` line inside the resource block.
pub fn terraform(skip: &Suppression) -> String {
    format!("#checkov:skip={}:{}", skip.check, skip.reason)
}
