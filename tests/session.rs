//! Share links and autosave: every state survives a link, damaged and foreign links are refused
//! with the right reason, a committed v1 link keeps opening (its form read against the example
//! values it was written against), texts too large to save are left out, and two tabs never silently overwrite
//! each other's work.

use cwlogs_policy::policy::PolicyKind;
use cwlogs_policy::scenarios::{Control, ScenarioId};
use cwlogs_policy::session::{
    blank_inputs, decode, default_inputs, encode, share_link, LinkError, PageState, SaveDecision, SavedRecord, TabSync,
    Theirs, MAX_SAVED_TEXT, VERSION,
};
use std::collections::BTreeMap;
use serde_json::{json, Value};

/// A key policy of about 20 KB whose statements differ (accounts, log groups), like a real one.
fn pasted_policy_20kb() -> String {
    let mut seed = 12_345u64;
    let mut random = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seed >> 33
    };
    let services = ["orders", "payments", "billing", "auth", "search", "inventory"];
    let mut statements = Vec::new();
    let mut text = String::new();
    while text.len() < 20_000 {
        let n = statements.len();
        let account = 100_000_000_000 + random() % 900_000_000_000;
        let service = services[(random() % 6) as usize];
        let region = ["eu-west-1", "us-east-1", "ap-southeast-2"][n % 3];
        let suffix = random() % 100_000;
        statements.push(format!(
            r#"    {{
      "Sid": "AllowLogsGroup{n}",
      "Effect": "Allow",
      "Principal": {{"Service": "logs.{region}.amazonaws.com"}},
      "Action": ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      "Resource": "*",
      "Condition": {{"ArnEquals": {{"kms:EncryptionContext:aws:logs:arn": "arn:aws:logs:{region}:{account}:log-group:/app/{service}-{suffix}/events"}}}}
    }}"#
        ));
        text = format!(
            "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n{}\n  ]\n}}\n",
            statements.join(",\n")
        );
    }
    text
}

/// Every field of `id` changed from its default: text gets a suffix, lists an item, checkboxes
/// flip, choices take another option.
fn changed_input(id: ScenarioId) -> Value {
    let mut input = id.default_input();
    for field in id.fields() {
        let value = &mut input[field.name];
        match (field.control, value) {
            (Control::Check, Value::Bool(b)) => *b = !*b,
            (Control::Choice { options }, Value::String(s)) => {
                if let Some((other, _)) = options.iter().find(|(o, _)| o != s) {
                    *s = (*other).to_owned();
                }
            }
            (Control::Lines { .. }, Value::Array(items)) => items.push(json!("/app/ünïcode & \"quotes\"")),
            (_, Value::String(s)) => s.push_str("-changed"),
            (control, value) => panic!("{id:?}.{}: {control:?} holds {value}", field.name),
        }
    }
    input
}

fn state_with_every_field_changed(scenario: ScenarioId) -> PageState {
    let mut state = PageState {
        scenario,
        ..PageState::default()
    };
    for id in ScenarioId::ALL {
        state.inputs.insert(id, changed_input(id));
    }
    state.checker_text = pasted_policy_20kb();
    state.checker_kind = PolicyKind::Bucket;
    state.checker_against_form = true;
    state
        .pasted
        .insert("compare.before".into(), "{\"Version\": \"2012-10-17\"}".into());
    state.pasted.insert("compare.kind".into(), "log-resource".into());
    state
}

#[test]
fn every_scenario_with_every_field_changed_and_a_20kb_policy_round_trips() {
    for scenario in ScenarioId::ALL {
        let state = state_with_every_field_changed(scenario);
        assert_ne!(state, PageState::default());
        let fragment = encode(&state);
        assert!(fragment.starts_with("v2."), "{fragment:.20}");
        assert!(
            fragment
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
            "not URL-safe"
        );
        assert_eq!(decode(&fragment).as_ref(), Ok(&state), "{scenario:?}");
        assert_eq!(
            decode(&format!("#{fragment}")).as_ref(),
            Ok(&state),
            "{scenario:?} with #"
        );
    }
}

#[test]
fn one_changed_field_survives_and_the_rest_stay_default() {
    for id in ScenarioId::ALL {
        let changed = changed_input(id);
        for field in id.fields() {
            let mut state = PageState {
                scenario: id,
                ..PageState::default()
            };
            state.inputs.get_mut(&id).unwrap()[field.name] = changed[field.name].clone();
            assert_eq!(decode(&encode(&state)), Ok(state), "{id:?}.{}", field.name);
        }
    }
}

