use async_graphql::{Context, Enum, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

use crate::entities::{Grade, MonthStatus, Role, bonus_adjustment, bonus_line, bonus_payout};
use crate::error::{AppError, AppResult};
use crate::graphql::staff::{Staff, load_staff};
use crate::graphql::{
    context::{actor, clock, db, loaders, team},
    id::Id,
    relay::{IdConnection, connection, page_request},
};
use crate::money::from_fen;
use crate::period::Month;
use crate::services::bonus::rules::{CommissionMetric, Input, Kind, RelativeMetric, Rule};
use crate::services::bonus::{self, Plan, Run};

/// A role's bonus plan in a team.
pub struct BonusPlan(pub Plan);

#[Object]
impl BonusPlan {
    async fn role(&self) -> Role {
        self.0.role
    }
    /// No plan was set: the role's default applies.
    async fn is_default(&self) -> bool {
        self.0.is_default
    }
    async fn updated_at(&self) -> Option<DateTime<Utc>> {
        self.0.updated_at
    }
    /// In payroll order.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn rules(&self) -> Vec<BonusRule> {
        self.0
            .rules
            .iter()
            .map(|r| BonusRule {
                code: r.code.clone(),
                kind: r.rule.kind(),
                params: r.rule.clone(),
            })
            .collect()
    }
}

/// One typed rule of a plan.
#[derive(SimpleObject)]
pub struct BonusRule {
    /// Its name and payroll column.
    pub code: String,
    pub kind: Kind,
    pub params: Rule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum BonusRunStatus {
    /// The month is open: recompute at will.
    Draft,
    /// The month is finalized: what is paid.
    Finalized,
}

/// A team's bonus run of a month.
pub struct BonusRun(pub Run);

#[Object]
impl BonusRun {
    async fn team_id(&self) -> Id {
        Id(self.0.run.team_id)
    }
    async fn month(&self) -> Month {
        Month::of(self.0.run.month)
    }
    async fn status(&self) -> BonusRunStatus {
        match self.0.status {
            MonthStatus::Open => BonusRunStatus::Draft,
            MonthStatus::Finalized => BonusRunStatus::Finalized,
        }
    }
    async fn computed_at(&self) -> DateTime<Utc> {
        self.0.run.computed_at
    }
    /// Who last computed it (null from the CLI).
    async fn computed_by(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, self.0.run.computed_by).await
    }
    /// Σ payouts the caller may see (a staff member: their own).
    async fn total(&self, ctx: &Context<'_>) -> AppResult<Decimal> {
        let total =
            crate::services::bonus::visible_total_fen(db(ctx), actor(ctx)?, &self.0.run).await?;
        Ok(from_fen(total))
    }
    /// Payouts by person (a staff member gets only their own), with their line items.
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn payouts(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 100)] first: i32,
        after: Option<String>,
        staff_id: Option<Id>,
    ) -> AppResult<IdConnection<BonusPayout>> {
        let after_given = after.is_some();
        let page = crate::services::bonus::payouts(
            db(ctx),
            actor(ctx)?,
            &self.0.run,
            staff_id.map(|s| s.0),
            page_request(first, after)?,
        )
        .await?;
        loaders(ctx)
            .prime_staff(page.items.iter().map(|(p, _)| p.staff_id), false)
            .await?;
        Ok(connection(
            page,
            after_given,
            |(p, _)| p.id,
            |(p, l)| BonusPayout(p, l),
        ))
    }
}

/// One person's payout: Σ line items (adjustments included), never below 0.
pub struct BonusPayout(pub bonus_payout::Model, pub Vec<bonus_line::Model>);

