//! Whether a policy's `Resource` pattern can name a resource of a given type: the pattern (with
//! `*`, `?` and policy variables) and the type's ARN template (`arn:${Partition}:s3:::${BucketName}`)
//! have some ARN in common.

use super::service::ResourceType;

/// One piece of a policy's resource pattern.
#[derive(Clone, Copy)]
enum Pattern {
    Char(char),
    /// `?`: any one character.
    One,
    /// `*`, or a policy variable (`${aws:username}`), whose value can be anything.
    Any,
}

/// One piece of an ARN template.
#[derive(Clone, Copy)]
enum Template {
    Char(char),
    /// `${Name}`: any run of characters, except those the part cannot hold.
    Part { colon: bool, slash: bool },
    /// The first character of a part that is never empty (partition, Region, account).
    First,
}

impl ResourceType {
    /// Whether some ARN of this type matches `pattern` as IAM matches `Resource` values. Errs
    /// towards yes: a template's parts may hold any characters but `:` (the last part, any at
    /// all: a log group is `log-group:NAME:*` in requests) and, for the parts that are never a
    /// path (partition, Region, account, bucket name), `/`; letter case is ignored.
    pub fn admits(&self, pattern: &str) -> bool {
        intersects(&pattern_of(pattern), &template_of(self.arn))
    }
}

fn pattern_of(text: &str) -> Vec<Pattern> {
    let mut out = Vec::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '$' if chars.peek() == Some(&'{') => {
                // A variable or an escape (`${*}`): its value is not known here.
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                }
                out.push(Pattern::Any);
            }
            '*' => out.push(Pattern::Any),
            '?' => out.push(Pattern::One),
            c => out.push(Pattern::Char(c)),
        }
    }
    out
}

/// The parts that never hold a `/`.
const SINGLE_SEGMENT: [&str; 4] = ["Partition", "Region", "Account", "BucketName"];
/// The parts that are never empty where a template has them (an ARN of a regional resource
/// always names its Region).
const NEVER_EMPTY: [&str; 3] = ["Partition", "Region", "Account"];

fn template_of(arn: &str) -> Vec<Template> {
    let mut out = Vec::with_capacity(arn.len());
    let mut rest = arn;
    while let Some(at) = rest.find("${") {
        out.extend(rest[..at].chars().map(Template::Char));
        let Some(end) = rest[at..].find('}') else {
            rest = &rest[at..];
            break;
        };
        let name = &rest[at + 2..at + end];
        if NEVER_EMPTY.contains(&name) {
            out.push(Template::First);
        }
        out.push(Template::Part {
            colon: false,
            slash: SINGLE_SEGMENT.contains(&name),
        });
        rest = &rest[at + end + 1..];
    }
    out.extend(rest.chars().map(Template::Char));
    // The last part (and what follows it, when nothing does) may hold anything but a `/` it
    // already excludes.
    if let Some(Template::Part { colon, .. }) = out.iter_mut().rev().find(|t| matches!(t, Template::Part { .. })) {
        *colon = true;
    }
    out
}

