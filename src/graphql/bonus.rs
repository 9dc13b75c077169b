use crate::graphql::scalars::{DateTime, Decimal};
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject, Union};

use crate::entities::{self, bonus_adjustment, bonus_line, bonus_payout};
use crate::error::{AppError, AppResult};
use crate::graphql::enums::{Grade, Role};
use crate::graphql::staff::{Staff, load_staff};
use crate::graphql::{
    context::{actor, clock, db, loaders, team},
    id::Id,
    relay::{IdConnection, connection, page_request},
};
use crate::money::from_fen;
use crate::period::Month;
use crate::services::bonus::rules::{self, Kind, Rule};
use crate::services::bonus::{self, Plan, Run};

pub struct BonusPlan(pub Plan);

/// A role's bonus plan in a team.
#[Object]
impl BonusPlan {
    /// The role the plan pays.
    async fn role(&self) -> Role {
        self.0.role.into()
    }
    /// No plan was set: the role's default applies.
    async fn is_default(&self) -> bool {
        self.0.is_default
    }
    /// When the plan was last set; null for a default plan.
    async fn updated_at(&self) -> Option<DateTime> {
        self.0.updated_at.map(Into::into)
    }
    /// In payroll order. Bounded by the plan as saved.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn rules(&self) -> Vec<BonusRule> {
        self.0
            .rules
            .iter()
            .map(|r| BonusRule {
                code: r.code.clone(),
                kind: r.rule.kind().into(),
                params: r.rule.clone().into(),
            })
            .collect()
    }
}

/// One typed rule of a plan.
#[derive(SimpleObject)]
pub struct BonusRule {
    /// Its name and payroll column.
    pub code: String,
    /// The rule's kind.
    pub kind: BonusKind,
    /// The kind's parameters.
    pub params: BonusRuleParams,
}

/// What a line item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::services::bonus::rules::Kind")]
pub enum BonusKind {
    /// base × the grade's coefficient.
    GradeBonus,
    /// base × score / 100.
    ScoreBonus,
    /// A money metric × a rate, the rate rising by tiers of target completion.
    Commission,
    /// Σ over the products a designer owns of max(units − threshold, 0) × amount.
    PerUnitOverThreshold,
    /// pool × own metric / the average of the people of the same role.
    TeamRelative,
    /// A manager's manual adjustment, with its reason.
    Adjustment,
}

/// One typed rule of a plan, with its parameters.
#[derive(Union)]
pub enum BonusRuleParams {
    GradeBonus(GradeBonus),
    ScoreBonus(ScoreBonus),
    Commission(Commission),
    PerUnitOverThreshold(PerUnitOverThreshold),
    TeamRelative(TeamRelative),
}

impl From<Rule> for BonusRuleParams {
    fn from(rule: Rule) -> Self {
        match rule {
            Rule::GradeBonus(p) => Self::GradeBonus(GradeBonus(p)),
            Rule::ScoreBonus(p) => Self::ScoreBonus(ScoreBonus(p)),
            Rule::Commission(p) => Self::Commission(Commission(p)),
            Rule::PerUnitOverThreshold(p) => Self::PerUnitOverThreshold(PerUnitOverThreshold(p)),
            Rule::TeamRelative(p) => Self::TeamRelative(TeamRelative(p)),
        }
    }
}

pub struct GradeBonus(rules::GradeBonus);

/// base × the grade's coefficient.
#[Object]
impl GradeBonus {
    /// Yuan, paid at a coefficient of 1.
    async fn base(&self) -> Decimal {
        self.0.base.into()
    }
    /// Each grade's coefficient.
    async fn coefficients(&self) -> GradeCoefficients {
        GradeCoefficients(self.0.coefficients.clone())
    }
}

pub struct GradeCoefficients(rules::Coefficients);