#[Object]
impl BonusPayout {
    async fn staff(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, Some(self.0.staff_id)).await
    }
    async fn role(&self) -> Role {
        self.0.role
    }
    /// The review's total score the run used (null: no KPI scored).
    async fn score(&self) -> AppResult<Option<Decimal>> {
        self.0
            .score
            .as_deref()
            .map(|s| {
                s.parse().map_err(|e| {
                    AppError::internal(anyhow::anyhow!("payout {} score: {e}", self.0.id))
                })
            })
            .transpose()
    }
    /// The final grade the run used.
    async fn grade(&self) -> Option<Grade> {
        self.0.grade
    }
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn lines(&self) -> Vec<BonusLine> {
        self.1.iter().cloned().map(BonusLine).collect()
    }
    /// Σ line amounts, which may be negative after deductions.
    async fn gross(&self) -> Decimal {
        from_fen(self.0.gross_fen)
    }
    /// What is paid: the gross, floored at 0.
    async fn total(&self) -> Decimal {
        from_fen(self.0.total_fen)
    }
}

/// A line item: a rule's (or an adjustment's) inputs, formula and amount (rounded half-up to
/// 0.01).
pub struct BonusLine(pub bonus_line::Model);

#[Object]
impl BonusLine {
    /// The rule's code (its payroll column), or ADJUSTMENT.
    async fn rule(&self) -> &str {
        &self.0.code
    }
    async fn kind(&self) -> AppResult<Kind> {
        Kind::parse(&self.0.kind)
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("bonus_line {} kind", self.0.id)))
    }
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn inputs(&self) -> AppResult<Vec<Input>> {
        crate::services::bonus::line_inputs(&self.0)
    }
    /// The computation with its values, e.g. `1500.00 × 87.5 / 100`.
    async fn formula(&self) -> &str {
        &self.0.formula
    }
    async fn amount(&self) -> Decimal {
        from_fen(self.0.amount_fen)
    }
}

/// A manager's manual adjustment of one person's bonus for a month.
pub struct BonusAdjustment(pub bonus_adjustment::Model);

#[Object]
impl BonusAdjustment {
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    async fn month(&self) -> Month {
        Month::of(self.0.month)
    }
    async fn staff(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, Some(self.0.staff_id)).await
    }
    /// Negative for a deduction.
    async fn amount(&self) -> Decimal {
        from_fen(self.0.amount_fen)
    }
    async fn reason(&self) -> &str {
        &self.0.reason
    }
    async fn created_by(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, self.0.created_by).await
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(Debug, InputObject)]
pub struct NewBonusAdjustment {
    pub team_id: Id,
    pub month: Month,
    pub staff_id: Id,
    /// Yuan, at most two decimals; negative deducts.
    pub amount: Decimal,
    /// Mandatory: why (kept in the audit trail).
    pub reason: String,
}

#[derive(Default)]
pub struct BonusQuery;

#[Object]
impl BonusQuery {
    /// Every role's bonus plan in the team (the default where none was set); any member.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn bonus_plans(&self, ctx: &Context<'_>, team_id: Id) -> AppResult<Vec<BonusPlan>> {
        let team = team(ctx, team_id.0).await?;
        Ok(crate::services::bonus::plans(db(ctx), team.id)
            .await?
            .into_iter()
            .map(BonusPlan)
            .collect())
    }

    /// The stored bonus run of a month (null before it is computed). Managers see every payout;
    /// a staff member sees only their own, once the month is finalized.
    async fn bonus_run(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        month: Month,
    ) -> AppResult<Option<BonusRun>> {
        let team = team(ctx, team_id.0).await?;
        Ok(
            crate::services::bonus::get_run(db(ctx), actor(ctx)?, team.id, month)
                .await?
                .map(BonusRun),
        )
    }

    /// The month's manual adjustments, oldest first; the team's manager.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::TEAM_PEOPLE, child_complexity)"
    )]
    async fn bonus_adjustments(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        month: Month,
    ) -> AppResult<Vec<BonusAdjustment>> {
        Ok(
            crate::services::bonus::adjustments(db(ctx), actor(ctx)?, team_id.0, month)
                .await?
                .into_iter()
                .map(BonusAdjustment)
                .collect(),
        )
    }

    /// The payroll CSV of the month's stored run: staff_id, staff, role, score, grade, one
    /// column per rule, ADJUSTMENT, total. The team's manager.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::TEAM_PEOPLE, crate::graphql::cost::ITEM_ROWS)"
    )]
    async fn payroll_csv(&self, ctx: &Context<'_>, team_id: Id, month: Month) -> AppResult<String> {
        crate::services::bonus::payroll::csv(db(ctx), actor(ctx)?, team_id.0, month).await
    }
}

