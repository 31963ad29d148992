//! Timestamps are passed in by the caller (the core reads no clock). They are kept as the
//! RFC 3339 UTC text the caller gave (`2026-11-26T10:15:00Z`, optionally with fractional
//! seconds) and written back exactly so, but they compare, order and hash by the moment they
//! name: `10:00:00.500Z` comes after `10:00:00Z`, and `10:00:00.000Z` is the same moment as
//! `10:00:00Z` (the widget writes milliseconds; hand-made and older records do not).

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};

/// A moment in UTC, as RFC 3339 text (`2026-11-26T10:15:00Z` or `…:00.123Z`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Timestamp(String);

impl Timestamp {
    /// What orders timestamps: the fixed-width date and time of day (which sort as text), then
    /// the fraction of a second without trailing zeros (`"5"` for `.500`, which sorts after
    /// `"05"` for `.05` and after `""` for none, as the values do).
    fn moment(&self) -> (&str, &str) {
        let fraction = self.0[19..self.0.len() - 1].trim_start_matches('.');
        (&self.0[..19], fraction.trim_end_matches('0'))
    }
}

impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.moment() == other.moment()
    }
}

impl Eq for Timestamp {}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.moment().cmp(&other.moment())
    }
}

impl Hash for Timestamp {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.moment().hash(state);
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError {
    pub value: String,
}

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a UTC timestamp: write it as YYYY-MM-DDTHH:MM:SSZ, e.g. 2026-11-26T10:15:00Z",
            self.value
        )
    }
}

impl std::error::Error for TimestampError {}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub value: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a date: write it as YYYY-MM-DD, e.g. 2026-11-26",
            self.value
        )
    }
}

impl std::error::Error for DateError {}

impl Timestamp {
    pub fn parse(value: impl Into<String>) -> Result<Self, TimestampError> {
        let value = value.into();
        if is_utc_rfc3339(&value) {
            Ok(Self(value))
        } else {
            Err(TimestampError { value })
        }
    }

