//! `simulate`: would AWS allow a request, given the resource's policy and the caller's identity
//! policies? Prints the decision with the statements that made it.

use crate::args::{Format, SimulateArgs};
use crate::io::{load_policy, read_input};
use cwlogs_policy::eval::{evaluate, DecisionEffect, Request, StatementRef, Which};
use cwlogs_policy::policy::{Policy, PolicyKind};


/// Exit 0: allowed; 1: denied, explicitly or implicitly; 2: bad input.
pub fn run(args: &SimulateArgs) -> u8 {
    let kind = args.kind.policy_kind();
    let resource = match &args.policy {
        Some(path) => match load_policy(path, kind, None) {
            Ok(policy) => Some(policy),
            Err(code) => return code,
        },
        None => None,
    };
    let mut identities = Vec::new();
    for path in &args.identities {
        match load_policy(path, PolicyKind::Identity, None) {
            Ok(policy) => identities.push(policy),
            Err(code) => return code,
        }
    }
    let text = match read_input(&args.request) {
        Ok(text) => text,
        Err(code) => return code,
    };
    let request: Request = match serde_json::from_str(&text) {
        Ok(request) => request,
        Err(e) => {
            tell!("cwlogs-policy: {}: invalid request: {e}", args.request.display());
            return 2;
        }
    };
    let identity_refs: Vec<&Policy> = identities.iter().collect();
    let decision = evaluate(resource.as_ref().map(|p| (p, kind)), &identity_refs, &request);
    match args.format {
        Format::Json => say!("{}", serde_json::to_string_pretty(&decision).unwrap_or_default()),
        Format::Text => {
            say!("{}", decision.effect.as_str());
            if !decision.deciding.is_empty() {
                say!("deciding statements:");
                for at in &decision.deciding {
                    say!("  {}", name(at, args, kind));
                }
            }
            if !decision.unknown_keys.is_empty() {
                say!("unknown keys (treated as absent): {}", decision.unknown_keys.join(", "));
            }
            say!("reasons:");
            for reason in &decision.reasons {
                say!("  - {reason}");
            }
        }
    }
    u8::from(decision.effect != DecisionEffect::Allow)
}

/// `KMS key policy key.json, statement 2 "Sid"`: the policy, its file, the statement from 1.
fn name(at: &StatementRef, args: &SimulateArgs, kind: PolicyKind) -> String {
    let (label, file) = match at.policy {
        Which::Resource => (kind.label().to_owned(), args.policy.as_ref()),
        Which::Identity(n) => (format!("identity policy {}", n + 1), args.identities.get(n)),
    };
    let mut out = label;
    if let Some(file) = file {
        out.push_str(&format!(" {}", file.display()));
    }
    out.push_str(&format!(", statement {}", at.index + 1));
    if let Some(sid) = &at.sid {
        out.push_str(&format!(" {sid:?}"));
    }
    out
}
