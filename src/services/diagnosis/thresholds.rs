//! The thresholds of the diagnosis rules (§5): the defaults, and each team's overrides.

use std::collections::HashMap;

use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, EnumIter, Iterable, QueryFilter, Set};

use crate::db;
use crate::entities::diagnosis_threshold;
use crate::error::{AppError, AppResult};
use crate::services::auth::Actor;
use crate::validate::Checks;

/// A tunable number of a rule. Rates and ratios are fractions (0.70 = 70 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ThresholdKey {
    /// SALES_BELOW_TARGET is HIGH at this shortfall or more (0.20).
    SalesHighShortfall,
    /// ... and MEDIUM at this one or more (0.10); LOW below.
    SalesMediumShortfall,
    /// TRAFFIC_DROP: visitors under this share of the 7-day mean (0.80).
    TrafficDropRatio,
    /// CONVERSION_DROP: conversion under this share of the 7-day mean (0.85).
    ConversionDropRatio,
    /// BOUNCE_HIGH: bounce rate above this (0.70).
    BounceRateMax,
    /// VISIT_DEPTH_LOW: page views per visitor under this (2.5).
    VisitDepthMin,
    /// AOV_STRUCTURE: shop AOV under this multiple of the best-selling hero product's (1.3).
    AovHeroMultiple,
    /// REFUND_SPIKE: refund rate above this multiple of its 30-day mean (1.5).
    RefundSpikeMultiple,
    /// CS_CONVERSION_LAG: agents with at least this many inquiries are judged (20).
    CsMinInquiries,
    /// CS_CONVERSION_LAG: this far under the team's conversion, as a fraction (0.05 = 5 points).
    CsConversionGap,
    /// CS_SLOW_RESPONSE: average first response above this many seconds (30).
    CsFirstResponseMax,
    /// AD_ROI_LOW: the ROI a channel must reach when the team has no ROI target (2.0).
    AdRoiMin,
    /// AD_CTR_DROP: a channel's CTR under this share of its 7-day CTR (0.80).
    AdCtrDropRatio,
    /// STOCK_LOW: a hero product's stock under this many days of its 7-day mean sales (7).
    StockCoverDays,
    /// COMPETITOR_PRICE_CUT: a price at or under this share of the previous snapshot (0.90).
    CompetitorPriceRatio,
    /// DSR_LOW: any DSR score under this (4.8).
    DsrMin,
    /// DSR_LOW: any DSR score down this much or more from the day before (0.01).
    DsrDrop,
}

impl ThresholdKey {
    /// Every key, in declaration order: the enum lists itself, so a new key needs no count.
    pub fn all() -> impl ExactSizeIterator<Item = ThresholdKey> {
        Self::iter()
    }

    /// The default of §5.
    pub fn default_value(self) -> Decimal {
        let (m, scale) = match self {
            Self::SalesHighShortfall => (20, 2),
            Self::SalesMediumShortfall => (10, 2),
            Self::TrafficDropRatio => (80, 2),
            Self::ConversionDropRatio => (85, 2),
            Self::BounceRateMax => (70, 2),
            Self::VisitDepthMin => (25, 1),
            Self::AovHeroMultiple => (13, 1),
            Self::RefundSpikeMultiple => (15, 1),
            Self::CsMinInquiries => (20, 0),
            Self::CsConversionGap => (5, 2),
            Self::CsFirstResponseMax => (30, 0),
            Self::AdRoiMin => (20, 1),
            Self::AdCtrDropRatio => (80, 2),
            Self::StockCoverDays => (7, 0),
            Self::CompetitorPriceRatio => (90, 2),
            Self::DsrMin => (48, 1),
            Self::DsrDrop => (1, 2),
        };
        Decimal::new(m, scale).normalize()
    }

    /// The name stored in the database (and the GraphQL enum's, a test there checks).
    pub fn key(self) -> String {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(name)) => name,
            _ => unreachable!("a unit enum serializes to its name"),
        }
    }
}

