//! `DateEquals`, `DateNotEquals`, `DateLessThan`, `DateLessThanEquals`, `DateGreaterThan`,
//! `DateGreaterThanEquals`: W3C ISO 8601 dates or epoch seconds, compared as instants.

use super::Comparison;

pub(super) fn parse(base: &str) -> Option<(Comparison, bool)> {
    Comparison::parse(base.strip_prefix("Date")?)
}

pub(super) fn matches(cmp: Comparison, policy: &str, value: &str) -> Result<bool, String> {
    let p = instant(policy).ok_or_else(|| format!("policy value \"{policy}\" is not a date"))?;
    let v = instant(value).ok_or_else(|| format!("request value \"{value}\" is not a date"))?;
    Ok(cmp.holds(Some(v.cmp(&p))))
}

/// Milliseconds since 1970-01-01T00:00:00Z. Accepts epoch seconds (all digits, so a bare `YYYY` reads as
/// seconds too, as `aws:EpochTime` values must) and the W3C profile of ISO 8601: `YYYY-MM`, `YYYY-MM-DD`,
/// then optionally `Thh:mm`, `:ss`, `.fraction` and a zone (`Z` or `±hh:mm`; none is read as UTC).
pub(super) fn instant(s: &str) -> Option<i64> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse::<i64>().ok()?.checked_mul(1000);
    }
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut parts = date.split('-');
    let year: i64 = digits(parts.next()?, 4)?;
    let month: i64 = parts.next().map_or(Some(1), |m| digits(m, 2))?;
    let day: i64 = parts.next().map_or(Some(1), |d| digits(d, 2))?;
    if parts.next().is_some() || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut millis = days_from_civil(year, month, day) * 86_400_000;
    if let Some(time) = time {
        millis += time_of_day(time)?;
    }
    Some(millis)
}

fn time_of_day(t: &str) -> Option<i64> {
    let (clock, offset_ms) = if let Some(clock) = t.strip_suffix('Z') {
        (clock, 0)
    } else if let Some(i) = t.rfind(['+', '-']) {
        let (clock, zone) = t.split_at(i);
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let (h, m) = zone[1..].split_once(':')?;
        let (h, m): (i64, i64) = (digits(h, 2)?, digits(m, 2)?);
        if h > 23 || m > 59 {
            return None;
        }
        (clock, sign * (h * 60 + m) * 60_000)
    } else {
        (t, 0)
    };
    let (hms, fraction) = match clock.split_once('.') {
        Some((hms, f)) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => (hms, f),
        Some(_) => return None,
        None => (clock, ""),
    };
    let mut fields = hms.split(':');
    let hour: i64 = digits(fields.next()?, 2)?;
    let minute: i64 = digits(fields.next()?, 2)?;
    let second: i64 = fields.next().map_or(Some(0), |s| digits(s, 2))?;
    if fields.next().is_some() || hour > 23 || minute > 59 || second > 59 || (!fraction.is_empty() && hms.len() != 8) {
        return None;
    }
    let ms: i64 = format!("{fraction:0<3}")[..3].parse().ok()?;
    // A zone ahead of UTC means the same wall-clock time happened earlier.
    Some(((hour * 60 + minute) * 60 + second) * 1000 + ms - offset_ms)
}

fn digits(s: &str, len: usize) -> Option<i64> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_and_epoch_seconds_are_the_same_instants() {
        let table = [
            ("1970-01-01T00:00:00Z", 0),
            ("1970-01", 0),
            ("1970", 1_970_000),
            ("2020-01-01T00:00:01Z", 1_577_836_801_000),
            ("1577836801", 1_577_836_801_000),
            ("2020-01-01", 1_577_836_800_000),
            ("2020-01", 1_577_836_800_000),
            ("2020-01-01T02:00:01+02:00", 1_577_836_801_000),
            ("2019-12-31T23:00:01-01:00", 1_577_836_801_000),
            ("2020-01-01T00:00", 1_577_836_800_000),
            ("2020-01-01T00:00:00.250Z", 1_577_836_800_250),
            ("2020-01-01T00:00:00.25Z", 1_577_836_800_250),
            ("2024-02-29T12:00:00Z", 1_709_208_000_000),
            ("1969-12-31T23:59:59Z", -1000),
        ];
        for (text, expected) in table {
            assert_eq!(instant(text), Some(expected), "{text}");
        }
    }

    #[test]
    fn malformed_dates_are_rejected() {
        for bad in [
            "",
            "2023-02-29",
            "2020-13-01",
            "2020-1-01",
            "2020-01-01T24:00:00Z",
            "2020-01-01T00:00:00+2:00",
            "2020-01-01 00:00:00Z",
            "2020-01-01T00:00:00.Z",
            "yesterday",
            "-5",
        ] {
            assert_eq!(instant(bad), None, "{bad}");
        }
    }

    #[test]
    fn comparisons_follow_time() {
        let before = |p, v| matches(Comparison::LessThan, p, v);
        assert_eq!(before("2020-01-01T00:00:00Z", "2019-12-31T23:59:59Z"), Ok(true));
        assert_eq!(before("2020-01-01T00:00:00Z", "1577836800"), Ok(false));
        assert_eq!(
            matches(Comparison::Equals, "2020-01-01T01:00:00+01:00", "2020-01-01T00:00:00Z"),
            Ok(true)
        );
        assert_eq!(
            matches(Comparison::GreaterThanEquals, "2020-01-01", "2020-01-01T00:00:00Z"),
            Ok(true)
        );
        assert!(matches(Comparison::Equals, "soon", "2020-01-01").is_err());
        assert_eq!(parse("DateNotEquals"), Some((Comparison::Equals, true)));
    }
}
