//! What a bundle's steps create, as resources the templates can declare: the neutral form both
//! CloudFormation and Terraform are written from.

use crate::scenarios::{Artifact, Document};

/// A value a template either knows or asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Literal(String),
    /// A template parameter / Terraform variable (an existing resource the bundle refers to).
    Param(Param),
    /// The ARN of the key the template creates.
    CreatedKeyArn,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// `KeyArn`; Terraform uses its snake_case form.
    pub name: &'static str,
    pub default: Option<String>,
    pub description: &'static str,
}

/// Which account deploys a resource, when the bundle spans two: the account its step runs in.
pub use crate::scenarios::Side;

#[derive(Clone, Debug, PartialEq)]
pub enum Resource<'a> {
    Key {
        description: String,
        policy: &'a Document,
        /// `enable-key-rotation` follows `create-key` in the steps.
        rotation: bool,
    },
    /// `create-alias` for a key (the one the template creates, or an existing one).
    KeyAlias {
        name: String,
        key: Value,
    },
    /// The whole policy of a key the template does not create.
    KeyPolicy {
        key: Value,
        policy: &'a Document,
    },
    LogGroup {
        name: String,
        key: Value,
        existing: bool,
        /// Days, from `put-retention-policy`; `None` keeps the group's (AWS's default: never expire).
        retention: Option<u16>,
    },
    Bucket {
        name: String,
        ownership: String,
        encryption: Option<&'a Artifact>,
    },
    /// Default encryption of a bucket the template does not create.
    BucketEncryption {
        bucket: Value,
        settings: &'a Artifact,
    },
    BucketPolicy {
        bucket: Value,
        created: bool,
        policy: &'a Document,
    },
    InlinePolicy {
        user: bool,
        principal: Value,
        policy_name: String,
        policy: &'a Document,
    },
    ManagedPolicyAttachment {
        user: bool,
        principal: Value,
        policy_arn: String,
    },
    LogResourcePolicy {
        name: String,
        policy: &'a Document,
    },
    DeliverySource {
        name: String,
        log_type: String,
        resource_arn: String,
    },
    DeliveryDestination {
        name: String,
        destination_arn: String,
        policy: Option<&'a Document>,
    },
    Delivery {
        source_name: String,
        destination_arn: String,
    },
    ServiceLinkedRole {
        service: String,
    },
    EventRule {
        name: String,
        description: String,
        pattern: &'a Artifact,
        targets: Vec<(String, String)>,
    },
    TopicPolicy {
        topic: String,
        policy: &'a Artifact,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Placed<'a> {
    pub resource: Resource<'a>,
    pub side: Side,
    /// The title of the step it comes from.
    pub step: String,
}

/// A step whose calls no template resource stands for: the user runs it from the script.
#[derive(Clone, Debug, PartialEq)]
pub struct ManualStep {
    pub title: String,
    pub command: String,
    pub why: &'static str,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan<'a> {
    /// The first `--region` the steps name.
    pub region: Option<String>,
    /// The account each side runs in, as the steps name them.
    pub accounts: Vec<(Side, String)>,
    pub resources: Vec<Placed<'a>>,
    pub params: Vec<Param>,
    pub manual_steps: Vec<ManualStep>,
    /// Documents and files no resource applies (merged by hand, or facts to compare against).
    pub unapplied_documents: Vec<&'a Document>,
    pub unapplied_files: Vec<&'a Artifact>,
}

impl Plan<'_> {
    pub fn is_two_sided(&self) -> bool {
        self.resources.iter().any(|r| r.side != Side::Only)
    }

    pub fn account(&self, side: Side) -> Option<&str> {
        self.accounts.iter().find(|(s, _)| *s == side).map(|(_, a)| a.as_str())
    }

    pub fn creates_key(&self) -> bool {
        self.resources
            .iter()
            .any(|r| matches!(r.resource, Resource::Key { .. }))
    }
}

/// `AWS::Logs::LogGroup` logical IDs and Terraform names: letters and digits of `name`.
pub fn identifier(prefix: &str, name: &str) -> String {
    let mut out = prefix.to_owned();
    let mut upper = true;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(if upper { c.to_ascii_uppercase() } else { c });
            upper = false;
        } else {
            upper = true;
        }
    }
    out
}
