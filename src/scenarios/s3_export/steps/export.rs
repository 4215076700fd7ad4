//! The export itself: one task per log group, each waited for, since an account may run only one
//! export task at a time.

use super::at_logs;
use crate::scenarios::s3_export::S3ExportSpec;
use crate::scenarios::step::operation::{LOGS_CREATE_EXPORT_TASK, LOGS_DESCRIBE_EXPORT_TASKS};
use crate::scenarios::step::{iam_propagation, Arg, AwsCall, Function, Line};
use crate::scenarios::Step;

/// The AWS CLI profile the export runs with when exporting roles are listed.
pub const EXPORTER_PROFILE: &str = "EXPORTER_PROFILE";

/// Whether the export runs as one of the listed exporting roles: whenever roles are listed. Across
/// accounts only they may write to the bucket (§3.4, §3.6); in one account the steps give them
/// their permissions, and exporting with other credentials would leave those never used and the
/// caller policy untested (review F3).
pub fn runs_as_exporter(input: &S3ExportSpec) -> bool {
    !input.caller_arns().is_empty()
}

/// Stops the script before its first call unless [`EXPORTER_PROFILE`] is set: the export needs
/// it after the other steps have run.
pub fn require_exporter_profile(input: &S3ExportSpec) -> Line {
    let names: Vec<&str> = input.caller_arns().iter().map(|a| a.rsplit('/').next().unwrap_or(a)).collect();
    let why = if input.is_cross_account() {
        format!("only they may write to the bucket in account {}", input.bucket_owner())
    } else {
        "the export runs as them, with the permissions the steps give them".to_owned()
    };
    Line::Require {
        var: EXPORTER_PROFILE,
        message: format!(
            "set EXPORTER_PROFILE to an AWS CLI profile that runs as one of the exporting roles or users ({}) in account {}: {why}",
            names.join(", "),
            input.account(),
        ),
    }
}

/// CreateExportTask's `taskName` limit.
const TASK_NAME_MAX: usize = 512;

