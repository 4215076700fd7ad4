//! The steps' typed AWS calls over every scenario's every option combination
//! (tests/scenario_inputs/): their bash parses, their flags are the operations' own (the table
//! checked against the AWS CLI's model, tests/fixtures/aws-cli-operations.txt), every table entry
//! is used, no glue line writes AWS CLI text by hand, and the audit-trail scenario still lists the
//! events it listed before the steps were typed.

mod scenario_inputs;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use cwlogs_policy::scenarios::step::operation::{self, Operation};
use cwlogs_policy::scenarios::step::Line;
use cwlogs_policy::scenarios::vended_logs::{operator, VendedLogsInput};
use cwlogs_policy::scenarios::{Bundle, ScenarioId, Step};

fn runs() -> &'static [(ScenarioId, serde_json::Value, Bundle)] {
    static ALL: OnceLock<Vec<(ScenarioId, serde_json::Value, Bundle)>> = OnceLock::new();
    ALL.get_or_init(|| {
        scenario_inputs::every_combination()
            .into_iter()
            .filter_map(|(id, input)| id.run(&input).bundle.map(|b| (id, input, b)))
            .collect()
    })
}

fn bundles() -> Vec<(ScenarioId, &'static Bundle)> {
    runs().iter().map(|(id, _, b)| (*id, b)).collect()
}

/// `bash -n` on `script`: None when it parses, else bash's message.
fn bash_syntax_error(script: &str) -> Option<String> {
    let mut child = Command::new("bash")
        .arg("-n")
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bash runs");
    child.stdin.take().expect("stdin").write_all(script.as_bytes()).expect("script written");
    let out = child.wait_with_output().expect("bash ends");
    (!out.status.success()).then(|| String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The step's bash, then each call written in it (commented-out ones too) on its own.
fn step_script(step: &Step) -> String {
    let mut out = format!("{}\n", step.command);
    for call in step.written_calls() {
        out.push_str(&call.bash());
        out.push('\n');
    }
    out
}

#[test]
fn every_call_of_every_combination_is_bash_that_parses() {
    let mut scripts: BTreeMap<&str, String> = BTreeMap::new();
    for (id, bundle) in bundles() {
        let script = scripts.entry(id.cli_name()).or_default();
        for step in &bundle.steps {
            script.push_str(&step_script(step));
        }
    }
    assert_eq!(scripts.len(), ScenarioId::ALL.len());
    // One bash per scenario; only when it fails, one per step to name the step.
    for (scenario, script) in &scripts {
        if let Some(error) = bash_syntax_error(script) {
            let culprit = bundles()
                .iter()
                .flat_map(|(_, b)| &b.steps)
                .find_map(|s| bash_syntax_error(&step_script(s)).map(|e| format!("{}:\n{}\n{e}", s.title, step_script(s))));
            panic!("{scenario}: bash -n fails: {error}\nfirst failing step: {culprit:?}");
        }
    }
}

#[test]
fn every_flag_is_its_operations_own_and_every_operation_is_used() {
    let mut used: BTreeSet<(&str, &str)> = BTreeSet::new();
    for (id, bundle) in bundles() {
        for step in &bundle.steps {
            for call in step.written_calls() {
                let op = call.operation;
                used.insert((op.service.cli, op.cli));
                for flag in &call.flags {
                    assert!(
                        op.accepts(flag.name),
                        "{}: step \"{}\" passes --{} to {}, which its table entry does not list",
                        id.cli_name(),
                        step.title,
                        flag.name,
                        op.command()
                    );
                }
            }
        }
    }
    let unused: Vec<String> = operation::ALL
        .iter()
        .filter(|op| !used.contains(&(op.service.cli, op.cli)))
        .map(|op| op.command())
        .collect();
    assert!(unused.is_empty(), "table entries no step of any combination uses: {unused:?}");
}

#[test]
fn the_table_matches_the_aws_cli_model() {
    let fixture = include_str!("fixtures/aws-cli-operations.txt");
    let model: BTreeMap<(&str, &str), (&str, BTreeSet<&str>)> = fixture
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let (head, flags) = l.split_once(": ").unwrap_or((l.trim_end_matches(':'), ""));
            let mut words = head.split(' ');
            let (service, cli, api) = (words.next(), words.next(), words.next());
            let key = (service.expect("service"), api.expect("API name"));
            (key, (cli.expect("CLI name"), flags.split_whitespace().collect()))
        })
        .collect();
    let table: BTreeSet<(&str, &str)> = operation::ALL.iter().map(|op| (op.service.cli, op.api)).collect();
    let model_keys: BTreeSet<(&str, &str)> = model.keys().copied().collect();
    assert_eq!(table, model_keys, "run scripts/aws-cli-operations.sh after changing the table");
    for op in operation::ALL {
        let check = |op: &Operation| {
            let (cli, flags) = &model[&(op.service.cli, op.api)];
            assert_eq!(*cli, op.cli, "{} is {} in the AWS CLI", op.api, cli);
            for flag in op.flags {
                assert!(flags.contains(flag), "{} takes no --{flag}; it takes {flags:?}", op.command());
            }
        };
        check(op);
    }
}