#[derive(Default)]
pub struct BonusMutation;

#[Object]
impl BonusMutation {
    /// Replaces a role's bonus plan; the team's manager. Each rule gives its code and exactly
    /// one kind's parameters.
    async fn set_bonus_plan(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        role: Role,
        rules: Vec<BonusRuleInput>,
    ) -> AppResult<BonusPlan> {
        let plan = crate::services::bonus::set_plan(
            db(ctx),
            actor(ctx)?,
            team_id.0,
            role,
            rules.into_iter().map(Into::into).collect(),
            clock(ctx).now(),
        )
        .await?;
        Ok(BonusPlan(plan))
    }

    /// Puts a role back on its default plan; the team's manager.
    async fn reset_bonus_plan(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        role: Role,
    ) -> AppResult<BonusPlan> {
        Ok(BonusPlan(
            crate::services::bonus::reset_plan(db(ctx), actor(ctx)?, team_id.0, role).await?,
        ))
    }

    /// Recomputes the month's draft run (and its reviews) from the data; the team's manager.
    /// CONFLICT once the month is finalized.
    async fn compute_bonus_run(
        &self,
        ctx: &Context<'_>,
        team_id: Id,
        month: Month,
    ) -> AppResult<BonusRun> {
        let run = crate::services::bonus::recompute(
            db(ctx),
            actor(ctx)?,
            team_id.0,
            month,
            clock(ctx).now(),
        )
        .await?;
        Ok(BonusRun(run))
    }

    /// Adds a manual adjustment (audited) to an open month; counted from the next computation.
    async fn add_bonus_adjustment(
        &self,
        ctx: &Context<'_>,
        input: NewBonusAdjustment,
    ) -> AppResult<BonusAdjustment> {
        let made = crate::services::bonus::add_adjustment(
            db(ctx),
            actor(ctx)?,
            input.team_id.0,
            input.month,
            input.staff_id.0,
            input.amount,
            &input.reason,
            clock(ctx).now(),
        )
        .await?;
        Ok(BonusAdjustment(made))
    }

    /// Withdraws an adjustment of an open month, with a reason (audited).
    async fn remove_bonus_adjustment(
        &self,
        ctx: &Context<'_>,
        id: Id,
        reason: String,
    ) -> AppResult<BonusAdjustment> {
        let removed = crate::services::bonus::remove_adjustment(
            db(ctx),
            actor(ctx)?,
            id.0,
            &reason,
            clock(ctx).now(),
        )
        .await?;
        Ok(BonusAdjustment(removed))
    }
}

/// One rule of a plan: its code and exactly one of the kinds' parameters.
#[derive(Debug, Clone, Default, InputObject)]
pub struct BonusRuleInput {
    /// The rule's name and payroll column (A–Z, 0–9, _, upper-cased; unique in the plan);
    /// default the kind's name, e.g. COMMISSION.
    pub code: Option<String>,
    pub grade_bonus: Option<GradeBonusInput>,
    pub score_bonus: Option<ScoreBonusInput>,
    pub commission: Option<CommissionInput>,
    pub per_unit_over_threshold: Option<PerUnitOverThresholdInput>,
    pub team_relative: Option<TeamRelativeInput>,
}