/// The grade coefficients of a GRADE_BONUS (§8 defaults: S 1.5, A 1.2, B 1.0, C 0.6, D 0).
#[Object]
impl GradeCoefficients {
    /// Grade S's coefficient.
    async fn s(&self) -> Decimal {
        self.0.s.into()
    }
    /// Grade A's coefficient.
    async fn a(&self) -> Decimal {
        self.0.a.into()
    }
    /// Grade B's coefficient.
    async fn b(&self) -> Decimal {
        self.0.b.into()
    }
    /// Grade C's coefficient.
    async fn c(&self) -> Decimal {
        self.0.c.into()
    }
    /// Grade D's coefficient.
    async fn d(&self) -> Decimal {
        self.0.d.into()
    }
}

pub struct ScoreBonus(rules::ScoreBonus);

/// base × score / 100.
#[Object]
impl ScoreBonus {
    /// Yuan, paid in full at score 100.
    async fn base(&self) -> Decimal {
        self.0.base.into()
    }
}

pub struct Commission(rules::Commission);

/// metric × rate, the rate replaced by the highest tier of target completion met.
#[Object]
impl Commission {
    /// The amount the rate applies to.
    async fn metric(&self) -> CommissionMetric {
        self.0.metric.into()
    }
    /// A fraction (0.005 = 0.5 %), paid below the lowest tier (or without a target).
    async fn rate(&self) -> Decimal {
        self.0.rate.into()
    }
    /// Ascending by completion; the highest one met applies. Bounded by the plan as saved.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn tiers(&self) -> Vec<CommissionTier> {
        self.0.tiers.iter().cloned().map(CommissionTier).collect()
    }
}

pub struct CommissionTier(rules::Tier);

/// From `completion` (metric / target, 1.0 = 100 %) on, `rate` replaces the base rate.
#[Object]
impl CommissionTier {
    /// metric / target from which `rate` applies: 1.0 = 100 %.
    async fn completion(&self) -> Decimal {
        self.0.completion.into()
    }
    /// The rate from that completion on, a fraction: 0.008 = 0.8 %.
    async fn rate(&self) -> Decimal {
        self.0.rate.into()
    }
}

/// The money metrics a commission can be paid on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::services::bonus::rules::CommissionMetric")]
pub enum CommissionMetric {
    /// The agent's 客服销售额.
    SalesAmount,
    /// The ad owner's attributed sales.
    AttributedAmount,
    /// The shop's 支付金额.
    PaidAmount,
    /// The shop's net profit (a loss pays nothing).
    NetProfit,
}

pub struct PerUnitOverThreshold(rules::PerUnitOverThreshold);

/// For each product the designer owns: max(units sold − threshold, 0) × amount.
#[Object]
impl PerUnitOverThreshold {
    /// Yuan paid per unit sold above the threshold.
    async fn amount(&self) -> Decimal {
        self.0.amount.into()
    }
    /// Units per product per month that earn nothing.
    async fn threshold(&self) -> i64 {
        self.0.threshold
    }
}

pub struct TeamRelative(rules::TeamRelative);

/// pool × own metric / the role's average (pooled for rates, mean per person otherwise).
#[Object]
impl TeamRelative {
    /// Yuan, the amount at the role's average.
    async fn pool(&self) -> Decimal {
        self.0.pool.into()
    }
    /// The metric compared with the role's average.
    async fn metric(&self) -> RelativeMetric {
        self.0.metric.into()
    }
}

