//! IAM035: a policy longer than its kind's documented size limit.

use crate::lint::{Context, Diagnostic, Severity};
use crate::policy::{SizeLimit, SizeUnit};
use crate::policy::PolicyKind;
use crate::message::ids;

crate::declare_rule! {
    /// The policy is longer than AWS allows for its kind.
    ///
    /// ## What it does
    /// Measures the document as written against its kind's documented limit and points at the
    /// statement where the limit is crossed: a KMS key policy may have 32,768 bytes and an S3
    /// bucket policy 20,480 (an error when even the document without whitespace is longer, a
    /// warning when only the indentation takes it over, since neither service documents whether
    /// whitespace counts); an IAM identity (customer managed) policy 6,144 characters not
    /// counting whitespace (error); a role trust policy 2,048 characters not counting whitespace
    /// (a warning: that is the default quota, which can be raised). CloudWatch Logs resource
    /// policies are measured by CWL010.
    ///
    /// ## Why it matters
    /// AWS refuses an oversized policy (`LimitExceededException` from KMS,
    /// `LimitExceeded` from IAM, `PolicyTooLarge`-style errors from S3). Merging statements,
    /// listing ARNs with one wildcard, or moving permissions to identity policies brings it
    /// under the limit.
    ///
    /// ## Example
    /// ```json kind=trust
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:role/ci-deployer-000", "arn:aws:iam::111122223333:role/ci-deployer-001", "arn:aws:iam::111122223333:role/ci-deployer-002", "arn:aws:iam::111122223333:role/ci-deployer-003", "arn:aws:iam::111122223333:role/ci-deployer-004", "arn:aws:iam::111122223333:role/ci-deployer-005", "arn:aws:iam::111122223333:role/ci-deployer-006", "arn:aws:iam::111122223333:role/ci-deployer-007", "arn:aws:iam::111122223333:role/ci-deployer-008", "arn:aws:iam::111122223333:role/ci-deployer-009", "arn:aws:iam::111122223333:role/ci-deployer-010", "arn:aws:iam::111122223333:role/ci-deployer-011", "arn:aws:iam::111122223333:role/ci-deployer-012", "arn:aws:iam::111122223333:role/ci-deployer-013", "arn:aws:iam::111122223333:role/ci-deployer-014", "arn:aws:iam::111122223333:role/ci-deployer-015", "arn:aws:iam::111122223333:role/ci-deployer-016", "arn:aws:iam::111122223333:role/ci-deployer-017", "arn:aws:iam::111122223333:role/ci-deployer-018", "arn:aws:iam::111122223333:role/ci-deployer-019", "arn:aws:iam::111122223333:role/ci-deployer-020", "arn:aws:iam::111122223333:role/ci-deployer-021", "arn:aws:iam::111122223333:role/ci-deployer-022", "arn:aws:iam::111122223333:role/ci-deployer-023", "arn:aws:iam::111122223333:role/ci-deployer-024", "arn:aws:iam::111122223333:role/ci-deployer-025", "arn:aws:iam::111122223333:role/ci-deployer-026", "arn:aws:iam::111122223333:role/ci-deployer-027", "arn:aws:iam::111122223333:role/ci-deployer-028", "arn:aws:iam::111122223333:role/ci-deployer-029", "arn:aws:iam::111122223333:role/ci-deployer-030", "arn:aws:iam::111122223333:role/ci-deployer-031", "arn:aws:iam::111122223333:role/ci-deployer-032", "arn:aws:iam::111122223333:role/ci-deployer-033", "arn:aws:iam::111122223333:role/ci-deployer-034", "arn:aws:iam::111122223333:role/ci-deployer-035", "arn:aws:iam::111122223333:role/ci-deployer-036", "arn:aws:iam::111122223333:role/ci-deployer-037", "arn:aws:iam::111122223333:role/ci-deployer-038", "arn:aws:iam::111122223333:role/ci-deployer-039"]}, "Action": "sts:AssumeRole"}]}
    /// ```
    ///
    /// ## Use instead
    /// ```json kind=trust
    /// {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sts:AssumeRole", "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::111122223333:role/ci-deployer-*"}}}]}
    /// ```
    ///
    /// ## References
    /// - https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-overview.html
    /// - https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
    /// - https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html
    pub static RULE = {
        code: "IAM035",
        name: "policy-size",
        severity: Error,
        check: check,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    if ctx.kind == PolicyKind::LogResource {
        return; // CWL010 measures it against both of CloudWatch Logs' figures.
    }
    let limit = ctx.kind.size_limit();
    let size = limit.measure(ctx.text);
    if size <= limit.max {
        return;
    }
    let compact_bytes: usize = ctx
        .text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(char::len_utf8)
        .sum();
    let (severity, note) = match ctx.kind {
        PolicyKind::Key | PolicyKind::Bucket if compact_bytes <= limit.max => (
            Severity::Warning,
            ids::policy_size(&grouped(compact_bytes)),
        ),
        PolicyKind::Key | PolicyKind::Bucket => (
            Severity::Error,
            ids::policy_size_2(&grouped(compact_bytes)),
        ),
        PolicyKind::Trust => (
            Severity::Warning,
            "2,048 is IAM's default quota for a role trust policy; it can be raised in Service Quotas".into(),
        ),
        _ => (Severity::Error, "IAM does not count whitespace".into()),
    };
    let unit = limit.unit.words();
    let (span, path) = crossing(ctx, &limit);
    out.push(
        Diagnostic::new(
            &RULE,
            ids::policy_size_3(&ctx.kind.label(), &grouped(size), &unit, &grouped(limit.max)),
        )
        .severity(severity)
        .at(span)
        .path(path)
        .note(note)
        .help(match ctx.kind {
            PolicyKind::Key | PolicyKind::Bucket => {
                "merge statements that share a principal, or list resources with one wildcard ARN"
            }
            _ => "merge statements, use wildcards in ARNs, or split the permissions over several policies",
        }),
    );
}

/// Documents longer than this many bytes are only parsed and measured: twice the largest policy
/// any of these services accepts (KMS's API takes 131,072 bytes), so nothing checkable is lost,
/// and a 10 MB paste costs one linear pass instead of every rule's work.
pub const FULL_CHECK_LIMIT: usize = 262_144;

/// The one finding for a document over [`FULL_CHECK_LIMIT`]: its size against the kind's limit,
/// at the statement that crosses it, saying that the other rules were not run.
pub fn too_large_to_check(ctx: &Context) -> Diagnostic {
    let limit = match ctx.kind {
        // The API model's maximum; CWL010 explains the documented 5,120 on smaller documents.
        PolicyKind::LogResource => SizeLimit {
            max: 51_200,
            unit: SizeUnit::Characters,
        },
        kind => kind.size_limit(),
    };
    let (span, path) = crossing(ctx, &limit);
    Diagnostic::new(
        &RULE,
        ids::policy_size_4(&grouped(ctx.text.len()), &ctx.kind.label(), &grouped(limit.max)),
    )
    .at(span)
    .path(path)
    .note(ids::policy_size_note(&grouped(FULL_CHECK_LIMIT)))
    .help(ids::policy_size_help())
}

/// The first statement whose end lies past the limit (else the document's opening brace), and
/// its path. One pass over the text, so a huge paste costs no more than reading it.
fn crossing(ctx: &Context, limit: &SizeLimit) -> (crate::json::Span, String) {
    let mut measured = 0;
    let mut size = 0;
    for (path, item) in ctx.statement_items() {
        let end = item.span.end.min(ctx.text.len());
        if let Some(piece) = ctx.text.get(measured..end) {
            size += limit.measure(piece);
            measured = end;
        }
        if size > limit.max {
            return (item.span, path);
        }
    }
    let start = ctx.json.span.start;
    (crate::json::Span::new(start, start + 1), String::new())
}

/// `32768` → `32,768`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::*;
    use crate::policy::PolicyKind::*;

    /// A policy of `n` statements, each about 150 bytes, separated by `sep`.
    fn policy(n: usize, sep: &str) -> String {
        let statements: Vec<String> = (0..n)
            .map(|i| {
                format!(
                    r#"{{"Sid": "S{i:05}", "Effect": "Allow", "Principal": {{"AWS": "arn:aws:iam::111122223333:role/r{i:05}"}}, "Action": "kms:Decrypt", "Resource": "*"}}"#
                )
            })
            .collect();
        format!(
            r#"{{"Version": "2012-10-17", "Statement": [{}]}}"#,
            statements.join(sep)
        )
    }

    #[test]
    fn each_kind_against_its_limit() {
        let small = policy(10, ", ");
        let big = policy(250, ", ");
        assert!(big.len() > 32_768, "{}", big.len());
        for kind in [Key, Bucket, Identity, Trust] {
            assert_passes(&RULE, kind, &[&small]);
            assert_fails(&RULE, kind, &[&big]);
        }
        assert_passes(&RULE, LogResource, &[&big]);
        let identity = policy(60, ", ");
        assert_fails(&RULE, Identity, &[&identity]);
        assert_passes(&RULE, Key, &[&identity]);
    }

    #[test]
    fn points_at_the_statement_that_crosses_the_limit() {
        let text = policy(250, ", ");
        let found = findings(&RULE, Key, &text);
        assert_eq!(found.len(), 1);
        let index: usize = found[0]
            .path
            .trim_start_matches("Statement[")
            .trim_end_matches(']')
            .parse()
            .unwrap();
        let end_before = text[..found[0].span.unwrap().start].len();
        assert!(end_before <= 32_768 && found[0].span.unwrap().end > 32_768, "{index}");
        assert!(flagged(&text, &found[0]).starts_with(&format!("{{\"Sid\": \"S{index:05}\"")));
        assert_eq!(
            found[0].message,
            format!(
                "the KMS key policy is {} bytes; the limit is 32,768",
                grouped(text.len())
            )
        );
    }

    #[test]
    fn whitespace_decides_the_severity_where_it_is_unverified() {
        // Fits in 20 KB only without its indentation.
        let padded = policy(120, &format!(",\n{}", " ".repeat(80)));
        assert!(padded.len() > 20_480);
        let compact: usize = padded.chars().filter(|c| !c.is_whitespace()).count();
        assert!(compact <= 20_480, "{compact}");
        assert_eq!(findings(&RULE, Bucket, &padded)[0].severity, Severity::Warning);
        let over = policy(200, ", ");
        assert_eq!(findings(&RULE, Bucket, &over)[0].severity, Severity::Error);
        // IAM ignores whitespace altogether, KMS counts it.
        let trust_padded = policy(10, &format!(",\n{}", " ".repeat(400)));
        assert!(trust_padded.len() > 2_048);
        assert_passes(&RULE, Trust, &[&trust_padded]);
        assert_eq!(findings(&RULE, Trust, &policy(20, ", "))[0].severity, Severity::Warning);
    }

    #[test]
    fn grouping() {
        assert_eq!(grouped(5), "5");
        assert_eq!(grouped(2048), "2,048");
        assert_eq!(grouped(1_234_567), "1,234,567");
    }

    #[test]
    fn an_oversized_document_is_measured_against_the_api_maximum_for_log_policies() {
        let text = policy(2_000, ", ");
        let json = crate::json::parse_document(&text).unwrap();
        let lowered = crate::policy::lower(&json);
        let ctx = Context::new(&text, &json, &lowered, LogResource);
        let d = too_large_to_check(&ctx);
        assert_eq!(d.severity, Severity::Error);
        assert!(
            d.message.contains("CloudWatch Logs resource policy limit of 51,200"),
            "{}",
            d.message
        );
        let span = d.span.unwrap();
        assert!(text[..span.start].chars().count() <= 51_200 && text[..span.end].chars().count() > 51_200);
        let ctx = Context::new(&text, &json, &lowered, Identity);
        let d = too_large_to_check(&ctx);
        assert!(d.message.contains("limit of 6,144"), "{}", d.message);
    }
}
