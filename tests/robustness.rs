//! Robustness of `analyze`: no input panics, overflows the stack or loses its location.
//!
//! This is the project's fuzz harness. cargo-fuzz needs libFuzzer and a nightly toolchain,
//! which the offline build machine does not have, so the equivalent runs on stable with
//! proptest: a generator of policy-shaped JSON (the keys, operators, principals and ARNs that
//! steer the rules into their deep branches) whose printed text is then mutated byte by byte
//! (insertions, deletions, replacements, truncation), run through `analyze` for every
//! `PolicyKind`. The case count is bounded so the suite stays well under a minute; raise it
//! with `ROBUSTNESS_CASES=20000 cargo test --release --test robustness`. A failing case is
//! shrunk and printed by proptest; keep it as a regression test below.
//!
//! The size and depth cases are deterministic: a 10 MB paste and 10,000-deep nesting must come
//! back with one located finding. How fast is measured in `benches/analyze.rs`.

use cwlogs_policy::analyze;
use cwlogs_policy::lint::Severity;
use cwlogs_policy::policy::PolicyKind;
use proptest::prelude::*;

// The invariants the coverage-guided fuzz targets assert, shared so the two cannot drift apart.
#[allow(dead_code)]
#[path = "../fuzz/targets/invariants.rs"]
mod invariants;

use invariants::{analysis_well_formed, findings_located};

fn check_every_kind(text: &str) {
    for kind in PolicyKind::ALL {
        analysis_well_formed(text, &analyze(text, kind));
    }
}

/// Policy-shaped JSON: mostly the elements and values the rules look at, some of them wrong.
mod shape {
    use proptest::prelude::*;
    use serde_json::{Map, Value};

    const TOP: &[&str] = &["Version", "Id", "Statement", "statement", "Statements"];
    const ELEMENTS: &[&str] = &[
        "Sid",
        "Effect",
        "Principal",
        "NotPrincipal",
        "Action",
        "NotAction",
        "Resource",
        "NotResource",
        "Condition",
        "effect",
        "Resources",
    ];
    const PRINCIPAL_TYPES: &[&str] = &["AWS", "Service", "Federated", "CanonicalUser", "aws", "User"];
    const OPERATORS: &[&str] = &[
        "StringEquals",
        "StringLike",
        "StringNotEquals",
        "ArnEquals",
        "ArnLike",
        "ArnNotLike",
        "Bool",
        "Null",
        "NumericLessThan",
        "DateGreaterThan",
        "IpAddress",
        "ForAnyValue:StringLike",
        "ForAllValues:StringEquals",
        "StringEqualsIfExists",
        "BinaryEquals",
        "stringequals",
        "ArnEqualz",
    ];
    const KEYS: &[&str] = &[
        "aws:SourceAccount",
        "aws:SourceArn",
        "aws:SourceOrgID",
        "aws:SourceOrgPaths",
        "aws:PrincipalArn",
        "kms:EncryptionContext:aws:logs:arn",
        "kms:ViaService",
        "kms:CallerAccount",
        "s3:x-amz-acl",
        "aws:SecureTransport",
        "aws:CurrentTime",
        "aws:SourceIp",
        "aws:ResourceTag/team",
        "kms:encryptioncontext:x",
        "logs:unknownKey",
        "",
    ];
    const STRINGS: &[&str] = &[
        "*",
        "",
        " ",
        "Allow",
        "Deny",
        "allow",
        "2012-10-17",
        "2008-10-17",
        "111122223333",
        "1111-2222-3333",
        "arn:aws:iam::111122223333:root",
        "arn:aws:iam::111122223333:role/app",
        "arn:aws:iam::111122223333:group/g",
        "arn:aws:sts::111122223333:assumed-role/app/s",
        "arn:aws:iam::111122223333:saml-provider/corp",
        "arn:aws:logs:us-east-1:111122223333:log-group:app",
        "arn:aws:logs:us-east-1:111122223333:log-group:app:*",
        "arn:aws:logs:*:111122223333:*",
        "arn:aws:s3:::bucket",
        "arn:aws:s3:::bucket/*",
        "arn:aws:s3:us-east-1:1:b",
        "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws",
        "arn:::::",
        "arn:",
        "logs.us-east-1.amazonaws.com",
        "logs.amazonaws.com",
        "delivery.logs.amazonaws.com",
        "logs.region.amazonaws.com",
        "logs.<region>.amazonaws.com",
        "logs.cn-north-1.amazonaws.com.cn",
        "Logs.US-EAST-1.amazonaws",
        "cognito-identity.amazonaws.com",
        "kms:*",
        "kms:Decrypt",
        "KMS:decrypt",
        "kms:GenerateDataKey*",
        "kms:ReEncrypt",
        "s3:PutObject",
        "s3:GetBucketAcl",
        "logs:*",
        "*:*",
        "k?s:*",
        "iam:*",
        "logs:CreateLogDelivery",
        "${aws:username}",
        "${",
        "bucket-owner-full-control",
        "true",
        "2024-01-01T00:00:00Z",
        "10.0.0.0/8",
        "o-abc123",
        "/aws/vendedlogs/*",
        "é€😀",
        "\u{0}\u{1f}",
        "\\",
        "\"",
        "“curly”",
        "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
    ];