/// What a TEAM_RELATIVE rule compares: the review score or a higher-is-better metric of §3.
/// Rates (and other ratios) are compared with the role's pooled value, amounts, counts and
/// scores with the mean per person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "crate::services::bonus::rules::RelativeMetric")]
pub enum RelativeMetric {
    /// The review's total score (mean per person among those scored).
    Score,
    /// 客服销售额 (mean per person).
    SalesAmount,
    /// 询单→最终付款转化率 (pooled).
    InquiryConversion,
    /// 客服客单价 (pooled).
    CsAov,
    /// 回复率 (pooled).
    ReplyRate,
    /// Design pieces on time / delivered (pooled).
    OnTimeRate,
    /// Design pieces delivered (mean per person).
    Delivered,
    /// Conversion of the products a designer owns (pooled).
    OwnedConversion,
    /// Ad ROI of the channels a person owns (pooled).
    Roi,
    /// Ad CTR of the channels a person owns (pooled).
    Ctr,
    /// Ad-attributed sales (mean per person).
    AttributedAmount,
    /// The shop's paid amount.
    PaidAmount,
    /// The shop's conversion.
    ConversionRate,
    /// The shop's net profit.
    NetProfit,
}

/// Whether a bonus run is still a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum BonusRunStatus {
    /// The month is open: recompute at will.
    Draft,
    /// The month is finalized: what is paid.
    Finalized,
}

pub struct BonusRun(pub Run);

/// A team's bonus run of a month.
#[Object]
impl BonusRun {
    /// The team.
    async fn team_id(&self) -> Id {
        Id(self.0.run.team_id)
    }
    /// The month paid.
    async fn month(&self) -> Month {
        Month::of(self.0.run.month)
    }
    /// DRAFT while the month is open, FINALIZED once it is.
    async fn status(&self) -> BonusRunStatus {
        match self.0.status {
            entities::MonthStatus::Open => BonusRunStatus::Draft,
            entities::MonthStatus::Finalized => BonusRunStatus::Finalized,
        }
    }
    /// When it was last computed.
    async fn computed_at(&self) -> DateTime {
        self.0.run.computed_at.into()
    }
    /// Who last computed it (null from the CLI).
    async fn computed_by(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, self.0.run.computed_by).await
    }
    /// Σ payouts the caller may see (a staff member: their own).
    async fn total(&self, ctx: &Context<'_>) -> AppResult<Decimal> {
        let total =
            crate::services::bonus::visible_total_fen(db(ctx), actor(ctx)?, &self.0.run).await?;
        Ok(from_fen(total).into())
    }
    /// Payouts by person (a staff member gets only their own), with their line items. A Relay
    /// connection (`first` at most 100).
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn payouts(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Page size, 1 to 100.", default = 100)] first: i32,
        #[graphql(desc = "The cursor of the last edge of the previous page.")] after: Option<
            String,
        >,
        #[graphql(
            desc = "Only this person's payout. Staff may name only themselves (else FORBIDDEN)."
        )]
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

pub struct BonusPayout(pub bonus_payout::Model, pub Vec<bonus_line::Model>);

/// One person's payout: Σ line items (adjustments included), never below 0.
#[Object]
impl BonusPayout {
    /// The person paid; null if no longer found.
    async fn staff(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, Some(self.0.staff_id)).await
    }
    /// The role the person was paid for.
    async fn role(&self) -> Role {
        self.0.role.into()
    }
    /// The review's total score the run used (null: no KPI scored).
    async fn score(&self) -> AppResult<Option<Decimal>> {
        self.0
            .score
            .as_deref()
            .map(|s| {
                s.parse().map(Decimal).map_err(|e| {
                    AppError::internal(anyhow::anyhow!("payout {} score: {e}", self.0.id))
                })
            })
            .transpose()
    }
    /// The final grade the run used.
    async fn grade(&self) -> Option<Grade> {
        self.0.grade.map(Into::into)
    }
    /// The line items: the plan's rules and any adjustments. Bounded by the plan and the
    /// month's adjustments.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn lines(&self) -> Vec<BonusLine> {
        self.1.iter().cloned().map(BonusLine).collect()
    }
    /// Σ line amounts, which may be negative after deductions.
    async fn gross(&self) -> Decimal {
        from_fen(self.0.gross_fen).into()
    }
    /// What is paid: the gross, floored at 0.
    async fn total(&self) -> Decimal {
        from_fen(self.0.total_fen).into()
    }
}

