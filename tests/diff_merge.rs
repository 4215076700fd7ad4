//! Diff, merge and new-access cases kept as data (`tests/fixtures/diff/*.json`), and properties
//! of normalise, diff and merge over random policies.
#![cfg(not(target_arch = "wasm32"))]

use cwlogs_policy::diff::{canonical_line_diff, diff, new_access_for, Change, LineTag};
use cwlogs_policy::json::{parse, parse_document, Value};
use cwlogs_policy::merge::merge;
use cwlogs_policy::normalize::equivalent;
use cwlogs_policy::policy::{lower, Policy, PolicyKind};

/// One fixture: two policies and what comparing and merging them must give.
struct Case {
    file: String,
    name: String,
    kind: PolicyKind,
    existing: Policy,
    new: Policy,
    expect: Value,
}

/// Reads every fixture. The policies are cut out of the fixture text as written, so key order,
/// duplicates and spans are the ones a user would paste.
fn cases() -> Vec<Case> {
    let dir = format!("{}/tests/fixtures/diff", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let file = path.display().to_string();
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
            let root = parse(&text).unwrap_or_else(|e| panic!("{file}: {}", e.message));
            let field = |key: &str| root.get(key).unwrap_or_else(|| panic!("{file}: no `{key}`"));
            let policy = |key: &str| {
                let span = field(key).span;
                lower(
                    &parse_document(&text[span.start..span.end])
                        .unwrap_or_else(|e| panic!("{file} {key}: {}", e.message)),
                )
            };
            let kind = root.get("kind").and_then(Value::as_str).unwrap_or("key");
            Case {
                name: field("name").as_str().unwrap_or_default().to_owned(),
                kind: PolicyKind::from_cli_name(kind).unwrap_or_else(|| panic!("{file}: unknown kind {kind}")),
                existing: policy("existing"),
                new: policy("new"),
                expect: field("expect").clone(),
                file,
            }
        })
        .collect()
}

fn number(v: &Value, key: &str) -> usize {
    match v.get(key).map(|v| &v.kind) {
        Some(cwlogs_policy::json::ValueKind::Number(n)) => n.parse().unwrap_or_else(|_| panic!("{key}: {n}")),
        other => panic!("`{key}` should be a number, is {other:?}"),
    }
}

fn boolean(v: &Value, key: &str) -> bool {
    match v.get(key).map(|v| &v.kind) {
        Some(cwlogs_policy::json::ValueKind::Bool(b)) => *b,
        other => panic!("`{key}` should be a boolean, is {other:?}"),
    }
}

/// The statement a change is in: its Sid, else `#index` (new side first); `None` for `Version`.
fn statement_label(c: &Change, case: &Case) -> Option<String> {
    let sid = |p: &Policy, i: Option<usize>| {
        i.and_then(|i| p.statements.get(i))
            .and_then(|s| s.sid.clone())
            .map(|t| t.value)
    };
    let index = c.new.statement.or(c.old.statement)?;
    sid(&case.new, c.new.statement)
        .or_else(|| sid(&case.existing, c.old.statement))
        .or(Some(format!("#{index}")))
}

/// Whether `actual` is what the fixture entry `expected` describes (absent keys match anything).
fn matches(expected: &Value, actual: &Change, case: &Case) -> bool {
    let text = |key: &str| expected.get(key).and_then(Value::as_str);
    let statement_ok = match expected.get("statement").map(|v| &v.kind) {
        Some(cwlogs_policy::json::ValueKind::Null) => statement_label(actual, case).is_none(),
        Some(_) => text("statement").map(str::to_owned) == statement_label(actual, case),
        None => true,
    };
    let value = actual.new.value.as_deref().or(actual.old.value.as_deref());
    statement_ok
        && text("field").is_none_or(|f| f == actual.field.as_str())
        && text("impact").is_none_or(|i| i == format!("{:?}", actual.impact))
        && text("kind").is_none_or(|k| k == format!("{:?}", actual.kind))
        && text("value").is_none_or(|v| Some(v) == value)
}

