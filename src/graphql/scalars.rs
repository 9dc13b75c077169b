//! The scalars of the API other than `ID`: the calendar ones over the types of
//! [`crate::period`], and shopops's own [`Decimal`] and [`DateTime`] over rust_decimal's and
//! chrono's, so that the SDL says what their text is rather than the libraries' default words.

use std::str::FromStr;

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};
use chrono::Utc;

use crate::period::{Date, Month};

/// A calendar month written exactly `YYYY-MM`, e.g. "2026-10", local to the team; years 1970 to
/// 9999. Anything else is refused: "2026-1", "2026-13", "202610", a day ("2026-10-01"), spaces.
#[Scalar(
    name = "Month",
    specified_by_url = "https://www.iso.org/iso-8601-date-and-time-format.html"
)]
impl ScalarType for Month {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => s.parse().map_err(|_| {
                InputValueError::custom(
                    "a month is written YYYY-MM, e.g. \"2026-10\", from 1970-01 to 9999-12",
                )
            }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    /// Checked in validation too, so that the error names the argument.
    fn is_valid(value: &Value) -> bool {
        matches!(value, Value::String(s) if s.parse::<Self>().is_ok())
    }

    fn to_value(&self) -> Value {
        Value::String(self.to_string())
    }
}

/// ISO 8601 calendar day `YYYY-MM-DD`, the team's local day where it is one of the team's days;
/// years 1970 to 9999.
#[Scalar(
    name = "Date",
    specified_by_url = "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"
)]
impl ScalarType for Date {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => s.parse().map_err(|_| {
                InputValueError::custom(
                    "a date is written YYYY-MM-DD, e.g. \"2026-10-15\", from 1970-01-01 to 9999-12-31",
                )
            }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    /// Checked in validation too, so that the error names the argument.
    fn is_valid(value: &Value) -> bool {
        matches!(value, Value::String(s) if s.parse::<Self>().is_ok())
    }

    fn to_value(&self) -> Value {
        Value::String(self.to_string())
    }
}

/// An API decimal: rust_decimal's, with shopops's scalar text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Decimal(pub rust_decimal::Decimal);

/// An exact decimal number, written as a string of digits with an optional `-` and decimal
/// point: "45678.90", "-0.5"; never a float. Where a field says it is money it is yuan (元) with
/// two decimal places. Input is such a string (a leading `+` or an exponent, "1.5e3", is read
/// too); a JSON number is accepted as well, but it passes through a 64-bit float on the way, so
/// send a string when every digit counts.
#[Scalar(name = "Decimal")]
impl ScalarType for Decimal {
    /// What async-graphql's own Decimal scalar read, kept so that no client sees a change.
    fn parse(value: Value) -> InputValueResult<Self> {
        let parsed = match &value {
            Value::String(s) => rust_decimal::Decimal::from_str(s).map_err(InputValueError::custom),
            Value::Number(n) => match n.as_f64() {
                Some(f) => rust_decimal::Decimal::try_from(f).map_err(InputValueError::custom),
                None => Err(InputValueError::expected_type(value.clone())),
            },
            _ => Err(InputValueError::expected_type(value.clone())),
        };
        parsed.map(Self)
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.to_string())
    }
}

impl From<rust_decimal::Decimal> for Decimal {
    fn from(value: rust_decimal::Decimal) -> Self {
        Self(value)
    }
}

impl From<Decimal> for rust_decimal::Decimal {
    fn from(value: Decimal) -> Self {
        value.0
    }
}

/// An API instant: chrono's UTC date-time, with shopops's scalar text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateTime(pub chrono::DateTime<Utc>);

/// RFC 3339 date-time in UTC, written `2026-11-24T08:30:00+00:00`, with a fraction of a second
/// (".250", ".123456") only where the instant has one. Input is an RFC 3339 date-time with an
/// offset, converted to UTC: "2026-11-24T08:30:00Z" and "2026-11-24T16:30:00+08:00" are the
/// same instant; a space may stand for the `T`. Without an offset it is refused.
#[Scalar(
    name = "DateTime",
    specified_by_url = "https://www.rfc-editor.org/rfc/rfc3339#section-5.6"
)]
impl ScalarType for DateTime {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => s.parse().map(Self).map_err(|_| {
                InputValueError::custom(
                    "a date-time is RFC 3339 with an offset, e.g. \"2026-11-24T08:30:00Z\"",
                )
            }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.to_rfc3339())
    }
}

impl From<chrono::DateTime<Utc>> for DateTime {
    fn from(value: chrono::DateTime<Utc>) -> Self {
        Self(value)
    }
}

impl From<DateTime> for chrono::DateTime<Utc> {
    fn from(value: DateTime) -> Self {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_scalars_read_and_write_their_text() {
        let value = |s: &str| Value::String(s.into());
        let day = <Date as ScalarType>::parse(value("2026-10-15")).unwrap();
        assert_eq!(day.to_value(), value("2026-10-15"));
        assert!(<Date as ScalarType>::parse(value("2026-1-5")).is_err());
        assert!(!<Date as ScalarType>::is_valid(&Value::from(20261015)));
        let month = <Month as ScalarType>::parse(value("2026-10")).unwrap();
        assert_eq!(month.to_value(), value("2026-10"));
        assert!(<Month as ScalarType>::parse(value("2026-13")).is_err());
    }

    #[test]
    fn decimals_are_strings_out_and_strings_or_numbers_in() {
        let text = |v: Value| <Decimal as ScalarType>::parse(v).map(|d| d.to_value());
        let s = |s: &str| Value::String(s.into());
        // The scale is kept: 45678.90 stays two places, the way money is sent.
        assert_eq!(text(s("45678.90")).unwrap(), s("45678.90"));
        assert_eq!(text(s("-0.5")).unwrap(), s("-0.5"));
        assert_eq!(text(s("+3")).unwrap(), s("3"));
        // A JSON number goes through f64, whose shortest form rust_decimal keeps: 12.5, 0.1.
        assert_eq!(text(Value::from(12.5)).unwrap(), s("12.5"));
        assert_eq!(text(Value::from(0.1)).unwrap(), s("0.1"));
        assert_eq!(text(Value::from(-7)).unwrap(), s("-7"));
        // rust_decimal reads an exponent too.
        assert_eq!(text(s("1.5e3")).unwrap(), s("1500"));
        for bad in [s("12,5"), s("0x10"), s(""), Value::Boolean(true)] {
            assert!(text(bad.clone()).is_err(), "{bad}");
        }
    }

    #[test]
    fn date_times_are_written_in_utc_and_read_with_any_offset() {
        let text = |v: &str| {
            <DateTime as ScalarType>::parse(Value::String(v.into())).map(|d| d.to_value())
        };
        let utc = Value::String("2026-11-24T08:30:00+00:00".into());
        // 16:30 in Shanghai (+08:00) is 08:30 UTC.
        for same in [
            "2026-11-24T08:30:00Z",
            "2026-11-24T16:30:00+08:00",
            "2026-11-24 08:30:00Z",
        ] {
            assert_eq!(text(same).unwrap(), utc, "{same}");
        }
        assert_eq!(
            text("2026-11-24T08:30:00.250Z").unwrap(),
            Value::String("2026-11-24T08:30:00.250+00:00".into())
        );
        for bad in ["2026-11-24T08:30:00", "2026-11-24", "08:30:00Z"] {
            assert!(text(bad).is_err(), "{bad}");
        }
    }
}
