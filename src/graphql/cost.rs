//! What an operation costs, and the limit on it. A field costs 1 plus its children; a list costs
//! the rows it can return times the cost of one row, so the limit bounds how much an answer can
//! hold, not just how many fields a query names. The functions here are the list fields'
//! `#[graphql(complexity = "...")]`; they saturate, so no argument can overflow the sum.

use std::sync::{
    Arc,
    atomic::{AtomicUsize, Ordering},
};

use async_graphql::ServerError;
use chrono::{Datelike, Duration};

use crate::pagination::MAX_PAGE_SIZE;
use crate::period::{Date, Granularity, MAX_RANGE_DAYS};

/// The people of one team, for the plain lists with a row per person (KPIs, reviews, the design
/// and ad reports by person). A larger team still answers; its lists are costed as this many.
pub const TEAM_PEOPLE: usize = 50;

/// The rows of a short list that grows with use: a person's aliases, a task's follow-ups and
/// audit trail, a plan's rules, a rule's tiers and inputs, a payout's lines.
pub const ITEM_ROWS: usize = 10;

/// The findings of one diagnosis, and the tasks of one role on the daily board (or awaiting
/// verification).
pub const DAY_ITEMS: usize = 50;

/// A text that may be long (up to 4000 characters: a task's detail, a follow-up, an audit entry's
/// values, a review's comment) costs as many short values as a typical one holds; the response
/// limit stops the rare answer of many long ones.
pub const LONG_TEXT: usize = 10;

/// No single field costs more than this, so summing siblings cannot overflow.
const FIELD_CEILING: usize = u32::MAX as usize;

/// `rows` rows of `child_complexity` each.
pub fn rows(rows: usize, child_complexity: usize) -> usize {
    rows.saturating_mul(child_complexity).min(FIELD_CEILING)
}

/// A page of `first` (validated 1..=100 by the resolver; anything else is costed as 100).
pub fn page(first: i32, child_complexity: usize) -> usize {
    let first = if (1..=MAX_PAGE_SIZE).contains(&first) {
        first
    } else {
        MAX_PAGE_SIZE
    };
    rows(first as usize, child_complexity)
}

/// The buckets of `from..=to` at `granularity`, as the dashboards clip them. A range the
/// resolver refuses (reversed, or longer than [`MAX_RANGE_DAYS`]) is costed as the longest
/// allowed one, so that each alias of it still counts.
pub fn periods(from: Date, to: Date, granularity: Granularity) -> usize {
    let (from, to) = (from.0, to.0);
    let to = if to < from || (to - from).num_days() >= MAX_RANGE_DAYS {
        from + Duration::days(MAX_RANGE_DAYS - 1)
    } else {
        to
    };
    let (first, last) = (granularity.bucket(from), granularity.bucket(to));
    let count = match granularity {
        Granularity::Day => (last - first).num_days() + 1,
        Granularity::Week => (last - first).num_days() / 7 + 1,
        Granularity::Month => {
            i64::from(last.year() - first.year()) * 12 + i64::from(last.month())
                - i64::from(first.month())
                + 1
        }
    };
    usize::try_from(count).unwrap_or(0)
}

/// What the operations of one HTTP request have spent together. Each operation of a batch is
/// checked against the limit alone and then against what the batch has left, so a batch of ten
/// costs at most what one operation may.
#[derive(Default, Clone)]
pub struct BatchBudget(Arc<AtomicUsize>);

/// Refuses, before it runs, an operation that costs more than `max`, or more than its batch has
/// left (`budget`, the request's [`BatchBudget`]). The error names the cost and the limit. Run on
/// every validated operation by [`super::guards`].
pub fn check(cost: usize, max: usize, budget: Option<&BatchBudget>) -> Result<(), ServerError> {
    if cost > max {
        return Err(too_complex(
            format!("query is too complex: it costs {cost}, the limit is {max}"),
            cost,
            max,
        ));
    }
    if let Some(BatchBudget(spent)) = budget
        && let Err(before) = spent.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |spent| {
            Some(spent.saturating_add(cost)).filter(|&total| total <= max)
        })
    {
        return Err(too_complex(
            format!(
                "batch is too complex: this operation costs {cost} and the batch's others \
                 {before}, the limit is {max} for all together"
            ),
            cost,
            max,
        ));
    }
    Ok(())
}

fn too_complex(message: String, cost: usize, max: usize) -> ServerError {
    let mut err = ServerError::new(message, None);
    let ext = err.extensions.get_or_insert_with(Default::default);
    ext.set("code", "BAD_USER_INPUT");
    ext.set("cost", cost);
    ext.set("limit", max);
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date(s.parse().unwrap())
    }

    #[test]
    fn periods_count_the_clipped_buckets() {
        let g = Granularity::Day;
        assert_eq!(periods(d("2026-01-01"), d("2026-12-31"), g), 365);
        // 2026-11-22 is a Sunday: its week, then the week of Monday 11-23.
        assert_eq!(
            periods(d("2026-11-22"), d("2026-11-23"), Granularity::Week),
            2
        );
        assert_eq!(
            periods(d("2026-01-31"), d("2027-02-01"), Granularity::Month),
            14
        );
        // Refused ranges cost the longest allowed one.
        assert_eq!(periods(d("2026-01-01"), d("2030-01-01"), g), 1100);
        assert_eq!(periods(d("2026-01-02"), d("2026-01-01"), g), 1100);
    }

    #[test]
    fn pages_and_rows_saturate() {
        assert_eq!(page(-1, 3), 300);
        assert_eq!(page(7, 3), 21);
        assert_eq!(rows(usize::MAX, 2), FIELD_CEILING);
    }
}