/// Whether the two patterns share a string: a walk over pairs of positions, each visited once.
fn intersects(p: &[Pattern], t: &[Template]) -> bool {
    let (n, m) = (p.len(), t.len());
    let width = m + 1;
    let mut seen = vec![false; (n + 1) * width];
    let mut stack = vec![(0usize, 0usize)];
    while let Some((i, j)) = stack.pop() {
        if std::mem::replace(&mut seen[i * width + j], true) {
            continue;
        }
        if i == n && j == m {
            return true;
        }
        let mut go = |a: usize, b: usize| {
            if !seen[a * width + b] {
                stack.push((a, b));
            }
        };
        match (p.get(i), t.get(j)) {
            (Some(Pattern::Any), next) => {
                go(i + 1, j);
                if next.is_some() {
                    go(i, j + 1);
                }
            }
            (next, Some(Template::Part { colon, slash })) => {
                go(i, j + 1);
                match next {
                    Some(Pattern::Char(c)) if (*c != ':' || *colon) && (*c != '/' || !*slash) => go(i + 1, j),
                    Some(Pattern::One) => go(i + 1, j),
                    _ => {}
                }
            }
            (Some(Pattern::Char(a)), Some(Template::Char(b))) if a.eq_ignore_ascii_case(b) => go(i + 1, j + 1),
            (Some(Pattern::Char(c)), Some(Template::First)) if !matches!(c, ':' | '/') => go(i + 1, j + 1),
            (Some(Pattern::One), Some(Template::First)) => go(i + 1, j + 1),
            (Some(Pattern::One), Some(Template::Char(_))) => go(i + 1, j + 1),
            _ => {}
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn admits(template: &'static str, pattern: &str) -> bool {
        ResourceType {
            name: "test",
            arn: template,
            condition_keys: Vec::new(),
        }
        .admits(pattern)
    }

    const BUCKET: &str = "arn:${Partition}:s3:::${BucketName}";
    const OBJECT: &str = "arn:${Partition}:s3:::${BucketName}/${ObjectName}";
    const LOG_GROUP: &str = "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}";
    const LOG_STREAM: &str = "arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}";

    #[test]
    fn buckets_and_objects_are_told_apart() {
        assert!(admits(BUCKET, "arn:aws:s3:::b"));
        assert!(!admits(BUCKET, "arn:aws:s3:::b/*"));
        assert!(admits(OBJECT, "arn:aws:s3:::b/*"));
        assert!(!admits(OBJECT, "arn:aws:s3:::b"));
        assert!(admits(BUCKET, "arn:aws:s3:::*"));
        assert!(admits(OBJECT, "arn:aws:s3:::*"));
        assert!(admits(BUCKET, "*"));
        assert!(admits(OBJECT, "arn:aws:s3:::b/home/${aws:username}/*"));
        assert!(admits(BUCKET, "arn:aws:s3:::logs-${aws:PrincipalTag/team}"));
        assert!(!admits(BUCKET, "arn:aws:kms:us-east-1:111122223333:key/k"));
        assert!(admits(BUCKET, "arn:aws:s3:::b?"));
        assert!(admits(BUCKET, "ARN:AWS:S3:::b"), "case is not judged here");
    }

    #[test]
    fn log_groups_with_and_without_the_trailing_colon_star() {
        assert!(admits(LOG_GROUP, "arn:aws:logs:us-east-1:111122223333:log-group:/app/x"));
        assert!(admits(LOG_GROUP, "arn:aws:logs:us-east-1:111122223333:log-group:/app/x:*"));
        assert!(admits(LOG_STREAM, "arn:aws:logs:us-east-1:111122223333:log-group:/app/x:*"));
        assert!(admits(LOG_STREAM, "arn:aws:logs:*:*:*"));
        assert!(!admits(LOG_STREAM, "arn:aws:logs:us-east-1:111122223333:log-group:/app/x"));
        assert!(!admits(LOG_GROUP, "arn:aws:logs:us-east-1:111122223333:destination:d"));
    }

    #[test]
    fn a_regional_resource_names_its_region_and_account() {
        const KEY: &str = "arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}";
        assert!(!admits(KEY, "arn:aws:kms::111122223333:key/k"));
        assert!(!admits(KEY, "arn:aws:kms:us-east-1::key/k"));
        assert!(admits(KEY, "arn:aws:kms:*:*:key/k"));
        assert!(admits(KEY, "arn:aws:kms:?????????:111122223333:key/k"));
        assert!(admits(KEY, "arn:aws:kms:${aws:RequestedRegion}:111122223333:key/k"));
        assert!(admits(BUCKET, "arn:aws:s3:::b"), "a bucket's Region and account are empty in its template");
    }

    #[test]
    fn long_patterns_stay_cheap() {
        let long = format!("arn:aws:s3:::{}", "*a".repeat(2_000));
        assert!(admits(OBJECT, &long));
        assert!(!admits(BUCKET, &format!("{long}/x")));
    }
}
