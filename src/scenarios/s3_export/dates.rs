//! `YYYY-MM-DD` → epoch milliseconds at 00:00 UTC, by hand: the core has no clock and no date
//! crate, and a calendar date needs nothing more than the proleptic Gregorian rules.

use std::fmt;

/// Milliseconds in one UTC day (no leap seconds in Unix time).
pub const DAY_MILLIS: u64 = 86_400_000;

/// Why a date field cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    Empty,
    /// Not `YYYY-MM-DD` with digits.
    Format,
    Month(u32),
    Day {
        year: u32,
        month: u32,
        day: u32,
        days_in_month: u32,
    },
    /// CreateExportTask takes non-negative epoch milliseconds.
    BeforeEpoch(u32),
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Empty => write!(f, "enter a date as YYYY-MM-DD"),
            DateError::Format => write!(f, "is not a date written YYYY-MM-DD, e.g. 2024-03-31"),
            DateError::Month(m) => write!(f, "has month {m}; months are 01 to 12"),
            DateError::Day {
                year,
                month,
                day,
                days_in_month,
            } => {
                write!(f, "has day {day}, but {year}-{month:02} has {days_in_month} days")
            }
            DateError::BeforeEpoch(year) => {
                write!(
                    f,
                    "is in {year}; export times start at 1970-01-01 (epoch milliseconds are never negative)"
                )
            }
        }
    }
}

fn is_leap(year: u32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `(year, month, day)` of a well-formed, existing date from 1970 on.
pub fn parse_date(text: &str) -> Result<(u32, u32, u32), DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(DateError::Format);
    }
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return Err(DateError::Format);
    };
    if !(1..=12).contains(&month) {
        return Err(DateError::Month(month));
    }
    let max = days_in_month(year, month);
    if !(1..=max).contains(&day) {
        return Err(DateError::Day {
            year,
            month,
            day,
            days_in_month: max,
        });
    }
    if year < 1970 {
        return Err(DateError::BeforeEpoch(year));
    }
    Ok((year, month, day))
}

/// Days from 1970-01-01 to the date (Howard Hinnant's `days_from_civil`, for years ≥ 1970).
fn days_since_epoch(year: u32, month: u32, day: u32) -> u64 {
    // Counting years from March puts the leap day last, so each era of 400 years is regular.
    let y = u64::from(if month <= 2 { year - 1 } else { year });
    let era = y / 400;
    let year_of_era = y % 400;
    let shifted_month = u64::from((month + 9) % 12);
    let day_of_year = (153 * shifted_month + 2) / 5 + u64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    // 719_468 days separate 0000-03-01 from 1970-01-01.
    era * 146_097 + day_of_era - 719_468
}

/// Epoch milliseconds at 00:00:00.000 UTC of a `YYYY-MM-DD` date.
pub fn date_to_epoch_millis(text: &str) -> Result<u64, DateError> {
    let (year, month, day) = parse_date(text)?;
    Ok(days_since_epoch(year, month, day) * DAY_MILLIS)
}

/// A day the export starts or ends on: the date as typed (trimmed), and its 00:00:00.000 UTC in
/// epoch milliseconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportDate {
    text: String,
    start_millis: u64,
}

impl ExportDate {
    pub fn parse(text: &str) -> Result<ExportDate, DateError> {
        let text = text.trim();
        date_to_epoch_millis(text).map(|start_millis| ExportDate { text: text.to_owned(), start_millis })
    }

    /// 00:00:00.000 UTC of the day.
    pub fn start_millis(&self) -> u64 {
        self.start_millis
    }

    /// 23:59:59.999 UTC of the day.
    pub fn end_millis(&self) -> u64 {
        self.start_millis + DAY_MILLIS - 1
    }
}

impl AsRef<str> for ExportDate {
    fn as_ref(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_convert_to_midnight_utc_in_epoch_milliseconds() {
        let table = [
            ("1970-01-01", 0),
            ("1970-01-02", DAY_MILLIS),
            ("1970-03-01", 59 * DAY_MILLIS),
            ("1972-02-29", 789 * DAY_MILLIS),
            ("1972-03-01", 790 * DAY_MILLIS),
            ("2000-02-29", 951_782_400_000),
            ("2000-03-01", 951_868_800_000),
            ("2001-01-01", 978_307_200_000),
            ("2015-09-05", 1_441_411_200_000),
            ("2024-02-29", 1_709_164_800_000),
            ("2024-12-31", 1_735_603_200_000),
            ("2038-01-19", 2_147_472_000_000),
            ("2100-03-01", 4_107_542_400_000),
            ("9999-12-31", 253_402_214_400_000),
            (" 2015-09-05 ", 1_441_411_200_000),
        ];
        for (date, millis) in table {
            assert_eq!(date_to_epoch_millis(date), Ok(millis), "{date}");
        }
    }

    #[test]
    fn aws_example_hour_lies_inside_its_day() {
        // The CLI doc's --from 1441490400000 --to 1441494000000 is 2015-09-05 22:00–23:00 UTC.
        let day = date_to_epoch_millis("2015-09-05").unwrap();
        assert!(day <= 1_441_490_400_000 && 1_441_494_000_000 < day + DAY_MILLIS);
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        assert!(date_to_epoch_millis("2024-02-29").is_ok());
        assert!(date_to_epoch_millis("2000-02-29").is_ok(), "divisible by 400");
        assert_eq!(
            date_to_epoch_millis("2100-02-29"),
            Err(DateError::Day {
                year: 2100,
                month: 2,
                day: 29,
                days_in_month: 28
            }),
            "divisible by 100 only"
        );
        assert_eq!(
            date_to_epoch_millis("2023-02-29"),
            Err(DateError::Day {
                year: 2023,
                month: 2,
                day: 29,
                days_in_month: 28
            })
        );
    }

    #[test]
    fn malformed_dates_say_why() {
        let table = [
            ("", DateError::Empty),
            ("2024-1-05", DateError::Format),
            ("05/01/2024", DateError::Format),
            ("2024-01-05T00:00", DateError::Format),
            ("２０２４-01-05", DateError::Format),
            ("2024-13-01", DateError::Month(13)),
            ("2024-00-10", DateError::Month(0)),
            (
                "2024-04-31",
                DateError::Day {
                    year: 2024,
                    month: 4,
                    day: 31,
                    days_in_month: 30,
                },
            ),
            (
                "2024-01-00",
                DateError::Day {
                    year: 2024,
                    month: 1,
                    day: 0,
                    days_in_month: 31,
                },
            ),
            ("1969-12-31", DateError::BeforeEpoch(1969)),
        ];
        for (text, error) in table {
            assert_eq!(date_to_epoch_millis(text), Err(error), "{text:?}");
        }
        assert_eq!(DateError::Month(13).to_string(), "has month 13; months are 01 to 12");
    }

    #[test]
    fn consecutive_days_are_one_day_apart_across_years() {
        let mut previous = date_to_epoch_millis("1970-01-01").unwrap();
        for year in 1970..2401u32 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    if (year, month, day) == (1970, 1, 1) {
                        continue;
                    }
                    let now = date_to_epoch_millis(&format!("{year:04}-{month:02}-{day:02}")).unwrap();
                    assert_eq!(now - previous, DAY_MILLIS, "{year}-{month}-{day}");
                    previous = now;
                }
            }
        }
    }
}
