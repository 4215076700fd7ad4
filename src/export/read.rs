//! A bundle's typed steps read into a [`Plan`]: each AWS call that creates or changes something
//! becomes the resource a template declares for it; what has no resource stays a step.

use super::plan::{ManualStep, Param, Placed, Plan, Resource, Side, Value};
use crate::scenarios::step::operation::{KMS_CREATE_KEY, LOGS_PUT_RETENTION_POLICY};
use crate::scenarios::step::{Arg, AwsCall, Line};
use crate::scenarios::{Artifact, Bundle, Document, Step};

mod calls;

const KEY_PARAM: Param = Param {
    name: "KeyArn",
    default: None,
    description: "ARN of the existing KMS key",
};
const OLD_KEY_PARAM: Param = Param {
    name: "OldKeyArn",
    default: None,
    description: "ARN of the key the log groups use now",
};
const SETUP_ROLE_PARAM: Param = Param {
    name: "SetupRoleName",
    default: None,
    description: "Name of the IAM role that sets up log delivery",
};
const BUCKET_PARAM: Param = Param {
    name: "BucketName",
    default: None,
    description: "Name of the existing S3 bucket",
};

/// Shell variables a step sets and later steps read (`KEY_ARN`, `OLD_KEY_ARN`): a few, so a list.
#[derive(Default)]
struct Vars(Vec<(&'static str, Value)>);

impl Vars {
    fn insert(&mut self, name: &'static str, value: Value) {
        self.0.retain(|(n, _)| *n != name);
        self.0.push((name, value));
    }

    fn get(&self, name: &str) -> Option<Value> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone())
    }
}

/// What one call became.
enum Read<'a> {
    New(Resource<'a>),
    /// Applied as a property of a resource already read (a bucket's encryption, a rule's target).
    Merged,
}

struct Reader<'a> {
    bundle: &'a Bundle,
    plan: Plan<'a>,
    /// Shell variable → what it holds (`KEY_ARN` → the created key or a parameter).
    vars: Vars,
    used: Vec<String>,
    buckets_created: Vec<String>,
    /// File written with the new key's ARN filled in → the document it is made from, which the
    /// template fills in itself.
    resolved: Vec<(String, String)>,
    /// Files the steps merge from an existing policy and new statements.
    merged: Vec<&'static str>,
}

/// The resources, parameters and remaining steps of `bundle`.
pub fn plan(bundle: &Bundle) -> Plan<'_> {
    let mut reader = Reader {
        bundle,
        plan: Plan::default(),
        vars: Vars::default(),
        used: Vec::new(),
        buckets_created: Vec::new(),
        resolved: Vec::new(),
        merged: Vec::new(),
    };
    for step in &bundle.steps {
        reader.step(step);
    }
    let used = &reader.used;
    reader.plan.unapplied_documents = bundle
        .documents
        .iter()
        .filter(|d| !used.contains(&d.file_name))
        .collect();
    reader.plan.unapplied_files = bundle.files.iter().filter(|f| !used.contains(&f.file_name)).collect();
    reader.plan
}

