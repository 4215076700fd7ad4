//! `analyze`: the one entry the page and the CLI call to check a pasted policy;
//! `analyze_in_scenario` checks it against what a scenario's form says as well.

use crate::catalog::iam;
use crate::json::{parse_document, LineIndex};
use crate::lint::{self, rules::json_syntax, rules::policy_size, Context, Finding, ScenarioContext, Severity};
use crate::policy::{lower, Policy, PolicyKind};
use crate::scenarios::ScenarioId;

/// The result of checking one document.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub kind: PolicyKind,
    /// Ordered by position in the text.
    pub findings: Vec<Finding>,
    /// The policy as read, when the text parsed.
    pub policy: Option<Policy>,
}

impl Analysis {
    pub fn count(&self, severity: Severity) -> usize {
        self.findings.iter().filter(|f| f.severity == severity).count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// The services whose action names the checks could not look up because they are not
    /// loaded yet (only ever in the page): see [`services_without_actions`].
    pub fn services_without_actions(&self) -> Vec<&'static str> {
        self.policy.as_ref().map(services_without_actions).unwrap_or_default()
    }
}

/// The services `policy` names an action of whose action names this build has not loaded yet:
/// the page loads them on demand, and until then IAM013 and IAM014 skip those services. Empty
/// once every service's actions are loaded (always in native builds).
pub fn services_without_actions(policy: &Policy) -> Vec<&'static str> {
    if iam::actions_complete() {
        return Vec::new();
    }
    let values = policy
        .statements
        .iter()
        .flat_map(|s| [&s.action, &s.not_action])
        .flatten()
        .flat_map(|list| list.values());
    iam::services_without_actions(values)
}

/// [`services_without_actions`] of a policy text; empty when it does not parse (nothing is
/// looked up then).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // the page's compare panel
pub fn text_services_without_actions(text: &str) -> Vec<&'static str> {
    if iam::actions_complete() {
        return Vec::new();
    }
    parse_document(text)
        .map(|json| services_without_actions(&lower(&json)))
        .unwrap_or_default()
}

/// Parses, lowers and lints `text` as a policy of `kind`. Never panics on any input.
pub fn analyze(text: &str, kind: PolicyKind) -> Analysis {
    run(text, kind, None, false, None)
}

/// Like [`analyze`], for statements that a later step merges into an existing policy of `kind`
/// rather than a whole policy: rules about what a whole policy must contain skip it.
pub fn analyze_fragment(text: &str, kind: PolicyKind) -> Analysis {
    run(text, kind, None, true, None)
}

/// Like [`analyze`], with the rules that compare a policy with a scenario's input (its Region,
/// account, key, log groups, bucket) also judging against `input`, the scenario's form values as
/// JSON keyed by field name. Blank fields are not compared.
pub fn analyze_in_scenario(text: &str, kind: PolicyKind, scenario: ScenarioId, input: &serde_json::Value) -> Analysis {
    let facts = scenario.facts(input);
    run(text, kind, Some(&facts), false, None)
}

/// The general form of the three above: `scenario` as for [`analyze_in_scenario`], `fragment` as
/// for [`analyze_fragment`] (the CLI's `check --scenario … --statements`).
pub fn analyze_as(
    text: &str,
    kind: PolicyKind,
    scenario: Option<(ScenarioId, &serde_json::Value)>,
    fragment: bool,
) -> Analysis {
    analyze_in_stack(text, kind, scenario, fragment, None)
}

/// [`analyze_as`] of a policy found in a template, with what the rest of the template says about
/// its resource (`import::check` passes it), so the rules that compare documents judge it too.
pub fn analyze_in_stack(
    text: &str,
    kind: PolicyKind,
    scenario: Option<(ScenarioId, &serde_json::Value)>,
    fragment: bool,
    stack: Option<&crate::lint::StackFacts>,
) -> Analysis {
    let facts = scenario.map(|(id, input)| id.facts(input));
    run(text, kind, facts.as_ref(), fragment, stack)
}

fn run(
    text: &str,
    kind: PolicyKind,
    scenario: Option<&ScenarioContext>,
    fragment: bool,
    stack: Option<&crate::lint::StackFacts>,
) -> Analysis {
    let index = LineIndex::new(text);
    match parse_document(text) {
        Err(error) => Analysis {
            kind,
            findings: vec![json_syntax::diagnostic(error).locate(text, &index)],
            policy: None,
        },
        Ok(json) => {
            let policy = lower(&json);
            let ctx = Context {
                scenario,
                fragment,
                stack,
                ..Context::new(text, &json, &policy, kind)
            };
            let diagnostics = if text.len() > policy_size::FULL_CHECK_LIMIT {
                vec![policy_size::too_large_to_check(&ctx)]
            } else {
                lint::run(&ctx)
            };
            let findings = diagnostics.iter().map(|d| d.locate(text, &index)).collect();
            Analysis {
                kind,
                findings,
                policy: Some(policy),
            }
        }
    }
}
