//! A pasted CloudTrail record (the audit-trail panel, `cwlogs-policy import-record`): the import,
//! the form it fills, the bundle that form generates, and the policy it found, checked.

use super::invariants::analysis_well_formed;
use super::seeds::files;
use cwlogs_policy::analyze;
use cwlogs_policy::scenarios::audit_trail::{fill_form, import_record};
use std::path::Path;

pub fn run(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(import) = import_record(&text) else { return };
    let fill = fill_form(&import, &import.scenario.default_input());
    assert_eq!(fill.scenario, import.scenario);
    let _ = fill.scenario.run(&fill.input);
    if let Some(policy) = &import.policy {
        if let Some(kind) = policy.kind {
            analysis_well_formed(&policy.text, &analyze(&policy.text, kind));
        }
    }
}

pub fn seeds(root: &Path) -> Vec<Vec<u8>> {
    files(root, "tests/fixtures/cloudtrail").into_iter().map(String::into_bytes).collect()
}