pub struct BonusLine(pub bonus_line::Model);

/// A line item: a rule's (or an adjustment's) inputs, formula and amount (rounded half-up to
/// 0.01).
#[Object]
impl BonusLine {
    /// The rule's code (its payroll column), or ADJUSTMENT.
    async fn rule(&self) -> &str {
        &self.0.code
    }
    /// What the line comes from.
    async fn kind(&self) -> AppResult<BonusKind> {
        Kind::parse(&self.0.kind)
            .map(Into::into)
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("bonus_line {} kind", self.0.id)))
    }
    /// The values the formula uses. Bounded: the few inputs of the line's rule.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn inputs(&self) -> AppResult<Vec<BonusInput>> {
        Ok(crate::services::bonus::line_inputs(&self.0)?
            .into_iter()
            .map(BonusInput)
            .collect())
    }
    /// The computation with its values, e.g. `1500.00 × 87.5 / 100`.
    async fn formula(&self) -> &str {
        &self.0.formula
    }
    /// Yuan, rounded half-up to 0.01; negative for a deduction.
    async fn amount(&self) -> Decimal {
        from_fen(self.0.amount_fen).into()
    }
}

pub struct BonusInput(rules::Input);

/// A named input of a line item, as shown.
#[Object]
impl BonusInput {
    /// The input's name, e.g. `score`.
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// Its value as the formula shows it.
    async fn value(&self) -> &str {
        &self.0.value
    }
}

pub struct BonusAdjustment(pub bonus_adjustment::Model);

/// A manager's manual adjustment of one person's bonus for a month.
#[Object]
impl BonusAdjustment {
    /// The adjustment's id.
    async fn id(&self) -> Id {
        Id(self.0.id)
    }
    /// The month adjusted.
    async fn month(&self) -> Month {
        Month::of(self.0.month)
    }
    /// The person whose bonus it adjusts; null if no longer found.
    async fn staff(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, Some(self.0.staff_id)).await
    }
    /// Yuan; negative for a deduction.
    async fn amount(&self) -> Decimal {
        from_fen(self.0.amount_fen).into()
    }
    /// Why, as the manager gave it.
    async fn reason(&self) -> &str {
        &self.0.reason
    }
    /// Who added it; null if no longer found.
    async fn created_by(&self, ctx: &Context<'_>) -> AppResult<Option<Staff>> {
        load_staff(ctx, self.0.created_by).await
    }
    /// When it was added.
    async fn created_at(&self) -> DateTime {
        self.0.created_at.into()
    }
}

/// A manual adjustment of a person's bonus.
#[derive(Debug, InputObject)]
pub struct AddBonusAdjustmentInput {
    /// The team.
    pub team_id: Id,
    /// An open month of the team.
    pub month: Month,
    /// The person whose bonus it adjusts.
    pub staff_id: Id,
    /// Yuan, at most two decimals; negative deducts.
    pub amount: Decimal,
    /// Mandatory: why, at most 500 characters (kept in the audit trail).
    pub reason: String,
}

/// What `addBonusAdjustment` added.
#[derive(SimpleObject)]
pub struct AddBonusAdjustmentPayload {
    /// The new adjustment.
    adjustment: BonusAdjustment,
}

/// The adjustment to withdraw.
#[derive(InputObject)]
pub struct RemoveBonusAdjustmentInput {
    /// The adjustment, of an open month.
    pub id: Id,
    /// Why, at most 500 characters (kept in the audit trail).
    pub reason: String,
}

/// What `removeBonusAdjustment` withdrew.
#[derive(SimpleObject)]
pub struct RemoveBonusAdjustmentPayload {
    /// The adjustment as withdrawn.
    adjustment: BonusAdjustment,
}

#[derive(Default)]
pub struct BonusQuery;

