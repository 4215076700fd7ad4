//! Action names: `service:Action`, where AWS ignores case in both parts.

/// The form to print: service prefix lowercased (`S3:GetObject` → `s3:GetObject`), the action
/// name as written, since there is no catalogue of every action's PascalCase spelling to restore.
pub fn readable(action: &str) -> String {
    match action.split_once(':') {
        Some((prefix, name)) => format!("{}:{name}", prefix.to_ascii_lowercase()),
        None => action.to_owned(),
    }
}

/// The form to compare: all lowercase. Only ASCII is folded; AWS action names are ASCII and
/// anything else is already a mistake worth keeping visible.
pub fn key(action: &str) -> String {
    action.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_is_lowercased_and_the_name_kept() {
        assert_eq!(readable("KMS:GenerateDataKey*"), "kms:GenerateDataKey*");
        assert_eq!(readable("*"), "*");
        assert_eq!(key("S3:getBucketACL"), key("s3:GetBucketAcl"));
    }

    #[test]
    fn whitespace_is_not_trimmed() {
        // A trailing space makes it a different, invalid action; normalising must not hide that.
        assert_ne!(key("kms:Decrypt "), key("kms:Decrypt"));
    }
}
