//! The request being judged: who calls, which action on which resource, and the condition keys it carries.

use std::collections::BTreeMap;

use serde::de::{self, Deserializer};
use serde::Deserialize;

use crate::policy::{is_account_id, Arn};

/// One API call as AWS sees it when it evaluates policies.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    pub principal: Caller,
    /// `service:Action`, e.g. `kms:GenerateDataKey`.
    pub action: String,
    /// The ARN of the resource acted on (for KMS, the key ARN).
    pub resource: String,
    /// Condition keys and their values. Key names are matched case-insensitively; a multi-valued key
    /// (`aws:SourceOrgPaths`, tag-key lists) has several values. Values of binary keys are base64.
    #[serde(default, deserialize_with = "context_values")]
    pub context: BTreeMap<String, Vec<String>>,
}

/// Who makes the call.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "CallerForm")]
pub enum Caller {
    /// An IAM user, role, assumed-role session, federated user or account root user.
    Aws { arn: String, account: String },
    /// An AWS service principal such as `logs.us-east-1.amazonaws.com`.
    Service(String),
    /// An unauthenticated request.
    Anonymous,
}

impl Request {
    pub fn new(principal: Caller, action: impl Into<String>, resource: impl Into<String>) -> Self {
        Request {
            principal,
            action: action.into(),
            resource: resource.into(),
            context: BTreeMap::new(),
        }
    }

    /// Adds one condition key with its values (several for a multi-valued key).
    pub fn with<V: Into<String>>(mut self, key: impl Into<String>, values: impl IntoIterator<Item = V>) -> Self {
        self.context
            .insert(key.into(), values.into_iter().map(Into::into).collect());
        self
    }
}

impl Caller {
    /// An AWS principal; its account is read from the ARN (`arn:…:iam::ACCOUNT:…`). A bare account ID
    /// stands for that account's root user.
    pub fn aws(arn_or_account: &str) -> Option<Caller> {
        if is_account_id(arn_or_account) {
            return Some(Caller::Aws {
                arn: format!("arn:aws:iam::{arn_or_account}:root"),
                account: arn_or_account.to_string(),
            });
        }
        let arn = Arn::parse(arn_or_account).ok()?;
        arn.has_valid_account().then(|| Caller::Aws {
            arn: arn_or_account.to_string(),
            account: arn.account.to_string(),
        })
    }

    pub fn service(name: impl Into<String>) -> Caller {
        Caller::Service(name.into())
    }

    /// How reasons name the caller.
    pub fn describe(&self) -> String {
        match self {
            Caller::Aws { arn, .. } => arn.clone(),
            Caller::Service(name) => format!("service {name}"),
            Caller::Anonymous => "an anonymous caller".to_string(),
        }
    }
}

#[derive(Deserialize)]
#[serde(untagged)]
enum CallerForm {
    Named(String),
    Aws {
        aws: String,
        #[serde(default)]
        account: Option<String>,
    },
    Service {
        service: String,
    },
}

impl TryFrom<CallerForm> for Caller {
    type Error = String;

    fn try_from(form: CallerForm) -> Result<Self, Self::Error> {
        match form {
            CallerForm::Named(name) if name == "anonymous" || name == "*" => Ok(Caller::Anonymous),
            CallerForm::Named(name) => Err(format!(
                "principal \"{name}\" is not understood; use {{\"aws\": ARN}}, {{\"service\": NAME}} or \"anonymous\""
            )),
            CallerForm::Aws {
                aws,
                account: Some(account),
            } if is_account_id(&account) => Ok(Caller::Aws { arn: aws, account }),
            CallerForm::Aws {
                account: Some(account), ..
            } => Err(format!("principal account \"{account}\" is not a 12-digit account ID")),
            CallerForm::Aws { aws, account: None } => Caller::aws(&aws).ok_or_else(|| {
                format!("principal \"{aws}\" is neither an ARN with an account nor a 12-digit account ID")
            }),
            CallerForm::Service { service } => Ok(Caller::Service(service)),
        }
    }
}

