//! The CLI in Japanese (issue 15): `--lang en|ja`, else `LC_ALL`/`LC_MESSAGES`/`LANG`; JSON and SARIF
//! carry the message in the chosen language beside the stable code, with the same field names.

use serde_json::Value;
use std::process::{Command, Output};

/// Two statements with one Sid: IAM007 (catalogued) and IAM033.
const TWO_SIDS: &str = r#"{"Version": "2012-10-17", "Statement": [
  {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
  {"Sid": "A", "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:Decrypt", "Resource": "*"}
]}"#;

fn policy_file() -> String {
    let dir = std::env::temp_dir().join(format!("cwlogs-cli-lang-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("two-sids.json");
    std::fs::write(&path, TWO_SIDS).unwrap();
    path.display().to_string()
}

/// The CLI with only the given locale variables set.
fn cli(env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_cwlogs-policy"));
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
        .envs(env.iter().copied())
        .args(args)
        .output()
        .expect("run cwlogs-policy")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

#[test]
fn lang_ja_prints_japanese_findings_with_their_codes() {
    let file = policy_file();
    let out = cli(&[("LANG", "ja_JP.UTF-8")], &["check", &file]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains(": warning[IAM007] Sid \"A\" が重複しています\n"),
        "{text}"
    );
    assert!(
        text.contains("  補足: 最初に使われている場所: Statement[0].Sid\n"),
        "{text}"
    );
    assert!(
        text.contains("  対処: ステートメントごとに別の Sid を付けてください\n"),
        "{text}"
    );
    assert!(
        text.ends_with(": エラー 0 件、セキュリティ 0 件、警告 1 件、提案 1 件\n"),
        "{text}"
    );
}

#[test]
fn the_flag_wins_over_the_environment_and_lc_all_over_lang() {
    let file = policy_file();
    let english = stdout(&cli(&[], &["check", &file]));
    assert!(english.contains("warning[IAM007] duplicate Sid \"A\"\n"), "{english}");
    assert!(english.ends_with(": 0 error(s), 0 security, 1 warning(s), 1 suggestion(s)\n"));
    assert_eq!(
        stdout(&cli(&[("LANG", "ja_JP.UTF-8")], &["check", "--lang", "en", &file])),
        english
    );
    assert_eq!(
        stdout(&cli(&[("LANG", "ja_JP.UTF-8"), ("LC_ALL", "C")], &["check", &file])),
        english
    );
    assert_eq!(
        stdout(&cli(
            &[("LANG", "C"), ("LC_MESSAGES", "ja_JP.UTF-8")],
            &["check", &file]
        )),
        { stdout(&cli(&[], &["check", "--lang", "ja", &file])) }
    );
    assert_ne!(
        stdout(&cli(&[], &["--lang", "ja", "check", &file])),
        english,
        "before the subcommand too"
    );
    let refused = cli(&[], &["check", "--lang", "fr", &file]);
    assert_eq!(refused.status.code(), Some(2));
}

#[test]
fn json_carries_the_japanese_message_beside_the_same_code_and_fields() {
    let file = policy_file();
    let english: Value = serde_json::from_slice(&cli(&[], &["check", "--format", "json", &file]).stdout).unwrap();
    let japanese: Value =
        serde_json::from_slice(&cli(&[], &["check", "--lang", "ja", "--format", "json", &file]).stdout).unwrap();
    let (en, ja) = (&english[0]["findings"], &japanese[0]["findings"]);
    let sid = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == "IAM007")
            .unwrap()
            .clone()
    };
    let (en, ja) = (sid(en), sid(ja));
    assert_eq!(ja["message"], "Sid \"A\" が重複しています");
    assert_eq!(ja["note"], "最初に使われている場所: Statement[0].Sid");
    assert_eq!(en["message"], "duplicate Sid \"A\"");
    let keys = |v: &Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&en), keys(&ja));
    for field in ["code", "name", "severity", "line", "column", "path", "start", "end"] {
        assert_eq!(en[field], ja[field], "{field}");
    }
}

#[test]
fn sarif_carries_the_japanese_message_and_the_same_rule_id() {
    let file = policy_file();
    let out = cli(&[("LANG", "ja_JP.UTF-8")], &["check", "--format", "sarif", &file]);
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let result = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "IAM007")
        .expect("IAM007 result")
        .clone();
    let text = result["message"]["text"].as_str().unwrap();
    assert!(text.starts_with("Sid \"A\" が重複しています"), "{text}");
}
