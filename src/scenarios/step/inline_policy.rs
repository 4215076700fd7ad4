//! The names of the inline IAM policies the steps put on roles and users.

use crate::scenarios::fingerprint::fingerprint;

/// `{purpose}-{fingerprint of what the policy grants}`. PutRolePolicy / PutUserPolicy replace an
/// inline policy of the same name on the same role, so two bundles for one role (two keys, two
/// buckets, two deliveries) must not share a name, while a re-run of one bundle must find and
/// replace its own. Fits IAM's policy names (at most 128 of `[\w+=,.@-]`): `purpose` is ours.
pub fn name(purpose: &str, grants: &str) -> String {
    debug_assert!(purpose.len() < 100 && purpose.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'));
    format!("{purpose}-{}", fingerprint(grants))
}

#[cfg(test)]
mod tests {
    use super::name;

    #[test]
    fn different_grants_get_different_names_and_one_grant_always_the_same() {
        assert_ne!(name("cloudwatch-logs-key", "key a"), name("cloudwatch-logs-key", "key b"));
        assert_eq!(name("cloudwatch-logs-key", "key a"), name("cloudwatch-logs-key", "key a"));
        assert!(name("cloudwatch-logs-key", "key a").starts_with("cloudwatch-logs-key-"));
    }
}
