//! Compare: one policy the user already has against the document of a bundle that replaces it —
//! what changed, the merge that keeps what they have, the command that applies it, and whether the
//! scenario's calls work with the generated, the pasted and the merged policy.
//!
//! Everything the page's compare panel shows comes from [`compare_document`], so the page only
//! renders it.

mod apply;
mod changes;
mod checks;
mod groups;

pub use apply::{apply_command, merged_file_name};
pub use changes::{describe_change, describe_changes, ChangeLine, Notation};
pub use checks::{check_three_ways, CallRow, Verdict};
pub use groups::{group_calls, CallGroup};

use crate::analyze;
use crate::diff::{diff, new_access_for, AccessChange};
use crate::lint::Finding;
use crate::merge::{merge_pasted, MergeRefusal};
use crate::normalize::equivalent;
use crate::policy::PolicyKind;
use crate::scenarios::calls::RequiredCall;
use crate::scenarios::Bundle;
use serde::Serialize;

/// Everything the compare panel shows for one pasted policy.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Comparison {
    pub file_name: String,
    pub kind: PolicyKind,
    /// The generated document as printed; the right-hand spans point into it.
    pub generated_text: String,
    /// The validator's findings on the pasted text, located (a JSON syntax error among them).
    pub findings: Vec<Finding>,
    /// `None` when the pasted text is not JSON: there is nothing to compare, the findings say where.
    pub compared: Option<Compared>,
}

/// The comparison of a pasted policy that parsed.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Compared {
    /// The two mean the same (AWS's rewritten form of the generated policy is no change).
    pub equivalent: bool,
    /// Existing (pasted) on the left, generated on the right.
    pub changes: Vec<ChangeLine>,
    /// The merge, or why none is offered: a paste that was not read whole (an AWS CLI answer
    /// holding the policy, an unknown element …) or that has errors is never merged, since
    /// applying the merge would replace the deployed policy with less than it holds.
    pub merged: Result<Merged, MergeRefusal>,
    pub checklist: Vec<CallRow>,
    /// Access the merged policy gives or takes away compared with the pasted one (none when not
    /// merged).
    pub access: Vec<AccessChange>,
}

/// The pasted policy with the generated statements it lacks appended.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Merged {
    pub text: String,
    pub file_name: String,
    /// Sids (or "statement N") of the statements appended, in order.
    pub added: Vec<String>,
    /// How many generated statements an existing one already covers.
    pub skipped: usize,
    /// `(Sid as generated, Sid given)` where the Sid was taken.
    pub renamed: Vec<(String, String)>,
    pub size: usize,
    pub limit: usize,
    /// "bytes", "characters", "characters (whitespace not counted)".
    #[serde(deserialize_with = "crate::analyst::wire::interned")]
    pub unit: crate::analyst::wire::Interned,
    pub over_limit: bool,
    /// The bash that applies the merged file; none when the merge is over the size limit, since
    /// AWS would refuse it.
    pub command: Option<String>,
}

/// Compares `pasted` with the bundle document `file_name`, judging `calls` three ways. `input` is
/// the scenario's form input (for the Region when no bundle step applies the document). `None`
/// when the bundle has no such document.
pub fn compare_document(
    bundle: &Bundle,
    file_name: &str,
    pasted: &str,
    calls: &[RequiredCall],
    input: &serde_json::Value,
) -> Option<Comparison> {
    let document = bundle.document(file_name)?;
    let kind = document.kind;
    let generated_text = document.text();
    let analysis = analyze(pasted, kind);
    // Read back from its printed text so the right-hand side has spans to highlight.
    let generated = analyze(&generated_text, kind)
        .policy
        .unwrap_or_else(|| document.policy.clone());
    let compared = analysis.policy.as_ref().map(|existing| {
        let d = diff(existing, &generated);
        let result = merge_pasted(pasted, &analysis, &generated.statements);
        let merged = result.as_ref().map(|result| {
            let merged_file = merged_file_name(file_name);
            let named = |i: usize| {
                result
                    .policy
                    .statements
                    .get(i)
                    .and_then(|s| s.sid.as_ref())
                    .map_or_else(|| format!("statement {}", i + 1), |sid| sid.value.clone())
            };
            Merged {
                text: result.text.clone(),
                added: result.added.iter().map(|&i| named(i)).collect(),
                skipped: result.skipped.len(),
                renamed: result.renamed.clone(),
                size: result.size,
                limit: result.limit,
                unit: kind.size_limit().unit.words(),
                over_limit: result.over_limit,
                command: (!result.over_limit).then(|| apply_command(bundle, document, &merged_file, input)),
                file_name: merged_file,
            }
        });
        let merged_policy = result.as_ref().ok().map(|r| &r.policy);
        Compared {
            equivalent: equivalent(existing, &generated),
            changes: describe_changes(&d, existing, &generated),
            checklist: check_three_ways(calls, bundle, file_name, existing, merged_policy),
            access: merged_policy.map(|m| new_access_for(kind, existing, m)).unwrap_or_default(),
            merged: merged.map_err(Clone::clone),
        }
    });
    Some(Comparison {
        file_name: file_name.to_owned(),
        kind,
        generated_text,
        findings: analysis.findings,
        compared,
    })
}

/// One line saying where the comparison stands, for the panel's status line.
pub fn summary(comparison: &Comparison) -> String {
    let Some(compared) = &comparison.compared else {
        return format!(
            "{}: fix the text to compare it",
            crate::report::summary(&comparison.findings)
        );
    };
    if compared.equivalent {
        return format!(
            "No change: your policy and the generated {} allow and deny the same requests.",
            comparison.file_name
        );
    }
    let count = |word: &str| compared.changes.iter().filter(|c| c.impact_word == word).count();
    let n = compared.changes.len();
    format!(
        "{n} {} from yours to the generated {}: {} broadening, {} narrowing, {} neutral.",
        if n == 1 { "change" } else { "changes" },
        comparison.file_name,
        count("broadening"),
        count("narrowing"),
        count("neutral")
    )
}

#[cfg(test)]
mod tests;
