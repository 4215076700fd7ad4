//! Principals: an account id and its root ARN name the same principal, and `"*"` is `{"AWS": "*"}`.

use crate::catalog::{Partition, PARTITIONS};
use crate::policy::{is_account_id, Arn, Principal, Statement};

/// The partition a set of statements lives in: the one their ARNs name most often (ties go to
/// the first of `aws`, `aws-cn`, `aws-us-gov`), else `aws`. Counting rather than taking the first
/// ARN keeps the answer the same when AWS hands the statements back in another order.
pub fn infer_partition<'a>(statements: impl IntoIterator<Item = &'a Statement>) -> Partition {
    let mut counts = [0usize; PARTITIONS.len()];
    for statement in statements {
        for value in arn_candidates(statement) {
            if let Some(i) = Arn::parse(value)
                .ok()
                .and_then(|arn| PARTITIONS.iter().position(|p| p.id() == arn.partition))
            {
                counts[i] += 1;
            }
        }
    }
    let best = counts
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|(_, n)| **n)
        .filter(|(_, n)| **n > 0);
    best.map(|(i, _)| PARTITIONS[i]).unwrap_or_default()
}

fn arn_candidates(s: &Statement) -> impl Iterator<Item = &str> {
    let principals = [&s.principal, &s.not_principal]
        .into_iter()
        .flatten()
        .flat_map(|p| p.values())
        .map(|(_, t)| t);
    let lists = [&s.resource, &s.not_resource]
        .into_iter()
        .flatten()
        .flat_map(|l| l.items.iter());
    let conditions = s
        .condition
        .iter()
        .flat_map(|c| c.entries.iter())
        .flat_map(|e| e.values.items.iter());
    principals.chain(lists).chain(conditions).map(|t| t.value.as_str())
}

/// The comparison form of one principal value listed under `kind`: account ids in `AWS` become
/// `arn:PARTITION:iam::ID:root`, which is what KMS and S3 return for them.
pub fn value(kind: &str, value: &str, partition: Partition) -> String {
    if kind == "AWS" && is_account_id(value) {
        format!("arn:{}:iam::{value}:root", partition.id())
    } else {
        value.to_owned()
    }
}

/// Comparison keys `(type, value)` of every principal listed. The bare `"*"` is keyed as
/// `("AWS", "*")`: AWS documents the two spellings as the same principal.
pub fn keys(principal: &Principal, partition: Partition) -> Vec<(String, String)> {
    principal
        .values()
        .into_iter()
        .map(|(kind, text)| match principal {
            Principal::Wildcard(_) => ("AWS".to_owned(), text.value.clone()),
            Principal::Map(_) => (kind.to_owned(), value(kind, &text.value, partition)),
        })
        .collect()
}

/// Whether a principal key stands for everyone.
pub fn is_everyone(key: &(String, String)) -> bool {
    key.0 == "AWS" && key.1 == "*"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::{Text, ValueList};

    fn with_resource(arn: &str) -> Statement {
        Statement {
            resource: Some(ValueList::of([arn])),
            ..Statement::default()
        }
    }

    #[test]
    fn account_ids_become_root_arns_in_the_policy_partition() {
        assert_eq!(
            value("AWS", "111122223333", Partition::AwsCn),
            "arn:aws-cn:iam::111122223333:root"
        );
        assert_eq!(value("Service", "111122223333", Partition::Aws), "111122223333");
        assert_eq!(
            value("AWS", "arn:aws:iam::111122223333:role/r", Partition::Aws),
            "arn:aws:iam::111122223333:role/r"
        );
    }

    #[test]
    fn the_partition_is_the_one_most_arns_name() {
        let gov = with_resource("arn:aws-us-gov:s3:::b");
        let aws = with_resource("arn:aws:s3:::b");
        assert_eq!(infer_partition([&gov, &gov, &aws]), Partition::AwsUsGov);
        assert_eq!(infer_partition([&aws, &gov]), Partition::Aws);
        assert_eq!(infer_partition([&with_resource("*")]), Partition::Aws);
    }

    #[test]
    fn a_bare_star_is_the_aws_star() {
        let star = Principal::Wildcard(Text::new("*"));
        let aws_star = Principal::aws(["*"]);
        assert_eq!(keys(&star, Partition::Aws), keys(&aws_star, Partition::Aws));
        assert!(is_everyone(&keys(&star, Partition::Aws)[0]));
    }
}
