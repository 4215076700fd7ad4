//! Bundle: what a scenario produces.

use crate::policy::{Policy, PolicyKind};
use crate::scenarios::Step;
use serde::Serialize;

/// Every document and command one scenario needs, consistent with each other.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bundle {
    pub scenario: crate::scenarios::ScenarioId,
    pub documents: Vec<Document>,
    /// Non-policy files the steps read (bucket encryption settings, an event pattern …).
    pub files: Vec<Artifact>,
    /// In the order they must be run.
    pub steps: Vec<Step>,
    /// Things to know that are not a document or a command (warnings about data, propagation …).
    pub notes: Vec<String>,
}

impl Bundle {
    /// The document the steps read from `file_name`, e.g. `key-policy.json`.
    pub fn document(&self, file_name: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.file_name == file_name)
    }
}

/// One policy document to apply.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Document {
    /// What it is, e.g. "Key policy for the new key".
    pub name: String,
    /// The file the steps read it from, e.g. `key-policy.json`.
    pub file_name: String,
    pub kind: PolicyKind,
    #[serde(serialize_with = "serialize_policy")]
    pub policy: Policy,
    /// Why each statement is there, in statement order.
    pub explanations: Vec<Explanation>,
    /// Statements that a later step merges into an existing policy of `kind` (vended-logs'
    /// key-policy-statement.json), not a whole policy: checked as such.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub fragment: bool,
    /// Findings the checker makes on this document on purpose, each with the reason the page
    /// shows beside it. Any other finding on a generated document is a generator bug.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expected_findings: Vec<ExpectedFinding>,
}

/// A finding a generated document gets knowingly: the rule, the statement (by its explanation's
/// Sid) and why the statement is written so anyway.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExpectedFinding {
    pub code: &'static str,
    pub sid: String,
    pub because: &'static str,
}

impl Document {
    /// `key-policy.json` as KMS's default policy names it (`Id` `key-default-1`), for a new or
    /// an existing key.
    pub fn key_policy(statements: Vec<crate::policy::Statement>, explanations: Vec<Explanation>, new_key: bool) -> Self {
        let mut policy = Policy::new(statements);
        policy.id = Some(crate::policy::Text::new("key-default-1"));
        let name = if new_key { "Key policy for the new key" } else { "Key policy for the key" };
        Document {
            name: name.into(),
            file_name: "key-policy.json".into(),
            kind: PolicyKind::Key,
            policy,
            explanations,
            fragment: false,
            expected_findings: Vec::new(),
        }
    }

    /// The checker's verdict on [`Document::text`], as what the document is (a whole policy or
    /// statements to merge), with each expected finding carrying its reason.
    pub fn check(&self) -> crate::analysis::Analysis {
        let text = self.text();
        let mut analysis = crate::analysis::analyze_as(&text, self.kind, None, self.fragment);
        for finding in &mut analysis.findings {
            let sid = statement_index(&finding.path)
                .and_then(|i| self.explanations.get(i))
                .map(|e| e.sid.as_str());
            finding.expected_because = self
                .expected_findings
                .iter()
                .find(|e| e.code == finding.code && Some(e.sid.as_str()) == sid)
                .map(|e| e.because.to_owned());
        }
        analysis
    }

    /// The canonical text the page shows and the steps apply.
    pub fn text(&self) -> String {
        crate::policy::print(&self.policy)
    }
}

/// The statement a finding's path is in: `Statement[2].Principal` is 2, `Statement.Action` (a
/// single statement object) is 0.
fn statement_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("Statement")?;
    match rest.strip_prefix('[') {
        Some(indexed) => indexed.split(']').next()?.parse().ok(),
        None => rest.starts_with('.').then_some(0),
    }
}

/// In AWS's element order, as the page shows it.
fn serialize_policy<S: serde::Serializer>(policy: &Policy, s: S) -> Result<S::Ok, S::Error> {
    crate::policy::to_json(policy).serialize(s)
}

/// Why one statement exists.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    pub sid: String,
    /// One paragraph: what it allows, to whom, and what breaks without it.
    pub why: String,
    pub doc_url: &'static str,
    /// Why the statement stays although no call the bundle's checklist makes needs it, or although it
    /// is wider than those calls or admits a service without its source conditions (the key's
    /// administration statement, a console extra the user ticked …). Shown next to the statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept_because: Option<&'static str>,
}

impl Explanation {
    /// The stated reason of every key policy's administration statement (KMS's default
    /// `Enable IAM User Permissions`): no call of the scenario needs it, and it stays.
    pub const KEY_ADMINISTRATION: &'static str = "KMS's default administration statement: no call of this setup needs it, but without it nobody in the account could change or use the key through IAM again (lockout).";

    /// A console extra the user ticked.
    pub const CONSOLE_EXTRA: &'static str =
        "a console extra you ticked: the console lists these resources to offer them as choices; the commands below do not need it.";
}

/// A CloudTrail `eventSource` / `eventName` pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct TrailEvent {
    pub source: &'static str,
    pub name: &'static str,
}

impl TrailEvent {
    pub const fn kms(name: &'static str) -> Self {
        TrailEvent {
            source: "kms.amazonaws.com",
            name,
        }
    }
    pub const fn logs(name: &'static str) -> Self {
        TrailEvent {
            source: "logs.amazonaws.com",
            name,
        }
    }
    pub const fn s3(name: &'static str) -> Self {
        TrailEvent {
            source: "s3.amazonaws.com",
            name,
        }
    }
    pub const fn iam(name: &'static str) -> Self {
        TrailEvent {
            source: "iam.amazonaws.com",
            name,
        }
    }
    pub const fn firehose(name: &'static str) -> Self {
        TrailEvent {
            source: "firehose.amazonaws.com",
            name,
        }
    }
}

/// A file that is not a policy, shown and downloadable like a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Artifact {
    pub name: String,
    pub file_name: String,
    /// The exact file content.
    pub content: String,
    /// What it is for, in one paragraph.
    pub why: String,
}