impl From<BonusRuleInput> for bonus::BonusRuleInput {
    fn from(input: BonusRuleInput) -> Self {
        Self {
            code: input.code,
            grade_bonus: input.grade_bonus.map(Into::into),
            score_bonus: input.score_bonus.map(Into::into),
            commission: input.commission.map(Into::into),
            per_unit_over_threshold: input.per_unit_over_threshold.map(Into::into),
            team_relative: input.team_relative.map(Into::into),
        }
    }
}

/// base × the grade's coefficient.
#[derive(Debug, Clone, InputObject)]
pub struct GradeBonusInput {
    /// Yuan.
    pub base: Decimal,
    /// Default S 1.5, A 1.2, B 1.0, C 0.6, D 0.
    pub coefficients: Option<GradeCoefficientsInput>,
}

impl From<GradeBonusInput> for bonus::GradeBonusInput {
    fn from(input: GradeBonusInput) -> Self {
        Self {
            base: input.base,
            coefficients: input.coefficients.map(Into::into),
        }
    }
}

/// Each grade's coefficient; omitted ones keep their default (S 1.5, A 1.2, B 1.0, C 0.6, D 0).
#[derive(Debug, Clone, Default, InputObject)]
pub struct GradeCoefficientsInput {
    pub s: Option<Decimal>,
    pub a: Option<Decimal>,
    pub b: Option<Decimal>,
    pub c: Option<Decimal>,
    pub d: Option<Decimal>,
}

impl From<GradeCoefficientsInput> for bonus::GradeCoefficientsInput {
    fn from(input: GradeCoefficientsInput) -> Self {
        Self {
            s: input.s,
            a: input.a,
            b: input.b,
            c: input.c,
            d: input.d,
        }
    }
}

/// base × score / 100.
#[derive(Debug, Clone, InputObject)]
pub struct ScoreBonusInput {
    pub base: Decimal,
}

impl From<ScoreBonusInput> for bonus::ScoreBonusInput {
    fn from(input: ScoreBonusInput) -> Self {
        Self { base: input.base }
    }
}

/// metric × rate, the rate replaced by the highest tier of target completion met.
#[derive(Debug, Clone, InputObject)]
pub struct CommissionInput {
    pub metric: CommissionMetric,
    /// A fraction: 0.005 = 0.5 %.
    pub rate: Decimal,
    #[graphql(default)]
    pub tiers: Vec<CommissionTierInput>,
}

impl From<CommissionInput> for bonus::CommissionInput {
    fn from(input: CommissionInput) -> Self {
        Self {
            metric: input.metric,
            rate: input.rate,
            tiers: input.tiers.into_iter().map(Into::into).collect(),
        }
    }
}

#[derive(Debug, Clone, InputObject)]
pub struct CommissionTierInput {
    /// metric / target from which `rate` applies: 1.0 = 100 %.
    pub completion: Decimal,
    pub rate: Decimal,
}

impl From<CommissionTierInput> for bonus::CommissionTierInput {
    fn from(input: CommissionTierInput) -> Self {
        Self {
            completion: input.completion,
            rate: input.rate,
        }
    }
}

/// For each product the designer owns: max(units sold − threshold, 0) × amount.
#[derive(Debug, Clone, InputObject)]
pub struct PerUnitOverThresholdInput {
    /// Yuan per unit; default 1.00.
    pub amount: Option<Decimal>,
    /// Default 500.
    pub threshold: Option<i64>,
}

impl From<PerUnitOverThresholdInput> for bonus::PerUnitOverThresholdInput {
    fn from(input: PerUnitOverThresholdInput) -> Self {
        Self {
            amount: input.amount,
            threshold: input.threshold,
        }
    }
}

/// pool × own metric / the role's average (pooled for rates, mean per person otherwise).
#[derive(Debug, Clone, InputObject)]
pub struct TeamRelativeInput {
    pub pool: Decimal,
    pub metric: RelativeMetric,
}

impl From<TeamRelativeInput> for bonus::TeamRelativeInput {
    fn from(input: TeamRelativeInput) -> Self {
        Self {
            pool: input.pool,
            metric: input.metric,
        }
    }
}
