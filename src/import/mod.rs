//! Recognising the policies inside pasted text: what `aws …` printed, a CloudFormation template
//! (JSON or YAML), a Terraform file or an AWS Config item — each policy found with its kind, its
//! name, its span in the paste and the policy text the checks read, mapped back to the paste.
//!
//! A bare policy (or text that is none of these) comes back as one policy, the whole paste, so
//! it is checked exactly as before. Nothing here panics or recurses without a limit on any input.

pub mod aws_cli;
mod check;
mod cloudformation;
mod config_item;
mod named_regions;
mod source_map;
mod terraform;
mod tree;
mod yaml;

pub use check::{check, PolicyCheck};
pub use source_map::{NodeRun, Run, SourceMap};

use crate::json::{self, Span, SyntaxError};
use crate::policy::PolicyKind;
use serde::Serialize;
use tree::{Node, NodeKind};

/// What the paste was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Form {
    /// A policy document (or text that is nothing this module recognises).
    Policy,
    /// The JSON an `aws …` command printed.
    AwsCli,
    CloudFormationJson,
    CloudFormationYaml,
    Terraform,
    ConfigItem,
}

impl Form {
    pub fn label(self) -> &'static str {
        match self {
            Form::Policy => "policy document",
            Form::AwsCli => "AWS CLI output",
            Form::CloudFormationJson => "CloudFormation template (JSON)",
            Form::CloudFormationYaml => "CloudFormation template (YAML)",
            Form::Terraform => "Terraform",
            Form::ConfigItem => "AWS Config configuration item",
        }
    }
}

/// One policy found in the paste.
#[derive(Clone, Debug, Serialize)]
pub struct Policy {
    /// Logical id, resource address or policy name; empty for a bare policy.
    pub name: String,
    /// Where it was found: `AWS::KMS::Key KeyPolicy`, `aws kms get-key-policy`, `aws_kms_key.policy`.
    pub source: String,
    /// The resource type or command alone, for labels: `AWS::KMS::Key`.
    pub resource_type: String,
    /// `None` for a bare policy: the caller says what it is.
    pub kind: Option<PolicyKind>,
    /// The policy's value in the paste.
    pub span: Span,
    /// The policy text the checks read.
    pub text: String,
    pub map: SourceMap,
    /// Whether `${…}` in its strings stands for a value known only at deployment.
    pub placeholders: bool,
    /// What the rest of a CloudFormation template says about this policy's resource (the log
    /// groups its key encrypts), for the rules that compare documents; empty elsewhere.
    pub stack: crate::lint::StackFacts,
}

impl Policy {
    /// One sentence: what sets this policy again once merged, for a paste of `form`. Every `put-…`
    /// command takes the bare document, so a merge is printed bare whatever was pasted (`None` for
    /// a bare policy, which is what was pasted).
    pub fn put_back(&self, form: Form) -> Option<String> {
        let by_kind = || aws_cli::COMMANDS.into_iter().find(|c| Some(c.kind) == self.kind).map(|c| c.put);
        match form {
            Form::Policy => None,
            Form::AwsCli => Some(match aws_cli::command(&self.source) {
                Some(c) => format!("{} takes this bare policy, not the {} answer around it.", c.put, c.get),
                None => "The put- command takes this bare policy, not the answer around it.".to_owned(),
            }),
            Form::CloudFormationJson | Form::CloudFormationYaml | Form::Terraform => Some(format!(
                "Put it back into the {} by hand, as {} ({}): the template sets the policy, no put- command.",
                form.label(),
                self.name,
                self.source
            )),
            Form::ConfigItem => Some(match by_kind() {
                Some(put) => format!("AWS Config only records the policy: {put} takes this bare policy."),
                None => "AWS Config only records the policy: set this bare policy with its put- command.".to_owned(),
            }),
        }
    }
}

/// A non-error remark about the paste (a policy given by reference, not inline).
#[derive(Clone, Debug, Serialize)]
pub struct Note {
    pub message: String,
    pub span: Span,
}

/// Everything found in one paste.
#[derive(Clone, Debug, Serialize)]
pub struct Extraction {
    pub form: Form,
    pub policies: Vec<Policy>,
    /// Why the paste (or part of it) could not be read: syntax errors, limits.
    #[serde(serialize_with = "serialize_problems")]
    pub problems: Vec<SyntaxError>,
    pub notes: Vec<Note>,
}

fn serialize_problems<S: serde::Serializer>(problems: &[SyntaxError], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(problems.len()))?;
    for p in problems {
        seq.serialize_element(&serde_json::json!({ "message": p.message, "span": p.span, "help": p.help }))?;
    }
    seq.end()
}

/// A policy of a recognised source before its text is taken out.
pub(crate) struct Candidate {
    pub name: String,
    pub source: String,
    pub resource_type: String,
    pub kind: PolicyKind,
    pub value: Node,
}