pub fn steps(input: &S3ExportSpec, region: &str, bucket: &str) -> Vec<Step> {
    let millis = |m: Option<u64>| m.map_or_else(|| "INVALID-DATE".to_owned(), |m| m.to_string());
    let (from, to) = (millis(input.from_millis()), millis(input.to_millis()));
    let mut lines = vec![Line::Function(Function {
        name: "wait_for_export",
        body: vec![
            (2, Line::shell("while true; do")),
            (
                4,
                AwsCall::new(&LOGS_DESCRIBE_EXPORT_TASKS)
                    .region(region)
                    .var("task-id", "1")
                    .capture("status", "exportTasks[0].status.code")
                    .into(),
            ),
            (4, Line::shell("case \"$status\" in")),
            (6, Line::shell("PENDING|RUNNING|PENDING_CANCEL) sleep 10 ;;")),
            (6, Line::shell("COMPLETED) echo \"$1: COMPLETED\"; break ;;")),
            // FAILED or CANCELLED: stop (under `set -e`) rather than export the next group as if done.
            (6, Line::shell("*) echo \"$1: $status\" >&2; return 1 ;;")),
            (4, Line::shell("esac")),
            (2, Line::shell("done")),
        ],
    })];
    if runs_as_exporter(input) {
        // Across accounts the bucket admits only the exporting roles, and create-export-task
        // checks that its caller could write there itself (§3.4, §3.6); in one account the roles
        // are who the steps gave the export's permissions. Either way it runs as one of them.
        lines.push(Line::comment(if input.is_cross_account() {
            "As an exporting role: the bucket's account admits only them"
        } else {
            "As an exporting role: the permissions the steps gave them are what the export uses"
        }));
        lines.push(Line::shell(format!("export AWS_PROFILE=\"${EXPORTER_PROFILE}\"")));
        // The role's policy was put by an earlier step of this script.
        lines.extend(iam_propagation::wait("the exporting role"));
    }
    let groups = input.group_names();
    if groups.is_empty() {
        lines.push(Line::comment("enter a log group to export"));
    }
    if !groups.is_empty() {
        lines.push(Line::comment(
            "A task a run before this one started (same name, bucket and prefix, not failed or cancelled) is followed, not started again. The look-up asks for JSON, so the CLI reads every page of the listing before its query (with text output it queries each page apart).",
        ));
    }
    for group in groups {
        let name = task_name(group, input);
        // A run before this one (stopped, or run again for the other groups) may have started
        // this task: follow it rather than export the range twice, or be refused with
        // LimitExceededException while it still runs.
        // JSON output: with text output the CLI applies the query to each page of the listing
        // (50 tasks) and prints one answer per page, "None\nNone" in an account with more tasks
        // (AWS CLI user guide, output formats; review M2 of 2026-12-08). JSON queries the whole.
        lines.push(
            AwsCall::new(&LOGS_DESCRIBE_EXPORT_TASKS)
                .region(region)
                .wrap()
                .text("query", earlier_task_query(&name, bucket, input.export_prefix()))
                .text("output", "json")
                .into_var("TASK_ID")
                .into(),
        );
        lines.push(Line::Assign {
            var: "TASK_ID",
            value: Arg::Expr("$(printf '%s' \"$TASK_ID\" | tr -d '\"[:space:]')".into()),
        });
        lines.push(Line::shell("if [ -z \"$TASK_ID\" ] || [ \"$TASK_ID\" = null ]; then"));
        lines.push(
            AwsCall::new(&LOGS_CREATE_EXPORT_TASK)
                .region(region)
                .wrap()
                .text("task-name", name.as_str())
                .wrap()
                .text("log-group-name", group)
                .wrap()
                .text("from", from.as_str())
                .text("to", to.as_str())
                .wrap()
                .text("destination", bucket)
                // Passed even when it is the default, so the command states the path the policies grant.
                .wrap()
                .text("destination-prefix", input.export_prefix())
                .wrap()
                .capture("TASK_ID", "taskId")
                .into(),
        );
        lines.push(Line::shell("else"));
        lines.push(Line::shell(format!(
            "echo \"{}: export task $TASK_ID of a run before this one (same name, bucket and prefix, not failed or cancelled) is followed instead of exporting the range again\" >&2",
            name.replace(['"', '$', '`', '\\'], "_")
        )));
        lines.push(Line::shell("fi"));
        lines.push(Line::Invoke {
            function: "wait_for_export",
            args: vec![Arg::Var("TASK_ID")],
        });
    }
    let title = if runs_as_exporter(input) {
        "Export each log group, one task at a time, as one of the exporting roles ($EXPORTER_PROFILE)"
    } else {
        "Export each log group, one task at a time"
    };
    vec![
        at_logs(input, title, lines),
        at_logs(
            input,
            "List the export tasks",
            vec![AwsCall::new(&LOGS_DESCRIBE_EXPORT_TASKS)
                .region(region)
                .text(
                    "query",
                    "exportTasks[].{taskID:taskId,status:status.code,completionTime:executionInfo.completionTime}",
                )
                .text("output", "table")
                .into()],
        ),
    ]
}

/// The JMESPath query for the id of a task named `name` into `bucket`/`prefix` that has not
/// failed or been cancelled (`null` when there is none, with JSON output, which the CLI applies to
/// every page of the listing at once).
fn earlier_task_query(name: &str, bucket: &str, prefix: &str) -> String {
    // A raw string literal: only `'` (and `\`) need escaping.
    let literal = |s: &str| format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'"));
    format!(
        "exportTasks[?taskName=={} && destination=={} && destinationPrefix=={} && status.code!='FAILED' && status.code!='CANCELLED'] | [0].taskId",
        literal(name),
        literal(bucket),
        literal(prefix)
    )
}

/// `GROUP-FROM-TO`, as AWS's example names tasks after the group and the day.
fn task_name(group: &str, input: &S3ExportSpec) -> String {
    let name = format!(
        "{}-{}-{}",
        group.trim_start_matches('/'),
        input.from.as_str(),
        input.to.as_str()
    );
    name.chars().take(TASK_NAME_MAX).collect()
}