#[test]
fn fixture_cases_diff_and_merge_as_expected() {
    let cases = cases();
    assert!(cases.len() >= 15, "fixtures found: {}", cases.len());
    for case in &cases {
        let ctx = format!("{} ({})", case.name, case.file);
        let expected_equivalent = boolean(&case.expect, "equivalent");
        assert_eq!(
            equivalent(&case.existing, &case.new),
            expected_equivalent,
            "equivalent: {ctx}"
        );
        assert_eq!(
            equivalent(&case.new, &case.existing),
            expected_equivalent,
            "equivalent is symmetric: {ctx}"
        );

        let d = diff(&case.existing, &case.new);
        assert_eq!(
            d.is_empty(),
            expected_equivalent,
            "empty diff ⇔ equivalent: {ctx}\n{:#?}",
            d.changes
        );
        assert_eq!(
            diff(&case.new, &case.existing).is_empty(),
            expected_equivalent,
            "reverse diff: {ctx}"
        );
        let expected: &[Value] = case.expect.get("changes").and_then(Value::as_array).unwrap_or(&[]);
        let mut unmatched: Vec<&Change> = d.changes.iter().collect();
        for e in expected {
            let found = unmatched.iter().position(|c| matches(e, c, case));
            let Some(i) = found else {
                panic!(
                    "{ctx}: no change matches {}\nchanges: {:#?}",
                    serde_json::to_string(e).unwrap_or_default(),
                    d.changes
                )
            };
            unmatched.remove(i);
        }
        assert!(unmatched.is_empty(), "{ctx}: unexpected changes {unmatched:#?}");

        let merged = merge(&case.existing, &case.new.statements, case.kind);
        assert_eq!(
            merged.added.len(),
            number(&case.expect, "merged_added"),
            "merged_added: {ctx}\n{merged:#?}"
        );
        assert_eq!(
            merged.skipped.len(),
            number(&case.expect, "merged_skipped"),
            "merged_skipped: {ctx}"
        );
        assert_eq!(
            merged.policy.statements[..case.existing.statements.len()],
            case.existing.statements[..],
            "{ctx}"
        );

        if let Some(sentences) = case.expect.get("access").and_then(Value::as_array) {
            let actual: Vec<String> = new_access_for(case.kind, &case.existing, &case.new)
                .into_iter()
                .map(|a| a.sentence)
                .collect();
            let expected: Vec<&str> = sentences.iter().filter_map(Value::as_str).collect();
            assert_eq!(actual, expected, "access: {ctx}");
        }

        let lines = canonical_line_diff(&case.existing, &case.new);
        let changed = |tag: LineTag| -> Vec<String> {
            let mut v: Vec<String> = lines
                .iter()
                .filter(|l| l.tag == tag && !l.text.contains("\"Sid\"") && !l.text.contains("\"Id\""))
                .map(|l| l.text.to_lowercase())
                .collect();
            v.sort();
            v
        };
        let same_lines = case
            .expect
            .get("same_canonical_lines")
            .is_none_or(|_| boolean(&case.expect, "same_canonical_lines"));
        if expected_equivalent && same_lines {
            // In canonical form equivalent policies differ at most in names and in the case of
            // action names and condition keys, which are kept as written.
            assert_eq!(changed(LineTag::Delete), changed(LineTag::Insert), "{ctx}");
        } else {
            assert!(
                lines.iter().any(|l| l.tag != LineTag::Equal),
                "{ctx}: a real change shows in the line diff"
            );
        }
    }
}

/// Random policies from small alphabets, so that values, Sids and statements collide often.
mod generate {
    use cwlogs_policy::policy::{
        ConditionClause, ConditionEntry, Literal, Policy, Principal, PrincipalEntry, Statement, Text, ValueList,
    };
    use proptest::prelude::*;
    use proptest::sample::subsequence;

