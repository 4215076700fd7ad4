//! How long CloudWatch Logs keeps a new log group's events: one of the day counts
//! `PutRetentionPolicy` accepts, or never expire (AWS's default when none is set).

use serde::{Deserialize, Serialize};

/// The form's choices, value and label: the one list of allowed day counts (CloudWatch Logs API
/// reference, `LogGroup.retentionInDays`: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
/// 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 and 3653). [`Retention`] parses only these.
pub const OPTIONS: &[(&str, &str)] = &[
    (NEVER, "Never expire (AWS's default)"),
    ("1", "1 day"),
    ("3", "3 days"),
    ("5", "5 days"),
    ("7", "1 week"),
    ("14", "2 weeks"),
    ("30", "30 days"),
    ("60", "60 days"),
    ("90", "90 days"),
    ("120", "120 days"),
    ("150", "150 days"),
    ("180", "180 days"),
    ("365", "1 year (365 days)"),
    ("400", "400 days"),
    ("545", "18 months (545 days)"),
    ("731", "2 years (731 days)"),
    ("1096", "3 years (1,096 days)"),
    ("1827", "5 years (1,827 days)"),
    ("2192", "6 years (2,192 days)"),
    ("2557", "7 years (2,557 days)"),
    ("2922", "8 years (2,922 days)"),
    ("3288", "9 years (3,288 days)"),
    ("3653", "10 years (3,653 days)"),
];

const NEVER: &str = "never-expire";

/// The days scanners ask for at least (checkov CKV_AWS_338, Security Hub CloudWatch.16's default).
pub const ONE_YEAR: u16 = 365;

/// `None` is never expire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Retention(Option<u16>);

impl Retention {
    pub const NEVER_EXPIRE: Retention = Retention(None);

    /// `days` if `PutRetentionPolicy` accepts it.
    pub fn days(days: u16) -> Option<Retention> {
        let text = days.to_string();
        OPTIONS.iter().any(|(v, _)| *v == text).then_some(Retention(Some(days)))
    }

    pub fn in_days(self) -> Option<u16> {
        self.0
    }
}

/// A year: long enough for the scanners, and a choice the user sees and can change.
impl Default for Retention {
    fn default() -> Self {
        Retention(Some(ONE_YEAR))
    }
}

impl TryFrom<String> for Retention {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        let text = text.trim();
        if text == NEVER {
            return Ok(Retention::NEVER_EXPIRE);
        }
        text.parse()
            .ok()
            .and_then(Retention::days)
            .ok_or_else(|| {
                let allowed: Vec<&str> = OPTIONS.iter().map(|(v, _)| *v).collect();
                format!("retention \"{text}\" is not one CloudWatch Logs accepts: one of {}", allowed.join(", "))
            })
    }
}

impl From<Retention> for String {
    fn from(r: Retention) -> String {
        r.0.map_or_else(|| NEVER.to_owned(), |d| d.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_day_counts_aws_accepts_parse() {
        let days: Vec<u16> = OPTIONS.iter().filter_map(|(v, _)| v.parse().ok()).collect();
        assert_eq!(
            days,
            [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]
        );
        for (value, _) in OPTIONS {
            let parsed = Retention::try_from(value.to_string()).expect(value);
            assert_eq!(String::from(parsed), *value);
        }
        for bad in ["0", "2", "366", "3654", "forever", "", "-1"] {
            let err = Retention::try_from(bad.to_owned()).unwrap_err();
            assert!(err.contains(&format!("\"{bad}\"")) && err.contains("3653"), "{err}");
        }
    }

    #[test]
    fn the_default_is_a_year_and_never_expire_is_a_choice() {
        assert_eq!(Retention::default().in_days(), Some(ONE_YEAR));
        assert_eq!(Retention::try_from("never-expire".to_owned()), Ok(Retention::NEVER_EXPIRE));
        assert_eq!(Retention::NEVER_EXPIRE.in_days(), None);
    }
}