#[Object]
impl BonusQuery {
    /// Every role's bonus plan in the team (the default where none was set); any member. Bounded:
    /// one per role.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::ITEM_ROWS, child_complexity)"
    )]
    async fn bonus_plans(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team.")] team_id: Id,
    ) -> AppResult<Vec<BonusPlan>> {
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
        #[graphql(desc = "The team.")] team_id: Id,
        #[graphql(desc = "The month (the team's local calendar).")] month: Month,
    ) -> AppResult<Option<BonusRun>> {
        let team = team(ctx, team_id.0).await?;
        Ok(
            crate::services::bonus::get_run(db(ctx), actor(ctx)?, team.id, month)
                .await?
                .map(BonusRun),
        )
    }

    /// The month's manual adjustments, oldest first; the team's manager. A Relay connection.
    #[graphql(complexity = "crate::graphql::cost::page(first, child_complexity)")]
    async fn bonus_adjustments(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team.")] team_id: Id,
        #[graphql(desc = "The month (the team's local calendar).")] month: Month,
        #[graphql(default = 20, desc = "Page size, 1 to 100.")] first: i32,
        #[graphql(desc = "The `endCursor` of the previous page; omit for the first page.")]
        after: Option<String>,
    ) -> AppResult<IdConnection<BonusAdjustment>> {
        let after_given = after.is_some();
        let page = page_request(first, after)?;
        let adjustments =
            crate::services::bonus::adjustments(db(ctx), actor(ctx)?, team_id.0, month, page)
                .await?;
        Ok(connection(
            adjustments,
            after_given,
            |a| a.id,
            BonusAdjustment,
        ))
    }

    /// The payroll CSV of the month's stored run: staff_id, staff, role, score, grade, one
    /// column per rule, ADJUSTMENT, total. The team's manager.
    #[graphql(
        complexity = "crate::graphql::cost::rows(crate::graphql::cost::TEAM_PEOPLE, crate::graphql::cost::ITEM_ROWS)"
    )]
    async fn payroll_csv(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The team.")] team_id: Id,
        #[graphql(desc = "The month (the team's local calendar).")] month: Month,
    ) -> AppResult<String> {
        let sheet = crate::services::bonus::payroll::sheet(db(ctx), actor(ctx)?, team_id.0, month);
        Ok(crate::files::payroll::csv(&sheet.await?))
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
        #[graphql(desc = "A role's new bonus plan.")] input: SetBonusPlanInput,
    ) -> AppResult<SetBonusPlanPayload> {
        let plan = bonus::set_plan(
            db(ctx),
            actor(ctx)?,
            input.team_id.0,
            input.role.into(),
            input.rules.into_iter().map(Into::into).collect(),
            clock(ctx).now(),
        )
        .await?;
        Ok(SetBonusPlanPayload {
            plan: BonusPlan(plan),
        })
    }

    /// Puts a role back on its default plan; the team's manager.
    async fn reset_bonus_plan(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The role to put back on its default plan.")] input: ResetBonusPlanInput,
    ) -> AppResult<ResetBonusPlanPayload> {
        let role = input.role.into();
        let plan = bonus::reset_plan(db(ctx), actor(ctx)?, input.team_id.0, role).await?;
        Ok(ResetBonusPlanPayload {
            plan: BonusPlan(plan),
        })
    }

    /// Recomputes the month's draft run (and its reviews) from the data; the team's manager.
    /// CONFLICT once the month is finalized.
    async fn compute_bonus_run(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The month whose draft run to recompute.")] input: ComputeBonusRunInput,
    ) -> AppResult<ComputeBonusRunPayload> {
        let run = bonus::recompute(
            db(ctx),
            actor(ctx)?,
            input.team_id.0,
            input.month,
            clock(ctx).now(),
        )
        .await?;
        Ok(ComputeBonusRunPayload { run: BonusRun(run) })
    }

    /// Adds a manual adjustment (audited) to an open month; counted from the next computation.
    async fn add_bonus_adjustment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A manual adjustment of a person's bonus.")]
        input: AddBonusAdjustmentInput,
    ) -> AppResult<AddBonusAdjustmentPayload> {
        let made = bonus::add_adjustment(
            db(ctx),
            actor(ctx)?,
            input.team_id.0,
            input.month,
            input.staff_id.0,
            input.amount.into(),
            &input.reason,
            clock(ctx).now(),
        )
        .await?;
        Ok(AddBonusAdjustmentPayload {
            adjustment: BonusAdjustment(made),
        })
    }

    /// Withdraws an adjustment of an open month, with a reason (audited).
    async fn remove_bonus_adjustment(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The adjustment to withdraw.")] input: RemoveBonusAdjustmentInput,
    ) -> AppResult<RemoveBonusAdjustmentPayload> {
        let removed = bonus::remove_adjustment(
            db(ctx),
            actor(ctx)?,
            input.id.0,
            &input.reason,
            clock(ctx).now(),
        )
        .await?;
        Ok(RemoveBonusAdjustmentPayload {
            adjustment: BonusAdjustment(removed),
        })
    }
}

