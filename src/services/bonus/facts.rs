//! What the bonus rules read about each reviewed person's month, taken from the month's facts
//! (loaded once for the reviews and the run, a fixed number of aggregate queries whatever the
//! team's size).

use super::rules::Person;
use crate::entities::{Metric, review};
use crate::error::AppResult;
use crate::services::metrics::month::MonthFacts;

/// Each reviewed person's month, in the reviews' order, with the metrics `metrics` (those the
/// plans pay on): their own where the metric is their role's, else the team's.
pub fn people(
    facts: &MonthFacts,
    reviews: &[review::Model],
    metrics: &[Metric],
) -> AppResult<Vec<Person>> {
    reviews
        .iter()
        .map(|r| {
            Ok(Person {
                staff_id: r.staff_id,
                role: r.role,
                score: crate::services::reviews::total(r)?,
                grade: r.grade,
                metrics: metrics
                    .iter()
                    .filter_map(|m| Some((*m, facts.quotient(r.staff_id, r.role, *m)?)))
                    .collect(),
                targets: facts.targets_of(r.staff_id),
                products: facts.owned_products(r.staff_id).to_vec(),
            })
        })
        .collect()
}
