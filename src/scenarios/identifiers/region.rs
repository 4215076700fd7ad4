//! A Region of a partition (domain-facts §6.1).

use super::has_error;
use crate::catalog::{Partition, PARTITIONS};
use crate::scenarios::FieldError;

/// A Region name, trimmed, that the partition lists or whose shape fits the partition's Region
/// pattern (a Region newer than the catalogue: accepted with a warning).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Region(String);

impl Region {
    /// Parses the form's Region field. Pushes every problem onto `out` under `field`; the value
    /// is `Some` unless one of them is an error.
    pub fn parse(field: &'static str, text: &str, partition: Partition, out: &mut Vec<FieldError>) -> Option<Region> {
        let mut problems = Vec::new();
        let region = text.trim();
        if region.is_empty() {
            problems.push(FieldError::error(field, "enter the Region, e.g. us-east-1"));
        } else if partition.regions().contains(&region) {
        } else if let Some(other) = PARTITIONS.into_iter().find(|p| p.regions().contains(&region)) {
            problems.push(FieldError::error(
                field,
                format!("\"{region}\" is in the {} partition, not {}", other.id(), partition.id()),
            ));
        } else if partition.region_pattern_matches(region) {
            problems.push(FieldError::warning(
                field,
                format!("\"{region}\" is not a Region this tool knows in {}; check the spelling", partition.id()),
            ));
        } else {
            let example = partition.regions().first().copied().unwrap_or("us-east-1");
            problems.push(FieldError::error(
                field,
                format!("\"{region}\" is not a Region of {}: expected a name such as {example}", partition.label()),
            ));
        }
        let ok = !has_error(&problems);
        out.extend(problems);
        ok.then(|| Region(region.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Region {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Region {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str, partition: Partition) -> (Option<Region>, Vec<FieldError>) {
        let mut out = Vec::new();
        (Region::parse("region", text, partition, &mut out), out)
    }

    #[test]
    fn every_listed_region_parses_trimmed_in_its_own_partition_only() {
        for partition in PARTITIONS {
            for &name in partition.regions() {
                let (region, problems) = parse(&format!("  {name}\t"), partition);
                assert_eq!(region.as_ref().map(Region::as_str), Some(name));
                assert!(problems.is_empty(), "{name}: {problems:?}");
                for other in PARTITIONS.into_iter().filter(|p| *p != partition) {
                    let (region, problems) = parse(name, other);
                    assert_eq!(region, None, "{name} in {other:?}");
                    assert!(problems[0].message.contains("partition"), "{:?}", problems[0]);
                }
            }
        }
    }

    #[test]
    fn an_unknown_region_of_the_right_shape_warns_and_parses() {
        let (region, problems) = parse("eu-west-9", Partition::Aws);
        assert_eq!(region.as_ref().map(Region::as_str), Some("eu-west-9"));
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("not a Region this tool knows"), "{problems:?}");
    }

    #[test]
    fn empty_and_misshapen_regions_are_errors() {
        for (text, words) in [("", "enter the Region"), ("  ", "enter the Region"), ("Virginia", "expected a name such as")] {
            let (region, problems) = parse(text, Partition::Aws);
            assert_eq!(region, None, "{text:?}");
            assert!(problems.len() == 1 && problems[0].message.contains(words), "{text:?}: {problems:?}");
        }
    }
}
