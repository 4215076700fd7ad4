//! `merge EXISTING NEW`: the existing policy with NEW's statements that it does not already cover
//! appended. The merged policy goes to standard output, what the merge did to standard error.

use crate::args::KindArg;
use crate::diff::{load_policy, policy_kind, policy_text};
use clap::Args;
use cwlogs_policy::analyze;
use cwlogs_policy::merge::{merge_pasted, size_limit, MergeRefusal, SizeUnit};
use cwlogs_policy::policy::Policy;
use std::path::PathBuf;

#[derive(Args)]
pub struct MergeArgs {
    /// What kind of policy the two files are.
    #[arg(long = "type", value_enum, default_value_t = KindArg::Key)]
    pub kind: KindArg,
    /// When a file holds several policies, the one with this name (logical id, resource address
    /// or policyName).
    #[arg(long, value_name = "NAME")]
    pub policy: Option<String>,
    /// The policy as it is now; its statements are kept as they are, in their order. Either file
    /// may be `-`, standard input. Like `check`, it may be what `aws …` printed (get-key-policy,
    /// get-bucket-policy, describe-resource-policies, get-role, get-role-policy,
    /// get-policy-version), a CloudFormation template, a Terraform file or an AWS Config item:
    /// the merged policy is printed bare all the same, because every matching put- command
    /// (put-key-policy, put-bucket-policy, put-resource-policy, update-assume-role-policy,
    /// put-role-policy, create-policy-version) takes the bare policy document; a template's
    /// policy is to be pasted back into the template by hand.
    pub existing: PathBuf,
    /// A policy holding the statements to add.
    pub new: PathBuf,
}

/// Exit 0: merged; 1: merged, but over the kind's size limit (still printed); 2: bad input, or an
/// EXISTING the tool could not read whole or that has errors (nothing printed: a merge would lose
/// what was not read).
pub fn run(args: &MergeArgs) -> u8 {
    let kind = policy_kind(args.kind);
    let pick = args.policy.as_deref();
    let ((text, kind, form, put_back), new) = match (policy_text(&args.existing, kind, pick), load_policy(&args.new, kind, pick)) {
        (Ok(existing), Ok(new)) => (existing, new),
        _ => return 2,
    };
    if let Some(put_back) = put_back {
        eprintln!(
            "note: {} is {}; the merged policy below is the bare document. {put_back}",
            args.existing.display(),
            form.label()
        );
    }
    let analysis = analyze(&text, kind);
    let result = match merge_pasted(&text, &analysis, &new.statements) {
        Ok(result) => result,
        Err(refusal) => {
            explain_refusal(&args.existing.display().to_string(), &refusal);
            return 2;
        }
    };
    println!("{}", result.text);

    let n = |count: usize| if count == 1 { "statement" } else { "statements" };
    let added: Vec<String> = result.added.iter().map(|&i| statement(&result.policy, i)).collect();
    if added.is_empty() {
        eprintln!("added 0 statements");
    } else {
        eprintln!("added {} {}: {}", added.len(), n(added.len()), added.join(", "));
    }
    if !result.skipped.is_empty() {
        let skipped: Vec<String> = result
            .skipped
            .iter()
            .map(|&(r, by)| format!("{} of NEW (by {})", statement(&new, r), statement(&result.policy, by)))
            .collect();
        eprintln!(
            "skipped {} {} already covered: {}",
            skipped.len(),
            n(skipped.len()),
            skipped.join(", ")
        );
    }
    for (from, to) in &result.renamed {
        eprintln!("renamed Sid {from:?} to {to:?}: the Sid was taken");
    }
    let unit = match size_limit(kind).unit {
        SizeUnit::Bytes => "bytes",
        SizeUnit::Characters => "characters",
        SizeUnit::CharactersWithoutWhitespace => "characters (whitespace not counted)",
    };
    eprintln!(
        "size {} of {} {unit}, the {} limit",
        result.size,
        result.limit,
        kind.label()
    );
    if result.over_limit {
        eprintln!(
            "error: the merged policy is over the {} limit by {} {unit}; AWS would reject it",
            kind.label(),
            result.size - result.limit
        );
        return 1;
    }
    0
}

/// `Statement[3] "Sid"`, numbered from 1.
fn statement(policy: &Policy, index: usize) -> String {
    match policy.statements.get(index).and_then(|s| s.sid.as_ref()) {
        Some(sid) => format!("Statement[{}] {:?}", index + 1, sid.value),
        None => format!("Statement[{}]", index + 1),
    }
}

/// `error: not merged: …`, then each place as `file:line:col: message`, then what to do.
fn explain_refusal(file: &str, refusal: &MergeRefusal) {
    let mut message = refusal.message.chars();
    let first = message.next().map(|c| c.to_lowercase().to_string()).unwrap_or_default();
    eprintln!("error: {file}: not merged: {first}{}", message.as_str());
    for f in &refusal.findings {
        eprintln!("{file}:{}:{}: {} {}", f.line, f.column, f.code, f.message);
    }
    eprintln!("  help: {}", refusal.help);
}
