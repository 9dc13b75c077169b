//! Input checks that collect every offending field before failing, so a client (or an importer
//! of a thousand rows) learns everything wrong with its input at once.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::{AppError, AppResult, FieldError};
use crate::money;

/// The largest count one input may carry: a day's visitors, an agent's seconds of response time.
/// Ten billion is beyond any shop, and sums of such counts over millions of rows fit in `i64`.
pub const MAX_COUNT: i64 = 10_000_000_000;

/// The largest magnitude of a setting (a target, a threshold, a KPI's parameter or weight), and
/// its most decimal places. Within these, the scoring arithmetic cannot overflow `Decimal`.
pub const MAX_SETTING: i64 = 1_000_000_000_000;
pub const SETTING_PLACES: u32 = 6;

/// Whether free text may have line breaks and tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lines {
    One,
    Many,
}

/// The problems an import lists; the rest are counted (a file of a million bad lines would
/// otherwise be a million lines, and as many errors held).
pub const MAX_LISTED: usize = 100;

#[derive(Debug, Default)]
pub struct Checks {
    errors: Vec<FieldError>,
    row: Option<usize>,
    /// Problems beyond this many are counted, not kept.
    limit: Option<usize>,
    unlisted: usize,
}

impl Checks {
    /// Checks that keep the first `limit` problems and count the others; the last error then
    /// says how many there were in all.
    pub fn listing_at_most(limit: usize) -> Self {
        Self {
            limit: Some(limit),
            ..Self::default()
        }
    }

    /// Errors from now on belong to this row of a batch (numbered from 1, or the file's line).
    pub fn at_row(&mut self, row: usize) {
        self.row = Some(row);
    }

    pub fn fail(&mut self, field: &str, message: impl Into<String>) {
        if self.limit.is_some_and(|limit| self.errors.len() >= limit) {
            self.unlisted += 1;
            return;
        }
        self.errors.push(FieldError {
            field: field.into(),
            message: message.into(),
            row: self.row,
        });
    }

    /// How many problems were found so far.
    pub fn problems(&self) -> usize {
        self.errors.len() + self.unlisted
    }

    /// A count, sum of seconds or similar: from 0 to [`MAX_COUNT`].
    pub fn count(&mut self, field: &str, value: i64) -> i64 {
        if value < 0 {
            self.fail(field, "must not be negative");
        } else if value > MAX_COUNT {
            self.fail(field, format!("must be at most {MAX_COUNT}"));
        }
        value
    }

    /// A setting's number: at most ±[`MAX_SETTING`], with at most [`SETTING_PLACES`] decimals.
    pub fn setting(&mut self, field: &str, value: Decimal) -> Decimal {
        if value.abs() > Decimal::from(MAX_SETTING) {
            self.fail(field, format!("must be at most {MAX_SETTING} either way"));
        } else if value.normalize().scale() > SETTING_PLACES {
            self.fail(field, format!("at most {SETTING_PLACES} decimal places"));
        }
        value
    }

    /// A non-negative amount of money in yuan with at most two decimals, as fen.
    pub fn money(&mut self, field: &str, amount: Decimal) -> i64 {
        match money::to_fen(amount, field) {
            Ok(fen) if fen >= 0 => fen,
            Ok(_) => {
                self.fail(field, "must not be negative");
                0
            }
            Err(AppError::Invalid(mut why)) if !why.is_empty() => {
                self.fail(field, why.swap_remove(0).message);
                0
            }
            Err(_) => {
                self.fail(field, "must be a yuan amount with at most two decimals");
                0
            }
        }
    }

    /// `part` (named `field`) may not exceed `whole` (named `whole_field`).
    pub fn at_most(&mut self, field: &str, part: i64, whole_field: &str, whole: i64) {
        if part > whole {
            self.fail(field, format!("{part} exceeds {whole_field} ({whole})"));
        }
    }

    /// Data can only describe days that have happened in the team's time zone.
    pub fn not_future(&mut self, field: &str, date: NaiveDate, today: NaiveDate) -> NaiveDate {
        if date > today {
            self.fail(field, format!("{date} is in the future (today is {today})"));
        }
        date
    }

    /// Trimmed, non-empty, one-line text (a name, title, code) of at most `max` characters.
    pub fn text(&mut self, field: &str, value: &str, max: usize) -> String {
        self.checked(field, value, max, Lines::One, true)
    }