    const AWS: &[&str] = &[
        "111122223333",
        "arn:aws:iam::111122223333:root",
        "arn:aws:iam::444455556666:role/r",
        "*",
    ];
    const SERVICES: &[&str] = &["logs.eu-west-1.amazonaws.com", "delivery.logs.amazonaws.com"];
    const ACTIONS: &[&str] = &[
        "kms:*",
        "kms:Decrypt",
        "KMS:decrypt",
        "kms:Encrypt",
        "kms:Describe*",
        "kms:DescribeKey",
        "s3:GetObject",
    ];
    const RESOURCES: &[&str] = &["*", "arn:aws:s3:::b", "arn:aws:s3:::b/*", "arn:aws:s3:::b/logs/*"];
    const OPERATORS: &[&str] = &["StringEquals", "ArnLike", "ArnEquals", "StringNotEquals", "Bool"];
    const KEYS: &[&str] = &[
        "kms:ViaService",
        "KMS:viaservice",
        "aws:SourceArn",
        "aws:SecureTransport",
    ];
    const VALUES: &[&str] = &["a", "b", "arn:aws:logs:*", "true"];
    const SIDS: &[&str] = &["A", "B", "A2", "Enable IAM User Permissions"];

    fn list(alphabet: &'static [&'static str], min: usize) -> impl Strategy<Value = ValueList> {
        (subsequence(alphabet, min..=alphabet.len().min(3)), any::<bool>()).prop_map(|(values, array)| ValueList {
            array: array || values.len() != 1,
            ..ValueList::of(values)
        })
    }

    fn principal() -> impl Strategy<Value = Option<Principal>> {
        prop_oneof![
            Just(None),
            Just(Some(Principal::Wildcard(Text::new("*")))),
            (list(AWS, 1), prop::option::of(list(SERVICES, 1))).prop_map(|(aws, service)| {
                let mut entries = vec![PrincipalEntry {
                    kind: Text::new("AWS"),
                    values: aws,
                }];
                entries.extend(service.map(|values| PrincipalEntry {
                    kind: Text::new("Service"),
                    values,
                }));
                Some(Principal::Map(entries))
            }),
            list(SERVICES, 1).prop_map(|values| Some(Principal::Map(vec![PrincipalEntry {
                kind: Text::new("Service"),
                values
            }]))),
        ]
    }

    fn condition() -> impl Strategy<Value = Vec<ConditionClause>> {
        let entry =
            (prop::sample::select(KEYS), list(VALUES, 0), any::<bool>()).prop_map(|(key, mut values, literal)| {
                if literal {
                    values
                        .items
                        .iter_mut()
                        .filter(|t| t.value == "true")
                        .for_each(|t| t.literal = Literal::Bool);
                }
                ConditionEntry {
                    key: Text::new(key),
                    values,
                }
            });
        prop::collection::vec(
            (prop::sample::select(OPERATORS), prop::collection::vec(entry, 0..=2)),
            0..=2,
        )
        .prop_map(|clauses| {
            let mut out: Vec<ConditionClause> = Vec::new();
            for (op, entries) in clauses {
                // JSON objects cannot repeat a key, so neither can a lowered policy.
                if !out.iter().any(|c| c.operator.value == op) {
                    let mut seen = Vec::new();
                    let entries = entries
                        .into_iter()
                        .filter(|e| {
                            seen.iter().all(|k| *k != e.key.value) && {
                                seen.push(e.key.value.clone());
                                true
                            }
                        })
                        .collect();
                    out.push(ConditionClause {
                        operator: Text::new(op),
                        entries,
                    });
                }
            }
            out
        })
    }

    pub fn statement() -> impl Strategy<Value = Statement> {
        (
            prop::option::of(prop::sample::select(SIDS)),
            prop::option::weighted(0.95, prop::sample::select(&["Allow", "Deny"][..])),
            principal(),
            (list(ACTIONS, 0), any::<u8>()),
            (list(RESOURCES, 0), any::<u8>()),
            condition(),
        )
            .prop_map(|(sid, effect, principal, (actions, a), (resources, r), condition)| {
                // Mostly Action/Resource, sometimes the Not form, rarely neither.
                let pick = |l: ValueList, n: u8| match n % 10 {
                    0 => (None, Some(l)),
                    1 => (None, None),
                    _ => (Some(l), None),
                };
                let (action, not_action) = pick(actions, a);
                let (resource, not_resource) = pick(resources, r);
                Statement {
                    sid: sid.map(Text::new),
                    effect: effect.map(Text::new),
                    principal,
                    action,
                    not_action,
                    resource,
                    not_resource,
                    has_condition: !condition.is_empty(),
                    condition,
                    ..Statement::default()
                }
            })
    }

    pub fn policy() -> impl Strategy<Value = Policy> {
        (
            prop::collection::vec(statement(), 0..=4),
            prop::option::of(prop::sample::select(&["2012-10-17", "2008-10-17"][..])),
            any::<bool>(),
        )
            .prop_map(|(statements, version, array)| Policy {
                version: version.map(Text::new),
                id: None,
                statement_is_array: array || statements.len() != 1,
                statements,
            })
    }

    /// What AWS might hand back: statements and values reversed, account ids as root ARNs,
    /// one-element arrays collapsed, `true` as a string, action prefixes uppercased.
    pub fn rewritten(p: &Policy) -> Policy {
        let list = |l: &ValueList, f: &dyn Fn(&str) -> String| {
            let items: Vec<Text> = l
                .items
                .iter()
                .rev()
                .map(|t| Text {
                    value: f(&t.value),
                    literal: Literal::String,
                    span: None,
                })
                .collect();
            ValueList {
                array: items.len() != 1,
                items,
                span: None,
            }
        };
        let same = |v: &str| v.to_owned();
        let root = |v: &str| {
            if v.len() == 12 && v.bytes().all(|b| b.is_ascii_digit()) {
                format!("arn:aws:iam::{v}:root")
            } else {
                v.to_owned()
            }
        };
        let upper = |v: &str| match v.split_once(':') {
            Some((prefix, name)) => format!("{}:{name}", prefix.to_ascii_uppercase()),
            None => v.to_owned(),
        };
        let statements = p
            .statements
            .iter()
            .rev()
            .map(|s| Statement {
                principal: s.principal.as_ref().map(|p| match p {
                    Principal::Map(entries) => Principal::Map(
                        entries
                            .iter()
                            .rev()
                            .map(|e| PrincipalEntry {
                                kind: e.kind.clone(),
                                values: list(&e.values, &root),
                            })
                            .collect(),
                    ),
                    other => other.clone(),
                }),
                action: s.action.as_ref().map(|l| list(l, &upper)),
                not_action: s.not_action.as_ref().map(|l| list(l, &upper)),
                resource: s.resource.as_ref().map(|l| list(l, &same)),
                not_resource: s.not_resource.as_ref().map(|l| list(l, &same)),
                condition: s
                    .condition
                    .iter()
                    .rev()
                    .map(|c| ConditionClause {
                        operator: c.operator.clone(),
                        entries: c
                            .entries
                            .iter()
                            .rev()
                            .map(|e| ConditionEntry {
                                key: e.key.clone(),
                                values: list(&e.values, &same),
                            })
                            .collect(),
                    })
                    .collect(),
                ..s.clone()
            })
            .collect();
        Policy {
            statements,
            statement_is_array: true,
            ..p.clone()
        }
    }
}

