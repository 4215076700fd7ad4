//! Issue 11's four properties, over every scenario and every option combination the scenario tests
//! enumerate (tests/scenario_inputs/):
//!
//! - every call granted: each call of the scenario's checklist (the calls AWS makes on the user's
//!   behalf, the callers' calls, and the vended-logs setup role's own calls, read from the typed
//!   steps it runs) gets the outcome it needs from the bundle's own policies;
//! - every grant used: each Allow statement decides at least one of those calls, and each source
//!   account a service statement admits is one some call comes from — or the statement states why it
//!   stays (`Explanation::kept_because`, shown to the user);
//! - narrowest resource: no statement also allows a near miss of a call it decides (another key,
//!   log group, account, Region, bucket, or an object outside the written prefix);
//! - confused deputy: each statement for a service principal carries the source conditions AWS
//!   documents for that service, and refuses a request sent on behalf of an account outside them.
//!
//! Violations listed in KNOWN_DEFECTS are known and open (each says why): they are
//! expected, and one that no longer occurs fails the test so that its entry is removed.
//! `cargo test --test bundle_properties -- --nocapture` prints the table of what was checked; it is
//! also written to target/bundle-properties.md.

mod scenario_inputs;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use cwlogs_policy::analyze;
use cwlogs_policy::eval::{evaluate, Caller, DecisionEffect, Request, StatementRef, Which};
use cwlogs_policy::policy::{Arn, Effect, Policy, PolicyKind, Statement};
use cwlogs_policy::scenarios::calls::{checklist, RequiredCall};
use cwlogs_policy::scenarios::{Bundle, Document, ScenarioId};
use serde_json::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Property {
    EveryCallGranted,
    EveryGrantUsed,
    NarrowestResource,
    ConfusedDeputy,
}

/// A known, open violation (an issue-11 defect, or 0 for one these properties found).
struct KnownDefect {
    scenario: ScenarioId,
    sid: &'static str,
    property: Property,
    /// Its number in issue 11's list of defects.
    defect: u8,
    what: &'static str,
}

/// Defect 0: found by these properties, not in issue 11's list (reported by wave-d).
const KNOWN_DEFECTS: &[KnownDefect] = &[
    KnownDefect { scenario: ScenarioId::S3Export, sid: "AllowGetBucketAcl", property: Property::EveryGrantUsed, defect: 5, what: "with the account-wide source scope and a bucket in another account, the bucket owner's account stays an admitted source as in AWS's cross-account example (§3.5); no call comes from it" },
    KnownDefect { scenario: ScenarioId::S3Export, sid: "AllowPutObject", property: Property::EveryGrantUsed, defect: 5, what: "with the account-wide source scope and a bucket in another account, the bucket owner's account stays an admitted source as in AWS's cross-account example (§3.5); no call comes from it" },
    KnownDefect { scenario: ScenarioId::VendedLogs, sid: "ReadWriteAccessForLogDeliveryActions", property: Property::NarrowestResource, defect: 0, what: "delivery-source:* / delivery-destination:* / delivery:* (AWS documented form) although the names are known" },
    KnownDefect { scenario: ScenarioId::VendedLogs, sid: "CreateLogDeliveryPermissions", property: Property::NarrowestResource, defect: 0, what: "delivery-source:* (AWS cross-account example) although the name is known" },
    KnownDefect { scenario: ScenarioId::VendedLogs, sid: "AllowUpdatesToResourcePolicyFH", property: Property::NarrowestResource, defect: 0, what: "deliverystream/* (AWS documented form, §4.4) although the stream's name is known; found once the setup role's own step calls were checked" },
    KnownDefect { scenario: ScenarioId::VendedLogs, sid: "PutLogDestinationPermissions", property: Property::NarrowestResource, defect: 0, what: "delivery-destination:* (AWS cross-account example) although the name is known" },
];

