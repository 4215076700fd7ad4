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
mod paste;

pub use apply::{apply_command, merged_file_name};
pub use changes::{describe_change, describe_changes, ChangeLine, Notation};
pub use checks::{check_three_ways, CallRow, Verdict};
pub use groups::{group_calls, CallGroup};
pub use paste::{pair_documents, FoundInPaste, Pair};

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
    /// What the paste was, when not a bare policy: `CloudFormation template (YAML)`, `AWS CLI output`.
    #[serde(default)]
    pub form: Option<String>,
    /// The policies found in a paste that is not a bare policy, in paste order.
    #[serde(default)]
    pub found: Vec<FoundInPaste>,
    /// The index in `found` of the policy compared (picked, or the one paired with this document).
    #[serde(default)]
    pub compared_policy: Option<usize>,
    /// The text compared when it is a policy found inside the paste: the left-hand spans of
    /// `compared` point into it. `findings` are located in the paste all the same.
    #[serde(default)]
    pub existing_text: Option<String>,
    /// A paste holding several policies: each generated document with the policy that stands for it.
    #[serde(default)]
    pub pairs: Vec<Pair>,
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
    /// For a policy found inside a paste: the merge is the bare policy, and what takes it
    /// (`aws kms put-key-policy takes this bare policy, not the aws kms get-key-policy answer …`).
    #[serde(default)]
    pub put_back: Option<String>,
}

/// Compares `pasted` with the bundle document `file_name`, judging `calls` three ways. `input` is
/// the scenario's form input (for the Region when no bundle step applies the document). `None`
/// when the bundle has no such document.
///
/// A paste that is not a bare policy is read with the importer: the policy named `pick`, else the
/// one paired with `file_name` ([`pair_documents`]), is compared; with several policies found,
/// each pair's comparison is summed up in `pairs`.
pub fn compare_document(
    bundle: &Bundle,
    file_name: &str,
    pasted: &str,
    pick: Option<&str>,
    calls: &[RequiredCall],
    input: &serde_json::Value,
) -> Option<Comparison> {
    let document = bundle.document(file_name)?;
    let extraction = crate::import::extract(pasted);
    if extraction.form == crate::import::Form::Policy {
        return Some(compare_text(bundle, document, pasted, calls, input));
    }
    let paired = pair_documents(bundle, &extraction);
    let pair_of = |file: &str| paired.iter().find(|(f, _)| f == file).and_then(|(_, p)| *p);
    let picked = pick.and_then(|name| extraction.policies.iter().position(|p| p.name == name));
    let chosen = picked.or_else(|| pair_of(file_name));
    let found: Vec<FoundInPaste> = extraction.policies.iter().map(|p| FoundInPaste::of(p, document.kind)).collect();
    let checks = crate::import::check(pasted, &extraction, document.kind, None, document.fragment);
    let compare_found = |document: &crate::scenarios::Document, i: usize| {
        let policy = &extraction.policies[i];
        let mut c = compare_text(bundle, document, &policy.text, calls, input);
        if let Some(Ok(merged)) = c.compared.as_mut().map(|c| c.merged.as_mut()) {
            merged.put_back = policy.put_back(extraction.form);
        }
        // Located in the paste, where the user reads and the page highlights them.
        c.findings = checks
            .iter()
            .filter(|check| check.span == policy.span && check.name == policy.name)
            .flat_map(|check| check.findings.clone())
            .collect();
        // The refusal names the same findings: located in the paste too (not for a merged policy's
        // own errors, which point into the merged text).
        if let Some(Err(refusal)) = c.compared.as_mut().map(|c| c.merged.as_mut()) {
            if refusal.reason != crate::merge::RefusalReason::MergedErrors {
                for f in &mut refusal.findings {
                    let same = |p: &&crate::lint::Finding| (p.code, &p.message, &p.path) == (f.code, &f.message, &f.path);
                    if let Some(located) = c.findings.iter().find(same) {
                        *f = located.clone();
                    }
                }
            }
        }
        c.existing_text = Some(policy.text.clone());
        c.compared_policy = Some(i);
        c
    };
    let mut comparison = match chosen {
        Some(i) => compare_found(document, i),
        None => Comparison {
            file_name: file_name.to_owned(),
            kind: document.kind,
            generated_text: document.text(),
            // The paste's own problems (a template that does not parse), located.
            findings: checks.iter().filter(|c| c.name.is_empty()).flat_map(|c| c.findings.clone()).collect(),
            compared: None,
            form: None,
            found: Vec::new(),
            compared_policy: None,
            existing_text: None,
            pairs: Vec::new(),
        },
    };
    comparison.form = Some(extraction.form.label().to_owned());
    comparison.found = found;
    if extraction.policies.len() > 1 {
        comparison.pairs = paired
            .iter()
            .filter_map(|(file, policy)| {
                let document = bundle.document(file)?;
                let summary = match policy {
                    Some(i) if Some(*i) == chosen && file == file_name => summary(&comparison),
                    Some(i) => summary(&Comparison {
                        found: comparison.found.clone(),
                        ..compare_found(document, *i)
                    }),
                    None => format!("No {} in the paste.", document.kind.label()),
                };
                Some(Pair { file_name: file.clone(), policy: *policy, summary })
            })
            .collect();
    }
    Some(comparison)
}

/// The comparison of the policy `pasted` (a bare policy's text) with `document`.
fn compare_text(
    bundle: &Bundle,
    document: &crate::scenarios::Document,
    pasted: &str,
    calls: &[RequiredCall],
    input: &serde_json::Value,
) -> Comparison {
    let file_name = document.file_name.as_str();
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
                put_back: None,
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
    Comparison {
        file_name: file_name.to_owned(),
        kind,
        generated_text,
        findings: analysis.findings,
        compared,
        form: None,
        found: Vec::new(),
        compared_policy: None,
        existing_text: None,
        pairs: Vec::new(),
    }
}

/// One line saying where the comparison stands, for the panel's status line.
pub fn summary(comparison: &Comparison) -> String {
    let named = comparison.compared_policy.and_then(|i| comparison.found.get(i));
    let Some(compared) = &comparison.compared else {
        if comparison.compared_policy.is_none() && !comparison.found.is_empty() {
            return format!(
                "The paste holds {} {}, none of them a {} to pair with {}: pick one to compare.",
                comparison.found.len(),
                if comparison.found.len() == 1 { "policy" } else { "policies" },
                comparison.kind.label(),
                comparison.file_name
            );
        }
        if comparison.form.is_some() && comparison.found.is_empty() {
            return format!(
                "{}: no policy found in the paste to compare",
                crate::report::summary(&comparison.findings)
            );
        }
        return format!(
            "{}: fix the text to compare it",
            crate::report::summary(&comparison.findings)
        );
    };
    let yours = named.map_or_else(|| "your policy".to_owned(), |p| format!("your {}", p.label()));
    if compared.equivalent {
        return format!(
            "No change: {yours} and the generated {} allow and deny the same requests.",
            comparison.file_name
        );
    }
    let count = |word: &str| compared.changes.iter().filter(|c| c.impact_word == word).count();
    let n = compared.changes.len();
    let from = named.map_or_else(|| "yours".to_owned(), |p| format!("your {}", p.label()));
    format!(
        "{n} {} from {from} to the generated {}: {} broadening, {} narrowing, {} neutral.",
        if n == 1 { "change" } else { "changes" },
        comparison.file_name,
        count("broadening"),
        count("narrowing"),
        count("neutral")
    )
}

#[cfg(test)]
mod tests;
