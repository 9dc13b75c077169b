//! The calendar scalars of the API, over the types of [`crate::period`].

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};

use crate::period::{Date, Month};

/// A calendar month such as "2026-10", local to the team.
#[Scalar(name = "Month")]
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
}