/// Accepts a string, boolean or number, or an array of them, for each key.
fn context_values<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, Vec<String>>, D::Error> {
    let raw: BTreeMap<String, serde_json::Value> = BTreeMap::deserialize(d)?;
    raw.into_iter()
        .map(|(key, value)| {
            let values = match value {
                serde_json::Value::Array(items) => items.iter().map(scalar).collect::<Option<Vec<_>>>(),
                other => scalar(&other).map(|v| vec![v]),
            };
            values.map(|v| (key.clone(), v)).ok_or_else(|| {
                de::Error::custom(format!(
                    "context key \"{key}\" must be a string, boolean, number or an array of them"
                ))
            })
        })
        .collect()
}

fn scalar(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The request's condition keys, looked up case-insensitively, plus the keys AWS derives from the caller
/// itself (the request may still override them).
pub(crate) struct Context<'a> {
    pub request: &'a Request,
    values: BTreeMap<String, Vec<String>>,
}

impl<'a> Context<'a> {
    pub fn new(request: &'a Request) -> Self {
        let mut values: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, v) in &request.context {
            values.entry(key.to_ascii_lowercase()).or_insert_with(|| v.clone());
        }
        for (key, v) in derived(&request.principal) {
            values.entry(key.to_string()).or_insert(vec![v]);
        }
        Context { request, values }
    }

    /// The values of `key`; `None` when the request does not carry it.
    pub fn get(&self, key: &str) -> Option<&[String]> {
        self.values.get(&key.to_ascii_lowercase()).map(Vec::as_slice)
    }

    /// Keys that AWS never sends for this kind of caller, so their absence is a fact, not a gap in the
    /// request the user described.
    pub fn known_absent(&self, key: &str) -> bool {
        let key = key.to_ascii_lowercase();
        match &self.request.principal {
            Caller::Aws { arn, .. } => {
                key == "aws:principalservicename" || (key == "aws:username" && !is_iam_user(arn))
            }
            Caller::Service(_) => false,
            Caller::Anonymous => matches!(
                key.as_str(),
                "aws:principalarn"
                    | "aws:principalaccount"
                    | "aws:principalservicename"
                    | "aws:principalisawsservice"
                    | "aws:username"
                    | "aws:userid"
            ),
        }
    }
}

fn is_iam_user(arn: &str) -> bool {
    Arn::parse(arn).is_ok_and(|a| a.service == "iam" && a.resource.starts_with("user/"))
}

