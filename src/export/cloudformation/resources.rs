//! One template resource per plan resource, or the reason CloudFormation cannot make it.

use super::{file_json, insert_after_type, obj, policy, reference, s, value, KeyRef, KEY_ID};
use crate::export::plan::{identifier, Placed, Plan, Resource, Side, Value};
use crate::export::suppressions;
use crate::json::{Value as Json, ValueKind};
use crate::scenarios::{Artifact, Document};

pub enum Declared {
    Resource(String, Json),
    /// CloudFormation cannot: why, and the documents or files the step applies.
    ByHand(&'static str, Vec<(String, Json)>),
}

fn resource(kind: &str, properties: Vec<(&str, Json)>) -> Json {
    obj(vec![("Type", s(kind)), ("Properties", obj(properties))])
}

pub fn declare(placed: &Placed, plan: &Plan, key: Option<&KeyRef>) -> Declared {
    let policy = |d: &Document| policy(d, key);
    let (id, body) = match &placed.resource {
        Resource::Key {
            description,
            policy: document,
            rotation,
        } => {
            let mut properties = vec![
                ("Description", s(description.clone())),
                ("KeySpec", s("SYMMETRIC_DEFAULT")),
                ("KeyUsage", s("ENCRYPT_DECRYPT")),
            ];
            if *rotation {
                properties.push(("EnableKeyRotation", boolean(true)));
            }
            properties.push(("KeyPolicy", policy(document)));
            let mut body = resource("AWS::KMS::Key", properties);
            // Deleting the stack must not schedule deletion of the key that encrypts the data.
            retain(&mut body);
            (KEY_ID.to_owned(), body)
        }
        Resource::KeyAlias { name, key } => (
            "KeyAlias".to_owned(),
            resource(
                "AWS::KMS::Alias",
                vec![("AliasName", s(name.clone())), ("TargetKeyId", value(key))],
            ),
        ),
        Resource::KeyPolicy { policy: document, .. } => {
            return Declared::ByHand(
                "CloudFormation cannot change the policy of a key it did not create",
                vec![(document.file_name.clone(), policy(document))],
            )
        }
        Resource::LogGroup {
            name,
            key,
            existing,
            retention,
        } => {
            let mut properties = vec![("LogGroupName", s(name.clone())), ("KmsKeyId", value(key))];
            if let Some(days) = retention {
                properties.push(("RetentionInDays", Json::synthetic(ValueKind::Number(days.to_string()))));
            }
            let mut body = resource("AWS::Logs::LogGroup", properties);
            let mut metadata = Vec::new();
            if *existing {
                retain(&mut body);
                metadata.push(("Comment", s("Exists already: bring it into the stack with a resource import (this template's DeletionPolicy is Retain) instead of creating it")));
            }
            let skips = suppressions::log_group(*existing, *retention);
            if !skips.is_empty() {
                metadata.push(("checkov", suppressions::cloudformation(&skips)));
            }
            if !metadata.is_empty() {
                insert_after_type(&mut body, "Metadata", obj(metadata));
            }
            (identifier("LogGroup", name), body)
        }
        Resource::Bucket {
            name,
            ownership,
            encryption,
        } => {
            let mut properties = vec![("BucketName", s(name.clone()))];
            if !ownership.is_empty() {
                let rule = obj(vec![("ObjectOwnership", s(ownership.clone()))]);
                properties.push(("OwnershipControls", obj(vec![("Rules", Json::array(vec![rule]))])));
            }
            if let Some(settings) = encryption {
                properties.push(("BucketEncryption", bucket_encryption(settings, key)));
            }
            // New buckets block public access already (S3's default since April 2023); said
            // here so a reviewer and a scanner need not know that.
            let block = ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"];
            properties.push((
                "PublicAccessBlockConfiguration",
                obj(block.iter().map(|k| (*k, boolean(true))).collect()),
            ));
            let mut body = resource("AWS::S3::Bucket", properties);
            let skips = suppressions::bucket();
            insert_after_type(&mut body, "Metadata", obj(vec![("checkov", suppressions::cloudformation(&skips))]));
            ("Bucket".to_owned(), body)
        }
        Resource::BucketEncryption { settings, .. } => {
            return Declared::ByHand(
                "CloudFormation cannot set the default encryption of a bucket it did not create",
                vec![(settings.file_name.clone(), file_json(settings))],
            )
        }
        Resource::BucketPolicy {
            bucket,
            created,
            policy: document,
        } => {
            let bucket = if *created { reference("Bucket") } else { value(bucket) };
            (
                "BucketPolicy".to_owned(),
                resource(
                    "AWS::S3::BucketPolicy",
                    vec![("Bucket", bucket), ("PolicyDocument", policy(document))],
                ),
            )
        }
        Resource::InlinePolicy {
            user,
            principal,
            policy_name,
            policy: document,
        } => {
            let (kind, field) = if *user {
                ("AWS::IAM::UserPolicy", "UserName")
            } else {
                ("AWS::IAM::RolePolicy", "RoleName")
            };
            // Both accounts may have a setup role policy of the same name.
            let side = match placed.side {
                Side::Source if plan.is_two_sided() => "Source",
                Side::Destination if plan.is_two_sided() => "Destination",
                _ => "",
            };
            let id = identifier(side, &format!("-{}-{policy_name}", name_of(principal)));
            let body = resource(
                kind,
                vec![
                    ("PolicyName", s(policy_name.clone())),
                    ("PolicyDocument", policy(document)),
                    (field, value(principal)),
                ],
            );
            (id, body)
        }
        Resource::ManagedPolicyAttachment { .. } => {
            return Declared::ByHand(
                "CloudFormation cannot attach a managed policy to a role it did not create",
                Vec::new(),
            )
        }
        Resource::LogResourcePolicy { name, policy: document } => (
            identifier("ResourcePolicy", name),
            // CloudFormation takes this policy as a string, not an object.
            resource(
                "AWS::Logs::ResourcePolicy",
                vec![("PolicyName", s(name.clone())), ("PolicyDocument", s(document.text()))],
            ),
        ),
        Resource::DeliverySource {
            name,
            log_type,
            resource_arn,
        } => (
            "DeliverySource".to_owned(),
            resource(
                "AWS::Logs::DeliverySource",
                vec![
                    ("Name", s(name.clone())),
                    ("ResourceArn", s(resource_arn.clone())),
                    ("LogType", s(log_type.clone())),
                ],
            ),
        ),
        Resource::DeliveryDestination {
            name,
            destination_arn,
            policy: document,
        } => {
            let mut properties = vec![
                ("Name", s(name.clone())),
                ("DestinationResourceArn", s(destination_arn.clone())),
            ];
            if let Some(document) = document {
                // The resource schema nests the policy with the destination's name.
                let nested = obj(vec![
                    ("DeliveryDestinationName", s(name.clone())),
                    ("DeliveryDestinationPolicy", policy(document)),
                ]);
                properties.push(("DeliveryDestinationPolicy", nested));
            }
            (
                "DeliveryDestination".to_owned(),
                resource("AWS::Logs::DeliveryDestination", properties),
            )
        }
        Resource::Delivery {
            source_name,
            destination_arn,
        } => {
            let mut body = resource(
                "AWS::Logs::Delivery",
                vec![
                    ("DeliverySourceName", s(source_name.clone())),
                    ("DeliveryDestinationArn", s(destination_arn.clone())),
                ],
            );
            let same_side: Vec<Json> = plan
                .resources
                .iter()
                .filter(|r| r.side == placed.side)
                .filter_map(|r| match r.resource {
                    Resource::DeliverySource { .. } => Some(s("DeliverySource")),
                    Resource::DeliveryDestination { .. } => Some(s("DeliveryDestination")),
                    _ => None,
                })
                .collect();
            if !same_side.is_empty() {
                insert_after_type(&mut body, "DependsOn", Json::array(same_side));
            }
            ("Delivery".to_owned(), body)
        }
        Resource::ServiceLinkedRole { service } => (
            "LogDeliveryServiceLinkedRole".to_owned(),
            resource(
                "AWS::IAM::ServiceLinkedRole",
                vec![("AWSServiceName", s(service.clone()))],
            ),
        ),
        Resource::EventRule {
            name,
            description,
            pattern,
            targets,
        } => {
            let mut properties = vec![
                ("Name", s(name.clone())),
                ("Description", s(description.clone())),
                ("State", s("ENABLED")),
                ("EventPattern", file_json(pattern)),
            ];
            if !targets.is_empty() {
                let targets = targets
                    .iter()
                    .map(|(id, arn)| obj(vec![("Id", s(id.clone())), ("Arn", s(arn.clone()))]))
                    .collect();
                properties.push(("Targets", Json::array(targets)));
            }
            ("Rule".to_owned(), resource("AWS::Events::Rule", properties))
        }
        Resource::TopicPolicy { topic, policy: file } => (
            "TopicPolicy".to_owned(),
            resource(
                "AWS::SNS::TopicPolicy",
                vec![
                    ("Topics", Json::array(vec![s(topic.clone())])),
                    ("PolicyDocument", file_json(file)),
                ],
            ),
        ),
    };
    Declared::Resource(id, body)
}

fn name_of(v: &Value) -> String {
    match v {
        Value::Literal(text) => text.clone(),
        Value::Param(p) => p.name.to_owned(),
        Value::CreatedKeyArn => KEY_ID.to_owned(),
    }
}

fn boolean(b: bool) -> Json {
    Json::synthetic(ValueKind::Bool(b))
}

fn retain(body: &mut Json) {
    insert_after_type(body, "UpdateReplacePolicy", s("Retain"));
    insert_after_type(body, "DeletionPolicy", s("Retain"));
}

/// `put-bucket-encryption`'s file in `AWS::S3::Bucket`'s spelling.
fn bucket_encryption(settings: &Artifact, key: Option<&KeyRef>) -> Json {
    let parsed = file_json(settings);
    let rules = parsed.get("Rules").and_then(|r| r.as_array()).unwrap_or_default();
    let rules = rules
        .iter()
        .map(|rule| {
            let mut out = Vec::new();
            if let Some(default) = rule.get("ApplyServerSideEncryptionByDefault") {
                let default = key.map_or_else(|| default.clone(), |k| k.fill(default));
                out.push(("ServerSideEncryptionByDefault", default));
            }
            if let Some(enabled) = rule.get("BucketKeyEnabled") {
                out.push(("BucketKeyEnabled", enabled.clone()));
            }
            obj(out)
        })
        .collect();
    obj(vec![("ServerSideEncryptionConfiguration", Json::array(rules))])
}