/// Accounts and names no call of any scenario uses, for near misses.
const STRANGER: &str = "999988887777";
const OTHER_NAME: &str = "probe-other-name";
const OUTSIDE_PREFIX: &str = "probe-outside-the-prefix/000000.gz";
const OTHER_BUCKET: &str = "probe-other-bucket";
const OTHER_KEY_ID: &str = "00000000-1111-2222-3333-444444444444";
const STRANGER_ORG: &str = "o-probestranger";

/// Names the scenarios' calls use to stand for "any one of them" (any log group of an account, any
/// query, any delivery): another such name is no near miss.
const STAND_INS: [&str; 3] = ["any-log-group", "example-query-id", "example-delivery-id"];

const CONTEXT_KEY: &str = "kms:EncryptionContext:aws:logs:arn";

struct Violation {
    scenario: ScenarioId,
    input: String,
    document: String,
    sid: String,
    property: Property,
    what: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} — {} — {} statement \"{}\": {}\n    input: {}",
            self.property,
            self.scenario.cli_name(),
            self.document,
            self.sid,
            self.what,
            self.input
        )
    }
}

/// What one scenario's combinations gave, for the table.
#[derive(Default)]
struct Tally {
    combinations: usize,
    calls: usize,
    grants: usize,
    kept: BTreeSet<String>,
}

fn every_combination() -> Vec<(ScenarioId, Value)> {
    scenario_inputs::every_combination()
}

fn policy(text: &str) -> Policy {
    analyze(text, PolicyKind::Identity).policy.expect("a policy")
}

/// The other side of a statement's evaluation, allowing everything, so that a probe is judged by the
/// statement alone: an identity policy for resource-side statements, a resource policy for identity ones.
/// Judged one statement at a time, and remembered: the combinations share most statements and probes.
struct Permissive {
    identity: Policy,
    resource: Policy,
    seen: std::sync::Mutex<std::collections::HashMap<String, bool>>,
}

impl Permissive {
    fn new() -> Self {
        Permissive {
            identity: policy(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#),
            resource: policy(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}"#,
            ),
            seen: Default::default(),
        }
    }

    /// Whether statement `index` of `doc` is among those that allow `request`.
    fn allows(&self, doc: &Document, index: usize, request: &Request) -> bool {
        let statement = &doc.policy.statements[index];
        let key = format!("{:?}|{statement:?}|{request:?}", doc.kind);
        if let Some(known) = self.seen.lock().expect("not poisoned").get(&key) {
            return *known;
        }
        let alone = Policy { statements: vec![statement.clone()], ..doc.policy.clone() };
        let (decision, side) = if doc.kind == PolicyKind::Identity {
            (evaluate(Some((&self.resource, PolicyKind::Bucket)), &[&alone], request), Which::Identity(0))
        } else {
            (evaluate(Some((&alone, doc.kind)), &[&self.identity], request), Which::Resource)
        };
        let allows = decision.effect == DecisionEffect::Allow && decision.deciding.iter().any(|r| r.policy == side);
        self.seen.lock().expect("not poisoned").insert(key, allows);
        allows
    }
}

fn sid_of(doc: &Document, index: usize) -> String {
    doc.policy.statements[index]
        .sid
        .as_ref()
        .map_or_else(|| format!("statement {}", index + 1), |t| t.value.clone())
}

fn kept_because(doc: &Document, index: usize) -> Option<&'static str> {
    doc.explanations.get(index).and_then(|e| e.kept_because)
}

fn is_allow(s: &Statement) -> bool {
    s.effect() == Some(Effect::Allow)
}

fn service_principals(s: &Statement) -> Vec<String> {
    s.principal
        .as_ref()
        .map(|p| {
            p.values()
                .into_iter()
                .filter(|(kind, _)| *kind == "Service")
                .map(|(_, v)| v.value.clone())
                .collect()
        })
        .unwrap_or_default()
}

fn condition_keys(s: &Statement) -> BTreeSet<String> {
    s.condition
        .iter()
        .flat_map(|c| c.entries.iter().map(|e| e.key.value.to_ascii_lowercase()))
        .collect()
}

