//! A checked text as the page shows it.

use super::wire;
use super::Form;
use crate::analysis::Analysis;
use crate::lint::Finding;
use serde::{Deserialize, Serialize};

/// Its findings, and the services whose action names the checks could not look up yet (what the
/// on-demand list would add). Taken from the one analysis that ran, so the text is not parsed a
/// second time to know what to load.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Checked {
    pub findings: Vec<Finding>,
    #[serde(deserialize_with = "wire::interned_list")]
    pub unloaded: Vec<&'static str>,
    /// The policies found in a paste that is not a bare policy (a template, CLI output …), in paste
    /// order; empty for a bare policy. `findings` then holds every policy's findings, located in the
    /// paste, and `found_in` says whose each is.
    #[serde(default)]
    pub policies: Vec<FoundPolicy>,
    /// For each finding, the index in `policies` of the policy it is on (empty for a bare policy).
    #[serde(default)]
    pub found_in: Vec<usize>,
}

/// One policy found in a paste, as the checker lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FoundPolicy {
    /// Logical id, resource address or policy name; empty for the problems reading the paste.
    pub name: String,
    /// `AWS::KMS::Key KeyPolicy`, `aws kms get-key-policy` …
    pub source: String,
    pub kind: crate::policy::PolicyKind,
    /// Which checks could not judge a placeholder value, said once.
    pub notes: Vec<String>,
}

impl Checked {
    /// Every policy of `paste`: as today for a bare policy (`analysis` of the whole text), else each
    /// policy the importer found, checked as its own kind and located in the paste.
    pub fn of_paste(
        paste: &str,
        kind: crate::policy::PolicyKind,
        scenario: Option<(crate::scenarios::ScenarioId, &serde_json::Value)>,
        analysis: impl FnOnce() -> Analysis,
    ) -> Checked {
        let extraction = crate::import::extract(paste);
        if extraction.form == crate::import::Form::Policy {
            return Checked::from(analysis());
        }
        let mut checked = Checked::default();
        for (i, policy) in crate::import::check(paste, &extraction, kind, scenario, false).into_iter().enumerate() {
            checked.found_in.extend(std::iter::repeat_n(i, policy.findings.len()));
            checked.findings.extend(policy.findings);
            checked.policies.push(FoundPolicy {
                name: policy.name,
                source: policy.source,
                kind: policy.kind,
                notes: policy.notes,
            });
        }
        for policy in &extraction.policies {
            for service in crate::analysis::text_services_without_actions(&policy.text) {
                if !checked.unloaded.contains(&service) {
                    checked.unloaded.push(service);
                }
            }
        }
        checked
    }
}

impl From<Analysis> for Checked {
    fn from(analysis: Analysis) -> Self {
        let unloaded = analysis.services_without_actions();
        Checked {
            findings: analysis.findings,
            unloaded,
            policies: Vec::new(),
            found_in: Vec::new(),
        }
    }
}

/// One generated document's verdict, by file name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentCheck {
    pub file_name: String,
    pub checked: Checked,
}

/// Every document of the form's bundle, checked as what it is (see `Document::check`); none when
/// the input cannot be read.
pub(super) fn documents(form: &Form) -> Vec<DocumentCheck> {
    let bundle = super::bundle(form);
    let Some(bundle) = bundle.as_ref() else {
        return Vec::new();
    };
    bundle
        .documents
        .iter()
        .map(|d| DocumentCheck {
            file_name: d.file_name.clone(),
            checked: Checked::from(d.check()),
        })
        .collect()
}
