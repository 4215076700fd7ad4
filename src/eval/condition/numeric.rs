//! `NumericEquals`, `NumericNotEquals`, `NumericLessThan`, `NumericLessThanEquals`, `NumericGreaterThan`,
//! `NumericGreaterThanEquals`.

use super::Comparison;

pub(super) fn parse(base: &str) -> Option<(Comparison, bool)> {
    Comparison::parse(base.strip_prefix("Numeric")?)
}

/// Integers and decimals; anything else (including `NaN` and `inf`, which Rust would accept) is not a number.
pub(super) fn number(s: &str) -> Option<f64> {
    let plausible = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
    s.parse::<f64>().ok().filter(|n| plausible && n.is_finite())
}

/// `value` (from the request) against `policy`, e.g. `NumericLessThan` holds when value < policy.
pub(super) fn matches(cmp: Comparison, policy: &str, value: &str) -> Result<bool, String> {
    let p = number(policy).ok_or_else(|| format!("policy value \"{policy}\" is not a number"))?;
    let v = number(value).ok_or_else(|| format!("request value \"{value}\" is not a number"))?;
    Ok(cmp.holds(v.partial_cmp(&p)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pass_fail_table() {
        let table = [
            ("NumericEquals", "10", "10", true),
            ("NumericEquals", "10", "10.0", true),
            ("NumericEquals", "10", "11", false),
            ("NumericLessThan", "10", "9", true),
            ("NumericLessThan", "10", "10", false),
            ("NumericLessThanEquals", "10", "10", true),
            ("NumericGreaterThan", "10", "10.5", true),
            ("NumericGreaterThan", "10", "-3", false),
            ("NumericGreaterThanEquals", "1e3", "1000", true),
        ];
        for (op, policy, value, expected) in table {
            let (cmp, negated) = parse(op).unwrap();
            assert!(!negated);
            assert_eq!(matches(cmp, policy, value), Ok(expected), "{op} {policy} {value}");
        }
        assert_eq!(parse("NumericNotEquals"), Some((Comparison::Equals, true)));
    }

    #[test]
    fn non_numbers_are_errors_not_mismatches() {
        assert!(matches(Comparison::Equals, "ten", "10").is_err());
        assert!(matches(Comparison::Equals, "10", "NaN").is_err());
        assert!(matches(Comparison::Equals, "inf", "10").is_err());
        assert!(matches(Comparison::Equals, "", "10").is_err());
    }
}
