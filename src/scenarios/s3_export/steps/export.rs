//! The export itself: one task per log group, each waited for, since an account may run only one
//! export task at a time.

use crate::scenarios::s3_export::S3ExportInput;
use crate::scenarios::shell::quote;
use crate::scenarios::{Step, TrailEvent};

/// CreateExportTask's `taskName` limit.
const TASK_NAME_MAX: usize = 512;

pub fn steps(input: &S3ExportInput, region: &str, bucket: &str) -> Vec<Step> {
    let millis = |m: Option<u64>| m.map_or_else(|| "INVALID-DATE".to_owned(), |m| m.to_string());
    let (from, to) = (millis(input.from_millis()), millis(input.to_millis()));
    // Passed even when it is the default, so the command states the path the policies grant.
    let prefix = format!(" \\\n  --destination-prefix {}", quote(input.export_prefix()));
    let mut lines = vec![
        "wait_for_export() {".to_owned(),
        "  while true; do".to_owned(),
        format!(
            "    status=$(aws logs describe-export-tasks --region {region} --task-id \"$1\" --query 'exportTasks[0].status.code' --output text)"
        ),
        "    case \"$status\" in".to_owned(),
        "      PENDING|RUNNING|PENDING_CANCEL) sleep 10 ;;".to_owned(),
        "      COMPLETED) echo \"$1: COMPLETED\"; break ;;".to_owned(),
        // FAILED or CANCELLED: stop (under `set -e`) rather than export the next group as if done.
        "      *) echo \"$1: $status\" >&2; return 1 ;;".to_owned(),
        "    esac".to_owned(),
        "  done".to_owned(),
        "}".to_owned(),
    ];
    let groups = input.group_names();
    if groups.is_empty() {
        lines.push("# enter a log group to export".to_owned());
    }
    for group in groups {
        lines.push(format!(
            "TASK_ID=$(aws logs create-export-task --region {region} \\\n  --task-name {} \\\n  --log-group-name {} \\\n  --from {from} --to {to} \\\n  --destination {bucket}{prefix} \\\n  --query taskId --output text)",
            quote(&task_name(group, input)),
            quote(group)
        ));
        lines.push("wait_for_export \"$TASK_ID\"".to_owned());
    }
    let at_logs = |title: &str| {
        if input.is_cross_account() {
            format!("{title} (log group account {})", input.account.trim())
        } else {
            title.to_owned()
        }
    };
    vec![
        Step::new(
            at_logs("Export each log group, one task at a time"),
            lines.join("\n"),
            &[TrailEvent::logs("CreateExportTask"), TrailEvent::logs("DescribeExportTasks")],
        ),
        Step::new(
            at_logs("List the export tasks"),
            format!(
                "aws logs describe-export-tasks --region {region} --query 'exportTasks[].{{taskID:taskId,status:status.code,completionTime:executionInfo.completionTime}}' --output table"
            ),
            &[TrailEvent::logs("DescribeExportTasks")],
        ),
    ]
}

/// `GROUP-FROM-TO`, as AWS's example names tasks after the group and the day.
fn task_name(group: &str, input: &S3ExportInput) -> String {
    let name = format!(
        "{}-{}-{}",
        group.trim_start_matches('/'),
        input.from.trim(),
        input.to.trim()
    );
    name.chars().take(TASK_NAME_MAX).collect()
}