/// The document and statement a deciding reference points at, for one call.
fn decided<'b>(bundle: &'b Bundle, call: &RequiredCall, at: &StatementRef) -> Option<&'b Document> {
    let find = |file: &str| bundle.document(file);
    match at.policy {
        Which::Resource => find(&call.resource_document),
        // The checklist passes only the identity documents the bundle has, in the call's order.
        Which::Identity(n) => call.identity_documents.iter().filter_map(|f| find(f)).nth(n),
    }
}

fn other_region(partition: &str, region: &str) -> &'static str {
    let candidates: [&str; 2] = match partition {
        "aws-cn" => ["cn-northwest-1", "cn-north-1"],
        "aws-us-gov" => ["us-gov-east-1", "us-gov-west-1"],
        _ => ["ap-southeast-2", "eu-central-1"],
    };
    candidates.into_iter().find(|r| *r != region).unwrap_or(candidates[0])
}

/// Near misses of an ARN: the same kind of resource with another name, in another account, in another
/// Region; for S3, an object outside the written prefix and another bucket.
fn arn_near_misses(arn: &str) -> Vec<(String, String)> {
    let Ok(a) = Arn::parse(arn) else { return Vec::new() };
    let mut out = Vec::new();
    if a.service == "s3" {
        match a.resource.split_once('/') {
            Some((bucket, _)) => {
                out.push((
                    "an object outside the written prefix".to_owned(),
                    format!("arn:{}:s3:::{bucket}/{OUTSIDE_PREFIX}", a.partition),
                ));
                let rest = &a.resource[bucket.len()..];
                out.push(("an object in a different bucket".to_owned(), format!("arn:{}:s3:::{OTHER_BUCKET}{rest}", a.partition)));
            }
            None => out.push(("a different bucket".to_owned(), format!("arn:{}:s3:::{OTHER_BUCKET}", a.partition))),
        }
        return out;
    }
    // `log-group:NAME:log-stream:S`, `delivery-source:NAME`, `key/ID`, `deliverystream/NAME` …
    if let Some(at) = a.resource.find([':', '/']) {
        let (kind, rest) = a.resource.split_at(at + 1);
        let end = rest.find(':').unwrap_or(rest.len());
        let name = &rest[..end];
        if !STAND_INS.contains(&name) && name != "*" {
            let other = if a.service == "kms" { OTHER_KEY_ID } else { OTHER_NAME };
            out.push((
                format!("another {}", kind.trim_end_matches([':', '/'])),
                format!("arn:{}:{}:{}:{}:{kind}{other}{}", a.partition, a.service, a.region, a.account, &rest[end..]),
            ));
        }
    }
    if !a.account.is_empty() {
        out.push((
            format!("the same in account {STRANGER}"),
            format!("arn:{}:{}:{}:{STRANGER}:{}", a.partition, a.service, a.region, a.resource),
        ));
    }
    if !a.region.is_empty() {
        let region = other_region(a.partition, a.region);
        out.push((
            format!("the same in {region}"),
            format!("arn:{}:{}:{region}:{}:{}", a.partition, a.service, a.account, a.resource),
        ));
    }
    out
}

/// Near misses of a request: its resource, and the log group its encryption context names. A key
/// policy is the policy of one key, so another key is no near miss for it; a trust policy is about
/// its role. The context stands for the resource only when the service itself uses the key: a caller
/// reading through CloudWatch Logs is scoped by kms:ViaService, as AWS documents (§1.5).
fn near_misses(request: &Request, kind: PolicyKind) -> Vec<(String, Request)> {
    let mut out = Vec::new();
    let key_itself = kind == PolicyKind::Key && request.resource.contains(":kms:");
    if request.resource != "*" && !key_itself && kind != PolicyKind::Trust {
        for (what, resource) in arn_near_misses(&request.resource) {
            out.push((format!("{what} ({resource})"), Request { resource, ..request.clone() }));
        }
    }
    let service = matches!(request.principal, Caller::Service(_));
    if let Some(context) = request.context.get(CONTEXT_KEY).and_then(|v| v.first()).filter(|_| service) {
        for (what, arn) in arn_near_misses(context) {
            out.push((
                format!("an encryption context naming {what} ({arn})"),
                request.clone().with(CONTEXT_KEY, [arn]),
            ));
        }
    }
    out
}

