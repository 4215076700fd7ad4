//! S3 general purpose bucket names (domain-facts §6.5), for every scenario that names a bucket.

/// A general purpose bucket name, trimmed, that S3 would accept.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct BucketName(String);

impl BucketName {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for BucketName {
    /// The problem as the form words it; each scenario puts it under its own field.
    type Err = String;

    fn from_str(text: &str) -> Result<BucketName, String> {
        let name = text.trim();
        match bucket_name_problem(name) {
            Some(problem) => Err(problem),
            None => Ok(BucketName(name.to_owned())),
        }
    }
}

impl AsRef<str> for BucketName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for BucketName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What is wrong with a general purpose bucket name, if anything.
pub fn bucket_name_problem(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("enter the bucket name".into());
    }
    if name.starts_with("arn:") {
        return Some("that is an ARN; enter the bucket name only".into());
    }
    if let Some(rest) = name.strip_prefix("s3://") {
        return Some(format!(
            "write the name without \"s3://\": {}",
            rest.split('/').next().unwrap_or(rest)
        ));
    }
    if name.contains('/') {
        return Some("a bucket name has no \"/\"; put the folder in the prefix field".into());
    }
    bucket_name_shape_problem(name).or_else(|| reserved_name_problem(name))
}

/// What is wrong with the letters of a bucket name: uppercase, or a character S3 does not allow.
/// Also for names with wildcards or policy variables, whose other parts are unknown.
pub fn bucket_name_character_problem(name: &str) -> Option<String> {
    if name.chars().any(|c| c.is_ascii_uppercase()) {
        return Some("uppercase letters are not allowed; bucket names are lowercase".into());
    }
    let bad = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '.' || *c == '-'))?;
    Some(format!(
        "\"{bad}\" is not allowed; bucket names use a-z, 0-9, \".\" and \"-\""
    ))
}

/// What makes `name` a name no bucket can have: length, characters, ends, dots, an IP address.
/// Reserved prefixes and suffixes are left out: AWS's own examples use `amzn-s3-demo-bucket`.
pub fn bucket_name_shape_problem(name: &str) -> Option<String> {
    let length = name.chars().count();
    if !(3..=63).contains(&length) {
        return Some(format!("{length} characters; a bucket name has 3 to 63"));
    }
    if let Some(problem) = bucket_name_character_problem(name) {
        return Some(problem);
    }
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if !alnum(name.chars().next()) || !alnum(name.chars().last()) {
        return Some("must begin and end with a letter or digit".into());
    }
    if name.contains("..") {
        return Some("must not contain two dots in a row".into());
    }
    if looks_like_ip_address(name) {
        return Some("must not be formatted as an IP address".into());
    }
    None
}

fn reserved_name_problem(name: &str) -> Option<String> {
    if let Some(prefix) = ["xn--", "sthree-", "amzn-s3-demo-"]
        .into_iter()
        .find(|p| name.starts_with(p))
    {
        let why = if prefix == "amzn-s3-demo-" {
            " (AWS keeps it for documentation examples)"
        } else {
            ""
        };
        return Some(format!("names must not start with \"{prefix}\"{why}"));
    }
    let reserved_suffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];
    if let Some(suffix) = reserved_suffixes.into_iter().find(|s| name.ends_with(s)) {
        return Some(format!(
            "names must not end with \"{suffix}\" (reserved for access points and other bucket types)"
        ));
    }
    None
}

fn looks_like_ip_address(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_names_follow_the_general_purpose_rules() {
        for ok in [
            "my-exported-logs",
            "abc",
            "a.b-c",
            "logs.2024",
            &"a".repeat(63),
            "1bucket9",
        ] {
            assert_eq!(bucket_name_problem(ok), None, "{ok}");
        }
        let table = [
            ("", "enter the bucket name"),
            ("arn:aws:s3:::my-bucket", "enter the bucket name only"),
            ("s3://my-bucket/logs", "without \"s3://\": my-bucket"),
            ("my-bucket/logs", "put the folder in the prefix field"),
            ("ab", "2 characters"),
            (&"a".repeat(64), "64 characters"),
            ("My-Bucket", "uppercase"),
            ("my_bucket", "\"_\" is not allowed"),
            ("my bucket", "\" \" is not allowed"),
            ("-bucket", "begin and end"),
            ("bucket.", "begin and end"),
            ("my..bucket", "two dots"),
            ("192.168.5.4", "IP address"),
            ("xn--bucket", "\"xn--\""),
            ("sthree-bucket", "\"sthree-\""),
            ("sthree-configurator", "\"sthree-\""),
            ("amzn-s3-demo-bucket", "documentation examples"),
            ("bucket-s3alias", "\"-s3alias\""),
            ("bucket--ol-s3", "\"--ol-s3\""),
            ("bucket.mrap", "\".mrap\""),
            ("bucket--x-s3", "\"--x-s3\""),
            ("bucket--table-s3", "\"--table-s3\""),
        ];
        for (name, words) in table {
            let problem = bucket_name_problem(name).unwrap_or_default();
            assert!(problem.contains(words), "{name:?}: {problem:?}");
        }
    }

    /// The type holds exactly the names the check accepts, trimmed.
    #[test]
    fn the_parser_agrees_with_the_check_and_trims() {
        for name in ["my-exported-logs", "abc", "ab", "My-Bucket", "s3://b/x", "", "amzn-s3-demo-bucket", "192.168.5.4"] {
            let parsed: Result<BucketName, String> = format!("  {name} ").parse();
            match bucket_name_problem(name) {
                Some(problem) => assert_eq!(parsed, Err(problem), "{name:?}"),
                None => assert_eq!(parsed.map(|b| b.as_str().to_owned()), Ok(name.to_owned())),
            }
        }
    }
}
