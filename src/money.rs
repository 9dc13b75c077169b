//! Money crosses the API as `Decimal` yuan and is stored as integer fen (分, 1/100 CNY), which
//! sums exactly in SQL on both SQLite and PostgreSQL.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{AppError, AppResult};

/// The largest amount of money one input may carry, either way: ¥10 billion (a day's sales, a
/// unit cost, an adjustment). Sums of such amounts over millions of rows still fit in `i64` fen.
pub const MAX_YUAN: i64 = 10_000_000_000;

/// Converts an amount in yuan to fen; more than two decimal places or beyond ±[`MAX_YUAN`] is
/// bad input.
pub fn to_fen(amount: Decimal, field: &str) -> AppResult<i64> {
    if amount.normalize().scale() > 2 {
        return Err(AppError::invalid(field, "at most two decimal places"));
    }
    if amount.abs() > Decimal::from(MAX_YUAN) {
        return Err(AppError::invalid(
            field,
            format!("at most {MAX_YUAN}.00 either way"),
        ));
    }
    // Within ±MAX_YUAN the product fits both `Decimal` and `i64`.
    (amount * Decimal::ONE_HUNDRED)
        .trunc()
        .try_into()
        .map_err(|_| AppError::invalid(field, "amount out of range"))
}

pub fn from_fen(fen: i64) -> Decimal {
    Decimal::new(fen, 2)
}

/// Rounds half-up (away from zero) to `places`, shown with exactly that many places.
pub fn round_half_up(value: Decimal, places: u32) -> Decimal {
    let mut r = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(places);
    r
}

/// An amount rounded half-up to the fen (45.245 → 45.25): a bonus line item (§8), money shown.
pub fn cents(amount: Decimal) -> Decimal {
    round_half_up(amount, 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn round_trips_two_decimal_places() {
        let d = Decimal::from_str("12.30").unwrap();
        assert_eq!(to_fen(d, "x").unwrap(), 1230);
        assert_eq!(from_fen(1230).to_string(), "12.30");
        assert_eq!(
            to_fen(Decimal::from_str("-0.01").unwrap(), "x").unwrap(),
            -1
        );
    }

    #[test]
    fn rejects_amounts_beyond_the_bound_without_overflowing() {
        // 1e27 × 100 would overflow `Decimal` (max ≈ 7.9e28) and panic.
        let huge = Decimal::from_str("1000000000000000000000000000").unwrap();
        assert_eq!(to_fen(huge, "x").unwrap_err().code(), "BAD_USER_INPUT");
        let max = Decimal::from(MAX_YUAN);
        assert_eq!(to_fen(max, "x").unwrap(), MAX_YUAN * 100);
        assert!(to_fen(max + Decimal::new(1, 2), "x").is_err());
    }

    #[test]
    fn rejects_fractions_of_a_fen() {
        let err = to_fen(Decimal::from_str("1.005").unwrap(), "unitCost").unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
    }
}
