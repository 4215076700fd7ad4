//! The evaluation engine against the case table in `tests/fixtures/eval/cases.json`, plus what the table
//! itself must cover.

use std::collections::BTreeSet;

use cwlogs_policy::eval::{evaluate, Caller, Decision, DecisionEffect, Request, Which};
use cwlogs_policy::json::{parse, parse_document, Value, ValueKind};
use cwlogs_policy::policy::{lower, Policy, PolicyKind};

struct Case {
    name: String,
    kind: Option<PolicyKind>,
    policy: Option<Policy>,
    identity: Vec<Policy>,
    request: Request,
    effect: DecisionEffect,
    deciding: Vec<String>,
    unknown_keys: Option<Vec<String>>,
}

/// The fixture is read with the crate's own parser so that each policy keeps its key order (and would
/// keep duplicate keys) exactly as written; requests go through serde, as the CLI reads them.
fn load() -> Vec<Case> {
    let path = format!("{}/tests/fixtures/eval/cases.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let doc = parse(&text).unwrap_or_else(|e| panic!("{path}: {}", e.message));
    let slice = |v: &Value| &text[v.span.start..v.span.end];
    let named = doc.get("policies").expect("a policies object");
    let policy_of = |v: &Value| -> Policy {
        let source = match &v.kind {
            ValueKind::String(s) => match named.get(s) {
                Some(p) => slice(p).to_string(),
                None => s.clone(),
            },
            _ => slice(v).to_string(),
        };
        lower(&parse_document(&source).unwrap_or_else(|e| panic!("policy {source}: {}", e.message)))
    };
    let strings = |v: Option<&Value>| -> Option<Vec<String>> {
        v.and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_string)).collect())
    };
    doc.get("cases")
        .and_then(Value::as_array)
        .expect("a cases array")
        .iter()
        .map(|c| {
            let name = c
                .get("name")
                .and_then(Value::as_str)
                .expect("every case has a name")
                .to_string();
            let field = |key: &str| c.get(key).unwrap_or_else(|| panic!("{name}: no {key}"));
            let kind = c
                .get("kind")
                .and_then(Value::as_str)
                .map(|k| PolicyKind::from_cli_name(k).unwrap_or_else(|| panic!("{name}: unknown kind {k}")));
            let policy = c.get("policy").filter(|p| p.kind != ValueKind::Null).map(policy_of);
            let identity = c
                .get("identity")
                .and_then(Value::as_array)
                .map_or(Vec::new(), |a| a.iter().map(policy_of).collect());
            let request: Request =
                serde_json::from_str(slice(field("request"))).unwrap_or_else(|e| panic!("{name}: request: {e}"));
            let effect = match field("effect").as_str() {
                Some("Allow") => DecisionEffect::Allow,
                Some("ExplicitDeny") => DecisionEffect::ExplicitDeny,
                Some("ImplicitDeny") => DecisionEffect::ImplicitDeny,
                other => panic!("{name}: effect {other:?}"),
            };
            let deciding = strings(Some(field("deciding"))).unwrap_or_default();
            let unknown_keys = strings(c.get("unknown_keys"));
            Case {
                name,
                kind,
                policy,
                identity,
                request,
                effect,
                deciding,
                unknown_keys,
            }
        })
        .collect()
}

fn run(case: &Case) -> Decision {
    let identity: Vec<&Policy> = case.identity.iter().collect();
    let resource = case
        .policy
        .as_ref()
        .zip(case.kind)
        .filter(|(_, k)| *k != PolicyKind::Identity);
    evaluate(resource, &identity, &case.request)
}

fn deciding_labels(d: &Decision) -> Vec<String> {
    d.deciding
        .iter()
        .map(|s| match s.policy {
            Which::Resource => format!("resource#{}", s.index),
            Which::Identity(n) => format!("identity{n}#{}", s.index),
        })
        .collect()
}