#[test]
fn the_default_state_is_a_tiny_link_and_links_replace_any_fragment() {
    let fragment = encode(&PageState::default());
    assert!(fragment.len() < 20, "{fragment}");
    assert_eq!(decode(&fragment), Ok(PageState::default()));
    let link = share_link(
        "https://example.com/cwlogs-policy-builder/?x=1#v1.old",
        &PageState::default(),
    );
    assert_eq!(
        link,
        format!("https://example.com/cwlogs-policy-builder/?x=1#{fragment}")
    );
}

/// Written by this page's format v1 (a changed log-group-key form, the s3-export scenario chosen,
/// a pasted bucket policy and a compare panel's text). If this test fails, old links no longer
/// open: keep reading v1 and write a new version instead.
const V1_FIXTURE: &str = "v1.eNpVjsEOgjAQRH_FzLlVwIMJv2HihXIodSUEoU1booT0392qB73t7sy82Q0BNcJR0tNZHyEwoN5wt73svV2cHGn9O7C9wUE7d7D-Sj5w4r05vU40x4BWwFM_2Jm5tMgHhShLJPFTwrxuMSPxBG0mkpn-0QISWw0Lm8KF-QxSqHcKVVFWsixkeVIQvJ-jjpQrs9y0iR8ZOfYFC7hcY-zktKd9RzfrKVMTF7wAktxPSA";

/// The state V1_FIXTURE holds: its form changes over the example values v1 links were written
/// against.
fn v1_fixture_state() -> PageState {
    fixture_on(default_inputs())
}

/// The same changes over today's first-visit form.
fn fixture_state() -> PageState {
    fixture_on(blank_inputs())
}

fn fixture_on(inputs: BTreeMap<ScenarioId, Value>) -> PageState {
    let mut state = PageState {
        scenario: ScenarioId::S3Export,
        inputs,
        ..PageState::default()
    };
    let key = state.inputs.get_mut(&ScenarioId::LogGroupKey).unwrap();
    key["region"] = json!("eu-west-1");
    key["log-groups"] = json!(["/app/orders", "/app/payments"]);
    let export = state.inputs.get_mut(&ScenarioId::S3Export).unwrap();
    export["bucket"] = json!("acme-log-exports");
    state.checker_text = "{\"Version\": \"2012-10-17\", \"Statement\": []}".into();
    state.checker_kind = PolicyKind::Bucket;
    state.pasted.insert("compare.before".into(), "{}".into());
    state
}

#[test]
fn a_committed_v1_link_still_opens() {
    assert_eq!(VERSION, 2, "a new version must keep decoding V1_FIXTURE");
    assert_eq!(decode(V1_FIXTURE), Ok(v1_fixture_state()));
    // An untouched v1 form held the example values, and still opens with them.
    let untouched = decode(&fragment_at_version(1, "{}", 6)).unwrap();
    assert_eq!(untouched.inputs, default_inputs());
    assert_eq!(untouched.inputs[&ScenarioId::LogGroupKey]["region"], json!("us-east-1"));
    // Today's links record changes against the first-visit form, whose Region is empty.
    assert_eq!(decode(&fragment_of("{}")), Ok(PageState::default()));
    assert_eq!(PageState::default().inputs[&ScenarioId::LogGroupKey]["region"], json!(""));
}

#[test]
fn texts_too_large_to_save_stay_out_of_links_and_saves() {
    let mut state = fixture_state();
    let huge = format!("{{\"Version\": \"2012-10-17\", \"x\": \"{}\"}}", "a".repeat(MAX_SAVED_TEXT));
    state.checker_text = huge.clone();
    state.pasted.insert("compare.after".into(), huge);
    let opened = decode(&encode(&state)).unwrap();
    assert_eq!(opened.checker_text, "");
    assert!(!opened.pasted.contains_key("compare.after"));
    // Everything else still goes: the form, and the texts that fit.
    assert_eq!(opened.pasted["compare.before"], "{}");
    assert_eq!(opened.inputs, state.inputs);
    let mut fits = state.clone();
    fits.checker_text = "a".repeat(MAX_SAVED_TEXT);
    assert_eq!(decode(&encode(&fits)).unwrap().checker_text, fits.checker_text);
}

