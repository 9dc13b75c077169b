//! Dashboards (§3, §4): every metric is derived on read from stored sums, and aggregating over
//! days or people sums numerators and denominators first (a month's conversion is
//! Σpaid_buyers / Σvisitors, never a mean of daily rates). x/0 is null.
//!
//! Every metric is defined once, in the [`catalogue`](crate::services::catalogue); money stays
//! exact (`Decimal`), ratios are exact quotients, shown as `f64`.

pub mod cache;
pub mod cs;
pub mod kpis;
pub mod month;
pub mod reports;
pub mod shop;

use sea_orm::sea_query::{Alias, Asterisk, Expr, ExprTrait, Func, SimpleExpr};
use sea_orm::{ColumnTrait, EntityTrait, IdenStatic, QuerySelect, Select};

use crate::error::{AppError, AppResult};

/// `total + part` of two stored sums; past `i64` an error, never a wrapped number. (Inputs are
/// bounded, so only data stored by hand can get here.)
pub fn add(total: i64, part: i64) -> AppResult<i64> {
    total.checked_add(part).ok_or_else(AppError::overflow)
}

/// `total + part` of a sum that some days may lack (`None`: a day did not give it): `None` as
/// soon as either is, since a sum over only the days that have it would be a wrong figure.
pub fn add_known(total: Option<i64>, part: Option<i64>) -> AppResult<Option<i64>> {
    match (total, part) {
        (Some(total), Some(part)) => add(total, part).map(Some),
        _ => Ok(None),
    }
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

/// The sum of a column some rows may lack (NULL: not given), as [`add_known`] adds it: NULL as
/// soon as one row of the group is.
pub fn sum_known(col: impl ColumnTrait) -> SimpleExpr {
    let every_row = ExprTrait::eq(
        Func::count(Expr::col(col)),
        Func::count(Expr::col(Asterisk)),
    );
    let case = Expr::case(every_row, Func::sum(Expr::col(col)));
    let case: SimpleExpr = case.into();
    Func::cast_as(case, Alias::new("BIGINT")).into()
}

/// Adds `SUM(col) AS col` for each column, so a `FromQueryResult` struct with the columns' names
/// reads the sums.
pub fn select_sums<E: EntityTrait>(select: Select<E>, cols: &[E::Column]) -> Select<E> {
    cols.iter()
        .fold(select, |s, col| s.expr_as(sum(*col), col.as_str()))
}
