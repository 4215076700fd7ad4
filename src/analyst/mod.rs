//! The analyses the page runs off its main thread: what it asks, what comes back, and the one
//! function that answers (README "Analysis worker").
//!
//! The page's own wasm holds the form and bundle generation; validation, evaluation, diff, merge
//! and the rest live in a second wasm that runs in a Web Worker (`src/bin/analyst.rs`), so they
//! are neither in the first visit's download nor on the thread that handles typing. Both sides are
//! this crate, so a question and its answer are the core's own types, written with `serde_json`.
//! [`answer`] is plain Rust: the native tests call it directly.

mod checked;
pub mod wire;

pub use checked::{Checked, DocumentCheck, FoundPolicy};

use crate::compare::Comparison;
use crate::lint::RuleText;
use crate::policy::PolicyKind;
use crate::scenarios::audit_trail::{fill_form, import_record, FormFill, RecordPolicy};
use crate::scenarios::s3_export::troubleshoot::Answer as Diagnoses;
use crate::scenarios::calls::CheckedCall;
use crate::scenarios::ScenarioId;
use crate::teaching::{Breakage, StatementLesson};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use crate::scenarios::Bundle;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The form a check is judged against: its scenario and input.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Form {
    pub scenario: ScenarioId,
    pub input: Value,
}

/// What the page asks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "ask", rename_all = "kebab-case")]
pub enum Question {
    /// The checker: findings on a pasted text, and with `against` also the scenario's own rules.
    Check {
        text: String,
        kind: PolicyKind,
        against: Option<Form>,
    },
    /// The verdict on every document the form's bundle holds.
    Documents { form: Form },
    /// The compare panel: the pasted policy against one generated document. `policy` names the
    /// policy to compare when the paste holds several (a template, CLI output).
    Compare {
        form: Form,
        file_name: String,
        pasted: String,
        #[serde(default)]
        policy: Option<String>,
    },
    /// Where the IAM action names the page does not embed are, relative to the page.
    ActionsListPath,
    /// Those names, fetched by the page.
    AddActions { list: String },
    /// Teaching mode: why each statement of one document is there.
    Lessons { form: Form, file_name: String },
    /// Teaching mode's "Break it": what removing one statement does.
    Break { form: Form, file_name: String, index: usize },
    /// The printed review: the scenario's calls judged against the bundle.
    Review { form: Form },
    /// "Fill from a CloudTrail record", with every scenario's current input (the record picks one).
    ImportRecord {
        text: String,
        inputs: BTreeMap<ScenarioId, Value>,
    },
    /// "Got an export error?" for the s3-export form's input.
    Troubleshoot { message: String, input: Value },
    /// The rules panel: every rule's documentation.
    Rules,
    /// The Export bar: the bundle as a script and as templates.
    Exports { form: Form },
}

/// One export of the bundle, ready to download or copy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportedFile {
    pub format: crate::export::Format,
    pub file_name: String,
    pub text: String,
}

/// What comes back, one variant per question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "answer", rename_all = "kebab-case")]
pub enum Answer {
    Checked { checked: Checked },
    Documents { documents: Vec<DocumentCheck> },
    Compared {
        /// `None`: nothing to compare (a blank paste, or a document the bundle no longer has).
        comparison: Option<Comparison>,
        /// The status line, one sentence.
        summary: String,
        /// Services the paste names whose action names are not loaded yet.
        #[serde(deserialize_with = "wire::interned_list")]
        unloaded: Vec<&'static str>,
    },
    ActionsListPath { path: String },
    ActionsAdded { added: Result<usize, String> },
    Lessons { lessons: Vec<StatementLesson> },
    /// `None`: the document or statement is no longer in the bundle.
    Broken { breakage: Option<Breakage> },
    Reviewed { calls: Vec<CheckedCall> },
    /// The form the record fills and the policy it set, or why it is not importable.
    RecordImported { result: Result<(FormFill, Option<RecordPolicy>), String> },
    Troubleshot { result: Result<Diagnoses, String> },
    Rules { rules: Vec<RuleText> },
    /// Every format (none when the input cannot be read), and which scanners the templates pass.
    Exports { files: Vec<ExportedFile>, scanned: String },
}

/// A question or an answer with the id the page matches them by.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<T> {
    pub id: u32,
    pub body: T,
}