fn corrupt_detail(fragment: &str) -> String {
    match decode(fragment) {
        Err(LinkError::Corrupt { detail }) => detail,
        other => panic!("{fragment:.40}: expected a damaged-link error, got {other:?}"),
    }
}

#[test]
fn damaged_links_say_what_is_wrong() {
    let fragment = encode(&fixture_state());
    // Cut short anywhere after the version.
    for keep in [3, 4, 10, fragment.len() / 2, fragment.len() - 1] {
        let detail = corrupt_detail(&fragment[..keep]);
        assert!(
            detail.contains("cut short") || detail.contains("checksum"),
            "cut at {keep}: {detail}"
        );
    }
    assert!(corrupt_detail("v1").contains("cut short"));
    // A character no link carries, located (1-based, counting the version prefix).
    let mut bad = fragment.clone();
    bad.replace_range(10..11, "*");
    assert!(
        corrupt_detail(&bad).contains("character 11 after the # ('*')"),
        "{}",
        corrupt_detail(&bad)
    );
    // Changed characters: the checksum (or the compressed data) catches every one.
    for at in (3..fragment.len()).step_by(7) {
        let mut changed = fragment.clone().into_bytes();
        changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
        let changed = String::from_utf8(changed).unwrap();
        assert!(
            matches!(decode(&changed), Err(LinkError::Corrupt { .. })),
            "change at {at} went unnoticed"
        );
    }
}

#[test]
fn other_versions_and_foreign_fragments_are_told_apart() {
    let payload = &encode(&fixture_state())[3..];
    assert_eq!(decode(&format!("v3.{payload}")), Err(LinkError::UnknownVersion(3)));
    assert_eq!(decode("#v17.abc"), Err(LinkError::UnknownVersion(17)));
    assert_eq!(decode("v0."), Err(LinkError::UnknownVersion(0)));
    for foreign in ["", "#", "#checker-title", "#top", "version", "v1abc", "#v.abc"] {
        assert_eq!(decode(foreign), Err(LinkError::NotOurs), "{foreign:?}");
    }
    assert!(matches!(
        decode("v99999999999999999999.x"),
        Err(LinkError::Corrupt { .. })
    ));
    let message = LinkError::UnknownVersion(3).to_string();
    assert!(message.contains("v3") && message.contains("newer version"), "{message}");
}

/// A fragment holding `json` as the wire form, as some other page version could write it.
fn fragment_of(json: &str) -> String {
    fragment_at_level(json, 6)
}

/// As [`fragment_of`], compressed at `level` (the page writes level 9).
fn fragment_at_level(json: &str, level: u8) -> String {
    fragment_at_version(VERSION, json, level)
}

fn fragment_at_version(version: u32, json: &str, level: u8) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), level);
    let mut out = format!("v{version}.");
    for chunk in packed.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
        }
    }
    out
}

