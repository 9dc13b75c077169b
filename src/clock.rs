//! The service's idea of "now". The daily loop (diagnosis dates, due times, overdue, the board)
//! reads it from here so that tests can play a whole working day, and the next morning, on a
//! clock they move by hand.

use std::sync::{Arc, RwLock};

use chrono::{DateTime, Utc};

#[derive(Debug, Clone, Default)]
pub enum Clock {
    #[default]
    System,
    /// Stands still until `set`.
    Manual(Arc<RwLock<DateTime<Utc>>>),
}

impl Clock {
    pub fn manual(at: DateTime<Utc>) -> Self {
        Self::Manual(Arc::new(RwLock::new(at)))
    }

    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Self::System => Utc::now(),
            Self::Manual(at) => *at.read().unwrap_or_else(|e| e.into_inner()),
        }
    }

    /// Moves a manual clock; a no-op on the system clock.
    pub fn set(&self, to: DateTime<Utc>) {
        if let Self::Manual(at) = self {
            *at.write().unwrap_or_else(|e| e.into_inner()) = to;
        }
    }
}