/// The first two words after each `aws ` in `text` name an AWS CLI command of the table's services.
fn aws_command_in(text: &str) -> bool {
    let services: BTreeSet<&str> = operation::ALL.iter().map(|op| op.service.cli).collect();
    text.match_indices("aws ").any(|(i, _)| {
        let before = text[..i].chars().last();
        let mut words = text[i + 4..].split_whitespace();
        before.is_none_or(|c| !c.is_alphanumeric())
            && words.next().is_some_and(|w| services.contains(w))
            && words.next().is_some_and(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
    })
}

#[test]
fn no_glue_line_writes_an_aws_command_by_hand() {
    fn check(line: &Line, step: &Step) {
        match line {
            Line::Shell(text) | Line::Comment(text) => {
                assert!(!aws_command_in(text), "step \"{}\" writes an AWS call as text: {text}", step.title)
            }
            Line::Commented(inner) => check(inner, step),
            Line::Function(f) => f.body.iter().for_each(|(_, l)| check(l, step)),
            _ => {}
        }
    }
    assert!(aws_command_in("x; aws logs put-resource-policy --x") && !aws_command_in("aws:kms:dsse"));
    for (_, bundle) in bundles() {
        for step in &bundle.steps {
            step.lines.iter().for_each(|l| check(l, step));
        }
    }
}

#[test]
fn the_audit_trail_lists_the_events_it_listed_before_the_steps_were_typed() {
    let recorded: BTreeSet<&str> = include_str!("fixtures/audit-trail-step-events.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .collect();
    let mut listed: BTreeSet<String> = BTreeSet::new();
    let mut combinations = 0;
    for (id, bundle) in bundles() {
        if id == ScenarioId::AuditTrail {
            combinations += 1;
            listed.extend(bundle.notes.iter().filter(|n| n.contains(" · ")).cloned());
        }
    }
    assert!(combinations > 1);
    let listed: BTreeSet<&str> = listed.iter().map(String::as_str).collect();
    assert_eq!(listed, recorded);
}

#[test]
fn every_call_the_setup_role_runs_has_its_iam_requests() {
    let mut calls = 0;
    for (id, input, bundle) in runs() {
        if *id != ScenarioId::VendedLogs {
            continue;
        }
        let input: VendedLogsInput = serde_json::from_value(input.clone()).expect("a vended-logs input");
        for step in bundle.steps.iter().filter(|s| s.identity_policy.is_some()) {
            let account = step.account.as_deref().unwrap_or(input.source_account());
            for call in step.calls() {
                calls += 1;
                let requests = operator::requests(&input, call, account);
                assert!(
                    requests.is_some_and(|r| !r.is_empty()),
                    "no IAM request known for {} in step \"{}\"",
                    call.operation.command(),
                    step.title
                );
            }
        }
    }
    assert!(calls > 0);
}
