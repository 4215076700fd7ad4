//! One or more Terraform blocks per plan resource.

use super::{block, encryption_block, file_json, name, policy, snake, value};
use crate::export::hcl::{expr, string};
use crate::export::plan::{identifier, Placed, Plan, Resource, Value};
use crate::export::suppressions;
use std::fmt::Write;

pub fn declare(placed: &Placed, plan: &Plan, key: Option<&str>, names: &mut Vec<String>) -> String {
    let two = plan.is_two_sided();
    let side = placed.side;
    let b = |kind: &str, n: &str, body: &[(&str, String)]| block(kind, n, side, two, body);
    match &placed.resource {
        Resource::Key {
            description,
            policy: document,
            rotation,
        } => {
            names.push("aws_kms_key.key".into());
            let mut body = vec![
                ("description", string(description)),
                ("key_usage", string("ENCRYPT_DECRYPT")),
                ("customer_master_key_spec", string("SYMMETRIC_DEFAULT")),
            ];
            if *rotation {
                body.push(("enable_key_rotation", "true".into()));
            }
            body.push(("policy", policy(document, key)));
            body.push(("lifecycle {", "    prevent_destroy = true".into()));
            format!(
                "# prevent_destroy: destroying the key would make everything it encrypted unreadable.\n{}",
                b("aws_kms_key", "key", &body)
            )
        }
        Resource::KeyAlias { name: alias, key: target } => {
            let n = name("aws_kms_alias", "key", names);
            b(
                "aws_kms_alias",
                &n,
                &[("name", string(alias)), ("target_key_id", value(target))],
            )
        }
        Resource::KeyPolicy {
            key: existing,
            policy: document,
        } => {
            let n = name("aws_kms_key_policy", &document.file_name.replace(".json", ""), names);
            format!(
                "# Replaces the whole policy of an existing key.\n{}",
                b(
                    "aws_kms_key_policy",
                    &n,
                    &[("key_id", value(existing)), ("policy", policy(document, key))]
                )
            )
        }
        Resource::LogGroup {
            name: group,
            key: k,
            existing,
            retention,
        } => {
            let n = name("aws_cloudwatch_log_group", group, names);
            let mut out = String::new();
            let skips = comments(&suppressions::log_group(*existing, *retention));
            let mut body: Vec<(&str, String)> = skips.iter().map(|l| (l.as_str(), String::new())).collect();
            body.extend([("name", string(group)), ("kms_key_id", value(k))]);
            if let Some(days) = retention {
                body.push(("retention_in_days", days.to_string()));
            }
            if *existing {
                let _ = write!(out, "# Exists already: imported, then managed with the key. Its retention and tags are not\n# declared here, so ignore_changes keeps them: otherwise the first apply would reset the\n# retention to never expire and remove the tags.\nimport {{\n  to = aws_cloudwatch_log_group.{n}\n  id = {}\n}}\n\n", string(group));
                body.push(("lifecycle {", "    ignore_changes = [retention_in_days, tags]".into()));
            }
            out + &b("aws_cloudwatch_log_group", &n, &body)
        }
        Resource::Bucket {
            name: bucket,
            ownership,
            encryption,
        } => {
            let n = name("aws_s3_bucket", bucket, names);
            let sse_s3 = encryption.is_some_and(|e| e.content.contains("\"AES256\""));
            let skips = comments(&suppressions::bucket_terraform(sse_s3));
            let mut body: Vec<(&str, String)> = skips.iter().map(|l| (l.as_str(), String::new())).collect();
            body.push(("bucket", string(bucket)));
            let mut out = b("aws_s3_bucket", &n, &body);
            let id = format!("aws_s3_bucket.{n}.id");
            // New buckets block public access already (S3's default since April 2023); said
            // here so a reviewer and a scanner need not know that.
            out.push('\n');
            out += &b(
                "aws_s3_bucket_public_access_block",
                &n,
                &[
                    ("bucket", id.clone()),
                    ("block_public_acls", "true".into()),
                    ("block_public_policy", "true".into()),
                    ("ignore_public_acls", "true".into()),
                    ("restrict_public_buckets", "true".into()),
                ],
            );
            if !ownership.is_empty() {
                out.push('\n');
                let skips = comments(&suppressions::ownership(ownership));
                let mut body: Vec<(&str, String)> = skips.iter().map(|l| (l.as_str(), String::new())).collect();
                body.extend([
                    ("bucket", id.clone()),
                    ("rule {", format!("    object_ownership = {}", string(ownership))),
                ]);
                out += &b("aws_s3_bucket_ownership_controls", &n, &body);
            }
            if let Some(settings) = encryption {
                out.push('\n');
                out += &encryption_block(&n, id, settings, key, side, two);
            }
            out
        }
        Resource::BucketEncryption { bucket, settings } => {
            let n = name(
                "aws_s3_bucket_server_side_encryption_configuration",
                &settings.file_name.replace(".json", ""),
                names,
            );
            encryption_block(&n, value(bucket), settings, key, side, two)
        }
        Resource::BucketPolicy {
            bucket,
            created,
            policy: document,
        } => {
            let n = name("aws_s3_bucket_policy", "bucket", names);
            let bucket = match bucket {
                Value::Literal(b) if *created => format!("aws_s3_bucket.{}.id", snake(&identifier("", b))),
                other => value(other),
            };
            b(
                "aws_s3_bucket_policy",
                &n,
                &[("bucket", bucket), ("policy", policy(document, key))],
            )
        }
        Resource::InlinePolicy {
            user,
            principal,
            policy_name,
            policy: document,
        } => {
            let (kind, field) = if *user {
                ("aws_iam_user_policy", "user")
            } else {
                ("aws_iam_role_policy", "role")
            };
            let n = name(kind, policy_name, names);
            let skips = if *user { comments(&suppressions::iam_user()) } else { Vec::new() };
            let mut body: Vec<(&str, String)> = skips.iter().map(|l| (l.as_str(), String::new())).collect();
            body.extend([
                ("name", string(policy_name)),
                (field, value(principal)),
                ("policy", policy(document, key)),
            ]);
            b(kind, &n, &body)
        }
        Resource::ManagedPolicyAttachment {
            user,
            principal,
            policy_arn,
        } => {
            let (kind, field) = if *user {
                ("aws_iam_user_policy_attachment", "user")
            } else {
                ("aws_iam_role_policy_attachment", "role")
            };
            let n = name(
                kind,
                &format!("{}-{}", value(principal), policy_arn.rsplit('/').next().unwrap_or("")),
                names,
            );
            let skips = if *user { comments(&suppressions::iam_user()) } else { Vec::new() };
            let mut body: Vec<(&str, String)> = skips.iter().map(|l| (l.as_str(), String::new())).collect();
            body.extend([(field, value(principal)), ("policy_arn", string(policy_arn))]);
            b(kind, &n, &body)
        }
        Resource::LogResourcePolicy {
            name: policy_name,
            policy: document,
        } => {
            let n = name("aws_cloudwatch_log_resource_policy", policy_name, names);
            b(
                "aws_cloudwatch_log_resource_policy",
                &n,
                &[
                    ("policy_name", string(policy_name)),
                    ("policy_document", policy(document, key)),
                ],
            )
        }
        Resource::DeliverySource {
            name: source,
            log_type,
            resource_arn,
        } => {
            names.push("aws_cloudwatch_log_delivery_source.source".into());
            b(
                "aws_cloudwatch_log_delivery_source",
                "source",
                &[
                    ("name", string(source)),
                    ("log_type", string(log_type)),
                    ("resource_arn", string(resource_arn)),
                ],
            )
        }
        Resource::DeliveryDestination {
            name: destination,
            destination_arn,
            policy: document,
        } => {
            let mut out = b(
                "aws_cloudwatch_log_delivery_destination",
                "destination",
                &[
                    ("name", string(destination)),
                    (
                        "delivery_destination_configuration {",
                        format!("    destination_resource_arn = {}", string(destination_arn)),
                    ),
                ],
            );
            if let Some(document) = document {
                out.push('\n');
                out += &b(
                    "aws_cloudwatch_log_delivery_destination_policy",
                    "destination",
                    &[
                        (
                            "delivery_destination_name",
                            "aws_cloudwatch_log_delivery_destination.destination.name".into(),
                        ),
                        ("delivery_destination_policy", policy(document, key)),
                    ],
                );
            }
            out
        }
        Resource::Delivery {
            source_name,
            destination_arn,
        } => {
            let same =
                |wanted: fn(&Resource) -> bool| plan.resources.iter().any(|r| r.side == side && wanted(&r.resource));
            let source = if same(|r| matches!(r, Resource::DeliverySource { .. })) {
                "aws_cloudwatch_log_delivery_source.source.name".to_owned()
            } else {
                string(source_name)
            };
            let destination = if same(|r| matches!(r, Resource::DeliveryDestination { .. })) {
                "aws_cloudwatch_log_delivery_destination.destination.arn".to_owned()
            } else {
                string(destination_arn)
            };
            b(
                "aws_cloudwatch_log_delivery",
                "delivery",
                &[
                    ("delivery_source_name", source),
                    ("delivery_destination_arn", destination),
                ],
            )
        }
        Resource::ServiceLinkedRole { service } => format!(
            "# Fails if the role exists already: then import it or leave this out.\n{}",
            b(
                "aws_iam_service_linked_role",
                "log_delivery",
                &[("aws_service_name", string(service))]
            )
        ),
        Resource::EventRule {
            name: rule,
            description,
            pattern,
            targets,
        } => {
            let n = name("aws_cloudwatch_event_rule", rule, names);
            let mut out = b(
                "aws_cloudwatch_event_rule",
                &n,
                &[
                    ("name", string(rule)),
                    ("description", string(description)),
                    (
                        "event_pattern",
                        format!("jsonencode({})", expr(&file_json(pattern), 2, None)),
                    ),
                ],
            );
            for (id, arn) in targets {
                let t = name("aws_cloudwatch_event_target", id, names);
                out.push('\n');
                out += &b(
                    "aws_cloudwatch_event_target",
                    &t,
                    &[
                        ("rule", format!("aws_cloudwatch_event_rule.{n}.name")),
                        ("target_id", string(id)),
                        ("arn", string(arn)),
                    ],
                );
            }
            out
        }
        Resource::TopicPolicy { topic, policy: file } => {
            let n = name("aws_sns_topic_policy", "topic", names);
            b(
                "aws_sns_topic_policy",
                &n,
                &[
                    ("arn", string(topic)),
                    ("policy", format!("jsonencode({})", expr(&file_json(file), 2, key))),
                ],
            )
        }
    }
}

/// The `#checkov:skip=` lines a block starts with.
fn comments(skips: &[suppressions::Suppression]) -> Vec<String> {
    skips.iter().map(suppressions::terraform).collect()
}
