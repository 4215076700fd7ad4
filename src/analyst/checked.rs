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
}

impl From<Analysis> for Checked {
    fn from(analysis: Analysis) -> Self {
        let unloaded = analysis.services_without_actions();
        Checked {
            findings: analysis.findings,
            unloaded,
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
    let Some(bundle) = form.scenario.run(&form.input).bundle else {
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