    /// The UTC time `millis` milliseconds after 1970-01-01T00:00:00Z (what JavaScript's
    /// `Date.now()` gives), with millisecond precision. Years outside 0..=9999 are clamped.
    pub fn from_unix_millis(millis: i64) -> Self {
        const MIN: i64 = -62_167_219_200_000; // 0000-01-01T00:00:00Z
        const MAX: i64 = 253_402_300_799_999; // 9999-12-31T23:59:59.999Z
        let millis = millis.clamp(MIN, MAX);
        let (days, ms_of_day) = (millis.div_euclid(86_400_000), millis.rem_euclid(86_400_000));
        // Days to a civil date: Howard Hinnant's `civil_from_days`.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        let (secs, ms) = (ms_of_day / 1000, ms_of_day % 1000);
        Self(format!(
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{ms:03}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The calendar date part, `YYYY-MM-DD`.
    pub fn date(&self) -> &str {
        &self.0[..10]
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn is_utc_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 20 || b[b.len() - 1] != b'Z' {
        return false;
    }
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    let number = |range: std::ops::Range<usize>| {
        s[range]
            .bytes()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
    };
    let shape = digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19);
    if !shape {
        return false;
    }
    let fraction = &b[19..b.len() - 1];
    let fraction_ok = fraction.is_empty()
        || (fraction.len() >= 2
            && fraction[0] == b'.'
            && fraction[1..].iter().all(u8::is_ascii_digit));
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let (hour, minute, second) = (number(11..13), number(14..16), number(17..19));
    fraction_ok
        && (1..=12).contains(&month)
        && (1..=days_in_month(year, month)).contains(&day)
        && hour < 24
        && minute < 60
        && second < 61
}

/// A calendar date, `YYYY-MM-DD`: when an agreed action is due, or the "as of" date of a report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date(String);

impl Date {
    pub fn parse(value: impl Into<String>) -> Result<Self, DateError> {
        let value = value.into();
        let b = value.as_bytes();
        let ok = b.len() == 10
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[5..7].iter().all(u8::is_ascii_digit)
            && b[7] == b'-'
            && b[8..10].iter().all(u8::is_ascii_digit)
            && {
                let month = u32::from(b[5] - b'0') * 10 + u32::from(b[6] - b'0');
                let day = u32::from(b[8] - b'0') * 10 + u32::from(b[9] - b'0');
                let year = b[..4]
                    .iter()
                    .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
                (1..=12).contains(&month) && (1..=days_in_month(year, month)).contains(&day)
            };
        if ok {
            Ok(Self(value))
        } else {
            Err(DateError { value })
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number of days since 1970-01-01 (negative before it), for placing dates on a line.
    pub fn day(&self) -> i64 {
        let number = |range: std::ops::Range<usize>| -> i64 { self.0[range].parse().unwrap_or(1) };
        let (year, month, day) = (number(0..4), number(5..7), number(8..10));
        // Howard Hinnant's `days_from_civil`.
        let year = if month <= 2 { year - 1 } else { year };
        let era = year.div_euclid(400);
        let yoe = year - era * 400;
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl TryFrom<String> for Date {
    type Error = DateError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<Date> for String {
    fn from(d: Date) -> Self {
        d.0
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Timestamp {
    /// The calendar date of this moment.
    pub fn to_date(&self) -> Date {
        Date(self.0[..10].to_owned())
    }
}

impl TryFrom<String> for Timestamp {
    type Error = TimestampError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<Timestamp> for String {
    fn from(t: Timestamp) -> Self {
        t.0
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use std::hash::BuildHasher;

    use super::*;

    #[test]
    fn accepts_what_javascript_date_to_iso_string_gives() {
        assert!(Timestamp::parse("2026-11-26T10:15:00.123Z").is_ok());
        assert!(Timestamp::parse("2026-11-26T10:15:00Z").is_ok());
    }

    #[test]
    fn refuses_local_times_and_nonsense() {
        for bad in [
            "2026-11-26",
            "2026-11-26T10:15:00+01:00",
            "2026-13-26T10:15:00Z",
            "2026-11-26T24:00:00Z",
            "2026-11-26T10:15:00.Z",
            "2026-02-29T10:15:00Z",
            "2026-04-31T10:15:00Z",
            "yesterday",
        ] {
            assert!(Timestamp::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn formats_unix_millis_like_javascript() {
        let cases = [
            (0, "1970-01-01T00:00:00.000Z"),
            (1_795_688_100_123, "2026-11-26T10:15:00.123Z"),
            (951_782_400_000, "2000-02-29T00:00:00.000Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
            (i64::MAX, "9999-12-31T23:59:59.999Z"),
        ];
        for (millis, iso) in cases {
            let t = Timestamp::from_unix_millis(millis);
            assert_eq!(t.as_str(), iso);
            assert_eq!(Timestamp::parse(iso), Ok(t));
        }
    }

    #[test]
    fn days_count_from_1970() {
        let day = |s: &str| Date::parse(s).unwrap().day();
        assert_eq!(day("1970-01-01"), 0);
        assert_eq!(day("1969-12-31"), -1);
        assert_eq!(
            day("2000-03-01") - day("2000-02-28"),
            2,
            "2000 was a leap year"
        );
        assert_eq!(day("2026-12-02") - day("2026-09-01"), 92);
        // The same days as the millisecond clock counts.
        let t = Timestamp::from_unix_millis(1_795_688_100_123);
        assert_eq!(t.to_date().day(), 1_795_688_100_123 / 86_400_000);
    }

    #[test]
    fn dates_are_checked() {
        assert!(Date::parse("2026-11-26").is_ok());
        for bad in [
            "2026-11-26T00:00:00Z",
            "26/11/2026",
            "2026-00-01",
            "2026-1-1",
        ] {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            Date::parse("soon").unwrap_err().to_string(),
            "\"soon\" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-26"
        );
    }

    #[test]
    fn orders_as_time() {
        let a = Timestamp::parse("2026-01-02T00:00:00Z").unwrap();
        let b = Timestamp::parse("2026-11-26T10:15:00Z").unwrap();
        assert!(a < b);
        assert_eq!(b.date(), "2026-11-26");
    }

    #[test]
    fn orders_by_value_whatever_the_precision() {
        let t = |s: &str| Timestamp::parse(s).unwrap();
        // As text, "." sorts before "Z": this pair was in the wrong order.
        assert!(t("2026-11-26T10:00:00Z") < t("2026-11-26T10:00:00.500Z"));
        assert!(t("2026-11-26T10:00:00.05Z") < t("2026-11-26T10:00:00.5Z"));
        assert!(t("2026-11-26T10:00:00.999Z") < t("2026-11-26T10:00:01Z"));
        assert_eq!(t("2026-11-26T10:00:00.000Z"), t("2026-11-26T10:00:00Z"));
        assert_eq!(t("2026-11-26T10:00:00.50Z"), t("2026-11-26T10:00:00.5Z"));
        let state = std::hash::RandomState::new();
        assert_eq!(
            state.hash_one(t("2026-11-26T10:00:00.000Z")),
            state.hash_one(t("2026-11-26T10:00:00Z"))
        );
        // Written back exactly as given.
        assert_eq!(
            t("2026-11-26T10:00:00.500Z").to_string(),
            "2026-11-26T10:00:00.500Z"
        );
        let mut list = [
            t("2026-11-26T10:00:00.500Z"),
            t("2026-11-26T10:00:00Z"),
            t("2026-11-26T09:59:59.9Z"),
        ];
        list.sort();
        let texts: Vec<&str> = list.iter().map(Timestamp::as_str).collect();
        assert_eq!(
            texts,
            [
                "2026-11-26T09:59:59.9Z",
                "2026-11-26T10:00:00Z",
                "2026-11-26T10:00:00.500Z"
            ]
        );
    }
}