/// A role's new bonus plan.
#[derive(InputObject)]
pub struct SetBonusPlanInput {
    /// The team.
    pub team_id: Id,
    /// The role the plan pays.
    pub role: Role,
    /// The whole plan, replacing the current one.
    pub rules: Vec<BonusRuleInput>,
}

/// What `setBonusPlan` saved.
#[derive(SimpleObject)]
pub struct SetBonusPlanPayload {
    /// The role's plan as saved.
    plan: BonusPlan,
}

/// The role to put back on its default plan.
#[derive(InputObject)]
pub struct ResetBonusPlanInput {
    /// The team.
    pub team_id: Id,
    /// The role.
    pub role: Role,
}

/// What `resetBonusPlan` restored.
#[derive(SimpleObject)]
pub struct ResetBonusPlanPayload {
    /// The role's default plan, now in force.
    plan: BonusPlan,
}

/// The month whose draft run to recompute.
#[derive(InputObject)]
pub struct ComputeBonusRunInput {
    /// The team.
    pub team_id: Id,
    /// An open month of the team.
    pub month: Month,
}

/// What `computeBonusRun` computed.
#[derive(SimpleObject)]
pub struct ComputeBonusRunPayload {
    /// The month's draft run.
    run: BonusRun,
}

/// One rule of a plan: its code and exactly one of the kinds' parameters.
#[derive(Debug, Clone, Default, InputObject)]
pub struct BonusRuleInput {
    /// The rule's name and payroll column (A–Z, 0–9, _, upper-cased; unique in the plan);
    /// default the kind's name, e.g. COMMISSION.
    pub code: Option<String>,
    /// GRADE_BONUS: base × the grade's coefficient.
    pub grade_bonus: Option<GradeBonusInput>,
    /// SCORE_BONUS: base × score / 100.
    pub score_bonus: Option<ScoreBonusInput>,
    /// COMMISSION: metric × rate, the rate tiered by target completion.
    pub commission: Option<CommissionInput>,
    /// PER_UNIT_OVER_THRESHOLD: an amount per unit sold over a threshold.
    pub per_unit_over_threshold: Option<PerUnitOverThresholdInput>,
    /// TEAM_RELATIVE: a pool shared by the own metric over the role's average.
    pub team_relative: Option<TeamRelativeInput>,
}