mod properties {
    use super::generate::{policy, rewritten, statement};
    use cwlogs_policy::diff::diff;
    use cwlogs_policy::json::pretty;
    use cwlogs_policy::merge::merge;
    use cwlogs_policy::normalize::covers;
    use cwlogs_policy::normalize::{equivalent, infer_partition, normalize};
    use cwlogs_policy::policy::{print, to_json, Policy, PolicyKind, Statement};
    use proptest::prelude::*;

    /// A statement printed on its own, as a one-statement policy.
    fn printed(s: &Statement) -> String {
        pretty(&to_json(&Policy {
            version: None,
            id: None,
            statements: vec![s.clone()],
            statement_is_array: true,
        }))
    }

    proptest! {
        // No regression files: a failure prints its minimal input, which belongs in a fixture.
        #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn merge_keeps_every_existing_statement_exactly(existing in policy(), required in prop::collection::vec(statement(), 0..=4)) {
            let result = merge(&existing, &required, PolicyKind::Key);
            let n = existing.statements.len();
            prop_assert!(result.policy.statements.len() >= n);
            for (kept, original) in result.policy.statements.iter().zip(&existing.statements) {
                prop_assert_eq!(kept, original);
                prop_assert_eq!(printed(kept), printed(original));
            }
            prop_assert_eq!(&result.policy.version, &existing.version);
            prop_assert_eq!(&result.policy.id, &existing.id);
            if result.added.is_empty() {
                prop_assert_eq!(print(&result.policy), print(&existing));
            }
        }