    /// Trimmed, non-empty text that may run over several lines (a note, a reason).
    pub fn note(&mut self, field: &str, value: &str, max: usize) -> String {
        self.checked(field, value, max, Lines::Many, true)
    }

    /// Like [`Checks::note`], but may be empty (a task's detail, a review's comment).
    pub fn optional_note(&mut self, field: &str, value: &str, max: usize) -> String {
        self.checked(field, value, max, Lines::Many, false)
    }

    fn checked(
        &mut self,
        field: &str,
        value: &str,
        max: usize,
        lines: Lines,
        required: bool,
    ) -> String {
        let value = value.trim();
        if required && value.is_empty() {
            self.fail(field, "must not be empty");
        } else if value.chars().count() > max {
            self.fail(field, format!("must be at most {max} characters"));
        }
        self.printable(field, value, lines);
        value.to_owned()
    }

    /// No control characters (NUL, which PostgreSQL text cannot hold, among them), except the
    /// tabs and line breaks of multi-line text.
    fn printable(&mut self, field: &str, value: &str, lines: Lines) {
        let allowed = |c: char| lines == Lines::Many && matches!(c, '\t' | '\n' | '\r');
        if let Some(c) = value.chars().find(|&c| c.is_control() && !allowed(c)) {
            self.fail(
                field,
                format!(
                    "must not contain control characters (U+{:04X})",
                    u32::from(c)
                ),
            );
        }
    }

    /// A plausible e-mail address, lower-cased.
    pub fn email(&mut self, field: &str, value: &str) -> String {
        let email = normalize_email(value);
        let valid = email.len() <= 254
            && email.split_once('@').is_some_and(|(local, domain)| {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
            })
            && !email.contains(char::is_whitespace);
        if !valid {
            self.fail(field, "must be an e-mail address");
        }
        self.printable(field, &email, Lines::One);
        email
    }

    pub fn time_zone(&mut self, field: &str, value: &str) -> String {
        let value = value.trim();
        if value.parse::<chrono_tz::Tz>().is_err() {
            self.fail(field, "must be an IANA time zone such as Asia/Shanghai");
        }
        value.to_owned()
    }

    pub fn password(&mut self, field: &str, value: &str) {
        if !(PASSWORD_MIN_CHARS..=PASSWORD_MAX_CHARS).contains(&value.chars().count()) {
            self.fail(
                field,
                format!("must be {PASSWORD_MIN_CHARS} to {PASSWORD_MAX_CHARS} characters"),
            );
        }
    }

    pub fn finish(mut self) -> AppResult<()> {
        if self.unlisted > 0 {
            let total = self.problems();
            self.errors.push(FieldError {
                field: "problems".into(),
                message: format!("{} more are not listed ({total} in all)", self.unlisted),
                row: None,
            });
        }
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(self.errors))
        }
    }
}

const PASSWORD_MIN_CHARS: usize = 8;
const PASSWORD_MAX_CHARS: usize = 128;

/// The form an e-mail address is stored and looked up in.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_every_error() {
        let mut c = Checks::default();
        c.text("name", "  ", 10);
        c.email("email", "not-an-email");
        c.time_zone("timeZone", "Mars/Olympus");
        assert_eq!(c.email("email", " Li.Na@Shop.CN "), "li.na@shop.cn");
        let Err(AppError::Invalid(errors)) = c.finish() else {
            panic!("expected invalid input")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "email", "timeZone"]);
    }

    #[test]
    fn control_characters_are_refused_except_line_breaks_in_notes() {
        let mut c = Checks::default();
        c.text("name", "Li\0Na", 10);
        c.text("title", "two\nlines", 20);
        c.note("body", "a\u{7}bell", 20);
        assert_eq!(
            c.note("reason", " line one\r\n\tline two ", 40),
            "line one\r\n\tline two"
        );
        assert_eq!(c.optional_note("detail", "", 10), "");
        c.email("email", "li\0@shop.cn");
        let Err(AppError::Invalid(errors)) = c.finish() else {
            panic!("expected invalid input")
        };
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "title", "body", "email"]);
        assert_eq!(
            errors[0].message,
            "must not contain control characters (U+0000)"
        );
    }
}
