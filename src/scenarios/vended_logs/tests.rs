use super::*;
use crate::scenarios::{Step, TrailEvent};

fn files(bundle: &Bundle) -> Vec<&str> {
    bundle.documents.iter().map(|d| d.file_name.as_str()).collect()
}

fn step<'b>(bundle: &'b Bundle, words: &str) -> &'b Step {
    bundle
        .steps
        .iter()
        .find(|s| s.command.contains(words))
        .unwrap_or_else(|| panic!("no step runs {words}: {:#?}", bundle.steps))
}

fn position(bundle: &Bundle, words: &str) -> usize {
    bundle
        .steps
        .iter()
        .position(|s| s.command.contains(words))
        .unwrap_or_else(|| panic!("no {words}"))
}

#[test]
fn the_defaults_are_valid_and_make_a_v2_log_group_bundle() {
    let input = VendedLogsInput::default();
    assert_eq!(check_input(&input), vec![]);
    let bundle = generate(&input);
    assert_eq!(files(&bundle), ["setup-permissions.json", "log-group-policy.json"]);
    let spec = super::parse(&input).0;
    assert!(spec.is_v2() && !spec.is_cross_account());
}

#[test]
fn v2_steps_run_source_destination_then_delivery() {
    let bundle = generate(&VendedLogsInput::default());
    let source = position(&bundle, "aws logs put-delivery-source --region us-east-1 --name my-delivery-source --log-type APPLICATION_LOGS --resource-arn arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KB12345678");
    let destination = position(&bundle, "put-delivery-destination --region us-east-1 --name my-delivery-destination --delivery-destination-configuration destinationResourceArn=arn:aws:logs:us-east-1:111122223333:log-group:/aws/vendedlogs/my-log-group");
    let delivery = position(&bundle, "create-delivery --region us-east-1 --delivery-source-name my-delivery-source --delivery-destination-arn arn:aws:logs:us-east-1:111122223333:delivery-destination:my-delivery-destination");
    assert!(position(&bundle, "put-role-policy") < source && source < destination && destination < delivery);
    assert!(bundle
        .steps
        .last()
        .unwrap()
        .command
        .starts_with("# aws logs delete-delivery "));
    assert_eq!(
        step(&bundle, "create-delivery").events,
        [
            TrailEvent::logs("CreateDelivery"),
            TrailEvent::logs("PutResourcePolicy")
        ],
        "CloudWatch Logs writes the policy when the delivery is made"
    );
    assert!(
        step(&bundle, "put-resource-policy").command.starts_with("# "),
        "optional in the same account"
    );
}

#[test]
fn cross_account_v2_adds_the_destination_policy_and_names_the_accounts() {
    let bundle = generate(&VendedLogsInput {
        destination: Destination::S3,
        destination_account: "444455556666".into(),
        ..VendedLogsInput::default()
    });
    assert_eq!(
        files(&bundle),
        [
            "source-account-permissions.json",
            "destination-account-permissions.json",
            "bucket-policy.json",
            "delivery-destination-policy.json"
        ]
    );
    let policy = step(&bundle, "put-delivery-destination-policy");
    assert!(
        policy.title.starts_with("In the destination account 444455556666: "),
        "{}",
        policy.title
    );
    assert!(step(&bundle, "put-delivery-source")
        .title
        .starts_with("In the source account 111122223333: "));
    assert!(position(&bundle, "put-delivery-destination-policy") < position(&bundle, "create-delivery"));
    let bucket = step(&bundle, "put-bucket-policy");
    assert!(
        !bucket.command.starts_with('#'),
        "across accounts the bucket policy is applied by hand"
    );
    assert_eq!(
        bucket.events,
        [TrailEvent::s3("GetBucketPolicy"), TrailEvent::s3("PutBucketPolicy")]
    );
    assert!(step(&bundle, "create-delivery")
        .command
        .ends_with("arn:aws:logs:us-east-1:444455556666:delivery-destination:my-delivery-destination"));
}

#[test]
fn v1_steps_turn_logging_on_in_the_service() {
    let bundle = generate(&VendedLogsInput {
        service: "step-functions".into(),
        log_group: "/aws/vendedlogs/states/#orders".into(),
        org_id: "o-a1b2c3d4e5".into(),
        ..VendedLogsInput::default()
    });
    let on = step(&bundle, "as the destination");
    assert_eq!(
        on.title,
        "Turn on AWS Step Functions workflow logs (in the service's console or API), as the setup role"
    );
    assert_eq!(
        on.events,
        [TrailEvent::logs("CreateLogDelivery")],
        "the policy is applied by hand, not by CloudWatch Logs"
    );
    let put = step(&bundle, "put-resource-policy");
    assert!(
        put.command
            .contains("--policy-name vended-logs-aws-vendedlogs-states--orders "),
        "{}",
        put.command
    );
    assert!(position(&bundle, "put-resource-policy") < position(&bundle, "as the destination"));
    assert!(!bundle.steps.iter().any(|s| s.command.contains("delivery-source")));
}

#[test]
fn values_are_quoted_for_the_shell() {
    let bundle = generate(&VendedLogsInput {
        service: "vpc-flow-logs".into(),
        destination: Destination::S3,
        bucket: "logs".into(),
        key_arn: "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab".into(),
        ..VendedLogsInput::default()
    });
    let key = step(&bundle, "put-key-policy");
    assert!(
        key.command.contains("--region eu-west-1 --key-id \"$KEY_ARN\""),
        "the key's own Region: {}",
        key.command
    );
    assert!(
        key.command.contains("jq --slurpfile add key-policy-statement.json '"),
        "{}",
        key.command
    );
    assert!(position(&bundle, "put-key-policy") < position(&bundle, "as the destination"));
    let group = generate(&VendedLogsInput {
        service: "step-functions".into(),
        log_group: "#app".into(),
        ..VendedLogsInput::default()
    });
    assert!(
        step(&group, "as the destination").command.contains("log-group:#app"),
        "comments need no quoting"
    );
}

