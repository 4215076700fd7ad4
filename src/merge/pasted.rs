//! Merging into a policy the user pasted, only when every part of it was read.
//!
//! [`merge`] works on the policy as lowered, and lowering is best effort: what it cannot read it
//! leaves out. A merge printed from that would delete whatever was left out, and applying it would
//! replace the deployed policy: the classic case is `aws kms get-key-policy`'s JSON answer, read as
//! a policy with no statements, whose merge drops the key's administrators. So the merge is refused
//! unless the pasted text and the policy as read mean the same JSON, the text has no error finding,
//! and the merged policy has none either.

use super::{merge, MergeResult};
use crate::json::{parse_document, Value, ValueKind};
use crate::lint::{Finding, Severity};
use crate::policy::{to_json, Statement};
use crate::Analysis;
use serde::Serialize;

/// Findings that mean part of the text was not read into the policy: a syntax error, a duplicate
/// key (one value is dropped), an unknown or missing top-level element, an unknown statement
/// element, an element of the wrong type.
const NOT_READ: [&str; 6] = ["JSON001", "JSON002", "IAM001", "IAM002", "IAM003", "IAM010"];

/// The size finding: an over-limit merge is still shown (and the CLI exits 1), never applied.
const SIZE: &str = "IAM035";

/// Why no merged policy is offered for a paste.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct MergeRefusal {
    pub reason: RefusalReason,
    /// One sentence: what is wrong and what a merge would have done (the page titles it "Not
    /// merged", the CLI prefixes `not merged:`).
    pub message: String,
    /// What to paste instead.
    pub help: String,
    /// The findings that show where (in the pasted text, or in the merged one for
    /// [`RefusalReason::MergedErrors`]).
    pub findings: Vec<Finding>,
    /// Places (`Statement[2].Condition`) the tool could not carry into a merged policy.
    pub lost: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum RefusalReason {
    /// The text is not JSON.
    NotJson,
    /// An AWS CLI answer that holds the policy rather than the policy itself.
    CliOutput,
    /// Parts of the text did not make it into the policy as read.
    NotFullyRead,
    /// The policy has errors AWS would refuse it for; a merge would keep them.
    Errors,
    /// The merged policy would have an error (none of the above, so a defect of the tool).
    MergedErrors,
}

/// [`merge`] of `required` into the pasted `text`, or why not. `analysis` is
/// `crate::analyze(text, kind)`, which the caller has already run to show its findings.
pub fn merge_pasted(text: &str, analysis: &Analysis, required: &[Statement]) -> Result<MergeResult, MergeRefusal> {
    let refuse = |reason, message: String, help: String, findings: Vec<Finding>| MergeRefusal {
        reason,
        message,
        help,
        findings,
        lost: Vec::new(),
    };
    let (Ok(json), Some(existing)) = (parse_document(text), analysis.policy.as_ref()) else {
        return Err(refuse(
            RefusalReason::NotJson,
            "The text is not JSON, so there is nothing to keep.".into(),
            "Paste the policy document itself: JSON with a \"Statement\" element.".into(),
            analysis.findings.clone(),
        ));
    };
    if let Some(command) = cli_answer(text) {
        return Err(refuse(
            RefusalReason::CliOutput,
            format!(
                "This is the JSON answer of {}, which holds your policy inside it. Read as a policy it has no statements, so a merge would drop every statement you have.",
                command.get
            ),
            format!("Paste the policy itself: {}.", command.bare),
            Vec::new(),
        ));
    }
    let not_read: Vec<Finding> = analysis
        .findings
        .iter()
        .filter(|f| NOT_READ.contains(&f.code))
        .cloned()
        .collect();
    let lost = losses(&json, &to_json(existing));
    if !not_read.is_empty() || !lost.is_empty() {
        let places = if lost.is_empty() { String::new() } else { format!(" ({})", lost.join(", ")) };
        return Err(MergeRefusal {
            lost,
            ..refuse(
                RefusalReason::NotFullyRead,
                format!(
                    "Part of your policy could not be read{places}, and a merged policy would leave it out."
                ),
                "Fix the places listed, or paste the policy exactly as AWS returns it with --output text.".into(),
                not_read,
            )
        });
    }
    let errors = errors_but_size(&analysis.findings);
    if !errors.is_empty() {
        return Err(refuse(
            RefusalReason::Errors,
            format!(
                "Your policy has {} AWS would refuse it for, and a merged policy would keep {}.",
                if errors.len() == 1 { "an error".to_owned() } else { format!("{} errors", errors.len()) },
                if errors.len() == 1 { "it" } else { "them" },
            ),
            "Fix the errors listed in your copy first; the merge is offered once none is left.".into(),
            errors,
        ));
    }
    let result = merge(existing, required, analysis.kind);
    let merged = crate::analyze(&result.text, analysis.kind);
    let errors = errors_but_size(&merged.findings);
    if !errors.is_empty() || result.policy.statements.get(..existing.statements.len()) != Some(&existing.statements[..]) {
        return Err(refuse(
            RefusalReason::MergedErrors,
            "The merged policy would have errors that neither policy has; this is a defect of the tool, please report it.".into(),
            "Add the generated statements by hand, and check the result with the checker.".into(),
            errors,
        ));
    }
    Ok(result)
}

/// The `aws …` answer `text` is, when it is one: the importer's table says which answers hold a
/// policy, so the refusal knows the same answers the compare box and the CLI read the policy from.
fn cli_answer(text: &str) -> Option<&'static crate::import::aws_cli::Command> {
    let found = crate::import::extract(text);
    if found.form != crate::import::Form::AwsCli {
        return None;
    }
    found.policies.first().and_then(|p| crate::import::aws_cli::command(&p.source))
}

fn errors_but_size(findings: &[Finding]) -> Vec<Finding> {
    findings
        .iter()
        .filter(|f| f.severity == Severity::Error && f.code != SIZE)
        .cloned()
        .collect()
}

/// The places where `read` (the policy as read, printed as JSON) does not hold what `original`
/// (the pasted JSON) does. Member order does not count; duplicate members, dropped members,
/// dropped array items and changed types do. At most [`MAX_LOSSES`] are listed.
pub fn losses(original: &Value, read: &Value) -> Vec<String> {
    let mut out = Vec::new();
    compare(original, read, "", &mut out);
    out.truncate(MAX_LOSSES);
    out
}

const MAX_LOSSES: usize = 5;

fn compare(original: &Value, read: &Value, path: &str, out: &mut Vec<String>) {
    if out.len() >= MAX_LOSSES {
        return;
    }
    let here = || if path.is_empty() { "the top level".to_owned() } else { path.to_owned() };
    match (&original.kind, &read.kind) {
        (ValueKind::Object(a), ValueKind::Object(b)) => {
            let keys: Vec<&str> = a.iter().chain(b).map(|m| m.key.as_str()).collect();
            let mut seen = Vec::new();
            for key in keys {
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                let child = if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") };
                let mine: Vec<&Value> = a.iter().filter(|m| m.key == key).map(|m| &m.value).collect();
                let theirs: Vec<&Value> = b.iter().filter(|m| m.key == key).map(|m| &m.value).collect();
                if mine.len() != theirs.len() {
                    out.push(child);
                } else {
                    for (x, y) in mine.iter().zip(theirs) {
                        compare(x, y, &child, out);
                    }
                }
            }
        }
        (ValueKind::Array(a), ValueKind::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                compare(x, y, &format!("{}[{}]", here(), i + 1), out);
            }
        }
        (x, y) if matches!(x, ValueKind::Object(_) | ValueKind::Array(_)) || x != y => out.push(here()),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
