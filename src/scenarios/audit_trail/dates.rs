//! Epoch milliseconds → UTC calendar dates, by hand: the core has no clock or date crate.

/// `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SSZ` of a Unix time in milliseconds (UTC), or None
/// outside years 0–9999.
pub fn utc(ms: i64) -> Option<(String, String)> {
    let secs = ms.div_euclid(1000);
    let (days, of_day) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    if !(0..=9999).contains(&y) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    let time = format!(
        "{date}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    );
    Some((date, time))
}

/// Howard Hinnant's `civil_from_days`: days since 1970-01-01 → (year, month, day), proleptic
/// Gregorian, exact for every i64 day count a 0–9999 year can have.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days.saturating_add(719_468);
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era.saturating_mul(400) + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::utc;

    fn date(ms: i64) -> String {
        utc(ms).map(|(d, _)| d).unwrap_or_default()
    }

    #[test]
    fn known_instants_give_their_dates() {
        assert_eq!(utc(0), Some(("1970-01-01".into(), "1970-01-01T00:00:00Z".into())));
        assert_eq!(
            utc(123_456_789_012).map(|(_, t)| t).as_deref(),
            Some("1973-11-29T21:33:09Z")
        );
        assert_eq!(
            date(1_441_490_400_000),
            "2015-09-05",
            "the export example in the AWS docs"
        );
        assert_eq!(date(951_782_400_000), "2000-02-29", "a leap day of a century leap year");
        assert_eq!(date(4_107_542_400_000), "2100-03-01", "2100 is not a leap year");
        assert_eq!(date(-1), "1969-12-31");
        assert_eq!(date(253_402_300_799_999), "9999-12-31");
    }

    #[test]
    fn years_outside_four_digits_are_refused_not_wrapped() {
        assert_eq!(utc(253_402_300_800_000), None);
        assert_eq!(utc(i64::MAX), None);
        assert_eq!(utc(i64::MIN), None);
    }
}