#[test]
fn every_step_that_calls_aws_lists_its_events_and_commented_steps_none() {
    for input in [
        VendedLogsInput::default(),
        VendedLogsInput {
            destination: Destination::Firehose,
            destination_account: "444455556666".into(),
            ..VendedLogsInput::default()
        },
        VendedLogsInput {
            service: "waf".into(),
            destination: Destination::S3,
            ..VendedLogsInput::default()
        },
    ] {
        for s in generate(&input).steps {
            assert!(!s.title.is_empty() && !s.command.is_empty());
            let runs_aws = s.command.lines().any(|l| l.trim_start().starts_with("aws "));
            // Turning logging on happens in the service, so it is a comment that still records events.
            if runs_aws {
                assert!(!s.events.is_empty(), "{s:#?}");
            } else if !s.title.starts_with("Turn on") {
                assert!(s.events.is_empty(), "{s:#?}");
            }
        }
    }
}

#[test]
fn firehose_gets_the_role_facts_the_tag_and_its_permissions() {
    let bundle = generate(&VendedLogsInput {
        destination: Destination::Firehose,
        ..VendedLogsInput::default()
    });
    assert_eq!(
        files(&bundle),
        [
            "setup-permissions.json",
            "log-delivery-role-permissions.json",
            "log-delivery-role-trust.json"
        ]
    );
    assert_eq!(
        step(&bundle, "tag-delivery-stream").events,
        [TrailEvent::firehose("TagDeliveryStream")]
    );
    assert_eq!(
        step(&bundle, "create-service-linked-role").events,
        [TrailEvent::iam("CreateServiceLinkedRole")]
    );
    let setup = &bundle.documents[0].policy;
    assert!(
        setup.statement("CreateServiceLinkedRole").is_some()
            && setup.statement("AllowUpdatesToResourcePolicyFH").is_some()
    );
}

#[test]
fn unverified_table_cells_become_notes() {
    let bundle = generate(&VendedLogsInput {
        service: "route53-resolver-query-logs".into(),
        destination: Destination::Firehose,
        ..VendedLogsInput::default()
    });
    assert!(
        bundle.notes[0].starts_with("Unverified: Amazon Route 53 Resolver query logs:"),
        "{:?}",
        bundle.notes
    );
}

#[test]
fn any_input_gives_a_bundle_without_panicking() {
    for destination in Destination::ALL {
        for service in ["", "nope", "waf", "workmail"] {
            let empty = VendedLogsInput {
                partition: crate::catalog::Partition::AwsUsGov,
                region: String::new(),
                account: " ".into(),
                service: service.into(),
                destination,
                destination_account: "x".into(),
                source_resource_arn: "::".into(),
                log_type: String::new(),
                delivery_source_name: String::new(),
                delivery_destination_name: String::new(),
                log_group: String::new(),
                bucket: String::new(),
                prefix: "/".into(),
                key_arn: "arn:".into(),
                include_list_bucket: true,
                delivery_stream: String::new(),
                org_id: String::new(),
                org_paths: vec![String::new()],
                console_extras: true,
            };
            assert!(!check_input(&empty).is_empty());
            assert!(!generate(&empty).steps.is_empty());
        }
    }
}

/// `logs:Operation` for each `aws logs operation` a command runs, commented lines included: an
/// undo step is still run with the same role's permissions.
fn logs_actions(command: &str) -> Vec<String> {
    command
        .lines()
        .filter_map(|l| l.trim_start_matches(['#', ' ']).strip_prefix("aws logs "))
        .filter_map(|rest| rest.split_whitespace().next())
        .map(|op| {
            let pascal: String = op
                .split('-')
                .map(|w| {
                    let mut c = w.chars();
                    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
                })
                .collect();
            format!("logs:{pascal}")
        })
        .collect()
}

fn granted_actions(bundle: &Bundle, file: &str) -> Vec<String> {
    let doc = bundle.documents.iter().find(|d| d.file_name == file).unwrap_or_else(|| panic!("no {file}"));
    doc.policy
        .statements
        .iter()
        .flat_map(|s| s.action.iter().flat_map(|a| a.values().map(str::to_owned).collect::<Vec<_>>()))
        .collect()
}

#[test]
fn every_logs_call_a_step_runs_is_granted_by_that_accounts_setup_policy() {
    let mut checked = 0;
    for service in ["bedrock-knowledge-bases", "workmail", "waf"] {
        for destination in Destination::ALL {
            for other in ["", "444455556666"] {
                let input = VendedLogsInput {
                    service: service.into(),
                    destination,
                    destination_account: other.into(),
                    ..VendedLogsInput::default()
                };
                let bundle = generate(&input);
                for step in &bundle.steps {
                    let file = if !super::parse(&input).0.is_cross_account() {
                        "setup-permissions.json"
                    } else if step.title.starts_with("In the source account") {
                        "source-account-permissions.json"
                    } else if step.title.starts_with("In the destination account") {
                        "destination-account-permissions.json"
                    } else {
                        assert!(logs_actions(&step.command).is_empty(), "{service} {destination:?}: whose step is {step:?}?");
                        continue;
                    };
                    let granted = granted_actions(&bundle, file);
                    for action in logs_actions(&step.command) {
                        assert!(
                            granted.contains(&action),
                            "{service} {destination:?} {other}: {file} lacks {action}, which \"{}\" runs",
                            step.title
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(checked > 40, "{checked}");
}