/// The request as it would come on behalf of an account (and organization) the bundle never names.
fn from_stranger(request: &Request) -> Request {
    let mut stranger = request.clone();
    for (key, values) in stranger.context.iter_mut() {
        let key = key.to_ascii_lowercase();
        for value in values.iter_mut() {
            if key == "aws:sourceaccount" {
                *value = STRANGER.to_owned();
            } else if key == "aws:sourceorgid" {
                *value = STRANGER_ORG.to_owned();
            } else if key == "aws:sourceorgpaths" {
                *value = format!("{STRANGER_ORG}/r-prob/");
            } else if let Ok(a) = Arn::parse(value) {
                if !a.account.is_empty() && (key == "aws:sourcearn" || key == CONTEXT_KEY.to_ascii_lowercase()) {
                    *value = format!("arn:{}:{}:{}:{STRANGER}:{}", a.partition, a.service, a.region, a.resource);
                }
            }
        }
    }
    stranger
}

/// The source conditions AWS documents for a service principal's statement (domain-facts §1.3, §2.2,
/// §3.2, §4.2–4.7): CloudWatch Logs' use of a key is scoped by the log group in the encryption context
/// or by aws:SourceArn with aws:SourceAccount; everything else by aws:SourceArn with aws:SourceAccount
/// (or the organization keys that stand in for the account).
fn missing_source_conditions(statement: &Statement) -> Option<String> {
    let keys = condition_keys(statement);
    let has = |k: &str| keys.contains(&k.to_ascii_lowercase());
    let by_account = has("aws:SourceAccount") || has("aws:SourceOrgID") || has("aws:SourceOrgPaths");
    let by_source = has("aws:SourceArn") && by_account;
    let kms_only = statement
        .action
        .as_ref()
        .is_some_and(|a| a.values().all(|v| v.to_ascii_lowercase().starts_with("kms:")));
    let logs = service_principals(statement).iter().any(|p| p.starts_with("logs."));
    if by_source || (kms_only && logs && has(CONTEXT_KEY)) {
        return None;
    }
    Some(if kms_only && logs {
        format!("admits a service without {CONTEXT_KEY}, or aws:SourceArn with aws:SourceAccount")
    } else {
        "admits a service without aws:SourceArn and aws:SourceAccount (or aws:SourceOrgID/aws:SourceOrgPaths)".to_owned()
    })
}

/// The aws:SourceAccount values a statement admits.
fn source_accounts(statement: &Statement) -> Vec<String> {
    statement
        .condition
        .iter()
        .flat_map(|c| c.entries.iter())
        .filter(|e| e.key.value.eq_ignore_ascii_case("aws:SourceAccount"))
        .flat_map(|e| e.values.values().map(str::to_owned))
        .collect()
}

struct Run<'a> {
    id: ScenarioId,
    input: String,
    permissive: &'a Permissive,
    violations: Vec<Violation>,
}

impl Run<'_> {
    fn violate(&mut self, document: &str, sid: String, property: Property, what: String) {
        self.violations.push(Violation {
            scenario: self.id,
            input: self.input.clone(),
            document: document.to_owned(),
            sid,
            property,
            what,
        });
    }
}