/// What AWS puts in every request from this caller. The role ARN of an assumed-role session is left out:
/// the session ARN does not carry the role's path, so it could not be given exactly.
fn derived(caller: &Caller) -> Vec<(&'static str, String)> {
    match caller {
        Caller::Aws { arn, account } => {
            let mut keys = vec![
                ("aws:principalaccount", account.clone()),
                ("aws:principalisawsservice", "false".into()),
            ];
            if let Ok(parsed) = Arn::parse(arn) {
                if parsed.service == "iam" {
                    keys.push(("aws:principalarn", arn.clone()));
                }
                if let Some(user) = parsed
                    .resource
                    .strip_prefix("user/")
                    .filter(|_| parsed.service == "iam")
                {
                    keys.push(("aws:username", user.rsplit('/').next().unwrap_or(user).to_string()));
                }
            }
            keys
        }
        Caller::Service(name) => {
            vec![
                ("aws:principalservicename", name.clone()),
                ("aws:principalisawsservice", "true".into()),
            ]
        }
        Caller::Anonymous => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Request, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn the_cli_form_reads_every_principal_kind() {
        let r = parse(
            r#"{"principal": {"aws": "arn:aws:iam::111122223333:role/app"}, "action": "kms:Decrypt", "resource": "*"}"#,
        )
        .unwrap();
        assert_eq!(
            r.principal,
            Caller::Aws {
                arn: "arn:aws:iam::111122223333:role/app".into(),
                account: "111122223333".into()
            }
        );
        let r =
            parse(r#"{"principal": {"service": "logs.us-east-1.amazonaws.com"}, "action": "a:b", "resource": "*"}"#)
                .unwrap();
        assert_eq!(r.principal, Caller::Service("logs.us-east-1.amazonaws.com".into()));
        let r = parse(r#"{"principal": "anonymous", "action": "s3:GetObject", "resource": "*"}"#).unwrap();
        assert_eq!(r.principal, Caller::Anonymous);
        let r = parse(r#"{"principal": {"aws": "111122223333"}, "action": "a:b", "resource": "*"}"#).unwrap();
        assert_eq!(
            r.principal,
            Caller::Aws {
                arn: "arn:aws:iam::111122223333:root".into(),
                account: "111122223333".into()
            }
        );
    }

    #[test]
    fn context_values_may_be_scalars_or_lists() {
        let r = parse(
            r#"{"principal": "anonymous", "action": "a:b", "resource": "*",
                "context": {"kms:ViaService": "logs.us-east-1.amazonaws.com", "aws:SourceOrgPaths": ["o-1/r-1/", "o-1/r-2/"],
                            "aws:SecureTransport": true, "s3:max-keys": 10}}"#,
        )
        .unwrap();
        assert_eq!(r.context["aws:SourceOrgPaths"].len(), 2);
        assert_eq!(r.context["aws:SecureTransport"], ["true"]);
        assert_eq!(r.context["s3:max-keys"], ["10"]);
    }

    #[test]
    fn malformed_requests_are_rejected_with_a_message() {
        for bad in [
            r#"{"principal": {"aws": "not-an-arn"}, "action": "a:b", "resource": "*"}"#,
            r#"{"principal": "bob", "action": "a:b", "resource": "*"}"#,
            r#"{"principal": "anonymous", "action": "a:b", "resource": "*", "context": {"k": {"x": 1}}}"#,
            r#"{"principal": "anonymous", "action": "a:b", "resource": "*", "extra": 1}"#,
            r#"{"principal": "anonymous", "resource": "*"}"#,
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn keys_are_found_whatever_their_case() {
        let r = Request::new(Caller::Anonymous, "a:b", "*").with("KMS:ViaService", ["logs.us-east-1.amazonaws.com"]);
        let ctx = Context::new(&r);
        assert_eq!(
            ctx.get("kms:viaservice"),
            Some(&["logs.us-east-1.amazonaws.com".to_string()][..])
        );
        assert_eq!(ctx.get("kms:CallerAccount"), None);
    }

    #[test]
    fn principal_keys_are_derived_from_the_caller_unless_given() {
        let user = Caller::aws("arn:aws:iam::111122223333:user/ops/alice").unwrap();
        let r = Request::new(user, "a:b", "*");
        let ctx = Context::new(&r);
        assert_eq!(ctx.get("aws:username").unwrap(), ["alice"]);
        assert_eq!(ctx.get("aws:PrincipalAccount").unwrap(), ["111122223333"]);
        assert!(ctx.known_absent("aws:PrincipalServiceName"));

        let session = Caller::aws("arn:aws:sts::111122223333:assumed-role/app/s1").unwrap();
        let r = Request::new(session, "a:b", "*").with("aws:PrincipalArn", ["arn:aws:iam::111122223333:role/app"]);
        let ctx = Context::new(&r);
        assert_eq!(
            ctx.get("aws:PrincipalArn").unwrap(),
            ["arn:aws:iam::111122223333:role/app"]
        );
        assert!(ctx.known_absent("aws:username"));

        let r = Request::new(Caller::service("logs.us-east-1.amazonaws.com"), "a:b", "*");
        assert_eq!(Context::new(&r).get("aws:PrincipalIsAWSService").unwrap(), ["true"]);
    }
}
