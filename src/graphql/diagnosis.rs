use crate::graphql::scalars::{DateTime, Decimal};
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject};

use crate::entities::{diagnosis, finding};
use crate::error::AppResult;
use crate::graphql::enums::{Comparison, FindingCode, Role, Severity};
use crate::graphql::metrics::GmvSplit;
use crate::graphql::staff::{Staff, load_staff};
use crate::graphql::{
    context::{actor, clock, db, team},
    id::Id,
};
use crate::money::from_fen;
use crate::period::Date;
use crate::services::diagnosis::thresholds::{self, Thresholds};

pub struct Diagnosis(pub diagnosis::Model);

/// The morning diagnosis of a team's day (§5): the rules that fired and those skipped.
#[Object]
impl Diagnosis {
    /// The diagnosis's id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// The team diagnosed.
    async fn team_id(&self) -> Id {
        Id(self.0.team_id)
    }
    /// The day whose numbers were diagnosed.
    async fn date(&self) -> Date {
        self.0.date.into()
    }
    /// When it was (last) run.
    async fn ran_at(&self) -> DateTime {
        self.0.ran_at.into()
    }
    /// Who ran it (null when run from the CLI).
    async fn ran_by(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, self.0.ran_by).await
    }
    /// The findings, most severe first (in rule order within a severity). Bounded: the findings
    /// of one day's rules.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::DAY_ITEMS, child_complexity)"
    )]
    async fn findings(&self, ctx: &Context<'_>) -> AppResult<Vec<Finding>> {
        let list = crate::services::diagnosis::findings(db(ctx), self.0.id).await?;
        Ok(list.into_iter().map(Finding).collect())
    }
    /// Rules that could not run for lack of their own inputs, and why. Bounded: at most one per
    /// rule.
    #[graphql(
        complexity = "crate::graphql::cost::rows(thresholds::ThresholdKey::all().len(), child_complexity)"
    )]
    async fn skipped(&self) -> AppResult<Vec<SkippedRule>> {
        Ok(crate::services::diagnosis::skipped(&self.0)?
            .into_iter()
            .map(|s| SkippedRule {
                code: s.code.into(),
                reason: s.reason,
            })
            .collect())
    }
}

/// A rule the diagnosis could not run.
#[derive(SimpleObject)]
pub struct SkippedRule {
    /// The rule.
    pub code: FindingCode,
    /// Why, e.g. the day's missing input.
    pub reason: String,
}

pub struct Finding(pub finding::Model);

/// A rule that fired (§5).
#[Object]
impl Finding {
    /// The finding's id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// The diagnosis it belongs to.
    async fn diagnosis_id(&self) -> Id {
        Id(self.0.diagnosis_id)
    }
    /// The rule that fired.
    async fn code(&self) -> FindingCode {
        self.0.code.into()
    }
    /// What the finding is about within its code: "" for the shop, `staff:<id>`,
    /// `product:<id>`, `channel:<CHANNEL>` or `channel:<CHANNEL>:staff:<id>`,
    /// `competitor:<name>:<item>`, `dsr:<dimension>`, or the missing table.
    async fn subject(&self) -> &str {
        &self.0.subject
    }
    /// How serious it is.
    async fn severity(&self) -> Severity {
        self.0.severity.into()
    }
    /// The §3 metric the rule looked at (`bounce_rate`, `inquiry_conversion`, `roi`...).
    async fn metric(&self) -> &str {
        &self.0.metric
    }
    /// The day's value: yuan for money, a fraction for rates, seconds, counts.
    async fn observed(&self) -> Option<Decimal> {
        crate::services::diagnosis::decimal(&self.0.observed).map(Into::into)
    }
    /// What it was held against (the target, the 7-day mean, the team, the threshold...).
    async fn expected(&self) -> Option<Decimal> {
        crate::services::diagnosis::decimal(&self.0.expected).map(Into::into)
    }
    /// What `observed` was compared with.
    async fn comparison(&self) -> Comparison {
        self.0.comparison.into()
    }
    /// The role expected to act on it.
    async fn owner_role(&self) -> Role {
        self.0.owner_role.into()
    }
    /// The agent or channel owner the rule names, if it names one.
    async fn owner_staff(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, self.0.owner_staff_id).await
    }
    /// What was found, in words.
    async fn message(&self) -> &str {
        &self.0.message
    }
    /// What the owner could do about it.
    async fn suggested_action(&self) -> &str {
        &self.0.suggested_action
    }
    /// SALES_BELOW_TARGET: the day against the 7-day mean, split into traffic / conversion /
    /// AOV shares of the log change (§3 identity).
    async fn split(&self) -> Option<GmvSplit> {
        let f = &self.0;
        Some(GmvSplit {
            gmv_change: from_fen(f.gmv_change_fen?).into(),
            traffic_share: f.traffic_share?,
            conversion_share: f.conversion_share?,
            aov_share: f.aov_share?,
        })
    }
    /// False when a re-run no longer found it (kept because a task refers to it).
    async fn current(&self) -> bool {
        self.0.current
    }
}