    fn string() -> impl Strategy<Value = String> {
        prop_oneof![
            8 => prop::sample::select(STRINGS).prop_map(str::to_owned),
            1 => any::<String>(),
            1 => (prop::sample::select(STRINGS), prop::sample::select(STRINGS)).prop_map(|(a, b)| format!("{a}{b}")),
        ]
    }

    fn scalar() -> impl Strategy<Value = Value> {
        prop_oneof![
            8 => string().prop_map(Value::String),
            1 => any::<bool>().prop_map(Value::Bool),
            1 => any::<i64>().prop_map(Value::from),
            1 => Just(Value::Null),
            1 => any::<f64>().prop_filter("JSON has no NaN or infinity", |f| f.is_finite()).prop_map(Value::from),
        ]
    }

    /// A string or a short list of them, as `Action`, `Resource` and principals take.
    fn list() -> impl Strategy<Value = Value> {
        prop_oneof![
            3 => scalar(),
            3 => prop::collection::vec(scalar(), 0..5).prop_map(Value::Array),
            1 => any_value(),
        ]
    }

    fn object<K: Strategy<Value = &'static str>, V: Strategy<Value = Value>>(
        keys: K,
        values: V,
        size: std::ops::Range<usize>,
    ) -> impl Strategy<Value = Value> {
        // serde_json keeps one value per key; `print` splices a repeated member in textually.
        prop::collection::vec((keys, values), size).prop_map(|members| {
            let mut map = Map::new();
            for (k, v) in members {
                map.insert(k.to_owned(), v);
            }
            Value::Object(map)
        })
    }

    fn principal() -> impl Strategy<Value = Value> {
        prop_oneof![
            1 => scalar(),
            4 => object(prop::sample::select(PRINCIPAL_TYPES), list(), 0..3),
        ]
    }

    fn condition() -> impl Strategy<Value = Value> {
        prop_oneof![
            1 => scalar(),
            6 => object(prop::sample::select(OPERATORS), object(prop::sample::select(KEYS), list(), 0..3), 0..3),
        ]
    }

    fn element(name: &'static str) -> BoxedStrategy<Value> {
        match name {
            "Principal" | "NotPrincipal" => principal().boxed(),
            "Condition" => condition().boxed(),
            "Action" | "NotAction" | "Resource" | "NotResource" => list().boxed(),
            _ => scalar().boxed(),
        }
    }

    fn statement() -> impl Strategy<Value = Value> {
        prop::collection::vec(
            prop::sample::select(ELEMENTS).prop_flat_map(|k| (Just(k), element(k))),
            0..8,
        )
        .prop_map(|members| {
            let mut map = Map::new();
            for (k, v) in members {
                map.insert(k.to_owned(), v);
            }
            Value::Object(map)
        })
    }

    /// Any JSON value, nested a little.
    pub fn any_value() -> BoxedStrategy<Value> {
        scalar()
            .prop_recursive(4, 24, 4, |inner| {
                prop_oneof![
                    prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                    prop::collection::vec((string(), inner), 0..4)
                        .prop_map(|members| Value::Object(members.into_iter().collect())),
                ]
            })
            .boxed()
    }

    pub fn policy() -> impl Strategy<Value = Value> {
        let statements = prop_oneof![
            6 => prop::collection::vec(statement(), 0..5).prop_map(Value::Array),
            2 => statement(),
            1 => any_value(),
        ];
        (
            statements,
            prop::collection::vec((prop::sample::select(TOP), scalar()), 0..3),
        )
            .prop_map(|(statements, extra)| {
                let mut map = Map::new();
                map.insert("Version".to_owned(), Value::String("2012-10-17".to_owned()));
                for (k, v) in extra {
                    map.insert(k.to_owned(), v);
                }
                map.insert("Statement".to_owned(), statements);
                Value::Object(map)
            })
    }

    /// The value as text: compact or pretty, sometimes with a member repeated.
    pub fn print(value: &Value, pretty: bool, repeat_first_member: bool) -> String {
        let text = if pretty {
            serde_json::to_string_pretty(value)
        } else {
            serde_json::to_string(value)
        };
        let text = text.expect("a serde_json value always prints");
        match (repeat_first_member, value.as_object().and_then(|m| m.iter().next())) {
            (true, Some((k, v))) => {
                let member = format!("{}: {}", serde_json::to_string(k).unwrap_or_default(), v);
                format!("{{{member}, {}", &text[1..])
            }
            _ => text,
        }
    }
}

