//! `cwlogs-policy import-record` and `troubleshoot`, and the help of `build SCENARIO`, as a user
//! runs them.

use cwlogs_policy::scenarios::audit_trail::import_record;
use cwlogs_policy::scenarios::ScenarioId;
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_cwlogs-policy");

fn cli(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().expect("run cwlogs-policy")
}

fn fixture_path(file: &str) -> String {
    format!("{}/tests/fixtures/cloudtrail/{file}", env!("CARGO_MANIFEST_DIR"))
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The build command line import-record prints, run by bash with this binary, builds the same
/// bundle as the imported input does in the library.
#[test]
fn the_printed_command_line_builds_the_imported_form() {
    for file in [
        "create-export-task.json",
        "associate-kms-key.json",
        "put-key-policy.json",
    ] {
        let out = cli(&["import-record", &fixture_path(file)]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", stderr(&out));
        let command = stdout(&out);
        assert!(command.starts_with("cwlogs-policy build "), "{command}");
        let run = Command::new("bash")
            .arg("-c")
            .arg(command.replacen("cwlogs-policy", BIN, 1))
            .output()
            .expect("run bash");
        assert_eq!(run.status.code(), Some(0), "{file}: {}", stderr(&run));
        let built: Value = serde_json::from_slice(&run.stdout).expect("the bundle is JSON");

        let text = std::fs::read_to_string(fixture_path(file)).expect("fixture");
        let import = import_record(&text).expect("imports");
        let expected = import.scenario.run(&import.input).bundle.expect("a bundle");
        assert_eq!(built, serde_json::to_value(expected).expect("bundle to JSON"), "{file}");
    }
}

#[test]
fn text_output_names_the_filled_fields_and_notes_on_standard_error() {
    let out = cli(&["import-record", &fixture_path("create-export-task.json")]);
    let err = stderr(&out);
    assert!(
        err.starts_with("Filled 7 fields of \"Export log groups to an SSE-KMS encrypted S3 bucket\": Partition, Region, Account ID, Log group names, Bucket name, From, To."),
        "{err}"
    );
    assert!(
        err.contains("note: Export task 15e5e534-9548-44ab-a221-64d9d2b27b9b"),
        "{err}"
    );
    assert!(stdout(&out).contains("--log-groups yourloggroup \\\n  --bucket yourdestination"));
}

#[test]
fn json_output_has_the_scenario_input_labels_and_command() {
    let mut child = Command::new(BIN)
        .args(["import-record", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let record = std::fs::read_to_string(fixture_path("create-export-task.json")).expect("fixture");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(record.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["scenario"], "s3-export");
    assert_eq!(v["input"]["log-groups"], serde_json::json!(["yourloggroup"]));
    assert_eq!(v["input"]["to"], "1973-11-29");
    let labels: Vec<&str> = v["filled"]
        .as_array()
        .expect("filled")
        .iter()
        .filter_map(|f| f["label"].as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Partition",
            "Region",
            "Account ID",
            "Log group names",
            "Bucket name",
            "From",
            "To"
        ]
    );
    assert!(v["command"]
        .as_str()
        .is_some_and(|c| c.starts_with("cwlogs-policy build s3-export")));
    assert!(ScenarioId::S3Export.run(&v["input"]).problems.iter().all(|p| p.field != "input"));
}

#[test]
fn a_broken_record_exits_two_with_a_located_error() {
    let dir = std::env::temp_dir().join(format!("cwlogs-cli-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("broken.json");
    std::fs::write(&path, "{\"eventName\": \"CreateExportTask\",\n  \"awsRegion\": }").expect("write");
    let out = cli(&["import-record", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("broken.json: line 2, column 16: "),
        "{}",
        stderr(&out)
    );

    let out = cli(&["import-record", &dir.join("missing.json").display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read"), "{}", stderr(&out));
}

#[test]
fn troubleshoot_names_the_permission_and_prints_the_statement() {
    let out = cli(&[
        "troubleshoot",
        "An error occurred (InvalidParameterException) when calling the CreateExportTask operation: GetBucketAcl call on the given bucket failed.",
        "--region",
        "eu-west-1",
        "--bucket",
        "acme-logs",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("GetBucketAcl call on the given bucket failed (InvalidParameterException)"),
        "{text}"
    );
    assert!(
        text.contains("missing: s3:GetBucketAcl for logs.eu-west-1.amazonaws.com on arn:aws:s3:::acme-logs"),
        "{text}"
    );
    assert!(
        text.contains("fix: Sid AllowGetBucketAcl in bucket-policy.json"),
        "{text}"
    );

    let out = cli(&[
        "troubleshoot",
        "--format",
        "json",
        "PutObject call on the given bucket failed",
        "--encryption",
        "sse-s3",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["recognised"]["id"], "put-object");
    let statement: Value = serde_json::from_str(v["remedies"][0]["text"].as_str().expect("statement")).expect("JSON");
    assert_eq!(statement["Action"], "s3:PutObject");
    assert!(
        v["remedies"]
            .as_array()
            .expect("remedies")
            .iter()
            .all(|r| r["fix_sid"] != "AllowCWLServicePrincipalUsage"),
        "no key statement for SSE-S3"
    );
}

#[test]
fn troubleshoot_says_what_it_knows_for_other_messages_and_refuses_bad_flags() {
    let out = cli(&["troubleshoot", "AccessDenied: something else"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.starts_with("Not recognised"), "{text}");
    assert!(text.contains("GetBucketAcl call on the given bucket failed") && text.contains("Resource limit exceeded"));

    let help = stdout(&cli(&["troubleshoot", "--help"]));
    assert!(
        help.contains("--bucket <TEXT>") && help.contains("--log-groups <VALUE>"),
        "{help}"
    );
    assert!(
        !help.contains("--export"),
        "build's own flags are not the form's: {help}"
    );

    let out = cli(&["troubleshoot", "GetBucketAcl", "--encryption", "rot13"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("rot13"), "{}", stderr(&out));
}

/// clap lists `--help` under "Options:"; a form section of that name would mix the two.
#[test]
fn build_help_has_one_options_heading_and_every_form_section() {
    for id in ScenarioId::ALL {
        let out = cli(&["build", id.cli_name(), "--help"]);
        let help = stdout(&out);
        let headings: Vec<&str> = help
            .lines()
            .filter(|l| !l.starts_with(' ') && l.ends_with(':'))
            .collect();
        assert_eq!(
            headings.iter().filter(|h| **h == "Options:").count(),
            1,
            "{id:?}: {headings:?}"
        );
        for field in id.fields() {
            assert!(
                headings.contains(&format!("{}:", field.section).as_str()),
                "{id:?}: {}",
                field.section
            );
        }
    }
}
