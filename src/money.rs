//! Money crosses the API as `Decimal` yuan and is stored as integer fen (分, 1/100 CNY), which
//! sums exactly in SQL on both SQLite and PostgreSQL.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::error::{AppError, AppResult};

/// Converts an amount in yuan to fen; more than two decimal places or out of range is bad input.
pub fn to_fen(amount: Decimal, field: &str) -> AppResult<i64> {
    if amount.normalize().scale() > 2 {
        return Err(AppError::invalid(field, "at most two decimal places"));
    }
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
    fn rejects_fractions_of_a_fen() {
        let err = to_fen(Decimal::from_str("1.005").unwrap(), "unitCost").unwrap_err();
        assert_eq!(err.code(), "BAD_USER_INPUT");
    }
}
