//! The export itself: one task per log group, each waited for, since an account may run only one
//! export task at a time.

use super::at_logs;
use crate::scenarios::s3_export::S3ExportSpec;
use crate::scenarios::step::operation::{LOGS_CREATE_EXPORT_TASK, LOGS_DESCRIBE_EXPORT_TASKS};
use crate::scenarios::step::{iam_propagation, Arg, AwsCall, Function, Line};
use crate::scenarios::Step;

/// The AWS CLI profile the export runs with when the bucket is in another account.
pub const EXPORTER_PROFILE: &str = "EXPORTER_PROFILE";

/// Stops a cross-account script before its first call unless [`EXPORTER_PROFILE`] is set: the
/// export needs it after the other steps have run.
pub fn require_exporter_profile(input: &S3ExportSpec) -> Line {
    let names: Vec<&str> = input.caller_arns().iter().map(|a| a.rsplit('/').next().unwrap_or(a)).collect();
    Line::Require {
        var: EXPORTER_PROFILE,
        message: format!(
            "set EXPORTER_PROFILE to an AWS CLI profile that runs as one of the exporting roles or users ({}) in account {}: only they may write to the bucket in account {}",
            names.join(", "),
            input.account(),
            input.bucket_owner()
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
    if input.is_cross_account() {
        // The bucket in the other account admits only the exporting roles, and create-export-task
        // checks that its caller could write there itself (§3.4, §3.6): it runs as one of them.
        lines.push(Line::comment("As an exporting role: the bucket's account admits only them"));
        lines.push(Line::shell(format!("export AWS_PROFILE=\"${EXPORTER_PROFILE}\"")));
        // The role's policy was put by an earlier step of this script.
        lines.extend(iam_propagation::wait("the exporting role"));
    }
    let groups = input.group_names();
    if groups.is_empty() {
        lines.push(Line::comment("enter a log group to export"));
    }
    for group in groups {
        lines.push(
            AwsCall::new(&LOGS_CREATE_EXPORT_TASK)
                .region(region)
                .wrap()
                .text("task-name", task_name(group, input))
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
        lines.push(Line::Invoke {
            function: "wait_for_export",
            args: vec![Arg::Var("TASK_ID")],
        });
    }
    let title = if input.is_cross_account() {
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
