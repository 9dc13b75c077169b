//! Calendar periods of a team: months and day ranges, and how dashboards bucket them.

use chrono::{Datelike, Duration, NaiveDate};

use crate::error::{AppError, AppResult};

/// A calendar month, written `2026-10` in the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Month {
    first: NaiveDate,
}

impl Month {
    pub fn of(date: NaiveDate) -> Self {
        Self {
            first: date.with_day(1).expect("day 1 exists"),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        self.first
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first - Duration::days(1)
    }

    pub fn days(self) -> u32 {
        self.last_day().day()
    }

    pub fn next(self) -> Self {
        let (y, m) = (self.first.year(), self.first.month());
        let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        Self {
            first: NaiveDate::from_ymd_opt(y, m, 1).expect("valid month"),
        }
    }
}

/// The years the API accepts in a date or a month. Far inside what the date type can hold, so
/// that no day or month arithmetic near the ends can overflow.
pub const YEARS: std::ops::RangeInclusive<i32> = 1970..=9999;

impl std::str::FromStr for Month {
    type Err = ();
    /// Exactly `YYYY-MM`, the first seven characters of a [`Date`].
    fn from_str(s: &str) -> Result<Self, ()> {
        well_formed(s, 7)
            .then(|| format!("{s}-01").parse::<Date>().ok())
            .flatten()
            .map(|d| Self::of(d.0))
            .ok_or(())
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.first.format("%Y-%m"))
    }
}

/// A calendar day in the API, its year in [`YEARS`]; services work on the inner `NaiveDate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

impl From<NaiveDate> for Date {
    fn from(date: NaiveDate) -> Self {
        Self(date)
    }
}

impl From<Date> for NaiveDate {
    fn from(date: Date) -> Self {
        date.0
    }
}

impl std::str::FromStr for Date {
    type Err = ();
    /// Exactly `YYYY-MM-DD`: `%Y` alone would also take a sign, more digits or no padding.
    fn from_str(s: &str) -> Result<Self, ()> {
        well_formed(s, 10)
            .then(|| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
            .flatten()
            .filter(|d| YEARS.contains(&d.year()))
            .map(Self)
            .ok_or(())
    }
}

/// Whether `s` is the first `len` characters of `YYYY-MM-DD`: digits, with dashes at 4 and 7.
fn well_formed(s: &str, len: usize) -> bool {
    s.len() == len
        && s.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        })
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

/// How a dashboard buckets days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Day,
    /// ISO weeks, Monday to Sunday.
    Week,
    Month,
}

impl Granularity {
    /// The first day of the bucket `date` falls in.
    pub fn bucket(self, date: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => date,
            Self::Week => date - Duration::days(date.weekday().num_days_from_monday().into()),
            Self::Month => Month::of(date).first_day(),
        }
    }

    /// The last day of the bucket starting at `start`.
    pub fn bucket_end(self, start: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => start,
            Self::Week => start + Duration::days(6),
            Self::Month => Month::of(start).last_day(),
        }
    }
}

/// The longest range a dashboard query may span.
pub const MAX_RANGE_DAYS: i64 = 1100;

/// An inclusive range `from..=to` that is ordered and not absurdly long.
pub fn check_range(from: NaiveDate, to: NaiveDate) -> AppResult<()> {
    if to < from {
        return Err(AppError::invalid("to", "must not be before from"));
    }
    if (to - from).num_days() >= MAX_RANGE_DAYS {
        return Err(AppError::invalid(
            "to",
            format!("a range may span at most {MAX_RANGE_DAYS} days"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn months_know_their_days() {
        let feb: Month = "2028-02".parse().unwrap();
        assert_eq!(feb.days(), 29);
        assert_eq!(feb.last_day(), d("2028-02-29"));
        assert_eq!(
            "2026-12".parse::<Month>().unwrap().next().to_string(),
            "2027-01"
        );
        assert!("2026-13".parse::<Month>().is_err());
    }

    #[test]
    fn months_are_exactly_year_dash_month() {
        let parse = |s: &str| s.parse::<Month>().ok().map(|m| m.to_string());
        assert_eq!(parse("1970-01").as_deref(), Some("1970-01"));
        assert_eq!(parse("9999-12").as_deref(), Some("9999-12"));
        for bad in [
            "2026-1",
            " 2026-10",
            "2026-10 ",
            "+2026-10",
            "02026-10",
            "2026-10-01",
            "202610",
            "1969-12",
            "2026-00",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_are_plain_days_of_the_accepted_years() {
        let parse = |s: &str| s.parse::<Date>().ok();
        assert_eq!(parse("2026-10-15"), Some(Date(d("2026-10-15"))));
        assert_eq!(parse("9999-12-31").unwrap().to_string(), "9999-12-31");
        for bad in [
            "1969-12-31",
            "+10000-01-01",
            "-262143-01-01",
            "2026-1-5",
            " 2026-10-15",
            "2026-02-30",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn weeks_start_on_monday() {
        // 2026-11-22 is a Sunday.
        assert_eq!(Granularity::Week.bucket(d("2026-11-22")), d("2026-11-16"));
        assert_eq!(Granularity::Week.bucket(d("2026-11-23")), d("2026-11-23"));
        assert_eq!(
            Granularity::Month.bucket_end(d("2026-11-01")),
            d("2026-11-30")
        );
    }
}