impl<'a> Reader<'a> {
    /// Why a call has no template resource.
    fn no_resource(&self, call: &AwsCall) -> &'static str {
        let merged = call
            .flags
            .iter()
            .any(|f| matches!(&f.value, Some(Arg::File(name)) if self.merged.contains(&name.as_str())));
        match (call.operation.service.cli, call.operation.cli) {
            ("logs", "associate-kms-key") => {
                "CloudFormation and Terraform have no resource that associates a key with Logs Insights query results"
            }
            ("logs", "create-export-task") => "an export task is a one-off action, not a resource",
            _ if merged => "it merges statements into an existing policy, which a template would replace whole",
            ("firehose", _) => "the stream is not created here",
            _ => "no template resource stands for this command",
        }
    }

    fn step(&mut self, step: &'a Step) {
        let mut pending = Vec::new();
        let mut manual = None;
        for line in &step.lines {
            match line {
                Line::Assign { var, value: Arg::Text(value) } => {
                    let param = if *var == "OLD_KEY_ARN" { OLD_KEY_PARAM } else { KEY_PARAM };
                    self.vars.insert(
                        var,
                        Value::Param(Param {
                            default: Some(value.clone()),
                            ..param
                        }),
                    );
                }
                Line::ResolveKey { file, out, .. } => self.resolved.push((out.clone(), file.clone())),
                Line::MergeStatements { out, .. } => self.merged.push(out),
                // The user's merge stands for the bundle's document: a template applies the
                // document itself (and `terraform plan` shows what it replaces).
                Line::AwaitMerge { add, out, .. } => self.resolved.push(((*out).to_owned(), (*add).to_owned())),
                Line::Call(call) => {
                    if self.plan.region.is_none() {
                        self.plan.region = call.text_of("region").map(str::to_owned);
                    }
                    self.call(call, &mut pending, &mut manual);
                }
                _ => {}
            }
        }
        let side = step.side;
        if side != Side::Only && !self.plan.accounts.iter().any(|(s, _)| *s == side) {
            if let Some(account) = &step.account {
                self.plan.accounts.push((side, account.clone()));
            }
        }
        let placed = pending.into_iter().map(|resource| Placed {
            resource,
            side,
            step: step.title.clone(),
        });
        self.plan.resources.extend(placed);
        if let Some(why) = manual {
            self.plan.manual_steps.push(ManualStep {
                title: step.title.clone(),
                command: step.command.clone(),
                why,
            });
        }
    }

    fn call(&mut self, call: &AwsCall, pending: &mut Vec<Resource<'a>>, manual: &mut Option<&'static str>) {
        if call.is(&KMS_CREATE_KEY) {
            self.vars.insert(call.capture.unwrap_or("KEY_ARN"), Value::CreatedKeyArn);
            match self.document(call.file_of("policy")) {
                Some(policy) => pending.push(Resource::Key {
                    description: call.text_of("description").unwrap_or_default().to_owned(),
                    policy,
                    rotation: false,
                }),
                None => *manual = Some(self.no_resource(call)),
            }
        } else if call.is(&LOGS_PUT_RETENTION_POLICY) {
            let earlier = self.plan.resources.iter_mut().map(|p| &mut p.resource);
            if !calls::retention(call, pending.iter_mut().chain(earlier)) {
                *manual = Some(self.no_resource(call));
            }
        } else if !call.operation.read_only {
            match self.read(call) {
                Some(Read::New(resource)) => pending.push(resource),
                Some(Read::Merged) => {}
                None => *manual = Some(self.no_resource(call)),
            }
        }
    }

    /// The document or file a `file://` argument names, or the one it was resolved from.
    fn file_name(&self, name: Option<&str>) -> Option<String> {
        let name = name?;
        let source = self.resolved.iter().find(|(out, _)| out == name).map(|(_, file)| file);
        Some(source.map_or(name, |s| s.as_str()).to_owned())
    }

    fn document(&mut self, name: Option<&str>) -> Option<&'a Document> {
        let name = self.file_name(name)?;
        let found = self.bundle.document(&name)?;
        self.used.push(name);
        Some(found)
    }

    fn artifact(&mut self, name: Option<&str>) -> Option<&'a Artifact> {
        let name = self.file_name(name)?;
        let found = self.bundle.files.iter().find(|f| f.file_name == name)?;
        self.used.push(name);
        Some(found)
    }

    /// A variable as what it holds (a parameter when no step set it), anything else as written.
    fn value(&mut self, arg: Option<&Arg>, param: Param) -> Value {
        match arg {
            Some(Arg::Var(var)) => self.vars.get(var).unwrap_or_else(|| {
                self.add_param(&param);
                Value::Param(param)
            }),
            Some(Arg::Text(text) | Arg::File(text) | Arg::Expr(text)) => Value::Literal(text.clone()),
            None => Value::Literal(String::new()),
        }
    }

    fn add_param(&mut self, param: &Param) {
        if !self.plan.params.iter().any(|p| p.name == param.name) {
            self.plan.params.push(param.clone());
        }
    }

    fn key(&mut self, call: &AwsCall, flag: &str) -> Option<Value> {
        let key = self.value(Some(call.arg(flag)?), KEY_PARAM);
        if let Value::Param(p) = &key {
            self.add_param(p);
        }
        Some(key)
    }

    fn bucket(&mut self, name: &str) -> (Value, bool) {
        if self.buckets_created.iter().any(|b| b == name) {
            return (Value::Literal(name.to_owned()), true);
        }
        let param = Param {
            default: Some(name.to_owned()),
            ..BUCKET_PARAM
        };
        self.add_param(&param);
        (Value::Param(param), false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenarios::ScenarioId;
    use serde_json::json;

    fn bundle(id: ScenarioId, overrides: serde_json::Value) -> Bundle {
        let mut input = id.default_input();
        for (k, v) in overrides.as_object().into_iter().flatten() {
            input[k] = v.clone();
        }
        id.run(&input).bundle.expect("a bundle")
    }

    #[test]
    fn a_new_key_and_its_log_group_need_no_step_by_hand() {
        let bundle = bundle(ScenarioId::LogGroupKey, json!({}));
        let plan = plan(&bundle);
        assert!(matches!(plan.resources[0].resource, Resource::Key { rotation: true, .. }));
        assert_eq!(
            plan.resources[1].resource,
            Resource::KeyAlias {
                name: "alias/cloudwatch-logs/my-log-group".into(),
                key: Value::CreatedKeyArn
            }
        );
        assert_eq!(
            plan.resources[2].resource,
            Resource::LogGroup {
                name: "my-log-group".into(),
                key: Value::CreatedKeyArn,
                existing: false,
                retention: Some(365)
            }
        );
        assert_eq!(plan.resources.len(), 3);
        assert_eq!(plan.manual_steps, vec![]);
        assert!(plan.unapplied_documents.is_empty() && plan.params.is_empty());
        assert_eq!(plan.region.as_deref(), Some("us-east-1"));
    }

    #[test]
    fn existing_keys_become_parameters_with_their_arn_as_default() {
        let old = "arn:aws:kms:us-east-1:111122223333:key/old";
        let bundle = bundle(
            ScenarioId::LogGroupKey,
            json!({"rotate-from": old, "log-group-state": "existing"}),
        );
        let plan = plan(&bundle);
        let old_policy = plan.resources.iter().find_map(|r| match &r.resource {
            Resource::KeyPolicy {
                key: Value::Param(p),
                policy,
            } => Some((p.clone(), policy.file_name.clone())),
            _ => None,
        });
        let (param, file) = old_policy.expect("the old key's policy");
        assert_eq!(
            (param.name, param.default.as_deref(), file.as_str()),
            ("OldKeyArn", Some(old), "old-key-policy.json")
        );
        assert!(plan.resources.iter().any(|r| matches!(
            &r.resource,
            Resource::LogGroup {
                existing: true,
                key: Value::CreatedKeyArn,
                ..
            }
        )));
    }

    #[test]
    fn the_query_result_association_stays_a_step_and_says_why() {
        let bundle = bundle(ScenarioId::QueryResultKey, json!({}));
        let plan = plan(&bundle);
        assert_eq!(plan.manual_steps.len(), 1, "{:?}", plan.manual_steps);
        assert!(plan.manual_steps[0].command.contains("--resource-identifier"));
        assert!(plan.manual_steps[0].why.contains("query results"));
    }

    #[test]
    fn documents_no_step_applies_are_kept_apart() {
        let bundle = bundle(ScenarioId::VendedLogs, json!({"destination": "firehose"}));
        let plan = plan(&bundle);
        let kept: Vec<&str> = plan.unapplied_documents.iter().map(|d| d.file_name.as_str()).collect();
        assert_eq!(
            kept,
            ["log-delivery-role-permissions.json", "log-delivery-role-trust.json"]
        );
        assert!(plan
            .manual_steps
            .iter()
            .any(|m| m.command.contains("tag-delivery-stream")));
        assert!(plan
            .resources
            .iter()
            .any(|r| matches!(r.resource, Resource::ServiceLinkedRole { .. })));
    }

    #[test]
    fn cross_account_steps_are_placed_in_their_account() {
        let bundle = bundle(ScenarioId::VendedLogs, json!({"destination-account": "444455556666"}));
        let plan = plan(&bundle);
        let side_of =
            |wanted: fn(&Resource) -> bool| plan.resources.iter().find(|r| wanted(&r.resource)).map(|r| r.side);
        assert_eq!(
            side_of(|r| matches!(r, Resource::DeliverySource { .. })),
            Some(Side::Source)
        );
        assert_eq!(
            side_of(|r| matches!(r, Resource::DeliveryDestination { policy: Some(_), .. })),
            Some(Side::Destination)
        );
        assert_eq!(plan.account(Side::Destination), Some("444455556666"));
        assert_eq!(plan.account(Side::Source), Some("111122223333"));
    }
}
