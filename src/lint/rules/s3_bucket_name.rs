//! IAM036: an S3 ARN names a bucket that cannot exist.

use crate::lint::{Context, Diagnostic};
use crate::policy::{Arn, Text};
use crate::scenarios::bucket_name::{bucket_name_character_problem, bucket_name_shape_problem};
use crate::message::ids;

crate::declare_rule! {
    /// An S3 ARN names a bucket whose name S3 does not allow.
    ///
    /// ## What it does
    /// Reads the bucket name of every S3 bucket or object ARN (`arn:PARTITION:s3:::BUCKET` or
    /// `…:::BUCKET/KEY`) in `Resource`, `NotResource` and condition values, and checks it against
    /// S3's naming rules for general purpose buckets: 3 to 63 characters, lowercase letters,
    /// digits, `.` and `-`, beginning and ending with a letter or digit, no `..`, not an IP
    /// address. A name with a wildcard or a policy variable is checked for its characters only.
    /// The object key after the first `/` may hold any character and is not checked; reserved
    /// prefixes such as `amzn-s3-demo-` are left to the placeholder rule.
    ///
    /// ## Why it matters
    /// No bucket can have such a name, so the ARN matches nothing: the statement grants (or
    /// denies) nothing at all, usually because the name was mistyped (`My_Logs` for `my-logs`) or
    /// a template marker such as `<bucket>` was left in. The policy may still be accepted.
    ///
    /// ## Example
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::My_Exported_Logs/exportedlogs/*"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=identity
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::my-exported-logs/exportedlogs/*"}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
    /// - https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html
    pub static RULE = {
        code: "IAM036",
        name: "s3-bucket-name",
        severity: Warning,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for node in ctx.statements() {
        let conditions = node
            .statement
            .condition
            .iter()
            .flat_map(|c| c.entries.iter())
            .flat_map(|e| e.values.items.iter())
            .map(|v| ("Condition", v));
        for (element, value) in node.resource_values().chain(conditions) {
            if let Some((bucket, problem)) = bucket_problem(value) {
                out.push(
                    Diagnostic::new(&RULE, ids::s3_bucket_name(&bucket, &value.value, &problem))
                        .at(value.span)
                        .path(node.path_to(element))
                        .note(ids::s3_bucket_name_note())
                        .help(ids::s3_bucket_name_help()),
                );
            }
        }
    }
}

/// The bucket an S3 bucket or object ARN names, and what S3 does not allow in it.
fn bucket_problem(value: &Text) -> Option<(&str, String)> {
    let arn = Arn::parse(&value.value).ok()?;
    // Access points, jobs and other typed S3 resources carry a Region or account; buckets never.
    if arn.service != "s3" || !arn.region.is_empty() || !arn.account.is_empty() {
        return None;
    }
    let bucket = arn.resource.split('/').next().unwrap_or_default();
    if bucket.is_empty() {
        return None;
    }
    let problem = if bucket.contains(['*', '?']) || bucket.contains("${") {
        bucket_name_character_problem(&literal_parts(bucket))
    } else {
        bucket_name_shape_problem(bucket)
    };
    problem.map(|p| (bucket, p))
}

/// `name` without its wildcards and `${…}` policy variables: only the characters written out.
fn literal_parts(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find('}').map_or("", |end| &rest[start + end + 1..]);
    }
    out.push_str(rest);
    out.retain(|c| c != '*' && c != '?');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    fn resource(r: &str) -> String {
        format!(r#"{{"Statement": [{{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "{r}"}}]}}"#)
    }

    #[test]
    fn table() {
        let bad = [
            "arn:aws:s3:::My-Bucket",
            "arn:aws:s3:::my_bucket/*",
            "arn:aws:s3:::<bucket>/logs/*",
            "arn:aws:s3:::ab",
            "arn:aws:s3:::-bucket/*",
            "arn:aws:s3:::my..bucket",
            "arn:aws:s3:::192.168.5.4/*",
            "arn:aws-cn:s3:::Logs-*/*",
            "arn:aws:s3:::${aws:username}_Logs/*",
        ];
        assert_fails(&RULE, Identity, &bad.map(resource).iter().map(String::as_str).collect::<Vec<_>>());
        let good = [
            "arn:aws:s3:::my-bucket",
            "arn:aws:s3:::my-bucket/Any_Key>/*",
            "arn:aws:s3:::*",
            "arn:aws:s3:::logs-*/AWSLogs/*",
            "arn:aws:s3:::${aws:username}-logs/*",
            "arn:aws:s3:::amzn-s3-demo-bucket",
            "arn:aws:s3:us-east-1:111122223333:accesspoint/My_AP",
            "arn:aws:kms:us-east-1:111122223333:key/K_1",
            "*",
        ];
        assert_passes(&RULE, Identity, &good.map(resource).iter().map(String::as_str).collect::<Vec<_>>());
    }

    #[test]
    fn the_message_names_the_bucket_and_the_rule_it_breaks() {
        let text = resource("arn:aws:s3:::my>bucket/*");
        let found = findings(&RULE, Bucket, &text);
        assert_eq!(
            found[0].message,
            "bucket name \"my>bucket\" in arn:aws:s3:::my>bucket/*: \">\" is not allowed; bucket names use a-z, 0-9, \".\" and \"-\""
        );
        assert_eq!(flagged(&text, &found[0]), "\"arn:aws:s3:::my>bucket/*\"");
        assert_eq!(found[0].path, "Statement[0].Resource");
    }

    #[test]
    fn variables_and_wildcards_are_not_characters() {
        assert_eq!(literal_parts("${aws:username}-logs-*"), "-logs-");
        assert_eq!(literal_parts("a${b"), "a");
    }
}
