//! Whether a statement's `Principal` or `NotPrincipal` covers the caller, and how (directly or through its
//! account, which only delegates to the account's IAM policies).

use crate::policy::{is_account_id, Arn, Principal};

use super::request::Caller;

/// How a `Principal` element reached the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Via {
    /// Named the caller itself (its ARN, its role, its service name) or everyone (`*`).
    Direct,
    /// Named the caller's account (`123456789012` or `arn:…:iam::123456789012:root`): an allow then only
    /// lets the account's identity policies grant access.
    Account,
}

/// One identity AWS checks for a caller: an assumed-role session is the session, its role and its account.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Identity<'a> {
    /// Matched by this exact ARN.
    Exact(&'a str),
    Role {
        partition: &'a str,
        account: &'a str,
        name: &'a str,
    },
    Account {
        partition: &'a str,
        account: &'a str,
    },
    Service(&'a str),
    Anonymous,
}

fn identities(caller: &Caller) -> Vec<Identity<'_>> {
    match caller {
        Caller::Aws { arn, account } => {
            let parsed = Arn::parse(arn).ok();
            let partition = parsed.as_ref().map_or("aws", |a| a.partition);
            let account_identity = Identity::Account { partition, account };
            let Some(parsed) = parsed else {
                return vec![Identity::Exact(arn), account_identity];
            };
            let role_of_session = (parsed.service == "sts")
                .then(|| parsed.resource.strip_prefix("assumed-role/"))
                .flatten()
                .and_then(|rest| rest.split('/').next());
            let iam_role = (parsed.service == "iam")
                .then(|| parsed.resource.strip_prefix("role/"))
                .flatten()
                .and_then(|rest| rest.rsplit('/').next());
            match (role_of_session, iam_role) {
                (Some(name), _) => {
                    vec![
                        Identity::Exact(arn),
                        Identity::Role {
                            partition,
                            account,
                            name,
                        },
                        account_identity,
                    ]
                }
                (None, Some(name)) => vec![
                    Identity::Role {
                        partition,
                        account,
                        name,
                    },
                    account_identity,
                ],
                _ if parsed.service == "iam" && parsed.resource == "root" => vec![account_identity],
                _ => vec![Identity::Exact(arn), account_identity],
            }
        }
        Caller::Service(name) => vec![Identity::Service(name)],
        Caller::Anonymous => vec![Identity::Anonymous],
    }
}

/// Whether one principal value (`kind` is `AWS`, `Service`, … or `*` for a bare `"*"`) names `identity`.
fn covers(kind: &str, value: &str, identity: &Identity) -> bool {
    if value == "*" && (kind == "*" || kind == "AWS") {
        return true;
    }
    match (kind, identity) {
        ("AWS", Identity::Account { partition, account }) => {
            if is_account_id(value) {
                return value == *account;
            }
            Arn::parse(value).is_ok_and(|a| {
                a.partition == *partition && a.service == "iam" && a.account == *account && a.resource == "root"
            })
        }
        (
            "AWS",
            Identity::Role {
                partition,
                account,
                name,
            },
        ) => Arn::parse(value).is_ok_and(|a| {
            a.partition == *partition
                && a.service == "iam"
                && a.account == *account
                && a.resource.strip_prefix("role/").and_then(|r| r.rsplit('/').next()) == Some(*name)
        }),
        ("AWS", Identity::Exact(arn)) => value == *arn,
        ("Service", Identity::Service(name)) => value.eq_ignore_ascii_case(name),
        _ => false,
    }
}

/// What a `Principal` element says about the caller.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PrincipalMatch {
    pub via: Via,
    /// The value that matched, as written (`AWS arn:…`, `Service logs.…`, `*`).
    pub matched: String,
}

/// The best way `principal` names the caller, preferring a direct match over one through the account.
pub(crate) fn principal_matches(principal: &Principal, caller: &Caller) -> Option<PrincipalMatch> {
    let caller_is_root = matches!(identities(caller)[..], [Identity::Account { .. }]);
    let mut best: Option<PrincipalMatch> = None;
    for (kind, value) in principal.values() {
        for identity in identities(caller) {
            if !covers(kind, &value.value, &identity) {
                continue;
            }
            let via = match identity {
                Identity::Account { .. } if !caller_is_root && value.value != "*" => Via::Account,
                _ => Via::Direct,
            };
            let matched = if kind == "*" {
                "*".to_string()
            } else {
                format!("{kind} {}", value.value)
            };
            if best
                .as_ref()
                .is_none_or(|b| b.via == Via::Account && via == Via::Direct)
            {
                best = Some(PrincipalMatch { via, matched });
            }
        }
    }
    best
}

/// `NotPrincipal` exempts the caller only when it names every identity AWS checks for it: the session,
/// its role and its account (AWS documents that leaving one out may deny the rest). `Err` lists the
/// identities it leaves out, so the statement applies to the caller.
pub(crate) fn not_principal_exempts(not_principal: &Principal, caller: &Caller) -> Result<(), String> {
    let values = not_principal.values();
    let missing: Vec<String> = identities(caller)
        .iter()
        .filter(|identity| !values.iter().any(|(kind, v)| covers(kind, &v.value, identity)))
        .map(describe)
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing.join(", "))
    }
}