#[test]
fn what_a_newer_page_adds_is_ignored_and_what_it_renames_is_named() {
    // Members and fields this version does not know are dropped; the rest opens.
    let newer = r#"{"s":"s3-export","i":{"s3-export":{"bucket":"b-1","future-field":true},"future-scenario":{"x":"y"}},"z":[1,2]}"#;
    let state = decode(&fragment_of(newer)).unwrap();
    assert_eq!(state.scenario, ScenarioId::S3Export);
    assert_eq!(state.inputs[&ScenarioId::S3Export]["bucket"], json!("b-1"));
    assert!(state.inputs[&ScenarioId::S3Export].get("future-field").is_none());

    assert_eq!(
        decode(&fragment_of(r#"{"s":"future-scenario"}"#)),
        Err(LinkError::UnknownScenario("future-scenario".into()))
    );
    let detail = corrupt_detail(&fragment_of(r#"{"i":{"s3-export":{"bucket":["a"]}}}"#));
    assert!(
        detail.contains("\"bucket\"") && detail.contains("s3-export") && detail.contains("text"),
        "{detail}"
    );
    assert!(corrupt_detail(&fragment_of(r#"{"k":"firewall"}"#)).contains("firewall"));
    assert!(corrupt_detail(&fragment_of(r#"{"t":"yes"}"#)).contains("not valid"));
    assert!(corrupt_detail(&fragment_of("not json")).contains("not valid"));
    assert!(corrupt_detail(&fragment_of(r#"["a list"]"#)).contains("not valid"));
}

// ---- Teaching mode's switch: only an "on" is written, so nothing older changes. ----

/// Measured before the switch joined the state: the default link must not grow.
const DEFAULT_FRAGMENT_LENGTH: usize = 17;

fn teaching_on(state: PageState) -> PageState {
    PageState {
        teaching: true,
        ..state
    }
}

#[test]
fn teaching_mode_round_trips_through_a_link_and_is_written_only_when_on() {
    for state in [
        PageState::default(),
        fixture_state(),
        state_with_every_field_changed(ScenarioId::VendedLogs),
    ] {
        let on = teaching_on(state.clone());
        assert_eq!(decode(&encode(&on)), Ok(on.clone()));
        assert_ne!(encode(&on), encode(&state));
        assert_eq!(decode(&encode(&state)).map(|s| s.teaching), Ok(false));
    }
    // The wire forms, built here without the page's encoder: `{}` by default, `{"t":true}` when on.
    assert_eq!(encode(&PageState::default()), fragment_at_level("{}", 9));
    assert_eq!(encode(&PageState::default()).len(), DEFAULT_FRAGMENT_LENGTH);
    assert_eq!(
        encode(&teaching_on(PageState::default())),
        fragment_at_level(r#"{"t":true}"#, 9)
    );
    // An explicit "off" (which this page never writes) reads as off.
    assert_eq!(decode(&fragment_of(r#"{"t":false}"#)), Ok(PageState::default()));
}

#[test]
fn links_and_saves_from_before_the_switch_open_with_teaching_off() {
    assert!(!decode(V1_FIXTURE).unwrap().teaching);
    // A record as the previous page wrote it: same shape, the committed v1 fragment as its state.
    let old_record = format!(r#"{{"tab":"old-tab","rev":7,"state":"{V1_FIXTURE}"}}"#);
    let mut tab = TabSync::new("a");
    assert_eq!(tab.open(Some(&old_record)), Ok(Some(v1_fixture_state())));
    // Turning teaching on afterwards is a change like any other, saved on top of the old record.
    let record = written(tab.save(&teaching_on(v1_fixture_state()), Some(&old_record)));
    assert_eq!(SavedRecord::parse(&record).unwrap().rev, 8);
}

#[test]
fn teaching_mode_round_trips_through_the_autosave_and_other_tabs() {
    let mut a = TabSync::new("a");
    let stored = written(a.save(&teaching_on(PageState::default()), None));
    let mut reloaded = TabSync::new("a2");
    assert_eq!(
        reloaded.open(Some(&stored)),
        Ok(Some(teaching_on(PageState::default())))
    );
    // Switching it off again is saved too (back to the default state, which is still written over
    // the stored "on" so a reload does not bring it back).
    let off = written(a.save(&PageState::default(), Some(&stored)));
    assert_eq!(reloaded.open(Some(&off)), Ok(Some(PageState::default())));
    // Another tab that only flips the switch has changed the work: this tab asks.
    let mut b = TabSync::new("b");
    b.open(Some(&off)).unwrap();
    let flipped = written(b.save(&teaching_on(edited("x")), Some(&off)));
    assert!(a.on_other_tab(&PageState::default(), Some(&flipped)));
    assert_eq!(a.conflict().unwrap().theirs, Theirs::Work(teaching_on(edited("x"))));
}

#[test]
fn link_lengths_for_typical_states() {
    let default = encode(&PageState::default()).len();
    let typical = encode(&fixture_state()).len();
    let mut with_policy = fixture_state();
    with_policy.checker_text = pasted_policy_20kb();
    let policy_bytes = with_policy.checker_text.len();
    let big = encode(&with_policy).len();
    let everything = encode(&state_with_every_field_changed(ScenarioId::VendedLogs)).len();
    let teaching = encode(&teaching_on(PageState::default())).len();
    println!("fragment lengths: default {default}, teaching mode on {teaching}, typical edits {typical}, + {policy_bytes}-byte pasted policy {big}, every field of every scenario changed + that policy {everything}");
    assert_eq!(default, DEFAULT_FRAGMENT_LENGTH);
    assert!(typical < 400, "{typical}");
    // Compression must earn its place: a pasted policy costs well under half its size.
    assert!(big < policy_bytes / 4, "{big} for {policy_bytes}");
}

// ---- Autosave across tabs: a Vec<Option<String>> stands in for the one localStorage slot. ----

fn edited(text: &str) -> PageState {
    PageState {
        checker_text: text.into(),
        ..PageState::default()
    }
}

fn written(decision: SaveDecision) -> String {
    match decision {
        SaveDecision::Write(record) => record,
        other => panic!("expected a write, got {other:?}"),
    }
}

#[test]
fn a_lone_tab_saves_every_change_and_restores_it() {
    let mut tab = TabSync::new("a");
    assert_eq!(tab.open(None), Ok(None));
    // Nothing stored and nothing changed: nothing to write.
    assert_eq!(tab.save(&PageState::default(), None), SaveDecision::Unchanged);
    let first = written(tab.save(&edited("one"), None));
    let second = written(tab.save(&edited("two"), Some(&first)));
    assert_eq!(SavedRecord::parse(&second).unwrap().rev, 2);
    assert_eq!(tab.save(&edited("two"), Some(&second)), SaveDecision::Unchanged);

    let mut reloaded = TabSync::new("a2");
    assert_eq!(reloaded.open(Some(&second)), Ok(Some(edited("two"))));
    let third = written(reloaded.save(&edited("three"), Some(&second)));
    assert_eq!(SavedRecord::parse(&third).unwrap().rev, 3);
}

#[test]
fn newer_work_from_another_tab_is_never_silently_overwritten() {
    let mut a = TabSync::new("a");
    let mut b = TabSync::new("b");
    let stored = written(a.save(&edited("a1"), None));
    assert_eq!(b.open(Some(&stored)), Ok(Some(edited("a1"))));
    let stored = written(b.save(&edited("b1"), Some(&stored)));

    // A hears of it: it must ask, and holds its own changes meanwhile.
    assert!(a.on_other_tab(&edited("a1"), Some(&stored)));
    assert_eq!(a.conflict().unwrap().theirs, Theirs::Work(edited("b1")));
    assert_eq!(a.save(&edited("a2"), Some(&stored)), SaveDecision::Hold);

    // "Keep mine" writes over theirs with a higher revision; B now has to ask in turn.
    let mine = a.keep_mine(&edited("a2"), Some(&stored));
    assert!(SavedRecord::parse(&mine).unwrap().rev > SavedRecord::parse(&stored).unwrap().rev);
    assert!(a.conflict().is_none());
    assert!(b.on_other_tab(&edited("b1"), Some(&mine)));
    assert_eq!(b.save(&edited("b2"), Some(&mine)), SaveDecision::Hold);

    // "Load theirs" gives A's work to B, which then saves on top of it normally.
    assert_eq!(b.load_theirs(), Some(edited("a2")));
    let next = written(b.save(&edited("b3"), Some(&mine)));
    assert_eq!(
        SavedRecord::parse(&next).unwrap().rev,
        SavedRecord::parse(&mine).unwrap().rev + 1
    );
}

#[test]
fn a_refused_write_does_not_look_like_another_tab_later() {
    let mut tab = TabSync::new("a");
    let stored = written(tab.save(&edited("one"), None));
    // The browser refuses the next write (storage full): what is stored stays `stored`.
    let _refused = written(tab.save(&edited("huge"), Some(&stored)));
    tab.write_failed(Some(&stored));
    let next = written(tab.save(&edited("smaller"), Some(&stored)));
    assert_eq!(SavedRecord::parse(&next).unwrap().rev, 2);
    assert!(tab.conflict().is_none());
}

#[test]
fn a_missed_event_is_caught_when_saving() {
    let mut a = TabSync::new("a");
    let mut b = TabSync::new("b");
    let stored = written(a.save(&edited("a1"), None));
    b.open(Some(&stored)).unwrap();
    let stored = written(b.save(&edited("b1"), Some(&stored)));
    // A never got the storage event: its next save still sees the newer revision and holds.
    assert_eq!(a.save(&edited("a2"), Some(&stored)), SaveDecision::Hold);
    assert_eq!(a.conflict().unwrap().theirs, Theirs::Work(edited("b1")));
}

#[test]
fn the_same_work_elsewhere_needs_no_question() {
    let mut a = TabSync::new("a");
    let mut b = TabSync::new("b");
    let stored = written(a.save(&edited("same"), None));
    b.open(Some(&stored)).unwrap();
    let stored = written(b.save(&edited("same-ish"), Some(&stored)));
    assert!(!a.on_other_tab(&edited("same-ish"), Some(&stored)));
    // And A's next change goes straight on top.
    assert!(matches!(a.save(&edited("more"), Some(&stored)), SaveDecision::Write(_)));
}

#[test]
fn start_over_in_one_tab_is_a_change_the_other_tab_is_asked_about() {
    let mut a = TabSync::new("a");
    let mut b = TabSync::new("b");
    let stored = written(a.save(&edited("work"), None));
    b.open(Some(&stored)).unwrap();
    // B starts over: the record is removed.
    b.start_over();
    assert_eq!(b.save(&PageState::default(), None), SaveDecision::Unchanged);
    assert!(a.on_other_tab(&edited("work"), None));
    assert_eq!(a.conflict().unwrap().theirs, Theirs::StartedOver);
    assert_eq!(a.save(&edited("work!"), None), SaveDecision::Hold);
    let kept = a.keep_mine(&edited("work!"), None);
    assert_eq!(SavedRecord::parse(&kept).unwrap().state, encode(&edited("work!")));
    // Had A chosen "load theirs", it would show the defaults.
    let mut c = TabSync::new("c");
    c.open(Some(&stored)).unwrap();
    c.on_other_tab(&edited("work"), None);
    assert_eq!(c.load_theirs(), Some(PageState::default()));
    // A tab already at the defaults has nothing to ask about, then or at its next change.
    let mut d = TabSync::new("d");
    d.open(Some(&stored)).unwrap();
    assert_eq!(d.save(&PageState::default(), None), SaveDecision::Unchanged);
    assert!(matches!(d.save(&edited("new"), None), SaveDecision::Write(_)));
    assert!(d.conflict().is_none());
}

#[test]
fn unreadable_records_are_reported_not_trusted() {
    let mut tab = TabSync::new("a");
    assert!(matches!(tab.open(Some("{not json")), Err(LinkError::Corrupt { .. })));
    let future = SavedRecord {
        tab: "x".into(),
        rev: 4,
        state: "v3.abc".into(),
    }
    .to_json();
    let mut tab = TabSync::new("a");
    assert_eq!(tab.open(Some(&future)), Err(LinkError::UnknownVersion(3)));
    // Another tab running a newer page: asked about, but "load theirs" cannot show it.
    let mut other = TabSync::new("b");
    assert!(other.on_other_tab(&edited("mine"), Some(&future)));
    assert!(matches!(
        other.conflict().unwrap().theirs,
        Theirs::Unreadable(LinkError::UnknownVersion(3))
    ));
    assert_eq!(other.load_theirs(), None);
    assert!(other.conflict().is_some());
}

#[test]
fn the_checkers_form_switch_round_trips_and_is_written_only_when_on() {
    let on = PageState {
        checker_against_form: true,
        ..fixture_state()
    };
    assert_eq!(decode(&encode(&on)), Ok(on.clone()));
    assert!(!decode(V1_FIXTURE).unwrap().checker_against_form);
    assert_eq!(
        encode(&PageState {
            checker_against_form: true,
            ..PageState::default()
        }),
        fragment_at_level(r#"{"a":true}"#, 9)
    );
    assert_eq!(encode(&PageState::default()).len(), DEFAULT_FRAGMENT_LENGTH);
}

/// Found while writing the `session` fuzz target (AFL did not reach it in 300,000 executions): a
/// stored revision at the top of the range made the next save overflow (a panic in a debug build;
/// revision 0, "nothing stored", in the page). The save still writes, and another tab still
/// notices the change.
#[test]
fn a_record_at_the_last_revision_still_saves_and_is_noticed() {
    let stored = format!(r#"{{"tab":"other","rev":{},"state":"{}"}}"#, u64::MAX, encode(&edited("one")));
    let mut tab = TabSync::new("a");
    assert_eq!(tab.open(Some(&stored)), Ok(Some(edited("one"))));
    let next = written(tab.save(&edited("two"), Some(&stored)));
    let rev = SavedRecord::parse(&next).unwrap().rev;
    assert_ne!(rev, 0, "revision 0 means nothing was saved");
    assert_ne!(rev, u64::MAX, "the same revision as before hides the change from other tabs");

    let mut other = TabSync::new("other");
    assert_eq!(other.open(Some(&stored)), Ok(Some(edited("one"))));
    assert!(other.on_other_tab(&edited("one"), Some(&next)), "the other tab is not asked");
    assert_eq!(other.save(&edited("three"), Some(&next)), SaveDecision::Hold);
}
