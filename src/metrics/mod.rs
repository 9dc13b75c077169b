//! Dashboards (§3, §4): every metric is derived on read from stored sums, and aggregating over
//! days or people sums numerators and denominators first (a month's conversion is
//! Σpaid_buyers / Σvisitors, never a mean of daily rates). x/0 is null.
//!
//! Money stays exact (`Decimal`); ratios are `f64` for display.

pub mod cache;
pub mod cs;
pub mod graphql;
pub mod kpis;
pub mod month;
pub mod reports;
pub mod shop;

use rust_decimal::{Decimal, RoundingStrategy};
use sea_orm::sea_query::{Alias, Expr, Func, SimpleExpr};
use sea_orm::{ColumnTrait, EntityTrait, IdenStatic, QuerySelect, Select};

/// `num / den`, or `None` when the denominator is zero.
pub fn ratio(num: i64, den: i64) -> Option<f64> {
    (den != 0).then(|| num as f64 / den as f64)
}

/// A fen sum divided by a count, in yuan rounded half-up to 0.01 (AOV, CPC, UV value).
pub fn yuan_per(fen: i64, den: i64) -> Option<Decimal> {
    (den != 0).then(|| yuan(Decimal::from(fen) / Decimal::from(den)))
}

/// An amount of fen (possibly fractional) as yuan, rounded half-up to 0.01, always 2 places.
pub fn yuan(fen: Decimal) -> Decimal {
    let mut yuan = (fen / Decimal::ONE_HUNDRED)
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    yuan.rescale(2);
    yuan
}

/// `CAST(SUM(col) AS BIGINT)`: PostgreSQL sums BIGINT into NUMERIC, SQLite into INTEGER; the
/// cast makes both decode as `i64`.
pub fn sum(col: impl ColumnTrait) -> SimpleExpr {
    sum_of(Expr::col(col))
}

/// `CAST(SUM(expr) AS BIGINT)`, as [`sum`].
pub fn sum_of(expr: impl Into<SimpleExpr>) -> SimpleExpr {
    Func::cast_as(Func::sum(expr.into()), Alias::new("BIGINT")).into()
}

/// Adds `SUM(col) AS col` for each column, so a `FromQueryResult` struct with the columns' names
/// reads the sums.
pub fn select_sums<E: EntityTrait>(select: Select<E>, cols: &[E::Column]) -> Select<E> {
    cols.iter()
        .fold(select, |s, col| s.expr_as(sum(*col), col.as_str()))
}
