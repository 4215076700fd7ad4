//! A pasted export error message (the export troubleshooter, `cwlogs-policy troubleshoot`).

use cwlogs_policy::scenarios::s3_export::troubleshoot::troubleshoot_input;
use cwlogs_policy::scenarios::s3_export::KNOWN_ERRORS;
use cwlogs_policy::scenarios::ScenarioId;
use std::path::Path;

pub fn run(data: &[u8]) {
    let message = String::from_utf8_lossy(data);
    let answer = troubleshoot_input(&message, &ScenarioId::S3Export.default_input());
    assert!(answer.is_ok(), "the default export form is unreadable: {answer:?}");
}

pub fn seeds(_root: &Path) -> Vec<Vec<u8>> {
    KNOWN_ERRORS
        .iter()
        .map(|known| format!("An error occurred ({}) when calling the CreateExportTask operation: {}", known.exception, known.message).into_bytes())
        .collect()
}
