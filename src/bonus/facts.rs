//! What the bonus rules read about each reviewed person's month, taken from the month's facts
//! (loaded once for the reviews and the run, a fixed number of aggregate queries whatever the
//! team's size).

use std::collections::HashMap;

use rust_decimal::Decimal;

use super::rules::Person;
use crate::entities::{Metric, review};
use crate::error::{AppError, AppResult};
use crate::metrics::month::{MonthFacts, Quotient};

/// Each reviewed person's month, in the reviews' order. Everyone can be paid on the shop's
/// metrics; the rest are their role's own.
pub fn people(facts: &MonthFacts, reviews: &[review::Model]) -> AppResult<Vec<Person>> {
    reviews
        .iter()
        .map(|r| {
            let score = r
                .total
                .as_deref()
                .map(str::parse::<Decimal>)
                .transpose()
                .map_err(|e| AppError::internal(anyhow::anyhow!("review {} total: {e}", r.id)))?;
            let mut metrics: HashMap<Metric, Quotient> = facts.shop_metrics().into();
            metrics.extend(facts.own_metrics(r.staff_id, r.role));
            Ok(Person {
                staff_id: r.staff_id,
                role: r.role,
                score,
                grade: r.grade,
                metrics,
                targets: facts.targets_of(r.staff_id),
                products: facts.owned_products(r.staff_id).to_vec(),
            })
        })
        .collect()
}