#[test]
fn every_case_in_the_table_decides_as_expected() {
    let cases = load();
    let mut failures = Vec::new();
    for case in &cases {
        let d = run(case);
        let deciding = deciding_labels(&d);
        let keys_ok = case.unknown_keys.as_ref().is_none_or(|k| *k == d.unknown_keys);
        if d.effect != case.effect || deciding != case.deciding || !keys_ok {
            failures.push(format!(
                "{}\n  expected {:?} {:?} unknown {:?}\n  got      {:?} {:?} unknown {:?}\n  {}",
                case.name,
                case.effect,
                case.deciding,
                case.unknown_keys,
                d.effect,
                deciding,
                d.unknown_keys,
                d.reasons.join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_table_covers_every_operator_element_and_outcome() {
    let cases = load();
    let mut operators = BTreeSet::new();
    let mut qualifiers = BTreeSet::new();
    let mut elements = BTreeSet::new();
    for case in &cases {
        for policy in case.policy.iter().chain(&case.identity) {
            for s in &policy.statements {
                for (present, element) in [
                    (s.not_principal.is_some(), "NotPrincipal"),
                    (s.not_action.is_some(), "NotAction"),
                    (s.not_resource.is_some(), "NotResource"),
                ] {
                    if present {
                        elements.insert(element);
                    }
                }
                for clause in &s.condition {
                    let mut name = clause.operator.value.as_str();
                    for prefix in ["ForAllValues:", "ForAnyValue:"] {
                        if let Some(rest) = name.strip_prefix(prefix) {
                            qualifiers.insert(prefix);
                            name = rest;
                        }
                    }
                    if let Some(base) = name.strip_suffix("IfExists") {
                        qualifiers.insert("IfExists");
                        name = base;
                    }
                    operators.insert(name.to_string());
                }
            }
        }
    }
    let documented = [
        "StringEquals",
        "StringNotEquals",
        "StringEqualsIgnoreCase",
        "StringNotEqualsIgnoreCase",
        "StringLike",
        "StringNotLike",
        "NumericEquals",
        "NumericNotEquals",
        "NumericLessThan",
        "NumericLessThanEquals",
        "NumericGreaterThan",
        "NumericGreaterThanEquals",
        "DateEquals",
        "DateNotEquals",
        "DateLessThan",
        "DateLessThanEquals",
        "DateGreaterThan",
        "DateGreaterThanEquals",
        "Bool",
        "BinaryEquals",
        "IpAddress",
        "NotIpAddress",
        "ArnEquals",
        "ArnLike",
        "ArnNotEquals",
        "ArnNotLike",
        "Null",
    ];
    let missing: Vec<&str> = documented.iter().copied().filter(|o| !operators.contains(*o)).collect();
    assert!(missing.is_empty(), "operators without a case: {missing:?}");
    assert_eq!(
        qualifiers,
        BTreeSet::from(["ForAllValues:", "ForAnyValue:", "IfExists"])
    );
    assert_eq!(elements, BTreeSet::from(["NotAction", "NotPrincipal", "NotResource"]));
    let effects: BTreeSet<String> = cases.iter().map(|c| format!("{:?}", c.effect)).collect();
    assert_eq!(effects.len(), 3, "{effects:?}");
    let kinds: BTreeSet<&str> = cases.iter().filter_map(|c| c.kind).map(PolicyKind::cli_name).collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["bucket", "identity", "key", "log-resource", "trust"])
    );
    let names: BTreeSet<&str> = cases.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), cases.len(), "case names are unique");
}

fn cwl_case(name: &str) -> Decision {
    let cases = load();
    let case = cases
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"));
    run(case)
}

#[test]
fn an_allow_names_the_statement_and_each_matching_element() {
    let d = cwl_case("logs service encrypts for the log group the key policy names");
    assert!(
        d.reasons[0].starts_with("allow: KMS key policy statement 2 allows service logs.us-east-1.amazonaws.com"),
        "{:?}",
        d.reasons
    );
    let line = d
        .reasons
        .iter()
        .find(|r| r.starts_with("KMS key policy statement 2 allows"))
        .expect("a line for statement 2");
    for part in [
        "principal matches (Service logs.us-east-1.amazonaws.com)",
        "action kms:GenerateDataKey matches kms:GenerateDataKey*",
        "resource * (this key)",
        "condition ArnEquals kms:EncryptionContext:aws:logs:arn matched",
    ] {
        assert!(line.contains(part), "{part:?} not in {line:?}");
    }
    assert!(d
        .reasons
        .iter()
        .any(|r| r.starts_with("KMS key policy statement 1 (Sid \"Enable IAM User Permissions\") does not apply")));
}

#[test]
fn an_implicit_deny_says_which_condition_failed() {
    let d = cwl_case("logs service is refused for another log group");
    assert!(
        d.reasons[0].starts_with("implicit deny: no statement allows"),
        "{:?}",
        d.reasons
    );
    assert!(d.reasons.iter().any(|r| r
        .contains("condition ArnEquals kms:EncryptionContext:aws:logs:arn did not match")
        && r.contains("log-group:/app/billing")));
}

#[test]
fn a_missing_key_is_named_instead_of_guessed() {
    let d = cwl_case("the caller role calling KMS directly has no kms:ViaService");
    assert_eq!(d.unknown_keys, ["kms:ViaService"]);
    assert!(
        d.reasons
            .iter()
            .any(|r| r.contains("the request does not carry kms:ViaService")),
        "{:?}",
        d.reasons
    );
    assert!(d.reasons[0].contains("only the account"), "{:?}", d.reasons);
    // Only the caller's own IAM policy is missing: the decision names the statement that delegates.
    assert_eq!(d.delegated.len(), 1, "{:?}", d.delegated);
    assert_eq!(d.delegated[0].policy, Which::Resource);
}

#[test]
fn delegation_through_the_root_statement_is_explained() {
    let d = cwl_case("the root statement delegates to an identity policy that allows");
    assert!(
        d.reasons[0].contains("allows the account, which lets its IAM policies grant access"),
        "{:?}",
        d.reasons
    );
    assert!(d.delegated.is_empty(), "an allow leaves nothing up to IAM: {:?}", d.delegated);
    let d = cwl_case("an identity policy cannot grant a key whose policy has no root statement");
    assert!(
        d.reasons[0].contains("a KMS key policy must itself allow the caller"),
        "{:?}",
        d.reasons
    );
    assert!(d.delegated.is_empty(), "no statement delegates: {:?}", d.delegated);
}

#[test]
fn the_decision_serializes_for_the_cli() {
    let d = cwl_case("the root statement delegates to an identity policy that allows");
    let json = serde_json::to_value(&d).expect("serializable");
    assert_eq!(json["effect"], "Allow");
    assert_eq!(json["deciding"][0]["policy"], "resource");
    assert_eq!(json["deciding"][0]["sid"], "Enable IAM User Permissions");
    assert_eq!(json["deciding"][1]["policy"]["identity"], 0);
    assert!(json["reasons"].as_array().is_some_and(|r| !r.is_empty()));
}

#[test]
fn hostile_input_never_panics() {
    let text = format!(
        r#"{{"Version": "2012-10-17", "Statement": [
            {{"Effect": "Allow", "Principal": {{"AWS": ["", ":", "arn:", "arn:aws:iam::", "{long}"]}}, "Action": "{stars}",
              "Resource": ["${{", "${{}}", "${{,}}", "${{a, '}}", "{stars}b"],
              "Condition": {{"DateLessThan": {{"k": ["9999999999999999999999", "0000-00-00"]}},
                             "IpAddress": {{"k": ["::/0", "1.2.3.4/999999999999"]}},
                             "BinaryEquals": {{"k": "===="}}, "NumericEquals": {{"k": "1e999"}},
                             "ArnLike": {{"k": ":::::::::"}}, "Null": {{"k": ["", "yes"]}}}}}},
            {{"Effect": "Deny", "NotPrincipal": {{}}, "NotAction": [], "NotResource": []}},
            {{}}]}}"#,
        long = "x".repeat(5000),
        stars = "*a".repeat(300),
    );
    let policy = lower(&parse_document(&text).expect("valid JSON"));
    for caller in [
        Caller::Anonymous,
        Caller::service(""),
        Caller::aws("arn:aws:sts::111122223333:assumed-role/").expect("parses"),
        Caller::Aws {
            arn: "garbage".into(),
            account: "111122223333".into(),
        },
    ] {
        for kind in PolicyKind::ALL {
            let request = Request::new(caller.clone(), "a".repeat(3000), "*a".repeat(1000))
                .with("k", ["", "::1", "1.2.3.4", "\u{0}"])
                .with("K", ["shadowed"]);
            let d = evaluate(Some((&policy, kind)), &[&policy], &request);
            assert!(!d.reasons.is_empty());
        }
    }
}

