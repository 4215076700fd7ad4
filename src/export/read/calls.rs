//! One AWS call read as the resource it creates or changes; None when no resource stands for it.

use super::{Read, Reader, SETUP_ROLE_PARAM};
use crate::export::plan::{Resource, Value};
use crate::scenarios::step::AwsCall;

impl<'a> Reader<'a> {
    pub(super) fn read(&mut self, call: &AwsCall) -> Option<Read<'a>> {
        let opt = |name: &str| call.text_of(name).unwrap_or_default().to_owned();
        Some(Read::New(match (call.operation.service.cli, call.operation.cli) {
            ("kms", "put-key-policy") => {
                let key = self.key(call, "key-id")?;
                Resource::KeyPolicy {
                    policy: self.document(call.file_of("policy"))?,
                    key,
                }
            }
            ("kms", "enable-key-rotation") => {
                if self.key(call, "key-id")? != Value::CreatedKeyArn {
                    return None;
                }
                let rotation = self.plan.resources.iter_mut().find_map(|r| match &mut r.resource {
                    Resource::Key { rotation, .. } => Some(rotation),
                    _ => None,
                })?;
                *rotation = true;
                return Some(Read::Merged);
            }
            ("kms", "create-alias") => Resource::KeyAlias {
                name: opt("alias-name"),
                key: self.key(call, "target-key-id")?,
            },
            ("logs", op @ ("create-log-group" | "associate-kms-key")) => {
                let name = call.text_of("log-group-name")?.to_owned();
                Resource::LogGroup {
                    key: self.key(call, "kms-key-id")?,
                    name,
                    existing: op == "associate-kms-key",
                    retention: None,
                }
            }
            ("logs", "put-resource-policy") => Resource::LogResourcePolicy {
                name: opt("policy-name"),
                policy: self.document(call.file_of("policy-document"))?,
            },
            ("logs", "put-delivery-source") => Resource::DeliverySource {
                name: opt("name"),
                log_type: opt("log-type"),
                resource_arn: opt("resource-arn"),
            },
            ("logs", "put-delivery-destination") => Resource::DeliveryDestination {
                name: opt("name"),
                destination_arn: opt("delivery-destination-configuration")
                    .strip_prefix("destinationResourceArn=")?
                    .to_owned(),
                policy: None,
            },
            ("logs", "put-delivery-destination-policy") => {
                let name = opt("delivery-destination-name");
                let policy = self.document(call.file_of("delivery-destination-policy"))?;
                let destination = self.plan.resources.iter_mut().find_map(|r| match &mut r.resource {
                    Resource::DeliveryDestination { name: n, policy: p, .. } if *n == name => Some(p),
                    _ => None,
                })?;
                *destination = Some(policy);
                return Some(Read::Merged);
            }
            ("logs", "create-delivery") => Resource::Delivery {
                source_name: opt("delivery-source-name"),
                destination_arn: opt("delivery-destination-arn"),
            },
            ("s3api", "create-bucket") => {
                self.buckets_created.push(opt("bucket"));
                Resource::Bucket {
                    name: opt("bucket"),
                    ownership: opt("object-ownership"),
                    encryption: None,
                }
            }
            ("s3api", "put-bucket-policy") => {
                let policy = self.document(call.file_of("policy"))?;
                let (bucket, created) = self.bucket(&opt("bucket"));
                Resource::BucketPolicy {
                    bucket,
                    created,
                    policy,
                }
            }
            ("s3api", "put-bucket-encryption") => {
                let settings = self.artifact(call.file_of("server-side-encryption-configuration"))?;
                let name = opt("bucket");
                let created = self.plan.resources.iter_mut().find_map(|r| match &mut r.resource {
                    Resource::Bucket {
                        name: n, encryption, ..
                    } if *n == name => Some(encryption),
                    _ => None,
                });
                match created {
                    Some(encryption) => {
                        *encryption = Some(settings);
                        return Some(Read::Merged);
                    }
                    None => Resource::BucketEncryption {
                        bucket: self.bucket(&name).0,
                        settings,
                    },
                }
            }
            ("iam", op @ ("put-role-policy" | "put-user-policy")) => {
                let user = op == "put-user-policy";
                let principal = call.arg(if user { "user-name" } else { "role-name" }).cloned();
                let policy = self.document(call.file_of("policy-document"))?;
                let principal = self.value(principal.as_ref(), SETUP_ROLE_PARAM);
                Resource::InlinePolicy {
                    user,
                    principal,
                    policy_name: opt("policy-name"),
                    policy,
                }
            }
            ("iam", op @ ("attach-role-policy" | "attach-user-policy")) => {
                let user = op == "attach-user-policy";
                let principal = Value::Literal(opt(if user { "user-name" } else { "role-name" }));
                Resource::ManagedPolicyAttachment {
                    user,
                    principal,
                    policy_arn: opt("policy-arn"),
                }
            }
            ("iam", "create-service-linked-role") => Resource::ServiceLinkedRole {
                service: opt("aws-service-name"),
            },
            ("events", "put-rule") => Resource::EventRule {
                name: opt("name"),
                description: opt("description"),
                pattern: self.artifact(call.file_of("event-pattern"))?,
                targets: Vec::new(),
            },
            ("events", "put-targets") => {
                let rule = opt("rule");
                let target = opt("targets");
                let field = |name: &str| {
                    target
                        .split(',')
                        .filter_map(|f| f.split_once('='))
                        .find(|(k, _)| *k == name)
                        .map(|(_, v)| v.to_owned())
                };
                let targets = self.plan.resources.iter_mut().find_map(|r| match &mut r.resource {
                    Resource::EventRule { name, targets, .. } if *name == rule => Some(targets),
                    _ => None,
                })?;
                targets.push((field("Id")?, field("Arn")?));
                return Some(Read::Merged);
            }
            ("sns", "set-topic-attributes") if call.text_of("attribute-name") == Some("Policy") => {
                Resource::TopicPolicy {
                    topic: opt("topic-arn"),
                    policy: self.artifact(call.file_of("attribute-value"))?,
                }
            }
            _ => return None,
        }))
    }
}

/// `put-retention-policy` as the retention of a log group read before it, in this step
/// (`pending`) or an earlier one; false when there is no such group.
pub(super) fn retention<'r, 'a: 'r>(call: &AwsCall, mut groups: impl Iterator<Item = &'r mut Resource<'a>>) -> bool {
    let name = call.text_of("log-group-name").unwrap_or_default();
    let Some(days) = call.text_of("retention-in-days").and_then(|d| d.parse().ok()) else {
        return false;
    };
    let found = groups.find_map(|r| match r {
        Resource::LogGroup { name: n, retention, .. } if n == name => Some(retention),
        _ => None,
    });
    found.map(|retention| *retention = Some(days)).is_some()
}