/// Every policy in `paste`. Never panics; a bare policy or unrecognised text is one policy, the
/// whole paste.
pub fn extract(paste: &str) -> Extraction {
    let trimmed = paste.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        if let Ok(value) = json::parse(paste) {
            if value.get("Statement").is_none() {
                let doc = Node::from_json(&value);
                let found = if cloudformation::is_template(&doc) {
                    Some((Form::CloudFormationJson, cloudformation::policies(&doc)))
                } else if let Some(items) = config_item::policies(&doc) {
                    Some((Form::ConfigItem, items))
                } else {
                    aws_cli::policies(&doc).map(|c| (Form::AwsCli, c))
                };
                if let Some((form, candidates)) = found {
                    let mut extraction = from_candidates(paste, form, candidates, Vec::new());
                    if form == Form::CloudFormationJson {
                        cloudformation::link_stack(&doc, &mut extraction.policies);
                    }
                    return extraction;
                }
            }
        }
        return bare(paste);
    }
    if terraform::looks_like(paste) {
        return terraform::extract(paste);
    }
    if yaml::looks_like_template(paste) {
        return match yaml::parse(paste) {
            Ok(doc) if cloudformation::is_template(&doc) => {
                let mut extraction =
                    from_candidates(paste, Form::CloudFormationYaml, cloudformation::policies(&doc), Vec::new());
                cloudformation::link_stack(&doc, &mut extraction.policies);
                extraction
            }
            Ok(_) => bare(paste),
            Err(problem) => Extraction {
                form: Form::CloudFormationYaml,
                policies: Vec::new(),
                problems: vec![problem],
                notes: Vec::new(),
            },
        };
    }
    bare(paste)
}

fn bare(paste: &str) -> Extraction {
    Extraction {
        form: Form::Policy,
        policies: vec![Policy {
            name: String::new(),
            source: String::new(),
            resource_type: String::new(),
            kind: None,
            span: Span::new(0, paste.len()),
            text: paste.to_owned(),
            map: SourceMap::slice(0),
            placeholders: false,
            stack: Default::default(),
        }],
        problems: Vec::new(),
        notes: Vec::new(),
    }
}

pub(crate) fn from_candidates(paste: &str, form: Form, candidates: Vec<Candidate>, mut notes: Vec<Note>) -> Extraction {
    let mut policies = Vec::new();
    for c in candidates {
        match take_out(paste, &c.value, form == Form::Terraform) {
            Some((text, map, placeholders)) => policies.push(Policy {
                name: c.name,
                source: c.source,
                resource_type: c.resource_type,
                kind: Some(c.kind),
                span: c.value.span,
                text,
                map,
                placeholders,
                stack: Default::default(),
            }),
            None => notes.push(Note {
                message: format!(
                    "{} ({}): the policy is not written inline here, so it is not checked",
                    c.name, c.source
                ),
                span: c.value.span,
            }),
        }
    }
    Extraction { form, policies, problems: Vec::new(), notes }
}

/// The policy text of `value`, its map onto the paste and whether it holds placeholders.
/// `interpolated`: strings are templates whose `${…}` are placeholders (Terraform).
fn take_out(paste: &str, value: &Node, interpolated: bool) -> Option<(String, SourceMap, bool)> {
    let span = value.span;
    let source = paste.get(span.start..span.end)?;
    match &value.kind {
        NodeKind::Object(_) | NodeKind::Array(_) => {
            let placeholders = interpolated || value.has_placeholder();
            let verbatim = source.starts_with('{') && !placeholders && json::parse(source).is_ok();
            if verbatim {
                Some((source.to_owned(), SourceMap::slice(span.start), false))
            } else {
                let (text, map) = value.render();
                Some((text, map, placeholders))
            }
        }
        NodeKind::Str { quoted: true, .. } => {
            let (decoded, runs) = source_map::unescape_json_literal(source, span.start)?;
            Some(match url_decoded(&decoded) {
                Some(text) => (text.clone(), SourceMap::whole(text.len(), span), interpolated),
                None => (decoded, SourceMap::Exact(runs), interpolated),
            })
        }
        NodeKind::Str { value: text, quoted: false } => Some(match url_decoded(text) {
            Some(text) => (text.clone(), SourceMap::whole(text.len(), span), interpolated),
            None => lines_or_whole(text, source, span, interpolated),
        }),
        NodeKind::Placeholder(text) if text.trim_start().starts_with('{') => Some(lines_or_whole(text, source, span, true)),
        _ => None,
    }
}

fn lines_or_whole(text: &str, source: &str, span: Span, placeholders: bool) -> (String, SourceMap, bool) {
    let map = source_map::lines_within(text, source, span.start)
        .map_or_else(|| SourceMap::whole(text.len(), span), SourceMap::Exact);
    (text.to_owned(), map, placeholders)
}

/// IAM's API returns documents URL-encoded (`%7B%22Version…`); AWS Config keeps them so.
fn url_decoded(text: &str) -> Option<String> {
    if !text.starts_with("%7B") && !text.starts_with("%7b") {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%').then(|| text.get(i + 1..i + 3)).flatten();
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(b) => {
                out.push(b);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests;
