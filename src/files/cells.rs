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

/// The last day Excel has, 9999-12-31, as a serial of the 1900 system.
const LAST_SERIAL: f64 = 2_958_465.0;

/// A sheet's number in a date column: an Excel date serial (the time of day, its fraction,
/// dropped), or a day written as the number 20261101.
pub fn serial_date(cell: &str, epoch_1904: bool) -> Result<Value, String> {
    let serial: f64 = cell
        .parse()
        .map_err(|_| format!("malformed date {cell:?}: expected a day or an Excel date serial"))?;
    if serial > LAST_SERIAL {
        return date(cell).map(|d| Value::String(d.to_string()));
    }
    if !epoch_1904 && serial.floor() == 60.0 {
        return Err(format!(
            "{cell} is 1900-02-29 as an Excel date serial, a day that never was (Excel's \
             1900 leap-year bug)"
        ));
    }
    excel_day(serial, epoch_1904)
        .map(|d| Value::String(d.to_string()))
        .ok_or_else(|| format!("{cell} is not a day as an Excel date serial"))
}

/// The calendar day of an Excel date serial. In the 1900 system day 1 is 1900-01-01, but Excel
/// counts a 1900-02-29 that never was (serial 60, kept from Lotus 1-2-3), so from serial 61
/// (1900-03-01) on the day is 1899-12-30 plus the serial; before it, 1899-12-31 plus it. In the
/// 1904 system (old Mac workbooks) day 0 is 1904-01-01.
pub fn excel_day(serial: f64, epoch_1904: bool) -> Option<NaiveDate> {
    if !serial.is_finite() || !(0.0..=LAST_SERIAL).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let (from, days) = match (epoch_1904, days) {
        (true, _) => ((1904, 1, 1), days),
        (false, 1..=59) => ((1899, 12, 31), days),
        (false, 61..) => ((1899, 12, 30), days),
        (false, _) => return None,
    };
    let (y, m, d) = from;
    NaiveDate::from_ymd_opt(y, m, d)?.checked_add_signed(chrono::Duration::days(days))
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
    fn excel_date_serials() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // 1899-12-30 + 46,327 days: 2 days to 1900-01-01, 126 years to 2026-01-01 (126 × 365
        // + 31 leap days, 1904 to 2024 = 46,021), 304 more to 11-01 (Jan–Oct: 31 + 28 + 31 + 30
        // + 31 + 30 + 31 + 31 + 30 + 31): 2 + 46,021 + 304 = 46,327.
        assert_eq!(excel_day(46_327.0, false), Some(day(2026, 11, 1)));
        // The time of day (a fraction) is dropped: 18:00 on the same day.
        assert_eq!(excel_day(46_327.75, false), Some(day(2026, 11, 1)));
        // Serial 1 is 1900-01-01 and 59 is 1900-02-28; 60 is Excel's 1900-02-29, which never
        // was; 61 is 1900-03-01, from where 1899-12-30 + serial holds.
        assert_eq!(excel_day(1.0, false), Some(day(1900, 1, 1)));
        assert_eq!(excel_day(59.0, false), Some(day(1900, 2, 28)));
        assert_eq!(excel_day(60.0, false), None);
        assert_eq!(excel_day(61.0, false), Some(day(1900, 3, 1)));
        // In the 1904 system the same day is 1,462 less: from 1899-12-30 to 1904-01-01 are 2
        // days and four years of 365 (1900 was no leap year), so 46,327 − 1,462 = 44,865.
        assert_eq!(excel_day(44_865.0, true), Some(day(2026, 11, 1)));
        assert_eq!(excel_day(0.0, true), Some(day(1904, 1, 1)));
        // 2,958,465 is 9999-12-31, Excel's last day; nothing past it, before 1, or not finite.
        assert_eq!(excel_day(2_958_465.0, false), Some(day(9999, 12, 31)));
        for no in [0.0, -1.0, 2_958_466.0, f64::NAN, f64::INFINITY] {
            assert_eq!(excel_day(no, false), None, "{no}");
        }

        assert_eq!(serial_date("46327", false).unwrap(), "2026-11-01");
        // A day written as a number (20261101) is far past any serial, so it is read as a day.
        assert_eq!(serial_date("20261101", false).unwrap(), "2026-11-01");
        assert!(
            serial_date("60", false)
                .unwrap_err()
                .contains("leap-year bug"),
            "{:?}",
            serial_date("60", false)
        );
        assert_eq!(
            serial_date("-3", false).unwrap_err(),
            "-3 is not a day as an Excel date serial"
        );
        assert!(serial_date("20261131", false).is_err());
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
