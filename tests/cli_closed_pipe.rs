//! Every `cwlogs-policy` command whose reader goes away (`cwlogs-policy rules | head`) stops
//! quietly: no panic message, and the exit status the command gives with its output read.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_cwlogs-policy");

fn file(name: &str, text: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli_closed_pipe");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write fixture");
    path.display().to_string()
}

fn sample(name: &str) -> String {
    format!("{}/src/samples/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The exit status and standard error of `args` with standard output closed before the command
/// writes anything: the read end of its pipe is dropped right after the spawn, so its first
/// write fails with a broken pipe (the program needs longer to start than this takes).
fn run_with_stdout_closed(args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run cwlogs-policy");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait for cwlogs-policy");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn status_with_stdout_read(args: &[&str]) -> Option<i32> {
    Command::new(BIN).args(args).output().expect("run cwlogs-policy").status.code()
}

#[test]
fn every_command_stops_quietly_when_its_reader_is_gone() {
    let mistakes = sample("key-policy-with-mistakes.json");
    let default = sample("default-key-policy.json");
    let request = file(
        "request.json",
        r#"{"principal": {"service": "logs.us-east-1.amazonaws.com"}, "action": "kms:Decrypt",
            "resource": "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}"#,
    );
    let record = format!("{}/tests/fixtures/cloudtrail/put-key-policy.json", env!("CARGO_MANIFEST_DIR"));
    let commands: Vec<Vec<&str>> = vec![
        vec!["rules"],
        vec!["rules", "IAM005"],
        vec!["check", &mistakes],
        vec!["check", "--format", "json", &mistakes],
        vec!["check", "--format", "sarif", &mistakes],
        vec!["diff", &default, &mistakes],
        vec!["diff", "--format", "json", &default, &mistakes],
        vec!["merge", &default, &mistakes],
        vec!["simulate", "--policy", &default, "--request", &request],
        vec!["simulate", "--format", "json", "--policy", &default, "--request", &request],
        vec!["build", "log-group-key"],
        vec!["build", "log-group-key", "--export", "script"],
        vec!["troubleshoot", "GetBucketAcl call on the given bucket failed"],
        vec!["troubleshoot", "--format", "json", "GetBucketAcl call on the given bucket failed"],
        vec!["import-record", &record],
        vec!["import-record", "--format", "json", &record],
        vec!["--help"],
    ];
    for args in &commands {
        let (status, stderr) = run_with_stdout_closed(args);
        assert!(!stderr.contains("panicked"), "{args:?} panicked with its stdout closed:\n{stderr}");
        assert_eq!(status, status_with_stdout_read(args), "{args:?}: exit status with stdout closed\n{stderr}");
    }
}