/// A team's thresholds: its overrides over the defaults.
#[derive(Debug, Clone, Default)]
pub struct Thresholds(HashMap<ThresholdKey, Decimal>);

impl Thresholds {
    pub fn get(&self, key: ThresholdKey) -> Decimal {
        self.0
            .get(&key)
            .copied()
            .unwrap_or_else(|| key.default_value())
    }

    pub fn is_default(&self, key: ThresholdKey) -> bool {
        !self.0.contains_key(&key)
    }
}

pub async fn load(db: &DatabaseConnection, team_id: i64) -> AppResult<Thresholds> {
    let rows = diagnosis_threshold::Entity::find()
        .filter(diagnosis_threshold::Column::TeamId.eq(team_id))
        .all(db)
        .await?;
    let mut set = HashMap::new();
    for row in rows {
        let Some(key) = ThresholdKey::all().find(|k| k.key() == row.key) else {
            continue; // a key this version no longer has
        };
        let value = row.value.parse().map_err(|e| {
            AppError::internal(anyhow::anyhow!(
                "threshold {} holds {:?}: {e}",
                row.id,
                row.value
            ))
        })?;
        set.insert(key, value);
    }
    Ok(Thresholds(set))
}

#[derive(Debug)]
pub struct ThresholdInput {
    pub key: ThresholdKey,
    pub value: Option<Decimal>,
}

/// Changes a team's thresholds, all or nothing; the team's manager or an admin.
pub async fn set(
    db: &DatabaseConnection,
    actor: &Actor,
    team_id: i64,
    inputs: Vec<ThresholdInput>,
) -> AppResult<Thresholds> {
    actor.ensure_manager_of(team_id)?;
    crate::services::teams::get_active(db, team_id).await?;
    let mut checks = Checks::default();
    for (i, t) in inputs.iter().enumerate() {
        checks.at_row(i + 1);
        if let Some(v) = t.value {
            checks.setting("value", v);
        }
        if t.value.is_some_and(|v| v < Decimal::ZERO) {
            checks.fail("value", "must not be negative");
        }
    }
    checks.finish()?;
    let tx = db::begin_write(db).await?;
    for t in inputs {
        let by_key = diagnosis_threshold::Column::Key.eq(t.key.key());
        match t.value {
            None => {
                diagnosis_threshold::Entity::delete_many()
                    .filter(diagnosis_threshold::Column::TeamId.eq(team_id))
                    .filter(by_key)
                    .exec(&tx)
                    .await?;
            }
            Some(value) => {
                let row = diagnosis_threshold::ActiveModel {
                    team_id: Set(team_id),
                    key: Set(t.key.key()),
                    value: Set(value.normalize().to_string()),
                    updated_at: Set(Utc::now()),
                    ..Default::default()
                };
                diagnosis_threshold::Entity::insert(row)
                    .on_conflict(
                        OnConflict::columns([
                            diagnosis_threshold::Column::TeamId,
                            diagnosis_threshold::Column::Key,
                        ])
                        .update_columns([
                            diagnosis_threshold::Column::Value,
                            diagnosis_threshold::Column::UpdatedAt,
                        ])
                        .to_owned(),
                    )
                    .exec(&tx)
                    .await?;
            }
        }
    }
    tx.commit().await?;
    load(db, team_id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_listed_once_with_a_stored_name_of_its_own() {
        let keys: Vec<ThresholdKey> = ThresholdKey::all().collect();
        // The 17 tunable numbers of §5.
        assert_eq!(keys.len(), 17);
        let names: std::collections::HashSet<String> = keys.iter().map(|k| k.key()).collect();
        assert_eq!(names.len(), 17);
        assert_eq!(keys[0], ThresholdKey::SalesHighShortfall);
        assert_eq!(keys[16], ThresholdKey::DsrDrop);
    }
}