/// The worker's whole job: answer one question.
pub fn answer(question: Question) -> Answer {
    match question {
        Question::Check { text, kind, against } => {
            let scenario = against.as_ref().map(|f| (f.scenario, &f.input));
            let checked = Checked::of_paste(&text, kind, scenario, || match &against {
                Some(form) => crate::analyze_in_scenario(&text, kind, form.scenario, &form.input),
                None => crate::analyze(&text, kind),
            });
            Answer::Checked { checked }
        }
        Question::Documents { form } => Answer::Documents {
            documents: checked::documents(&form),
        },
        Question::Compare { form, file_name, pasted, policy } => compared(&form, &file_name, &pasted, policy.as_deref()),
        // Where index.html has Trunk copy `src/catalog/iam/data/actions-native.txt`. The dataset in
        // the query keeps a browser from reusing a cached list of another dataset.
        Question::ActionsListPath => Answer::ActionsListPath {
            path: format!(
                "on-demand/actions-native.txt?dataset={}",
                crate::catalog::iam::dataset().version
            ),
        },
        Question::AddActions { list } => Answer::ActionsAdded {
            // The catalogue keeps `&'static` slices of the text, as it does of the embedded files;
            // it arrives once per page, so leaking it is what keeping it would be.
            added: crate::catalog::iam::add_actions(Box::leak(list.into_boxed_str())),
        },
        Question::Lessons { form, file_name } => Answer::Lessons {
            lessons: bundle(&form)
                .as_ref()
                .as_ref()
                .and_then(|b| b.document(&file_name).map(|d| crate::teaching::lessons(form.scenario, d)))
                .unwrap_or_default(),
        },
        Question::Break { form, file_name, index } => Answer::Broken {
            breakage: bundle(&form)
                .as_ref()
                .as_ref()
                .and_then(|b| crate::teaching::break_statement_at(b, &form.input, &file_name, index)),
        },
        Question::Review { form } => Answer::Reviewed {
            calls: bundle(&form)
                .as_ref()
                .as_ref()
                .map(|b| crate::teaching::review_checklist(b, &form.input))
                .unwrap_or_default(),
        },
        Question::ImportRecord { text, inputs } => Answer::RecordImported {
            result: import_record(&text).map(|import| {
                let current = inputs.get(&import.scenario).cloned().unwrap_or(Value::Null);
                (fill_form(&import, &current), import.policy)
            }),
        },
        Question::Troubleshoot { message, input } => Answer::Troubleshot {
            result: crate::scenarios::s3_export::troubleshoot::troubleshoot_input(&message, &input),
        },
        Question::Exports { form } => Answer::Exports {
            files: bundle(&form)
                .as_ref()
                .as_ref()
                .map(|b| {
                    crate::export::Format::ALL
                        .into_iter()
                        .map(|format| ExportedFile {
                            format,
                            file_name: format.file_name(b),
                            text: crate::export::export(b, format),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            scanned: crate::export::scanned_note(),
        },
        Question::Rules => Answer::Rules {
            rules: crate::lint::RULES.iter().map(|rule| rule.text()).collect(),
        },
    }
}

/// The worker's loop body: a question as the page wrote it (JSON of an [`Envelope`]) to the answer's
/// JSON, or `None` for text that is not a question of ours (it gets no answer).
pub fn answer_json(question: &str) -> Option<String> {
    let question: Envelope<Question> = serde_json::from_str(question).ok()?;
    serde_json::to_string(&Envelope {
        id: question.id,
        body: answer(question.body),
    })
    .ok()
}

thread_local! {
    // One form change asks the documents' verdicts, the exports, and with teaching mode on the
    // lessons and the review, each about the same form: the bundle is generated once for them.
    static LAST_BUNDLE: RefCell<Option<(Form, Rc<Option<Bundle>>)>> = const { RefCell::new(None) };
}

/// The form's bundle (none when its input cannot be read), generated once per distinct form.
pub(crate) fn bundle(form: &Form) -> Rc<Option<Bundle>> {
    LAST_BUNDLE.with(|last| {
        if let Some((seen, bundle)) = last.borrow().as_ref() {
            if seen == form {
                return Rc::clone(bundle);
            }
        }
        let bundle = Rc::new(form.scenario.run(&form.input).bundle);
        *last.borrow_mut() = Some((form.clone(), Rc::clone(&bundle)));
        bundle
    })
}

fn compared(form: &Form, file_name: &str, pasted: &str, pick: Option<&str>) -> Answer {
    let unloaded = crate::analysis::text_services_without_actions(pasted);
    let comparison = if pasted.trim().is_empty() {
        None
    } else {
        let calls = form.scenario.required_calls(&form.input);
        bundle(form)
            .as_ref()
            .as_ref()
            .and_then(|bundle| crate::compare::compare_document(bundle, file_name, pasted, pick, &calls, &form.input))
    };
    let summary = match &comparison {
        Some(c) => crate::compare::summary(c),
        None => format!("Nothing to compare yet: paste the policy you have for {file_name}."),
    };
    Answer::Compared {
        comparison,
        summary,
        unloaded,
    }
}

#[cfg(test)]
mod tests;