impl From<BonusRuleInput> for bonus::RuleInput {
    fn from(input: BonusRuleInput) -> Self {
        let given = [
            input.grade_bonus.map(|p| Rule::GradeBonus(p.into())),
            input.score_bonus.map(|p| Rule::ScoreBonus(p.into())),
            input.commission.map(|p| Rule::Commission(p.into())),
            input
                .per_unit_over_threshold
                .map(|p| Rule::PerUnitOverThreshold(p.into())),
            input.team_relative.map(|p| Rule::TeamRelative(p.into())),
        ];
        Self {
            code: input.code,
            given: given.into_iter().flatten().collect(),
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

impl From<GradeBonusInput> for rules::GradeBonus {
    fn from(input: GradeBonusInput) -> Self {
        Self {
            base: input.base.into(),
            coefficients: input.coefficients.unwrap_or_default().into(),
        }
    }
}

/// Each grade's coefficient; omitted ones keep their default (S 1.5, A 1.2, B 1.0, C 0.6, D 0).
#[derive(Debug, Clone, Default, InputObject)]
pub struct GradeCoefficientsInput {
    /// Grade S; default 1.5.
    pub s: Option<Decimal>,
    /// Grade A; default 1.2.
    pub a: Option<Decimal>,
    /// Grade B; default 1.0.
    pub b: Option<Decimal>,
    /// Grade C; default 0.6.
    pub c: Option<Decimal>,
    /// Grade D; default 0.
    pub d: Option<Decimal>,
}

impl From<GradeCoefficientsInput> for rules::Coefficients {
    fn from(input: GradeCoefficientsInput) -> Self {
        let default = Self::default();
        Self {
            s: input.s.map_or(default.s, Into::into),
            a: input.a.map_or(default.a, Into::into),
            b: input.b.map_or(default.b, Into::into),
            c: input.c.map_or(default.c, Into::into),
            d: input.d.map_or(default.d, Into::into),
        }
    }
}

/// base × score / 100.
#[derive(Debug, Clone, InputObject)]
pub struct ScoreBonusInput {
    /// Yuan, paid in full at score 100.
    pub base: Decimal,
}

impl From<ScoreBonusInput> for rules::ScoreBonus {
    fn from(input: ScoreBonusInput) -> Self {
        Self {
            base: input.base.into(),
        }
    }
}

/// metric × rate, the rate replaced by the highest tier of target completion met.
#[derive(Debug, Clone, InputObject)]
pub struct CommissionInput {
    /// The amount the rate applies to.
    pub metric: CommissionMetric,
    /// A fraction: 0.005 = 0.5 %.
    pub rate: Decimal,
    /// Rates by target completion; the highest tier met replaces `rate`.
    #[graphql(default)]
    pub tiers: Vec<CommissionTierInput>,
}

impl From<CommissionInput> for rules::Commission {
    fn from(input: CommissionInput) -> Self {
        Self {
            metric: input.metric.into(),
            rate: input.rate.into(),
            tiers: input.tiers.into_iter().map(Into::into).collect(),
        }
    }
}

/// A tier of a commission: from this completion of the target on, this rate.
#[derive(Debug, Clone, InputObject)]
pub struct CommissionTierInput {
    /// metric / target from which `rate` applies: 1.0 = 100 %.
    pub completion: Decimal,
    /// The rate from that completion on, a fraction: 0.008 = 0.8 %.
    pub rate: Decimal,
}

impl From<CommissionTierInput> for rules::Tier {
    fn from(input: CommissionTierInput) -> Self {
        Self {
            completion: input.completion.into(),
            rate: input.rate.into(),
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

impl From<PerUnitOverThresholdInput> for rules::PerUnitOverThreshold {
    fn from(input: PerUnitOverThresholdInput) -> Self {
        let default = Self::default();
        Self {
            amount: input.amount.map_or(default.amount, Into::into),
            threshold: input.threshold.unwrap_or(default.threshold),
        }
    }
}

/// pool × own metric / the role's average (pooled for rates, mean per person otherwise).
#[derive(Debug, Clone, InputObject)]
pub struct TeamRelativeInput {
    /// Yuan, the amount at the role's average.
    pub pool: Decimal,
    /// The metric compared with the role's average.
    pub metric: RelativeMetric,
}

impl From<TeamRelativeInput> for rules::TeamRelative {
    fn from(input: TeamRelativeInput) -> Self {
        Self {
            pool: input.pool.into(),
            metric: input.metric.into(),
        }
    }
}