/// One byte-level edit, the mutations a coverage-guided fuzzer starts from.
#[derive(Clone, Copy, Debug)]
enum Mutation {
    Insert(usize, u8),
    Delete(usize),
    Replace(usize, u8),
    Truncate(usize),
    /// Copies a slice of the text to another place (repeats brackets, quotes, members).
    Splice(usize, usize, usize),
}

/// Bytes that matter to a JSON parser, and some that do not.
const INTERESTING: &[u8] = b"{}[]\",:\\ \n\t0-9eE.+tfn*?$/\x00\xc3\xa9\xe2\x80\x9c\xff";

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop_oneof![3 => prop::sample::select(INTERESTING), 1 => any::<u8>()];
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(at, b)| Mutation::Insert(at, b)),
        any::<usize>().prop_map(Mutation::Delete),
        (any::<usize>(), byte).prop_map(|(at, b)| Mutation::Replace(at, b)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 0..64usize, any::<usize>()).prop_map(|(from, len, to)| Mutation::Splice(from, len, to)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for m in mutations {
        let n = bytes.len().max(1);
        match *m {
            Mutation::Insert(at, b) => bytes.insert(at % (bytes.len() + 1), b),
            Mutation::Delete(at) if !bytes.is_empty() => {
                bytes.remove(at % n);
            }
            Mutation::Replace(at, b) if !bytes.is_empty() => bytes[at % n] = b,
            Mutation::Truncate(at) => bytes.truncate(at % (bytes.len() + 1)),
            Mutation::Splice(from, len, to) if !bytes.is_empty() => {
                let from = from % n;
                let piece = bytes[from..(from + len).min(bytes.len())].to_vec();
                let to = to % (bytes.len() + 1);
                bytes.splice(to..to, piece);
            }
            _ => {}
        }
    }
    // `analyze` takes text: invalid UTF-8 cannot reach it (the page and the CLI decode first).
    String::from_utf8_lossy(&bytes).into_owned()
}

fn cases(default: u32) -> u32 {
    std::env::var("ROBUSTNESS_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn policy_shaped_json_never_panics(policy in shape::policy(), pretty in any::<bool>(), repeat in any::<bool>()) {
        check_every_kind(&shape::print(&policy, pretty, repeat));
    }

    #[test]
    fn mutated_policies_never_panic(
        policy in shape::policy(),
        pretty in any::<bool>(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let text = mutate(&shape::print(&policy, pretty, false), &mutations);
        check_every_kind(&text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_every_kind(&text);
    }
}

/// A realistic policy of about `bytes` bytes: many statements on separate lines.
fn big_policy(bytes: usize) -> String {
    let mut text = String::from("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n");
    let mut i = 0;
    while text.len() < bytes {
        if i > 0 {
            text.push_str(",\n");
        }
        text.push_str(&format!(
            r#"    {{"Sid": "Use{i}", "Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::111122223333:role/app-{i}"}}, "Action": ["kms:Decrypt", "kms:GenerateDataKey*"], "Resource": "*", "Condition": {{"StringEquals": {{"kms:ViaService": "logs.us-east-1.amazonaws.com"}}}}}}"#
        ));
        i += 1;
    }
    text.push_str("\n  ]\n}\n");
    text
}

const TEN_MB: usize = 10 * 1024 * 1024;

#[test]
fn a_ten_megabyte_paste_gets_one_located_size_finding() {
    let text = big_policy(TEN_MB);
    for kind in PolicyKind::ALL {
        let analysis = analyze(&text, kind);
        analysis_well_formed(&text, &analysis);
        assert_eq!(analysis.findings.len(), 1, "{kind:?}: {:?}", analysis.findings);
        let f = &analysis.findings[0];
        assert_eq!((f.code, f.severity), ("IAM035", Severity::Error));
        assert!(f.message.contains("it was not checked further"), "{}", f.message);
        // It points at a statement near the kind's limit, not at the end of 10 MB.
        assert!(f.path.starts_with("Statement["), "{}", f.path);
        assert!(
            f.start < 60_000 && f.line > 3,
            "{kind:?} at byte {} line {}",
            f.start,
            f.line
        );
        assert!(analysis.policy.as_ref().is_some_and(|p| p.statements.len() > 10_000));
    }
}

#[test]
fn a_ten_megabyte_paste_on_one_line_is_located_by_column() {
    let text = big_policy(TEN_MB).replace('\n', "");
    let f = &analyze(&text, PolicyKind::Key).findings[0];
    assert_eq!(f.line, 1);
    assert_eq!(f.column, text[..f.start].chars().count() + 1);
}

#[test]
fn a_ten_megabyte_paste_with_a_syntax_error_names_it() {
    // A missing comma between two statements, two thirds of the way in.
    let mut text = big_policy(TEN_MB);
    let at = text[TEN_MB * 2 / 3..].find("},\n").unwrap() + TEN_MB * 2 / 3 + 1;
    text.remove(at);
    let findings = analyze(&text, PolicyKind::Bucket).findings;
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].code, "JSON001");
    assert!(findings[0].message.contains("comma"), "{}", findings[0].message);
    assert_eq!(findings[0].line, text[..at].matches('\n').count() + 2);

    // Cut off after a statement: the unclosed array is named by where it opened.
    let cut = &text[..text[TEN_MB / 2..].find("},\n").unwrap() + TEN_MB / 2 + 1];
    let findings = analyze(cut, PolicyKind::Key).findings;
    assert_eq!(findings[0].code, "JSON001");
    assert!(
        findings[0].message.contains("line 3, column 16 is never closed"),
        "{}",
        findings[0].message
    );
}

