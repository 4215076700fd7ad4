//! The command that applies a merged policy. The bundle's own step that applies the document is
//! reused, reading the merged file instead, so the ids, Region and quoting are the ones the steps
//! use; only when no step applies the document (a new key is created with its policy) is a
//! put command written here, with the id left to a shell variable the user must set.

use crate::policy::PolicyKind;
use crate::scenarios::shell::quote;
use crate::scenarios::{Bundle, Document};

/// The AWS CLI operations that replace a whole policy document.
const APPLY_OPERATIONS: [&str; 8] = [
    "put-key-policy",
    "put-bucket-policy",
    "put-resource-policy",
    "put-delivery-destination-policy",
    "put-role-policy",
    "put-user-policy",
    "update-assume-role-policy",
    "set-topic-attributes",
];

/// `key-policy.json` → `key-policy.merged.json`, the name the steps give a merged file.
pub fn merged_file_name(file_name: &str) -> String {
    match file_name.strip_suffix(".json") {
        Some(stem) => format!("{stem}.merged.json"),
        None => format!("{file_name}.merged"),
    }
}

/// Bash that applies `merged_file` in place of `document`: the bundle step's apply line (with the
/// variable assignments before it), else a put command for the document's kind.
pub fn apply_command(bundle: &Bundle, document: &Document, merged_file: &str, input: &serde_json::Value) -> String {
    let ours = [document.file_name.clone(), merged_file_name(&document.file_name)];
    for step in &bundle.steps {
        let lines: Vec<&str> = step.command.lines().map(uncommented).collect();
        for (i, line) in lines.iter().enumerate() {
            let applies = APPLY_OPERATIONS.iter().any(|op| line.contains(&format!(" {op} ")));
            let Some(file) = referenced_file(line).filter(|f| applies && ours.iter().any(|o| o == f)) else {
                continue;
            };
            let mut out: Vec<String> = lines[..i]
                .iter()
                .filter(|l| is_assignment(l))
                .map(|l| l.to_string())
                .collect();
            out.push(line.replace(&format!("file://{file}"), &format!("file://{merged_file}")));
            return out.join("\n");
        }
    }
    fallback(document.kind, merged_file, input)
}

/// A step shown commented out (optional) is still the command to run here.
fn uncommented(line: &str) -> &str {
    line.strip_prefix("# ").unwrap_or(line)
}

/// The file a `file://` argument names.
fn referenced_file(line: &str) -> Option<&str> {
    let rest = &line[line.find("file://")? + "file://".len()..];
    rest.split_whitespace().next()
}

/// `KEY_ARN='arn:…'` or `: "${ROLE:?…}"`: a value the apply line reads, without running anything.
fn is_assignment(line: &str) -> bool {
    if line.starts_with(": \"${") {
        return true;
    }
    let Some((name, value)) = line.split_once('=') else {
        return false;
    };
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && !value.contains("$(")
        && !value.contains(' ')
}

/// The put command for `kind` when no step applies the document.
fn fallback(kind: PolicyKind, file: &str, input: &serde_json::Value) -> String {
    let region = input
        .get("region")
        .and_then(serde_json::Value::as_str)
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| format!(" --region {}", quote(r)))
        .unwrap_or_default();
    let file = quote(&format!("file://{file}"));
    match kind {
        PolicyKind::Key => format!(
            ": \"${{KEY_ARN:?set KEY_ARN to the ARN of the key whose policy you pasted}}\"\n\
             aws kms put-key-policy{region} --key-id \"$KEY_ARN\" --policy-name default --policy {file}"
        ),
        PolicyKind::Bucket => format!(
            ": \"${{BUCKET:?set BUCKET to the name of the bucket whose policy you pasted}}\"\n\
             aws s3api put-bucket-policy --bucket \"$BUCKET\" --policy {file}"
        ),
        PolicyKind::LogResource => format!(
            ": \"${{POLICY_NAME:?set POLICY_NAME to the name of the resource policy you pasted}}\"\n\
             aws logs put-resource-policy{region} --policy-name \"$POLICY_NAME\" --policy-document {file}"
        ),
        PolicyKind::Identity => format!(
            ": \"${{ROLE_NAME:?set ROLE_NAME to the role the policy is attached to}}\"\n\
             : \"${{POLICY_NAME:?set POLICY_NAME to the name of the inline policy you pasted}}\"\n\
             aws iam put-role-policy --role-name \"$ROLE_NAME\" --policy-name \"$POLICY_NAME\" --policy-document {file}"
        ),
        PolicyKind::Trust => format!(
            ": \"${{ROLE_NAME:?set ROLE_NAME to the role whose trust policy you pasted}}\"\n\
             aws iam update-assume-role-policy --role-name \"$ROLE_NAME\" --policy-document {file}"
        ),
    }
}