/// A tunable number of a rule. Rates and ratios are fractions (0.70 = 70 %).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "thresholds::ThresholdKey")]
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

/// A threshold of the team's diagnosis rules, in its key's unit (see ThresholdKey).
#[derive(SimpleObject)]
pub struct Threshold {
    /// Which threshold.
    pub key: ThresholdKey,
    /// The value in force: the team's own, else the default.
    pub value: Decimal,
    /// §5's default.
    pub default_value: Decimal,
    /// True when the team has not set its own.
    pub is_default: bool,
}

fn listed(t: &Thresholds) -> Vec<Threshold> {
    thresholds::ThresholdKey::all()
        .map(|key| Threshold {
            key: key.into(),
            value: t.get(key).into(),
            default_value: key.default_value().into(),
            is_default: t.is_default(key),
        })
        .collect()
}

#[derive(Default)]
pub struct DiagnosisQuery;

#[Object]
impl DiagnosisQuery {
    /// The team's diagnosis of a day (null if it has not been run). Every member of the team.
    async fn diagnosis(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team.")] team_id: Id,
        #[graphql(desc = "The day diagnosed (the team's local day).")] date: Date,
    ) -> AppResult<Option<Diagnosis>> {
        let team = team(ctx, team_id.0).await?;
        Ok(crate::services::diagnosis::of_day(db(ctx), team.id, date.0)
            .await?
            .map(Diagnosis))
    }

    /// The thresholds the team's rules use: its own where set, else §5's defaults. Every member of
    /// the team. Bounded: one per ThresholdKey.
    #[graphql(
        complexity = "crate::graphql::cost::rows(thresholds::ThresholdKey::all().len(), child_complexity)"
    )]
    async fn diagnosis_thresholds(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team.")] team_id: Id,
    ) -> AppResult<Vec<Threshold>> {
        let team = team(ctx, team_id.0).await?;
        Ok(listed(&thresholds::load(db(ctx), team.id).await?))
    }
}

#[derive(Default)]
pub struct DiagnosisMutation;

#[Object]
impl DiagnosisMutation {
    /// Runs (or re-runs) the morning diagnosis of a day, by default yesterday in the team's time
    /// zone; the team's manager or an admin.
    async fn run_diagnosis(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team and day to diagnose.")] input: RunDiagnosisInput,
    ) -> AppResult<RunDiagnosisPayload> {
        let (diagnosis, _) = crate::services::diagnosis::run(
            db(ctx),
            actor(ctx)?,
            input.team_id.0,
            input.date.map(|d| d.0),
            clock(ctx).now(),
        )
        .await?;
        Ok(RunDiagnosisPayload {
            diagnosis: Diagnosis(diagnosis),
        })
    }

    /// Changes thresholds (null value: back to the default); the team's manager or an admin.
    async fn set_diagnosis_thresholds(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Thresholds of a team to change.")] input: SetDiagnosisThresholdsInput,
    ) -> AppResult<SetDiagnosisThresholdsPayload> {
        let set = thresholds::set(
            db(ctx),
            actor(ctx)?,
            input.team_id.0,
            input.thresholds.into_iter().map(Into::into).collect(),
        )
        .await?;
        Ok(SetDiagnosisThresholdsPayload {
            thresholds: listed(&set),
        })
    }
}

/// The team and day to diagnose.
#[derive(InputObject)]
pub struct RunDiagnosisInput {
    /// The team.
    pub team_id: Id,
    /// The team's local day; by default yesterday in the team's time zone.
    pub date: Option<Date>,
}

/// What `runDiagnosis` found.
#[derive(SimpleObject)]
pub struct RunDiagnosisPayload {
    /// The day's diagnosis, as this run made it.
    diagnosis: Diagnosis,
}

/// Thresholds of a team to change.
#[derive(InputObject)]
pub struct SetDiagnosisThresholdsInput {
    /// The team.
    pub team_id: Id,
    /// Each changes one threshold; those not named keep their value.
    pub thresholds: Vec<ThresholdInput>,
}

/// What `setDiagnosisThresholds` saved.
#[derive(SimpleObject)]
pub struct SetDiagnosisThresholdsPayload {
    /// Every threshold of the team, as now in force.
    thresholds: Vec<Threshold>,
}

/// A threshold of the diagnosis and its new value.
#[derive(Debug, InputObject)]
pub struct ThresholdInput {
    /// The threshold to change.
    pub key: ThresholdKey,
    /// The new value, or null to go back to the default.
    pub value: Option<Decimal>,
}

impl From<ThresholdInput> for thresholds::ThresholdInput {
    fn from(input: ThresholdInput) -> Self {
        Self {
            key: input.key.into(),
            value: input.value.map(Into::into),
        }
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::EnumType;

    use super::*;

    #[test]
    fn every_threshold_is_stored_under_its_name_in_the_api() {
        let api: Vec<&str> = ThresholdKey::items().iter().map(|i| i.name).collect();
        let stored: Vec<String> = thresholds::ThresholdKey::all().map(|k| k.key()).collect();
        assert_eq!(api, stored);
    }
}
