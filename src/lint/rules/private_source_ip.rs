//! IAM038: `aws:SourceIp` compared with a private address range, which it never holds.

use crate::catalog::iam::Family;
use crate::json::escape_string;
use crate::lint::{Context, Diagnostic};
use std::net::IpAddr;
use crate::message::ids;

crate::declare_rule! {
    /// `aws:SourceIp` is compared with a private address range.
    ///
    /// ## What it does
    /// Flags an `IpAddress` or `NotIpAddress` value of `aws:SourceIp` that lies wholly in a
    /// private range: IPv4 `10.0.0.0/8`, `172.16.0.0/12`, `192.168.0.0/16`, IPv6 `fc00::/7`.
    ///
    /// ## Why it matters
    /// `aws:SourceIp` holds the public address a request comes from; a request through a VPC
    /// endpoint carries its private address in `aws:VpcSourceIp` instead. So `IpAddress` with a
    /// private range never matches (an Allow grants nothing, a Deny protects nothing) and
    /// `NotIpAddress` always does. IAM Access Analyzer reports both as errors (`Private IP
    /// address`, `Private NotIpAddress`).
    ///
    /// ## Example
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*"], "Condition": {"NotIpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=bucket
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::amzn-s3-demo-bucket", "arn:aws:s3:::amzn-s3-demo-bucket/*"], "Condition": {"NotIpAddress": {"aws:VpcSourceIp": "10.0.0.0/8"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-sourceip
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html
    pub static RULE = {
        code: "IAM038",
        name: "private-source-ip",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        for e in node.operator_entries() {
            if e.operator.family != Family::IpAddress || !e.key().eq_ignore_ascii_case("aws:SourceIp") {
                continue;
            }
            // NotIpAddress with a range the key never holds always matches; each is its own sentence.
            let always = e.operator.base == "NotIpAddress";
            for (i, value) in e.entry.values.items.iter().enumerate() {
                if !is_private(&value.value) {
                    continue;
                }
                let (value_text, operator) = (escape_string(&value.value), &e.clause.operator.value);
                let message = if always {
                    ids::private_source_ip_always(&value_text, operator)
                } else {
                    ids::private_source_ip(&value_text, operator)
                };
                out.push(
                    Diagnostic::new(&RULE, message)
                        .at(value.span)
                        .path(e.path(Some(i)))
                        .help(ids::private_source_ip_help()),
                );
            }
        }
    }
}

/// A well-formed address or CIDR block wholly inside a private range (malformed ones are IAM021's).
fn is_private(v: &str) -> bool {
    let (address, bits) = v.split_once('/').unwrap_or((v, ""));
    let Ok(ip) = address.parse::<IpAddr>() else { return false };
    let width = if ip.is_ipv4() { 32 } else { 128 };
    let Ok(bits) = (if bits.is_empty() { Ok(width) } else { bits.parse::<u32>() }) else { return false };
    if bits > width {
        return false;
    }
    match ip {
        IpAddr::V4(ip) => {
            let [a, b, ..] = ip.octets();
            (a == 10 && bits >= 8) || (a == 172 && (16..32).contains(&b) && bits >= 12) || (a == 192 && b == 168 && bits >= 16)
        }
        IpAddr::V6(ip) => ip.segments()[0] & 0xfe00 == 0xfc00 && bits >= 7,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    fn condition(op: &str, values: &str) -> String {
        format!(r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::b/*", "Condition": {{"{op}": {{"aws:SourceIp": {values}}}}}}}]}}"#)
    }

    #[test]
    fn table() {
        let fails: Vec<String> = [
            ("IpAddress", r#""10.1.2.3""#),
            ("NotIpAddress", r#"["203.0.113.0/24", "172.31.0.0/16"]"#),
            ("ForAnyValue:IpAddress", r#""192.168.0.0/16""#),
            ("NotIpAddressIfExists", r#""fd00::/8""#),
        ]
        .iter()
        .map(|(op, v)| condition(op, v))
        .collect();
        assert_fails(&RULE, Bucket, &fails.iter().map(String::as_str).collect::<Vec<_>>());
        // Public, documentation and wider-than-private ranges, VPC keys and malformed values.
        let passes: Vec<String> = [
            ("IpAddress", r#"["203.0.113.0/24", "2001:db8::/32", "172.32.0.1", "192.169.0.0/16", "11.0.0.0/8"]"#),
            ("NotIpAddress", r#"["0.0.0.0/0", "10.0.0.0/7", "fc00::/6", "10.0.0.0/33", "10.0.0"]"#),
        ]
        .iter()
        .map(|(op, v)| condition(op, v))
        .chain([r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "*", "Condition": {"IpAddress": {"aws:VpcSourceIp": "10.0.0.0/8"}}}]}"#.to_owned()])
        .collect();
        assert_passes(&RULE, Bucket, &passes.iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn points_at_the_value() {
        let text = condition("NotIpAddress", r#"["203.0.113.0/24", "172.31.0.0/16"]"#);
        let found = findings(&RULE, Bucket, &text);
        assert_eq!(found.len(), 1);
        assert_eq!(flagged(&text, &found[0]), "\"172.31.0.0/16\"");
        assert_eq!(found[0].path, "Statement[0].Condition.NotIpAddress.aws:SourceIp[1]");
        assert!(found[0].message.ends_with("NotIpAddress always matches"), "{}", found[0].message);
    }
}
