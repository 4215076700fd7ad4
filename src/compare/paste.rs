//! A paste that is not a bare policy (an `aws …` answer, a template, a Terraform file, an AWS Config
//! item): the policies found in it, which one stands for which generated document, and the one to
//! compare. The comparison itself is the bare policy's, on the policy's own text.

use crate::import::{Extraction, Policy};
use crate::policy::PolicyKind;
use crate::scenarios::{Bundle, Document};
use serde::{Deserialize, Serialize};

/// One policy found in the paste, as the compare box lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FoundInPaste {
    /// Logical id, resource address or policy name.
    pub name: String,
    /// `AWS::KMS::Key KeyPolicy`, `aws kms get-key-policy` …
    pub source: String,
    pub kind: PolicyKind,
    /// Its value in the paste, byte offsets.
    pub start: usize,
    pub end: usize,
}

impl FoundInPaste {
    pub fn of(policy: &Policy, kind: PolicyKind) -> FoundInPaste {
        FoundInPaste {
            name: policy.name.clone(),
            source: policy.source.clone(),
            kind: policy.kind.unwrap_or(kind),
            start: policy.span.start,
            end: policy.span.end,
        }
    }

    /// `OrdersKey (AWS::KMS::Key KeyPolicy)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.source)
    }
}

/// A generated document and the policy of the paste that stands for it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub file_name: String,
    /// Index in the comparison's `found`; `None` when the paste holds no policy of its kind.
    pub policy: Option<usize>,
    /// That pair's comparison in one sentence ([`super::summary`]), or why there is none.
    pub summary: String,
}

/// For each generated document, in bundle order, the index of the found policy that stands for it:
/// one of the same kind, preferring the one that names more of the document's resources (the
/// bucket's ARN, say), each found policy used once. Resources that are `*` or hold a placeholder
/// say nothing about which resource a policy is on, so they are not counted.
pub fn pair_documents(bundle: &Bundle, extraction: &Extraction) -> Vec<(String, Option<usize>)> {
    let mut used = vec![false; extraction.policies.len()];
    bundle
        .documents
        .iter()
        .map(|document| {
            let best = extraction
                .policies
                .iter()
                .enumerate()
                .filter(|(i, p)| !used[*i] && p.kind == Some(document.kind))
                .max_by_key(|(i, p)| (resources_named(document, &p.text), std::cmp::Reverse(*i)))
                .map(|(i, _)| i);
            if let Some(i) = best {
                used[i] = true;
            }
            (document.file_name.clone(), best)
        })
        .collect()
}

fn resources_named(document: &Document, text: &str) -> usize {
    document
        .policy
        .statements
        .iter()
        .flat_map(|s| s.resource.iter().flat_map(|r| &r.items))
        .map(|t| t.value.trim_end_matches("/*"))
        .filter(|r| *r != "*" && !r.contains("${") && text.contains(r))
        .count()
}