#[test]
fn a_malformed_condition_is_reported_as_not_evaluated_and_why() {
    let d = cwl_case("a Condition that is not an object is refused, not read as no condition");
    assert_eq!(d.effect, DecisionEffect::ImplicitDeny);
    assert_eq!(d.unevaluable.len(), 1, "{:?}", d.unevaluable);
    let refused = &d.unevaluable[0];
    assert_eq!(
        (refused.statement.policy, refused.statement.index),
        (Which::Resource, 0)
    );
    assert_eq!(refused.statement.sid.as_deref(), Some("Logs"));
    assert_eq!(refused.why, "Condition is not an object");
    assert!(
        d.reasons[1].starts_with("KMS key policy statement 1 (Sid \"Logs\") could not be evaluated"),
        "{:?}",
        d.reasons
    );
    assert!(d
        .reasons
        .iter()
        .any(|r| r.contains("could not be evaluated: Condition is not an object; AWS rejects")));
}

#[test]
fn a_refused_deny_is_named_in_the_verdict() {
    let d = cwl_case("a refused Deny statement keeps an allow from being confirmed");
    assert!(
        d.reasons[0].starts_with("implicit deny: the allow cannot be confirmed"),
        "{:?}",
        d.reasons
    );
    assert!(d.reasons[0].contains("statement 2"), "{:?}", d.reasons);
    assert_eq!(d.unevaluable[0].why, "Action: item 2 is not a string");
}

#[test]
fn well_formed_policies_have_nothing_unevaluable() {
    for case in load().iter().filter(|c| !c.name.contains("refused")) {
        assert_eq!(run(case).unevaluable, vec![], "{}", case.name);
    }
}
