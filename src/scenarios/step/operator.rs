//! What whoever runs a bundle's steps needs, read from the calls the steps run, so the note
//! cannot miss a call a step makes (review F11: hand-kept lists did).

use super::operation::{
    Operation, S3_CREATE_BUCKET, S3_GET_BUCKET_ENCRYPTION, S3_PUT_BUCKET_ENCRYPTION, S3_PUT_PUBLIC_ACCESS_BLOCK,
};
use super::{AwsCall, Step};

/// The IAM actions one call needs: the action named like the API, except where S3 names its
/// action differently, and CreateBucket with Object Ownership, which S3 authorizes as
/// PutBucketOwnershipControls as well.
fn actions(call: &AwsCall) -> Vec<String> {
    let op: &Operation = call.operation;
    if op == &S3_PUT_BUCKET_ENCRYPTION {
        vec!["s3:PutEncryptionConfiguration".into()]
    } else if op == &S3_GET_BUCKET_ENCRYPTION {
        vec!["s3:GetEncryptionConfiguration".into()]
    } else if op == &S3_PUT_PUBLIC_ACCESS_BLOCK {
        vec!["s3:PutBucketPublicAccessBlock".into()]
    } else if op == &S3_CREATE_BUCKET && call.text_of("object-ownership").is_some() {
        vec![op.action(), "s3:PutBucketOwnershipControls".into()]
    } else {
        vec![op.action()]
    }
}

/// "Whoever runs the steps needs …", per account when the steps run in two; None without calls.
/// `skip` leaves out steps someone else runs (an exporting role with its own policy).
pub fn permissions_note(steps: &[Step], skip: impl Fn(&Step) -> bool) -> Option<String> {
    let mut accounts: Vec<(Option<&str>, Vec<String>)> = Vec::new();
    for step in steps.iter().filter(|s| !skip(s)) {
        let account = step.account.as_deref();
        let at = match accounts.iter().position(|(a, _)| *a == account) {
            Some(i) => i,
            None => {
                accounts.push((account, Vec::new()));
                accounts.len() - 1
            }
        };
        for action in step.calls().into_iter().flat_map(actions) {
            if !accounts[at].1.contains(&action) {
                accounts[at].1.push(action);
            }
        }
    }
    accounts.retain(|(_, actions)| !actions.is_empty());
    let parts: Vec<String> = accounts
        .iter()
        .map(|(account, actions)| match (account, accounts.len()) {
            (Some(a), n) if n > 1 => format!("in account {a}: {}", actions.join(", ")),
            _ => actions.join(", "),
        })
        .collect();
    let needs = if parts.len() > 1 { "needs," } else { "needs" };
    (!parts.is_empty()).then(|| format!("Whoever runs the steps {needs} {} (read from the steps' calls).", parts.join("; ")))
}
