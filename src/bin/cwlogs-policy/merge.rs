//! `merge EXISTING NEW`: the existing policy with NEW's statements that it does not already cover
//! appended. The merged policy goes to standard output, what the merge did to standard error.

use crate::args::MergeArgs;
use crate::io::{load_policy, policy_text};
use cwlogs_policy::analyze;
use cwlogs_policy::merge::{merge_pasted, MergeRefusal};
use cwlogs_policy::policy::Policy;


/// Exit 0: merged; 1: merged, but over the kind's size limit (still printed); 2: bad input, or an
/// EXISTING the tool could not read whole or that has errors (nothing printed: a merge would lose
/// what was not read).
pub fn run(args: &MergeArgs) -> u8 {
    let kind = args.kind.policy_kind();
    let pick = args.policy.as_deref();
    let ((text, kind, form, put_back), new) = match (policy_text(&args.existing, kind, pick), load_policy(&args.new, kind, pick)) {
        (Ok(existing), Ok(new)) => (existing, new),
        _ => return 2,
    };
    if let Some(put_back) = put_back {
        tell!(
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
    say!("{}", result.text);

    let n = |count: usize| if count == 1 { "statement" } else { "statements" };
    let added: Vec<String> = result.added.iter().map(|&i| statement(&result.policy, i)).collect();
    if added.is_empty() {
        tell!("added 0 statements");
    } else {
        tell!("added {} {}: {}", added.len(), n(added.len()), added.join(", "));
    }
    if !result.skipped.is_empty() {
        let skipped: Vec<String> = result
            .skipped
            .iter()
            .map(|&(r, by)| format!("{} of NEW (by {})", statement(&new, r), statement(&result.policy, by)))
            .collect();
        tell!(
            "skipped {} {} already covered: {}",
            skipped.len(),
            n(skipped.len()),
            skipped.join(", ")
        );
    }
    for (from, to) in &result.renamed {
        tell!("renamed Sid {from:?} to {to:?}: the Sid was taken");
    }
    let unit = kind.size_limit().unit.words();
    tell!(
        "size {} of {} {unit}, the {} limit",
        result.size,
        result.limit,
        kind.label()
    );
    if result.over_limit {
        tell!(
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
    tell!("error: {file}: not merged: {first}{}", message.as_str());
    for f in &refusal.findings {
        let mut f = f.clone();
        f.render_in(crate::output::lang());
        tell!("{file}:{}:{}: {} {}", f.line, f.column, f.code, f.message);
    }
    tell!("  help: {}", refusal.help);
}