fn check_combination(id: ScenarioId, input: &Value, permissive: &Permissive, tally: &mut Tally) -> Vec<Violation> {
    let outcome = id.run(input);
    assert!(!outcome.has_errors(), "{id:?} {input}: {:?}", outcome.problems);
    let bundle = outcome.bundle.expect("a bundle");
    let calls = id.required_calls(input);
    let checked = checklist(&calls, &bundle, &BTreeMap::new());
    let mut run = Run { id, input: input.to_string(), permissive, violations: Vec::new() };
    tally.combinations += 1;
    tally.calls += calls.len();

    // Every call granted.
    for (call, result) in calls.iter().zip(&checked) {
        if !result.ok {
            let (sid, file) = call.granted_by.clone().unwrap_or_else(|| ("-".into(), call.resource_document.clone()));
            run.violate(
                &file,
                sid,
                Property::EveryCallGranted,
                format!(
                    "call \"{}\" ({} {} on {}) is {}, needs {}: {}",
                    call.description,
                    result.caller,
                    call.request.action,
                    call.request.resource,
                    result.decision.effect.as_str(),
                    call.expect.as_str(),
                    result.decision.reasons.first().cloned().unwrap_or_default()
                ),
            );
        }
    }

    // Which statements decide which allowed calls.
    let mut deciding: BTreeMap<(String, usize), Vec<&RequiredCall>> = BTreeMap::new();
    for (call, result) in calls.iter().zip(&checked) {
        if call.expect != DecisionEffect::Allow || result.decision.effect != DecisionEffect::Allow {
            continue;
        }
        for at in &result.decision.deciding {
            if let Some(doc) = decided(&bundle, call, at) {
                deciding.entry((doc.file_name.clone(), at.index)).or_default().push(call);
            }
        }
    }

    for doc in &bundle.documents {
        for (index, statement) in doc.policy.statements.iter().enumerate() {
            if !is_allow(statement) {
                continue;
            }
            tally.grants += 1;
            let sid = sid_of(doc, index);
            let reason = kept_because(doc, index);
            if let Some(why) = reason {
                tally.kept.insert(format!("{sid}: {why}"));
                continue;
            }
            let uses = deciding.get(&(doc.file_name.clone(), index)).cloned().unwrap_or_default();
            check_statement(&mut run, doc, index, statement, &uses);
        }
    }
    run.violations
}

/// Every grant used, narrowest resource and confused deputy for one statement with no stated reason.
fn check_statement(run: &mut Run, doc: &Document, index: usize, statement: &Statement, uses: &[&RequiredCall]) {
    let sid = sid_of(doc, index);
    if uses.is_empty() {
        run.violate(&doc.file_name, sid.clone(), Property::EveryGrantUsed, "no call of the scenario needs it".into());
    }
    let sent: BTreeSet<String> = uses
        .iter()
        .flat_map(|c| c.request.context.iter())
        .filter(|(k, _)| k.eq_ignore_ascii_case("aws:SourceAccount"))
        .flat_map(|(_, v)| v.iter().cloned())
        .collect();
    if !uses.is_empty() {
        for account in source_accounts(statement) {
            if !account.contains(['*', '?']) && !sent.contains(&account) {
                run.violate(
                    &doc.file_name,
                    sid.clone(),
                    Property::EveryGrantUsed,
                    format!("admits source account {account}, from which no call of the scenario comes"),
                );
            }
        }
    }

    // Narrowest resource: one finding per statement, the first near miss it allows. Where a call names
    // a stand-in for "any one", another name is what the user asked for, not a near miss.
    let any_name = uses.iter().any(|c| {
        std::iter::once(&c.request.resource)
            .chain(c.request.context.values().flatten())
            .any(|v| STAND_INS.iter().any(|s| v.contains(s)))
    });
    let wider = uses.iter().find_map(|call| {
        near_misses(&call.request, doc.kind)
            .into_iter()
            .filter(|(what, _)| !(any_name && what.contains("another ")))
            .find(|(_, probe)| run.permissive.allows(doc, index, probe))
            .map(|(what, _)| format!("allows {what}, which no call needs (it decides \"{}\")", call.description))
    });
    if let Some(what) = wider {
        run.violate(&doc.file_name, sid.clone(), Property::NarrowestResource, what);
    }
    if doc.kind == PolicyKind::Identity {
        let kms_anywhere = statement.resource.as_ref().is_some_and(|r| {
            r.values().any(|v| v == "*") && statement.action.as_ref().is_some_and(|a| a.values().any(|v| v.to_ascii_lowercase().starts_with("kms:")))
        });
        let key_known = uses.iter().any(|c| c.request.resource.contains(":kms:") && c.request.resource.contains(":key/"));
        if kms_anywhere && key_known {
            run.violate(
                &doc.file_name,
                sid.clone(),
                Property::NarrowestResource,
                "grants kms actions on Resource \"*\" although the key ARN is known".into(),
            );
        }
    }

    // Confused deputy.
    if service_principals(statement).is_empty() {
        return;
    }
    if let Some(what) = missing_source_conditions(statement) {
        run.violate(&doc.file_name, sid.clone(), Property::ConfusedDeputy, what);
    }
    let stranger = uses.iter().find_map(|call| {
        let probe = from_stranger(&call.request);
        (probe != call.request && run.permissive.allows(doc, index, &probe)).then(|| call.description.clone())
    });
    if let Some(description) = stranger {
        run.violate(
            &doc.file_name,
            sid,
            Property::ConfusedDeputy,
            format!("allows \"{description}\" sent on behalf of account {STRANGER} outside the source conditions"),
        );
    }
}