#[test]
fn ten_megabytes_of_one_string_or_of_garbage() {
    let string = format!("{{\"Statement\": \"{}\"}}", "x".repeat(TEN_MB));
    check_every_kind(&string);
    let garbage: String = (0..TEN_MB)
        .map(|i| ['{', '[', '"', 'a', ',', ':', ' ', '}'][(i * 7 + i / 3) % 8])
        .collect();
    check_every_kind(&garbage);
}

#[test]
fn ten_thousand_levels_of_nesting_stop_at_the_depth_limit() {
    for (open, close) in [("[", "]"), ("{\"a\": ", "}")] {
        let deep = format!("{{\"Statement\": {}1{}}}", open.repeat(10_000), close.repeat(10_000));
        for text in [deep.clone(), deep[..deep.len() / 2].to_owned()] {
            for kind in PolicyKind::ALL {
                let findings = analyze(&text, kind).findings;
                assert_eq!(findings.len(), 1);
                let f = &findings[0];
                assert_eq!(f.code, "JSON001");
                assert_eq!(f.message, "nesting is deeper than 64 levels");
                // The bracket that opens level 65 (the document object is level 1).
                assert_eq!(f.start, "{\"Statement\": ".len() + 63 * open.len());
                assert_eq!((f.line, f.column), (1, f.start + 1));
            }
        }
    }
}

#[test]
fn every_depth_up_to_the_limit_is_analysed() {
    for depth in [1, 2, 10, 62, 63] {
        let text = format!(
            "{{\"Statement\": [{}{}]}}",
            "[".repeat(depth - 1),
            "]".repeat(depth - 1)
        );
        check_every_kind(&text);
        assert!(analyze(&text, PolicyKind::Key).policy.is_some(), "depth {depth}");
    }
}

/// Regression cases found while building this harness.
#[test]
fn regressions() {
    // Many findings on one long line: columns used to be counted from the line start for
    // each finding (quadratic); now checkpoints bound the count.
    let many_sids = format!(
        "{{\"Statement\": [{}]}}",
        (0..2_000)
            .map(|_| r#"{"Sid": "Same", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"#)
            .collect::<Vec<_>>()
            .join(",")
    );
    let analysis = analyze(&many_sids, PolicyKind::Identity);
    findings_located(&many_sids, PolicyKind::Identity, &analysis.findings);
    assert!(analysis.findings.iter().filter(|f| f.code == "IAM007").count() == 1_999);
    // An object with many keys: duplicate-key detection used a linear scan per member.
    let many_keys = format!(
        "{{\"Statement\": [{{{}}}]}}",
        (0..5_000)
            .map(|i| format!("\"K{}\": 1", i % 2_500))
            .collect::<Vec<_>>()
            .join(",")
    );
    let analysis = analyze(&many_keys, PolicyKind::Key);
    assert_eq!(analysis.findings.iter().filter(|f| f.code == "JSON002").count(), 2_500);
}

/// The pasted forms of issue 14 (CLI output, CloudFormation, Terraform, Config items), mutated:
/// the importer and the checks behind it never panic, and every finding stays inside the paste.
fn import_fixtures() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
    let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    names.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(128), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_pastes_never_panic_and_stay_located(
        which in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let fixtures = import_fixtures();
        let fixture: &String = which.get(&fixtures);
        let paste = mutate(fixture, &mutations);
        let extraction = cwlogs_policy::import::extract(&paste);
        for c in cwlogs_policy::import::check(&paste, &extraction, PolicyKind::Key, None, false) {
            findings_located(&paste, c.kind, &c.findings);
        }
    }
}