        #[test]
        fn every_required_statement_is_added_or_covered(existing in policy(), required in prop::collection::vec(statement(), 0..=4)) {
            let result = merge(&existing, &required, PolicyKind::Key);
            let partition = infer_partition(existing.statements.iter().chain(&required));
            prop_assert_eq!(result.added.len() + result.skipped.len(), required.len());
            let n = existing.statements.len();
            prop_assert_eq!(&result.added, &(n..n + result.added.len()).collect::<Vec<_>>());
            let mut next_added = result.added.iter();
            for (r, statement) in required.iter().enumerate() {
                match result.skipped.iter().find(|(i, _)| *i == r) {
                    Some((_, by)) => prop_assert!(covers(&result.policy.statements[*by], statement, partition)),
                    None => {
                        let Some(&at) = next_added.next() else { return Err(TestCaseError::fail("a required statement went missing")) };
                        let added = &result.policy.statements[at];
                        let renamed = Statement { sid: added.sid.clone(), ..statement.clone() };
                        prop_assert_eq!(added, &renamed);
                    }
                }
            }
            let mut sids: Vec<&str> = result.policy.statements[n..].iter().filter_map(|s| s.sid.as_ref()).map(|t| t.value.as_str()).collect();
            let before = sids.len();
            sids.sort_unstable();
            sids.dedup();
            prop_assert_eq!(sids.len(), before, "appended Sids are unique");
        }

        #[test]
        fn merging_twice_adds_nothing_the_second_time(existing in policy(), required in prop::collection::vec(statement(), 0..=4)) {
            let once = merge(&existing, &required, PolicyKind::Bucket);
            let twice = merge(&once.policy, &required, PolicyKind::Bucket);
            prop_assert!(twice.added.is_empty(), "{:?}", twice.added);
            prop_assert_eq!(twice.policy, once.policy);
        }

        #[test]
        fn merging_nothing_changes_nothing(existing in policy()) {
            let result = merge(&existing, &[], PolicyKind::Identity);
            prop_assert!(equivalent(&result.policy, &existing));
            prop_assert!(diff(&existing, &result.policy).is_empty());
            prop_assert_eq!(result.policy, existing);
        }

        #[test]
        fn an_aws_rewrite_is_no_change(p in policy()) {
            let back = rewritten(&p);
            prop_assert!(equivalent(&p, &back));
            let d = diff(&p, &back);
            prop_assert!(d.is_empty(), "{:#?}", d.changes);
            prop_assert_eq!(print(&normalize(&p)), print(&normalize(&back)));
        }

        #[test]
        fn normalising_is_idempotent_and_changes_no_meaning(p in policy()) {
            let once = normalize(&p);
            prop_assert_eq!(normalize(&once), once.clone());
            prop_assert!(equivalent(&p, &once));
            prop_assert!(diff(&p, &once).is_empty());
        }

        #[test]
        fn an_empty_diff_is_exactly_equivalence(a in policy(), b in policy()) {
            let d = diff(&a, &b);
            prop_assert_eq!(d.is_empty(), equivalent(&a, &b), "{:#?}", d.changes);
            prop_assert_eq!(diff(&b, &a).is_empty(), d.is_empty());
            prop_assert!(diff(&a, &a).is_empty());
        }
    }
}