fn table(tallies: &BTreeMap<ScenarioId, Tally>) -> String {
    let mut out = String::from(
        "| Scenario | Combinations | Calls checked | Grants checked | Statements kept with a stated reason |\n| --- | --- | --- | --- | --- |\n",
    );
    for (id, t) in tallies {
        let kept = if t.kept.is_empty() {
            "—".to_owned()
        } else {
            t.kept.iter().cloned().collect::<Vec<_>>().join("<br>")
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            id.cli_name(),
            t.combinations,
            t.calls,
            t.grants,
            kept
        ));
    }
    out
}

#[test]
fn every_bundle_grants_every_call_and_nothing_more() {
    let permissive = Permissive::new();
    let combinations = every_combination();
    // Two halves on two threads: CI has two cores.
    let (first, second) = combinations.split_at(combinations.len() / 2);
    let walk = |part: &[(ScenarioId, Value)]| {
        let mut tallies: BTreeMap<ScenarioId, Tally> = BTreeMap::new();
        let mut violations = Vec::new();
        for (id, input) in part {
            violations.extend(check_combination(*id, input, &permissive, tallies.entry(*id).or_default()));
        }
        (tallies, violations)
    };
    let ((mut tallies, mut violations), (more_tallies, more_violations)) = std::thread::scope(|s| {
        let other = s.spawn(|| walk(second));
        (walk(first), other.join().expect("the second half ran"))
    });
    violations.extend(more_violations);
    for (id, t) in more_tallies {
        let mine = tallies.entry(id).or_default();
        mine.combinations += t.combinations;
        mine.calls += t.calls;
        mine.grants += t.grants;
        mine.kept.extend(t.kept);
    }
    let table = table(&tallies);
    println!("{table}");
    let path = format!("{}/target/bundle-properties.md", env!("CARGO_MANIFEST_DIR"));
    let _ = std::fs::write(&path, &table);

    let known = |v: &Violation| {
        KNOWN_DEFECTS
            .iter()
            .position(|k| k.scenario == v.scenario && k.sid == v.sid && k.property == v.property)
    };
    let mut seen = vec![0usize; KNOWN_DEFECTS.len()];
    let mut unknown: BTreeMap<(ScenarioId, String, String, Property), (usize, &Violation)> = BTreeMap::new();
    for v in &violations {
        match known(v) {
            Some(k) => seen[k] += 1,
            None => {
                let entry = unknown
                    .entry((v.scenario, v.document.clone(), v.sid.clone(), v.property))
                    .or_insert((0, v));
                entry.0 += 1;
            }
        }
    }
    let mut failures: Vec<String> = unknown
        .values()
        .map(|(count, v)| format!("{v}\n    ({count} combination(s); the first is shown)"))
        .collect();
    for (k, count) in KNOWN_DEFECTS.iter().zip(&seen) {
        if *count == 0 {
            failures.push(format!(
                "known defect no longer occurs: remove it from KNOWN_DEFECTS — issue 11 defect {}, {} \"{}\" {:?}: {}",
                k.defect,
                k.scenario.cli_name(),
                k.sid,
                k.property,
                k.what
            ));
        }
    }
    assert!(failures.is_empty(), "{} problem(s):\n{}", failures.len(), failures.join("\n"));
    assert!(tallies.len() == ScenarioId::ALL.len(), "every scenario is walked");
}
