//! The rows written by the imports a process committed, by kind: plain counts, for whoever
//! reports them (the app's `/metrics`).

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use super::history::ImportOutcome;
use super::kind::Kind;

#[derive(Debug, Default)]
pub struct Tally(Mutex<HashMap<Kind, ImportOutcome>>);

impl Tally {
    /// Adds a committed import's rows.
    pub fn note(&self, kind: Kind, outcome: ImportOutcome) {
        let mut counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let total = counts.entry(kind).or_default();
        total.inserted += outcome.inserted;
        total.updated += outcome.updated;
    }

    /// The rows of `kind` noted so far.
    pub fn of(&self, kind: Kind) -> ImportOutcome {
        let counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        counts.get(&kind).copied().unwrap_or_default()
    }
}