fn describe(identity: &Identity) -> String {
    match identity {
        Identity::Exact(arn) => (*arn).to_string(),
        Identity::Role {
            partition,
            account,
            name,
        } => format!("arn:{partition}:iam::{account}:role/{name}"),
        Identity::Account { account, .. } => format!("account {account}"),
        Identity::Service(name) => format!("service {name}"),
        Identity::Anonymous => "anonymous callers".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{PrincipalEntry, Text, ValueList};

    fn caller(arn: &str) -> Caller {
        Caller::aws(arn).unwrap()
    }

    fn aws(values: &[&str]) -> Principal {
        Principal::aws(values.iter().copied())
    }

    fn via(p: &Principal, c: &Caller) -> Option<Via> {
        principal_matches(p, c).map(|m| m.via)
    }

    const SESSION: &str = "arn:aws:sts::111122223333:assumed-role/app/session-1";

    #[test]
    fn the_wildcard_matches_everyone() {
        let star = Principal::Wildcard(Text::new("*"));
        for c in [
            caller(SESSION),
            Caller::service("logs.us-east-1.amazonaws.com"),
            Caller::Anonymous,
        ] {
            assert_eq!(via(&star, &c), Some(Via::Direct));
            assert_eq!(via(&aws(&["*"]), &c), Some(Via::Direct));
        }
    }

    #[test]
    fn an_account_matches_its_principals_through_the_account() {
        for p in [aws(&["111122223333"]), aws(&["arn:aws:iam::111122223333:root"])] {
            assert_eq!(via(&p, &caller(SESSION)), Some(Via::Account));
            assert_eq!(
                via(&p, &caller("arn:aws:iam::111122223333:user/bob")),
                Some(Via::Account)
            );
            assert_eq!(
                via(&p, &caller("arn:aws:iam::111122223333:root")),
                Some(Via::Direct),
                "the root user itself"
            );
            assert_eq!(via(&p, &caller("arn:aws:iam::444455556666:user/bob")), None);
            assert_eq!(via(&p, &Caller::service("logs.us-east-1.amazonaws.com")), None);
        }
        assert_eq!(
            via(&aws(&["arn:aws-cn:iam::111122223333:root"]), &caller(SESSION)),
            None,
            "other partition"
        );
    }

    #[test]
    fn a_role_matches_its_sessions() {
        for role in [
            "arn:aws:iam::111122223333:role/app",
            "arn:aws:iam::111122223333:role/team/app",
        ] {
            assert_eq!(via(&aws(&[role]), &caller(SESSION)), Some(Via::Direct), "{role}");
        }
        assert_eq!(
            via(&aws(&["arn:aws:iam::111122223333:role/other"]), &caller(SESSION)),
            None
        );
        assert_eq!(
            via(&aws(&["arn:aws:iam::444455556666:role/app"]), &caller(SESSION)),
            None
        );
        assert_eq!(via(&aws(&[SESSION]), &caller(SESSION)), Some(Via::Direct));
        assert_eq!(
            via(
                &aws(&["arn:aws:sts::111122223333:assumed-role/app/other"]),
                &caller(SESSION)
            ),
            None,
            "another session of the same role"
        );
        let role = caller("arn:aws:iam::111122223333:role/app");
        assert_eq!(
            via(&aws(&["arn:aws:iam::111122223333:role/app"]), &role),
            Some(Via::Direct)
        );
    }

    #[test]
    fn a_direct_match_wins_over_the_account() {
        let p = aws(&["111122223333", "arn:aws:iam::111122223333:role/app"]);
        assert_eq!(
            principal_matches(&p, &caller(SESSION)).unwrap().matched,
            "AWS arn:aws:iam::111122223333:role/app"
        );
    }

    #[test]
    fn services_match_by_name_ignoring_case() {
        let p = Principal::service("logs.us-east-1.amazonaws.com");
        assert_eq!(
            via(&p, &Caller::service("LOGS.us-east-1.amazonaws.com")),
            Some(Via::Direct)
        );
        assert_eq!(via(&p, &Caller::service("logs.eu-west-1.amazonaws.com")), None);
        assert_eq!(via(&p, &caller(SESSION)), None);
    }

    #[test]
    fn federated_and_canonical_user_principals_never_match_these_callers() {
        let p = Principal::Map(vec![
            PrincipalEntry {
                kind: Text::new("Federated"),
                values: ValueList::of(["cognito-identity.amazonaws.com"]),
            },
            PrincipalEntry {
                kind: Text::new("CanonicalUser"),
                values: ValueList::of(["79a59df9"]),
            },
        ]);
        assert_eq!(via(&p, &caller(SESSION)), None);
        assert_eq!(via(&p, &Caller::Anonymous), None);
    }

    #[test]
    fn not_principal_must_name_session_role_and_account() {
        let full = aws(&[
            SESSION,
            "arn:aws:iam::111122223333:role/app",
            "arn:aws:iam::111122223333:root",
        ]);
        assert_eq!(not_principal_exempts(&full, &caller(SESSION)), Ok(()));
        let without_account = aws(&[SESSION, "arn:aws:iam::111122223333:role/app"]);
        assert_eq!(
            not_principal_exempts(&without_account, &caller(SESSION)),
            Err("account 111122223333".into())
        );
        let user = aws(&["arn:aws:iam::111122223333:user/bob", "111122223333"]);
        assert_eq!(
            not_principal_exempts(&user, &caller("arn:aws:iam::111122223333:user/bob")),
            Ok(())
        );
        assert!(not_principal_exempts(&user, &caller("arn:aws:iam::111122223333:user/eve")).is_err());
        assert!(not_principal_exempts(&aws(&["111122223333"]), &Caller::Anonymous).is_err());
        assert_eq!(
            not_principal_exempts(&Principal::Wildcard(Text::new("*")), &Caller::Anonymous),
            Ok(())
        );
    }
}
