//! What each scenario is for, and when another one fits better: the two lines the page shows under
//! the scenario chooser, and a short name that fits the chooser on a phone.

use super::ScenarioId;

/// The chooser's words for one scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScenarioIntro {
    /// Short enough for the closed chooser at 390 px; the full title is shown beside it.
    pub short_name: &'static str,
    /// What the scenario is for.
    pub purpose: &'static str,
    /// When to pick another scenario instead.
    pub pick_another: &'static str,
}

impl ScenarioId {
    pub fn intro(self) -> ScenarioIntro {
        match self {
            ScenarioId::LogGroupKey => ScenarioIntro {
                short_name: "Log group key",
                purpose: "For encrypting the events of one or more log groups with a customer managed KMS key: the key policy, the caller roles' permission and the associate-kms-key commands.",
                pick_another: "Encrypting Logs Insights query results instead? Pick \"Query-result key\"; a log group key does not cover them.",
            },
            ScenarioId::QueryResultKey => ScenarioIntro {
                short_name: "Query-result key",
                purpose: "For encrypting the stored results of Logs Insights queries in an account and Region with a KMS key.",
                pick_another: "Encrypting the log events themselves? Pick \"Log group key\".",
            },
            ScenarioId::S3Export => ScenarioIntro {
                short_name: "Export to S3 (SSE-KMS)",
                purpose: "For exporting log groups to an S3 bucket encrypted with a KMS key (create-export-task): the bucket policy, the key policy and the caller's permission.",
                pick_another: "Logs that an AWS service delivers to S3 by itself (VPC Flow Logs, CloudFront…)? Pick \"Vended logs\".",
            },
            ScenarioId::VendedLogs => ScenarioIntro {
                short_name: "Vended logs",
                purpose: "For letting an AWS service deliver its own logs to CloudWatch Logs, S3 or Firehose: the resource policies and the deliveries.",
                pick_another: "Copying existing log groups to S3 once? Pick \"Export to S3\". Encrypting a log group? Pick \"Log group key\".",
            },
            ScenarioId::AuditTrail => ScenarioIntro {
                short_name: "Audit trail",
                purpose: "For reviewing the CloudTrail events the other scenarios' steps leave, with an EventBridge pattern that alerts on the risky ones.",
                pick_another: "To produce the policies themselves, pick the scenario that sets them up.",
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scenario_has_a_short_name_shorter_than_its_title_and_two_lines() {
        for id in ScenarioId::ALL {
            let intro = id.intro();
            assert!(intro.short_name.len() <= 24, "{}: {}", id.cli_name(), intro.short_name);
            assert!(intro.short_name.len() < id.title().len());
            assert!(intro.purpose.starts_with("For "), "{}", id.cli_name());
            assert!(!intro.pick_another.is_empty());
        }
    }

    #[test]
    fn a_pick_another_line_names_only_scenarios_that_exist() {
        let names: Vec<_> = ScenarioId::ALL.iter().map(|id| id.intro().short_name).collect();
        for id in ScenarioId::ALL {
            for quoted in id.intro().pick_another.split('"').skip(1).step_by(2) {
                assert!(
                    names.iter().any(|n| n.starts_with(quoted)),
                    "{}: \"{quoted}\" is no scenario",
                    id.cli_name()
                );
            }
        }
    }
}
