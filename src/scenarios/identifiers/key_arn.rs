//! Key ARNs of customer managed keys (domain-facts §1.2): never a key ID, an alias or an alias ARN.

use super::has_error;
use crate::catalog::Partition;
use crate::policy::{is_account_id, Arn};
use crate::scenarios::FieldError;

/// Where the resources of a form are: what a key or role ARN must agree with. The Region and
/// account are the form's text (trimmed here), so a key ARN is judged even while they are wrong.
#[derive(Clone, Copy, Debug)]
pub struct Place<'a> {
    pub partition: Partition,
    pub region: &'a str,
    pub account: &'a str,
}

/// The full ARN of a customer managed key (`arn:P:kms:R:A:key/ID`), trimmed, in the form's
/// partition, Region and account.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct KeyArn(String);

impl KeyArn {
    /// Parses a key ARN field. Pushes every problem onto `out` under `field`, worded as the
    /// form shows it; the value is `Some` unless one of them is an error.
    pub fn parse(field: &'static str, text: &str, place: Place, out: &mut Vec<FieldError>) -> Option<KeyArn> {
        let text = text.trim();
        let mut problems = Vec::new();
        check(field, text, place, &mut problems);
        let ok = !has_error(&problems);
        out.extend(problems);
        ok.then(|| KeyArn(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for KeyArn {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for KeyArn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A full key ARN of a customer managed key in the place's partition and Region. Key IDs, alias
/// names, alias ARNs and AWS managed keys (`alias/aws/…`) are errors: the steps pass the value to
/// put-key-policy and IAM policies, which need the key itself.
fn check(field: &'static str, value: &str, place: Place, out: &mut Vec<FieldError>) {
    let is_key_id = |s: &str| is_uuid(s) || is_multi_region_key_id(s);
    if value.chars().any(char::is_whitespace) {
        out.push(FieldError::error(field, "the key ARN contains a space"));
        return;
    }
    if value.starts_with("alias/aws/") || value.contains(":alias/aws/") {
        out.push(FieldError::error(
            field,
            format!("\"{value}\" is an AWS managed key; its key policy cannot be changed, so the service cannot be allowed to use it: use a customer managed key"),
        ));
        return;
    }
    if value.starts_with("alias/") {
        out.push(FieldError::error(field, format!("\"{value}\" is an alias name; {}", key_arn_of_alias(value, place.region))));
        return;
    }
    if is_key_id(value) {
        out.push(FieldError::error(
            field,
            format!("\"{value}\" is a key ID; give the full key ARN, or the call fails with \"The specified KMS Key Id could not be found\""),
        ));
        return;
    }
    let arn = match Arn::parse(value) {
        Ok(arn) => arn,
        Err(e) => {
            out.push(FieldError::error(field, format!("\"{value}\" is not a key ARN: it {e}")));
            return;
        }
    };
    if arn.service != "kms" {
        out.push(FieldError::error(field, format!("\"{value}\" is a {} ARN, not a KMS key ARN", arn.service)));
        return;
    }
    if let Some(id) = arn.resource.strip_prefix("key/") {
        if !is_key_id(id) {
            out.push(FieldError::warning(
                field,
                format!("\"{id}\" does not look like a key ID (a UUID or mrk- followed by 32 hex digits)"),
            ));
        }
    } else if arn.resource.starts_with("alias/") {
        // The steps run put-key-policy on this value, which takes a key ID or key ARN only, and
        // an IAM policy whose Resource is an alias ARN does not grant use of the key (§1.2).
        out.push(FieldError::error(
            field,
            format!(
                "\"{value}\" is an alias ARN: put-key-policy refuses an alias, and an IAM policy naming it does not grant use of the key; {}",
                key_arn_of_alias(arn.resource, arn.region)
            ),
        ));
        return;
    } else {
        out.push(FieldError::error(field, format!("\"{value}\" names \"{}\", not key/ID", arn.resource)));
        return;
    }
    if arn.partition != place.partition.id() {
        out.push(FieldError::error(
            field,
            format!("the key is in partition {}, the form's resources in {}", arn.partition, place.partition.id()),
        ));
    }
    let region = place.region.trim();
    if !region.is_empty() && arn.region != region {
        out.push(FieldError::error(
            field,
            format!("the key is in {} but the form's Region is {region}: CloudWatch Logs only uses a key in its own Region", arn.region),
        ));
    }
    if !arn.has_valid_account() {
        out.push(FieldError::error(field, format!("the key ARN's account \"{}\" is not 12 digits", arn.account)));
    } else if is_account_id(place.account.trim()) && arn.account != place.account.trim() {
        // GetKeyPolicy/PutKeyPolicy work only in the key's own account, and there PutKeyPolicy
        // refuses a policy that does not let its caller change it again: the policy shown admits
        // the form's account's root. Whether CloudWatch Logs takes another account's key at all is
        // not in the fact sheet, so no bundle is built for it (review F2).
        out.push(FieldError::error(
            field,
            format!(
                "the key belongs to account {}, not {}: its policy can only be changed in account {}, where put-key-policy refuses the policy shown (its root statement names {}), and whether CloudWatch Logs uses a key of another account is unverified; use a key of account {}",
                arn.account,
                place.account.trim(),
                arn.account,
                place.account.trim(),
                place.account.trim()
            ),
        ));
    }
}

/// How to look up the key ARN an alias (`alias/NAME`) points to.
fn key_arn_of_alias(alias: &str, region: &str) -> String {
    let region = match region.trim() {
        "" => String::new(),
        r => format!(" --region {}", crate::scenarios::shell::quote(r)),
    };
    format!(
        "give the key ARN (arn:…:kms:REGION:ACCOUNT:key/ID), which aws kms describe-key{region} --key-id {} --query KeyMetadata.Arn --output text prints",
        crate::scenarios::shell::quote(alias)
    )
}

fn is_uuid(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

fn is_multi_region_key_id(s: &str) -> bool {
    s.strip_prefix("mrk-").is_some_and(|h| h.len() == 32 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLACE: Place = Place { partition: Partition::Aws, region: "us-east-1", account: "111122223333" };
    const KEY: &str = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    fn parse(text: &str) -> (Option<KeyArn>, Vec<FieldError>) {
        let mut out = Vec::new();
        (KeyArn::parse("key-arn", text, PLACE, &mut out), out)
    }

    #[test]
    fn a_key_arn_in_the_place_parses_trimmed() {
        let (key, problems) = parse(&format!(" {KEY} "));
        assert_eq!(key.as_ref().map(KeyArn::as_str), Some(KEY));
        assert!(problems.is_empty(), "{problems:?}");
    }

    /// Issue 11: an alias, in any of its forms, is never a key ARN (its messages are kept).
    #[test]
    fn aliases_key_ids_and_other_places_are_errors() {
        let table = [
            ("arn:aws:kms:us-east-1:111122223333:alias/app", "is an alias ARN: put-key-policy refuses an alias"),
            ("alias/app", "is an alias name"),
            ("alias/aws/logs", "is an AWS managed key"),
            ("arn:aws:kms:us-east-1:111122223333:alias/aws/logs", "is an AWS managed key"),
            ("1234abcd-12ab-34cd-56ef-1234567890ab", "is a key ID"),
            ("arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "the form's Region is us-east-1"),
            ("arn:aws:kms:us-east-1:444455556666:key/1234abcd-12ab-34cd-56ef-1234567890ab", "belongs to account 444455556666"),
            ("arn:aws-cn:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "partition aws-cn"),
            ("arn:aws:s3:::bucket", "is a s3 ARN"),
            ("arn:aws:kms: us-east-1", "contains a space"),
        ];
        for (text, words) in table {
            let (key, problems) = parse(text);
            assert_eq!(key, None, "{text}");
            assert!(problems.iter().any(|p| p.message.contains(words)), "{text}: {problems:?}");
        }
    }

    #[test]
    fn an_odd_key_id_only_warns() {
        let (key, problems) = parse("arn:aws:kms:us-east-1:111122223333:key/not-a-uuid");
        assert!(key.is_some());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, crate::scenarios::FieldSeverity::Warning);
    }
}
