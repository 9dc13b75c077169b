//! A cell's text read as its column says: numbers with thousands separators, money with currency
//! signs, the date layouts exports use, values by their English or Chinese names.

use std::borrow::Cow;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::Value;

use super::columns::{Ty, same_name};

/// The cell as the value its row field takes (an average: as its exact decimal), or what is wrong
/// with it.
pub fn value(ty: Ty, cell: &str) -> Result<Value, String> {
    match ty {
        Ty::Int => int(cell).map(Value::from),
        Ty::Int32 => int(cell).and_then(|n| {
            i32::try_from(n)
                .map(Value::from)
                .map_err(|_| format!("{cell:?} is out of range"))
        }),
        Ty::Decimal | Ty::MeanOf(_) => decimal(cell).map(Value::String),
        Ty::Date => date(cell).map(|d| Value::String(d.to_string())),
        Ty::Text => Ok(Value::String(cell.to_owned())),
        Ty::Enum(values) => enum_value(values, cell).map(|v| Value::String(v.to_owned())),
    }
}

/// A whole number, with or without `,` between thousands.
fn int(cell: &str) -> Result<i64, String> {
    let digits = without(cell, &[',']);
    digits
        .parse()
        .map_err(|_| format!("malformed number {cell:?}: expected a whole number"))
}

/// An exact decimal (yuan, a score), without currency signs or thousands separators, as text.
fn decimal(cell: &str) -> Result<String, String> {
    let digits = without(cell, &['¥', '￥', ',']);
    match Decimal::from_str(&digits) {
        Ok(_) if digits.bytes().any(|b| b.is_ascii_digit()) => Ok(digits.into_owned()),
        _ => Err(format!("malformed amount {cell:?}: expected e.g. 1234.50")),
    }
}

fn without<'a>(cell: &'a str, chars: &[char]) -> Cow<'a, str> {
    if cell.contains(chars) {
        Cow::Owned(cell.chars().filter(|c| !chars.contains(c)).collect())
    } else {
        Cow::Borrowed(cell)
    }
}

/// `2026-11-01`, `2026/11/01`, `2026/11/1` or `20261101` (a time after the date is ignored).
fn date(cell: &str) -> Result<NaiveDate, String> {
    let day = cell.split([' ', 'T']).next().unwrap_or(cell);
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let parts = if day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit()) {
        Some((&day[..4], &day[4..6], &day[6..]))
    } else {
        let sep = if day.contains('/') { '/' } else { '-' };
        let mut parts = day.split(sep);
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(y), Some(m), Some(d), None) => Some((y, m, d)),
            _ => None,
        }
    };
    parts
        .and_then(|(y, m, d)| Some((digits(y, 4..=4)?, digits(m, 1..=2)?, digits(d, 1..=2)?)))
        .and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y as i32, m, d))
        .ok_or_else(|| format!("malformed date {cell:?}: expected e.g. 2026-11-01 or 2026/11/1"))
}

fn enum_value(
    values: &'static [(&'static str, &'static [&'static str])],
    cell: &str,
) -> Result<&'static str, String> {
    values
        .iter()
        .find(|(value, names)| same_name(value, cell) || names.contains(&cell))
        .map(|(value, _)| *value)
        .ok_or_else(|| {
            let known: Vec<String> = values
                .iter()
                .map(|(value, names)| match names {
                    [] => (*value).to_owned(),
                    _ => format!("{value} {}", names.join("/")),
                })
                .collect();
            format!(
                "unknown value {cell:?}: expected one of {}",
                known.join(", ")
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::files::columns::{CHANNELS, DELIVERABLE_KINDS, PROMOTIONS};

    #[test]
    fn numbers() {
        assert_eq!(int("1,234"), Ok(1234));
        assert_eq!(int("-3"), Ok(-3));
        assert_eq!(int("0"), Ok(0));
        for bad in ["1.5", "12a", "一百", "1e3", ""] {
            let err = int(bad).unwrap_err();
            assert!(err.starts_with("malformed number"), "{bad}: {err}");
        }
        assert_eq!(decimal("1,234.50").unwrap(), "1234.50");
        assert_eq!(decimal("¥88").unwrap(), "88");
        assert_eq!(decimal("￥1,000.5").unwrap(), "1000.5");
        assert_eq!(decimal("4.812").unwrap(), "4.812");
        assert_eq!(decimal("-2.00").unwrap(), "-2.00");
        for bad in ["12元", "1.2.3", "¥", "abc"] {
            assert!(decimal(bad).is_err(), "{bad}");
        }
        assert_eq!(
            value(Ty::Int32, "99999999999").unwrap_err(),
            "\"99999999999\" is out of range"
        );
    }

    #[test]
    fn dates() {
        let nov1 = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        for cell in [
            "2026-11-01",
            "2026/11/01",
            "2026/11/1",
            "20261101",
            "2026-11-01 00:00:00",
            "2026-11-01T08:30:00",
        ] {
            assert_eq!(date(cell), Ok(nov1), "{cell}");
        }
        let jan2 = NaiveDate::from_ymd_opt(2026, 1, 2).unwrap();
        for cell in ["2026-1-2", "2026/01/2", "2026/1/2"] {
            assert_eq!(date(cell), Ok(jan2), "{cell}");
        }
        assert_eq!(value(Ty::Date, "2026/11/1").unwrap(), "2026-11-01");
        for bad in [
            "2026-13-01",
            "11/01/2026",
            "2026年11月1日",
            "202611011",
            "20261131",
            "2026-02-29",
            "2026-11",
            "2026-11-01-01",
            "26/11/01",
            "2026/11/+1",
            "2026/011/1",
            "２０２６１１",
            "yesterday",
            "",
        ] {
            assert!(date(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn values_by_english_or_chinese_names() {
        assert_eq!(enum_value(CHANNELS, "ztc"), Ok("ZTC"));
        assert_eq!(enum_value(CHANNELS, "引力魔方"), Ok("DISPLAY"));
        assert_eq!(
            enum_value(CHANNELS, "super recommend"),
            Ok("SUPER_RECOMMEND")
        );
        assert_eq!(enum_value(DELIVERABLE_KINDS, "主图视频"), Ok("VIDEO"));
        assert_eq!(enum_value(PROMOTIONS, "买一送一"), Ok("BOGO"));
        assert!(
            enum_value(CHANNELS, "抖音")
                .unwrap_err()
                .contains("ZTC 直通车")
        );
    }
}
